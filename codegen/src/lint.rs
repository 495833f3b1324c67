//! `cargo xtask lint`: what a valid catalog says about its source documents and itself.
//!
//! Notes list every inconsistency the catalog records (what the document says where, and why
//! it conflicts). Warnings point at smells: a status no error uses, an error with no example, a
//! value nothing references, an inconsistency no entry points at, text that needs escaping in
//! a Markdown table. Others find contradictions a document may hold, so that each new catalog
//! gets them for free, and stay quiet once the entry points at a recorded inconsistency: a
//! status whose error values are to be retried and not, a status and an error value that
//! disagree on retrying, a value that only prose or an example gives where its vocabulary has a
//! table, an example sending a value its vocabulary does not list, and (across APIs) one fact sent as a body field by one API and a header by another.

use crate::diagnostic::{render, Place, Position};
use crate::model::{DecidedBy, FieldRole, HeaderRole, InconsistencyKind, TableRows};
use crate::resolved::{
    Api, Catalog, FieldType, InconsistencyId, RecoveryRule, SectionId, StatusClassRow, ValueRef, VocabularyId,
};
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
    /// About this API next to others of the catalog: printed, but in no one catalog file's
    /// pinned report, which adding or removing another API must leave as it is.
    pub across_apis: bool,
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
        let sent = values_sent(api);
        inconsistencies(api, &mut found);
        unused_statuses(api, &mut found);
        unexampled_values(api, &sent, &mut found);
        long_variant_names(api, &mut found);
        unattached_inconsistencies(api, &mut found);
        table_hazards(api, &mut found);
        status_advice_disagrees(api, &mut found);
        tables_disagree_on_retrying(api, &mut found);
        recovery_contradicts_retryable(api, &mut found);
        values_outside_their_table(api, &sent, &mut found);
        statuses_outside_their_table(api, &mut found);
        example_values_outside_their_vocabulary(api, &mut found);
        uneven_retries(api, &mut found);
        client_default_waits(api, &mut found);
        found.sort_by(|a: &Finding, b| {
            (a.severity, a.position.map(|p| p.line)).cmp(&(b.severity, b.position.map(|p| p.line)))
        });
        findings.extend(found);
    }
    findings.extend(same_fact_as_field_and_header(catalog));
    findings
}

/// The command line's report: every finding, then a count.
pub fn report(findings: &[Finding]) -> String {
    let mut out = String::new();
    for finding in findings {
        out.push_str(&finding.to_string());
        out.push_str("\n\n");
    }
    let recorded = findings.iter().filter(|f| f.code == "inconsistency").count();
    let notes = findings.iter().filter(|f| f.severity == Severity::Note).count() - recorded;
    let warnings = findings.len() - notes - recorded;
    out.push_str(&format!("lint: {recorded} recorded inconsistencies, {notes} other notes, {warnings} warnings"));
    out
}

/// Where a catalog file's expected lint report lives, when its maintainers pin one: beside
/// the catalog, `spec/myapi.yaml` -> `spec/myapi.lint.txt`. Tests compare the report of that
/// file alone with it, and `cargo xtask lint --bless` rewrites it; a catalog without one opts
/// out.
pub fn expected_report_path(catalog_file: &std::path::Path) -> std::path::PathBuf {
    catalog_file.with_extension("lint.txt")
}

