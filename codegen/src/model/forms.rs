//! Enums written as a plain word (`string`) or a one-key map (`{ vocabulary: ErrorType }`), with
//! the hand-written serde impls and JSON Schemas they need (serialized the way they are read, so
//! that a drafted catalog is written in the catalog's own forms).

use super::{BackoffAdvice, BackoffSpec, FieldType, SourceDocument, SourceDocuments, TableRows, VariantNames};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;

/// An enum written as a word or a one-key map.
/// serde_yaml reads externally tagged enums only from YAML tags (`!vocabulary ErrorType`),
/// which are awkward to write and cannot be described by a JSON Schema for editors.
trait WordOrMap: Sized {
    const EXPECTING: &'static str;
    const WORDS: &'static [&'static str];
    const KEYS: &'static [&'static str];
    fn word(word: &str) -> Option<Self>;
    /// How the map form with this key is written, e.g. "`{ object: Name }`".
    fn form(key: &str) -> String {
        format!("`{{ {key}: Name }}`")
    }
    fn entry<'de, A: MapAccess<'de>>(key: &str, map: &mut A) -> Result<Option<Self>, A::Error>;
}

struct WordOrMapVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: WordOrMap> Visitor<'de> for WordOrMapVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(T::EXPECTING)
    }

    fn visit_str<E: de::Error>(self, word: &str) -> Result<T, E> {
        T::word(word).ok_or_else(|| {
            let words: Vec<String> = T::WORDS.iter().map(|w| format!("`{w}`")).collect();
            if T::KEYS.contains(&word) {
                // `type: object` for `type: { object: Name }`: say how the map form is written.
                E::custom(format!("`{word}` needs what it refers to: write {}", T::form(word)))
            } else {
                let forms: Vec<String> = T::KEYS.iter().map(|k| T::form(k)).collect();
                E::custom(format!(
                    "unknown variant `{word}`, expected one of {}, or {}",
                    words.join(", "),
                    forms.join(", ")
                ))
            }
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let key: String = map.next_key()?.ok_or_else(|| de::Error::invalid_length(0, &T::EXPECTING))?;
        let value = T::entry(&key, &mut map)?.ok_or_else(|| de::Error::unknown_field(&key, T::KEYS))?;
        if map.next_key::<de::IgnoredAny>()?.is_some() {
            return Err(de::Error::custom(format!("expected a map with the single key `{key}`")));
        }
        Ok(value)
    }
}

impl WordOrMap for FieldType {
    const EXPECTING: &'static str =
        "a JSON type (string, integer, number, boolean, any) or a map `{ vocabulary | object | union | array | map: ... }`";
    const WORDS: &'static [&'static str] = &["string", "integer", "number", "boolean", "any"];
    const KEYS: &'static [&'static str] = &["vocabulary", "object", "union", "array", "map"];

    fn form(key: &str) -> String {
        match key {
            "array" | "map" => format!("`{{ {key}: <type> }}`"),
            _ => format!("`{{ {key}: Name }}`"),
        }
    }

    fn word(word: &str) -> Option<Self> {
        Some(match word {
            "string" => Self::String,
            "integer" => Self::Integer,
            "number" => Self::Number,
            "boolean" => Self::Boolean,
            "any" => Self::Any,
            _ => return None,
        })
    }

    fn entry<'de, A: MapAccess<'de>>(key: &str, map: &mut A) -> Result<Option<Self>, A::Error> {
        Ok(Some(match key {
            "vocabulary" => Self::Vocabulary(map.next_value()?),
            "object" => Self::Object(map.next_value()?),
            "union" => Self::Union(map.next_value()?),
            "array" => Self::Array(Box::new(map.next_value()?)),
            "map" => Self::Map(Box::new(map.next_value()?)),
            _ => return Ok(None),
        }))
    }
}

impl WordOrMap for TableRows {
    const EXPECTING: &'static str = "`statuses`, `headers` or a map `{ vocabulary | body: Name }`";
    const WORDS: &'static [&'static str] = &["statuses", "headers"];
    const KEYS: &'static [&'static str] = &["vocabulary", "body"];

    fn word(word: &str) -> Option<Self> {
        match word {
            "statuses" => Some(Self::Statuses),
            "headers" => Some(Self::Headers),
            _ => None,
        }
    }

    fn entry<'de, A: MapAccess<'de>>(key: &str, map: &mut A) -> Result<Option<Self>, A::Error> {
        Ok(Some(match key {
            "vocabulary" => Self::Vocabulary(map.next_value()?),
            "body" => Self::Body(map.next_value()?),
            _ => return Ok(None),
        }))
    }
}

