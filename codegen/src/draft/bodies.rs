//! Body shapes: found or grown from the examples, typed by the vocabularies their values
//! belong to, and given the roles their names suggest.

use super::names::{self, pascal};
use super::Drafter;
use crate::model::{Elements, Field, FieldRole, FieldType, Shape, Vocabulary, VocabularyType, VocabularyValue};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// A field with nothing stated yet, for struct update syntax: the model's `Field` has no
/// `Default`, as its type and `required` must always be written.
pub(super) fn field() -> Field {
    Field {
        name: String::new(),
        rust_name: None,
        ty: FieldType::String,
        required: false,
        presence: None,
        type_said: None,
        example: None,
        nullable: false,
        format: None,
        role: None,
        formats: Vec::new(),
        elements: Elements::default(),
        description: String::new(),
        source: String::new(),
        inferred: Vec::new(),
        inconsistencies: Vec::new(),
        notes: Vec::new(),
    }
}

/// A root body the draft makes: that it is a root, and its description, are the draft's guesses.
pub(super) fn drafted_root(name: String, description: String, fields: Vec<Field>, source: &str) -> Shape {
    Shape {
        name,
        description,
        root: true,
        fields,
        source: source.to_string(),
        inferred: vec!["description".into(), "root".into()],
        ..Shape::default()
    }
}

pub(super) fn push_inferred(inferred: &mut Vec<String>, fact: &str) {
    if !inferred.iter().any(|f| f == fact) {
        inferred.push(fact.to_string());
    }
}

/// The role a field's name and type suggest.
fn role_for(key: &str, ty: &FieldType) -> Option<FieldRole> {
    let words = names::bare(key);
    let vocabulary = matches!(ty, FieldType::Vocabulary(_));
    match words.as_str() {
        "type" | "code" | "errorcode" | "errortype" | "error" | "name" | "retcode" | "errcode" | "reason"
        | "status" | "category" | "errorkey"
            if vocabulary =>
        {
            Some(FieldRole::Code)
        }
        "actionrequired" | "action" | "hint" | "suggestedaction" if vocabulary => Some(FieldRole::Hint),
        "message"
        | "msg"
        | "detail"
        | "errordescription"
        | "error"
        | "errorsummary"
        | "errormessage"
        | "errormsg"
        | "summary"
        | "description"
        | "errors"
        | "messages"
        | "retmsg"
        | "errmsg"
        | "errormessages"
        | "reason"
        | "err"
        | "details"
        | "developermessage"
        | "info"
        | "errordetail"
        | "statusmessage"
        | "explanation"
        | "responseexplanation"
            if *ty == FieldType::String =>
        {
            Some(FieldRole::Message)
        }
        // Text for people, however prefixed (Infobip's `text`, TomTom's `errorText`).
        name if name.ends_with("text") && *ty == FieldType::String => Some(FieldRole::Message),
        // A message that may be more than text (Heron's `description`: a string, or an object
        // of the fields at fault): the message when it is text.
        "message" | "description" | "detail" | "error" if *ty == FieldType::Any => Some(FieldRole::Message),
        // (`fbtrace_id`, `x_request_id`, GIPHY's `response_id`: an id of the request, its trace or
        // its response, however prefixed.)
        name if *ty == FieldType::String
            && (["requestid", "traceid", "correlationid", "responseid", "trackingid"]
                .iter()
                .any(|id| name.ends_with(id))
                || ["debugid", "errorid"].contains(&name)) =>
        {
            Some(FieldRole::RequestId)
        }
        "retryafter"
        | "retryafterseconds"
        | "retryafterms"
        | "retryaftermilliseconds"
        | "backoff"
        | "backoffseconds"
        | "retryin"
        | "retryinseconds"
        | "waitseconds"
            if matches!(ty, FieldType::Integer | FieldType::Number) =>
        {
            Some(FieldRole::RetryAfter)
        }
        _ => None,
    }
}

/// A member that may hold the code: the shape that has it, its path from the root body, and
/// the values the examples send in it, each with the section that shows it.
type CodeCandidate = (usize, Vec<String>, Vec<(String, String)>);

/// How exactly a member's name says it holds the code: `code`, `error_code` first, then
/// `error`, then `type`, then `name`.
/// In a problem details body (RFC 9457: `type`, `title`, `detail`) its `type` comes first.
fn code_rank(name: &str, problem_details: bool) -> usize {
    match names::bare(name).as_str() {
        "type" if problem_details => 0,
        "code" | "errorcode" | "retcode" | "errcode" => 1,
        "error" => 2,
        "type" | "errortype" => 3,
        _ => 4,
    }
}

/// A header and a member name that say the same (`Title` and `title`, `Error code` and
/// `error_code`): their letters and digits, in any case.
fn same_name(a: &str, b: &str) -> bool {
    names::bare(a) == names::bare(b)
}

/// An id the page says is the request's or to give support, where its name says nothing of a
/// role: the request id where it is the id of the request or call (Zuora's `processId`: "the ID
/// of the call; give it to Global Support"; Plivo's `api_id`: "it identifies the request"), else
/// the support reference (`instance`: "give it to support"; Asana's `phrase`: "quote it when you
/// contact support").
fn id_said(description: &str, ty: &FieldType) -> Option<FieldRole> {
    let said = description.to_lowercase();
    if *ty != FieldType::String {
        return None;
    }
    if super::prose::said_of_the_request(&said) {
        return Some(FieldRole::RequestId);
    }
    // (Or says to give it to support: Akamai's `instance`, "give the `instance` to technical
    // support when you escalate".)
    let names_it =
        ["id", "identif", "quote", "reference", "give", "pass along", "escalat"].iter().any(|word| said.contains(word));
    (said.contains("support") && names_it).then_some(FieldRole::SupportReference)
}

/// A member the page describes as the error's description in words, whatever its name (Yandex
/// Distribution's `data`, "what went wrong", text or an object of the fields at fault): the
/// message, where it is text or may be.
fn message_said(description: &str, ty: &FieldType) -> Option<FieldRole> {
    let said = description.trim().trim_end_matches('.').to_lowercase();
    let words = ["what went wrong", "error description", "description of the error", "error message"];
    let text = matches!(ty, FieldType::String | FieldType::Any);
    (text && words.iter().any(|w| said == *w || said.starts_with(&format!("{w} ")))).then_some(FieldRole::Message)
}

/// Does a line of prose say to wait seconds (for the members it names: "wait `estimated_time`
/// seconds")?
pub(super) fn says_to_wait(line: &str) -> bool {
    let lower = line.to_lowercase();
    lower.contains("wait") && lower.contains("second")
}

/// The members a line says to give support, a clause each that speaks of support: its one
/// member, or the one a verb of giving names (Akamai's "give the `instance` to technical
/// support", beside a `detail`; "`instance` may help when you talk with your support
/// representative").
pub(super) fn given_to_support(line: &str) -> Vec<String> {
    let mut found = Vec::new();
    for clause in line.split(". ") {
        if !clause.to_lowercase().contains("support") {
            continue;
        }
        let spans: Vec<&str> = crate::page::code_spans(clause).collect();
        let given = || {
            let parts: Vec<&str> = clause.split('`').collect();
            (1..parts.len()).step_by(2).map(|at| (parts[at - 1], parts[at])).find_map(|(before, span)| {
                let before = before.to_lowercase();
                let words: Vec<&str> = before.split_whitespace().rev().take(2).collect();
                let verbs = ["give", "quote", "pass", "include", "provide", "send", "share"];
                words.iter().any(|w| verbs.iter().any(|verb| w.starts_with(verb))).then_some(span)
            })
        };
        let member = match spans.as_slice() {
            [one] => Some(*one),
            _ => given(),
        };
        found.extend(member.filter(|m| super::prose::is_member_word(m)).map(str::to_string));
    }
    found
}

/// The members a line says to branch on: the code span right after `branch on` (Supabase's
/// "Branch on `error_code`"; or `switch on`), or the last one before `to branch on` (Kota's "an
/// `error_code` to branch on"), or before `is the stable contract` (Salty's `code`).
pub(super) fn branched_on(line: &str) -> Vec<String> {
    let lower = line.to_ascii_lowercase();
    let mut found = Vec::new();
    let said = ["branch on", "switch on", "is the stable contract"];
    let places = said.iter().flat_map(|words| lower.match_indices(words).map(|(at, _)| (at, words.len())));
    for (at, len) in places {
        let after = line[at + len..].trim_start();
        let spanned_after =
            after.strip_prefix('`').and_then(|rest| rest.split_once('`')).map(|(span, _)| span.to_string());
        // (Within the sentence's clause: after its last `;` or `.`.)
        let before = &line[..at];
        let clause = before.rsplit([';', '.']).next().unwrap_or(before);
        let spanned_before = crate::page::code_spans(clause).last().map(str::to_string);
        found.extend(spanned_after.or(spanned_before));
    }
    found
}

/// Is an object one member named for a collection (`fields`, `errors`), not a key of data?
pub(super) fn one_collection(map: &Map<String, Value>) -> bool {
    const COLLECTIONS: &[&str] =
        &["fields", "errors", "items", "entries", "details", "messages", "violations", "issues", "values", "causes"];
    matches!(map.keys().collect::<Vec<_>>().as_slice(), [only] if COLLECTIONS.contains(&names::bare(only).as_str()))
}

