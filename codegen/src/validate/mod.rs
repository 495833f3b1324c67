//! Checks a loaded catalog and resolves it: every reference resolves, every name makes valid
//! and distinct Rust, every example matches its body format, every source table can be
//! rebuilt. All problems are collected, not just the first; a catalog without any becomes a
//! [`resolved::Catalog`], the only input the renderers accept.

mod build;
mod entries;
mod examples;
mod naming;
mod recovery;
mod tables;

use crate::diagnostic::{Code, Diagnostic};
use crate::load::{Loaded, LoadedApi};
use crate::model::{Api, Traced};
use crate::resolved::{self, Table};
use std::collections::{BTreeMap, BTreeSet};

/// Type names the generated module defines itself (`Error` is its `ApiError` alias), or that the
/// models other languages generate from the schemas take (datamodel-code-generator's pydantic
/// models import `Field`, `BaseModel` and `RootModel`, and rename a definition of that name):
/// catalog types may not take them.
/// (`KnownHttpStatus` and `UnknownHttpStatus` are the JSON Schema's halves of `HttpStatus`.)
pub const RESERVED_TYPE_NAMES: &[&str] = &[
    "Error",
    "ErrorResponse",
    "HttpStatus",
    "KnownHttpStatus",
    "UnknownHttpStatus",
    "Field",
    "BaseModel",
    "RootModel",
];
/// The variant that holds values the catalog does not know.
pub const UNKNOWN_VARIANT: &str = "Unknown";
/// Variant names that the generated enums' associated items already take.
pub const RESERVED_VARIANTS: &[&str] = &[UNKNOWN_VARIANT, "ALL"];
/// Constants the generated `headers` module defines beside one per header.
pub const RESERVED_CONSTANTS: &[&str] = &["RETRY_AFTER_FORMATS", "DEFAULT_RETRY_AFTER"];
/// Cargo features the generated crate has besides one per API (named after its id): `default`,
/// which turns on every API, and `http`, written by hand beside the generated ones.
pub const RESERVED_API_IDS: &[&str] = &["default", "http"];
/// The longest API id: it names the module and the output files (`schemas/<id>.schema.json`),
/// and a file name of more than 255 bytes cannot be written on common file systems, which
/// `generate` would find only half-way through writing.
pub const MAX_API_ID_LEN: usize = 64;

/// Validates and resolves the whole catalog, or returns every problem found.
pub fn validate(loaded: Loaded) -> Result<resolved::Catalog, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut seen_ids: BTreeMap<String, String> = BTreeMap::new();
    let mut checked = Vec::new();
    for loaded_api in loaded.apis {
        let LoadedApi { api, file, source_map } = loaded_api;
        let mut checker = Checker { api: &api, file: &file, errors: Vec::new(), derived: Derived::default() };
        if let Some(first) = seen_ids.insert(api.id.clone(), file.clone()) {
            checker.error(
                Code::Duplicate,
                "id",
                format!("API id `{}` is already used by {first}", api.id),
                "every API needs its own id",
            );
        }
        checker.check();
        let Checker { errors: found, derived, .. } = checker;
        if found.is_empty() {
            checked.push((api, file, source_map, derived));
        } else {
            errors.extend(found.into_iter().map(|d| d.located(&source_map)));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let apis = checked
        .into_iter()
        .map(|(api, file, source_map, derived)| build::build(api, file, source_map, derived))
        .collect();
    Ok(resolved::Catalog { dir: loaded.dir, apis })
}

/// What the checks work out on their way, kept for the resolved model (by index, in catalog
/// order); complete whenever the checks found nothing.
#[derive(Debug, Default)]
struct Derived {
    status_variants: Vec<Option<String>>,
    value_variants: Vec<Vec<Option<String>>>,
    field_names: Vec<Vec<Option<String>>>,
    header_constants: Vec<Option<String>>,
    example_names: Vec<Option<String>>,
    case_names: Vec<Option<String>>,
    /// Per section: its table, rebuilt.
    tables: Vec<Option<Table>>,
    /// Each wire string's (vocabulary, value) indices, once a check needs them.
    values_by_wire: Option<std::collections::HashMap<String, Vec<(usize, usize)>>>,
}

struct Checker<'a> {
    api: &'a Api,
    file: &'a str,
    errors: Vec<Diagnostic>,
    derived: Derived,
}

impl<'a> Checker<'a> {
    fn error(&mut self, code: Code, path: impl Into<String>, message: impl Into<String>, help: impl Into<String>) {
        self.errors.push(Diagnostic::at_path(code, self.file, path, message).with_help(help));
    }

    fn check(&mut self) {
        self.check_api();
        self.check_sections();
        self.check_statuses();
        self.check_vocabularies();
        self.check_bodies();
        self.check_unions();
        self.check_headers();
        self.check_field_roles();
        self.check_recovery();
        self.check_examples();
        self.check_cases();
        self.check_decisions();
        self.check_inconsistencies();
    }