impl WordOrMap for VariantNames {
    const EXPECTING: &'static str = "`whole`, `last_segment`, `fragment` or a map `{ strip_prefix: \"...\" }`";
    const WORDS: &'static [&'static str] = &["whole", "last_segment", "fragment"];
    const KEYS: &'static [&'static str] = &["strip_prefix"];

    fn form(key: &str) -> String {
        format!("`{{ {key}: \"https://example.com/errors/\" }}`")
    }

    fn word(word: &str) -> Option<Self> {
        Some(match word {
            "whole" => Self::Whole,
            "last_segment" => Self::LastSegment,
            "fragment" => Self::Fragment,
            _ => return None,
        })
    }

    fn entry<'de, A: MapAccess<'de>>(key: &str, map: &mut A) -> Result<Option<Self>, A::Error> {
        Ok(match key {
            "strip_prefix" => Some(Self::StripPrefix(map.next_value()?)),
            _ => None,
        })
    }
}

impl<'de> Deserialize<'de> for VariantNames {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WordOrMapVisitor(std::marker::PhantomData))
    }
}

impl JsonSchema for VariantNames {
    fn schema_name() -> Cow<'static, str> {
        "VariantNames".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Which part of each value its Rust variant is named after: `whole` (the default), `last_segment` (after the last `/`), `fragment` (after `#`) or `{ strip_prefix: \"...\" }`.",
            "oneOf": [
                { "type": "string", "enum": Self::WORDS },
                single_key_map("strip_prefix", name_schema("The prefix to strip, e.g. `https://example.com/errors/`.")),
            ],
        })
    }
}

impl<'de> Deserialize<'de> for FieldType {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WordOrMapVisitor(std::marker::PhantomData))
    }
}

impl<'de> Deserialize<'de> for TableRows {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WordOrMapVisitor(std::marker::PhantomData))
    }
}

// The catalog's JSON Schema (`spec/catalog.schema.json`) is derived from these types; the two
// hand-written deserializers above need hand-written schemas that accept exactly what they do.

/// `{ "key": <name> }` with exactly that one key.
fn single_key_map(key: &str, value: Schema) -> Schema {
    json_schema!({
        "type": "object",
        "properties": { key: value },
        "required": [key],
        "additionalProperties": false,
    })
}

fn name_schema(description: &str) -> Schema {
    json_schema!({ "type": "string", "description": description })
}

impl JsonSchema for FieldType {
    fn schema_name() -> Cow<'static, str> {
        "FieldType".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let inner = generator.subschema_for::<FieldType>();
        json_schema!({
            "description": "The JSON type of a field: `string`, `integer`, `number`, `boolean`, `any` (any JSON value), `{ vocabulary: Name }`, `{ object: Name }`, `{ union: Name }` (an object chosen by a tag), `{ array: <type> }` or `{ map: <type> }` (an object with free keys).",
            "oneOf": [
                { "type": "string", "enum": Self::WORDS },
                single_key_map("vocabulary", name_schema("A value from the vocabulary of this name.")),
                single_key_map("object", name_schema("An object of the body shape of this name.")),
                single_key_map("union", name_schema("An object of one of the shapes of the union of this name, by its tag.")),
                single_key_map("array", inner.clone()),
                single_key_map("map", inner),
            ],
        })
    }
}

impl JsonSchema for TableRows {
    fn schema_name() -> Cow<'static, str> {
        "TableRows".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Which catalog collection the table's rows come from: `statuses`, `headers`, `{ vocabulary: Name }` or `{ body: Name }` (the fields of that body shape).",
            "oneOf": [
                { "type": "string", "enum": Self::WORDS },
                single_key_map("vocabulary", name_schema("The values of the vocabulary of this name.")),
                single_key_map("body", name_schema("The fields of the body shape of this name.")),
            ],
        })
    }
}

impl<'de> Deserialize<'de> for SourceDocuments {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DocumentsVisitor;

        impl<'de> Visitor<'de> for DocumentsVisitor {
            type Value = SourceDocuments;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a document `{ title: ..., url: ... }` or a list of documents, each with an `id`")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<SourceDocuments, A::Error> {
                let one = SourceDocument::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(SourceDocuments(vec![one]))
            }

            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<SourceDocuments, A::Error> {
                Vec::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(SourceDocuments)
            }
        }

        deserializer.deserialize_any(DocumentsVisitor)
    }
}

impl JsonSchema for SourceDocuments {
    fn schema_name() -> Cow<'static, str> {
        "SourceDocuments".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let document = generator.subschema_for::<SourceDocument>();
        json_schema!({
            "description": "The document the facts come from, or a list of documents (each with an `id`) when the error model spans several pages.",
            "oneOf": [
                document,
                { "type": "array", "items": document, "minItems": 1 },
            ],
        })
    }
}

/// Reads a scalar the catalog writes as text, or as an integer (or, where `booleans`, a
/// boolean) that YAML would read as a number, as the text it is written as.
struct TextVisitor {
    booleans: bool,
    expecting: &'static str,
}

impl Visitor<'_> for TextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<String, E> {
        Ok(text.to_string())
    }

    fn visit_i64<E: de::Error>(self, integer: i64) -> Result<String, E> {
        Ok(integer.to_string())
    }

    fn visit_u64<E: de::Error>(self, integer: u64) -> Result<String, E> {
        Ok(integer.to_string())
    }

    fn visit_bool<E: de::Error>(self, flag: bool) -> Result<String, E> {
        match self.booleans {
            true => Ok(flag.to_string()),
            false => Err(E::invalid_type(de::Unexpected::Bool(flag), &self)),
        }
    }
}