/// Is `value` a container of the other kind than `ty` (a list of objects where an object was
/// drafted, or an object where a list of objects was)?
fn other_container(ty: &FieldType, value: &Value) -> bool {
    let objects = |items: &Vec<Value>| !items.is_empty() && items.iter().all(Value::is_object);
    match ty {
        FieldType::Object(_) => value.as_array().is_some_and(objects),
        FieldType::Array(items) => matches!(items.as_ref(), FieldType::Object(_)) && value.is_object(),
        _ => false,
    }
}

/// Does a member's description say people read it (a message, not a code)?
fn read_by_people(description: &str) -> bool {
    let mut said = description.to_lowercase();
    // (Documentation for people is what a problem type's URI leads to, not the member itself.)
    for documents in ["human-readable documentation", "human readable documentation", "documentation for people"] {
        said = said.replace(documents, "documentation");
    }
    ["for people", "human-readable", "human readable", "for humans", "readable by humans", "to show to", "to display"]
        .iter()
        .any(|phrase| said.contains(phrase))
}

/// The words `said` lists, in code spans or in single quotes (Resova's "One of: 'api_error',
/// ..."), that `alike` says are written as `values` already are: added to them, traced to
/// `source` (the name of their `member` aside).
pub(super) fn add_listed_values(
    values: &mut Vec<VocabularyValue>,
    said: &str,
    member: &str,
    source: &str,
    alike: impl Fn(crate::page::CodeWriting, crate::page::CodeWriting) -> bool,
) {
    let styles: Vec<_> = values.iter().filter_map(|v| crate::page::code_style(&v.value)).collect();
    for word in crate::page::code_spans(said).chain(crate::page::single_quoted(said)) {
        let written =
            crate::page::code_style(word).is_some_and(|style| styles.iter().any(|&other| alike(style, other)));
        if written && word != member && !values.iter().any(|v| v.value == word) {
            values.push(VocabularyValue {
                value: word.to_string(),
                source: source.to_string(),
                ..VocabularyValue::default()
            });
        }
    }
}

/// Is a key named like a code (`error`, `code`, `type`)? Such a string member's values become
/// a vocabulary.
pub(super) fn code_like(key: &str) -> bool {
    key != "name" && role_for(key, &FieldType::Vocabulary(String::new())) == Some(FieldRole::Code)
}

