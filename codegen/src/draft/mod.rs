//! A first catalog for an API, drafted from its error page ([`crate::page`]): one section per
//! heading; each table rebuilt as a source table (statuses, a vocabulary, or a body's fields);
//! each JSON code block an example, with the status and headers of an `http` block just before
//! it; body shapes from the field tables and the examples; the headers the page names. Every
//! entry is traced to its section, everything guessed is marked `inferred`, and what could not
//! be placed is listed for the maintainer at the top of the file.
//!
//! The drafter builds the catalog's own model ([`crate::model`]) and writes it as the loader
//! reads it, so a misspelt key cannot get past the compiler. Each job is a module: `cells`
//! reads table cells, `tables` rebuilds tables, `examples` takes examples and headers,
//! `outlines` the bodies a page outlines rather than shows, `bodies` grows and types body
//! shapes, `prose` takes the statuses and codes sentences name, `recovery` drafts rules from the
//! page's advice, `names` makes ids and type names; this module drives them and checks the
//! result.
//!
//! The draft is checked before it is returned: it must load and validate, and each table it
//! keeps must rebuild cell for cell (a table that would not is left out, and listed).

mod bodies;
mod cells;
mod examples;
mod names;
mod outlines;
mod prose;
mod recovery;
mod tables;

use crate::model::{self, FieldType, SourceDocument, SourceDocuments, SourceTable, TableRows};
use crate::page::{Page, PageTable};
use std::collections::{BTreeMap, BTreeSet};

/// A drafted catalog file.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The catalog, as YAML text with a comment header.
    pub yaml: String,
    /// What the draft could not place, one line each (also in the file's header).
    pub unplaced: Vec<String>,
}

/// Why no draft could be made.
#[derive(Debug, Clone)]
pub enum DraftError {
    /// The id is not a catalog id.
    BadId(String),
    /// The page shows no body (neither a field table nor a JSON example), and names no status or
    /// lists codes no body carries.
    NoBody,
    /// The draft does not validate (a bug in the drafter for this page): the diagnostics.
    Invalid(Vec<crate::Diagnostic>),
}

impl std::fmt::Display for DraftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::BadId(id) => write!(
                f,
                "`{id}` is not a catalog id: use lower-case ASCII letters, digits and `_`, starting with a letter"
            ),
            Self::NoBody => f.write_str(
                "the page shows no error body (no table of fields and no JSON example), and no statuses \
                 alone to draft, or codes no body would carry",
            ),
            Self::Invalid(diagnostics) => write!(
                f,
                "the draft does not validate; please report it with the page:\n{}",
                crate::diagnostic::report(diagnostics)
            ),
        }
    }
}

