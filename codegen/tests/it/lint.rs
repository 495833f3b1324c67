//! The lint: every recorded inconsistency is listed, each smell is caught, a clean catalog
//! passes; the report on the real catalog is pinned so that changes to it are reviewed.

use crate::common;

use codegen::lint::{lint, Severity};

fn codes(dir: &str) -> Vec<(Severity, &'static str, String)> {
    lint(&common::load(dir)).into_iter().map(|f| (f.severity, f.code, f.path)).collect()
}

#[test]
fn each_smell_is_reported_where_it_is() {
    let mut found = codes("codegen/tests/fixtures/lint/smelly");
    found.sort();
    let expected: Vec<(Severity, &str, String)> = vec![
        (Severity::Note, "field-and-header", "bodies[0].fields[0]".into()),
        (Severity::Note, "inconsistency", "inconsistencies[0]".into()),
        (Severity::Warning, "client-default-wait", "cases[0].decision.wait_seconds".into()),
        (Severity::Warning, "error-without-example", "vocabularies[0].values[1]".into()),
        (Severity::Warning, "example-value-outside-vocabulary", "examples[1].body.code".into()),
        (Severity::Warning, "long-variant-name", "vocabularies[1].values[2]".into()),
        (Severity::Warning, "recovery-contradicts-retryable", "recovery.rules[2]".into()),
        (Severity::Warning, "status-advice-disagrees", "statuses[0]".into()),
        (Severity::Warning, "status-outside-table", "statuses[1]".into()),
        (Severity::Warning, "table-hazard", "statuses[0].description".into()),
        (Severity::Warning, "table-hazard", "vocabularies[0].values[1].description".into()),
        (Severity::Warning, "tables-disagree", "vocabularies[0].values[0].retryable".into()),
        (Severity::Warning, "unattached-inconsistency", "inconsistencies[0]".into()),
        (Severity::Warning, "uneven-retries", "recovery.rules[2]".into()),
        (Severity::Warning, "unreferenced-value", "vocabularies[1].values[1]".into()),
        (Severity::Warning, "unreferenced-value", "vocabularies[1].values[2]".into()),
        (Severity::Warning, "unused-status", "statuses[1]".into()),
        (Severity::Warning, "value-outside-table", "vocabularies[0].values[1]".into()),
    ];
    assert_eq!(found, expected);
}

#[test]
fn a_clean_catalog_has_notes_but_no_warnings() {
    assert_eq!(
        codes("codegen/tests/fixtures/lint/clean"),
        vec![(Severity::Note, "inconsistency", "inconsistencies[0]".into())]
    );
}

#[test]
fn every_recorded_inconsistency_of_the_real_catalog_is_listed_with_its_statements() {
    let catalog = common::load("spec");
    let findings = lint(&catalog);
    for api in catalog.apis() {
        for x in &api.inconsistencies {
            let note = findings
                .iter()
                .find(|f| {
                    f.file == api.file && f.severity == Severity::Note && f.message.starts_with(&format!("{} (", x.id))
                })
                .unwrap_or_else(|| panic!("{}: {} not listed", api.id, x.id));
            assert_eq!(note.details.len(), x.statements.len() + 1);
            assert!(note.position.is_some());
        }
    }
}

/// A catalog may pin its lint report beside itself (`myapi.lint.txt`); each pinned report
/// is current. Catalogs without one are not held to any.
#[test]
fn pinned_lint_reports_are_current() {
    let mut compared = 0;
    for (dir, catalog) in common::all_catalogs() {
        let findings = lint(&catalog);
        for api in catalog.apis() {
            let pinned = codegen::lint::expected_report_path(&common::workspace().join(&api.file));
            let Ok(expected) = std::fs::read_to_string(&pinned) else { continue };
            let actual = codegen::lint::file_report(&findings, &api.file);
            assert!(
                actual == expected,
                "{dir}: the lint report of {} differs from {}; review it with `cargo xtask lint --catalog {dir}` \
                 and pin it with `cargo xtask lint --catalog {dir} --bless`\n--- actual\n{actual}",
                api.file,
                pinned.display()
            );
            compared += 1;
        }
    }
    assert!(compared >= 2, "only {compared} pinned reports");
}

#[test]
fn the_text_of_a_plain_text_example_is_a_value_sent() {
    // `invalid token` is the whole body of an example: it has one; the other two have none.
    let findings = lint(&common::load("codegen/tests/fixtures/edge/spec"));
    let mut without: Vec<&str> = (findings.iter())
        .filter(|f| f.file.ends_with("errortext.yaml") && f.code == "error-without-example")
        .map(|f| f.path.as_str())
        .collect();
    without.sort();
    assert_eq!(without, ["vocabularies[0].values[1]", "vocabularies[0].values[2]"]);
}
