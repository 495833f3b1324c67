//! Examples: each body matches its root body format, value by value; statuses and headers
//! are documented; ids give distinct test names.

use super::Checker;

/// Facts of a pinned case that `inferred` may list.
const CASE_FACTS: &[&str] = &["status", "headers", "body", "request", "decision"];
use crate::diagnostic::Code;
use crate::facts;
use crate::model::{FieldType, HeaderDirection, HeaderValueType};
use crate::names;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

const EXAMPLE_FACTS: &[&str] = &["title", "status", "headers", "decision"];

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
            for (name, value) in &example.headers {
                let at = format!("{path}.headers.{name}");
                match api.headers.iter().find(|h| h.name.eq_ignore_ascii_case(name)) {
                    None => self.error(
                        Code::ExampleHeader,
                        at,
                        format!("header `{name}` is not described under `headers:`"),
                        "describe every header the examples send",
                    ),
                    Some(header) if header.sent_in == HeaderDirection::Request => self.error(
                        Code::ExampleHeader,
                        at,
                        format!("`{name}` is a request header, and examples are responses"),
                        "remove it from the example, or describe it as a response header",
                    ),
                    Some(header) if !header_value_fits(header.value_type, value) => self.error(
                        Code::ExampleHeader,
                        at,
                        format!("`{value}` is not a {} value, as `{name}` is described", header.value_type.name()),
                        "fix the value, or the header's `type`",
                    ),
                    Some(_) => {}
                }
            }
            match api.shape(&example.body_format) {
                Some(shape) if shape.root => {
                    self.check_value(&format!("{path}.body"), &shape.body_type(), &example.body)
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
                "decision" => example.decision.is_some(),
                _ => true,
            });
        }
    }

    /// Cases: distinct ids that name distinct tests, a real status code, one body at most.
    pub(super) fn check_cases(&mut self) {
        let api = self.api;
        let mut ids = BTreeSet::new();
        let mut tests: BTreeMap<String, &str> = BTreeMap::new();
        for (c, case) in api.cases.iter().enumerate() {
            let path = format!("cases[{c}]");
            let mut name = None;
            if self.unique(&mut ids, &case.id, &format!("{path}.id"), "case id")
                && self.ascii_source(
                    &format!("{path}.id"),
                    &case.id,
                    "the case id",
                    "use ASCII letters, digits and `-`",
                )
            {
                name = names::example_name(&case.id);
                match &name {
                    None => self.error(
                        Code::Unnameable,
                        format!("{path}.id"),
                        format!("`{}` has no ASCII letter or digit to name its test", case.id),
                        "use ASCII letters, digits and `-`",
                    ),
                    Some(test) => {
                        if let Some(other) = tests.insert(test.clone(), case.id.as_str()) {
                            self.error(
                                Code::NameCollision,
                                format!("{path}.id"),
                                format!("`{}` and `{other}` both name the test `{test}`", case.id),
                                "choose ids that differ in more than case or punctuation",
                            );
                            name = None;
                        }
                    }
                }
            }
            self.derived.case_names.push(name);
            match (case.status, case.transport) {
                (Some(status), None) if !(100..=599).contains(&status) => self.error(
                    Code::BadStatusCode,
                    format!("{path}.status"),
                    format!("{status} is not an HTTP status code"),
                    "HTTP status codes run from 100 to 599",
                ),
                (Some(_), None) => {}
                (None, Some(failure)) => {
                    if !case.headers.is_empty() || case.body.is_some() || case.body_text.is_some() {
                        self.error(
                            Code::TransportRule,
                            &path,
                            format!(
                                "a request that failed with `{}` got no response: no headers, no body",
                                failure.as_str()
                            ),
                            "remove `headers`, `body` and `body_text`",
                        );
                    }
                }
                (Some(_), Some(_)) => self.error(
                    Code::TransportRule,
                    format!("{path}.transport"),
                    "a case is a response (`status`) or a failure without one (`transport`), not both",
                    "keep `status` for a response, `transport` for a request that got none",
                ),
                (None, None) => self.error(
                    Code::Empty,
                    &path,
                    "the case has neither a `status` nor a `transport` failure",
                    "give the response's `status`, or the `transport` failure of a request that got no response",
                ),
            }
            // Provenance: the section followed, and what of it the catalog chose.
            if let Some(section) = &case.source {
                self.check_section(&format!("{path}.source"), section);
            }
            for (i, fact) in case.inferred.iter().enumerate() {
                let at = format!("{path}.inferred[{i}]");
                if case.source.is_none() {
                    self.error(
                        Code::InferredAbsent,
                        at,
                        "a case without a `source` is the catalog's own: all of it is inferred",
                        "name the section the case follows in `source`, or remove `inferred`",
                    );
                } else if !CASE_FACTS.contains(&fact.as_str()) {
                    self.error(
                        Code::NotAFact,
                        at,
                        format!("`{fact}` is not a fact of a case"),
                        format!("use one of: {}", CASE_FACTS.join(", ")),
                    );
                }
            }
            if case.body.is_some() && case.body_text.is_some() {
                self.error(
                    Code::ExampleBody,
                    &path,
                    "a case has a `body` or a `body_text`, not both",
                    "keep `body` for JSON, `body_text` for anything else",
                );
            }
        }
    }

    /// Does an example value match the declared type?
    fn check_value(&mut self, path: &str, ty: &FieldType, value: &Value) {
        let expected = facts::json_type_name(self.api, ty);
        let matches = match (ty, value) {
            (FieldType::Vocabulary(_), Value::String(_)) => expected == "string",
            (FieldType::Vocabulary(_), Value::Number(n)) => expected == "integer" && n.is_i64(),
            (FieldType::String, Value::String(_)) => true,
            (FieldType::Integer, Value::Number(n)) => n.is_i64() || n.is_u64(),
            (FieldType::Number, Value::Number(_)) => true,
            (FieldType::Boolean, Value::Bool(_)) => true,
            (FieldType::Any, _) => true,
            (FieldType::Map(inner), Value::Object(map)) => {
                for (key, item) in map {
                    self.check_value(&format!("{path}.{key}"), inner, item);
                }
                true
            }
            (FieldType::Array(inner), Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    self.check_value(&format!("{path}[{i}]"), inner, item);
                }
                true
            }
            (FieldType::Union(name), Value::Object(map)) => {
                // The shape the tag names; an object of another tag is taken as it is.
                let union = self.api.union(name);
                let tag = union.and_then(|u| map.get(&u.tag)).and_then(Value::as_str);
                let variant = union.and_then(|u| u.variants.iter().find(|v| Some(v.tag.as_str()) == tag));
                if let (Some(union), Some(variant)) = (union, variant) {
                    // The shape's members are the object's but its tag, which is the union's.
                    let mut shape_members = map.clone();
                    shape_members.remove(&union.tag);
                    self.check_value(path, &FieldType::Object(variant.body.clone()), &Value::Object(shape_members));
                }
                true
            }
            (FieldType::Object(name), Value::Object(map)) => {
                if let Some(shape) = self.api.shape(name) {
                    for field in &shape.fields {
                        match map.get(&field.name) {
                            Some(Value::Null) if field.nullable => {}
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
                    for key in map.keys().filter(|_| !shape.extensible) {
                        if !shape.fields.iter().any(|f| &f.name == key) {
                            self.error(
                                Code::ExampleBody,
                                format!("{path}.{key}"),
                                format!("`{key}` is not a field of `{name}`"),
                                format!(
                                    "describe the field in `{name}`, or mark `{name}` `extensible: true` if the \
                                     document allows members it does not list"
                                ),
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

/// Does a header's text read as its type? (The runtime reads them the same way.)
fn header_value_fits(ty: HeaderValueType, value: &str) -> bool {
    let value = value.trim();
    match ty {
        HeaderValueType::String => true,
        HeaderValueType::Integer => value.parse::<i64>().is_ok(),
        HeaderValueType::Number => value.parse::<f64>().is_ok_and(f64::is_finite),
        HeaderValueType::Boolean => value.eq_ignore_ascii_case("true") || value.eq_ignore_ascii_case("false"),
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
