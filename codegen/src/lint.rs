//! `cargo xtask lint`: what a valid catalog says about its source documents and itself.
//!
//! Notes list every inconsistency the catalog records (what the document says where, and why
//! it conflicts). Warnings point at smells: a status no error uses, an error with no example, a
//! value nothing references, an inconsistency no entry points at, text that needs escaping in
//! a Markdown table.

use crate::diagnostic::{position_of, write_location, Position};
use crate::facts;
use crate::model::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Note,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// A stable name for the kind of finding, e.g. `unused-status`.
    pub code: &'static str,
    pub file: String,
    pub position: Option<Position>,
    pub path: String,
    pub message: String,
    /// Further lines: the document's statements, the resolution.
    pub details: Vec<String>,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Note => "note",
            Severity::Warning => "warning",
        };
        writeln!(f, "{level}[{}]: {}", self.code, self.message)?;
        write_location(f, &self.file, self.position, Some(&self.path))?;
        for detail in &self.details {
            write!(f, "\n  = {detail}")?;
        }
        Ok(())
    }
}

/// Everything the lint finds, API by API, notes first.
pub fn lint(catalog: &Catalog) -> Vec<Finding> {
    let mut findings = Vec::new();
    for api in &catalog.apis {
        let mut found = Vec::new();
        inconsistencies(api, &mut found);
        unused_statuses(api, &mut found);
        unexampled_values(api, &mut found);
        unattached_inconsistencies(api, &mut found);
        table_hazards(api, &mut found);
        found.sort_by(|a: &Finding, b| {
            (a.severity, a.position.map(|p| p.line)).cmp(&(b.severity, b.position.map(|p| p.line)))
        });
        findings.extend(found);
    }
    findings
}

/// The command line's report: every finding, then a count.
pub fn report(findings: &[Finding]) -> String {
    let mut out = String::new();
    for finding in findings {
        out.push_str(&finding.to_string());
        out.push_str("\n\n");
    }
    let notes = findings.iter().filter(|f| f.severity == Severity::Note).count();
    let warnings = findings.len() - notes;
    out.push_str(&format!("lint: {notes} recorded inconsistencies, {warnings} warnings"));
    out
}

fn finding(api: &Api, severity: Severity, code: &'static str, path: String, message: String) -> Finding {
    Finding {
        severity,
        code,
        file: api.file.clone(),
        position: position_of(api, &path),
        path,
        message,
        details: Vec::new(),
    }
}

fn inconsistencies(api: &Api, out: &mut Vec<Finding>) {
    for (i, x) in api.inconsistencies.iter().enumerate() {
        let mut note = finding(
            api,
            Severity::Note,
            "inconsistency",
            format!("inconsistencies[{i}]"),
            format!("{} ({}): {}", x.id, x.kind.label(), x.summary.trim()),
        );
        for statement in &x.statements {
            note.details.push(format!("{} says: {}", api.section_title(&statement.section), statement.says.trim()));
        }
        note.details.push(format!("the catalog records: {}", x.resolution.trim()));
        out.push(note);
    }
}

/// Error statuses (4xx, 5xx) that no vocabulary value and no example uses.
fn unused_statuses(api: &Api, out: &mut Vec<Finding>) {
    let used: BTreeSet<u16> = api
        .vocabularies
        .iter()
        .flat_map(|v| v.values.iter().flat_map(|x| x.statuses.iter().copied()))
        .chain(api.examples.iter().filter_map(|e| e.status))
        .collect();
    for (i, status) in api.statuses.iter().enumerate() {
        if status.code >= 400 && !used.contains(&status.code) {
            out.push(finding(
                api,
                Severity::Warning,
                "unused-status",
                format!("statuses[{i}]"),
                format!("status {} {} is used by no error value and no example", status.code, status.reason),
            ));
        }
    }
}

/// Every (vocabulary, value) an example body holds, following the body formats.
fn collect_uses(api: &Api, ty: &FieldType, value: &Value, uses: &mut BTreeSet<(String, String)>) {
    match (ty, value) {
        (FieldType::Vocabulary(name), Value::String(text)) => {
            uses.insert((name.clone(), text.clone()));
        }
        (FieldType::Array(inner), Value::Array(items)) => {
            for item in items {
                collect_uses(api, inner, item, uses);
            }
        }
        (FieldType::Object(name), Value::Object(map)) => {
            for field in api.shape(name).map(|s| s.fields.as_slice()).unwrap_or_default() {
                if let Some(v) = map.get(&field.name) {
                    collect_uses(api, &field.ty, v, uses);
                }
            }
        }
        _ => {}
    }
}

