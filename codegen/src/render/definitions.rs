//! The schema definitions that both the JSON Schema and the OpenAPI documents carry: one per
//! body shape, per vocabulary and for the status codes, plus `ErrorResponse`, any whole error
//! body. OpenAPI 3.1 schemas are JSON Schema 2020-12, so the two differ only in where
//! references point; the caller says where (`#/$defs/` or `#/components/schemas/`).
//!
//! Vocabularies stay open, as in Rust: `<Name>` is any of the documented `Known<Name>` values
//! or any other string (or integer, for integer codes), so a client validating with the schema does not reject an error type
//! added after it was generated, while code generators still name every known value.

use crate::model::VocabularyType;
use crate::names;
use crate::resolved::{Api, FieldType, Shape, Union, ValueFamily, Vocabulary, VocabularyValue};
use serde_json::{json, Map, Value};

/// The JSON Schema dialect of every schema the toolkit writes (OpenAPI 3.1's too).
pub const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The name of the schema that accepts any error body of an API.
pub const ERROR_RESPONSE: &str = "ErrorResponse";

/// The name of the status codes' schema.
pub const HTTP_STATUS: &str = "HttpStatus";

/// Schema definitions whose references start with `refs` (e.g. `#/$defs/`).
pub struct Definitions<'a> {
    api: &'a Api,
    refs: &'a str,
}

impl<'a> Definitions<'a> {
    pub fn new(api: &'a Api, refs: &'a str) -> Self {
        Self { api, refs }
    }

    fn reference(&self, name: &str) -> Value {
        json!({ "$ref": format!("{}{name}", self.refs) })
    }

    /// `ErrorResponse`: title, description and the root bodies it may be.
    pub fn error_response(&self) -> Map<String, Value> {
        let api = self.api;
        let roots: Vec<Value> = api.roots().map(|s| self.reference(&s.name)).collect();
        let mut schema = Map::new();
        schema.insert("title".into(), ERROR_RESPONSE.into());
        // (An API that documents no body: no schema of one, so any value, which nothing should
        // rely on; `anyOf` of nothing would be no schema at all.)
        let none = match roots.is_empty() {
            true => " It documents no error body: any value is accepted, and none is described.",
            false => "",
        };
        schema.insert(
            "description".into(),
            format!("Any error body of the {} API. {}{none}", api.name, api.summary.trim()).into(),
        );
        if roots.is_empty() {
            return schema;
        }
        if let Some(list) = api.list_body() {
            // A list of objects.
            schema.insert("type".into(), "array".into());
            schema.insert("items".into(), self.reference(&list.name));
            return schema;
        }
        // `allOf` rather than a bare `$ref` beside the title: see `shape`. Formats that may fit
        // one body alike are `anyOf`; formats no body can be two of (a text and an object, told
        // apart by JSON type; objects whose shared required member is an object in one and a
        // list in another) are `oneOf`, and say so: typify reads `anyOf` as a struct of every
        // format's members flattened, which a string is not, and where two formats share a
        // member the first takes it from the second. A text alone is `anyOf` it, as its own
        // definition is of its type (datamodel-code-generator makes an object of `allOf` such a
        // text).
        let combinator = match (roots.len(), api.text_body()) {
            (1, None) => "allOf",
            (1, Some(_)) => "anyOf",
            _ if api.roots_exclusive() => "oneOf",
            _ => "anyOf",
        };
        schema.insert(combinator.into(), Value::Array(roots));
        schema
    }

    /// Every definition, shapes first, then vocabularies, then `HttpStatus`.
    pub fn all(&self) -> Map<String, Value> {
        let mut defs = Map::new();
        for shape in &self.api.shapes {
            defs.insert(shape.name.clone(), self.shape(shape));
        }
        for union in &self.api.unions {
            self.union(&mut defs, union);
        }
        for vocabulary in &self.api.vocabularies {
            self.vocabulary(&mut defs, vocabulary);
        }
        self.status(&mut defs);
        defs
    }

