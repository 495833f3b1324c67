//! What the generated serde impls of a union (an object chosen by a tag) share: read the object
//! and its tag, read a variant's shape from it, and write a shape with its tag.

use serde_core::de::{DeserializeOwned, Deserializer, Error as _};
use serde_core::ser::{Error as _, Serialize, Serializer};
use serde_json::Value;

/// The object, and its tag member's text (`None` when it has none, or the tag is no text). Not an
/// object: an error.
pub fn tagged_object<'de, D: Deserializer<'de>>(
    deserializer: D,
    tag: &str,
) -> Result<(Value, Option<String>), D::Error> {
    let object = <Value as serde_core::Deserialize>::deserialize(deserializer)?;
    let Value::Object(members) = &object else {
        return Err(D::Error::custom(format!("expected an object with a `{tag}` member")));
    };
    let tag = members.get(tag).and_then(Value::as_str).map(str::to_owned);
    Ok((object, tag))
}

/// The shape a listed tag names, read from the whole object (its tag member ignored, as a
/// shape's unknown members are).
pub fn tagged_variant<T: DeserializeOwned, E: serde_core::de::Error>(object: Value) -> Result<T, E> {
    T::deserialize(object).map_err(E::custom)
}

/// A shape written as an object with its tag member first.
pub fn serialize_tagged<S: Serializer, T: Serialize>(
    serializer: S,
    tag_member: &str,
    tag: &str,
    shape: &T,
) -> Result<S::Ok, S::Error> {
    let Value::Object(members) = serde_json::to_value(shape).map_err(S::Error::custom)? else {
        return Err(S::Error::custom("a union's shape is written as an object"));
    };
    let mut object = serde_json::Map::with_capacity(members.len() + 1);
    object.insert(tag_member.to_owned(), Value::from(tag));
    object.extend(members);
    Value::Object(object).serialize(serializer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, serde::Serialize, Debug, PartialEq)]
    struct Retry {
        delay: String,
    }

    #[test]
    fn a_tagged_object_reads_as_its_shape_and_writes_back_with_its_tag() {
        let json = serde_json::json!({"@type": "retry", "delay": "1s"});
        let (object, tag) = tagged_object(json.clone(), "@type").unwrap();
        assert_eq!(tag.as_deref(), Some("retry"));
        let retry: Retry = tagged_variant::<_, serde_json::Error>(object).unwrap();
        assert_eq!(retry, Retry { delay: "1s".into() });
        let written = serialize_tagged(serde_json::value::Serializer, "@type", "retry", &retry).unwrap();
        assert_eq!(written, json);
        assert!(tagged_object(serde_json::json!([1]), "@type").is_err());
        assert_eq!(tagged_object(serde_json::json!({"@type": 7}), "@type").unwrap().1, None);
    }
}
