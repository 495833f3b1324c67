//! Drafting a catalog from a page and reporting drift, on every source document a catalog names
//! a local copy of (the real pages in `../shared/seeds/`, never copied into the project, and
//! the fixture's pages), on edited copies of them, and on pages that are not error pages.

use crate::common;
use crate::source_fidelity::{documents, responses, tables};

use codegen::model::FieldRole;
use codegen::page::{parse_page, read_page, PageError};
use codegen::resolved::{Api, FieldType};

/// Drafts `page` as the API `drafted`, then loads, validates and renders it as `generate` would.
fn draft_and_generate(page: &str) -> (String, Vec<String>, codegen::Catalog) {
    let drafted = codegen::draft::draft(&parse_page(page), "drafted", None).unwrap_or_else(|e| panic!("{e}"));
    let api = codegen::load::parse_api("spec/drafted.yaml", &drafted.yaml)
        .unwrap_or_else(|e| panic!("{}\n{}", codegen::diagnostic::report(&e), drafted.yaml));
    let catalog = codegen::validate::validate(codegen::load::Loaded { dir: "spec".into(), apis: vec![api] })
        .unwrap_or_else(|e| panic!("{}", codegen::diagnostic::report(&e)));
    codegen::generate(&catalog, "edge_fixture").unwrap_or_else(|e| panic!("{}", codegen::diagnostic::report(&e)));
    (drafted.yaml, drafted.unplaced, catalog)
}

/// A draft of every page passes validation and generation; its Markdown rebuilds every table
/// of the page; every JSON example and every status is in it. What it still misses next to the
/// hand-written catalog (values named only in prose, recovery rules, inconsistencies: a
/// maintainer's part) is printed, not checked.
#[test]
fn drafts_of_the_pages_validate_generate_and_rebuild_every_table() {
    let pages = documents();
    for (written, document, page) in &pages {
        if parse_page(page).sections.iter().all(|s| s.tables.is_empty()) {
            continue; // A page without tables is refused; see `bad_pages_are_refused`.
        }
        let (yaml, unplaced, catalog) = draft_and_generate(page);
        let draft = &catalog.apis()[0];
        assert!(yaml.starts_with("# yaml-language-server: $schema=catalog.schema.json\n"));
        let rebuilt: String =
            draft.document_ids().map(|(id, _)| codegen::render::markdown::document_tables(draft, id)).collect();
        assert_eq!(tables(&rebuilt), tables(page), "{}: tables", written.id);
        assert_eq!(draft.examples.len(), responses(page).len(), "{}: examples", written.id);
        // Everything is traced to a section the page has, and the page's hash is recorded.
        assert_eq!(draft.documents[0].content_hash.as_deref(), Some(parse_page(page).content_hash.as_str()));
        let missing = compare(written, draft);
        eprintln!(
            "{} ({}): {} not placed; next to the catalog, the draft misses: {missing:?}",
            written.id,
            written[*document].title,
            unplaced.len()
        );
        let codes = |api: &Api| api.statuses.iter().map(|s| s.code).collect::<std::collections::BTreeSet<_>>();
        assert_eq!(codes(draft), codes(written), "{}: statuses", written.id);
        // The code is where the catalog reads it, typed by a vocabulary (so that examples count
        // as its values' examples, and a value the table lacks is found).
        let code = |api: &Api| {
            let path = api.field_roles.iter().find(|(role, _)| *role == FieldRole::Code).map(|(_, path)| path.clone());
            let typed = path.as_ref().and_then(|path| {
                api.roots().flat_map(|shape| &shape.fields).find(|field| Some(&field.wire) == path.first())
            });
            (path, typed.is_some_and(|field| matches!(field.ty, FieldType::Vocabulary(_))))
        };
        assert_eq!(code(draft), code(written), "{}: the code's field", written.id);
    }
    assert!(!pages.is_empty() || std::env::var_os("CI").is_none());
}

/// What a hand-written catalog has that the draft lacks, in words.
fn compare(written: &Api, draft: &Api) -> Vec<String> {
    let mut missing = Vec::new();
    let values = |api: &Api| -> Vec<String> {
        api.vocabularies.iter().flat_map(|v| v.values.iter().map(|x| x.wire.clone())).collect()
    };
    let drafted = values(draft);
    let lacking: Vec<String> = values(written).into_iter().filter(|v| !drafted.contains(v)).collect();
    if !lacking.is_empty() {
        missing.push(format!("{} vocabulary values ({})", lacking.len(), lacking.join(", ")));
    }
    let headers: Vec<&str> = written
        .headers
        .iter()
        .map(|h| h.name.as_str())
        .filter(|n| draft.headers.iter().all(|d| &d.name != n))
        .collect();
    if !headers.is_empty() {
        missing.push(format!("headers {}", headers.join(", ")));
    }
    missing.push(format!("{} recovery rules", written.recovery.rules.len()));
    missing.push(format!("{} inconsistencies", written.inconsistencies.len()));
    missing
}

