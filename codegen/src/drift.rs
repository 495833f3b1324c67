//! How a catalog and the current version of its page differ: headings renamed, added or
//! removed; table rows added, removed or changed (cell by cell); examples added, removed or
//! changed; statuses and headers the page uses that the catalog lacks; words written like the
//! API's codes that no value of the catalog holds. Entries that record an
//! inconsistency or mark facts inferred are the catalog's own reading, not drift.

use crate::page::{
    code_spans, code_style, header_names, is_extension_header, is_framing_header, status_codes, CodeWriting, Page,
    PageSection,
};
use crate::resolved::{Api, DocumentId};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap, HashSet};

/// One difference, under the section it concerns.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Difference {
    /// The heading path, as the page or the catalog writes it.
    pub section: String,
    pub what: String,
}

/// Everything `drift` found.
#[derive(Debug, Clone, Default)]
pub struct DriftReport {
    /// The document of the catalog compared with the page.
    pub document: String,
    pub differences: Vec<Difference>,
    /// The hash the catalog recorded and the page's, when they differ.
    pub page_changed: Option<(String, String)>,
    /// The catalog records no hash for the document.
    pub no_recorded_hash: bool,
}

impl DriftReport {
    /// Something changed: a difference, or the page's text though nothing it names (a change
    /// that `drift` cannot place is still one a maintainer must read).
    pub fn drifted(&self) -> bool {
        !self.differences.is_empty() || self.page_changed.is_some()
    }

    /// The report as the command prints it: differences by section, then the hash's news.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let mut current = None;
        for difference in &self.differences {
            if current != Some(&difference.section) {
                out.push_str(&format!("{}\n", difference.section));
                current = Some(&difference.section);
            }
            out.push_str(&format!("  - {}\n", difference.what));
        }
        match (&self.page_changed, self.no_recorded_hash) {
            (Some((recorded, now)), _) if self.differences.is_empty() => out.push_str(&format!(
                "the page changed since the catalog was last checked ({recorded}, now {now}), but nothing the catalog \
                 transcribes did: its sections with a table or an example, their rows and examples, and the statuses \
                 and headers it names are as recorded. The change is in prose or in sections without a table or an \
                 example: read them, then record the new `content_hash`.\n"
            )),
            (Some((recorded, now)), _) => {
                out.push_str(&format!("the page changed since the catalog was last checked ({recorded}, now {now})\n"))
            }
            (None, true) => out.push_str("the catalog records no content hash for the page (`content_hash`)\n"),
            (None, false) => {}
        }
        out.push_str(&format!(
            "drift: {} difference(s) between \"{}\" and the page\n",
            self.differences.len(),
            self.document
        ));
        out
    }
}

/// Compares `api` with `page`: the catalog's document whose title the page has, else (a page
/// whose title changed) the one whose sections' headings the page shares most, else its first.
pub fn drift(api: &Api, page: &Page) -> DriftReport {
    let by_title = api.document_ids().find(|(_, d)| page.title.as_deref() == Some(d.title.as_str()));
    let (document, source) = by_title.unwrap_or_else(|| {
        // What the page shares with each document: headings, and example bodies.
        let page_headings: HashSet<&String> = page.sections.iter().filter_map(|s| s.heading.last()).collect();
        let page_bodies: Vec<Value> = page_examples(page).into_iter().map(|(_, _, _, body)| body).collect();
        let shared = |id: DocumentId| {
            let headings = api
                .sections
                .iter()
                .filter(|s| s.document == id && s.heading.last().is_some_and(|h| page_headings.contains(h)))
                .count();
            let examples = api
                .examples
                .iter()
                .filter(|e| api[e.trace.section].document == id && page_bodies.contains(&e.body))
                .count();
            headings + examples
        };
        let mut documents: Vec<_> = api.document_ids().collect();
        // The first of those that share the most (`max_by_key` keeps the last).
        documents.reverse();
        documents.into_iter().max_by_key(|(id, _)| shared(*id)).expect("a catalog has a document")
    });
    let mut report = DriftReport { document: source.title.clone(), ..DriftReport::default() };
    match &source.content_hash {
        Some(recorded) if *recorded != page.content_hash => {
            report.page_changed = Some((recorded.clone(), page.content_hash.clone()));
        }
        Some(_) => {}
        None => report.no_recorded_hash = true,
    }
    let mut out = Vec::new();
    let renamed = headings(api, document, page, &mut out);
    tables(api, document, page, &renamed, &mut out);
    examples(api, document, page, &mut out);
    statuses_and_headers(api, page, &mut out);
    prose_codes(api, page, &mut out);
    outlines(api, page, &mut out);
    out.sort();
    out.dedup();
    report.differences = out;
    report
}

