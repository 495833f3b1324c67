//! The generated JSON Schemas, checked with a real draft 2020-12 validator: each is a valid
//! schema, every catalog example validates, and wrong bodies are rejected.

use crate::common;

use codegen::model::VocabularyType;
use codegen::render::schema;
use codegen::resolved::{Api, FieldType};
use serde_json::{json, Value};

fn validator(api: &codegen::resolved::Api) -> (Value, jsonschema::Validator) {
    let schema = schema::schema(api);
    jsonschema::draft202012::meta::validate(&schema)
        .unwrap_or_else(|e| panic!("{}: not a valid 2020-12 schema: {e}", api.id));
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    (schema, validator)
}

#[test]
fn every_example_validates_against_its_api_schema() {
    let mut checked = 0;
    for (_, catalog) in common::all_catalogs() {
        for api in catalog.apis() {
            let (_, validator) = validator(api);
            for example in &api.examples {
                let errors: Vec<String> = validator.iter_errors(&example.body).map(|e| e.to_string()).collect();
                assert!(errors.is_empty(), "{}/{}: {errors:?}", api.id, example.id);
                checked += 1;
            }
        }
    }
    assert!(checked >= 25, "only {checked} examples checked");
}

/// A validator for one `$defs` entry of an API's schema.
fn def_validator(schema: &Value, name: &str) -> jsonschema::Validator {
    jsonschema::draft202012::new(&json!({ "$ref": format!("#/$defs/{name}"), "$defs": schema["$defs"] })).unwrap()
}

/// A value of the wrong JSON type for a field.
fn wrong_type(api: &Api, ty: &FieldType) -> Value {
    match ty {
        FieldType::Vocabulary(id) if api[*id].wire_type == VocabularyType::Integer => json!("60"),
        FieldType::String | FieldType::Vocabulary(_) => json!(403),
        FieldType::Integer | FieldType::Number => json!("60"),
        FieldType::Boolean => json!("true"),
        FieldType::Object(_) | FieldType::Union(_) | FieldType::Map(_) => json!(["not", "an", "object"]),
        // Nothing is the wrong type for `any`: the callers skip it.
        FieldType::Any => Value::Null,
        FieldType::Array(_) => json!({ "not": "an array" }),
    }
}

/// Every example, broken in each way its shape forbids, is rejected by its shape's schema:
/// each required key dropped, each documented key given a value of the wrong type, the body
/// not an object. Unknown vocabulary values are accepted, as the Rust decoder accepts them.
#[test]
fn broken_examples_are_rejected_and_unknown_values_accepted() {
    let (mut rejected, mut accepted) = (0, 0);
    for (_, catalog) in common::all_catalogs() {
        for api in catalog.apis() {
            let (schema, whole) = validator(api);
            for example in &api.examples {
                let shape = &api[example.shape];
                let validator = def_validator(&schema, &shape.name);
                let what = format!("{}/{}", api.id, example.id);
                // A body that is a list: each element is broken in turn, and an element alone,
                // out of its list, is no body.
                let elements: Vec<&Value> = match shape.array {
                    true => example.body.as_array().unwrap().iter().collect(),
                    false => vec![&example.body],
                };
                for element in &elements {
                    assert!(!validator.is_valid(&json!([element])), "{what}: accepted inside an array");
                    if shape.array {
                        assert!(!whole.is_valid(element), "{what}: an element accepted as a whole body");
                        rejected += 1;
                    }
                }
                for (body, field) in elements.iter().flat_map(|e| shape.fields.iter().map(move |f| (e, f))) {
                    let body = body.as_object().unwrap();
                    let Some(value) = body.get(&field.wire) else { continue };
                    let mut broken = body.clone();
                    if field.required {
                        broken.remove(&field.wire);
                        assert!(!validator.is_valid(&json!(broken)), "{what}: accepted without `{}`", field.wire);
                        rejected += 1;
                    }
                    if field.ty != FieldType::Any {
                        broken.insert(field.wire.clone(), wrong_type(api, &field.ty));
                        assert!(!validator.is_valid(&json!(broken)), "{what}: accepted `{}` mistyped", field.wire);
                        rejected += 1;
                    }
                    if field.nullable {
                        broken.insert(field.wire.clone(), Value::Null);
                        assert!(validator.is_valid(&json!(broken)), "{what}: refused `{}: null`", field.wire);
                        accepted += 1;
                    }
                    if matches!(field.ty, FieldType::Vocabulary(_)) && (value.is_string() || value.is_i64()) {
                        let added = match value.is_string() {
                            true => json!("A value added after this catalog"),
                            false => json!(987_654_321),
                        };
                        broken.insert(field.wire.clone(), added);
                        assert!(validator.is_valid(&json!(broken)), "{what}: refused a new `{}`", field.wire);
                        accepted += 1;
                    }
                }
            }
        }
    }
    assert!(rejected >= 50 && accepted >= 20, "{rejected} rejections, {accepted} acceptances");
}

/// The status schema takes any status code, documented or not, but nothing that is not one.
#[test]
fn any_status_code_is_accepted_like_the_rust_decoder_does() {
    for (_, catalog) in common::all_catalogs() {
        for api in catalog.apis() {
            let (schema, _) = validator(api);
            let status = def_validator(&schema, "HttpStatus");
            for code in api.statuses.iter().map(|s| s.code).chain([418, 599]) {
                assert!(status.is_valid(&json!(code)), "{}: {code}", api.id);
            }
            assert!(!status.is_valid(&json!(99)) && !status.is_valid(&json!("429")), "{}", api.id);
        }
    }
}