impl Drafter<'_> {
    pub(super) fn shape_index(&self, name: &str) -> Option<usize> {
        self.bodies.iter().position(|b| b.name == name)
    }

    /// The root body an example follows: the one sharing most of its keys; a new root body
    /// when none shares any, or when the one that does comes from a table and the example both
    /// lacks a member it requires and sends members it does not list (another body, such as a
    /// rate limit's). A body from a table that the example holds under one member (`{"error":
    /// {...}}`, `{"errors": [{...}]}`) is that member's shape, in a new root: the envelope.
    pub(super) fn root_for(&mut self, body: &Map<String, Value>, source: &str) -> usize {
        let overlap = |shape: &Shape| shape.fields.iter().filter(|f| body.contains_key(&f.name)).count();
        let missing = |shape: &Shape| shape.fields.iter().filter(|f| f.required && !body.contains_key(&f.name)).count();
        // Most members shared; of those, fewest required members lacking; of those, the first.
        let best = self
            .bodies
            .iter()
            .enumerate()
            .filter(|(_, b)| b.root)
            .map(|(i, b)| (overlap(b), std::cmp::Reverse(missing(b)), std::cmp::Reverse(i)))
            .max()
            .filter(|(shared, _, _)| *shared > 0)
            .map(|(_, _, std::cmp::Reverse(i))| i);
        let another_body = |drafter: &Self, index: usize| {
            let shape = &drafter.bodies[index];
            let documented = !drafter.built_from_examples.contains(&index);
            let unlisted = body.keys().any(|k| !shape.fields.iter().any(|f| f.name == *k));
            documented && missing(shape) > 0 && unlisted
        };
        // A body whose shared members the example's values do not fit (its `error` is text,
        // the example's an object) is not the example's, when the example holds another
        // table's body under a member (`{"error": {"status": 404, ...}}`).
        // (A type only the examples gave, so far, widens to fit, unless the example also lacks a member
        // the body requires: Close's `error`, text beside `errors`, an object in a 429 alone.)
        let shared_fit =
            |drafter: &Self, index: usize| drafter.members_fit(index, body, missing(&drafter.bodies[index]) == 0);
        // A body that shares no code or message with the root and names its own otherwise
        // (Deepgram's `err_code` and `err_msg` beside `category` and `message`, both formats
        // with a `request_id`): another format.
        let another_format = |drafter: &Self, index: usize| {
            let shape = &drafter.bodies[index];
            let in_shape = |key: &str| shape.fields.iter().any(|f| f.name == key);
            let speaks = |key: &str| code_like(key) || role_for(key, &FieldType::String) == Some(FieldRole::Message);
            let shared_speaks = body.keys().any(|k| in_shape(k) && speaks(k));
            let own = body.keys().any(|k| !in_shape(k) && speaks(k));
            let rival = shape.fields.iter().any(|f| !body.contains_key(&f.name) && speaks(&f.name));
            !shared_speaks && own && rival
        };
        if let Some(index) = best.filter(|&i| !another_body(self, i) && shared_fit(self, i) && !another_format(self, i))
        {
            return index;
        }
        if best.is_none_or(|i| !shared_fit(self, i)) {
            if let Some(index) = self.envelope_for(body, source) {
                return index;
            }
        }
        // (The first JSON body, even after one of plain text.)
        let first = self.bodies.iter().all(|shape| shape.text.is_some());
        let name = self.fresh_body_name(if first { "ErrorBody" } else { "OtherErrorBody" });
        self.bodies.push(drafted_root(name, "An error body the page shows in an example.".into(), Vec::new(), source));
        self.bodies.len() - 1
    }

    /// The open root body of lists of messages keyed by the request's fields (ShipBob's
    /// `{"Name": [...]}`): no members of its own, any member allowed.
    pub(super) fn messages_by_field_root(&mut self, source: &str) -> usize {
        if let Some(index) = self.bodies.iter().position(|b| b.root && b.extensible && b.fields.is_empty()) {
            return index;
        }
        let name = self.fresh_body_name("FieldErrorsBody");
        let description = "Lists of messages, each under the name of the request's field it is about.".into();
        self.bodies.push(Shape { extensible: true, ..drafted_root(name, description, Vec::new(), source) });
        self.bodies.len() - 1
    }

    /// A new root for a body that holds a table's root body under one member (an object, or
    /// a list of objects) that shares keys with it: that body becomes the member's shape.
    fn envelope_for(&mut self, body: &Map<String, Value>, source: &str) -> Option<usize> {
        let documented_roots: Vec<usize> =
            (0..self.bodies.len()).filter(|&i| self.bodies[i].root && !self.built_from_examples.contains(&i)).collect();
        let (member, inner, list) = body.iter().find_map(|(key, value)| {
            let (object, list) = match value {
                Value::Object(map) => (map, false),
                Value::Array(items) => (items.first()?.as_object()?, true),
                _ => return None,
            };
            let inner = documented_roots
                .iter()
                .copied()
                .find(|&i| self.bodies[i].fields.iter().any(|f| object.contains_key(&f.name)))?;
            Some((key.clone(), inner, list))
        })?;
        let inner_name = self.bodies[inner].name.clone();
        self.bodies[inner].root = false;
        self.bodies[inner].inferred.retain(|f| f != "root");
        let object = FieldType::Object(inner_name);
        let ty = if list { FieldType::Array(Box::new(object)) } else { object };
        let name = self.fresh_body_name("ErrorEnvelope");
        let holder = Field {
            name: member.clone(),
            ty,
            required: true,
            description: format!("`{member}`, as the examples show it"),
            source: source.to_string(),
            inferred: vec!["required".into(), "description".into()],
            ..field()
        };
        let description = format!("The error body: the object the page describes, under `{member}`.");
        self.bodies.push(drafted_root(name, description, vec![holder], source));
        self.new_envelopes.insert(self.bodies.len() - 1);
        Some(self.bodies.len() - 1)
    }

    /// The first member a table documents as required (`required` not inferred) that the body
    /// lacks, at any depth the body reaches: `debug_id`, `errors[].category`.
    pub(super) fn lacks_documented(&self, index: usize, body: &Map<String, Value>) -> Option<String> {
        for field in &self.bodies[index].fields {
            let documented = field.required && !field.inferred.iter().any(|f| f == "required");
            let Some(value) = body.get(&field.name) else {
                if documented {
                    return Some(field.name.clone());
                }
                continue;
            };
            let nested = match (&field.ty, value) {
                (FieldType::Object(name), Value::Object(map)) => {
                    self.shape_index(name).and_then(|i| self.lacks_documented(i, map))
                }
                (FieldType::Array(inner), Value::Array(items)) => match inner.as_ref() {
                    FieldType::Object(name) => self.shape_index(name).and_then(|i| {
                        items
                            .iter()
                            .filter_map(Value::as_object)
                            .find_map(|map| self.lacks_documented(i, map))
                            .map(|m| format!("[].{m}"))
                    }),
                    _ => None,
                },
                _ => None,
            };
            if let Some(inner) = nested {
                let joiner = if inner.starts_with('[') { "" } else { "." };
                return Some(format!("{}{joiner}{inner}", field.name));
            }
        }
        None
    }

    /// Grows root `index` by an example's keys; its name.
    pub(super) fn grown(&mut self, index: usize, body: &Map<String, Value>, source: &str) -> String {
        self.grow(index, body, source);
        self.bodies[index].name.clone()
    }

    /// Adds the keys a body has that the shape lacks, as fields of the types the values have
    /// (objects become shapes of their own): required when the shape is new and this is its first
    /// example (a format whose members are all optional would fit every body, and hide the formats
    /// after it), optional otherwise; a later example that lacks a member makes it optional.
    fn grow(&mut self, index: usize, body: &Map<String, Value>, source: &str) {
        let new = self.bodies[index].fields.is_empty() || self.new_envelopes.remove(&index);
        let first_example = new && self.built_from_examples.insert(index);
        for (key, value) in body {
            if let Some(known) = self.bodies[index].fields.iter().position(|f| f.name == *key) {
                // A member its table gave no type: the examples say. An empty list or object
                // says little (a list of anything), so a later example may say more.
                if !value.is_null() && self.untyped.contains(&(index, key.clone())) {
                    let empty = is_empty_container(value);
                    let mut ty = self.infer_type(key, value, source);
                    let sent_empty = self.sent_empty.get(&(index, key.clone())).copied();
                    if empty {
                        self.sent_empty.insert((index, key.clone()), value.is_object());
                    } else {
                        self.untyped.remove(&(index, key.clone()));
                        // An earlier example sent it as an empty list where this one sends an
                        // object, or the other way round: any JSON value.
                        if sent_empty.is_some_and(|object| object != value.is_object()) {
                            ty = FieldType::Any;
                        }
                        // An earlier example sent it empty (`"error": {}`): none of the members
                        // this one shows is required.
                        if let (FieldType::Object(name), Some(_)) = (&ty, sent_empty) {
                            if let Some(shape) = self.shape_index(name) {
                                for field in &mut self.bodies[shape].fields {
                                    field.required = false;
                                    push_inferred(&mut field.inferred, "required");
                                }
                            }
                        }
                    }
                    self.bodies[index].fields[known].ty = ty;
                    continue;
                }
                // A member its table gave no type, sent as `null`: sent only so, so far (Letmepost's
                // `platformResponse`). (Not one the table calls an object.)
                let member = (index, key.clone());
                let no_type_said = self.bodies[index].fields[known].inferred.iter().any(|f| f == "type");
                if value.is_null()
                    && no_type_said
                    && !self.sent_empty.contains_key(&member)
                    && self.untyped.remove(&member)
                {
                    self.null_only.insert(member);
                    let field = &mut self.bodies[index].fields[known];
                    field.nullable = true;
                    push_inferred(&mut field.inferred, "nullable");
                    continue;
                }
                // A member sent only as `null` so far: this value gives its type.
                if !value.is_null() && self.null_only.remove(&(index, key.clone())) {
                    self.bodies[index].fields[known].ty = self.infer_type(key, value, source);
                    continue;
                }
                let ty = self.bodies[index].fields[known].ty.clone();
                // A member the examples alone typed, sent as another JSON type (`"errors": "Not
                // Found"` and `"errors": {...}`): any JSON value.
                let from_examples = self.bodies[index].fields[known].inferred.iter().any(|f| f == "type");
                if from_examples && !value.is_null() && !self.fits_type(&ty, value) {
                    self.bodies[index].fields[known].ty = FieldType::Any;
                    continue;
                }
                self.grow_nested(&ty, value, source);
                // A documented field an example sends as `null` may be null.
                if value.is_null() {
                    let field = &mut self.bodies[index].fields[known];
                    field.nullable = true;
                    push_inferred(&mut field.inferred, "nullable");
                }
                continue;
            }
            // A `null` says nothing of the type: a member named like one sent with a value
            // (`actualQueryCost` beside `requestedQueryCost: 202`) is typed like it.
            let like_a_sibling = value.is_null().then(|| last_word(key)).flatten().and_then(|word| {
                body.iter()
                    .find(|(other, v)| *other != key && v.is_number() && last_word(other).as_ref() == Some(&word))
            });
            let ty = match like_a_sibling {
                Some((other, sibling)) => self.infer_type(other, sibling, source),
                None => self.infer_type(key, value, source),
            };
            if value.is_null() && like_a_sibling.is_none() {
                self.null_only.insert((index, key.clone()));
            }
            // An empty object or list says little of what it holds: a later example may say more
            // (OKX's `data`, `[]` beside a failed batch's results).
            if is_empty_container(value) {
                self.untyped.insert((index, key.clone()));
                self.sent_empty.insert((index, key.clone()), value.is_object());
            }
            let mut inferred: Vec<String> = vec!["type".into(), "required".into(), "description".into()];
            if value.is_null() {
                inferred.push("nullable".into());
            }
            // (Traced elsewhere than to a section whose table lists the body's fields: a row
            // the page's table does not have, Mistral's `object`.)
            let listed = crate::model::TableRows::Body(self.bodies[index].name.clone());
            let (field_source, _) = self.free_source(source, |rows| *rows == listed);
            self.bodies[index].fields.push(Field {
                name: key.clone(),
                ty,
                required: first_example,
                nullable: value.is_null(),
                description: format!("`{key}`, as the examples show it"),
                source: field_source,
                inferred,
                ..field()
            });
        }
        // A field an example lacks is not required after all.
        for field in &mut self.bodies[index].fields {
            if field.required && !body.contains_key(&field.name) {
                field.required = false;
                push_inferred(&mut field.inferred, "required");
            }
        }
    }

    /// Grows the shape a field type names (directly or as array items) by a value's keys.
    fn grow_nested(&mut self, ty: &FieldType, value: &Value, source: &str) {
        match (ty, value) {
            (FieldType::Object(name), Value::Object(map)) => {
                if let Some(index) = self.shape_index(name) {
                    self.grow(index, map, source);
                }
            }
            (FieldType::Array(inner), Value::Array(items)) => {
                for item in items {
                    self.grow_nested(inner, item, source);
                }
            }
            _ => {}
        }
    }

    fn infer_type(&mut self, key: &str, value: &Value, source: &str) -> FieldType {
        match value {
            Value::Bool(_) => FieldType::Boolean,
            Value::Number(n) if n.is_i64() || n.is_u64() => FieldType::Integer,
            Value::Number(_) => FieldType::Number,
            Value::String(_) | Value::Null => FieldType::String,
            Value::Array(items) => match items.first() {
                Some(first) => {
                    let mut inner = self.infer_type(key, first, source);
                    for item in &items[1..] {
                        // Scalars of another type than the first's: a fractional number among
                        // integers is a number; anything else, any JSON value.
                        let widened = match (&inner, item) {
                            (FieldType::Integer, Value::Number(n)) if !(n.is_i64() || n.is_u64()) => {
                                Some(FieldType::Number)
                            }
                            (FieldType::Number, Value::Number(_)) => None,
                            // An object or a list among objects or lists grows the shape.
                            (FieldType::Object(_) | FieldType::Map(_), Value::Object(_))
                            | (FieldType::Array(_), Value::Array(_)) => None,
                            _ if !item.is_null() && !self.fits_type(&inner, item) => Some(FieldType::Any),
                            _ => None,
                        };
                        if let Some(widened) = widened {
                            inner = widened;
                        }
                        self.grow_nested(&inner, item, source);
                    }
                    FieldType::Array(Box::new(inner))
                }
                None => FieldType::Array(Box::new(FieldType::Any)),
            },
            // An object with no members yet: any members (a later example may show some).
            Value::Object(map) if map.is_empty() => FieldType::Map(Box::new(FieldType::Any)),
            // Every member a list (`{"email": [...], "name": [...]}`): keyed by the request's
            // fields, a map of lists, not an object of these members. (Not one list named for
            // what it holds, Hetzner's `{"fields": [...]}`, or one the prose names, Supabase's
            // `{"reasons": [...]}`: an object of that member.)
            Value::Object(map)
                if map.values().all(Value::is_array)
                    && !one_collection(map)
                    && !(map.len() == 1 && map.keys().all(|k| self.spanned_in_prose.contains(k))) =>
            {
                let inner = map.values().find(|v| v.as_array().is_some_and(|items| !items.is_empty()));
                let items = match inner {
                    Some(list) => self.infer_type(key, list, source),
                    None => FieldType::Array(Box::new(FieldType::Any)),
                };
                // (Lists of other things than the first's, GraphQL's `locations` of objects beside
                // its `path` of names: lists of anything.)
                let alike = |items: &FieldType| {
                    map.values().flat_map(|v| v.as_array().into_iter().flatten()).all(|item| match items {
                        FieldType::Array(each) => self.fits_type(each, item),
                        _ => true,
                    })
                };
                match alike(&items) {
                    true => FieldType::Map(Box::new(items)),
                    false => FieldType::Map(Box::new(FieldType::Array(Box::new(FieldType::Any)))),
                }
            }
            // An object the prose says is keyed by the request's data (BigCommerce's `errors`,
            // "keyed by field name"): a map of its values' type.
            Value::Object(map) if self.keyed_by_data.contains(key) => {
                let mut values = map.values().filter(|v| !v.is_null());
                let first = values.next().map(|v| self.infer_type(key, v, source));
                let alike =
                    |ty: &FieldType, drafter: &Self| map.values().all(|v| v.is_null() || drafter.fits_type(ty, v));
                match first {
                    Some(ty) if alike(&ty, self) => FieldType::Map(Box::new(ty)),
                    _ => FieldType::Map(Box::new(FieldType::Any)),
                }
            }
            Value::Object(map) => {
                if let Some(index) = self.described_members.get(key).and_then(|name| self.shape_index(name)) {
                    self.grow(index, map, source);
                    return FieldType::Object(self.bodies[index].name.clone());
                }
                // (`{"error": {...}}`: `ErrorObject`, as the crate's own `Error` takes that name.)
                let name = self.fresh_body_name(&pascal(key));
                self.bodies.push(Shape {
                    name: name.clone(),
                    description: format!("The object under `{key}`, as the examples show it."),
                    source: source.to_string(),
                    inferred: vec!["description".into()],
                    ..Shape::default()
                });
                let index = self.bodies.len() - 1;
                self.grow(index, map, source);
                for field in &mut self.bodies[index].fields {
                    field.required = true;
                }
                FieldType::Object(name)
            }
        }
    }

    /// Whether a body, a vocabulary or the generated code has the type name already.
    pub(super) fn type_name_taken(&self, name: &str) -> bool {
        self.bodies.iter().any(|b| b.name == name)
            || self.vocabularies.iter().any(|v| v.name == name)
            || crate::validate::RESERVED_TYPE_NAMES.contains(&name)
    }

    /// `base`, or the first of `base2`, `base3`... no type takes; a reserved name (`Error`,
    /// pydantic's `Field`) with `Object` after it (`ErrorObject`).
    pub(super) fn fresh_body_name(&self, base: &str) -> String {
        let reserved = crate::validate::RESERVED_TYPE_NAMES.contains(&base).then(|| format!("{base}Object"));
        let base = reserved.as_deref().unwrap_or(if base.is_empty() { "Body" } else { base });
        names::unique(base, |name| !self.type_name_taken(name), |n| format!("{base}{n}"))
    }

    /// Does a body fit a shape as drafted so far (types of documented fields)?
    pub(super) fn fits(&self, shape: &str, body: &Map<String, Value>) -> bool {
        let Some(index) = self.shape_index(shape) else { return false };
        self.members_fit(index, body, false)
    }

    /// Do a body's members fit the shape at `index`? A member its table gave no type fits
    /// whatever an example sends, and so does one the examples typed when `examples_widen`.
    fn members_fit(&self, index: usize, body: &Map<String, Value>, examples_widen: bool) -> bool {
        self.bodies[index].fields.iter().all(|field| match body.get(&field.name) {
            None | Some(Value::Null) => true,
            Some(_) if self.untyped.contains(&(index, field.name.clone())) => true,
            // (Not an object where a list of objects was, or the other way round: ElevenLabs'
            // `detail`, an object, and in a 422 a list of the fields at fault, is two formats.)
            Some(value)
                if examples_widen
                    && field.inferred.iter().any(|fact| fact == "type")
                    && !other_container(&field.ty, value) =>
            {
                true
            }
            Some(value) => self.fits_type(&field.ty, value),
        })
    }

    /// Does a value fit a member's type as drafted so far?
    fn fits_type(&self, ty: &FieldType, value: &Value) -> bool {
        match ty {
            FieldType::String => value.is_string(),
            FieldType::Integer => value.as_i64().is_some() || value.as_u64().is_some(),
            FieldType::Number => value.is_number(),
            FieldType::Boolean => value.is_boolean(),
            FieldType::Object(inner) => value.as_object().is_some_and(|map| self.fits(inner, map)),
            FieldType::Array(_) => value.is_array(),
            FieldType::Map(inner) => {
                value.as_object().is_some_and(|map| map.values().all(|v| v.is_null() || self.fits_type(inner, v)))
            }
            _ => true,
        }
    }

    /// A table's codes of digits that the examples send as text (QuickBooks' `"code": "6240"`)
    /// are strings, as the wire has them.
    pub(super) fn codes_sent_as_text(&mut self) {
        let sent = crate::page::strings_by_member(self.examples.iter().map(|e| &e.body));
        let as_text: Vec<usize> = (self.vocabularies.iter().enumerate())
            .filter(|(_, v)| v.wire_type == VocabularyType::Integer)
            .filter(|(_, v)| sent.values().any(|values| v.values.iter().any(|x| values.contains(x.value.as_str()))))
            .map(|(i, _)| i)
            .collect();
        for i in as_text {
            self.vocabularies[i].wire_type = VocabularyType::String;
        }
    }

    /// A table's codes that the examples send after a namespace and `#` (AWS's
    /// `com.amazonaws.dynamodb.v20120810#ThrottlingException` for `ThrottlingException`): the
    /// vocabulary's values may come so (`namespace_separator`).
    pub(super) fn namespaced_codes(&mut self) {
        const SEPARATOR: char = '#';
        let sent = crate::page::strings_by_member(self.examples.iter().map(|e| &e.body));
        let after_a_namespace: BTreeSet<&str> = sent
            .values()
            .flatten()
            .filter_map(|value| value.rsplit_once(SEPARATOR))
            // (Not a link's fragment: `https://docs.example/errors#missing_api_key`.)
            .filter(|(namespace, code)| !namespace.is_empty() && !namespace.contains([' ', '/']) && !code.is_empty())
            .map(|(_, code)| code)
            .collect();
        for vocabulary in self.vocabularies.iter_mut().filter(|v| v.wire_type == VocabularyType::String) {
            let listed = vocabulary.values.iter().any(|x| after_a_namespace.contains(x.value.as_str()));
            if listed && !vocabulary.values.iter().any(|x| x.value.contains(SEPARATOR)) {
                vocabulary.namespace_separator = Some(SEPARATOR.to_string());
            }
        }
    }

    /// A root body's code-like field (`error`, `code`, `type`) that no table's vocabulary
    /// types: its values across the examples become a vocabulary of their own.
    pub(super) fn example_vocabularies(&mut self) {
        // Where a header sends the code (AWS's `x-amzn-ErrorType`), a body's member named like one
        // is a kind of its own (Lambda's `Type`: `User` or `Service`).
        if self.header_sends_the_code() {
            return;
        }
        let apart = self.members_apart_from_the_status();
        let beside = super::tables::numbers_beside_another_status(&self.page_bodies);
        for b in 0..self.bodies.len() {
            if !self.bodies[b].root {
                continue;
            }
            let shape = self.bodies[b].name.clone();
            // Code-like members: the root's own, then those of an object it holds (the
            // `{"error": {"type": ...}}` envelope) or of the elements of a list it holds. Strings,
            // and whole numbers that are not the status again (Zuora's `"code": 53100320`; a
            // `"code": 404` in a 404 is the status).
            // (Google's `error.status` too, a string whose values are codes: `NOT_FOUND`.)
            let candidate = |f: &Field| {
                code_like(&f.name)
                    && (f.ty == FieldType::String || (f.ty == FieldType::Integer && apart.contains_key(&f.name)))
            };
            let mut candidates: Vec<(usize, Vec<String>)> =
                self.bodies[b].fields.iter().filter(|f| candidate(f)).map(|f| (b, vec![f.name.clone()])).collect();
            // (And two objects down, a member named for a code alone: GraphQL's
            // `errors[].extensions.code`, not a link's media `type`, Mollie's
            // `_links.documentation.type`.)
            let named_code = |f: &Field| ["code", "errorcode"].contains(&names::bare(&f.name).as_str());
            // (Or the `value` of an object named for a code, as a SOAP-like fault writes its code
            // and subcode: FileCatalyst's `fault.code.value`, `fault.code.subcode.value`.)
            let valued = |f: &Field, through: &[String]| {
                f.name == "value"
                    && f.ty == FieldType::String
                    && through.last().is_some_and(|held| code_like(held) || names::bare(held).ends_with("code"))
            };
            let mut holders: Vec<(usize, Vec<String>)> = vec![(b, Vec::new())];
            for depth in 0..3 {
                let mut deeper = Vec::new();
                for (holder, at) in &holders {
                    for field in &self.bodies[*holder].fields {
                        let mut through = at.clone();
                        through.push(field.name.clone());
                        let inner = match &field.ty {
                            FieldType::Object(inner) => inner,
                            FieldType::Array(items) => match items.as_ref() {
                                FieldType::Object(inner) => {
                                    through.push("[]".to_string());
                                    inner
                                }
                                _ => continue,
                            },
                            _ => continue,
                        };
                        let Some(i) = self.shape_index(inner) else { continue };
                        let kept = |f: &&Field| {
                            (candidate(f) && (depth == 0 || (depth == 1 && named_code(f)))) || valued(f, &through)
                        };
                        for member in self.bodies[i].fields.iter().filter(kept) {
                            let mut path = through.clone();
                            path.push(member.name.clone());
                            candidates.push((i, path));
                        }
                        deeper.push((i, through));
                    }
                }
                holders = deeper;
            }
            // The member the prose says to branch on first (Kota's `error_code`, beside a
            // problem's `type`).
            candidates.sort_by_key(|(_, path)| !path.last().is_some_and(|key| self.branched_on.contains(key)));
            let known: BTreeSet<&str> =
                self.vocabularies.iter().flat_map(|v| &v.values).map(|x| x.value.as_str()).collect();
            let namespaced: BTreeSet<&str> = (self.vocabularies.iter())
                .filter(|v| v.namespace_separator.is_some())
                .flat_map(|v| &v.values)
                .map(|x| x.value.as_str())
                .collect();
            // The values at a path, and how many examples send any.
            let values_of = |path: &[String]| {
                let mut values: Vec<(String, String)> = Vec::new();
                let mut sending = 0;
                for example in self.examples.iter().filter(|e| e.body_format == shape) {
                    let mut found = Vec::new();
                    for top in tops(&example.body) {
                        values_at(top, path, &mut found);
                    }
                    sending += usize::from(!found.is_empty());
                    // (Not a type's name in place of a value, as examples drawn from a schema
                    // write one, ePay's `"code": "string"`, nor an ellipsis, Cashweb's `"..."`.)
                    for value in found.into_iter().filter(|value| !crate::page::stands_in_for_a_value(value)) {
                        if !values.iter().any(|(v, _)| *v == value) {
                            values.push((value, example.source.clone()));
                        }
                    }
                }
                (values, sending)
            };
            // The first code-like member whose values are codes: not sentences only (`error`
            // holding messages is the message), and none a table's (such a member takes the
            // table's vocabulary when the bodies are typed).
            let qualifying: Vec<CodeCandidate> = candidates
                .iter()
                .filter_map(|(owner, path)| {
                    let (mut values, sending) = values_of(path);
                    // (Or, where no example sends the member, the value its table gives: MyFitnessPal's
                    // `subscribe/3`, in a column of defaults.)
                    let key = path.last().map(String::as_str);
                    let field = self.bodies[*owner].fields.iter().find(|f| Some(f.name.as_str()) == key);
                    if let Some((example, source)) = field.and_then(|f| Some((f.example.clone()?, f.source.clone()))) {
                        if values.is_empty() {
                            values.push((example, source));
                        }
                    }
                    let sentences = values.iter().all(|(v, _)| v.trim().contains(char::is_whitespace));
                    // (A table's code after a namespace is that code: `ns#ThrottlingException`.)
                    // (Or every one is written as one table's codes are: a placeholder for them,
                    // `ERROR_CODE`.)
                    let sent: BTreeSet<String> = values.iter().map(|(v, _)| v.clone()).collect();
                    let tabled = values.iter().any(|(v, _)| {
                        known.contains(v.as_str()) || namespaced.contains(crate::model::without_namespace(v, Some('#')))
                    }) || self.vocabulary_styled_like(&sent, VocabularyType::String).is_some();
                    // One value in every example that sends the member is a constant (a problem
                    // type's one URI), not codes; unless it is written as codes are (Buildr's one
                    // `rate_limit_exceeded`, on a page of its one error).
                    let snake = |v: &str| v.contains('_') && !v.contains(char::is_whitespace) && !v.contains('/');
                    let constant = values.len() == 1 && sending >= 2 && !snake(&values[0].0);
                    // Numbers that are all statuses repeat the status (Google's `error.code` 404);
                    // a `status` that is no code-like text is a state (`"error"`, `"Failure"`).
                    let statuses = |v: &String| v.parse::<u16>().is_ok_and(|n| (100..=599).contains(&n));
                    let screaming =
                        |v: &String| v.contains('_') && v.chars().all(|c| c.is_ascii_uppercase() || c == '_');
                    // Reason phrases name the status (OneLogin's `type`: `Unauthorized`), as written:
                    // a code in lower case is a code (tastytrade's `unauthorized`).
                    let phrases = |v: &String| {
                        (100..=599)
                            .filter_map(crate::model::standard_reason)
                            .any(|reason| reason == v || (v.contains(' ') && reason.eq_ignore_ascii_case(v)))
                    };
                    // (Not a number the examples send beside another status: Sierra's `code` 113.)
                    let beside_the_status = |v: &String| {
                        let key = path.last().map_or("", String::as_str);
                        v.parse::<u64>().is_ok_and(|n| beside.get(key).is_some_and(|numbers| numbers.contains(&n)))
                    };
                    let not_codes = match path.last().map(|key| names::bare(key)).as_deref() {
                        Some("status") => !values.iter().all(|(v, _)| screaming(v)),
                        _ => values.iter().all(|(v, _)| (statuses(v) && !beside_the_status(v)) || phrases(v)),
                    };
                    // A member its description says people read is their message (Mastodon's
                    // `error`, "what went wrong, for people to read"), whatever some values look like.
                    let key = path.last().map(String::as_str);
                    let for_people = (self.bodies[*owner].fields.iter())
                        .any(|f| Some(f.name.as_str()) == key && read_by_people(&f.description));
                    // A member that only says the body is an error (Bitbucket's `"type": "error"`)
                    // tells no error from another, even in a page's one example.
                    let marker = |v: &String| {
                        ["error", "errors", "failure", "fail", "failed"].contains(&v.to_lowercase().as_str())
                    };
                    let not_codes = not_codes || for_people || values.iter().all(|(v, _)| marker(v));
                    (!values.is_empty() && !sentences && !tabled && !constant && !not_codes).then_some((
                        *owner,
                        path.clone(),
                        values,
                    ))
                })
                .collect();
            // (Or, on a page that lists no code at all, a member named for the code alone whose
            // examples send none but placeholders, Broadcom's `"errorCode": "string"`: a vocabulary
            // of no value, open to every code the API sends.)
            let unlisted = || {
                let strictly_code =
                    |key: &String| ["code", "errorcode", "errcode"].contains(&names::bare(key).as_str());
                let text = |owner: usize, key: &String| {
                    self.bodies[owner].fields.iter().any(|f| &f.name == key && f.ty == FieldType::String)
                };
                let none_listed = self.vocabularies.is_empty();
                candidates.iter().find(|(owner, path)| {
                    let key = path.last().expect("a member's path");
                    none_listed && strictly_code(key) && text(*owner, key) && values_of(path).0.is_empty()
                })
            };
            // The first; or, where its description lists none of its values, a member of text beside
            // it whose name says code more plainly (Resonatia's `error.code` after `error.type`, each
            // with the values of the examples alone; not Mistral's `type`, whose description lists
            // them).
            // How many codes (code spans but its own name) a member's description names.
            let named_in_description = |(owner, path, _): &&CodeCandidate| {
                let key = path.last().map_or("", String::as_str);
                let field = self.bodies[*owner].fields.iter().find(|f| f.name == key);
                field.map_or(0, |f| crate::page::code_spans(&f.description).filter(|span| *span != key).count())
            };
            let described = |candidate: &&CodeCandidate| named_in_description(candidate) > 0;
            let rank = |path: &[String]| code_rank(path.last().map_or("", String::as_str), false);
            // (The examples send the first member one value only.)
            let values_sent_once = |(_, _, values): &CodeCandidate| values.len() == 1;
            let text = |(owner, path, _): &&CodeCandidate| {
                let key = path.last().map_or("", String::as_str);
                self.bodies[*owner].fields.iter().any(|f| f.name == key && f.ty == FieldType::String)
            };
            // (A member whose description lists two codes at least, where the first lists none:
            // the Department for Education's `errors[].code`, "`MaximumLength`, `NotEmpty`", below
            // a problem's one `type`.)
            let lists_codes = |candidate: &&CodeCandidate| named_in_description(candidate) >= 2;
            let found = qualifying.first().map(|first| {
                let sibling = (qualifying.iter().skip(1))
                    .filter(|other| other.0 == first.0 && other.1[..other.1.len() - 1] == first.1[..first.1.len() - 1])
                    .find(|other| rank(&other.1) < rank(&first.1) && text(other) && text(&first));
                let listing = (qualifying.iter().skip(1)).find(|other| lists_codes(other) && text(other));
                match (sibling, listing) {
                    (Some(sibling), _) if !described(&first) => sibling.clone(),
                    (_, Some(listing)) if !described(&first) && values_sent_once(first) => listing.clone(),
                    _ => first.clone(),
                }
            });
            let found = found.or_else(|| unlisted().map(|(owner, path)| (*owner, path.clone(), Vec::new())));
            let Some((owner, path, values_sent)) = found else { continue };
            let key = path.last().cloned().unwrap_or_default();
            let integers = self.bodies[owner].fields.iter().any(|f| f.name == key && f.ty == FieldType::Integer);
            let base = match key.to_lowercase().as_str() {
                "type" | "errortype" | "error_type" => "ErrorType".to_string(),
                "error" | "code" | "errorcode" | "error_code" => "ErrorCode".to_string(),
                other => format!("{}Code", pascal(other)),
            };
            let name = self.fresh_body_name(&base);
            let member_source = || {
                let field = self.bodies[owner].fields.iter().find(|f| f.name == key);
                field.map_or_else(|| self.bodies[owner].source.clone(), |f| f.source.clone())
            };
            let source = values_sent.first().map_or_else(member_source, |(_, source)| source.clone());
            let description = match values_sent.is_empty() {
                true => format!("The values of `{key}`, of which the page lists none."),
                false => format!("The values of `{key}` the page's examples show."),
            };
            // (A value written as a pattern, VMware's `VMW-XXX-XXX`, stands for the codes of its
            // form: a family, of no variant.)
            let (mut families, mut values) = (Vec::new(), Vec::new());
            for (value, source) in values_sent {
                match super::cells::placeholder_pattern(&value) {
                    Some(pattern) => families.push(VocabularyValue {
                        matches: Some(pattern),
                        description: Some(format!("Codes of the form the examples write `{value}`.")),
                        inferred: vec!["description".into()],
                        value,
                        source,
                        ..VocabularyValue::default()
                    }),
                    None => values.push(VocabularyValue { value, source, ..VocabularyValue::default() }),
                }
            }
            // The values the member's description lists, written as the examples' are (Mistral's
            // `type`: "`invalid_request_error`, `authentication_error`, ..."), are its too.
            for field in self.bodies[owner].fields.iter().filter(|f| f.name == key) {
                add_listed_values(&mut values, &field.description, &key, &field.source, |a, b| a == b);
            }
            self.vocabularies.push(Vocabulary {
                name: name.clone(),
                description,
                source,
                values,
                families,
                wire_type: if integers { VocabularyType::Integer } else { VocabularyType::String },
                ..Vocabulary::default()
            });
            for field in self.bodies[owner].fields.iter_mut().filter(|f| f.name == key) {
                field.ty = FieldType::Vocabulary(name.clone());
                push_inferred(&mut field.inferred, "type");
            }
        }
    }

    /// Every string (or integer) value the examples give a field of a shape, by (shape, key).
    fn collect_strings(&self, shape: &str, body: &Value, out: &mut BTreeMap<(String, String), BTreeSet<String>>) {
        let (Some(index), Value::Object(map)) = (self.shape_index(shape), body) else { return };
        for field in &self.bodies[index].fields {
            match (map.get(&field.name), &field.ty) {
                (Some(Value::String(s)), _) => {
                    out.entry((shape.to_string(), field.name.clone())).or_default().insert(s.clone());
                }
                (Some(Value::Number(n)), FieldType::Integer) if n.is_i64() => {
                    out.entry((shape.to_string(), field.name.clone())).or_default().insert(n.to_string());
                }
                (Some(inner), FieldType::Object(name)) => self.collect_strings(name, inner, out),
                (Some(Value::Array(items)), FieldType::Array(inner)) => match inner.as_ref() {
                    FieldType::Object(name) => {
                        for item in items {
                            self.collect_strings(name, item, out);
                        }
                    }
                    // A list of values (`"error": ["EAPI:Invalid key"]`): its elements, as the
                    // field's values.
                    FieldType::String | FieldType::Integer => {
                        let values = out.entry((shape.to_string(), field.name.clone())).or_default();
                        values.extend(items.iter().filter_map(|item| match item {
                            Value::String(s) => Some(s.clone()),
                            Value::Number(n) if n.is_i64() => Some(n.to_string()),
                            _ => None,
                        }));
                    }
                    _ => {}
                },
                _ => {}
            }
        }
    }

    /// Does a header send the code (AWS's `x-amzn-ErrorType`)?
    fn header_sends_the_code(&self) -> bool {
        self.headers.iter().any(|header| header.role == Some(crate::model::HeaderRole::Code))
    }

    /// A number the prose says to wait for (Hugging Face's "wait `estimated_time` seconds")
    /// holds the wait, whatever its name.
    fn wait_said(&self, key: &str, ty: &FieldType) -> Option<FieldRole> {
        let number = matches!(ty, FieldType::Integer | FieldType::Number);
        (number && self.waits_said.contains(key)).then_some(FieldRole::RetryAfter)
    }

    /// Vocabulary fields and roles: a string field whose example values (most of them) belong
    /// to one vocabulary takes it; names say which fields carry the code, hint, message, request id
    /// and wait.
    pub(super) fn typed_bodies(&self) -> Vec<Shape> {
        let mut seen: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
        for example in &self.examples {
            for top in tops(&example.body) {
                self.collect_strings(&example.body_format, top, &mut seen);
            }
        }
        // The vocabulary at least half of a field's example values belong to: vocabularies
        // are open, so the others still decode, and `lint` lists them as values outside the
        // table (a page's placeholder such as `ERROR_TYPE`, or a code its table forgot).
        let vocabulary_of = |values: &BTreeSet<String>, wire: VocabularyType| -> Option<String> {
            // (A value after a namespace, where the vocabulary's may come so, is the one after it.)
            let known_in = |v: &Vocabulary| {
                let separator = v.namespace_separator.as_deref().and_then(|s| s.chars().next());
                let listed = |s: &&String| {
                    let bare = crate::model::without_namespace(s, separator);
                    v.values.iter().any(|x| x.value == bare)
                };
                values.iter().filter(listed).count()
            };
            // Of vocabularies that hold as many, the first (`max_by_key` keeps the last it sees).
            let (best, known) = self
                .vocabularies
                .iter()
                .rev()
                .filter(|v| v.wire_type == wire)
                .map(|v| (v, known_in(v)))
                .max_by_key(|(_, known)| *known)?;
            (known >= 1 && known * 2 >= values.len()).then(|| best.name.clone())
        };
        let header_code = self.header_sends_the_code();
        // Roles only go where a client reaches from the top: roots, and objects they hold.
        let reachable = reached_from(&self.bodies, self.bodies.iter().filter(|b| b.root).map(|b| b.name.as_str()));
        // The member that holds each object, where one member alone does.
        let mut holding: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for field in self.bodies.iter().flat_map(|b| &b.fields) {
            let held = match &field.ty {
                FieldType::Array(inner) => inner.as_ref(),
                other => other,
            };
            if let FieldType::Object(name) = held {
                holding.entry(name.as_str()).or_default().push(field.name.as_str());
            }
        }
        let holders: BTreeMap<&str, &str> = holding
            .into_iter()
            .filter_map(|(shape, members)| match members.as_slice() {
                [member] => Some((shape, *member)),
                _ => None,
            })
            .collect();
        let mut bodies = self.bodies.clone();
        // What only `null` was sent for holds any JSON value: nothing says which.
        for (index, name) in &self.null_only {
            if let Some(field) = bodies.get_mut(*index).and_then(|b| b.fields.iter_mut().find(|f| &f.name == name)) {
                field.ty = FieldType::Any;
            }
        }
        for body in &mut bodies {
            let reached = reachable.contains(body.name.as_str());
            // Each role goes to one member: the first named for it, but for the code the most
            // exact name (`error_code` before `error_type`: a type groups codes).
            let mut roles: BTreeMap<FieldRole, (usize, usize)> = BTreeMap::new();
            // (Written with capitals too, as .NET's `ProblemDetails` is: `Type`, `Title`, `Detail`.)
            let problem_details =
                ["type", "title", "detail"].iter().all(|m| body.fields.iter().any(|f| f.name.eq_ignore_ascii_case(m)));
            // The vocabularies that members named for a code hold, by their values: a member named
            // for a message that repeats such a code (Gemini's `message`, `InvalidSignature` beside
            // its `reason`) is text, not the codes a second time.
            let held_by_codes: BTreeSet<String> = body
                .fields
                .iter()
                .filter(|f| code_like(&f.name))
                .filter_map(|f| seen.get(&(body.name.clone(), f.name.clone())))
                .filter_map(|values| vocabulary_of(values, VocabularyType::String))
                .collect();
            for (f, field) in body.fields.iter_mut().enumerate() {
                // A value, or a list of values (typed alike, its elements by the vocabulary).
                let (wire, list) = match &field.ty {
                    FieldType::String => (Some(VocabularyType::String), false),
                    FieldType::Integer => (Some(VocabularyType::Integer), false),
                    FieldType::Array(inner) => match inner.as_ref() {
                        FieldType::String => (Some(VocabularyType::String), true),
                        FieldType::Integer => (Some(VocabularyType::Integer), true),
                        _ => (None, false),
                    },
                    _ => (None, false),
                };
                if let Some(wire) = wire {
                    let values = seen.get(&(body.name.clone(), field.name.clone()));
                    // Most of its values in a table of codes, or the table's code column is
                    // headed with its name (a glossary's `Title` column for `title`).
                    let message_named = role_for(&field.name, &FieldType::String) == Some(FieldRole::Message);
                    let by_values = values
                        .and_then(|values| vocabulary_of(values, wire))
                        .filter(|v| !(message_named && !code_like(&field.name) && held_by_codes.contains(v)));
                    // (Not where a header sends the code, which the table then lists: a member named
                    // like its column, Lambda's `Type`, is another thing, `User` or `Service`.)
                    // (Or by its path from the member that holds it: `error.code` of an
                    // `Error Code` column.)
                    let by_path = || {
                        let holder = holders.get(body.name.as_str())?;
                        self.vocabulary_keyed_by(&format!("{holder} {}", field.name), wire)
                    };
                    let by_header = || {
                        (self.vocabulary_keyed_by(&field.name, wire))
                            .or_else(by_path)
                            .or_else(|| self.vocabulary_named_in(&field.description, wire))
                            .filter(|_| !header_code)
                    };
                    // (Or a member named for a code whose values are all written as one table's
                    // codes are, none of them listed: YourEmailAPI's `"error": "ERROR_CODE"`, a
                    // placeholder that `lint` then lists.)
                    let by_style = || {
                        let named =
                            role_for(&field.name, &FieldType::Vocabulary(String::new())) == Some(FieldRole::Code);
                        let values = values.filter(|_| named && !header_code);
                        values.and_then(|values| self.vocabulary_styled_like(values, wire))
                    };
                    if let Some(vocabulary) = by_values.or_else(by_header).or_else(by_style) {
                        field.ty = match list {
                            true => FieldType::Array(Box::new(FieldType::Vocabulary(vocabulary))),
                            false => FieldType::Vocabulary(vocabulary),
                        };
                    }
                }
                // A member whose values a table of codes lists holds the codes, whatever its name
                // (Firebase's `error.message`, beside an `error.code` that repeats the status).
                let tabled =
                    matches!(field.ty.values(), FieldType::Vocabulary(v) if self.vocabulary_tables.contains_key(v));
                // (Unless the table lists messages, each linked to its code, and the member is
                // named for a message: KugelAudio's `error`, beside its `error_code`.)
                let messages = matches!(field.ty.values(), FieldType::Vocabulary(v) if self.vocabularies.iter().any(|x| {
                    let phrases = x.values.iter().filter(|value| value.value.contains(' ')).count();
                    &x.name == v && x.links_to.is_some() && phrases * 2 > x.values.len()
                }));
                let role = if tabled && messages {
                    let message = role_for(&field.name, &FieldType::String).filter(|role| *role == FieldRole::Message);
                    // A message is text, whatever the table lists: its vocabulary types no member.
                    if message.is_some() {
                        field.ty = FieldType::String;
                    }
                    message
                } else if tabled {
                    Some(FieldRole::Code)
                } else {
                    role_for(&field.name, field.ty.values())
                };
                let given_to_support = || {
                    (self.given_to_support.contains(&field.name) && field.ty == FieldType::String)
                        .then_some(FieldRole::SupportReference)
                };
                let role = role
                    .or_else(|| id_said(&field.description, &field.ty))
                    .or_else(|| message_said(&field.description, &field.ty))
                    .or_else(given_to_support)
                    .or_else(|| self.wait_said(&field.name, &field.ty))
                    .filter(|_| reached);
                if let Some(role) = role {
                    // Of the members that may hold the code, those a table types first.
                    let rank = match role {
                        // (The member the prose says to branch on before any.)
                        FieldRole::Code if self.branched_on.contains(&field.name) => 0,
                        // (Codes listed under headings of their own rank as a table's.)
                        FieldRole::Code => {
                            let listed = matches!(field.ty.values(), FieldType::Vocabulary(v) if self.heading_vocabularies.contains(v));
                            code_rank(&field.name, problem_details) + if tabled || listed { 1 } else { 100 }
                        }
                        // A list of messages (`"errors": ["Forbidden"]`) after a member of one;
                        // a `reason` (Elasticsearch's message) or `details` after both: the one
                        // may be a phrase, the other more than the message.
                        // (Or a status's reason phrase, Coda's `statusMessage`, beside a `message`.)
                        FieldRole::Message
                            if ["reason", "details", "statusmessage"].contains(&names::bare(&field.name).as_str()) =>
                        {
                            2
                        }
                        // A message for developers before one for the app's users (Vimeo's
                        // `developer_message` beside `error`).
                        FieldRole::Message if names::bare(&field.name) == "error" => 1,
                        FieldRole::Message if matches!(field.ty, FieldType::Array(_)) => 1,
                        // The request's own id before its trace's (VMware's `requestId` beside
                        // a `traceId`).
                        FieldRole::RequestId if !names::bare(&field.name).ends_with("requestid") => 1,
                        _ => 0,
                    };
                    // A message always sent before one sent sometimes (Mastodon's `error` before
                    // the `error_description` of OAuth errors alone).
                    let rank = rank + if role == FieldRole::Message && !field.required { 10 } else { 0 };
                    // A member the examples send only statuses' reason phrases in (Convirza's
                    // `"message": "Unauthorized"`) after one that says what went wrong.
                    let phrase = |v: &String| crate::model::status_of_reason(v).is_some();
                    let sent = seen.get(&(body.name.clone(), field.name.clone()));
                    // (Or the word `ERROR` alone, Docnova's, beside a list of what went wrong.)
                    let marker =
                        |v: &String| ["error", "errors", "failure", "failed"].contains(&v.to_lowercase().as_str());
                    let phrases_only =
                        sent.is_some_and(|sent| !sent.is_empty() && sent.iter().all(|v| phrase(v) || marker(v)));
                    let rank = rank + if role == FieldRole::Message && phrases_only { 5 } else { 0 };
                    if roles.get(&role).is_none_or(|&(_, best)| rank < best) {
                        roles.insert(role, (f, rank));
                    }
                }
            }
            // No member named for the message: a problem's `title` says what went wrong
            // (BigCommerce's, beside `status` and `type`).
            if reached && !roles.contains_key(&FieldRole::Message) {
                let title = body.fields.iter().position(|f| f.name == "title" && f.ty == FieldType::String);
                if let Some(f) = title {
                    roles.insert(FieldRole::Message, (f, 0));
                }
            }
            for (role, (f, _)) in roles {
                let field = &mut body.fields[f];
                field.role = Some(role);
                // A wait counted in milliseconds (Matrix's `retry_after_ms`), by its name or its
                // description; seconds are the default.
                let said = field.description.to_lowercase();
                let milliseconds = names::bare(&field.name).ends_with("ms")
                    || said.contains("millisecond") && !said.contains("second or");
                if role == FieldRole::RetryAfter && milliseconds {
                    field.formats = vec![crate::model::RetryAfterFormat::DelayMilliseconds];
                }
            }
        }
        // The waits of one API are read alike: one the page counts in milliseconds says how
        // the others, whose words say nothing of a unit, are counted.
        let wait = |f: &Field| f.role == Some(FieldRole::RetryAfter);
        let said = bodies.iter().flat_map(|b| &b.fields).filter(|f| wait(f)).find(|f| !f.formats.is_empty());
        if let Some(formats) = said.map(|f| f.formats.clone()) {
            for field in bodies.iter_mut().flat_map(|b| &mut b.fields).filter(|f| wait(f) && f.formats.is_empty()) {
                field.formats = formats.clone();
            }
        }
        // Where a table's codes type a member of a body, that member holds the body's code: a
        // member of it or of an object it holds that is only named like a code (a constant
        // `type: error.list` beside `errors[].code`) would hide it, as a client takes the code
        // from the first member that has one.
        // (Codes a page lists under headings of their own are listed as a table's are.)
        let listed = |v: &String| self.vocabulary_tables.contains_key(v) || self.heading_vocabularies.contains(v);
        let tabled_code = |field: &Field| {
            field.role == Some(FieldRole::Code) && matches!(field.ty.values(), FieldType::Vocabulary(v) if listed(v))
        };
        for root in bodies.iter().filter(|b| b.root).map(|b| b.name.clone()).collect::<Vec<_>>() {
            let tree: BTreeSet<String> =
                reached_from(&bodies, [root.as_str()]).into_iter().map(str::to_string).collect();
            let in_tree = |body: &&mut Shape| tree.contains(&body.name);
            if bodies.iter().filter(|b| tree.contains(&b.name)).flat_map(|b| &b.fields).any(tabled_code) {
                for field in bodies.iter_mut().filter(in_tree).flat_map(|b| &mut b.fields) {
                    if field.role == Some(FieldRole::Code) && !tabled_code(field) {
                        field.role = None;
                    }
                }
            }
        }
        // No member named like a code: the one a table of codes is keyed by carries it.
        if !bodies.iter().flat_map(|b| &b.fields).any(|f| f.role == Some(FieldRole::Code)) {
            let keyed = bodies.iter_mut().filter(|b| reachable.contains(b.name.as_str())).flat_map(|b| &mut b.fields).find(|f| {
                matches!(&f.ty, FieldType::Vocabulary(v) if self.code_column(v).is_some_and(|h| same_name(h, &f.name)))
                    && f.role.is_none()
            });
            if let Some(field) = keyed {
                field.role = Some(FieldRole::Code);
            }
        }
        bodies
    }

    /// The vocabulary of `wire` values whose table's code column is headed with `name`.
    /// The table's vocabulary whose heading a member's description names, in the singular (the
    /// `statuscode` "The OCS status code" of a table under `OCS status codes`); a heading of two
    /// words at least, so that `Errors` names no member.
    fn vocabulary_named_in(&self, description: &str, wire: VocabularyType) -> Option<String> {
        let said = description.to_lowercase();
        self.vocabularies
            .iter()
            .filter(|v| v.wire_type == wire && self.vocabulary_tables.contains_key(&v.name))
            .find_map(|v| {
                let at = self.section_ids.iter().position(|id| *id == v.source)?;
                let heading = self.page.sections[at].heading.last()?.to_lowercase();
                let singular = heading.strip_suffix('s').unwrap_or(&heading);
                (singular.split_whitespace().count() >= 2 && said.contains(singular)).then(|| v.name.clone())
            })
    }

    /// The one table's vocabulary whose codes are all written in one style (`INVALID_APIKEY`)
    /// that every one of `values` is written in too, and none of which an example sends (a
    /// table whose codes the examples send is the member's that sends them).
    fn vocabulary_styled_like(&self, values: &BTreeSet<String>, wire: VocabularyType) -> Option<String> {
        // (Codes of one word, `CONFLICT`, are written as `RATE_LIMITED` is: the case, and one
        // separator at most among them.)
        let style_of = |words: &mut dyn Iterator<Item = &str>| -> Option<(bool, bool, bool, Option<char>)> {
            let styles: Vec<_> = words.map(crate::page::code_style).collect::<Option<_>>()?;
            let cases: BTreeSet<_> = styles.iter().map(|&(lower, upper, _, first)| (lower, upper, first)).collect();
            let separators: BTreeSet<char> = styles.iter().filter_map(|&(_, _, separator, _)| separator).collect();
            match (cases.len(), separators.len()) {
                (1, 0 | 1) => cases
                    .into_iter()
                    .next()
                    .map(|(lower, upper, first)| (lower, upper, first, separators.into_iter().next())),
                _ => None,
            }
        };
        let alike = |a: (bool, bool, bool, Option<char>), b: (bool, bool, bool, Option<char>)| {
            (a.0, a.1, a.2) == (b.0, b.1, b.2) && (a.3.is_none() || b.3.is_none() || a.3 == b.3)
        };
        let style = style_of(&mut values.iter().map(String::as_str))?;
        let unsent = |v: &&Vocabulary| !v.values.iter().any(|x| self.texts_sent.contains(&x.value));
        let tabled = (self.vocabularies.iter())
            .filter(|v| v.wire_type == wire && self.vocabulary_tables.contains_key(&v.name))
            .filter(unsent);
        let styled =
            |v: &&Vocabulary| style_of(&mut v.values.iter().map(|x| x.value.as_str())).is_some_and(|s| alike(s, style));
        let mut alike = tabled.filter(styled).map(|v| &v.name);
        match (alike.next(), alike.next()) {
            (Some(name), None) => Some(name.clone()),
            _ => None,
        }
    }

    pub(super) fn vocabulary_keyed_by(&self, name: &str, wire: VocabularyType) -> Option<String> {
        self.vocabularies
            .iter()
            .filter(|v| v.wire_type == wire)
            .find(|v| self.code_column(&v.name).is_some_and(|header| same_name(header, name)))
            .map(|v| v.name.clone())
    }
}