    fn check_api(&mut self) {
        let api = self.api;
        let valid = api.id.starts_with(|c: char| c.is_ascii_lowercase())
            && api.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            self.error(
                Code::InvalidName,
                "id",
                format!("API id `{}` is not a lower-case identifier", api.id),
                "use lower-case ASCII letters, digits and `_`, starting with a letter (e.g. `myapi`)",
            );
        }
        if valid && RESERVED_API_IDS.contains(&api.id.as_str()) {
            self.error(
                Code::ReservedName,
                "id",
                format!("API id `{}` names a cargo feature the generated crate has besides the APIs' own", api.id),
                format!(
                    "choose another id: each API's module is behind a feature named after its id, and {} are taken",
                    crate::render::text::listed(
                        &RESERVED_API_IDS.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>()
                    )
                ),
            );
        }
        if valid && api.id.len() > MAX_API_ID_LEN {
            self.error(
                Code::InvalidName,
                "id",
                format!(
                    "API id `{}` has {} characters; an id names files, so it may have at most {MAX_API_ID_LEN}",
                    api.id,
                    api.id.len()
                ),
                "shorten it: the id is the module's and the files' name, not the API's full name",
            );
        }
        if api.name.trim().is_empty() {
            self.error(
                Code::EmptyName,
                "name",
                "the API name is empty",
                "write the name as the API's documentation spells it",
            );
        }
    }

    /// Checks that `name` is non-empty and unique among `seen`, reporting at `path`.
    /// Returns false when it reported a problem.
    fn unique<'s>(&mut self, seen: &mut BTreeSet<&'s str>, name: &'s str, path: &str, what: &str) -> bool {
        if name.trim().is_empty() {
            self.error(Code::EmptyName, path, format!("{what} is empty"), format!("write a non-empty {what}"));
            false
        } else if !seen.insert(name) {
            self.error(
                Code::Duplicate,
                path,
                format!("{what} `{name}` is defined twice"),
                format!("each {what} must be unique; remove or rename one"),
            );
            false
        } else {
            true
        }
    }

    /// `path` names the key holding the section id.
    fn check_section(&mut self, path: &str, source: &str) {
        if self.api.section(source).is_none() {
            let ids: Vec<&str> = self.api.sections.iter().map(|s| s.id.as_str()).collect();
            self.error(
                Code::UnknownReference,
                path,
                format!("unknown section `{source}`"),
                format!("use one of the ids under `sections:` ({})", ids.join(", ")),
            );
        }
    }

    fn check_status_ref(&mut self, path: &str, code: u16) {
        if self.api.status(code).is_none() {
            self.error(
                Code::UnknownReference,
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
                let help = format!("use one of: {}", allowed.join(", "));
                self.error(Code::NotAFact, at, format!("`{fact}` is not a fact of this entry"), help);
            } else if !has(fact) {
                self.error(
                    Code::InferredAbsent,
                    at,
                    format!("`{fact}` is marked inferred but the entry does not state it"),
                    "remove it from `inferred` or add the fact",
                );
            }
        }
        for (i, id) in entry.inconsistencies().iter().enumerate() {
            if !self.api.inconsistencies.iter().any(|x| &x.id == id) {
                self.error(
                    Code::UnknownReference,
                    format!("{path}.inconsistencies[{i}]"),
                    format!("unknown inconsistency `{id}`"),
                    "use an id defined under `inconsistencies:`",
                );
            }
        }
    }

    /// One document needs no id; several each need a distinct one, and every section names its
    /// own. A local copy is a relative path, read by tests next to the catalog file.
    fn check_documents(&mut self) {
        let documents = &self.api.source.0;
        if documents.is_empty() {
            self.error(
                Code::Empty,
                "source",
                "the list of source documents is empty",
                "describe at least one document",
            );
        }
        let several = documents.len() > 1;
        let mut ids = BTreeSet::new();
        for (i, document) in documents.iter().enumerate() {
            let path = if several { format!("source[{i}]") } else { "source".to_string() };
            match &document.id {
                Some(id) => {
                    self.unique(&mut ids, id, &format!("{path}.id"), "document id");
                }
                None if several => self.error(
                    Code::Empty,
                    path.clone(),
                    "one of several source documents has no `id`",
                    "give each document a short `id`, and name it in the `document` of its sections",
                ),
                None => {}
            }
            if let Some(copy) = &document.local_copy {
                if copy.trim().is_empty() || std::path::Path::new(copy).is_absolute() {
                    self.error(
                        Code::InvalidName,
                        format!("{path}.local_copy"),
                        format!("`{copy}` is not a path relative to the catalog file"),
                        "write the path from the catalog's directory, e.g. `../docs/errors.md`",
                    );
                }
            }
        }
        let ids: Vec<String> = documents.iter().filter_map(|d| d.id.clone()).collect();
        for (i, section) in self.api.sections.iter().enumerate() {
            let path = format!("sections[{i}].document");
            match &section.document {
                Some(id) if !ids.contains(id) => self.error(
                    Code::UnknownReference,
                    path,
                    format!("no source document has the id `{id}`"),
                    format!("use one of the ids under `source:` ({})", ids.join(", ")),
                ),
                None if several => self.error(
                    Code::UnknownReference,
                    format!("sections[{i}]"),
                    "the section does not say which source document it belongs to",
                    format!("add `document:` with one of the ids under `source:` ({})", ids.join(", ")),
                ),
                _ => {}
            }
        }
    }

    fn check_sections(&mut self) {
        self.check_documents();
        let api = self.api;
        let mut ids = BTreeSet::new();
        for (i, section) in api.sections.iter().enumerate() {
            let path = format!("sections[{i}]");
            self.unique(&mut ids, &section.id, &format!("{path}.id"), "section id");
            if section.heading.is_empty() || section.heading.iter().any(|h| h.trim().is_empty()) {
                self.error(
                    Code::BadHeading,
                    format!("{path}.heading"),
                    "the heading path is empty or has an empty part",
                    "list the headings from the outermost down, e.g. [HTTP Status Codes, Success Codes]",
                );
            }
            let table = section.table.as_ref().and_then(|table| self.check_table(&path, section, table));
            self.derived.tables.push(table);
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
                    Code::Empty,
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