fn title(heading: &[String]) -> String {
    heading.join(" › ")
}

/// Catalog headings the page lacks and page headings the catalog lacks. A catalog heading whose
/// path the page has with one heading's text changed is a rename, reported once at the heading
/// renamed (a parent's rename moves its children with it, silently). Returns the renames
/// (catalog heading, page heading), children included.
fn headings(
    api: &Api,
    document: DocumentId,
    page: &Page,
    out: &mut Vec<Difference>,
) -> Vec<(Vec<String>, Vec<String>)> {
    let ours: Vec<&Vec<String>> = api.sections.iter().filter(|s| s.document == document).map(|s| &s.heading).collect();
    let theirs: Vec<&Vec<String>> = page.sections.iter().map(|s| &s.heading).filter(|h| !h.is_empty()).collect();
    // Sets and one pass over the page's sections, not a search per heading: a page of 50,000
    // headings took 13 s.
    let our_set: HashSet<&Vec<String>> = ours.iter().copied().collect();
    let their_set: HashSet<&Vec<String>> = theirs.iter().copied().collect();
    // Once each: a page section with several tables is several catalog sections of its heading.
    let mut once = HashSet::new();
    let mut missing: Vec<&Vec<String>> =
        ours.iter().copied().filter(|h| !their_set.contains(h) && once.insert(*h)).collect();
    // A heading the page still has, but with fewer tables than the catalog's sections of it
    // rebuild: where a page has a title and a section of one name (`# Errors`, `## Errors`), the
    // section's rename leaves the title's heading. Renamed if a new heading is its twin.
    let mut our_tables: HashMap<&Vec<String>, usize> = HashMap::new();
    for section in api.sections.iter().filter(|s| s.document == document && s.table.is_some()) {
        *our_tables.entry(&section.heading).or_default() += 1;
    }
    let mut their_tables: HashMap<&Vec<String>, usize> = HashMap::new();
    for section in &page.sections {
        *their_tables.entry(&section.heading).or_default() += section.tables.len();
    }
    let emptied: HashSet<&Vec<String>> = our_tables
        .iter()
        .filter(|(h, n)| their_set.contains(*h) && their_tables.get(*h).copied().unwrap_or(0) < **n)
        .map(|(h, _)| *h)
        .collect();
    missing.extend(ours.iter().copied().filter(|h| emptied.contains(h) && once.insert(*h)));
    // A new heading matters when it holds what catalogs transcribe: a table or a JSON example.
    let mut transcribable: HashMap<&Vec<String>, bool> = HashMap::new();
    for section in &page.sections {
        let holds = !section.tables.is_empty() || section.code_blocks.iter().any(|b| b.language == "json");
        *transcribable.entry(&section.heading).or_default() |= holds;
    }
    let mut seen = HashSet::new();
    let new: Vec<&Vec<String>> = theirs.iter().copied().filter(|h| !our_set.contains(h) && seen.insert(*h)).collect();
    // New headings by their path with one part left out, to find a rename's twin in one lookup.
    let mut by_gap: HashMap<(usize, Vec<&String>), Vec<usize>> = HashMap::new();
    for (index, heading) in new.iter().enumerate() {
        for gap in 0..heading.len() {
            by_gap.entry((gap, without(heading, gap))).or_default().push(index);
        }
    }
    // The page's title names the page, not a section a catalog heading could be renamed to;
    // only the catalog's own title section (the document's title) may have been renamed to it.
    let is_title = |heading: &Vec<String>| heading.len() == 1 && page.title.as_ref() == heading.first();
    let our_title = |heading: &Vec<String>| heading.len() == 1 && heading[0] == api[document].title;
    let mut taken = vec![false; new.len()];
    let mut renamed = Vec::new();
    let mut reported = BTreeSet::new();
    for heading in missing {
        // Of the headings one part away, the one whose changed part shares the most words with
        // the old one (`Errors` renamed `Error codes`, not the page's title).
        let twin = (0..heading.len()).rev().find_map(|gap| {
            let candidates = by_gap.get(&(gap, without(heading, gap)))?;
            let fits =
                |&&i: &&usize| !taken[i] && new[i].len() == heading.len() && (!is_title(new[i]) || our_title(heading));
            let index = candidates.iter().filter(fits).max_by_key(|&&i| shared_words(&heading[gap], &new[i][gap]))?;
            Some((gap, *index))
        });
        match twin {
            Some((gap, index)) => {
                taken[index] = true;
                let to = new[index];
                // Reported once, at the heading whose text changed.
                if reported.insert(heading[..=gap].to_vec()) {
                    out.push(Difference {
                        section: title(&heading[..=gap]),
                        what: format!("heading renamed to \"{}\"", to[gap]),
                    });
                }
                renamed.push((heading.clone(), to.clone()));
            }
            // (A heading the page still has lost a table, which `tables` reports.)
            None if emptied.contains(heading) => {}
            None => out.push(Difference { section: title(heading), what: "heading no longer on the page".into() }),
        }
    }
    for (index, heading) in new.into_iter().enumerate() {
        if taken[index] || !transcribable.get(heading).copied().unwrap_or(false) {
            continue;
        }
        out.push(Difference {
            section: title(heading),
            what: "new heading, which the catalog has no section for".into(),
        });
    }
    renamed
}

