//! The values at a model's field paths, read from JSON bytes without building the whole
//! document: one pass that keeps the scalars at those paths and skips everything else.
//!
//! A body that decodes into its typed form still has its facts read by path (the same rules
//! as for a body that does not), and building a `serde_json::Value` of it only for that cost
//! twice the typed decode itself (BENCHMARKS.md).

use serde::de::{DeserializeSeed, Deserializer, Error, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::borrow::Cow;
use std::fmt;

/// For each field, the scalar (string or number) found at its path, if any: what the path
/// reaches in `body`, as `serde_json::Value::pointer` would, when it is a string or a number.
/// A repeated key counts as serde_json counts it: the last one wins. `None` when the body is
/// not JSON, or for more than 64 fields (read those from a `Value`).
pub(crate) fn scan<R>(body: &[u8], fields: &[(R, &[&str])]) -> Option<Vec<Option<Value>>> {
    let all = match fields.len() {
        64 => u64::MAX,
        n @ 0..64 => (1u64 << n) - 1,
        _ => return None,
    };
    let paths: Vec<&[&str]> = fields.iter().map(|(_, path)| *path).collect();
    let mut found = vec![None; fields.len()];
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    Scan { paths: &paths, depth: 0, wanted: all, found: &mut found }.deserialize(&mut deserializer).ok()?;
    deserializer.end().ok()?;
    Some(found)
}

/// One node of the document, with the paths that lead through it.
struct Scan<'a> {
    paths: &'a [&'a [&'a str]],
    /// How many keys lead here.
    depth: usize,
    /// The paths whose first `depth` keys lead here, one bit each (a set without allocating:
    /// the scan runs for every decoded body).
    wanted: u64,
    found: &'a mut [Option<Value>],
}

impl Scan<'_> {
    fn wanted(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.paths.len()).filter(|&index| self.wanted & (1 << index) != 0)
    }

    /// Keeps `value` for the paths that end at this node.
    fn keep(self, value: Value) {
        let (paths, depth, wanted) = (self.paths, self.depth, self.wanted);
        let ending = (0..paths.len()).filter(|&index| wanted & (1 << index) != 0 && paths[index].len() == depth);
        let mut ending = ending.peekable();
        let mut value = Some(value);
        while let Some(index) = ending.next() {
            // Moved into the last path that ends here, cloned for any before it.
            self.found[index] = if ending.peek().is_some() { value.clone() } else { value.take() };
        }
    }

    /// Forgets what an earlier node under the same key left for the paths through this one
    /// (paths that reach a boolean, a null, an array or an object find nothing).
    fn clear(&mut self) {
        for index in 0..self.paths.len() {
            if self.wanted & (1 << index) != 0 {
                self.found[index] = None;
            }
        }
    }
}

impl<'de> DeserializeSeed<'de> for Scan<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Scan<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<(), E> {
        self.keep(Value::String(text.to_owned()));
        Ok(())
    }

    fn visit_u64<E: Error>(self, number: u64) -> Result<(), E> {
        self.keep(Value::from(number));
        Ok(())
    }

    fn visit_i64<E: Error>(self, number: i64) -> Result<(), E> {
        self.keep(Value::from(number));
        Ok(())
    }

    fn visit_f64<E: Error>(self, number: f64) -> Result<(), E> {
        // Finite in JSON; `from` gives `Null` otherwise, which no fact reads.
        self.keep(Value::from(number));
        Ok(())
    }

    // Booleans and nulls are no fact: the paths ending there stay empty.
    fn visit_bool<E: Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        // No path goes through an array.
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(Key(key)) = map.next_key()? {
            let next = self
                .wanted()
                .filter(|&index| self.paths[index].get(self.depth) == Some(&&*key))
                .fold(0u64, |set, index| set | 1 << index);
            if next == 0 {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let mut child = Scan { paths: self.paths, depth: self.depth + 1, wanted: next, found: &mut *self.found };
            // A repeated key replaces what the first one held, as in a `Value`.
            child.clear();
            map.next_value_seed(child)?;
        }
        Ok(())
    }
}