/// The report of one catalog file's findings, as [`expected_report_path`] pins it: those about
/// its API alone, so that no other catalog file changes it.
pub fn file_report(findings: &[Finding], file: &str) -> String {
    let own: Vec<Finding> = findings.iter().filter(|f| f.file == file && !f.across_apis).cloned().collect();
    let mut text = report(&own);
    text.push('\n');
    text
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
        across_apis: false,
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

/// Error statuses (4xx, 5xx) that no vocabulary value, example, recovery rule or pinned case
/// uses: an API whose errors are told apart by status alone uses its statuses in its rules.
fn unused_statuses(api: &Api, out: &mut Vec<Finding>) {
    let cases = api.cases.iter().filter_map(|case| match case.input {
        crate::resolved::CaseInput::Response { status, .. } => Some(status),
        crate::resolved::CaseInput::Transport(_) => None,
    });
    let used: BTreeSet<u16> = api
        .vocabularies
        .iter()
        .flat_map(|v| v.values.iter().flat_map(|x| x.statuses.iter().copied()))
        .chain(api.examples.iter().filter_map(|e| e.status))
        .chain(api.recovery.rules.iter().flat_map(|rule| rule.statuses.iter().copied()))
        .chain(cases)
        .collect();
    for (i, status) in api.statuses.iter().enumerate() {
        if status.code >= 400 && !used.contains(&status.code) {
            out.push(finding(
                api,
                Severity::Warning,
                "unused-status",
                format!("statuses[{i}]"),
                format!(
                    "status {} {} is used by no error value, example, recovery rule or case",
                    status.code, status.reason
                ),
            ));
        }
    }
}

/// One use of a vocabulary in an example body: where (a path from the body's top), which
/// vocabulary, and the wire string (an integer code's digits).
struct Use {
    path: String,
    vocabulary: VocabularyId,
    wire: String,
}

/// Every vocabulary value an example body holds, following the body formats.
fn collect_uses(api: &Api, ty: &FieldType, value: &Value, path: &str, uses: &mut Vec<Use>) {
    let at = |key: &str| if path.is_empty() { key.to_string() } else { format!("{path}.{key}") };
    match (ty, value) {
        // A plain-text body: its text is its one value.
        (FieldType::Object(id), Value::String(_)) => {
            if let Some(text) = &api[*id].text {
                collect_uses(api, &text.ty, value, path, uses);
            }
        }
        (FieldType::Vocabulary(id), Value::String(text)) => {
            // The value after the namespace the wire may write before it.
            let wire = crate::model::without_namespace(text, api[*id].namespace_separator).to_string();
            uses.push(Use { path: path.to_string(), vocabulary: *id, wire });
        }
        (FieldType::Vocabulary(id), Value::Number(code)) => {
            uses.push(Use { path: path.to_string(), vocabulary: *id, wire: code.to_string() });
        }
        (FieldType::Array(inner), Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                collect_uses(api, inner, item, &format!("{path}[{i}]"), uses);
            }
        }
        (FieldType::Map(inner), Value::Object(map)) => {
            for (key, item) in map {
                collect_uses(api, inner, item, &at(key), uses);
            }
        }
        (FieldType::Union(id), Value::Object(map)) => {
            let union = &api[*id];
            let tag = map.get(&union.tag).and_then(Value::as_str);
            if let Some(variant) = union.variants.iter().find(|v| Some(v.tag.as_str()) == tag) {
                collect_uses(api, &FieldType::Object(variant.shape), value, path, uses);
            }
        }
        (FieldType::Object(id), Value::Object(map)) => {
            for field in &api[*id].fields {
                if let Some(v) = map.get(&field.wire) {
                    collect_uses(api, &field.ty, v, &at(&field.wire), uses);
                }
            }
        }
        _ => {}
    }
}

/// The values of each vocabulary the API's examples send, gathered once for the lints that ask.
fn values_sent(api: &Api) -> BTreeSet<(VocabularyId, String)> {
    let mut found = Vec::new();
    for example in &api.examples {
        collect_uses(api, &FieldType::Object(example.shape), &example.body, "", &mut found);
    }
    found.into_iter().map(|u| (u.vocabulary, u.wire)).collect()
}

