//! Checks a loaded catalog: every reference resolves, every name makes valid and distinct Rust,
//! every example matches its body format, every source table can be rebuilt. All problems are
//! collected, not just the first.

use crate::diagnostic::Diagnostic;
use crate::facts;
use crate::model::*;
use crate::names;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Type names the generated module defines itself; catalog types may not take them.
/// (`KnownHttpStatus` and `UnknownHttpStatus` are the JSON Schema's halves of `HttpStatus`.)
pub const RESERVED_TYPE_NAMES: &[&str] =
    &["ErrorResponse", "HttpStatus", "KnownHttpStatus", "UnknownHttpStatus", "Example"];
/// The variant that holds values the catalog does not know.
pub const UNKNOWN_VARIANT: &str = "Unknown";

const SHAPE_FACTS: &[&str] = &["description", "root"];
const HEADER_FACTS: &[&str] = &["description", "statuses", "formats", "default_seconds"];
const RULE_FACTS: &[&str] = &["retry", "delay", "max_attempts", "base_delay_ms", "advice"];
const EXAMPLE_FACTS: &[&str] = &["status", "headers"];

/// How a kind of entry gets its Rust name.
struct Naming {
    /// The key that overrides the derived name.
    override_key: &'static str,
    /// The key holding the wire text the name is derived from.
    wire_key: &'static str,
    wire_what: &'static str,
    item: &'static str,
    style: &'static str,
    style_help: &'static str,
    fix_help: &'static str,
    valid: fn(&str) -> bool,
    derive: fn(&str) -> Option<String>,
}

const VARIANT_NAMING: Naming = Naming {
    override_key: "variant",
    wire_key: "value",
    wire_what: "the value",
    item: "a variant",
    style: "PascalCase variant name",
    style_help: "use ASCII letters and digits starting with an upper-case letter",
    fix_help: "set `variant:` to the Rust name you want",
    valid: names::is_type_name,
    derive: names::pascal_case,
};

const FIELD_NAMING: Naming = Naming {
    override_key: "rust_name",
    wire_key: "name",
    wire_what: "the JSON key",
    item: "a Rust field",
    style: "snake_case field name",
    style_help: "use lower-case ASCII letters, digits and `_`",
    fix_help: "set `rust_name:` to the Rust field name you want",
    valid: names::is_field_name,
    derive: names::snake_case,
};

/// Validates the whole catalog; an empty list means it can be rendered.
pub fn validate(catalog: &Catalog) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    let mut seen_ids: BTreeMap<&str, &str> = BTreeMap::new();
    for api in &catalog.apis {
        let start = errors.len();
        if let Some(first) = seen_ids.insert(&api.id, &api.file) {
            errors.push(
                Diagnostic::at_path(&api.file, "id", format!("API id `{}` is already used by {first}", api.id))
                    .with_help("every API needs its own id"),
            );
        }
        Checker { api, errors: &mut errors }.check();
        for diagnostic in &mut errors[start..] {
            if let Some(path) = &diagnostic.path {
                diagnostic.position = crate::diagnostic::position_of(api, path);
            }
        }
    }
    errors
}

struct Checker<'a> {
    api: &'a Api,
    errors: &'a mut Vec<Diagnostic>,
}

