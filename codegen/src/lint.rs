//! `cargo xtask lint`: what a valid catalog says about its source documents and itself.
//!
//! Notes list every inconsistency the catalog records (what the document says where, and why
//! it conflicts). Warnings point at smells: a status no error uses, an error with no example, a
//! value nothing references, an inconsistency no entry points at, text that needs escaping in
//! a Markdown table.

use crate::diagnostic::{render, Place, Position};
use crate::resolved::{Api, Catalog, FieldType, InconsistencyId, ValueRef, VocabularyId};
use annotate_snippets::Level;
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
    /// The text of the line at `position`.
    pub source_line: Option<String>,
    pub path: String,
    pub message: String,
    /// Further lines: the document's statements, the resolution.
    pub details: Vec<String>,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Note => Level::NOTE,
            Severity::Warning => Level::WARNING,
        };
        let place = Place {
            file: &self.file,
            path: Some(&self.path),
            position: self.position,
            source_line: self.source_line.as_deref(),
        };
        let footers: Vec<(Level, &str)> = self.details.iter().map(|d| (Level::NOTE.no_name(), d.as_str())).collect();
        f.write_str(&render(level, self.code, &self.message, &place, &footers))
    }
}

/// Everything the lint finds, API by API, notes first.
pub fn lint(catalog: &Catalog) -> Vec<Finding> {
    let mut findings = Vec::new();
    for api in catalog.apis() {
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
    let position = api.position(&path);
    Finding {
        severity,
        code,
        file: api.file.clone(),
        source_line: position.and_then(|p| api.source_line(p.line)).map(str::to_string),
        position,
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
            note.details.push(format!("{} says: {}", api.section_title(statement.section), statement.says.trim()));
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

/// Every (vocabulary, wire string) an example body holds, following the body formats.
fn collect_uses(api: &Api, ty: &FieldType, value: &Value, uses: &mut BTreeSet<(VocabularyId, String)>) {
    match (ty, value) {
        (FieldType::Vocabulary(id), Value::String(text)) => {
            uses.insert((*id, text.clone()));
        }
        (FieldType::Array(inner), Value::Array(items)) => {
            for item in items {
                collect_uses(api, inner, item, uses);
            }
        }
        (FieldType::Object(id), Value::Object(map)) => {
            for field in &api[*id].fields {
                if let Some(v) = map.get(&field.wire) {
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
        collect_uses(api, &FieldType::Object(example.shape), &example.body, &mut uses);
    }
    let in_rules: BTreeSet<ValueRef> = api.retry_rules.iter().flat_map(|r| r.errors.iter().copied()).collect();
    for (v, vocabulary) in api.vocabularies.iter().enumerate() {
        for (i, value) in vocabulary.values.iter().enumerate() {
            if uses.contains(&(VocabularyId(v), value.wire.clone())) {
                continue;
            }
            let path = format!("vocabularies[{v}].values[{i}]");
            let (name, wire) = (&vocabulary.name, &value.wire);
            if !value.statuses.is_empty() {
                let message = format!("{name} `{wire}` appears in no example");
                out.push(finding(api, Severity::Warning, "error-without-example", path, message));
            } else if !in_rules.contains(&ValueRef { vocabulary: VocabularyId(v), index: i }) {
                let message = format!("{name} `{wire}` appears in no example and no retry rule");
                out.push(finding(api, Severity::Warning, "unreferenced-value", path, message));
            }
        }
    }
}

fn unattached_inconsistencies(api: &Api, out: &mut Vec<Finding>) {
    let attached: BTreeSet<InconsistencyId> = api.traced().flat_map(|t| t.inconsistencies.iter().copied()).collect();
    for (i, x) in api.inconsistencies.iter().enumerate() {
        if !attached.contains(&InconsistencyId(i)) {
            let message = format!("no entry points at inconsistency `{}`", x.id);
            out.push(finding(
                api,
                Severity::Warning,
                "unattached-inconsistency",
                format!("inconsistencies[{i}]"),
                message,
            ));
        }
    }
}

/// Text that lands in Markdown table cells and holds a pipe or a line break: it is escaped,
/// but reads badly in the YAML's own tables and in the source document's.
fn table_hazards(api: &Api, out: &mut Vec<Finding>) {
    let mut texts: Vec<(String, &str)> = Vec::new();
    for (i, s) in api.statuses.iter().enumerate() {
        let facts =
            [("description", Some(&s.description)), ("action", s.action.as_ref()), ("when_used", s.when_used.as_ref())];
        texts
            .extend(facts.into_iter().filter_map(|(key, text)| Some((format!("statuses[{i}].{key}"), text?.as_str()))));
    }
    for (v, vocabulary) in api.vocabularies.iter().enumerate() {
        for (i, x) in vocabulary.values.iter().enumerate() {
            let facts = [
                ("value", Some(&x.wire)),
                ("description", x.description.as_ref()),
                ("title", x.title.as_ref()),
                ("category", x.category.as_ref()),
                ("action", x.action.as_ref()),
                ("message", x.message.as_ref()),
                ("user_message", x.user_message.as_ref()),
            ];
            let path = |key| format!("vocabularies[{v}].values[{i}].{key}");
            texts.extend(facts.into_iter().filter_map(|(key, text)| Some((path(key), text?.as_str()))));
        }
    }
    for (b, shape) in api.shapes.iter().enumerate() {
        for (i, field) in shape.fields.iter().enumerate() {
            texts.push((format!("bodies[{b}].fields[{i}].description"), &field.description));
        }
    }
    for (h, header) in api.headers.iter().enumerate() {
        texts.push((format!("headers[{h}].description"), &header.description));
    }
    for (r, rule) in api.retry_rules.iter().enumerate() {
        texts.push((format!("retry_rules[{r}].advice"), &rule.advice));
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
        let message = format!("the text holds {problem}, which Markdown tables must escape");
        out.push(finding(api, Severity::Warning, "table-hazard", path, message));
    }
}