/// Drafts the catalog `id` from `page`. `local_copy` is the page's path from the catalog's
/// directory, recorded so that the source-fidelity test and `drift` can find it.
pub fn draft(page: &Page, id: &str, local_copy: Option<&str>) -> Result<Draft, DraftError> {
    let valid_id = id.starts_with(|c: char| c.is_ascii_lowercase())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !valid_id {
        return Err(DraftError::BadId(id.to_string()));
    }
    let mut drafter = Drafter::new(page, id, local_copy);
    drafter.tables();
    drafter.families_of_other_tables();
    drafter.field_lists();
    // What the prose says of the members the tables list, before the examples are fitted to
    // them (CAIL Health's "treat both as optional", of `error`, which a later example lacks);
    // again once the examples have added theirs.
    drafter.prose_requirements();
    drafter.statuses_closing_descriptions();
    drafter.heading_codes();
    drafter.list_codes();
    drafter.examples();
    drafter.outlined_blocks();
    drafter.members_sent_beside();
    drafter.statuses_in_bodies();
    drafter.text_vocabulary();
    drafter.codes_sent_as_text();
    drafter.namespaced_codes();
    drafter.example_vocabularies();
    drafter.status_table_codes();
    drafter.possible_values();
    drafter.prose();
    drafter.statuses_of_sections();
    drafter.prose_members();
    drafter.term_members();
    drafter.model_lists();
    drafter.prose_body();
    drafter.prose_requirements();
    drafter.prose_types();
    drafter.members_outlined_in_prose();
    drafter.commented_requirements();
    drafter.members_some_codes_name();
    drafter.prose_descriptions();
    drafter.prose_headers();
    drafter.header_code_vocabulary();
    drafter.sample_codes();
    // A page that shows no body drafts a catalog of statuses and headers alone (Trakt's), unless
    // it lists codes, which no member would carry, or names no status either.
    let codes_unsent =
        drafter.vocabularies.iter().any(|v| !drafter.headers.iter().any(|h| h.vocabulary.as_ref() == Some(&v.name)));
    if drafter.bodies.is_empty() && (drafter.statuses.is_empty() || codes_unsent) {
        return Err(DraftError::NoBody);
    }
    // Tables that do not rebuild cell for cell are left out, then the rest is checked again.
    loop {
        let text = drafter.yaml();
        let api = crate::load::parse_api(&format!("spec/{id}.yaml"), &text).map_err(DraftError::Invalid)?;
        let section_ids: Vec<String> = api.api.sections.iter().map(|s| s.id.clone()).collect();
        let catalog = match crate::validate::validate(crate::load::Loaded { dir: "spec".into(), apis: vec![api] }) {
            Ok(catalog) => catalog,
            // A table drafted from a reading that does not validate is left out, saying why, and
            // the rest checked again; any other problem is the drafter's, and reported.
            Err(diagnostics) => {
                let failing = drafter.tables_at_fault(&diagnostics, &section_ids);
                if failing.is_empty() {
                    return Err(DraftError::Invalid(diagnostics));
                }
                for (at, message) in failing {
                    drafter.drop_table(at, &format!("would not validate as drafted ({message})"));
                }
                continue;
            }
        };
        let api = &catalog.apis()[0];
        let mismatched: Vec<TableAt> = drafter
            .section_tables
            .iter()
            .filter_map(|(&at, table)| {
                let id = drafter.table_section_id(at);
                let rebuilt = api.sections.iter().find(|s| s.id == id)?.table.as_ref()?;
                let same = rebuilt.headers == table.header && rebuilt.rows == table.rows;
                (!same).then_some(at)
            })
            .collect();
        if mismatched.is_empty() {
            return Ok(Draft { yaml: text, unplaced: drafter.unplaced });
        }
        for index in mismatched {
            if !drafter.list_members_by_path(index) {
                drafter.drop_table(index, "would not rebuild cell for cell");
            }
        }
    }
}

/// Whether the shape `body` has a member at `path` (`error.details[].field`), through the
/// objects its members hold and the elements of its lists.
fn holds_path(bodies: &[model::Shape], body: &str, path: &str) -> bool {
    let mut shape = Some(body);
    let mut keys = path.split('.').peekable();
    while let Some(key) = keys.next() {
        let Some(field) = bodies
            .iter()
            .find(|b| Some(b.name.as_str()) == shape)
            .and_then(|b| b.fields.iter().find(|f| f.name == key.trim_end_matches("[]")))
        else {
            return false;
        };
        shape = match field.ty.values() {
            FieldType::Object(inner) => Some(inner.as_str()),
            _ => None,
        };
        if keys.peek().is_some() && shape.is_none() {
            return false;
        }
    }
    true
}

/// The table a vocabulary was first drafted from.
struct VocabularyTable {
    /// Its columns' headers.
    columns: Vec<String>,
    /// Which column holds the codes.
    key: usize,
    /// The headings of its section, where they named the vocabulary (and not its key column).
    named_by: Option<Vec<String>>,
}

/// The id of the catalog section for the page's words in section `source` beside a table that
/// lists the entries they use (on a page of one section, a status named in a sentence).
pub(super) fn prose_section_id(source: &str) -> String {
    format!("{source}-prose")
}

/// Every line of the page's prose.
fn prose_lines(page: &Page) -> impl Iterator<Item = &str> {
    page.sections.iter().flat_map(|section| &section.prose).map(String::as_str)
}

/// The members a table of members describes as the HTTP status (`code | integer | The HTTP
/// status.`): the first cell of each row another cell of which says only that.
fn described_as_the_status(page: &Page) -> Vec<String> {
    let is_the_status = |cell: &String| {
        let said = cell.trim().trim_end_matches('.').to_lowercase();
        let said = said.strip_prefix("the ").unwrap_or(&said);
        ["http status", "http status code", "http response status", "response's http status"].contains(&said)
    };
    let rows = page.sections.iter().flat_map(|s| &s.tables).flat_map(|t| &t.rows);
    rows.filter(|row| row.iter().skip(1).any(is_the_status))
        .map(|row| crate::page::unquoted(row[0].trim().trim_matches('`')).to_string())
        .collect()
}

