//! The facts of a body (its code, hint, message, request id, wait, support reference), found at
//! the model's paths in one pass over its bytes that decodes nothing: what
//! [`ApiError::from_response`](crate::ApiError::from_response) keeps and
//! [`ApiError::decide`](crate::ApiError::decide) reads, whether or not the body decodes (the typed
//! body is decoded when asked for).
//!
//! The rules are those of `facts::scalar_at` in a `Value`: through an array, the first element
//! that has the fact; in an object, the last of a repeated key (a proptest holds the two
//! together). The text is kept as the body has it where it has no escapes (no copy, no `Value`:
//! of 1 MiB of tiny objects, a `Value` took 25 times the body's size), and a value no path
//! reaches is skipped unread. A visitor of its own rather than a `Value` or the typed decode
//! watched as it goes: the typed decode with a watching deserializer around it cost twice the
//! decode, and this pass alone costs about one (BENCHMARKS.md).

use crate::facts::{number_text, wait, BodyFacts};
use crate::model::{FieldRole, Model, ANY_ELEMENT, EACH_ELEMENT};
use crate::retry_after::{RetryAfter, RetryAfterFormat};
use serde_core::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// How many field paths a scan follows (one bit each): a model of more is read from a `Value`.
pub(crate) const MAX_SCANNED: usize = 64;

/// How many paths' slots a scan keeps without allocating (no catalog here has more).
const INLINE_SLOTS: usize = 8;

/// A string or a number found at a path.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Scalar<'de> {
    /// Text, borrowed from the body unless it had escapes.
    Text(Cow<'de, str>),
    /// A number, as JSON wrote it.
    Number(serde_json::Number),
}

impl Scalar<'_> {
    /// The fact's text: a string as sent, a number as `facts` writes it (`20429.0` is `20429`).
    pub(crate) fn text(&self) -> Cow<'_, str> {
        match self {
            Self::Text(text) => Cow::Borrowed(text),
            Self::Number(number) => Cow::Owned(number_text(number)),
        }
    }

    /// The wait it asks for, read in `formats` as a body field's wait is.
    pub(crate) fn wait(&self, formats: &[RetryAfterFormat]) -> Option<RetryAfter> {
        match self {
            Self::Text(text) => RetryAfter::parse(text, formats),
            Self::Number(number) => wait(&serde_json::Value::Number(number.clone()), formats),
        }
    }
}

/// What a scan found: a slot per field path of the model, in its order.
pub(crate) struct Scanned<'de> {
    slots: Slots<'de>,
    /// The paths with nothing yet, one bit each.
    missing: u64,
}