/// Errors (values with statuses) no example shows; other values nothing references.
fn unexampled_values(api: &Api, sent: &BTreeSet<(VocabularyId, String)>, out: &mut Vec<Finding>) {
    let in_rules: BTreeSet<ValueRef> =
        api.recovery.rules.iter().flat_map(|r| r.errors.iter().chain(&r.hints).chain(&r.except).copied()).collect();
    for (v, vocabulary) in api.vocabularies.iter().enumerate() {
        for (i, value) in vocabulary.values.iter().enumerate() {
            if sent.contains(&(VocabularyId(v), value.wire.clone())) {
                continue;
            }
            let path = format!("vocabularies[{v}].values[{i}]");
            let (name, wire) = (&vocabulary.name, &value.wire);
            if !value.statuses.is_empty() {
                let message = format!("{name} `{wire}` appears in no example");
                out.push(finding(api, Severity::Warning, "error-without-example", path, message));
            } else if !in_rules.contains(&ValueRef { vocabulary: VocabularyId(v), index: i }) {
                let message = format!("{name} `{wire}` appears in no example and no recovery rule");
                out.push(finding(api, Severity::Warning, "unreferenced-value", path, message));
            }
        }
    }
}

/// Variant names longer than this read badly in a `match`; URIs and sentences make them.
pub const LONG_VARIANT_NAME: usize = 32;