/// The code spans of the `lines` (or clauses) that `says`: the members the page says it of.
fn named_where<'l>(lines: impl Iterator<Item = &'l str>, says: impl Fn(&str) -> bool) -> BTreeSet<String> {
    lines.filter(|line| says(line)).flat_map(|line| crate::page::code_spans(line).map(str::to_string)).collect()
}

/// Statuses whose reason phrase another's shares (DeepL's 529 `Too Many Requests`, beside 429):
/// each after the first gets a variant of its own, the phrase's and its code.
fn named_apart(mut statuses: Vec<model::Status>) -> Vec<model::Status> {
    let mut taken: BTreeMap<String, u16> = BTreeMap::new();
    for status in &mut statuses {
        let Some(variant) = status.reason_phrase().and_then(crate::names::pascal_case) else { continue };
        if let Some(other) = taken.get(&variant) {
            status.notes.push(format!("`variant` tells it from status {other}, whose reason phrase it shares."));
            status.variant = Some(format!("{variant}{}", status.code));
        } else {
            taken.insert(variant, status.code);
        }
    }
    statuses
}

/// The names of `from` and of every shape they hold, at any depth (through lists and maps).
fn shapes_held<'a>(bodies: &'a [model::Shape], from: impl Iterator<Item = &'a model::Shape>) -> BTreeSet<String> {
    fn held(ty: &FieldType, out: &mut Vec<String>) {
        match ty {
            FieldType::Object(name) => out.push(name.clone()),
            FieldType::Array(inner) | FieldType::Map(inner) => held(inner, out),
            _ => {}
        }
    }
    let mut kept: BTreeSet<String> = BTreeSet::new();
    let mut pending: Vec<String> = from.map(|shape| shape.name.clone()).collect();
    while let Some(name) = pending.pop() {
        if !kept.insert(name.clone()) {
            continue;
        }
        for field in bodies.iter().filter(|b| b.name == name).flat_map(|b| &b.fields) {
            held(&field.ty, &mut pending);
        }
    }
    kept
}

/// The bodies with the roots whose members may all be left out after the other roots: such a
/// body fits every body, so decoding tries it last (E0507).
fn hidden_formats_last(bodies: Vec<model::Shape>) -> Vec<model::Shape> {
    let open = |shape: &model::Shape| {
        shape.root
            && !shape
                .fields
                .iter()
                .any(|f| model::must_be_present(f.required, f.nullable, f.ty == model::FieldType::Any))
    };
    let (last, first): (Vec<_>, Vec<_>) = bodies.into_iter().partition(open);
    first.into_iter().chain(last).collect()
}

/// Where a table is: its page section's index, and its place among the section's tables. The
/// first table of a section is rebuilt by the section's own catalog section; each later one by
/// a catalog section of its own, with the same heading, right after it.
type TableAt = (usize, usize);