/// How many words two headings' texts share, in any case.
fn shared_words(a: &str, b: &str) -> usize {
    let words = |text: &str| text.split_whitespace().map(str::to_lowercase).collect::<HashSet<_>>();
    words(a).intersection(&words(b)).count()
}

/// A heading's path without its part at `gap`.
fn without(heading: &[String], gap: usize) -> Vec<&String> {
    heading.iter().enumerate().filter(|(i, _)| *i != gap).map(|(_, part)| part).collect()
}

fn page_section<'p>(
    page: &'p Page,
    heading: &[String],
    renamed: &[(Vec<String>, Vec<String>)],
) -> Option<&'p PageSection> {
    let wanted = renamed.iter().find(|(from, _)| from == heading).map_or(heading, |(_, to)| to.as_slice());
    page.sections.iter().find(|s| s.heading == wanted)
}

/// Rows by their first cell: added, removed, changed cell by cell.
fn tables(
    api: &Api,
    document: DocumentId,
    page: &Page,
    renamed: &[(Vec<String>, Vec<String>)],
    out: &mut Vec<Difference>,
) {
    // A page section with several tables is several catalog sections of one heading, in order:
    // the n-th of them rebuilds its n-th table.
    let mut nth_of: HashMap<&Vec<String>, usize> = HashMap::new();
    for section in api.sections.iter().filter(|s| s.document == document) {
        let Some(table) = &section.table else { continue };
        let nth = nth_of.entry(&section.heading).or_default();
        let which = *nth;
        *nth += 1;
        if page_section(page, &section.heading, renamed).is_none() {
            continue;
        }
        // The n-th table of the page's sections of that heading, in order (a page may have two
        // sections of one heading: a title `Errors` and a section `Errors` under it).
        let wanted = renamed.iter().find(|(from, _)| *from == section.heading).map_or(&section.heading, |(_, to)| to);
        let mut page_tables = page.sections.iter().filter(|s| &s.heading == wanted).flat_map(|s| &s.tables);
        let here = title(&section.heading);
        let mut push = |what: String| out.push(Difference { section: here.clone(), what });
        let Some(theirs) = page_tables.nth(which) else {
            push("the table is no longer on the page".into());
            continue;
        };
        if theirs.header != table.headers {
            push(format!("columns changed: {} -> {}", table.headers.join(" | "), theirs.header.join(" | ")));
            continue;
        }
        // Rows by their key: the first column whose cells tell the catalog's rows apart (a
        // table of codes may list its statuses first, several rows to a status).
        let distinct =
            |c: usize| table.rows.iter().map(|row| row.get(c)).collect::<HashSet<_>>().len() == table.rows.len();
        let key_column = (0..table.headers.len()).find(|&c| distinct(c)).unwrap_or(0);
        let key = |row: &Vec<String>| row.get(key_column).cloned().unwrap_or_default();
        let our_keys: Vec<String> = table.rows.iter().map(key).collect();
        // By key, the first row of each (as a search from the top found it): a table of 10,000
        // rows is compared in linear time.
        let mut our_rows: HashMap<&str, &Vec<String>> = HashMap::new();
        for (row, k) in table.rows.iter().zip(&our_keys) {
            our_rows.entry(k.as_str()).or_insert(row);
        }
        let their_keys: HashSet<String> = theirs.rows.iter().map(key).collect();
        for row in &theirs.rows {
            match our_rows.get(key(row).as_str()).copied() {
                None => push(format!("row added: {}", row.join(" | "))),
                Some(ours) if ours != row && !read_differently(api, &key(row)) => {
                    for ((header, a), b) in table.headers.iter().zip(ours).zip(row) {
                        if a != b {
                            push(format!("row {}: `{header}` changed from \"{a}\" to \"{b}\"", key(row)));
                        }
                    }
                }
                Some(_) => {}
            }
        }
        for (row, k) in table.rows.iter().zip(&our_keys) {
            if !their_keys.contains(k) && !read_differently(api, k) {
                push(format!("row removed: {}", row.join(" | ")));
            }
        }
    }
}

