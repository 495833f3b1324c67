//! What the generated decoders of bodies call: which member a key names, and each member read
//! once. Written here once, so that each generated decoder is only its list of members and what
//! it builds from them.

use serde_core::de::{DeserializeSeed, Deserializer, Error, MapAccess, Visitor};
use std::fmt;

/// Reads a key of the body as the index of the member it names, by the generated `match` of
/// the body's members (`None` for a key the body does not declare). The `match` is a closure,
/// so each decoder calls its own directly and it compiles as serde's derive compiles its
/// field names; a scan of a list of names cost OFAuth's bodies 7 to 11% of their decoding.
#[derive(Clone, Copy)]
pub struct MemberKey<F>(pub F);

impl<'de, F: Fn(&str) -> Option<usize>> DeserializeSeed<'de> for MemberKey<F> {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<usize>, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<F: Fn(&str) -> Option<usize>> Visitor<'_> for MemberKey<F> {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    #[inline]
    fn visit_str<E: Error>(self, key: &str) -> Result<Option<usize>, E> {
        Ok((self.0)(key))
    }

    fn visit_bytes<E: Error>(self, key: &[u8]) -> Result<Option<usize>, E> {
        Ok(std::str::from_utf8(key).ok().and_then(self.0))
    }
}

/// A key of a body that keeps extension members: the member it names, or the key itself.
#[derive(Debug, PartialEq, Eq)]
pub enum Key {
    /// The index of the member in the list.
    Member(usize),
    /// A key the body's format does not declare.
    Extension(String),
}

/// Reads a key of the body as the member it names (as [`MemberKey`] does) or, for a key the
/// body does not declare, as the key itself (the one allocation, for an extension member).
#[derive(Clone, Copy)]
pub struct MemberOrExtension<F>(pub F);

impl<'de, F: Fn(&str) -> Option<usize>> DeserializeSeed<'de> for MemberOrExtension<F> {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<F: Fn(&str) -> Option<usize>> Visitor<'_> for MemberOrExtension<F> {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: Error>(self, key: &str) -> Result<Key, E> {
        Ok(match (self.0)(key) {
            Some(index) => Key::Member(index),
            None => Key::Extension(key.to_owned()),
        })
    }

    fn visit_string<E: Error>(self, key: String) -> Result<Key, E> {
        Ok(match (self.0)(&key) {
            Some(index) => Key::Member(index),
            None => Key::Extension(key),
        })
    }
}

/// Reads the value of member `name` into its slot; a member sent twice is an error, as serde's
/// derive has it.
#[inline]
pub fn read_member<'de, A, T>(access: &mut A, slot: &mut Option<T>, name: &'static str) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    T: serde_core::Deserialize<'de>,
{
    if slot.is_some() {
        return Err(A::Error::duplicate_field(name));
    }
    *slot = Some(access.next_value()?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::IgnoredAny;

    /// The members' `match`, as the generated decoders write it.
    fn members(key: &str) -> Option<usize> {
        match key {
            "error" => Some(0),
            "message" => Some(1),
            _ => None,
        }
    }

    /// The members of a JSON object as `read_member` reads them, the others skipped.
    fn read(json: &str) -> Result<(Option<String>, Option<Option<String>>), serde_json::Error> {
        struct Body;
        impl<'de> Visitor<'de> for Body {
            type Value = (Option<String>, Option<Option<String>>);
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let (mut error, mut message) = (None, None);
                while let Some(member) = access.next_key_seed(MemberKey(members))? {
                    match member {
                        Some(0) => read_member(&mut access, &mut error, "error")?,
                        Some(1) => read_member(&mut access, &mut message, "message")?,
                        _ => drop(access.next_value::<IgnoredAny>()?),
                    }
                }
                Ok((error, message))
            }
        }
        let mut deserializer = serde_json::Deserializer::from_str(json);
        deserializer.deserialize_map(Body)
    }

    #[test]
    fn keys_name_their_members_and_others_are_skipped() {
        let (error, message) = read(r#"{"other": [1, {"error": 2}], "m\u0065ssage": null, "error": "e"}"#).unwrap();
        assert_eq!(error.as_deref(), Some("e"));
        assert_eq!(message, Some(None), "an escaped key names its member; `null` is kept");
    }

    #[test]
    fn other_keys_are_kept_as_extension_members() {
        let read = |json: &str| MemberOrExtension(members).deserialize(&mut serde_json::Deserializer::from_str(json));
        assert_eq!(read(r#""message""#).unwrap(), Key::Member(1));
        assert_eq!(read(r#""tr\u0061ce""#).unwrap(), Key::Extension("trace".into()));
    }

    #[test]
    fn a_member_sent_twice_is_refused() {
        let error = read(r#"{"error": "a", "error": "b"}"#).unwrap_err();
        assert!(error.to_string().starts_with("duplicate field `error`"), "{error}");
        assert!(read(r#"{"other": 1, "other": 2}"#).is_ok(), "keys no format declares may repeat");
    }
}