/// The draft under construction: the catalog's entries, in catalog order.
struct Drafter<'p> {
    page: &'p Page,
    id: String,
    local_copy: Option<String>,
    /// Per page section (same index): its catalog id.
    section_ids: Vec<String>,
    /// The page's tables the draft keeps, by where they are.
    section_tables: BTreeMap<TableAt, PageTable>,
    /// How the catalog rebuilds each of them.
    table_specs: BTreeMap<TableAt, SourceTable>,
    statuses: Vec<model::Status>,
    /// Statuses the page uses without describing them (a code's status): a table of statuses
    /// read later describes them, and its rows replace them.
    undescribed_statuses: BTreeSet<u16>,
    status_classes: Vec<model::StatusClassEntry>,
    vocabularies: Vec<model::Vocabulary>,
    /// Per vocabulary from a table, that table (to type the member named like its code column,
    /// and to tell a table of more of its codes).
    vocabulary_tables: BTreeMap<String, VocabularyTable>,
    /// The vocabularies of codes the page names in its headings, one a heading: listed as a
    /// table's are.
    heading_vocabularies: BTreeSet<String>,
    bodies: Vec<model::Shape>,
    /// The bodies (by index) that examples built, member by member, from nothing: their first
    /// example's members are required until an example lacks one.
    built_from_examples: BTreeSet<usize>,
    /// Envelopes made for an example (`{"error": {...}, "meta": {...}}`) that no example has
    /// grown yet: their first example's other members are required, as a new body's are.
    new_envelopes: BTreeSet<usize>,
    /// Members (body index, name) of field tables without a `Type` column: the first example
    /// to send one gives its type.
    untyped: BTreeSet<(usize, String)>,
    /// The page's JSON bodies, each with its response's status where the page gives one: read
    /// once, for the readings that look at every example before the examples are drafted.
    page_bodies: Vec<(Option<u16>, serde_json::Value)>,
    /// The texts in code style those bodies send, at any depth (`insufficient_balance`). Read
    /// once.
    texts_sent: BTreeSet<String>,
    /// Members a line of prose names in a code span and says are keyed by the request's data
    /// ("the fields at fault in `errors`, keyed by field name"): maps, whatever members the
    /// examples show. Read once, when the drafter starts.
    keyed_by_data: BTreeSet<String>,
    /// Members a line of prose names in a code span and says to wait for ("wait
    /// `estimated_time` seconds"): a number among them holds the wait. Read once.
    waits_said: BTreeSet<String>,
    /// Members the prose says to branch on ("an `error_code` to branch on"): the code, before
    /// any other member named like one. Read once.
    branched_on: BTreeSet<String>,
    /// The members the prose says to give support (see [`bodies::given_to_support`]).
    given_to_support: BTreeSet<String>,
    /// Everything the prose names in a code span: a lone list the prose names (Supabase's
    /// `reasons`) is a member, not a key of the request's data. Read once.
    spanned_in_prose: BTreeSet<String>,
    /// Members a clause of the prose names in a code span and says hold the HTTP status
    /// ("`code` repeats the HTTP status"). Read once.
    statuses_said: BTreeSet<String>,
    /// Members a field table describes before any example shows them, to the shape the table
    /// made for them: an example that sends one grows that shape.
    described_members: BTreeMap<String, String>,
    /// Those of them an example sent empty (`{}`, `[]`) before any sent members.
    /// (With whether it was sent as `{}` rather than `[]`.)
    sent_empty: BTreeMap<(usize, String), bool>,
    /// Members (body index, name) the examples have sent only as `null` so far: the first value
    /// gives the type; none, and the member holds any JSON value.
    null_only: BTreeSet<(usize, String)>,
    headers: Vec<model::Header>,
    examples: Vec<model::Example>,
    /// What the page says in two ways: recorded for the maintainer, and for `lint`.
    inconsistencies: Vec<model::Inconsistency>,
    unplaced: Vec<String>,
}

impl<'p> Drafter<'p> {
    fn new(page: &'p Page, id: &str, local_copy: Option<&str>) -> Self {
        let mut drafter = Drafter {
            page,
            id: id.to_string(),
            local_copy: local_copy.map(str::to_string),
            section_ids: names::section_ids(page),
            section_tables: BTreeMap::new(),
            table_specs: BTreeMap::new(),
            statuses: Vec::new(),
            undescribed_statuses: BTreeSet::new(),
            status_classes: Vec::new(),
            vocabularies: Vec::new(),
            vocabulary_tables: BTreeMap::new(),
            heading_vocabularies: BTreeSet::new(),
            bodies: Vec::new(),
            built_from_examples: BTreeSet::new(),
            new_envelopes: BTreeSet::new(),
            untyped: BTreeSet::new(),
            page_bodies: page
                .sections
                .iter()
                .flat_map(|section| section.json_responses())
                .filter_map(|(response, block)| Some((response.status, block.json().ok()?)))
                .collect(),
            texts_sent: BTreeSet::new(),
            keyed_by_data: prose_lines(page).flat_map(tables::said_keyed_by_data).map(str::to_string).collect(),
            waits_said: named_where(prose_lines(page), bodies::says_to_wait),
            spanned_in_prose: named_where(prose_lines(page), |_| true),
            branched_on: prose_lines(page).flat_map(bodies::branched_on).collect(),
            given_to_support: prose_lines(page).flat_map(bodies::given_to_support).collect(),
            statuses_said: named_where(
                prose_lines(page).flat_map(|line| line.split(['.', ';'])),
                examples::says_it_is_the_status,
            )
            .into_iter()
            .chain(described_as_the_status(page))
            .collect(),
            described_members: BTreeMap::new(),
            null_only: BTreeSet::new(),
            sent_empty: BTreeMap::new(),
            headers: Vec::new(),
            examples: Vec::new(),
            inconsistencies: Vec::new(),
            unplaced: Vec::new(),
        };
        drafter.texts_sent = tables::texts_sent(&drafter.page_bodies);
        drafter
    }