    fn type_schema(&self, ty: &FieldType) -> Map<String, Value> {
        let value = match ty {
            FieldType::String => json!({ "type": "string" }),
            FieldType::Integer => json!({ "type": "integer" }),
            FieldType::Number => json!({ "type": "number" }),
            FieldType::Boolean => json!({ "type": "boolean" }),
            // Any JSON value. Every type is listed rather than written as `{}`: with a sibling
            // `description`, json-schema-to-typescript reads a schema without `type` as an object.
            // `integer` too, though `number` covers it: without it typify holds a whole number as
            // an `f64`, and writes `38190` back as `38190.0`.
            FieldType::Any => json!({ "type": ["string", "integer", "number", "boolean", "object", "array", "null"] }),
            FieldType::Map(inner) => {
                json!({ "type": "object", "additionalProperties": Value::Object(self.type_schema(inner)) })
            }
            FieldType::Vocabulary(id) => self.reference(&self.api[*id].name),
            FieldType::Object(id) => self.reference(&self.api[*id].name),
            FieldType::Union(id) => self.reference(&self.api[*id].name),
            FieldType::Array(inner) => json!({ "type": "array", "items": Value::Object(self.type_schema(inner)) }),
        };
        match value {
            Value::Object(map) => map,
            _ => unreachable!("every arm builds an object"),
        }
    }

    fn shape(&self, shape: &Shape) -> Value {
        let mut properties = Map::new();
        for field in &shape.fields {
            if let (true, FieldType::Vocabulary(id)) = (field.nullable, &field.ty) {
                let mut property = self.vocabulary_or_null(&self.api[*id]);
                property.insert("description".into(), field.description.trim().into());
                properties.insert(field.wire.clone(), Value::Object(property));
                continue;
            }
            let mut property = self.type_schema(&field.ty);
            // A `$ref` with a sibling `description` is valid 2020-12, but code generators (e.g.
            // json-schema-to-typescript) merge the two into a new, numbered type per field; the
            // portable form wraps the reference in `allOf`.
            if property.contains_key("$ref") {
                property = Map::from_iter([("allOf".to_string(), json!([Value::Object(property)]))]);
            }
            if let Some(format) = field.format {
                // Beside a reference, the type says what the format applies to (Ajv's strict
                // mode asks it).
                property.entry("type").or_insert_with(|| "string".into());
                property.insert("format".into(), format.name().into());
            }
            // `null` joins a plain type as `"type": [t, "null"]`, which code generators read as
            // an optional value; a reference becomes one branch of an `anyOf`.
            match property.get("type").cloned() {
                _ if !field.nullable || field.ty == FieldType::Any => {}
                Some(Value::String(ty)) => {
                    property.insert("type".into(), json!([ty, "null"]));
                }
                _ => {
                    let either = vec![Value::Object(property), json!({ "type": "null" })];
                    property = Map::from_iter([("anyOf".to_string(), Value::Array(either))]);
                }
            }
            property.insert("description".into(), field.description.trim().into());
            properties.insert(field.wire.clone(), Value::Object(property));
        }
        let required: Vec<&str> = shape.fields.iter().filter(|f| f.required).map(|f| f.wire.as_str()).collect();
        let mut schema = match &shape.text {
            // A plain-text body: the JSON string of its text. A reference is the one branch of an
            // `anyOf`: beside the title, json-schema-to-typescript copies what it refers to, and
            // of `allOf` one, datamodel-code-generator makes a closed enum.
            Some(text) => {
                let mut schema = Map::from_iter([
                    ("title".to_string(), json!(shape.name)),
                    ("description".to_string(), json!(shape.description.trim())),
                ]);
                match self.type_schema(&text.ty) {
                    reference if reference.contains_key("$ref") => {
                        schema.insert("anyOf".into(), json!([Value::Object(reference)]));
                    }
                    plain => schema.extend(plain),
                }
                Value::Object(schema)
            }
            // (An open body that lists no member is an object of any members, and says only
            // that: typify makes a map of it, rather than a struct of nothing that drops them.)
            None if shape.fields.is_empty() => json!({
                "title": shape.name,
                "description": shape.description.trim(),
                "type": "object",
            }),
            None => json!({
                "title": shape.name,
                "description": shape.description.trim(),
                "type": "object",
                "properties": properties,
                "required": required,
            }),
        };
        if shape.extensions.is_some() {
            // Members the catalog does not list are part of the format (extension members).
            schema["additionalProperties"] = json!(true);
        }
        // (Of a body that is a list, each element is an example of its shape.)
        let examples: Vec<Value> = (self.api.examples.iter())
            .filter(|e| self.api[e.shape].name == shape.name)
            .flat_map(|e| match (&e.body, shape.array) {
                (Value::Array(elements), true) => elements.clone(),
                (body, _) => vec![body.clone()],
            })
            .collect();
        if !examples.is_empty() {
            schema["examples"] = Value::Array(examples);
        }
        schema
    }

