//! typify's Rust types for every generated schema decode every example the schema carries and
//! encode it back unchanged, keep values added after the catalog, and reject broken bodies.

use serde_json::{json, Value};
use typify_interop::{Api, APIS};

fn schema(api: &Api) -> Value {
    serde_json::from_str(api.schema).unwrap()
}

/// (shape, body) for every example of the schema's `$defs`.
fn examples(schema: &Value) -> Vec<(String, Value)> {
    let defs = schema["$defs"].as_object().unwrap();
    defs.iter()
        .flat_map(|(name, def)| {
            let bodies = def["examples"].as_array().cloned().unwrap_or_default();
            bodies.into_iter().map(move |body| (name.clone(), body))
        })
        .collect()
}

fn root(schema: &Value) -> &str {
    schema["title"].as_str().unwrap()
}

/// Whether the API documents a body: its root names formats (of one that documents none, the
/// root takes any value).
fn documents_a_body(schema: &Value) -> bool {
    ["allOf", "anyOf", "oneOf", "items"].iter().any(|key| !schema[*key].is_null())
}

/// Whether the API's error body is a list of errors (its root is an array of one format).
fn is_list_body(schema: &Value) -> bool {
    schema["type"] == "array"
}

/// Whether the API sends bodies of plain text: a root format that is a string, not an object.
fn takes_text(schema: &Value) -> bool {
    let branches = ["allOf", "anyOf", "oneOf"].iter().find_map(|key| schema[*key].as_array());
    branches
        .into_iter()
        .flatten()
        .filter_map(|branch| branch["$ref"].as_str())
        .any(|reference| schema["$defs"][reference.trim_start_matches("#/$defs/")]["properties"].is_null())
}

/// A body that holds `element`, an example of its format: itself, or a list of it.
fn as_whole_body(schema: &Value, element: &Value) -> Value {
    match is_list_body(schema) {
        true => json!([element]),
        false => element.clone(),
    }
}

/// What typify's struct for `shape` gives back. typify 0.8 keeps only the listed members of a
/// shape open to extension members (`additionalProperties: true`), and writes an optional member
/// that came as `null`, or an optional list or map that came empty (its `Vec` or map is skipped
/// when empty), as absent, at any depth; the Rust crate keeps all four as they came.
/// Whether a property's schema is a JSON `number` (or `null`), which typify makes an `f64`: not
/// an `integer`, nor any JSON value (`any`, whose types list both).
fn is_number(property: &Value) -> bool {
    match &property["type"] {
        Value::String(ty) => ty == "number",
        Value::Array(types) => types.iter().any(|ty| ty == "number") && !types.iter().any(|ty| ty == "integer"),
        _ => false,
    }
}