    /// The header of the code column of the table a vocabulary comes from, if it does.
    fn code_column(&self, vocabulary: &str) -> Option<&str> {
        self.vocabulary_tables.get(vocabulary).map(|table| table.columns[table.key].as_str())
    }

    fn section_title(&self, index: usize) -> String {
        self.page.sections[index].heading.join(" › ")
    }

    /// A status, unless the draft has it already; a code without a standard reason phrase gets
    /// a placeholder one.
    fn add_status(&mut self, mut status: model::Status) {
        if self.statuses.iter().any(|s| s.code == status.code) {
            return;
        }
        if crate::model::standard_reason(status.code).is_none() && status.reason.is_none() {
            status.reason = Some(format!("Status {}", status.code));
        }
        self.statuses.push(status);
    }

    /// A status a table of statuses lists: it replaces one the page had only used so far, and
    /// takes its place among the table's rows.
    fn add_listed_status(&mut self, status: model::Status) {
        if self.undescribed_statuses.remove(&status.code) {
            self.statuses.retain(|s| s.code != status.code);
        }
        self.add_status(status);
    }

    /// Where to trace an entry that `source` uses but does not list: `source`, unless one of
    /// its tables lists such entries (the entry would become a row the page does not have);
    /// then the first section none of whose tables do, else a catalog section of its own under
    /// `source`'s heading (`<source>-prose`, for the page's words beside the table). The second
    /// value says whether it moved.
    fn free_source(&self, source: &str, lists: impl Fn(&TableRows) -> bool) -> (String, bool) {
        self.unlisting_source(source, lists).unwrap_or_else(|| (prose_section_id(source), true))
    }

    /// [`Drafter::free_source`], `None` where every section lists such entries.
    fn unlisting_source(&self, source: &str, lists: impl Fn(&TableRows) -> bool) -> Option<(String, bool)> {
        let listing: BTreeSet<String> = self
            .table_specs
            .iter()
            .filter(|(_, spec)| lists(&spec.rows))
            .map(|(&at, _)| self.table_section_id(at))
            .collect();
        if !listing.contains(source) {
            return Some((source.to_string(), false));
        }
        self.section_ids.iter().find(|id| !listing.contains(*id)).map(|free| (free.clone(), true))
    }

    /// A status the page uses without listing it.
    pub(super) fn ensure_status(&mut self, code: u16, section: &str) {
        let (section, moved) = self.free_source(section, |rows| *rows == TableRows::Statuses);
        let seen = if moved { " (in a section whose table does not list it)" } else { "" };
        if self.statuses.iter().any(|s| s.code == code) {
            return;
        }
        self.add_status(model::Status {
            code,
            description: format!("Status {code}, which the page uses without describing{seen}"),
            source: section,
            inferred: vec!["description".into()],
            ..model::Status::default()
        });
        self.undescribed_statuses.insert(code);
    }

    /// The id of the catalog section that rebuilds the table at `at`: the page section's for
    /// its first table, `<id>-table-<n>` for the n-th.
    fn table_section_id(&self, (index, nth): TableAt) -> String {
        match nth {
            0 => self.section_ids[index].clone(),
            _ => format!("{}-table-{}", self.section_ids[index], nth + 1),
        }
    }

    /// A body's table that names its members by path (`error.details`) and would rebuild more
    /// rows than the page's, members the examples grew in its section (`error.details[].field`):
    /// made to list the page's members (`entries`). Whether it was.
    fn list_members_by_path(&mut self, at: TableAt) -> bool {
        let (Some(spec), Some(table)) = (self.table_specs.get_mut(&at), self.section_tables.get(&at)) else {
            return false;
        };
        let TableRows::Body(body) = &spec.rows else { return false };
        if !spec.columns[0].cell.contains("{path") || spec.entries.is_some() {
            return false;
        }
        let paths: Vec<String> = table.rows.iter().map(|row| cells::strip_code(&row[0])).collect();
        if !paths.iter().all(|path| holds_path(&self.bodies, body, path)) {
            return false;
        }
        spec.entries = Some(paths);
        true
    }