/// Does the entry a row stands for record an inconsistency (so that the catalog reads the row
/// differently on purpose)? (Facts the catalog infers are not in the page's cells at all.) Such a
/// row is not drift when it changes, nor when the page lacks it.
pub fn read_differently(api: &Api, key_cell: &str) -> bool {
    let bare = key_cell.trim_matches('`');
    let statuses = api.statuses.iter().filter(|s| bare.split([',', '/', ' ']).any(|c| c == s.code.to_string()));
    let values = api.vocabularies.iter().flat_map(|v| &v.values).filter(|v| v.wire == bare);
    let fields = api.shapes.iter().flat_map(|s| &s.fields).filter(|f| f.wire == bare);
    statuses
        .map(|s| &s.trace)
        .chain(values.map(|v| &v.trace))
        .chain(fields.map(|f| &f.trace))
        .any(|t| !t.inconsistencies.is_empty())
}

/// A documented response on the page: section, status, headers, body.
type PageExample = (String, Option<u16>, Vec<(String, String)>, Value);

fn page_examples(page: &Page) -> Vec<PageExample> {
    let mut found = Vec::new();
    for section in &page.sections {
        for (response, block) in section.json_responses() {
            let Ok(body) = block.json() else { continue };
            if crate::page::says_it_succeeded(&body) {
                continue;
            }
            found.push((title(&section.heading), response.status, response.headers, body));
        }
        // A body of plain text is the JSON string of its text, as the catalog has it.
        for (response, block) in section.text_responses() {
            let body = Value::String(block.text.trim().to_string());
            found.push((title(&section.heading), response.status, response.headers, body));
        }
    }
    found
}

fn examples(api: &Api, document: DocumentId, page: &Page, out: &mut Vec<Difference>) {
    let ours: Vec<_> = api.examples.iter().filter(|e| api[e.trace.section].document == document).collect();
    let theirs = page_examples(page);
    let mut matched_ours = BTreeSet::new();
    let mut unmatched_theirs = Vec::new();
    for (i, (section, status, headers, body)) in theirs.iter().enumerate() {
        // (Two examples may show one body, Attio's 429 in its format's section and its own: each
        // page example matches one of ours, in its section where one is.)
        let same = |j: &usize| !matched_ours.contains(j) && &ours[*j].body == body;
        let in_section = |j: &usize| &title(&api[ours[*j].trace.section].heading) == section;
        let found = (0..ours.len()).find(|j| same(j) && in_section(j)).or_else(|| (0..ours.len()).find(same));
        match found {
            Some(j) if matched_ours.insert(j) => {
                let example = ours[j];
                let mut sorted = headers.clone();
                sorted.sort();
                let status_differs = !example.status_in_prose && example.status != *status;
                if (status_differs || example.headers != sorted) && example.trace.inconsistencies.is_empty() {
                    out.push(Difference {
                        section: section.clone(),
                        what: format!("example `{}`: status or headers changed ({status:?}, {headers:?})", example.id),
                    });
                }
            }
            _ => unmatched_theirs.push(i),
        }
    }
    let unmatched_ours: Vec<usize> = (0..ours.len()).filter(|j| !matched_ours.contains(j)).collect();
    // An unmatched pair in the same section is one example changed.
    let mut left_ours: Vec<usize> = unmatched_ours.clone();
    for i in unmatched_theirs {
        let (section, _, _, body) = &theirs[i];
        let pair = left_ours.iter().position(|&j| &title(&api[ours[j].trace.section].heading) == section);
        match pair {
            Some(p) => {
                let example = ours[left_ours.remove(p)];
                out.push(Difference {
                    section: section.clone(),
                    what: format!("example `{}` changed: now {body}", example.id),
                });
            }
            // An example the catalog quotes in a recorded inconsistency (left out on purpose) is
            // its reading, not drift.
            None if quoted_in_inconsistency(api, body) => {}
            None => out.push(Difference { section: section.clone(), what: format!("example added: {body}") }),
        }
    }
    for j in left_ours {
        let example = ours[j];
        if example.trace.inconsistencies.is_empty() {
            out.push(Difference {
                section: title(&api[example.trace.section].heading),
                what: format!("example `{}` is no longer on the page", example.id),
            });
        }
    }
}