impl Checker<'_> {
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>, help: impl Into<String>) {
        self.errors.push(Diagnostic::at_path(&self.api.file, path, message).with_help(help));
    }

    fn check(&mut self) {
        self.check_api();
        self.check_sections();
        self.check_statuses();
        self.check_vocabularies();
        self.check_bodies();
        self.check_headers();
        self.check_retry_rules();
        self.check_examples();
        self.check_inconsistencies();
    }

    fn check_api(&mut self) {
        let api = self.api;
        let valid = api.id.starts_with(|c: char| c.is_ascii_lowercase())
            && api.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            self.error(
                "id",
                format!("API id `{}` is not a lower-case identifier", api.id),
                "use lower-case ASCII letters, digits and `_`, starting with a letter (e.g. `myapi`)",
            );
        }
        if api.name.trim().is_empty() {
            self.error("name", "the API name is empty", "write the name as the API's documentation spells it");
        }
    }

    /// Checks that `name` is non-empty and unique among `seen`, reporting at `path`.
    /// Returns false when it reported a problem.
    fn unique<'s>(&mut self, seen: &mut BTreeSet<&'s str>, name: &'s str, path: &str, what: &str) -> bool {
        if name.trim().is_empty() {
            self.error(path, format!("{what} is empty"), format!("write a non-empty {what}"));
            false
        } else if !seen.insert(name) {
            self.error(
                path,
                format!("{what} `{name}` is defined twice"),
                format!("each {what} must be unique; remove or rename one"),
            );
            false
        } else {
            true
        }
    }

    /// Rust names derived from `text` would drop letters outside ASCII: report it.
    fn ascii_source(&mut self, path: &str, text: &str, what: &str, help: &str) -> bool {
        if names::has_non_ascii_alphanumeric(text) {
            self.error(
                path,
                format!("{what} `{text}` is not ASCII, so the Rust name made from it would lose letters"),
                help,
            );
            false
        } else {
            true
        }
    }

    /// The Rust name of a value or field: its valid override, else one derived from its wire
    /// text. `None` (with the problem reported) when neither gives a name.
    fn rust_name(&mut self, at: &str, wire: &str, explicit: Option<&str>, naming: &Naming) -> Option<String> {
        let wire_path = format!("{at}.{}", naming.wire_key);
        match explicit {
            Some(name) if !(naming.valid)(name) => {
                self.error(
                    format!("{at}.{}", naming.override_key),
                    format!("`{name}` is not a {}", naming.style),
                    naming.style_help,
                );
                None
            }
            Some(name) => Some(name.to_string()),
            None if !self.ascii_source(&wire_path, wire, naming.wire_what, naming.fix_help) => None,
            None => {
                let derived = (naming.derive)(wire);
                if derived.is_none() && !wire.trim().is_empty() {
                    self.error(
                        wire_path,
                        format!("`{wire}` has no ASCII letter or digit to name {}", naming.item),
                        naming.fix_help,
                    );
                }
                derived
            }
        }
    }

    /// `path` names the key holding the section id.
    fn check_section(&mut self, path: &str, source: &str) {
        if self.api.section(source).is_none() {
            self.error(
                path,
                format!("unknown section `{source}`"),
                format!("use one of the ids under `sections:` ({})", self.section_ids()),
            );
        }
    }

    fn section_ids(&self) -> String {
        self.api.sections.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(", ")
    }

    fn check_status_ref(&mut self, path: &str, code: u16) {
        if self.api.status(code).is_none() {
            self.error(
                path,
                format!("status {code} is not in this API's `statuses`"),
                format!("add {code} under `statuses:` (with the section that uses it as source) or fix the code"),
            );
        }
    }

    /// Source, inferred facts and inconsistency references of one entry.
    fn check_trace(&mut self, path: &str, entry: &dyn Traced, allowed: &[&str], has: &dyn Fn(&str) -> bool) {
        self.check_section(&format!("{path}.source"), entry.source());
        for (i, fact) in entry.inferred().iter().enumerate() {
            let at = format!("{path}.inferred[{i}]");
            if !allowed.contains(&fact.as_str()) {
                self.error(
                    at,
                    format!("`{fact}` is not a fact of this entry"),
                    format!("use one of: {}", allowed.join(", ")),
                );
            } else if !has(fact) {
                self.error(
                    at,
                    format!("`{fact}` is marked inferred but the entry does not state it"),
                    "remove it from `inferred` or add the fact",
                );
            }
        }
        for (i, id) in entry.inconsistencies().iter().enumerate() {
            if !self.api.inconsistencies.iter().any(|x| &x.id == id) {
                self.error(
                    format!("{path}.inconsistencies[{i}]"),
                    format!("unknown inconsistency `{id}`"),
                    "use an id defined under `inconsistencies:`",
                );
            }
        }
    }

    fn check_sections(&mut self) {
        let api = self.api;
        let mut ids = BTreeSet::new();
        for (i, section) in api.sections.iter().enumerate() {
            let path = format!("sections[{i}]");
            self.unique(&mut ids, &section.id, &format!("{path}.id"), "section id");
            if section.heading.is_empty() || section.heading.iter().any(|h| h.trim().is_empty()) {
                self.error(
                    format!("{path}.heading"),
                    "the heading path is empty or has an empty part",
                    "list the headings from the outermost down, e.g. [HTTP Status Codes, Success Codes]",
                );
            }
            if let Some(table) = &section.table {
                self.check_table(&path, section, table);
            }
        }
    }

    fn check_table(&mut self, path: &str, section: &Section, table: &SourceTable) {
        let api = self.api;
        let known = facts::facts_for(&table.rows);
        // Each row is (its path, a function giving its facts).
        type FactFn<'f> = Box<dyn Fn(&str) -> Option<String> + 'f>;
        let rows: Vec<(String, FactFn<'_>)> = match &table.rows {
            TableRows::Statuses => api
                .statuses
                .iter()
                .enumerate()
                .filter(|(_, s)| s.source == section.id)
                .map(|(i, s)| {
                    (format!("statuses[{i}]"), Box::new(move |f: &str| facts::status_fact(s, f)) as FactFn<'_>)
                })
                .collect(),
            TableRows::Vocabulary(name) => match api.vocabularies.iter().position(|v| &v.name == name) {
                Some(v) => api.vocabularies[v]
                    .values
                    .iter()
                    .enumerate()
                    .filter(|(_, x)| x.source == section.id)
                    .map(|(i, x)| {
                        (
                            format!("vocabularies[{v}].values[{i}]"),
                            Box::new(move |f: &str| facts::value_fact(x, f)) as FactFn<'_>,
                        )
                    })
                    .collect(),
                None => {
                    self.error(
                        format!("{path}.table.rows"),
                        format!("unknown vocabulary `{name}`"),
                        "name a vocabulary defined under `vocabularies:`",
                    );
                    return;
                }
            },
            TableRows::Body(name) => match api.bodies.iter().position(|b| &b.name == name) {
                Some(b) => api.bodies[b]
                    .fields
                    .iter()
                    .enumerate()
                    .filter(|(_, x)| x.source == section.id)
                    .map(|(i, x)| {
                        (
                            format!("bodies[{b}].fields[{i}]"),
                            Box::new(move |f: &str| facts::field_fact(x, f)) as FactFn<'_>,
                        )
                    })
                    .collect(),
                None => {
                    self.error(
                        format!("{path}.table.rows"),
                        format!("unknown body `{name}`"),
                        "name a shape defined under `bodies:`",
                    );
                    return;
                }
            },
        };
        if rows.is_empty() {
            self.error(
                format!("{path}.table"),
                format!("no entry has `source: {}`, so the table has no rows", section.id),
                "set this section as the source of the entries the table lists",
            );
        }
        if table.columns.is_empty() {
            self.error(
                format!("{path}.table.columns"),
                "the table has no columns",
                "list the columns with a header and a cell template",
            );
        }
        for (c, column) in table.columns.iter().enumerate() {
            let at = format!("{path}.table.columns[{c}].cell");
            let segments = match facts::parse_template(&column.cell) {
                Ok(segments) => segments,
                Err(problem) => {
                    self.error(at, format!("bad cell template: {problem}"), "write placeholders as `{fact}`");
                    continue;
                }
            };
            for segment in &segments {
                if let facts::Segment::Fact(name) = segment {
                    if !known.contains(&name.as_str()) {
                        self.error(
                            &at,
                            format!("unknown placeholder `{{{name}}}`"),
                            format!("use one of: {}", known.join(", ")),
                        );
                    } else {
                        for (row_path, fact) in &rows {
                            if fact(name).is_none() {
                                self.error(
                                    row_path,
                                    format!(
                                        "this row of table `{}` has no `{name}` for column `{}`",
                                        section.id, column.header
                                    ),
                                    format!("add `{name}` to the entry, or take the column out of the table"),
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    fn check_statuses(&mut self) {
        let api = self.api;
        let mut codes = BTreeSet::new();
        let mut variants: BTreeMap<String, u16> = BTreeMap::new();
        for (i, status) in api.statuses.iter().enumerate() {
            let path = format!("statuses[{i}]");
            if !(100..=599).contains(&status.code) {
                self.error(
                    format!("{path}.code"),
                    format!("{} is not an HTTP status code", status.code),
                    "HTTP status codes run from 100 to 599",
                );
            }
            if !codes.insert(status.code) {
                self.error(
                    format!("{path}.code"),
                    format!("status {} is listed twice", status.code),
                    "keep one entry per status code",
                );
            }
            let ascii = self.ascii_source(
                &format!("{path}.reason"),
                &status.reason,
                "the reason phrase",
                "use the RFC 9110 reason phrase, which is ASCII",
            );
            match names::pascal_case(&status.reason).filter(|_| ascii) {
                None if !ascii => {}
                None => self.error(
                    format!("{path}.reason"),
                    "the reason phrase has no letters to name a variant",
                    "use the RFC 9110 reason phrase, e.g. `Not Found`",
                ),
                Some(variant) => {
                    if let Some(other) = variants.insert(variant.clone(), status.code) {
                        self.error(
                            format!("{path}.reason"),
                            format!("reason `{}` gives the variant `{variant}`, as status {other} does", status.reason),
                            "give each status a distinct reason phrase",
                        );
                    }
                }
            }
            self.check_trace(&path, status, facts::STATUS_FACTS, &|f| facts::status_fact(status, f).is_some());
        }
    }

    /// Type names of vocabularies and shapes must be valid, distinct and not reserved.
    fn check_type_name(&mut self, seen: &mut BTreeSet<String>, name: &str, path: &str) {
        if !names::is_type_name(name) {
            self.error(
                path,
                format!("`{name}` is not a PascalCase type name"),
                "use ASCII letters and digits starting with an upper-case letter, e.g. `ErrorType`",
            );
        } else if RESERVED_TYPE_NAMES.contains(&name) {
            self.error(
                path,
                format!("`{name}` is a name the generated code defines itself"),
                format!("choose another name (reserved: {})", RESERVED_TYPE_NAMES.join(", ")),
            );
        } else if !seen.insert(name.to_string()) {
            self.error(
                path,
                format!("the type name `{name}` is used twice"),
                "vocabularies and bodies share one namespace; rename one",
            );
        }
    }

    fn check_vocabularies(&mut self) {
        let api = self.api;
        let mut types = BTreeSet::new();
        for (i, shape) in api.bodies.iter().enumerate() {
            self.check_type_name(&mut types, &shape.name, &format!("bodies[{i}].name"));
        }
        for (v, vocabulary) in api.vocabularies.iter().enumerate() {
            let path = format!("vocabularies[{v}]");
            self.check_type_name(&mut types, &vocabulary.name, &format!("{path}.name"));
            self.check_section(&format!("{path}.source"), &vocabulary.source);
            if vocabulary.values.is_empty() {
                self.error(
                    format!("{path}.values"),
                    "the vocabulary has no values",
                    "list its wire strings under `values:`",
                );
            }
            let mut wire = BTreeSet::new();
            let mut variants: BTreeMap<String, &str> = BTreeMap::new();
            for (i, value) in vocabulary.values.iter().enumerate() {
                let at = format!("{path}.values[{i}]");
                if !self.unique(&mut wire, &value.value, &format!("{at}.value"), "value") {
                    continue; // a duplicate would also collide as a variant; one error is enough
                }
                let variant = self.rust_name(&at, &value.value, value.variant.as_deref(), &VARIANT_NAMING);
                if let Some(variant) = variant {
                    if variant == UNKNOWN_VARIANT {
                        self.error(format!("{at}.value"), format!("`{}` would become the variant `{UNKNOWN_VARIANT}`, which holds values the catalog does not know", value.value), "set `variant:` to another name");
                    } else if let Some(other) = variants.insert(variant.clone(), &value.value) {
                        self.error(
                            format!("{at}.value"),
                            format!("`{}` and `{other}` both become the variant `{variant}`", value.value),
                            "set `variant:` on one of them to tell them apart",
                        );
                    }
                }
                for (s, code) in value.statuses.iter().enumerate() {
                    self.check_status_ref(&format!("{at}.statuses[{s}]"), *code);
                }
                self.check_trace(&at, value, facts::VALUE_FACTS, &|f| facts::value_fact(value, f).is_some());
            }
        }
        // The JSON Schema names each vocabulary's documented values and its open branch.
        for (v, vocabulary) in api.vocabularies.iter().enumerate() {
            for (derived, what) in [
                (names::known_name(&vocabulary.name), "known values"),
                (names::unknown_name(&vocabulary.name), "other values"),
            ] {
                if types.contains(&derived) {
                    self.error(
                        format!("vocabularies[{v}].name"),
                        format!("the JSON Schema names the {what} of `{}` `{derived}`, which is already a type of this catalog", vocabulary.name),
                        format!("rename `{derived}` or `{}`", vocabulary.name),
                    );
                }
            }
        }
    }

    fn check_bodies(&mut self) {
        let api = self.api;
        if api.roots().next().is_none() {
            self.error(
                "bodies",
                "no body is marked `root: true`",
                "mark the shapes that are whole error response bodies with `root: true`",
            );
        }
        for (b, shape) in api.bodies.iter().enumerate() {
            let path = format!("bodies[{b}]");
            self.check_trace(&path, shape, SHAPE_FACTS, &|_| true);
            if shape.fields.is_empty() {
                self.error(format!("{path}.fields"), "the shape has no fields", "list its JSON keys under `fields:`");
            }
            let mut wire = BTreeSet::new();
            let mut rust: BTreeMap<String, &str> = BTreeMap::new();
            for (f, field) in shape.fields.iter().enumerate() {
                let at = format!("{path}.fields[{f}]");
                self.unique(&mut wire, &field.name, &format!("{at}.name"), "field name");
                let rust_name = self.rust_name(&at, &field.name, field.rust_name.as_deref(), &FIELD_NAMING);
                if let Some(name) = rust_name {
                    if let Some(other) = rust.insert(name.clone(), &field.name) {
                        self.error(
                            format!("{at}.name"),
                            format!("`{}` and `{other}` both become the Rust field `{name}`", field.name),
                            "set `rust_name:` on one of them to tell them apart",
                        );
                    }
                }
                self.check_field_type(&format!("{at}.type"), &field.ty);
                self.check_trace(&at, field, facts::FIELD_FACTS, &|_| true);
            }
        }
        self.check_shape_cycles();
    }

    fn check_field_type(&mut self, path: &str, ty: &FieldType) {
        match ty {
            FieldType::Vocabulary(name) if self.api.vocabulary(name).is_none() => self.error(
                path,
                format!("unknown vocabulary `{name}`"),
                "name a vocabulary defined under `vocabularies:`",
            ),
            FieldType::Object(name) if self.api.shape(name).is_none() => {
                self.error(path, format!("unknown body `{name}`"), "name a shape defined under `bodies:`")
            }
            FieldType::Array(inner) => self.check_field_type(&format!("{path}.array"), inner),
            _ => {}
        }
    }

    /// A shape holding itself directly (not through an array) would be infinitely large.
    fn check_shape_cycles(&mut self) {
        let api = self.api;
        for (b, shape) in api.bodies.iter().enumerate() {
            let mut stack = vec![shape.name.as_str()];
            let mut visited = BTreeSet::new();
            while let Some(name) = stack.pop() {
                let Some(current) = api.shape(name) else { continue };
                for field in &current.fields {
                    if let FieldType::Object(target) = &field.ty {
                        if target == &shape.name {
                            self.error(
                                format!("bodies[{b}]"),
                                format!("`{}` contains itself through `{}.{}`", shape.name, current.name, field.name),
                                "break the cycle with an array field",
                            );
                            stack.clear();
                            break;
                        }
                        if visited.insert(target.as_str()) {
                            stack.push(target);
                        }
                    }
                }
            }
        }
    }

    fn check_headers(&mut self) {
        let api = self.api;
        let mut seen = BTreeSet::new();
        let mut constants: BTreeMap<String, &str> = BTreeMap::new();
        let mut roles = BTreeSet::new();
        for (h, header) in api.headers.iter().enumerate() {
            let path = format!("headers[{h}]");
            let lower = header.name.to_ascii_lowercase();
            if header.name.trim().is_empty() || !header.name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                self.error(
                    format!("{path}.name"),
                    format!("`{}` is not a header name", header.name),
                    "use ASCII letters, digits and `-`",
                );
            } else if !seen.insert(lower) {
                self.error(
                    format!("{path}.name"),
                    format!("header `{}` is listed twice (names are case-insensitive)", header.name),
                    "keep one entry per header",
                );
            } else if let Some(constant) = names::screaming_snake_case(&header.name) {
                if let Some(other) = constants.insert(constant.clone(), &header.name) {
                    self.error(
                        format!("{path}.name"),
                        format!("`{}` and `{other}` both become the constant `{constant}`", header.name),
                        "header names that differ only in punctuation cannot both be described",
                    );
                }
            }
            if let Some(role) = header.role {
                if !roles.insert(format!("{role:?}")) {
                    self.error(
                        format!("{path}.role"),
                        "two headers have the same role",
                        "give a role to one header only",
                    );
                }
            }
            let is_retry_after = header.role == Some(HeaderRole::RetryAfter);
            if is_retry_after && header.formats.is_empty() {
                self.error(
                    format!("{path}.formats"),
                    "a retry_after header needs its value formats",
                    "list them, e.g. `formats: [delay_seconds]`",
                );
            }
            if !is_retry_after && (!header.formats.is_empty() || header.default_seconds.is_some()) {
                self.error(
                    &path,
                    "`formats` and `default_seconds` only apply to the header with `role: retry_after`",
                    "remove them or set the role",
                );
            }
            for (s, code) in header.statuses.iter().enumerate() {
                self.check_status_ref(&format!("{path}.statuses[{s}]"), *code);
            }
            self.check_trace(&path, header, HEADER_FACTS, &|f| match f {
                "statuses" => !header.statuses.is_empty(),
                "formats" => !header.formats.is_empty(),
                "default_seconds" => header.default_seconds.is_some(),
                _ => true,
            });
        }
    }

    fn check_retry_rules(&mut self) {
        let api = self.api;
        let mut ids = BTreeSet::new();
        for (r, rule) in api.retry_rules.iter().enumerate() {
            let path = format!("retry_rules[{r}]");
            self.unique(&mut ids, &rule.id, &format!("{path}.id"), "retry rule id");
            if rule.statuses.is_empty() && rule.errors.is_empty() {
                self.error(&path, "the rule applies to nothing", "list the `statuses` or `errors` it covers");
            }
            for (s, code) in rule.statuses.iter().enumerate() {
                self.check_status_ref(&format!("{path}.statuses[{s}]"), *code);
            }
            for (e, error) in rule.errors.iter().enumerate() {
                let known = api.vocabularies.iter().any(|v| v.values.iter().any(|x| &x.value == error));
                if !known {
                    self.error(
                        format!("{path}.errors[{e}]"),
                        format!("`{error}` is not a value of any vocabulary"),
                        "use a wire string listed under `vocabularies:`",
                    );
                }
            }
            if matches!(rule.delay, Some(RetryDelay::ExponentialBackoff | RetryDelay::Fixed))
                && rule.base_delay_ms.is_none()
            {
                self.error(
                    format!("{path}.base_delay_ms"),
                    "a backoff or fixed delay needs `base_delay_ms`",
                    "give the first (or only) delay in milliseconds",
                );
            }
            if rule.delay == Some(RetryDelay::RetryAfterHeader)
                && api.header_with_role(HeaderRole::RetryAfter).is_none()
            {
                self.error(
                    format!("{path}.delay"),
                    "the rule waits for Retry-After, but no header has `role: retry_after`",
                    "describe the header under `headers:`",
                );
            }
            self.check_trace(&path, rule, RULE_FACTS, &|f| match f {
                "delay" => rule.delay.is_some(),
                "max_attempts" => rule.max_attempts.is_some(),
                "base_delay_ms" => rule.base_delay_ms.is_some(),
                _ => true,
            });
        }
    }

    fn check_examples(&mut self) {
        let api = self.api;
        let mut ids = BTreeSet::new();
        let mut tests: BTreeMap<String, &str> = BTreeMap::new();
        for (e, example) in api.examples.iter().enumerate() {
            let path = format!("examples[{e}]");
            if self.unique(&mut ids, &example.id, &format!("{path}.id"), "example id")
                && self.ascii_source(
                    &format!("{path}.id"),
                    &example.id,
                    "the example id",
                    "use ASCII letters, digits and `-`",
                )
            {
                match names::example_name(&example.id) {
                    None => self.error(
                        format!("{path}.id"),
                        format!("`{}` has no ASCII letter or digit to name its test", example.id),
                        "use ASCII letters, digits and `-`",
                    ),
                    Some(test) => {
                        if let Some(other) = tests.insert(test.clone(), &example.id) {
                            self.error(
                                format!("{path}.id"),
                                format!("`{}` and `{other}` both name the test `{test}`", example.id),
                                "choose ids that differ in more than case or punctuation",
                            );
                        }
                    }
                }
            }
            if let Some(code) = example.status {
                self.check_status_ref(&format!("{path}.status"), code);
            }
            for name in example.headers.keys() {
                if !api.headers.iter().any(|h| h.name.eq_ignore_ascii_case(name)) {
                    self.error(
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
                    format!("{path}.body_format"),
                    format!("`{}` is not a root body", example.body_format),
                    "examples show whole bodies; name a shape with `root: true`",
                ),
                None => self.error(
                    format!("{path}.body_format"),
                    format!("unknown body `{}`", example.body_format),
                    "name a shape defined under `bodies:`",
                ),
            }
            self.check_trace(&path, example, EXAMPLE_FACTS, &|f| match f {
                "status" => example.status.is_some(),
                _ => !example.headers.is_empty(),
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
                path,
                format!("expected {expected}, found {}", json_kind(value)),
                format!("make the example value a JSON {expected}, or fix the field's type"),
            );
        }
    }

    fn check_inconsistencies(&mut self) {
        let api = self.api;
        let mut ids = BTreeSet::new();
        for (i, inconsistency) in api.inconsistencies.iter().enumerate() {
            let path = format!("inconsistencies[{i}]");
            self.unique(&mut ids, &inconsistency.id, &format!("{path}.id"), "inconsistency id");
            if inconsistency.statements.is_empty() {
                self.error(
                    format!("{path}.statements"),
                    "an inconsistency needs at least one statement",
                    "quote what the document says, and in which section",
                );
            }
            for (s, statement) in inconsistency.statements.iter().enumerate() {
                self.check_section(&format!("{path}.statements[{s}].section"), &statement.section);
            }
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