    /// Leaves out the table at `at`, which `why` (`would not rebuild cell for cell`).
    fn drop_table(&mut self, at: TableAt, why: &str) {
        self.table_specs.remove(&at);
        if let Some(table) = self.section_tables.remove(&at) {
            let unplaced = format!(
                "{}: the table ({}) {why}, so the catalog keeps no table for it",
                self.section_title(at.0),
                table.header.join(", ")
            );
            self.leave_table_out(at.0, &table.header, unplaced);
        }
    }

    /// A table the catalog keeps no rebuilding of: listed as not placed, and recorded (its
    /// header quoted) so that the checks against the page pass it by.
    fn leave_table_out(&mut self, index: usize, header: &[String], unplaced: String) {
        let id = self.fresh_inconsistency_id("table-left-out");
        self.inconsistencies.push(model::Inconsistency {
            id,
            kind: model::InconsistencyKind::LeftOut,
            summary: format!(
                "The table under {} ({}) holds nothing the catalog can rebuild.",
                self.section_title(index),
                header.join(", ")
            ),
            statements: vec![model::Statement {
                section: self.section_ids[index].clone(),
                says: model::table_quote(header),
            }],
            resolution: "Left out of the catalog: checks against the page pass it by.".into(),
        });
        self.unplaced.push(unplaced);
    }

    /// The tables kept so far that `diagnostics` are about (at `sections[i].table`, of the
    /// sections `section_ids` lists), each with the first message about it.
    fn tables_at_fault(&self, diagnostics: &[crate::Diagnostic], section_ids: &[String]) -> Vec<(TableAt, String)> {
        let mut found: Vec<(TableAt, String)> = Vec::new();
        for diagnostic in diagnostics {
            let Some(path) = diagnostic.path.as_deref() else { continue };
            let Some((index, rest)) = path.strip_prefix("sections[").and_then(|rest| rest.split_once(']')) else {
                continue;
            };
            let Some(id) = index.parse::<usize>().ok().and_then(|i| section_ids.get(i)) else { continue };
            let kept = self.table_specs.keys().find(|&&at| &self.table_section_id(at) == id);
            if let Some(&at) = kept.filter(|_| rest.starts_with(".table")) {
                if !found.iter().any(|(seen, _)| *seen == at) {
                    found.push((at, diagnostic.message.clone()));
                }
            }
        }
        found
    }

    /// The catalog as drafted so far.
    fn catalog(&self) -> model::Api {
        let page = self.page;
        let bodies = hidden_formats_last(self.typed_bodies());
        // A shape an example made for a member that later came as another JSON type (`{}`,
        // then a list: any value) is reached by no body; one a table lists stays, for its table.
        let tabled: BTreeSet<&str> = (self.table_specs.values())
            .filter_map(|table| match &table.rows {
                TableRows::Body(name) => Some(name.as_str()),
                _ => None,
            })
            .collect();
        let kept = shapes_held(&bodies, bodies.iter().filter(|b| b.root || tabled.contains(b.name.as_str())));
        let mut bodies: Vec<model::Shape> = bodies.into_iter().filter(|b| kept.contains(&b.name)).collect();
        // A member named by symbols alone (MediaWiki's `*`) gets a Rust name of their words.
        for field in bodies.iter_mut().flat_map(|b| &mut b.fields) {
            if field.rust_name.is_none() && !field.name.bytes().any(|b| b.is_ascii_alphanumeric()) {
                field.rust_name = Some(names::symbol_words(&field.name));
            }
        }
        let recovery = self.recovery(&bodies);
        let title = page.title.clone().unwrap_or_else(|| "Errors".to_string());
        let summary = page
            .sections
            .first()
            .and_then(|s| s.prose.first())
            .cloned()
            .unwrap_or_else(|| format!("Drafted from the page \"{title}\"."));
        let source = SourceDocument {
            title: title.clone(),
            url: page.urls.first().cloned(),
            local_copy: self.local_copy.clone(),
            content_hash: Some(page.content_hash.clone()),
            notes: vec![
                "Drafted by `cargo xtask draft` from the page; every fact marked inferred is a guess to check.".into(),
            ],
            ..SourceDocument::default()
        };
        // The sections of the page's words beside a table that lists their entries, where an
        // entry is traced to one.
        let traced: BTreeSet<&str> = (self.statuses.iter().map(|s| s.source.as_str()))
            .chain(self.status_classes.iter().map(|c| c.source.as_str()))
            .chain(self.vocabularies.iter().flat_map(|v| &v.values).map(|x| x.source.as_str()))
            .chain(self.headers.iter().map(|h| h.source.as_str()))
            .chain(self.bodies.iter().flat_map(|b| &b.fields).map(|f| f.source.as_str()))
            .collect();
        let mut sections = Vec::new();
        for (i, section) in page.sections.iter().enumerate() {
            let heading = if section.heading.is_empty() { vec![title.clone()] } else { section.heading.clone() };
            sections.push(model::Section {
                id: self.section_ids[i].clone(),
                heading: heading.clone(),
                table: self.table_specs.get(&(i, 0)).cloned(),
                ..model::Section::default()
            });
            for (&(_, nth), table) in self.table_specs.range((i, 1)..(i + 1, 0)) {
                sections.push(model::Section {
                    id: self.table_section_id((i, nth)),
                    heading: heading.clone(),
                    table: Some(table.clone()),
                    ..model::Section::default()
                });
            }
            let prose = prose_section_id(&self.section_ids[i]);
            if traced.contains(prose.as_str()) {
                sections.push(model::Section { id: prose, heading: heading.clone(), ..model::Section::default() });
            }
        }
        model::Api {
            id: self.id.clone(),
            name: names::name_from_id(&self.id),
            summary,
            source: SourceDocuments(vec![source]),
            sections,
            statuses: named_apart(self.statuses.clone()),
            status_classes: self.status_classes.clone(),
            vocabularies: (bodies::with_family_values(self.vocabularies.clone(), &bodies, &self.examples).into_iter())
                .map(names::with_free_variants)
                .collect(),
            bodies,
            unions: Vec::new(),
            headers: self.headers.clone(),
            recovery,
            examples: self.examples.clone(),
            cases: Vec::new(),
            inconsistencies: self.inconsistencies.clone(),
        }
    }