/// The slots: on the stack for the few paths a model has, else on the heap.
// The inline variant is the point: it lives on the stack for one response.
#[allow(clippy::large_enum_variant)]
enum Slots<'de> {
    Inline([Option<Scalar<'de>>; INLINE_SLOTS]),
    Heap(Vec<Option<Scalar<'de>>>),
}

impl<'de> Slots<'de> {
    fn new(len: usize) -> Self {
        match len <= INLINE_SLOTS {
            true => Self::Inline(Default::default()),
            false => Self::Heap(vec![None; len]),
        }
    }

    fn get(&self) -> &[Option<Scalar<'de>>] {
        match self {
            Self::Inline(slots) => slots,
            Self::Heap(slots) => slots,
        }
    }

    fn get_mut(&mut self) -> &mut [Option<Scalar<'de>>] {
        match self {
            Self::Inline(slots) => slots,
            Self::Heap(slots) => slots,
        }
    }
}

impl<'de> Scanned<'de> {
    /// Nothing yet, for `paths` paths (at most [`MAX_SCANNED`]).
    pub(crate) fn new(paths: usize) -> Self {
        // One bit per path: all 64, or the low `paths`.
        let missing = match paths.min(MAX_SCANNED) {
            MAX_SCANNED => u64::MAX,
            paths => (1u64 << paths) - 1,
        };
        Self { slots: Slots::new(paths.min(MAX_SCANNED)), missing }
    }

    /// The first fact of each role, by the role's discriminant, in one pass over the paths: the
    /// first of a role's paths that found something, in the model's order, gives it (as for the
    /// error's facts).
    pub(crate) fn by_role(&self, fields: &[(FieldRole, &[&str])]) -> [Option<&Scalar<'de>>; FieldRole::ALL.len()] {
        let mut found = [None; FieldRole::ALL.len()];
        for ((role, _), slot) in fields.iter().zip(self.slots.get()) {
            // (`ALL` is in declaration order: a role's discriminant is its index.)
            let first = &mut found[*role as usize];
            if first.is_none() {
                *first = slot.as_ref();
            }
        }
        found
    }

    /// The facts, owned, as an error keeps them (the facts of every element, which rules read
    /// for some models, come from a `Value`).
    pub(crate) fn facts(&self, model: &Model) -> BodyFacts {
        let found = self.by_role(model.fields);
        let text = |role: FieldRole| found[role as usize].map(|scalar| scalar.text().into_owned());
        BodyFacts {
            code: text(FieldRole::Code),
            hint: text(FieldRole::Hint),
            message: text(FieldRole::Message),
            request_id: text(FieldRole::RequestId),
            support_reference: text(FieldRole::SupportReference),
            retry_after: found[FieldRole::RetryAfter as usize].and_then(|wait| wait.wait(model.body_wait_formats)),
            every_code: Vec::new(),
            every_hint: Vec::new(),
        }
    }
}

/// Scans `body` for the scalars at the paths of `fields` (at most [`MAX_SCANNED`]) into `found`
/// (new, for as many paths); an error when the body is not JSON.
#[inline]
pub(crate) fn scan<'de>(
    body: &'de [u8],
    fields: &[(FieldRole, &[&str])],
    found: &mut Scanned<'de>,
) -> Result<(), serde_json::Error> {
    debug_assert!(fields.len() <= MAX_SCANNED);
    let fields = &fields[..fields.len().min(MAX_SCANNED)];
    let wanted = found.missing;
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    Scan { node: Node { fields, depth: 0, wanted }, found }.deserialize(&mut deserializer)?;
    deserializer.end()
}

/// One value on a path.
struct Scan<'s, 'p, 'de> {
    node: Node<'p>,
    found: &'s mut Scanned<'de>,
}

impl<'de> Scan<'_, '_, 'de> {
    /// Keeps `value` (made only when needed) for the paths that end here and have nothing yet.
    fn keep(self, value: impl FnOnce() -> Scalar<'de>) {
        let ending = self.node.ending() & self.found.missing;
        if ending == 0 {
            return;
        }
        self.found.missing &= !ending;
        let value = value();
        let slots = self.found.slots.get_mut();
        for index in bits(ending) {
            slots[index] = Some(value.clone());
        }
    }
}

