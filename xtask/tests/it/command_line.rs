//! The `xtask` binary's exit codes and output, for the read-only commands.

use crate::scratch::scratch_workspace;
use std::fs;
use std::path::Path;
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
    assert!(stderr.matches("error[E").count() >= 10, "{stderr}");
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

/// One binary (as in a target directory two clones share), run in two checkouts: each run acts
/// on the checkout it was started in, whether cargo names it (`CARGO_MANIFEST_DIR`, as
/// `cargo xtask` does) or only the current directory does.
#[test]
fn one_binary_acts_on_the_checkout_it_runs_in() {
    let fresh = scratch_workspace("checkout-fresh");
    let edited = scratch_workspace("checkout-edited");
    let catalog = edited.join("spec/ofauth.yaml");
    let original = fs::read_to_string(&catalog).unwrap();
    fs::write(&catalog, original.replace("name: OFAuth", "name: OFAuth edited")).unwrap();

    let run = |cwd: &Path, manifest_dir: Option<&Path>, command: &str| {
        let mut xtask = Command::new(env!("CARGO_BIN_EXE_xtask"));
        xtask.arg(command).current_dir(cwd).env_remove("CARGO_MANIFEST_DIR");
        if let Some(dir) = manifest_dir {
            xtask.env("CARGO_MANIFEST_DIR", dir);
        }
        xtask.output().unwrap()
    };
    // From the current directory (a subdirectory of the checkout).
    assert_eq!(run(&fresh.join("spec"), None, "check").status.code(), Some(0));
    let stale = run(&edited.join("spec"), None, "check");
    assert_eq!(stale.status.code(), Some(1));
    assert!(text(&stale.stderr).contains("stale: generated/src/ofauth.rs"), "{}", text(&stale.stderr));
    // As `cargo xtask` runs it: the manifest directory wins over the current directory.
    let stale = run(&fresh, Some(&edited.join("xtask")), "check");
    assert_eq!(stale.status.code(), Some(1), "{}", text(&stale.stderr));

    let generated = run(&edited, None, "generate");
    assert_eq!(generated.status.code(), Some(0), "{}", text(&generated.stderr));
    assert!(fs::read_to_string(edited.join("generated/src/ofauth.rs")).unwrap().contains("OFAuth edited"));
    assert!(!fs::read_to_string(fresh.join("generated/src/ofauth.rs")).unwrap().contains("OFAuth edited"));
    assert_eq!(run(&edited, None, "check").status.code(), Some(0));
}

#[test]
fn outside_a_workspace_it_says_so() {
    // The system's temporary directory: the target directory lies inside the workspace.
    let outside = std::env::temp_dir().join(format!("xtask-not-a-workspace-{}", std::process::id()));
    fs::create_dir_all(&outside).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("check")
        .current_dir(&outside)
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("is not inside a cargo workspace"), "{}", text(&out.stderr));
    fs::remove_dir_all(&outside).unwrap();
}