fn as_typify_keeps(schema: &Value, shape: &str, body: &Value) -> Value {
    let def = &schema["$defs"][shape];
    let (Some(members), Some(listed)) = (body.as_object(), def["properties"].as_object()) else { return body.clone() };
    let required: Vec<&str> = def["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    let open = def["additionalProperties"].as_bool() == Some(true);
    let kept = members.iter().filter(|(k, v)| {
        // A map: an object of free members (`additionalProperties` a schema), none listed.
        // (typify leaves out an empty one, but keeps one that may be null: `Option` of it, Some
        // of `{}`, as Tekmerion's `details`.)
        let nullable = |property: &Value| property["type"].as_array().is_some_and(|types| types.contains(&json!("null")));
        let map = |property: &Value| {
            property["additionalProperties"].is_object() && property["properties"].is_null() && !nullable(property)
        };
        let empty_map = v.as_object().is_some_and(|m| m.is_empty()) && listed.get(*k).is_some_and(map);
        let left_out = v.is_null() || v.as_array().is_some_and(Vec::is_empty) || empty_map;
        // (Of an open shape, only the members it lists; and no empty member that is optional.)
        (listed.contains_key(*k) || !open) && (required.contains(&k.as_str()) || !left_out)
    });
    let kept = kept.map(|(key, value)| {
        // A member that is one of the schema's objects is kept as typify keeps that object.
        let property = &listed.get(key).cloned().unwrap_or_default();
        let reference = |property: &Value| {
            let reference = property["$ref"].as_str().or_else(|| property["allOf"][0]["$ref"].as_str());
            reference.map(|r| r.trim_start_matches("#/$defs/").to_string())
        };
        let an_object = |inner: &String| schema["$defs"][inner.as_str()]["properties"].is_object();
        // (And each element of a list of them, Gusto's `errors`.)
        let value = match (reference(property), reference(&property["items"]), value) {
            (Some(inner), _, value) if an_object(&inner) => as_typify_keeps(schema, &inner, value),
            (_, Some(inner), Value::Array(items)) if an_object(&inner) => {
                Value::Array(items.iter().map(|item| as_typify_keeps(schema, &inner, item)).collect())
            }
            // (typify types a `number` as an `f64`: a whole number comes back as `404.0`.)
            (_, _, value) if is_number(property) && value.is_number() => json!(value.as_f64()),
            (_, _, value) => value.clone(),
        };
        (key.clone(), value)
    });
    Value::Object(kept.collect())
}

#[test]
fn every_example_decodes_as_its_shape_and_as_the_root_and_round_trips() {
    let mut checked = 0;
    for api in APIS {
        let schema = schema(api);
        for (shape, body) in examples(&schema) {
            let kept = as_typify_keeps(&schema, &shape, &body);
            for (type_name, body, kept) in [
                (shape.as_str(), body.clone(), kept.clone()),
                (root(&schema), as_whole_body(&schema, &body), as_whole_body(&schema, &kept)),
            ] {
                let back =
                    (api.decode)(type_name, &body).unwrap_or_else(|e| panic!("{}: {type_name} {body}: {e}", api.id));
                assert_eq!(back, kept, "{}: {type_name}", api.id);
            }
            checked += 1;
        }
    }
    assert!(checked >= 25, "only {checked} examples decoded");
}

#[test]
fn values_added_after_the_catalog_decode_and_round_trip() {
    let mut checked = 0;
    for api in APIS {
        let schema = schema(api);
        let defs = &schema["$defs"];
        for (shape, body) in examples(&schema) {
            // (A plain-text format has no members.)
            for (key, property) in defs[&shape]["properties"].as_object().into_iter().flatten() {
                let Some(reference) = property["allOf"][0]["$ref"].as_str() else { continue };
                let target = reference.trim_start_matches("#/$defs/");
                if body.get(key).is_none() || defs[format!("Known{target}")].is_null() {
                    continue;
                }
                let mut changed = body.clone();
                // Of the enum's own JSON type: a string, or an integer code.
                changed[key] = match body[key].is_i64() {
                    true => json!(987_654_321),
                    false => json!("A_VALUE_ADDED_LATER"),
                };
                let whole = as_whole_body(&schema, &changed);
                let back = (api.decode)(root(&schema), &whole).unwrap_or_else(|e| panic!("{}: {changed}: {e}", api.id));
                assert_eq!(back, as_whole_body(&schema, &as_typify_keeps(&schema, &shape, &changed)));
                checked += 1;
            }
        }
        for status in [json!(429), json!(418)] {
            assert_eq!((api.decode)("HttpStatus", &status), Ok(status.clone()), "{}", api.id);
        }
    }
    assert!(checked >= 20, "only {checked} values replaced");
}

#[test]
fn broken_bodies_are_rejected() {
    let mut rejected = 0;
    for api in APIS {
        let schema = schema(api);
        if !documents_a_body(&schema) {
            // Any value is a body, and nothing can break it: typify's root is a JSON value.
            for body in [json!([]), Value::Null, json!({ "any": "thing" })] {
                assert_eq!((api.decode)(root(&schema), &body), Ok(body.clone()), "{}", api.id);
            }
            continue;
        }
        // Each body with the type it breaks: the root for what is no object, else the shape
        // whose required key is gone (another shape, one with nothing required, may take it).
        // (An empty list is a body that is a list of errors; an object is none; any text is a
        // plain-text body.)
        let not_a_body = if is_list_body(&schema) { json!({}) } else { json!([]) };
        let not_text = (!takes_text(&schema)).then(|| json!("error"));
        let mut broken = [Some(not_a_body), not_text, Some(Value::Null), Some(json!(42))]
            .into_iter()
            .flatten()
            .map(|b| (root(&schema).to_owned(), b))
            .collect::<Vec<_>>();
        for (shape, body) in examples(&schema) {
            for key in schema["$defs"][&shape]["required"].as_array().into_iter().flatten() {
                // A required member that may be `null` is an `Option` to typify, which serde
                // reads as `None` when absent (as the generated crate does).
                let types = &schema["$defs"][&shape]["properties"][key.as_str().unwrap()]["type"];
                if types.as_array().is_some_and(|types| types.contains(&json!("null"))) {
                    continue;
                }
                let mut without = body.clone();
                without.as_object_mut().unwrap().remove(key.as_str().unwrap());
                broken.push((shape.clone(), without));
            }
        }
        for (ty, body) in broken {
            assert!((api.decode)(&ty, &body).is_err(), "{}: {ty} accepted {body}", api.id);
            rejected += 1;
        }
    }
    assert!(rejected >= 40, "only {rejected} bodies tried");
}

#[test]
fn known_values_decode_to_the_known_enum_and_others_to_the_unknown_branch() {
    // On the problem-details fixture API. typify 0.8 names known values after the values
    // themselves (it does not read `x-enum-varnames`), so a URI makes a long name here.
    use typify_interop::creditshop::{KnownProblemType, ProblemType};
    let known: ProblemType = serde_json::from_value(json!("https://example.com/problems/out-of-credit")).unwrap();
    let expected = KnownProblemType::HttpsExampleComProblemsOutOfCredit;
    assert!(matches!(known, ProblemType::KnownProblemType(k) if k == expected), "{known:?}");
    let other: ProblemType = serde_json::from_value(json!("https://example.com/problems/new")).unwrap();
    match other {
        ProblemType::UnknownProblemType(value) => assert_eq!(value.as_str(), "https://example.com/problems/new"),
        other => panic!("{other:?}"),
    }
}