/// Errors (values with statuses) no example shows; other values nothing references.
fn unexampled_values(api: &Api, out: &mut Vec<Finding>) {
    let mut uses = BTreeSet::new();
    for example in &api.examples {
        collect_uses(api, &FieldType::Object(example.body_format.clone()), &example.body, &mut uses);
    }
    let in_rules: BTreeSet<&str> = api.retry_rules.iter().flat_map(|r| r.errors.iter().map(String::as_str)).collect();
    for (v, vocabulary) in api.vocabularies.iter().enumerate() {
        for (i, value) in vocabulary.values.iter().enumerate() {
            if uses.contains(&(vocabulary.name.clone(), value.value.clone())) {
                continue;
            }
            let path = format!("vocabularies[{v}].values[{i}]");
            if !value.statuses.is_empty() {
                out.push(finding(
                    api,
                    Severity::Warning,
                    "error-without-example",
                    path,
                    format!("{} `{}` appears in no example", vocabulary.name, value.value),
                ));
            } else if !in_rules.contains(value.value.as_str()) {
                out.push(finding(
                    api,
                    Severity::Warning,
                    "unreferenced-value",
                    path,
                    format!("{} `{}` appears in no example and no retry rule", vocabulary.name, value.value),
                ));
            }
        }
    }
}

fn unattached_inconsistencies(api: &Api, out: &mut Vec<Finding>) {
    let entries: Vec<&dyn Traced> = api
        .statuses
        .iter()
        .map(|x| x as &dyn Traced)
        .chain(api.vocabularies.iter().flat_map(|v| v.values.iter().map(|x| x as &dyn Traced)))
        .chain(api.bodies.iter().map(|x| x as &dyn Traced))
        .chain(api.bodies.iter().flat_map(|b| b.fields.iter().map(|x| x as &dyn Traced)))
        .chain(api.headers.iter().map(|x| x as &dyn Traced))
        .chain(api.retry_rules.iter().map(|x| x as &dyn Traced))
        .chain(api.examples.iter().map(|x| x as &dyn Traced))
        .collect();
    for (i, x) in api.inconsistencies.iter().enumerate() {
        if !entries.iter().any(|e| e.inconsistencies().contains(&x.id)) {
            out.push(finding(
                api,
                Severity::Warning,
                "unattached-inconsistency",
                format!("inconsistencies[{i}]"),
                format!("no entry points at inconsistency `{}`", x.id),
            ));
        }
    }
}

/// Text that lands in Markdown table cells and holds a pipe or a line break: it is escaped,
/// but reads badly in the YAML's own tables and in the source document's.
fn table_hazards(api: &Api, out: &mut Vec<Finding>) {
    // The free-text facts, read through the same accessors the table templates use.
    const STATUS_TEXTS: &[&str] = &["description", "action", "when_used"];
    const VALUE_TEXTS: &[&str] = &["value", "description", "title", "category", "action", "message", "user_message"];
    let mut texts: Vec<(String, String)> = Vec::new();
    for (i, s) in api.statuses.iter().enumerate() {
        for key in STATUS_TEXTS {
            texts.extend(facts::status_fact(s, key).map(|t| (format!("statuses[{i}].{key}"), t)));
        }
    }
    for (v, vocabulary) in api.vocabularies.iter().enumerate() {
        for (i, x) in vocabulary.values.iter().enumerate() {
            for key in VALUE_TEXTS {
                texts.extend(facts::value_fact(x, key).map(|t| (format!("vocabularies[{v}].values[{i}].{key}"), t)));
            }
        }
    }
    for (b, shape) in api.bodies.iter().enumerate() {
        for (i, field) in shape.fields.iter().enumerate() {
            texts.push((format!("bodies[{b}].fields[{i}].description"), field.description.clone()));
        }
    }
    for (h, header) in api.headers.iter().enumerate() {
        texts.push((format!("headers[{h}].description"), header.description.clone()));
    }
    for (r, rule) in api.retry_rules.iter().enumerate() {
        texts.push((format!("retry_rules[{r}].advice"), rule.advice.clone()));
    }
    for (path, text) in texts {
        let trimmed = text.trim();
        let problem = if trimmed.contains('|') {
            "a `|`"
        } else if trimmed.contains('\n') {
            "a line break"
        } else {
            continue;
        };
        out.push(finding(
            api,
            Severity::Warning,
            "table-hazard",
            path,
            format!("the text holds {problem}, which Markdown tables must escape"),
        ));
    }
}
