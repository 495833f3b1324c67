//! The generated JSON Schemas, checked with a real draft 2020-12 validator: each is a valid
//! schema, every catalog example validates, and wrong bodies are rejected.

use crate::common;

use codegen::render::schema;
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

#[test]
fn wrong_bodies_are_rejected() {
    let catalog = common::load("spec");
    let ofauth = catalog.apis().iter().find(|a| a.id == "ofauth").unwrap();
    let fanfare = catalog.apis().iter().find(|a| a.id == "fanfare").unwrap();
    let (_, ofauth) = validator(ofauth);
    let (_, fanfare) = validator(fanfare);

    for (name, body) in [
        ("missing type", json!({"error": "x", "requestId": "r"})),
        ("missing requestId", json!({"error": "x", "type": "FORBIDDEN"})),
        ("type not a string", json!({"error": "x", "type": 403, "requestId": "r"})),
        (
            "hint not a string",
            json!({"error": "x", "type": "FORBIDDEN", "requestId": "r", "actionRequired": ["try_again"]}),
        ),
        ("not an object", json!(["error"])),
    ] {
        assert!(!ofauth.is_valid(&body), "ofauth accepted {name}: {body}");
    }
    for (name, body) in [
        ("empty object", json!({})),
        ("error not a string", json!({"error": 1})),
        ("details not an array", json!({"error": "Validation failed", "details": {"field": "a"}})),
        ("detail without message", json!({"error": "Validation failed", "details": [{"field": "a"}]})),
        ("retryAfter not an integer", json!({"error": "Rate limit exceeded", "retryAfter": "60"})),
        ("denial without consumer", json!({"status": "DENIED", "denyReason": "ORDER_LIMIT_EXCEEDED"})),
    ] {
        assert!(!fanfare.is_valid(&body), "fanfare accepted {name}: {body}");
    }
}

#[test]
fn unknown_vocabulary_values_are_accepted_like_the_rust_decoder_does() {
    let catalog = common::load("spec");
    let ofauth = catalog.apis().iter().find(|a| a.id == "ofauth").unwrap();
    let (schema, body) = validator(ofauth);
    assert!(body.is_valid(&json!({"error": "x", "type": "NEW_TYPE", "requestId": "r"})));
    let status =
        jsonschema::draft202012::new(&json!({ "$ref": "#/$defs/HttpStatus", "$defs": schema["$defs"] })).unwrap();
    assert!(status.is_valid(&json!(429)) && status.is_valid(&json!(418)));
    assert!(!status.is_valid(&json!(99)) && !status.is_valid(&json!("429")));
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
                // Code generators name the known values after `x-enum-varnames`: the Rust names.
                let known = &defs[vocabulary.known_name.as_str()];
                let values: Vec<&str> = vocabulary.values.iter().map(|v| v.wire.as_str()).collect();
                let names: Vec<&str> = vocabulary.values.iter().map(|v| v.variant.as_str()).collect();
                assert_eq!(known["enum"], json!(values), "{}: {}", api.id, vocabulary.name);
                assert_eq!(known["x-enum-varnames"], json!(names), "{}: {}", api.id, vocabulary.name);
                assert_eq!(known["x-enum-descriptions"].as_array().map(Vec::len), Some(values.len()));
            }
            let statuses: Vec<u16> = api.statuses.iter().map(|s| s.code).collect();
            assert_eq!(defs["KnownHttpStatus"]["enum"], json!(statuses), "{}", api.id);
            assert!(defs.contains_key("HttpStatus"));
        }
    }
}
