//! Examples: each body matches its root body format, value by value; statuses and headers
//! are documented; ids give distinct test names.

use super::Checker;
use crate::diagnostic::Code;
use crate::facts;
use crate::model::FieldType;
use crate::names;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const EXAMPLE_FACTS: &[&str] = &["title", "status", "headers"];

impl Checker<'_> {
    pub(super) fn check_examples(&mut self) {
        let api = self.api;
        let mut ids = BTreeSet::new();
        let mut tests: BTreeMap<String, &str> = BTreeMap::new();
        for (e, example) in api.examples.iter().enumerate() {
            let path = format!("examples[{e}]");
            let mut name = None;
            if self.unique(&mut ids, &example.id, &format!("{path}.id"), "example id")
                && self.ascii_source(
                    &format!("{path}.id"),
                    &example.id,
                    "the example id",
                    "use ASCII letters, digits and `-`",
                )
            {
                name = names::example_name(&example.id);
                match &name {
                    None => self.error(
                        Code::Unnameable,
                        format!("{path}.id"),
                        format!("`{}` has no ASCII letter or digit to name its test", example.id),
                        "use ASCII letters, digits and `-`",
                    ),
                    Some(test) => {
                        if let Some(other) = tests.insert(test.clone(), example.id.as_str()) {
                            self.error(
                                Code::NameCollision,
                                format!("{path}.id"),
                                format!("`{}` and `{other}` both name the test `{test}`", example.id),
                                "choose ids that differ in more than case or punctuation",
                            );
                        }
                    }
                }
            }
            self.derived.example_names.push(name);
            match example.status {
                Some(code) => self.check_status_ref(&format!("{path}.status"), code),
                None if example.status_in_prose => self.error(
                    Code::ExampleStatus,
                    format!("{path}.status_in_prose"),
                    "`status_in_prose` says where the status is given, but the example has no `status`",
                    "add the `status` the text gives, or remove `status_in_prose`",
                ),
                None => {}
            }
            for name in example.headers.keys() {
                if !api.headers.iter().any(|h| h.name.eq_ignore_ascii_case(name)) {
                    self.error(
                        Code::ExampleHeader,
                        format!("{path}.headers.{name}"),
                        format!("header `{name}` is not described under `headers:`"),
                        "describe every header the examples send",
                    );
                }
            }
            match api.shape(&example.body_format) {
                Some(shape) if shape.root => {
                    self.check_value(&format!("{path}.body"), &FieldType::Object(shape.name.clone()), &example.body)
                }
                Some(_) => self.error(
                    Code::ExampleFormat,
                    format!("{path}.body_format"),
                    format!("`{}` is not a root body", example.body_format),
                    "examples show whole bodies; name a shape with `root: true`",
                ),
                None => self.error(
                    Code::UnknownReference,
                    format!("{path}.body_format"),
                    format!("unknown body `{}`", example.body_format),
                    "name a shape defined under `bodies:`",
                ),
            }
            self.check_trace(&path, example, EXAMPLE_FACTS, &|f| match f {
                "status" => example.status.is_some(),
                "headers" => !example.headers.is_empty(),
                _ => true,
            });
        }
    }

    /// Does an example value match the declared type?
    fn check_value(&mut self, path: &str, ty: &FieldType, value: &Value) {
        let expected = facts::json_type_name(ty);
        let matches = match (ty, value) {
            (FieldType::String | FieldType::Vocabulary(_), Value::String(_)) => true,
            (FieldType::Integer, Value::Number(n)) => n.is_i64() || n.is_u64(),
            (FieldType::Number, Value::Number(_)) => true,
            (FieldType::Boolean, Value::Bool(_)) => true,
            (FieldType::Array(inner), Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    self.check_value(&format!("{path}[{i}]"), inner, item);
                }
                true
            }
            (FieldType::Object(name), Value::Object(map)) => {
                if let Some(shape) = self.api.shape(name) {
                    for field in &shape.fields {
                        match map.get(&field.name) {
                            Some(v) => self.check_value(&format!("{path}.{}", field.name), &field.ty, v),
                            None if field.required => self.error(
                                Code::ExampleBody,
                                path,
                                format!("the example lacks `{}`, which `{name}` requires", field.name),
                                format!("add it to the example, or make `{name}.{}` optional", field.name),
                            ),
                            None => {}
                        }
                    }
                    for key in map.keys() {
                        if !shape.fields.iter().any(|f| &f.name == key) {
                            self.error(
                                Code::ExampleBody,
                                format!("{path}.{key}"),
                                format!("`{key}` is not a field of `{name}`"),
                                format!("describe the field in `{name}` (examples may only use documented fields)"),
                            );
                        }
                    }
                }
                true
            }
            _ => false,
        };
        if !matches {
            self.error(
                Code::ExampleBody,
                path,
                format!("expected {expected}, found {}", json_kind(value)),
                format!("make the example value a JSON {expected}, or fix the field's type"),
            );
        }
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_f64() => "a fractional number",
        Value::Number(_) => "an integer",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
