//! The corpus of broken catalogs in `fixtures/bad/`: each must be rejected, without a panic,
//! with diagnostics that say where and what; the exact text a user sees is pinned per file.
//! Adding a case is adding a YAML file (and accepting its snapshot).

use crate::common;

use codegen::diagnostic::report;
use codegen::model::Catalog;

/// What a user sees for one catalog file: parse errors, else validation errors.
fn diagnose(name: &str, text: &str) -> Vec<codegen::Diagnostic> {
    match codegen::load::parse_api(name, text) {
        Err(diagnostic) => vec![diagnostic],
        Ok(api) => codegen::validate::validate(&Catalog { apis: vec![api] }),
    }
}

#[test]
fn every_bad_catalog_is_rejected_with_pinned_diagnostics() {
    let dir = common::workspace().join("codegen/tests/fixtures/bad");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    names.sort();
    assert!(names.len() >= 40, "the corpus shrank to {}", names.len());
    for name in names {
        let text = std::fs::read_to_string(dir.join(&name)).unwrap();
        let shown = format!("bad/{name}");
        let diagnostics = diagnose(&shown, &text);
        assert!(!diagnostics.is_empty(), "{name} was accepted");
        for d in &diagnostics {
            assert!(d.help.is_some(), "{name}: no help in {d}");
            assert!(d.position.is_some(), "{name}: no line and column in {d}");
        }
        insta::assert_snapshot!(name.trim_end_matches(".yaml"), report(&diagnostics));
    }
}

#[test]
fn several_errors_are_reported_together() {
    let dir = common::workspace().join("codegen/tests/fixtures/bad");
    let text = std::fs::read_to_string(dir.join("several_errors_at_once.yaml")).unwrap();
    assert!(diagnose("x.yaml", &text).len() >= 4);
}

#[test]
fn an_api_id_used_twice_is_an_error() {
    let mut catalog = common::load("spec");
    let mut copy = catalog.apis[0].clone();
    copy.file = "spec/copy.yaml".into();
    catalog.apis.push(copy);
    let errors = codegen::validate::validate(&catalog);
    assert_eq!(errors.len(), 1, "{}", report(&errors));
    assert!(errors[0].message.contains("already used by"), "{}", errors[0]);
}

#[test]
fn a_missing_or_empty_catalog_directory_is_an_error() {
    let missing = common::workspace().join("codegen/tests/fixtures/no-such-dir");
    let errors = codegen::load_catalog(&missing, "no-such-dir").unwrap_err();
    assert!(errors[0].message.contains("cannot read the catalog directory"));
    let without_yaml = common::workspace().join("codegen/tests/fixtures/edge/crate/src");
    let errors = codegen::load_catalog(&without_yaml, "src").unwrap_err();
    assert!(errors[0].message.contains("no .yaml file"));
}

#[test]
fn a_directory_reports_parse_and_validation_errors_of_all_its_files_together() {
    let dir = common::workspace().join("codegen/tests/fixtures/bad");
    let errors = codegen::load_catalog(&dir, "bad").unwrap_err();
    let parse_failures = errors.iter().filter(|d| d.file.ends_with("yaml_syntax.yaml")).count();
    let semantic = errors.iter().filter(|d| d.file.ends_with("unknown_section.yaml")).count();
    assert!(parse_failures == 1 && semantic >= 1, "{}", report(&errors));
}