impl<'de> DeserializeSeed<'de> for Scan<'_, '_, 'de> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Scan<'_, '_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, number: i64) -> Result<(), E> {
        self.keep(|| Scalar::Number(number.into()));
        Ok(())
    }

    fn visit_u64<E>(self, number: u64) -> Result<(), E> {
        self.keep(|| Scalar::Number(number.into()));
        Ok(())
    }

    fn visit_f64<E>(self, number: f64) -> Result<(), E> {
        // Finite in JSON; a `Value` holds `Null` otherwise, which no fact reads.
        if let Some(number) = serde_json::Number::from_f64(number) {
            self.keep(|| Scalar::Number(number));
        }
        Ok(())
    }

    fn visit_borrowed_str<E>(self, text: &'de str) -> Result<(), E> {
        self.keep(|| Scalar::Text(Cow::Borrowed(text)));
        Ok(())
    }

    fn visit_str<E>(self, text: &str) -> Result<(), E> {
        self.keep(|| Scalar::Text(Cow::Owned(text.to_owned())));
        Ok(())
    }

    fn visit_string<E>(self, text: String) -> Result<(), E> {
        self.keep(|| Scalar::Text(Cow::Owned(text)));
        Ok(())
    }

    /// Each element is scanned for the paths that go into it until every one has its fact.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let element = Node { depth: self.node.depth + 1, wanted: self.node.through_elements(), ..self.node };
        while element.wanted & self.found.missing != 0 {
            if seq.next_element_seed(Scan { node: element, found: &mut *self.found })?.is_none() {
                return Ok(());
            }
        }
        while seq.next_element_seed(Skip)?.is_some() {}
        Ok(())
    }

    /// Each key is read as it goes by; a value only where a path goes on under its key.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        // The paths under the keys read so far (to tell a repeated key), and those whose fact a
        // value of this object gave.
        let (mut seen, mut filled) = (0u64, 0u64);
        while let Some(under) = map.next_key_seed(KeyPaths(self.node))? {
            // A repeated key replaces what the first one gave, as in a `Value` (and only that:
            // what an earlier element of an array gave stays).
            let replaced = under & seen & filled;
            seen |= under;
            if replaced != 0 {
                let slots = self.found.slots.get_mut();
                for index in bits(replaced) {
                    slots[index] = None;
                }
                self.found.missing |= replaced;
            }
            if under & self.found.missing == 0 {
                map.next_value_seed(Skip)?;
                continue;
            }
            let empty_before = self.found.missing;
            let child = Node { depth: self.node.depth + 1, wanted: under, ..self.node };
            map.next_value_seed(Scan { node: child, found: &mut *self.found })?;
            filled |= empty_before & !self.found.missing & under;
        }
        Ok(())
    }
}

/// A value no path reaches, read as a `Value` is (its strings checked, its nesting counted) and
/// kept nowhere: a body a `Value` refuses is refused here too, so that a body is JSON or not
/// alike in every language's reader. (`IgnoredAny` skips a string without checking it.)
struct Skip;

impl<'de> DeserializeSeed<'de> for Skip {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Skip {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(Skip)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_key_seed(Skip)?.is_some() {
            map.next_value_seed(Skip)?;
        }
        Ok(())
    }
}

/// Where a value stands: the paths that lead through it.
#[derive(Clone, Copy)]
struct Node<'p> {
    fields: &'p [(FieldRole, &'p [&'p str])],
    /// How many keys lead here.
    depth: usize,
    /// The paths whose first `depth` keys lead here, one bit each (no allocation: this runs
    /// for every response).
    wanted: u64,
}

impl Node<'_> {
    /// The paths that end at this value. (Over the set bits of `wanted`, which are few: this
    /// runs for every value on a path.)
    fn ending(&self) -> u64 {
        bits(self.wanted)
            .filter(|&index| self.fields[index].1.len() == self.depth)
            .fold(0, |set, index| set | 1 << index)
    }

    /// The paths that go on under `key`, in an object here.
    fn under(&self, key: &str) -> u64 {
        bits(self.wanted)
            .filter(|&index| self.fields[index].1.get(self.depth) == Some(&key))
            .fold(0, |set, index| set | 1 << index)
    }

    /// The paths that go on into each element, in an array here (their next key is
    /// [`EACH_ELEMENT`] or [`ANY_ELEMENT`]: the first element with the fact gives it either way).
    fn through_elements(&self) -> u64 {
        self.under(EACH_ELEMENT) | self.under(ANY_ELEMENT)
    }
}

/// The indexes of the set bits of `set`, lowest first.
fn bits(mut set: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let index = set.trailing_zeros() as usize;
        set &= set.wrapping_sub(1);
        (index < 64).then_some(index)
    })
}

/// A key, read for the paths that go on under it (never copied).
struct KeyPaths<'p>(Node<'p>);

