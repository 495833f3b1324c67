//! The catalog format's own JSON Schema, as schemars derives it from the model's types, with the
//! defaults of left-out keys stated: the schema file and the key reference both render it.

use super::Api;
use serde_json::{Map, Value};

/// The schema of one catalog file.
pub fn format_schema() -> Value {
    let mut schema = Value::from(schemars::schema_for!(Api));
    state_defaults(&mut schema);
    schema
}

/// Adds the default a key left out takes (`[]`, `false`, `null`, `{}`) where schemars left it
/// out: it omits the default of a field whose `skip_serializing_if` would skip it, which is
/// every such field of the model, as drafts are written without their defaults.
fn state_defaults(schema: &mut Value) {
    let Value::Object(map) = schema else { return };
    if let Some(Value::Object(properties)) = map.get("properties") {
        let required: Vec<&str> =
            map.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
        let defaults: Vec<(String, Value)> = properties
            .iter()
            .filter(|(key, property)| !required.contains(&key.as_str()) && property.get("default").is_none())
            .filter_map(|(key, property)| Some((key.clone(), default_of(property)?)))
            .collect();
        if let Some(Value::Object(properties)) = map.get_mut("properties") {
            for (key, default) in defaults {
                if let Some(Value::Object(property)) = properties.get_mut(&key) {
                    property.insert("default".into(), default);
                }
            }
        }
    }
    for value in map.values_mut() {
        match value {
            Value::Object(_) => state_defaults(value),
            Value::Array(items) => items.iter_mut().for_each(state_defaults),
            _ => {}
        }
    }
}

/// The default of a property left out, by its type; `None` for a type without an evident one.
fn default_of(property: &Value) -> Option<Value> {
    let types: Vec<&str> = match property.get("type") {
        Some(Value::String(ty)) => vec![ty.as_str()],
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let null_branch = |key: &str| {
        property
            .get(key)
            .and_then(Value::as_array)
            .is_some_and(|branches| branches.iter().any(|b| b.get("type").and_then(Value::as_str) == Some("null")))
    };
    // A property of any JSON value at all (`serde_json::Value`) is `null` when left out.
    let any_value = ["type", "$ref", "anyOf", "oneOf", "enum", "const"].iter().all(|key| property.get(key).is_none());
    if types.contains(&"null") || null_branch("anyOf") || null_branch("oneOf") || any_value {
        Some(Value::Null)
    } else if types == ["array"] {
        Some(Value::Array(Vec::new()))
    } else if types == ["boolean"] {
        Some(Value::Bool(false))
    } else if types == ["object"] {
        Some(Value::Object(Map::new()))
    } else {
        None
    }
}