/// The vocabularies with the values the examples send in members they type that one of their
/// families holds and none of their values is (`CONVERSATION_NOT_FOUND`, of `*_NOT_FOUND`): each
/// such value is listed, traced to its example, with the family's statuses. (Not of a family of
/// every other value, `(other)`: that says nothing of a value but that the table lacks it.)
pub(super) fn with_family_values(
    mut vocabularies: Vec<Vocabulary>,
    bodies: &[Shape],
    examples: &[crate::model::Example],
) -> Vec<Vocabulary> {
    fn walk(bodies: &[Shape], ty: &FieldType, json: &Value, depth: usize, out: &mut Vec<(String, String)>) {
        match (ty, json) {
            (_, _) if depth > 16 => {}
            (FieldType::Vocabulary(name), Value::String(text)) => out.push((name.clone(), text.clone())),
            (FieldType::Vocabulary(name), Value::Number(n)) if n.is_i64() => out.push((name.clone(), n.to_string())),
            (FieldType::Array(inner), Value::Array(items)) => {
                items.iter().for_each(|item| walk(bodies, inner, item, depth + 1, out));
            }
            (FieldType::Object(name), Value::Object(members)) => {
                let Some(shape) = bodies.iter().find(|b| &b.name == name) else { return };
                for field in &shape.fields {
                    if let Some(member) = members.get(&field.name) {
                        walk(bodies, &field.ty, member, depth + 1, out);
                    }
                }
            }
            _ => {}
        }
    }
    for example in examples {
        let mut sent = Vec::new();
        for top in tops(&example.body) {
            walk(bodies, &FieldType::Object(example.body_format.clone()), top, 0, &mut sent);
        }
        for (name, value) in sent {
            let Some(vocabulary) = vocabularies.iter_mut().find(|v| v.name == name) else { continue };
            // (Nor a family's own writing, VMware's `VMW-XXX-XXX`, which its examples send.)
            if vocabulary.values.iter().chain(&vocabulary.families).any(|x| x.value == value) {
                continue;
            }
            let family = vocabulary.families.iter().find(|f| crate::model::family_names(f.family_pattern(), &value));
            let Some(family) = family else { continue };
            let statuses = family.statuses.clone();
            let inferred = if statuses.is_empty() { Vec::new() } else { vec!["statuses".to_string()] };
            vocabulary.values.push(VocabularyValue {
                value,
                statuses,
                source: example.source.clone(),
                inferred,
                ..VocabularyValue::default()
            });
        }
    }
    vocabularies
}

