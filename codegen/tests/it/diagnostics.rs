//! The corpus of broken catalogs in `fixtures/bad/`: each must be rejected, without a panic,
//! with diagnostics that say where and what; the exact text a user sees is pinned per file.
//! Adding a case is adding a YAML file (and accepting its snapshot).

use crate::common;

use codegen::diagnostic::{report, Code};
use codegen::load::Loaded;
use std::collections::BTreeSet;

/// What a user sees for one catalog file: parse errors, else validation errors.
fn diagnose(name: &str, text: &str) -> Vec<codegen::Diagnostic> {
    match codegen::load::parse_api(name, text) {
        Err(diagnostic) => vec![*diagnostic],
        Ok(api) => codegen::validate::validate(Loaded { dir: "bad".into(), apis: vec![api] }).err().unwrap_or_default(),
    }
}

/// Every file of the broken-catalog corpus, with its text.
fn corpus() -> Vec<(String, String)> {
    let dir = common::workspace().join("codegen/tests/fixtures/bad");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let text = std::fs::read_to_string(dir.join(&name)).unwrap();
            (name, text)
        })
        .collect()
}

#[test]
fn every_bad_catalog_is_rejected_with_pinned_diagnostics() {
    let corpus = corpus();
    assert!(corpus.len() >= 40, "the corpus shrank to {}", corpus.len());
    for (name, text) in corpus {
        let shown = format!("bad/{name}");
        let diagnostics = diagnose(&shown, &text);
        assert!(!diagnostics.is_empty(), "{name} was accepted");
        for d in &diagnostics {
            assert!(d.help.is_some(), "{name}: no help in {d}");
            assert!(d.position.is_some() && d.source_line.is_some(), "{name}: no line to show in {d}");
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

/// Like rustc's error index: every code is listed in README.md and produced by some broken
/// catalog (an unreadable directory stands in for the file-system errors).
#[test]
fn every_error_code_is_documented_and_exercised() {
    let mut seen: BTreeSet<Code> =
        corpus().iter().flat_map(|(name, text)| diagnose(name, text)).map(|d| d.code).collect();
    let missing = common::workspace().join("codegen/tests/fixtures/no-such-dir");
    seen.extend(codegen::load(&missing, "no-such-dir").unwrap_err().iter().map(|d| d.code));
    let readme = std::fs::read_to_string(common::workspace().join("README.md")).unwrap();
    for code in Code::ALL {
        assert!(seen.contains(code), "no broken catalog in fixtures/bad produces {} ({})", code.id(), code.name());
        let row = format!("| `{}` | `{}` |", code.id(), code.name());
        assert!(readme.contains(&row), "README.md does not list {row}");
    }
}

#[test]
fn an_api_id_used_twice_is_an_error() {
    let (mut loaded, errors) = codegen::load::load_dir(&common::workspace().join("spec"), "spec");
    assert!(errors.is_empty());
    let mut copy = loaded.apis[0].clone();
    copy.file = "spec/copy.yaml".into();
    loaded.apis.push(copy);
    let errors = codegen::validate::validate(loaded).unwrap_err();
    assert_eq!(errors.len(), 1, "{}", report(&errors));
    assert!(errors[0].message.contains("already used by"), "{}", errors[0]);
}

#[test]
fn a_missing_or_empty_catalog_directory_is_an_error() {
    let missing = common::workspace().join("codegen/tests/fixtures/no-such-dir");
    let errors = codegen::load(&missing, "no-such-dir").unwrap_err();
    assert!(errors[0].message.contains("cannot read the catalog directory"));
    let without_yaml = common::workspace().join("codegen/tests/fixtures/edge/crate/src");
    let errors = codegen::load(&without_yaml, "src").unwrap_err();
    assert!(errors[0].message.contains("no .yaml file"));
}

#[test]
fn a_directory_reports_parse_and_validation_errors_of_all_its_files_together() {
    let dir = common::workspace().join("codegen/tests/fixtures/bad");
    let errors = codegen::load(&dir, "bad").unwrap_err();
    let parse_failures = errors.iter().filter(|d| d.file.ends_with("yaml_syntax.yaml")).count();
    let semantic = errors.iter().filter(|d| d.file.ends_with("unknown_section.yaml")).count();
    assert!(parse_failures == 1 && semantic >= 1, "{}", report(&errors));
}