/// A wire value as the catalog writes it: a string, or an integer (`value: 20429`, `errors:
/// [20429]`), which is kept as its decimal digits. The vocabulary's `type` says which the wire
/// carries, so either spelling of a value means the same; validation checks the digits.
pub struct WireText(String);

impl<'de> Deserialize<'de> for WireText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let visitor =
            TextVisitor { booleans: false, expecting: "a string, or an integer for a `type: integer` vocabulary" };
        deserializer.deserialize_any(visitor).map(WireText)
    }
}

impl JsonSchema for WireText {
    fn schema_name() -> Cow<'static, str> {
        "WireValue".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A value as it is sent: a string, or an integer in a `type: integer` vocabulary.",
            "type": ["string", "integer"],
        })
    }
}

pub(super) fn wire_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    WireText::deserialize(deserializer).map(|wire| wire.0)
}

pub(super) fn wire_texts<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    Vec::<WireText>::deserialize(deserializer).map(|wires| wires.into_iter().map(|wire| wire.0).collect())
}

pub(super) fn some_wire_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    wire_text(deserializer).map(Some)
}

/// A value a condition compares with, as the catalog writes it: text, a number or a boolean
/// (`equals: 0`, `equals: true`), kept as the text a header or body would send.
pub struct ScalarText;

impl JsonSchema for ScalarText {
    fn schema_name() -> Cow<'static, str> {
        "ScalarText".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Text to compare with; a whole number or a boolean is read as the text it is written as.",
            "type": ["string", "integer", "boolean"],
        })
    }
}

pub(super) fn some_scalar_text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    deserializer
        .deserialize_any(TextVisitor { booleans: true, expecting: "text, a whole number or a boolean" })
        .map(Some)
}

impl<'de> Deserialize<'de> for BackoffAdvice {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AdviceVisitor;

        impl<'de> Visitor<'de> for AdviceVisitor {
            type Value = BackoffAdvice;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("`client`, or the delays `{ first_delay_ms: ..., multiplier: ..., max_delay_ms: ..., jitter: ... }`")
            }

            fn visit_str<E: de::Error>(self, word: &str) -> Result<BackoffAdvice, E> {
                match word {
                    "client" => Ok(BackoffAdvice::Client),
                    other => Err(E::custom(format!(
                        "unknown backoff `{other}`: write `client` (numbers left to the client's policy) or the delays `{{ first_delay_ms: ... }}`"
                    ))),
                }
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<BackoffAdvice, A::Error> {
                BackoffSpec::deserialize(de::value::MapAccessDeserializer::new(map)).map(BackoffAdvice::Delays)
            }
        }

        deserializer.deserialize_any(AdviceVisitor)
    }
}

impl JsonSchema for BackoffAdvice {
    fn schema_name() -> Cow<'static, str> {
        "BackoffAdvice".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let delays = generator.subschema_for::<BackoffSpec>();
        json_schema!({
            "description": "The delays between attempts: the document's numbers, or `client` where it says to back off and gives none (the client's policy chooses them).",
            "oneOf": [
                { "type": "string", "enum": ["client"] },
                delays,
            ],
        })
    }
}

/// The one-key map form, `{ key: value }`.
fn one_entry<S: Serializer, V: Serialize + ?Sized>(serializer: S, key: &str, value: &V) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(1))?;
    map.serialize_entry(key, value)?;
    map.end()
}

impl Serialize for FieldType {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::String => serializer.serialize_str("string"),
            Self::Integer => serializer.serialize_str("integer"),
            Self::Number => serializer.serialize_str("number"),
            Self::Boolean => serializer.serialize_str("boolean"),
            Self::Any => serializer.serialize_str("any"),
            Self::Vocabulary(name) => one_entry(serializer, "vocabulary", name),
            Self::Object(name) => one_entry(serializer, "object", name),
            Self::Union(name) => one_entry(serializer, "union", name),
            Self::Array(items) => one_entry(serializer, "array", items),
            Self::Map(values) => one_entry(serializer, "map", values),
        }
    }
}

impl Serialize for TableRows {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Statuses => serializer.serialize_str("statuses"),
            Self::Headers => serializer.serialize_str("headers"),
            Self::Vocabulary(name) => one_entry(serializer, "vocabulary", name),
            Self::Body(name) => one_entry(serializer, "body", name),
        }
    }
}

impl Serialize for VariantNames {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Whole => serializer.serialize_str("whole"),
            Self::LastSegment => serializer.serialize_str("last_segment"),
            Self::Fragment => serializer.serialize_str("fragment"),
            Self::StripPrefix(prefix) => one_entry(serializer, "strip_prefix", prefix),
        }
    }
}

impl Serialize for BackoffAdvice {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Client => serializer.serialize_str("client"),
            Self::Delays(delays) => delays.serialize(serializer),
        }
    }
}

/// One document as a map, several as a list (each then has its `id`).
impl Serialize for SourceDocuments {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [one] => one.serialize(serializer),
            all => all.serialize(serializer),
        }
    }
}