/// The names of the bodies `from` and of the objects they hold, at any depth.
pub(super) fn reached_from<'a>(bodies: &'a [Shape], from: impl IntoIterator<Item = &'a str>) -> BTreeSet<&'a str> {
    let mut reached: BTreeSet<&str> = from.into_iter().collect();
    loop {
        let more: Vec<&str> = bodies
            .iter()
            .filter(|b| reached.contains(b.name.as_str()))
            .flat_map(|b| &b.fields)
            .filter_map(|f| match &f.ty {
                FieldType::Object(name) => Some(name.as_str()),
                FieldType::Array(inner) => match inner.as_ref() {
                    FieldType::Object(name) => Some(name.as_str()),
                    _ => None,
                },
                _ => None,
            })
            .filter(|n| !reached.contains(n))
            .collect();
        if more.is_empty() {
            return reached;
        }
        reached.extend(more);
    }
}

/// The objects at the top of an example's body: the body, or each element of one that is a list.
fn tops(body: &Value) -> Vec<&Value> {
    match body {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    }
}

/// The strings and whole numbers (as their digits) at `path` in `json`, through each element at
/// `[]`.
fn values_at(json: &Value, path: &[String], out: &mut Vec<String>) {
    match (path.split_first(), json) {
        (None, Value::String(text)) => out.push(text.clone()),
        (None, Value::Number(number)) if number.is_i64() => out.push(number.to_string()),
        (Some((step, rest)), Value::Array(items)) if step == "[]" => {
            items.iter().for_each(|item| values_at(item, rest, out));
        }
        (Some((key, rest)), Value::Object(members)) => {
            if let Some(member) = members.get(key) {
                values_at(member, rest, out);
            }
        }
        _ => {}
    }
}