/// Values whose Rust variant is longer than [`LONG_VARIANT_NAME`] characters.
fn long_variant_names(api: &Api, out: &mut Vec<Finding>) {
    for (v, vocabulary) in api.vocabularies.iter().enumerate() {
        for (i, value) in vocabulary.values.iter().enumerate().filter(|(_, x)| x.variant.len() > LONG_VARIANT_NAME) {
            let message = format!(
                "{}::{} ({} characters, from `{}`) is a long name; pick `variant_names:` for the vocabulary \
                 (`last_segment`, `fragment`, `{{ strip_prefix: ... }}`) or set `variant:`",
                vocabulary.name,
                value.variant,
                value.variant.len(),
                value.wire
            );
            let path = format!("vocabularies[{v}].values[{i}]");
            out.push(finding(api, Severity::Warning, "long-variant-name", path, message));
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
    for (r, rule) in api.recovery.rules.iter().enumerate() {
        texts.push((format!("recovery.rules[{r}].advice"), &rule.advice));
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

/// Whether an error value with this status is to be retried, as the value or a retry rule
/// says: `(who says it, retry?)`.
fn retry_verdicts(api: &Api, code: u16) -> Vec<(String, bool)> {
    let mut verdicts = Vec::new();
    for vocabulary in &api.vocabularies {
        for value in vocabulary.values.iter().filter(|v| v.statuses.contains(&code)) {
            if let Some(retryable) = value.retryable {
                verdicts.push((format!("`{}`", value.wire), retryable));
            }
        }
    }
    for rule in &api.recovery.rules {
        let covers = rule.covers_status(code) || api.rule_errors_with_status(rule, code).next().is_some();
        if covers {
            verdicts.push((format!("rule `{}`", rule.id), rule.kind.retries()));
        }
    }
    verdicts
}

/// A status some of whose error values are to be retried and others not: advice by status
/// alone is wrong for some of them.
fn status_advice_disagrees(api: &Api, out: &mut Vec<Finding>) {
    for (i, status) in api.statuses.iter().enumerate() {
        if !status.trace.inconsistencies.is_empty() {
            continue;
        }
        let verdicts = retry_verdicts(api, status.code);
        let (retry, no_retry): (Vec<_>, Vec<_>) = verdicts.iter().partition(|(_, retry)| *retry);
        if !retry.is_empty() && !no_retry.is_empty() {
            let names =
                |list: &[&(String, bool)]| list.iter().map(|(who, _)| who.as_str()).collect::<Vec<_>>().join(", ");
            let message = format!(
                "status {} is to be retried for {} but not for {}; record the conflict or the advice is wrong for some",
                status.code,
                names(&retry),
                names(&no_retry)
            );
            out.push(finding(api, Severity::Warning, "status-advice-disagrees", format!("statuses[{i}]"), message));
        }
    }
}

/// The status table says a status is (not) retryable, and an error value sent only with it
/// says the opposite.
fn tables_disagree_on_retrying(api: &Api, out: &mut Vec<Finding>) {
    for (v, vocabulary) in api.vocabularies.iter().enumerate() {
        for (i, value) in vocabulary.values.iter().enumerate() {
            let (Some(retryable), [code]) = (value.retryable, value.statuses.as_slice()) else { continue };
            let Some(status) = api.status(*code) else { continue };
            let recorded = !value.trace.inconsistencies.is_empty() || !status.trace.inconsistencies.is_empty();
            if status.retryable.is_some_and(|s| s != retryable) && !recorded {
                let message = format!(
                    "`{}` is {}retryable, but its status {} is {}",
                    value.wire,
                    if retryable { "" } else { "not " },
                    code,
                    if retryable { "not" } else { "retryable" }
                );
                let path = format!("vocabularies[{v}].values[{i}].retryable");
                out.push(finding(api, Severity::Warning, "tables-disagree", path, message));
            }
        }
    }
}

/// A status or a value says it is (not) retryable, and the recovery rule for it says the
/// opposite.
fn recovery_contradicts_retryable(api: &Api, out: &mut Vec<Finding>) {
    for (r, rule) in api.recovery.rules.iter().enumerate() {
        if !rule.trace.inconsistencies.is_empty() {
            continue;
        }
        // What the rule covers that says whether it is retried: (what, where it says so, retryable).
        let statuses = rule.statuses.iter().filter_map(|&code| api.status(code)).filter_map(|status| {
            let place = format!(" in {}", api.section_title(status.trace.section));
            status.retryable.map(|retryable| (format!("status {}", status.code), place, retryable))
        });
        let values = rule.errors.iter().chain(&rule.hints).map(|&value| &api[value]);
        let values =
            values.filter_map(|value| value.retryable.map(|r| (format!("`{}`", value.wire), String::new(), r)));
        for (what, place, retryable) in statuses.chain(values) {
            if retryable != rule.kind.retries() {
                let not = if retryable { "" } else { "not " };
                let message =
                    format!("{what} is {not}retryable{place}, but rule `{}` says `{}`", rule.id, rule.kind.as_str());
                let at = format!("recovery.rules[{r}]");
                out.push(finding(api, Severity::Warning, "recovery-contradicts-retryable", at, message));
            }
        }
    }
}

/// Two rules that retry responses of one status, an error value's rule and the status's (or its
/// class's), with different caps or delays: a response's retries then depend on whether its body
/// names the value, which the document rarely means. Flagged for review (issue 27: OFAuth's caps
/// were uneven across rules the document treats alike).
fn uneven_retries(api: &Api, out: &mut Vec<Finding>) {
    let retrying = |rule: &&RecoveryRule| rule.kind.retries();
    let broad: Vec<(usize, &RecoveryRule)> = api
        .recovery
        .rules
        .iter()
        .enumerate()
        .filter(|(_, rule)| matches!(rule.level, DecidedBy::Status | DecidedBy::StatusClass) && rule.when.is_empty())
        .filter(|(_, rule)| retrying(rule))
        .collect();
    for narrow in api.recovery.rules.iter().filter(retrying).filter(|rule| rule.level == DecidedBy::ErrorValue) {
        let statuses: BTreeSet<u16> = narrow.errors.iter().flat_map(|&v| api[v].statuses.iter().copied()).collect();
        for &(b, wide) in &broad {
            let Some(&status) = statuses.iter().find(|&&code| wide.covers_status(code)) else { continue };
            let same = narrow.max_attempts == wide.max_attempts
                && narrow.backoff == wide.backoff
                && narrow.client_backoff == wide.client_backoff;
            if !same {
                out.push(finding(
                    api,
                    Severity::Warning,
                    "uneven-retries",
                    format!("recovery.rules[{b}]"),
                    format!(
                        "rules `{}` and `{}` both retry responses of status {status}, with other caps or delays: \
                         check that the document treats them differently",
                        narrow.id, wide.id
                    ),
                ));
            }
        }
    }
}

/// A pinned decision whose wait is the client's longest wait (`Recovery::DEFAULT_MAX_WAIT`, to
/// which longer waits are cut): the number is the client's policy, not the document's, which
/// the case should say.
fn client_default_waits(api: &Api, out: &mut Vec<Finding>) {
    let longest = api_error_runtime::Recovery::DEFAULT_MAX_WAIT.as_millis() as u64;
    let decisions =
        api.examples.iter().enumerate().filter_map(|(e, x)| Some((format!("examples[{e}]"), x.decision.as_ref()?)));
    let cases = api.cases.iter().enumerate().map(|(c, case)| (format!("cases[{c}]"), &case.decision));
    for (path, decision) in decisions.chain(cases) {
        if decision.wait_ms == Some(longest) {
            out.push(finding(
                api,
                Severity::Warning,
                "client-default-wait",
                format!("{path}.decision.wait_seconds"),
                format!(
                    "the pinned wait is the client's longest ({} s), to which a longer one is cut: a policy of the \
                     client's, not the document's",
                    longest / 1000
                ),
            ));
        }
    }
}

/// A vocabulary with a table in the document, and a value the table does not list (it comes
/// from prose or an example).
fn values_outside_their_table(api: &Api, sent: &BTreeSet<(VocabularyId, String)>, out: &mut Vec<Finding>) {
    for (v, vocabulary) in api.vocabularies.iter().enumerate() {
        let rows = TableRows::Vocabulary(vocabulary.name.clone());
        let sections = vocabulary.values.iter().map(|x| x.trace.section);
        let sections = sections.chain(vocabulary.families.iter().map(|f| f.trace.section));
        let table_sections: BTreeSet<SectionId> = sections.filter(|&section| api[section].lists(&rows)).collect();
        // Or the values a heading each names (`### 010 - Not allowed`), where no table lists them.
        // (Or after the status it is sent with: `### 400 INPUT_VALIDATION_FAILED`.)
        let headed = |value: &crate::resolved::VocabularyValue| {
            api[value.trace.section].heading.last().is_some_and(|heading| {
                let heading = heading.trim().trim_start_matches(['`', '*']);
                let after_status = (heading.split_once(' '))
                    .filter(|(status, _)| crate::page::status_number(status).is_some())
                    .map(|(_, rest)| rest.trim_start().trim_start_matches(['`', '*']));
                std::iter::once(heading).chain(after_status).any(|heading| {
                    heading.strip_prefix(value.wire.as_str()).is_some_and(|rest| {
                        rest.is_empty() || rest.starts_with(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                    })
                })
            })
        };
        let by_headings = table_sections.is_empty() && vocabulary.values.iter().filter(|x| headed(x)).count() >= 2;
        // Or a list that defines them (`` `invalid_grant`: ... ``): the section most values the
        // page describes come from (two at least). Against it, only a value a sentence names
        // (its description inferred) that no example sends stands out.
        let said = |x: &crate::resolved::VocabularyValue| !x.trace.inferred.iter().any(|f| f == "description");
        let described = vocabulary.values.iter().filter(|x| said(x)).map(|x| x.trace.section);
        let list_section = most_described_in(described, 2).filter(|_| table_sections.is_empty() && !by_headings);
        if table_sections.is_empty() && !by_headings && list_section.is_none() {
            continue;
        }
        for (i, value) in vocabulary.values.iter().enumerate() {
            let recorded =
                value.trace.inconsistencies.iter().any(|&x| api[x].kind == InconsistencyKind::MissingFromTable);
            let listed = match list_section {
                // (In the list's own section too: a sentence under the list that names a value
                // does not define it.)
                Some(_) => said(value) || sent.contains(&(VocabularyId(v), value.wire.clone())),
                None if by_headings => headed(value),
                None => table_sections.contains(&value.trace.section),
            };
            // (A family the table lists, `*_NOT_FOUND`, stands for it.)
            let in_family = vocabulary.families.iter().any(|family| family.names(&value.wire));
            if !listed && !recorded && !in_family {
                let list = match list_section {
                    Some(section) => format!("the list in {} that defines the others", api.section_title(section)),
                    None if by_headings => "the headings that name the others".to_string(),
                    None => "the table that lists the others".to_string(),
                };
                let message = format!(
                    "{} `{}` comes from {}, not from {list}",
                    vocabulary.name,
                    value.wire,
                    api.section_title(value.trace.section)
                );
                out.push(finding(
                    api,
                    Severity::Warning,
                    "value-outside-table",
                    format!("vocabularies[{v}].values[{i}]"),
                    message,
                ));
            }
        }
    }
}

/// The section most of the entries the page describes come from (each entry's section given
/// once), where `at_least` come from it: the list that defines them, where no table does.
fn most_described_in(sections: impl Iterator<Item = SectionId>, at_least: usize) -> Option<SectionId> {
    let mut described: Vec<SectionId> = sections.collect();
    described.sort_unstable();
    described.chunk_by(|a, b| a == b).max_by_key(|run| run.len()).filter(|run| run.len() >= at_least).map(|run| run[0])
}

/// A status that an example, a sentence or a code's row uses where the page has tables that list
/// the others: a status the tables forgot (unless recorded as missing from them).
fn statuses_outside_their_table(api: &Api, out: &mut Vec<Finding>) {
    // The statuses the tables list: a table of statuses, or a table of codes with their statuses.
    let in_status_tables =
        api.statuses.iter().filter(|s| api[s.trace.section].lists(&TableRows::Statuses)).map(|s| s.code);
    let in_code_tables = api.vocabularies.iter().flat_map(|v| {
        let rows = TableRows::Vocabulary(v.name.clone());
        v.values.iter().filter(move |x| api[x.trace.section].lists(&rows)).flat_map(|x| x.statuses.iter().copied())
    });
    let listed: BTreeSet<u16> = in_status_tables.chain(in_code_tables).collect();
    // A status table's row of a whole class (`5xx`) lists every status of the class.
    let classes: Vec<&StatusClassRow> =
        api.status_classes.iter().filter(|c| api[c.trace.section].lists(&TableRows::Statuses)).collect();
    // Or, where no table lists them, a list that describes them (Wazapin's `- **400 Bad
    // Request**: ...`): the section most statuses the page describes come from (three at
    // least). Against it, a status only a sentence elsewhere names (its description inferred)
    // stands out.
    let said = |status: &crate::resolved::Status| !status.trace.inferred.iter().any(|f| f == "description");
    let untabled = listed.is_empty() && classes.is_empty();
    let described = api.statuses.iter().filter(|s| untabled && said(s)).map(|s| s.trace.section);
    let list_section = most_described_in(described, 3);
    if untabled && list_section.is_none() {
        return;
    }
    for (i, status) in api.statuses.iter().enumerate() {
        let recorded = status.trace.inconsistencies.iter().any(|&x| api[x].kind == InconsistencyKind::MissingFromTable);
        let in_a_class = classes.iter().any(|class| class.holds(status.code));
        let in_the_list = list_section.is_some() && said(status);
        if !listed.contains(&status.code) && !in_a_class && !in_the_list && !recorded {
            let from = api.section_title(status.trace.section);
            let message = match list_section {
                Some(list) => format!(
                    "status {} comes from {from}, not from the list in {} that describes the others",
                    status.code,
                    api.section_title(list)
                ),
                None => format!("status {} comes from {from}, and no table that lists statuses has it", status.code),
            };
            out.push(finding(api, Severity::Warning, "status-outside-table", format!("statuses[{i}]"), message));
        }
    }
}

/// A name reduced to what identifies the fact it carries: `X-Request-Id`, `requestId` and
/// `request_id` are all `requestid`.
fn fact_key(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    let bare = lower.strip_prefix("x-").unwrap_or(&lower);
    bare.chars().filter(char::is_ascii_alphanumeric).collect()
}

/// One fact (a request id, a wait) that an API sends in a body field and, under another name, in a
/// header: a client looks in two places. Said apart for the API itself (in its pinned report)
/// and for the other APIs of the catalog that send it as a header (a client of both).
fn same_fact_as_field_and_header(catalog: &Catalog) -> Vec<Finding> {
    let mut found = Vec::new();
    for api in catalog.apis() {
        for (b, shape) in api.shapes.iter().enumerate() {
            for (f, field) in shape.fields.iter().enumerate() {
                let key = fact_key(&field.wire);
                let path = format!("bodies[{b}].fields[{f}]");
                // Named alike (`requestId`, `X-Request-Id`), or given one role (`errorId` and
                // `X-Okta-Request-Id`, both the request id).
                let same_role = |h: &&crate::resolved::Header| {
                    matches!(
                        (field.role, h.role),
                        (Some(FieldRole::RequestId), Some(HeaderRole::RequestId))
                            | (Some(FieldRole::RetryAfter), Some(HeaderRole::RetryAfter))
                    )
                };
                let own: Vec<String> = api
                    .headers
                    .iter()
                    .filter(|h| fact_key(&h.name) == key || same_role(h))
                    .map(|h| format!("`{}`", h.name))
                    .collect();
                if !own.is_empty() {
                    let message = format!(
                        "{} sends `{}` in its {} body and {} as a header: a client looks in two places",
                        api.name,
                        field.wire,
                        shape.name,
                        own.join(" and ")
                    );
                    found.push(finding(api, Severity::Note, "field-and-header", path.clone(), message));
                }
                let others: Vec<String> = catalog
                    .apis()
                    .iter()
                    .filter(|other| other.id != api.id)
                    .flat_map(|other| other.headers.iter().map(move |h| (other, h)))
                    .filter(|(_, h)| fact_key(&h.name) == key)
                    .map(|(other, h)| format!("{} sends `{}` as a header", other.name, h.name))
                    .collect();
                if !others.is_empty() {
                    let message = format!(
                        "{} sends `{}` in its {} body, while {}: a client of several APIs looks in two places",
                        api.name,
                        field.wire,
                        shape.name,
                        others.join(" and ")
                    );
                    let mut note = finding(api, Severity::Note, "field-and-header", path, message);
                    note.across_apis = true;
                    found.push(note);
                }
            }
        }
    }
    found
}

/// An example whose member of a vocabulary's type sends a value the vocabulary does not list: a
/// page's placeholder (`ERROR_TYPE`), or a code its table forgot. Quiet once the example points
/// at a recorded inconsistency.
fn example_values_outside_their_vocabulary(api: &Api, out: &mut Vec<Finding>) {
    for (e, example) in api.examples.iter().enumerate() {
        if !example.trace.inconsistencies.is_empty() {
            continue;
        }
        let mut uses = Vec::new();
        collect_uses(api, &FieldType::Object(example.shape), &example.body, "", &mut uses);
        // (A value of a family the catalog lists, `CONVERSATION_NOT_FOUND` of `*_NOT_FOUND`, is
        // listed as the document lists it.)
        let listed = |u: &Use| {
            let vocabulary = &api[u.vocabulary];
            vocabulary.values.iter().any(|known| known.wire == u.wire)
                || vocabulary.families.iter().any(|family| family.names(&u.wire))
        };
        let unlisted = uses.into_iter().filter(|u| !listed(u));
        for Use { path, vocabulary, wire } in unlisted {
            let message = format!(
                "example `{}` sends {} `{wire}` at `{path}`, which the vocabulary does not list (a placeholder, or a value its table lacks)",
                example.id, api[vocabulary].name
            );
            // At the member where the file has it (a key may hold a `.`), else at the body.
            let member = format!("examples[{e}].body.{path}");
            let at = if api.position(&member).is_some() { member } else { format!("examples[{e}].body") };
            out.push(finding(api, Severity::Warning, "example-value-outside-vocabulary", at, message));
        }
    }
}