/// Whether a statement of a recorded inconsistency quotes this body (as compact JSON).
pub fn quoted_in_inconsistency(api: &Api, body: &Value) -> bool {
    let Ok(text) = serde_json::to_string(body) else { return false };
    api.inconsistencies.iter().flat_map(|x| &x.statements).any(|s| s.says.contains(&text))
}

/// Whether two codes have the same signs (not letters or digits) in the same places, with some
/// (`subscribe/3` and `subscribe/9`; not `a_b` and `c_d`, which code styles compare).
fn signs_alike(a: &str, b: &str) -> bool {
    let signs = |code: &str| -> Vec<(usize, char)> {
        code.chars().enumerate().filter(|(_, c)| !c.is_alphanumeric() && *c != '_').collect()
    };
    let (mine, theirs) = (signs(a), signs(b));
    !mine.is_empty() && mine == theirs && a.chars().count() == b.chars().count()
}

/// Status codes in the page's status tables and `http` blocks, and header names in its `http`
/// blocks and prose, that the catalog does not list.
fn statuses_and_headers(api: &Api, page: &Page, out: &mut Vec<Difference>) {
    // (Found once: a page may have 50,000 sections.)
    let integer_codes: BTreeSet<&str> = api
        .vocabularies
        .iter()
        .filter(|v| v.wire_type == crate::model::VocabularyType::Integer)
        .flat_map(|v| v.values.iter().map(|x| x.wire.as_str()))
        .collect();
    // (A code may be written with its name: Mambu's `100 INVALID_LOAN_ACCOUNT_ID`.)
    let of_codes = |table: &&crate::page::PageTable| {
        table.rows.iter().all(|row| {
            let first_word = |cell: &String| {
                let bare = cell.trim().trim_matches(|c| c == '`' || c == '*');
                bare.split_whitespace().next().unwrap_or(bare).to_string()
            };
            row.first().is_some_and(|cell| integer_codes.contains(first_word(cell).as_str()))
        })
    };
    for section in &page.sections {
        let here = title(&section.heading);
        let mut codes = BTreeSet::new();
        let mut names = BTreeSet::new();
        // A table of statuses: one whose first column is all statuses (a table of error codes
        // that look like statuses, Postmark's `10`, `300`, `400`, is not; nor one whose numbers
        // are all the catalog's integer codes, Stack Exchange's `error_id`s).
        for table in section.tables.iter().filter(|table| !of_codes(table)) {
            let firsts: Option<Vec<Vec<u16>>> =
                table.rows.iter().map(|row| row.first().and_then(|cell| status_codes(cell))).collect();
            codes.extend(firsts.into_iter().flatten().flatten());
        }
        for block in section.code_blocks.iter().filter(|b| b.language == "http") {
            let response = block.http_response();
            codes.extend(response.status);
            names.extend(response.headers.into_iter().map(|(k, _)| k));
        }
        for line in &section.prose {
            names.extend(header_names(line).map(str::to_string));
            names.extend(code_spans(line).filter(|span| is_extension_header(span)).map(str::to_string));
        }
        names.retain(|name| !is_framing_header(name));
        for code in codes.into_iter().filter(|c| (100..=599).contains(c) && api.status(*c).is_none()) {
            out.push(Difference { section: here.clone(), what: format!("status {code} is not in the catalog") });
        }
        for name in names {
            if !name.is_empty() && !api.headers.iter().any(|h| h.name.eq_ignore_ascii_case(&name)) {
                out.push(Difference { section: here.clone(), what: format!("header `{name}` is not in the catalog") });
            }
        }
    }
}