    /// A union, as a definition per branch, each named so that code generators name it too:
    /// `<Union><Variant>` per listed tag (the tag's value and the variant's shape), and
    /// `Unknown<Union>`, an object of any other tag or of none, so that shapes added later do
    /// not break clients; `<Union>` is one of them. The branches are exclusive, as `oneOf`
    /// needs: each listed one requires its tag, the open one any other.
    fn union(&self, defs: &mut Map<String, Value>, union: &Union) {
        let tags: Vec<&str> = union.variants.iter().map(|v| v.tag.as_str()).collect();
        let mut branches = Vec::new();
        for variant in &union.variants {
            let name = names::union_variant_name(&union.name, &variant.variant);
            let shape = &self.api[variant.shape].name;
            defs.insert(
                name.clone(),
                json!({
                    "title": name,
                    "description": format!("A `{shape}` with `{}` `{}`.", union.tag, variant.tag),
                    // The tag in an `allOf` of its own rather than beside the reference, which
                    // json-schema-to-typescript would name as a type of its own (`…1`).
                    "allOf": [
                        self.reference(shape),
                        {
                            "type": "object",
                            "properties": { union.tag.as_str(): { "const": variant.tag } },
                            "required": [union.tag],
                        },
                    ],
                }),
            );
            branches.push(self.reference(&name));
        }
        let unknown = names::unknown_name(&union.name);
        defs.insert(
            unknown.clone(),
            json!({
                "title": unknown,
                "description": format!("A `{}` of a `{}` this catalog does not list, or of none.", union.name, union.tag),
                "type": "object",
                "properties": { union.tag.as_str(): { "not": { "enum": tags } } },
            }),
        );
        branches.push(self.reference(&unknown));
        defs.insert(
            union.name.clone(),
            json!({
                "title": union.name,
                "description": format!(
                    "{} The member `{}` says which shape an object is; an object of another one, or of none, is accepted as it is, so that shapes added later do not break clients.",
                    union.description.trim(),
                    union.tag
                ),
                "oneOf": branches,
            }),
        );
    }

    /// A vocabulary's open branch: any other string (of its format) or integer, the known
    /// values excluded.
    fn vocabulary_open(vocabulary: &Vocabulary) -> Value {
        let mut open = json!({ "type": vocabulary.wire_type.name() });
        if let Some(format) = vocabulary.format {
            open["format"] = json!(format.name());
        }
        if vocabulary.wire_type == VocabularyType::Integer {
            // The OpenAPI format registry's name for what the Rust enum holds: without it, typify
            // reads an integer with a `not` as an `f64`, and writes `21211` back as `21211.0`.
            open["format"] = json!("int64");
        }
        open
    }

    /// A field of a vocabulary that may be `null`: a known value, any other string, or `null`,
    /// as one union of three branches. The usual `anyOf` of a reference to the vocabulary and
    /// `null` is a union of two, which datamodel-code-generator (with `--union-mode
    /// left_to_right`, which the open enums need) hands pydantic as `Optional` of the
    /// vocabulary's root model with a union mode that pydantic then refuses at import. A
    /// `oneOf`, as the vocabulary's own definition is (its branches exclude one another): typify
    /// reads an `anyOf` of them as a struct of optional parts, which decodes no known value.
    fn vocabulary_or_null(&self, vocabulary: &Vocabulary) -> Map<String, Value> {
        let mut open = Self::vocabulary_open(vocabulary);
        let values: Vec<Value> = vocabulary.values.iter().map(VocabularyValue::json).collect();
        open["not"] = json!({ "enum": values });
        let branches = json!([self.reference(&vocabulary.known_name), open, { "type": "null" }]);
        Map::from_iter([("oneOf".to_string(), branches)])
    }

    fn vocabulary(&self, defs: &mut Map<String, Value>, vocabulary: &Vocabulary) {
        let known = vocabulary
            .values
            .iter()
            .map(|value| KnownValue {
                value: value.json(),
                name: value.variant.clone(),
                description: value_description(value),
            })
            .collect();
        let names = (vocabulary.name.as_str(), vocabulary.known_name.as_str(), vocabulary.unknown_name.as_str());
        let mut description = vocabulary.description.trim().to_string();
        if let Some(separator) = vocabulary.namespace_separator {
            // (The open branch takes such a value: it is none of the known ones as written.)
            description.push_str(&format!(
                " A value may come after a namespace and `{separator}`: the code is the text after the last one."
            ));
        }
        // (Families are other values to a schema: the open branch takes them.)
        for family in &vocabulary.families {
            let pattern = match family.pattern == family.written {
                true => String::new(),
                false => format!(" (`{}`)", family.pattern),
            };
            description.push_str(&format!(" Family `{}`{pattern}: {}", family.written, family_description(family)));
        }
        self.open_enum(defs, names, &description, Self::vocabulary_open(vocabulary), known);
    }