impl<'de> DeserializeSeed<'de> for KeyPaths<'_> {
    type Value = u64;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<u64, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeyPaths<'_> {
    type Value = u64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E>(self, key: &str) -> Result<u64, E> {
        Ok(self.0.under(key))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    /// What `scan` finds in `body`, or why it is not JSON.
    fn scan_of<'de>(body: &'de [u8], fields: &[(FieldRole, &[&str])]) -> Result<Scanned<'de>, serde_json::Error> {
        let mut found = Scanned::new(fields.len());
        scan(body, fields, &mut found).map(|()| found)
    }

    pub(crate) const FIELDS: &[(FieldRole, &[&str])] = &[
        (FieldRole::Code, &["code"]),
        (FieldRole::Code, &["error", "code"]),
        (FieldRole::Message, &["error", "message"]),
        (FieldRole::RetryAfter, &["retry"]),
        (FieldRole::Message, &["error"]),
        (FieldRole::Hint, &["errors", EACH_ELEMENT, "code"]),
        (FieldRole::Hint, &["error", "details", EACH_ELEMENT, "reason"]),
        (FieldRole::Hint, &["grid", EACH_ELEMENT, EACH_ELEMENT]),
        (FieldRole::Code, &["errors", ANY_ELEMENT, "field"]),
    ];

    /// Bodies that repeat a key on a path, which a `Value` resolves to the last one.
    const REPEATED_KEYS: [&str; 5] = [
        r#"{"z": 1, "z": 2, "retry": "first", "retry": "second"}"#,
        r#"{"retry": "first", "retry": null}"#,
        r#"{"error": {"code": "a"}, "error": {"message": "b"}}"#,
        r#"{"error": "text", "error": {"code": "c"}}"#,
        r#"{"error": {"code": "c"}, "error": "text"}"#,
    ];

    /// What a `Value` of the body gives at each path, when it is a string or a number: what the
    /// scan must give.
    fn by_value(body: &str, fields: &[(FieldRole, &[&str])]) -> Option<Vec<Option<Value>>> {
        let json: Value = serde_json::from_str(body).ok()?;
        Some(fields.iter().map(|(_, path)| crate::facts::scalar_at(&json, path).cloned()).collect())
    }

    /// What the scan found at each path, as the `Value` it stands for.
    fn scanned(body: &str, fields: &[(FieldRole, &[&str])]) -> Option<Vec<Option<Value>>> {
        let found = scan_of(body.as_bytes(), fields).ok()?;
        let value = |scalar: &Scalar<'_>| match scalar {
            Scalar::Text(text) => Value::from(text.as_ref()),
            Scalar::Number(number) => Value::Number(number.clone()),
        };
        Some(found.slots.get()[..fields.len()].iter().map(|slot| slot.as_ref().map(value)).collect())
    }

    /// The scan and a `Value`, on the test's paths, on the stack's few slots and on the heap's.
    fn both(body: &str) -> Both {
        let few = &FIELDS[..INLINE_SLOTS];
        [(scanned(body, few), by_value(body, few)), (scanned(body, FIELDS), by_value(body, FIELDS))]
    }

    #[test]
    fn finds_scalars_at_their_paths_and_nothing_else() {
        let body = r#"{"code": "A", "error": {"code": 7, "message": "m", "x": [1, {"code": "no"}]}, "retry": 1.5, "z": {"code": "no"}}"#;
        let found = scanned(body, FIELDS).unwrap();
        assert_eq!(Some(&found), by_value(body, FIELDS).as_ref());
        assert_eq!(found[0], Some(Value::from("A")));
        assert_eq!(found[1], Some(Value::from(7)));
        assert_eq!(found[3], Some(Value::from(1.5)));
        assert_eq!(found[4], None, "an object is not a scalar");
    }

    #[test]
    fn text_is_borrowed_from_the_body_unless_it_has_escapes() {
        let found = scan_of(br#"{"code": "plain", "error": {"message": "tab\tbed"}}"#, FIELDS).unwrap();
        assert!(matches!(found.by_role(FIELDS)[FieldRole::Code as usize], Some(Scalar::Text(Cow::Borrowed("plain")))));
        let message = found.by_role(FIELDS)[FieldRole::Message as usize];
        assert!(matches!(message, Some(Scalar::Text(Cow::Owned(text))) if text == "tab\tbed"));
    }

    #[test]
    fn the_first_path_of_a_role_that_has_a_fact_gives_it() {
        // `code` comes before `error.code` in the model: the body's order does not count.
        let found = scan_of(br#"{"error": {"code": 7}, "code": "top"}"#, FIELDS).unwrap();
        assert_eq!(found.by_role(FIELDS)[FieldRole::Code as usize].map(Scalar::text).as_deref(), Some("top"));
        let found = scan_of(br#"{"error": {"code": 7.0}}"#, FIELDS).unwrap();
        assert_eq!(found.by_role(FIELDS)[FieldRole::Code as usize].map(Scalar::text).as_deref(), Some("7"));
    }

    #[test]
    fn repeated_keys_and_arrays_read_as_a_value_does() {
        for body in REPEATED_KEYS.into_iter().chain([
            r#"{"errors": [{"code": "a"}, {"code": "b", "code": "c"}]}"#,
            r#"{"errors": [{"code": {}}, {"field": "x"}, {"code": "b"}], "grid": [[], [null, "g"]]}"#,
            r#"{"c\u006fde": "escaped"}"#,
        ]) {
            for (scanned, by_value) in both(body) {
                assert_eq!(scanned, by_value, "{body}");
            }
        }
        // Through `[*]` too, the first element that has the fact gives it; a repeated key inside
        // an element replaces what that key held, not what an earlier element gave.
        let found = scanned(r#"{"errors": [{"code": "a"}, {"code": "b", "code": "c"}]}"#, FIELDS).unwrap();
        assert_eq!(found[5], Some(Value::from("a")));
    }

    #[test]
    fn what_is_not_json_gives_nothing() {
        for body in ["", "{", r#"{"code": "a"} trailing"#, "<html>", r#"{"code": "a",}"#] {
            assert_eq!(scanned(body, FIELDS), None, "{body}");
        }
    }

    /// A JSON document in which an object may repeat a key (which `Value` cannot hold).
    #[derive(Clone, Debug)]
    pub(crate) enum Node {
        Leaf(Value),
        Array(Vec<Node>),
        Object(Vec<(&'static str, Node)>),
    }

    pub(crate) fn text(node: &Node) -> String {
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
    pub(crate) fn node() -> impl Strategy<Value = Node> {
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
            let key = prop::sample::select(vec![
                "code", "error", "message", "retry", "errors", "details", "reason", "grid", "field", "z",
            ]);
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Node::Array),
                prop::collection::vec((key, inner), 0..5).prop_map(Node::Object),
            ]
        })
    }

    /// The results of the scan and of a `Value`, one pair per set of paths.
    type Both = [(Option<Vec<Option<Value>>>, Option<Vec<Option<Value>>>); 2];

    #[test]
    fn what_a_value_refuses_is_refused_wherever_it_is() {
        let deep = format!("{{\"z\": {}{}}}", "[".repeat(200), "]".repeat(200));
        for body in [
            &b"{\"z\": \"\xff\xfe\", \"code\": \"a\"}"[..],
            br#"{"z": "\ud800", "code": "a"}"#,
            br#"{"z": 1e400, "code": "a"}"#,
            br#"{"z": [1, 2,], "code": "a"}"#,
            br#"{"\xff": 1, "code": "a"}"#,
            deep.as_bytes(),
        ] {
            let by_value = serde_json::from_slice::<Value>(body).is_ok();
            assert_eq!(scan_of(body, FIELDS).is_ok(), by_value, "{}", String::from_utf8_lossy(body));
            assert!(!by_value);
        }
    }

    proptest! {
        #[test]
        fn bytes_are_json_to_the_scan_as_to_a_value(body in proptest::collection::vec(any::<u8>(), 0..64), node in node()) {
            // Random bytes, and a document with random bytes in place of some of its own.
            let mut text = text(&node).into_bytes();
            for (at, byte) in body.iter().enumerate().filter(|(at, _)| at % 7 == 0) {
                if let Some(slot) = text.get_mut(at) {
                    *slot = *byte;
                }
            }
            for bytes in [&body, &text] {
                prop_assert_eq!(scan_of(bytes, FIELDS).is_ok(), serde_json::from_slice::<Value>(bytes).is_ok());
            }
        }

        #[test]
        fn the_scan_agrees_with_a_value_on_any_json(node in node()) {
            let text = text(&node);
            for (scanned, by_value) in both(&text) {
                prop_assert_eq!(scanned, by_value, "{}", text);
            }
        }
    }
}