/// Bodies the page outlines rather than shows (see [`crate::page::outline`]): a member no
/// body of the catalog has, and a value outlined for a member the catalog types by a vocabulary
/// that lacks it (Finqware's `"code": "missing_fields" | ...`).
fn outlines(api: &Api, page: &Page, out: &mut Vec<Difference>) {
    let fields = || api.shapes.iter().flat_map(|s| &s.fields);
    fn walk<'o>(members: &'o [crate::page::OutlineMember], found: &mut Vec<&'o crate::page::OutlineMember>) {
        for member in members {
            found.push(member);
            for value in &member.value {
                let mut value = value;
                while let crate::page::Outlined::List(element) = value {
                    value = element;
                }
                walk(value.members(), found);
            }
        }
    }
    for section in &page.sections {
        for outlined in section.code_blocks.iter().filter_map(crate::page::CodeBlock::outline) {
            let mut members = Vec::new();
            walk(outlined.members(), &mut members);
            for member in members {
                let Some(field) = fields().find(|f| f.wire == member.name) else {
                    out.push(Difference {
                        section: title(&section.heading),
                        what: format!("the page outlines a member `{}` that no body of the catalog has", member.name),
                    });
                    continue;
                };
                let crate::resolved::FieldType::Vocabulary(id) = field.ty.values() else { continue };
                let vocabulary = &api[*id];
                let outlined_values = member.value.iter().filter_map(|value| match value {
                    crate::page::Outlined::Literal(Value::String(text)) => Some(text.as_str()),
                    _ => None,
                });
                for value in outlined_values.filter(|value| !vocabulary.values.iter().any(|x| x.wire == *value)) {
                    out.push(Difference {
                        section: title(&section.heading),
                        what: format!(
                            "`{value}`, a value the page outlines for `{}`, is no value of `{}`",
                            member.name, vocabulary.name
                        ),
                    });
                }
            }
        }
    }
}

/// Whether a line calls the code span `word` a code, right before it ("a new code, `again`,
/// may come back", "the error code `busy`"): a code however it is written, even one word.
fn called_a_code(line: &str, word: &str) -> bool {
    let Some(at) = line.find(&format!("`{word}`")) else { return false };
    let before = line[..at].trim_end().trim_end_matches(',').to_ascii_lowercase();
    !word.contains(char::is_whitespace) && (before.ends_with(" code") || before.ends_with(" error code"))
}

/// How an API writes its codes, where its vocabularies show one way: `RATE_LIMIT_EXCEEDED` or
/// `otp_expired` (words joined by `_`; at least two values of a vocabulary written so).
#[derive(Clone, Copy, PartialEq, Eq)]
enum CodeStyle {
    Screaming,
    Snake,
}

impl CodeStyle {
    fn of(word: &str) -> Option<Self> {
        let joined = word.contains('_')
            && !word.starts_with('_')
            && !word.ends_with('_')
            && !word.contains("__")
            && word.starts_with(|c: char| c.is_ascii_alphabetic());
        if !joined {
            return None;
        }
        if word.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_') {
            Some(Self::Screaming)
        } else if word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
            Some(Self::Snake)
        } else {
            None
        }
    }
}