    /// The catalog as YAML: a header naming what could not be placed, then the entries.
    fn yaml(&self) -> String {
        let title = self.page.title.as_deref().unwrap_or("Errors");
        let mut text = String::from("# yaml-language-server: $schema=catalog.schema.json\n");
        text.push_str(&format!(
            "# Drafted by `cargo xtask draft` from \"{title}\". Check every `inferred` fact, name the API,\n\
             # describe its recovery, and run `cargo xtask generate`.\n"
        ));
        if self.unplaced.is_empty() {
            text.push_str("# Everything on the page was placed.\n");
        } else {
            text.push_str("# Not placed (for the maintainer):\n");
            for line in &self.unplaced {
                text.push_str(&format!("# - {}\n", line.replace('\n', " ")));
            }
        }
        let value = serde_json::to_value(self.catalog()).expect("the catalog model serializes to JSON");
        text.push_str(&crate::render::yaml::to_yaml(&value));
        text
    }
}

#[cfg(test)]
mod tests {
    use super::Drafter;
    use crate::diagnostic::{Code, Diagnostic};

    #[test]
    fn a_diagnostic_about_a_section_s_table_names_the_table_drafted_there() {
        let page = crate::page::parse_page(
            "# Errors\n\n## Statuses\n\n| Code | Meaning |\n| --- | --- |\n| 400 | Bad request |\n\n\
             ## Codes\n\n| Code | Meaning |\n| --- | --- |\n| `bad` | Bad input |\n",
        );
        let mut drafter = Drafter::new(&page, "drafted", None);
        drafter.tables();
        let section_ids: Vec<String> = drafter.catalog().sections.iter().map(|s| s.id.clone()).collect();
        let at = |i: usize, rest: &str| {
            Diagnostic::at_path(Code::EmptyTable, "spec/x.yaml", format!("sections[{i}]{rest}"), "empty")
        };
        let codes = section_ids.iter().position(|id| id == "codes").expect("the codes' section");
        let found = drafter.tables_at_fault(&[at(codes, ".table.columns[0]"), at(codes, ".table")], &section_ids);
        assert_eq!(found.len(), 1, "one table, named once: {found:?}");
        assert_eq!(drafter.table_section_id(found[0].0), "codes");
        assert!(drafter.tables_at_fault(&[at(codes, ".heading")], &section_ids).is_empty(), "not its table");
        assert!(drafter.tables_at_fault(&[at(0, ".table")], &section_ids).is_empty(), "no table drafted there");
    }
}