    fn status(&self, defs: &mut Map<String, Value>) {
        let api = self.api;
        let known = api
            .statuses
            .iter()
            .map(|status| {
                let mut description = format!("{} {}: {}", status.code, status.reason, status.description.trim());
                if let Some(action) = &status.action {
                    description.push_str(&format!(". Action: {}", action.trim()));
                }
                KnownValue { value: json!(status.code), name: status.variant.clone(), description }
            })
            .collect();
        let description = format!("An HTTP status code; the {} documentation lists or uses the known ones.", api.name);
        let open = json!({ "type": "integer", "minimum": 100, "maximum": 599 });
        self.open_enum(defs, (HTTP_STATUS, "KnownHttpStatus", "UnknownHttpStatus"), &description, open, known);
    }

    /// An open enum, as two definitions: `Known<Name>`, a plain `enum` of the documented values
    /// (which code generators turn into a named enum, with member names from
    /// `x-enum-varnames` and docs from `x-enum-descriptions`), and `<Name>`: one of those, or
    /// any other value of the same JSON type (`Unknown<Name>`), so that values added later do
    /// not break clients. The branches are exclusive (`oneOf`, the open one excluding the known
    /// values) because typify makes an `anyOf` a struct of flattened options, which cannot
    /// decode a string; the open branch is titled so that generators name it, not number it.
    /// Without known values, `<Name>` is the open branch alone.
    fn open_enum(
        &self,
        defs: &mut Map<String, Value>,
        (name, known_name, unknown_name): (&str, &str, &str),
        description: &str,
        mut open: Value,
        known: Vec<KnownValue>,
    ) {
        let json_type = open["type"].as_str().expect("open branches have a type").to_string();
        // Nothing documented (a page that names no status): any value, and no empty `enum`,
        // which JSON Schema discourages and code generators make no enum of.
        if known.is_empty() {
            open["title"] = json!(name);
            open["description"] =
                json!(format!("{description} The catalog documents none: any {json_type} is accepted."));
            defs.insert(name.to_string(), open);
            return;
        }
        let values: Vec<&Value> = known.iter().map(|k| &k.value).collect();
        open["title"] = json!(unknown_name);
        // An `enum` rather than a `$ref` to `Known<Name>`: typify 0.8 panics on `not` with a `$ref`.
        open["not"] = json!({ "enum": values });
        defs.insert(
            name.to_string(),
            json!({
                "title": name,
                "description": format!("{description} Open: besides the values of `{known_name}`, any other {json_type} is accepted, so that values added later do not break clients."),
                "oneOf": [self.reference(known_name), open],
            }),
        );
        defs.insert(
            known_name.to_string(),
            json!({
                "title": known_name,
                "description": format!("The values of `{name}` that this catalog documents."),
                "type": json_type,
                "enum": values,
                "x-enum-varnames": known.iter().map(|k| &k.name).collect::<Vec<_>>(),
                "x-enum-descriptions": known.iter().map(|k| &k.description).collect::<Vec<_>>(),
            }),
        );
    }
}

/// One documented value of an open enum.
struct KnownValue {
    value: Value,
    name: String,
    description: String,
}

/// A value's facts, in one sentence list, for consumers that only read descriptions.
fn value_description(value: &VocabularyValue) -> String {
    let text = value.description.as_deref().or(value.title.as_deref());
    facts_description(text, &value.statuses, value.action.as_deref())
}

/// A family's facts, as [`value_description`] writes a value's.
fn family_description(family: &ValueFamily) -> String {
    facts_description(family.description.as_deref(), &family.statuses, family.action.as_deref())
}

fn facts_description(text: Option<&str>, statuses: &[u16], action: Option<&str>) -> String {
    let mut parts = Vec::new();
    if let Some(text) = text {
        parts.push(text.trim().trim_end_matches('.').to_string());
    }
    if !statuses.is_empty() {
        let codes: Vec<String> = statuses.iter().map(u16::to_string).collect();
        parts.push(format!("HTTP status: {}", codes.join(", ")));
    }
    if let Some(action) = action {
        parts.push(format!("Action: {}", action.trim().trim_end_matches('.')));
    }
    if parts.is_empty() {
        "Not described by the documentation.".into()
    } else {
        parts.join(". ") + "."
    }
}