#[test]
fn schemas_name_every_concept() {
    for (_, catalog) in common::all_catalogs() {
        for api in catalog.apis() {
            let (schema, _) = validator(api);
            assert_eq!(schema["$schema"], codegen::render::definitions::DRAFT);
            assert_eq!(schema["$id"], schema::schema_id(api));
            assert!(schema["title"].is_string() && schema["description"].is_string());
            let defs = schema["$defs"].as_object().unwrap();
            for name in api.shapes.iter().map(|b| &b.name).chain(api.vocabularies.iter().map(|v| &v.name)) {
                let def = &defs[name.as_str()];
                assert_eq!(&def["title"], name.as_str(), "{}: $defs/{name}", api.id);
                assert!(def["description"].is_string(), "{}: $defs/{name} has no description", api.id);
            }
            for vocabulary in &api.vocabularies {
                // (A vocabulary that lists no value has no empty enum of known ones.)
                if vocabulary.values.is_empty() {
                    assert!(!defs.contains_key(vocabulary.known_name.as_str()), "{}: {}", api.id, vocabulary.name);
                    continue;
                }
                // Code generators name the known values after `x-enum-varnames`: the Rust names.
                let known = &defs[vocabulary.known_name.as_str()];
                let values: Vec<Value> = vocabulary.values.iter().map(|v| v.json()).collect();
                let names: Vec<&str> = vocabulary.values.iter().map(|v| v.variant.as_str()).collect();
                assert_eq!(known["enum"], json!(values), "{}: {}", api.id, vocabulary.name);
                assert_eq!(known["x-enum-varnames"], json!(names), "{}: {}", api.id, vocabulary.name);
                assert_eq!(known["x-enum-descriptions"].as_array().map(Vec::len), Some(values.len()));
            }
            let statuses: Vec<u16> = api.statuses.iter().map(|s| s.code).collect();
            match statuses.is_empty() {
                // None named: any status, with no empty enum of known ones.
                true => assert!(!defs.contains_key("KnownHttpStatus"), "{}", api.id),
                false => assert_eq!(defs["KnownHttpStatus"]["enum"], json!(statuses), "{}", api.id),
            }
            assert!(defs.contains_key("HttpStatus"));
        }
    }
}

/// Every object of a union in an example: the union, and the object.
fn union_objects<'a>(
    api: &'a Api,
    ty: &FieldType,
    value: &'a Value,
    out: &mut Vec<(&'a codegen::resolved::Union, &'a Value)>,
) {
    match (ty, value) {
        (FieldType::Union(id), Value::Object(_)) => {
            let union = &api[*id];
            out.push((union, value));
            let tag = value[&union.tag].as_str();
            if let Some(variant) = union.variants.iter().find(|v| Some(v.tag.as_str()) == tag) {
                union_objects(api, &FieldType::Object(variant.shape), value, out);
            }
        }
        (FieldType::Object(id), Value::Object(members)) => {
            for field in &api[*id].fields {
                if let Some(member) = members.get(&field.wire) {
                    union_objects(api, &field.ty, member, out);
                }
            }
        }
        (FieldType::Array(inner) | FieldType::Map(inner), Value::Array(_) | Value::Object(_)) => {
            let items: Vec<&Value> = match value {
                Value::Array(items) => items.iter().collect(),
                Value::Object(members) => members.values().collect(),
                _ => Vec::new(),
            };
            for item in items {
                union_objects(api, inner, item, out);
            }
        }
        _ => {}
    }
}

/// An object of a union validates as the shape its tag names: without a member that shape
/// requires it is refused, with a tag the catalog does not list (or none) it is accepted as it
/// is, as the Rust enum keeps it in `Unknown`.
#[test]
fn union_objects_are_checked_by_their_tag_and_open_to_other_tags() {
    let (mut refused, mut accepted) = (0, 0);
    for (_, catalog) in common::all_catalogs() {
        for api in catalog.apis() {
            let (schema, _) = validator(api);
            for example in &api.examples {
                let mut objects = Vec::new();
                union_objects(api, &FieldType::Object(example.shape), &example.body, &mut objects);
                for (union, object) in objects {
                    let validator = def_validator(&schema, &union.name);
                    let what = format!("{}/{}: {object}", api.id, example.id);
                    assert!(validator.is_valid(object), "{what}");
                    let tag = object[&union.tag].as_str().unwrap_or_default();
                    let variant = union.variants.iter().find(|v| v.tag == tag).expect("examples use listed tags");
                    for field in api[variant.shape].fields.iter().filter(|f| f.required) {
                        let mut broken = object.clone();
                        broken.as_object_mut().unwrap().remove(&field.wire);
                        assert!(!validator.is_valid(&broken), "{what}: accepted without `{}`", field.wire);
                        refused += 1;
                    }
                    for other in [json!("type.example.com/AddedLater"), Value::Null] {
                        let mut later = object.clone();
                        match other {
                            Value::Null => later.as_object_mut().unwrap().remove(&union.tag),
                            tag => later.as_object_mut().unwrap().insert(union.tag.clone(), tag),
                        };
                        assert!(validator.is_valid(&later), "{what}: refused with another tag: {later}");
                        accepted += 1;
                    }
                }
            }
        }
    }
    assert!(refused >= 2 && accepted >= 4, "{refused} refusals, {accepted} acceptances");
}
