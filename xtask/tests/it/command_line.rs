//! The `xtask` binary's exit codes and output, for the read-only commands.

use std::process::{Command, Output};

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask")).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_passes_on_the_checked_in_outputs() {
    let out = xtask(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("up to date"));
}

#[test]
fn lint_lists_inconsistencies_and_denies_warnings_on_request() {
    let out = xtask(&["lint"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("note[inconsistency]: forbidden-status-not-listed"));

    let smelly = xtask(&["lint", "--catalog", "codegen/tests/fixtures/lint/smelly", "--deny-warnings"]);
    assert_eq!(smelly.status.code(), Some(1));
    assert!(text(&smelly.stdout).contains("warning[unused-status]"));
    assert!(text(&smelly.stderr).contains("--deny-warnings"));

    let clean = xtask(&["lint", "--deny-warnings", "--catalog", "codegen/tests/fixtures/lint/clean"]);
    assert_eq!(clean.status.code(), Some(0), "{}", text(&clean.stdout));
}

#[test]
fn lint_of_a_broken_catalog_reports_every_error() {
    let out = xtask(&["lint", "--catalog", "codegen/tests/fixtures/bad"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.matches("error:").count() >= 10, "{stderr}");
    assert!(stderr.contains("codegen/tests/fixtures/bad/yaml_syntax.yaml:"));
}

#[test]
fn bad_usage_exits_2_with_the_usage() {
    for args in [&["frobnicate"][..], &["lint", "--catalog"], &["lint", "--nope"], &[]] {
        let out = xtask(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).contains("usage: cargo xtask"));
    }
}