/// Words in the page's prose written as the API writes its codes that the catalog has no value,
/// member or header for: a code the page now mentions (a table may come later, or never).
fn prose_codes(api: &Api, page: &Page, out: &mut Vec<Difference>) {
    let mut styles = Vec::new();
    for vocabulary in &api.vocabularies {
        for style in [CodeStyle::Screaming, CodeStyle::Snake] {
            let written = vocabulary.values.iter().filter(|v| CodeStyle::of(&v.wire) == Some(style)).count();
            if written >= 2 && !styles.contains(&style) {
                styles.push(style);
            }
        }
    }
    let known: HashSet<String> = api
        .vocabularies
        .iter()
        .flat_map(|v| v.values.iter().map(|value| value.wire.clone()))
        .chain(api.shapes.iter().flat_map(|s| s.fields.iter().map(|f| f.wire.clone())))
        .chain(api.headers.iter().map(|h| h.name.to_ascii_lowercase().replace('-', "_")))
        .collect();
    // Codes written otherwise (`itemNotFound`, `E0000010`, `50034`) only count in code spans:
    // words of those styles are common in prose.
    let spanned: Vec<CodeWriting> = api
        .vocabularies
        .iter()
        .flat_map(|v| {
            let mut counted: Vec<(CodeWriting, usize)> = Vec::new();
            for style in v.values.iter().filter_map(|x| code_style(&x.wire)) {
                match counted.iter_mut().find(|(s, _)| *s == style) {
                    Some((_, n)) => *n += 1,
                    None => counted.push((style, 1)),
                }
            }
            counted.into_iter().filter(|(_, n)| *n >= 2).map(|(style, _)| style)
        })
        .collect();
    // Negative codes (`-1121`): no status is written so, so any negative number in a code span.
    let negative_codes = api
        .vocabularies
        .iter()
        .filter(|v| v.wire_type == crate::model::VocabularyType::Integer)
        .any(|v| v.values.iter().any(|x| x.wire.starts_with('-')));
    // The values of a member typed by a vocabulary (the code, or another, such as the OAuth
    // `error` beside HERE's `errorCode`) joined by `_`: in a code span, a word written like one of
    // them counts even when the page gives only one (`invalid_token`).
    let code_styles: Vec<CodeWriting> = api
        .shapes
        .iter()
        .flat_map(|shape| &shape.fields)
        .filter_map(|field| match field.ty.values() {
            crate::resolved::FieldType::Vocabulary(id) => Some(*id),
            _ => None,
        })
        .flat_map(|id| api[id].values.iter().filter_map(|value| code_style(&value.wire)))
        .collect();
    // Codes written `Category:Message` (`EAPI:Invalid key`): in a code span, another of one of
    // their categories.
    let categories: Vec<&str> = api
        .vocabularies
        .iter()
        .flat_map(|v| crate::page::code_categories(v.values.iter().map(|x| x.wire.as_str())))
        .collect();
    // Codes that are addresses under one path (`https://api.x.com/2/problems/usage-capped`):
    // in a code span, any other address under it.
    let prefixes: Vec<&str> = api
        .vocabularies
        .iter()
        .filter_map(|v| crate::page::shared_path(v.values.iter().map(|x| x.wire.as_str())))
        .collect();
    // Codes that start alike (`Bad API request, invalid api_option`): in a code span, another
    // that starts so.
    let leads: Vec<&str> = api
        .vocabularies
        .iter()
        .filter_map(|v| crate::page::shared_lead(v.values.iter().map(|x| x.wire.as_str())))
        .collect();
    // Codes that are phrases (`Not Authorized - Invalid Token`): in a code span, another phrase.
    let phrases = (api.vocabularies.iter())
        .any(|v| v.values.iter().filter(|x| crate::page::is_title_phrase(&x.wire)).count() >= 2);
    let codes = || api.vocabularies.iter().flat_map(|v| v.values.iter().map(|x| x.wire.as_str()));
    // Values the examples send in members that send no code (`Failure`, of `status`) are theirs.
    let sent = crate::page::strings_by_member(api.examples.iter().map(|e| &e.body));
    let is_code = |word: &str| codes().any(|code| code == word);
    // (An identifier's name, `voice_id`, is a parameter the prose speaks of, as the drafter reads it.)
    let members: Vec<&str> = api.shapes.iter().flat_map(|s| &s.fields).map(|f| f.wire.as_str()).collect();
    let known = |word: &str| {
        known.contains(word)
            || crate::page::names_an_identifier(word)
            || crate::page::named_like_a_member(word, members.iter().copied())
            || crate::page::sent_beside_the_codes(word, &sent, is_code)
    };
    // A row about a member that holds no code, or about a header, speaks of its own values
    // (`status`: "`Success` or `Failure`"; a reset's `1672738134824`).
    let about_another_value = |row: &&Vec<String>| {
        let key = row.first().map_or("", |cell| cell.trim().trim_matches('`'));
        let member = api
            .shapes
            .iter()
            .flat_map(|s| &s.fields)
            .any(|f| f.wire == key && f.role != Some(crate::model::FieldRole::Code));
        member || api.headers.iter().any(|h| h.name.eq_ignore_ascii_case(key))
    };
    // A row the catalog rebuilds as the page writes it holds nothing new: its words (a function
    // `b2_authorize_account`, a prefix `M_`, the names of another column) are the catalog's
    // reading already. A row added or changed is scanned (and `tables` reports it too).
    let rebuilt: HashSet<&Vec<String>> =
        api.sections.iter().filter_map(|s| s.table.as_ref()).flat_map(|t| &t.rows).collect();
    for section in &page.sections {
        let mut named = BTreeSet::new();
        let rows = section
            .tables
            .iter()
            .flat_map(|t| &t.rows)
            .filter(|row| !about_another_value(row) && !rebuilt.contains(row));
        // (And a block's definitions, which the drafter reads as prose.)
        let defined: Vec<String> =
            section.code_blocks.iter().filter_map(|block| block.definitions()).flatten().collect();
        for line in section.prose.iter().chain(rows.flatten()).chain(&defined) {
            for word in code_spans(line) {
                let under = prefixes.iter().any(|p| word.len() > p.len() && word.starts_with(p) && !word.contains(' '))
                    || leads.iter().any(|lead| word.len() > lead.len() && word.starts_with(lead));
                // (Not a path of members, `error.type`.)
                let path =
                    word.split('.').all(|part| api.shapes.iter().flat_map(|s| &s.fields).any(|f| f.wire == part));
                let categorized = !path && crate::page::code_category(word).is_some_and(|c| categories.contains(&c));
                let phrase = phrases && crate::page::is_title_phrase(word);
                // (A code the line calls one, written as the code member's values are, or of a
                // category one of them has: Walmart's `INVALID_REQUEST_HEADER.GMP_GATEWAY_API`.)
                // (Or written with a value's signs in their places, whatever its letters and digits:
                // MyFitnessPal's `subscribe/9` beside `subscribe/3`.)
                let like_a_value = || {
                    code_style(word).is_some_and(|s| code_styles.contains(&s))
                        || crate::page::code_category(word)
                            .is_some_and(|c| codes().any(|code| crate::page::code_category(code) == Some(c)))
                        || codes().any(|code| signs_alike(code, word))
                };
                let called = called_a_code(line, word) && like_a_value();
                if (under || categorized || phrase || called) && !known(word) {
                    named.insert(word.to_string());
                }
            }
            // (Not in a code span of several words, a snippet: `Authorization: Bearer re_123`; nor
            // in one of a dotted path, `custom_attributes.tier`, whose parts are no codes: a
            // dotted code, Walmart's, is one the line calls a code or of a known category, above.)
            let outside_snippets: String = line
                .split('`')
                .enumerate()
                .filter(|(i, part)| i % 2 == 0 || !part.contains(|c: char| c.is_whitespace() || c == '.'))
                .map(|(_, part)| part)
                .collect::<Vec<_>>()
                .join(" ");
            for word in outside_snippets.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
                let style = CodeStyle::of(word);
                if style.is_some_and(|s| styles.contains(&s)) && !known(word) {
                    named.insert(word.to_string());
                }
            }
            for word in code_spans(line) {
                let digits = word.strip_prefix('-').unwrap_or(word);
                let number = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
                // A number is a code of a vocabulary of numbers (integers, or strings of digits
                // such as `010`), unless it is a status.
                let status = word.parse::<u16>().is_ok_and(|n| (100..=599).contains(&n));
                let styled = code_style(word).is_some_and(|s| spanned.contains(&s));
                let like_the_code =
                    CodeStyle::of(word).is_some() && code_style(word).is_some_and(|s| code_styles.contains(&s));
                let counts = match number {
                    true if word.starts_with('-') => negative_codes,
                    true => !status && (styled || like_the_code) && crate::page::number_like_codes(word, codes()),
                    false => styled,
                };
                if (counts && CodeStyle::of(word).is_none() || like_the_code && !number) && !known(word) {
                    named.insert(word.to_string());
                }
            }
        }
        for word in named {
            out.push(Difference {
                section: title(&section.heading),
                what: format!("`{word}` is written like the API's codes, and the catalog has no such value"),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{called_a_code, signs_alike};

    #[test]
    fn codes_with_the_same_signs_in_the_same_places_are_written_alike() {
        assert!(signs_alike("subscribe/3", "subscribe/9"));
        assert!(signs_alike("E-1.2", "X-9.4"));
        assert!(!signs_alike("subscribe/3", "subscribe/12"), "longer");
        assert!(!signs_alike("a_b", "c_d"), "no sign but `_`, which code styles compare");
        assert!(!signs_alike("a/b", "a.b"));
    }

    #[test]
    fn a_code_span_the_line_calls_a_code() {
        assert!(called_a_code("A new code, `unauthorizedagain`, may come back.", "unauthorizedagain"));
        assert!(called_a_code("It answers with the error code `busy`.", "busy"));
        assert!(!called_a_code("Read `message` for the details.", "message"));
        assert!(!called_a_code("The code `a b` is a snippet.", "a b"), "words, not a code");
    }
}