/// An object key, borrowed from the bytes unless it has escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object key")
            }

            fn visit_borrowed_str<E: Error>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(key)))
            }

            fn visit_str<E: Error>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key.to_owned())))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `Value` gives at each path, when it is a string or a number: what the scan must give.
    fn by_value(body: &str, paths: &[&[&str]]) -> Option<Vec<Option<Value>>> {
        let json: Value = serde_json::from_str(body).ok()?;
        Some(
            paths
                .iter()
                .map(|path| {
                    path.iter()
                        .try_fold(&json, |node, key| node.get(key))
                        .filter(|v| v.is_string() || v.is_number())
                        .cloned()
                })
                .collect(),
        )
    }

    const PATHS: &[&[&str]] = &[&["code"], &["error", "code"], &["error", "message"], &["retry"], &["error"]];
    const FIELDS: &[((), &[&str])] =
        &[((), &["code"]), ((), &["error", "code"]), ((), &["error", "message"]), ((), &["retry"]), ((), &["error"])];

    #[test]
    fn finds_scalars_at_their_paths_and_nothing_else() {
        let body = r#"{"code": "A", "error": {"code": 7, "message": "m", "x": [1, {"code": "no"}]}, "retry": 1.5}"#;
        let found = scan(body.as_bytes(), FIELDS).unwrap();
        assert_eq!(found, by_value(body, PATHS).unwrap());
        assert_eq!(found[0], Some(Value::from("A")));
        assert_eq!(found[1], Some(Value::from(7)));
        assert_eq!(found[3], Some(Value::from(1.5)));
        assert_eq!(found[4], None, "an object is not a scalar");
    }

    #[test]
    fn repeated_keys_keep_the_last_as_a_value_does() {
        for body in [
            r#"{"code": "first", "code": "second"}"#,
            r#"{"code": "first", "code": null}"#,
            r#"{"error": {"code": "a"}, "error": {"message": "b"}}"#,
            r#"{"error": "text", "error": {"code": "c"}}"#,
            r#"{"error": {"code": "c"}, "error": "text"}"#,
        ] {
            assert_eq!(scan(body.as_bytes(), FIELDS), by_value(body, PATHS), "{body}");
        }
    }

    #[test]
    fn keys_with_escapes_match() {
        let body = r#"{"c\u006fde": "escaped"}"#;
        assert_eq!(scan(body.as_bytes(), FIELDS).unwrap()[0], Some(Value::from("escaped")));
    }

    #[test]
    fn what_is_not_json_gives_nothing() {
        for body in ["", "{", r#"{"code": "a"} trailing"#, "<html>", r#"{"code": "a",}"#] {
            assert_eq!(scan(body.as_bytes(), FIELDS), None, "{body}");
            assert_eq!(by_value(body, PATHS), None, "{body}");
        }
    }

    /// A JSON document in which an object may repeat a key (which `Value` cannot hold).
    #[derive(Clone, Debug)]
    enum Node {
        Leaf(Value),
        Array(Vec<Node>),
        Object(Vec<(&'static str, Node)>),
    }

    fn text(node: &Node) -> String {
        match node {
            Node::Leaf(value) => value.to_string(),
            Node::Array(items) => format!("[{}]", items.iter().map(text).collect::<Vec<_>>().join(",")),
            Node::Object(members) => {
                let members: Vec<String> =
                    members.iter().map(|(k, v)| format!("{}:{}", Value::from(*k), text(v))).collect();
                format!("{{{}}}", members.join(","))
            }
        }
    }

    /// Documents built from the keys the paths use, so that paths are often hit.
    fn node() -> impl Strategy<Value = Node> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            (-1e6f64..1e6).prop_map(Value::from),
            "[a-z\"\\\\é]{0,6}".prop_map(Value::from),
        ]
        .prop_map(Node::Leaf);
        leaf.prop_recursive(4, 32, 6, |inner| {
            let key = prop::sample::select(vec!["code", "error", "message", "retry", "z"]);
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Node::Array),
                prop::collection::vec((key, inner), 0..5).prop_map(Node::Object),
            ]
        })
    }

    proptest! {
        #[test]
        fn the_scan_agrees_with_a_value_on_any_json(node in node()) {
            let text = text(&node);
            prop_assert_eq!(scan(text.as_bytes(), FIELDS), by_value(&text, PATHS), "{}", text);
        }
    }
}