/// The last word of a member's name, in lower case: `cost` of `actualQueryCost`, `count` of
/// `retry_count`.
fn last_word(name: &str) -> Option<String> {
    crate::names::words(name).pop().map(|word| word.to_ascii_lowercase())
}

/// An empty JSON list or object: a value that says little of what it holds.
fn is_empty_container(value: &Value) -> bool {
    match value {
        Value::Array(items) => items.is_empty(),
        Value::Object(map) => map.is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{branched_on, given_to_support};

    #[test]
    fn a_line_may_say_to_give_a_member_to_support() {
        let said = "If `detail` does not help, give the `instance` to technical support when you escalate.";
        assert_eq!(given_to_support(said), ["instance"]);
        assert_eq!(given_to_support("`instance` may help your support representative."), ["instance"]);
        assert!(given_to_support("`detail` and `title` say what failed.").is_empty());
    }

    #[test]
    fn the_member_a_line_says_to_branch_on() {
        assert_eq!(branched_on("Branch on `error_code`, never on `msg`."), ["error_code"]);
        assert_eq!(branched_on("Do not parse it: `code` is the stable contract."), ["code"]);
        assert_eq!(branched_on("Switch on `type`."), ["type"]);
        assert_eq!(branched_on("Every error has an `error_code` to branch on and a `trace_id`."), ["error_code"]);
        assert_eq!(branched_on("Branch on the code, not the message."), Vec::<String>::new());
        assert_eq!(branched_on("`type` says which; `code`, to branch on, is finer."), ["code"]);
    }
}
