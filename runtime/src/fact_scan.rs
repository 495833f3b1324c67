//! The facts a decision reads, borrowed from the body in one pass that decodes nothing: what
//! [`ApiError::decide`](crate::ApiError::decide) reads in place of the whole error.
//!
//! The paths and the rules are the watch's ([`crate::field_watch`]) and those of
//! `facts::scalar_at` in a `Value`: through an array, the first element that has the fact; in an
//! object, the last of a repeated key. What differs is what is kept: the text as the body has it
//! where it has no escapes (no copy, no `Value`), and nothing else; a value no path reaches is
//! skipped unread.

use crate::facts::{number_text, wait};
use crate::field_watch::{bits, Node, INLINE_FIELDS};
use crate::model::FieldRole;
use crate::retry_after::{RetryAfter, RetryAfterFormat};
use serde_core::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// How many field paths a scan follows: a model of more is read by the watch instead.
pub(crate) const MAX_SCANNED: usize = INLINE_FIELDS;

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
    slots: [Option<Scalar<'de>>; MAX_SCANNED],
    /// The paths with nothing yet, one bit each.
    missing: u64,
}

impl<'de> Scanned<'de> {
    /// The first of the model's paths for `role` that found something, in the model's order
    /// (the first path that gives a fact wins, as for the error's facts).
    pub(crate) fn first(&self, fields: &[(FieldRole, &[&str])], role: FieldRole) -> Option<&Scalar<'de>> {
        fields.iter().zip(&self.slots).find_map(|((of, _), slot)| slot.as_ref().filter(|_| *of == role))
    }
}

/// Scans `body` for the scalars at the paths of `fields` (at most [`MAX_SCANNED`]); an error
/// when the body is not JSON.
pub(crate) fn scan<'de>(body: &'de [u8], fields: &[(FieldRole, &[&str])]) -> Result<Scanned<'de>, serde_json::Error> {
    debug_assert!(fields.len() <= MAX_SCANNED);
    let fields = &fields[..fields.len().min(MAX_SCANNED)];
    let wanted = (1u64 << fields.len()) - 1;
    let mut found = Scanned { slots: Default::default(), missing: wanted };
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    Scan { node: Node { fields, depth: 0, wanted }, found: &mut found }.deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(found)
}

/// One value on a watched path.
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
        for index in bits(ending) {
            self.found.slots[index] = Some(value.clone());
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
        while seq.next_element::<IgnoredAny>()?.is_some() {}
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
                for index in bits(replaced) {
                    self.found.slots[index] = None;
                }
                self.found.missing |= replaced;
            }
            if under & self.found.missing == 0 {
                map.next_value::<IgnoredAny>()?;
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
mod tests {
    use super::*;
    use crate::field_watch::tests::{by_value, node, text, FIELDS, REPEATED_KEYS};
    use proptest::prelude::*;
    use serde_json::Value;

    /// The first paths of the watch's tests, as many as a scan follows.
    const SCANNED: &[(FieldRole, &[&str])] = FIELDS.split_at(MAX_SCANNED).0;

    /// What the scan found at each path, as the `Value` it stands for.
    fn scanned(body: &str) -> Option<Vec<Option<Value>>> {
        let found = scan(body.as_bytes(), SCANNED).ok()?;
        let value = |scalar: &Scalar<'_>| match scalar {
            Scalar::Text(text) => Value::from(text.as_ref()),
            Scalar::Number(number) => Value::Number(number.clone()),
        };
        Some(found.slots[..SCANNED.len()].iter().map(|slot| slot.as_ref().map(value)).collect())
    }

    /// What a `Value` of the body gives at those paths.
    fn expected(body: &str) -> Option<Vec<Option<Value>>> {
        by_value(body).map(|mut found| {
            found.truncate(SCANNED.len());
            found
        })
    }

    #[test]
    fn text_is_borrowed_from_the_body_unless_it_has_escapes() {
        let found = scan(br#"{"code": "plain", "error": {"message": "tab\tbed"}}"#, SCANNED).unwrap();
        assert!(matches!(found.first(SCANNED, FieldRole::Code), Some(Scalar::Text(Cow::Borrowed("plain")))));
        assert!(
            matches!(found.first(SCANNED, FieldRole::Message), Some(Scalar::Text(Cow::Owned(text))) if text == "tab\tbed")
        );
    }

    #[test]
    fn the_first_path_of_a_role_that_has_a_fact_gives_it() {
        // `code` comes before `error.code` in the model: the body's order does not count.
        let found = scan(br#"{"error": {"code": 7}, "code": "top"}"#, SCANNED).unwrap();
        assert_eq!(found.first(SCANNED, FieldRole::Code).map(Scalar::text).as_deref(), Some("top"));
        let found = scan(br#"{"error": {"code": 7.0}}"#, SCANNED).unwrap();
        assert_eq!(found.first(SCANNED, FieldRole::Code).map(Scalar::text).as_deref(), Some("7"));
    }

    #[test]
    fn repeated_keys_and_arrays_read_as_a_value_does() {
        for body in REPEATED_KEYS.into_iter().chain([
            r#"{"errors": [{"code": "a"}, {"code": "b", "code": "c"}]}"#,
            r#"{"errors": [{"code": {}}, {"field": "x"}, {"code": "b"}], "grid": [[], [null, "g"]]}"#,
            r#"{"c\u006fde": "escaped"}"#,
        ]) {
            assert_eq!(scanned(body), expected(body), "{body}");
        }
    }

    #[test]
    fn what_is_not_json_gives_nothing() {
        for body in ["", "{", r#"{"code": "a"} trailing"#, "<html>", r#"{"code": "a",}"#] {
            assert_eq!(scanned(body), None, "{body}");
        }
    }

    proptest! {
        #[test]
        fn the_scan_agrees_with_a_value_on_any_json(node in node()) {
            let text = text(&node);
            prop_assert_eq!(scanned(&text), expected(&text), "{}", text);
        }
    }
}