/// Each catalog that names a local copy of its page, against that page: nothing drifted.
#[test]
fn each_catalog_has_not_drifted_from_its_own_page() {
    for (api, _, page) in documents() {
        let report = codegen::drift::drift(&api, &parse_page(&page));
        assert!(!report.drifted(), "{}:\n{}", api.id, report.render());
        assert!(report.page_changed.is_none(), "{}: {:?}", api.id, report.page_changed);
    }
}

/// Edited copies of each page: every change is named, by section.
#[test]
fn drift_names_each_change_to_a_page() {
    let mut edited_pages = 0;
    for (api, document, page) in documents() {
        let tabled = |s: &&codegen::resolved::Section| {
            s.document == document && s.table.as_ref().is_some_and(|t| t.rows.len() >= 2)
        };
        let Some(table) = api.sections.iter().find(tabled) else { continue };
        edited_pages += 1;
        let rows = &table.table.as_ref().unwrap().rows;
        let line = |row: &Vec<String>| format!("| {} |", row.join(" | "));
        let heading = table.heading.last().unwrap();
        let mut edits: Vec<(&str, String, &str)> = Vec::new();
        // A row added after the table's first row.
        let first = find_row(&page, &rows[0]);
        let added = format!("{first}\n{}", line(&rows[0].iter().map(|c| format!("{c} (new)")).collect()));
        edits.push(("row added", page.replacen(&first, &added, 1), "row added"));
        // A cell changed.
        let second = find_row(&page, &rows[1]);
        let last_cell = rows[1].last().unwrap();
        let changed = second.replacen(last_cell.as_str(), "Changed wording", 1);
        edits.push(("cell changed", page.replacen(&second, &changed, 1), "changed from"));
        // An example changed: its first JSON key renamed.
        let example = api.examples.iter().find(|e| api[e.trace.section].document == table.document).unwrap();
        let key = example.body.as_object().unwrap().keys().next().unwrap();
        let json_start = page.find("```json").unwrap();
        let key_at = json_start + page[json_start..].find(&format!("\"{key}\"")).unwrap();
        let mut edited = page.clone();
        edited.replace_range(key_at..key_at + key.len() + 2, "\"renamedKey\"");
        edits.push(("example changed", edited, "example"));
        // A heading renamed.
        let renamed = page.replacen(&format!("# {heading}\n"), &format!("# {heading} Renamed\n"), 1);
        edits.push(("heading renamed", renamed, "heading renamed"));
        // A parent heading renamed: its sections move with it, and the rename is said once.
        if table.heading.len() >= 2 {
            let parent = &table.heading[0];
            let level = page.lines().find(|l| l.trim_start_matches('#').trim() == parent && l.starts_with('#'));
            if let Some(line) = level {
                let renamed = page.replacen(&format!("{line}\n"), &format!("{line} Renamed\n"), 1);
                edits.push(("parent heading renamed", renamed, "heading renamed"));
            }
        }
        // A row removed: the last one whose entry the catalog does not read otherwise on purpose.
        let kept = rows.iter().rev().find(|row| !codegen::drift::read_differently(&api, &row[0]));
        if let Some(row) = kept {
            let line = find_row(&page, row);
            edits.push(("row removed", page.replacen(&format!("{line}\n"), "", 1), "row removed"));
        }
        // A new code named in prose, written as the API writes its codes.
        let code = api.vocabularies.iter().flat_map(|v| &v.values).map(|v| v.wire.as_str()).find(|w| {
            w.contains('_')
                && (w.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')
                    || w.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
        });
        if let Some(code) = code {
            let new_code = if code.bytes().any(|b| b.is_ascii_uppercase()) {
                format!("{code}_AGAIN")
            } else {
                format!("{code}_again")
            };
            let mentioned = page.replacen(
                &format!("# {heading}\n"),
                &format!("# {heading}\n\nA new code, `{new_code}`, may come back.\n"),
                1,
            );
            edits.push(("new code in prose", mentioned, "no such value"));
        }
        for (what, text, expected) in edits {
            let report = codegen::drift::drift(&api, &parse_page(&text));
            assert!(report.drifted(), "{}: {what} not found", api.id);
            assert!(
                report.differences.iter().any(|d| d.what.contains(expected)),
                "{}: {what}:\n{}",
                api.id,
                report.render()
            );
            if what.ends_with("renamed") {
                // The rename alone: no heading reported gone or new besides.
                assert_eq!(report.differences.len(), 1, "{}: {what}:\n{}", api.id, report.render());
            }
            if api[table.document].content_hash.is_some() {
                assert!(report.page_changed.is_some(), "{}: {what}: the hash", api.id);
            }
        }
    }
    assert!(edited_pages >= 1 || std::env::var_os("CI").is_none());
}

/// The page line holding a rebuilt row (cells padded as the page pads them).
fn find_row(page: &str, row: &[String]) -> String {
    page.lines()
        .find(|line| {
            let cells: Vec<String> = line.trim().trim_matches('|').split(" | ").map(|c| c.trim().to_string()).collect();
            cells == row
        })
        .unwrap_or_else(|| panic!("no line for {row:?}"))
        .to_string()
}

/// Pages that are not error pages get a clear error, and no draft.
#[test]
fn bad_pages_are_refused() {
    let fixture =
        |name: &str| std::fs::read(common::workspace().join("codegen/tests/fixtures/pages").join(name)).unwrap();
    assert_eq!(read_page(&fixture("empty.md")), Err(PageError::Empty));
    assert!(matches!(read_page(&fixture("binary.md")), Err(PageError::NotText(_))));
    // A bidirectional control: refused with where it is, not drafted into a catalog that cannot
    // hold it.
    let bidi = read_page("# Errors\n\n| Status | Meaning |\n| --- | --- |\n| 400 | Bad \u{202E}request |\n".as_bytes());
    let Err(PageError::NotText(why)) = bidi else { panic!("{bidi:?}") };
    assert!(why.contains("line 5, column 13 holds U+202E"), "{why}");
    let huge = vec![b'#'; 50 << 20];
    assert!(matches!(read_page(&huge), Err(PageError::TooLarge(_))));
    let no_tables = read_page(&fixture("no_tables.md")).unwrap();
    let error = codegen::draft::draft(&no_tables, "x", None).unwrap_err();
    assert!(error.to_string().contains("no table"), "{error}");
    let no_body = read_page(&fixture("no_body.md")).unwrap();
    let error = codegen::draft::draft(&no_body, "x", None).unwrap_err();
    assert!(error.to_string().contains("no error body"), "{error}");
    let error = codegen::draft::draft(&no_body, "Not-An-Id", None).unwrap_err();
    assert!(error.to_string().contains("not a catalog id"), "{error}");
    // A table with a header and no rows is listed, not drafted (nor a panic).
    let header_only = parse_page("# Errors\n\n| Code | Meaning |\n| --- | --- |\n\n```json\n{\"error\": \"x\"}\n```\n");
    let drafted = codegen::draft::draft(&header_only, "x", None).unwrap_or_else(|e| panic!("{e}"));
    assert!(drafted.unplaced.iter().any(|line| line.contains("without rows")), "{:?}", drafted.unplaced);
}

/// Pages cut short or missing lines (every tenth cut, and lines dropped by a fixed-seed stream)
/// get a valid draft or a clear refusal from `draft`, and a report from `drift`: never a panic,
/// never a draft that does not validate.
#[test]
fn damaged_pages_never_panic() {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut tried = 0;
    for (api, _, page) in documents() {
        let lines: Vec<&str> = page.lines().collect();
        let mut damaged: Vec<String> = (1..10).map(|tenth| lines[..lines.len() * tenth / 10].join("\n")).collect();
        for _ in 0..20 {
            let kept: Vec<&str> = lines.iter().copied().filter(|_| next() % 7 != 0).collect();
            damaged.push(kept.join("\n"));
        }
        for text in damaged {
            let page = parse_page(&text);
            // A draft that does not validate would be a bug in the drafter, not in the page.
            if let Err(codegen::draft::DraftError::Invalid(d)) = codegen::draft::draft(&page, "damaged", None) {
                panic!("{}: a damaged page drafted an invalid catalog:\n{}", api.id, codegen::diagnostic::report(&d));
            }
            let _ = codegen::drift::drift(&api, &page).render();
            tried += 1;
        }
    }
    assert!(tried >= 29 || std::env::var_os("CI").is_none(), "{tried}");
}
