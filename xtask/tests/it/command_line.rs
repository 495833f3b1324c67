//! The `xtask` binary's exit codes and output, for the read-only commands.

use crate::scratch::{real_apis, rename_api, scratch_workspace};
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
    assert!(text(&out.stdout).contains("note[inconsistency]: "));

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
    let api = &real_apis()[0];
    rename_api(&edited.join(&api.file), "Renamed in one checkout");
    let module = format!("generated/src/{}.rs", api.module);

    let run = |cwd: &Path, manifest_dir: Option<&Path>, command: &str| {
        let mut xtask = xtask_in(cwd, command);
        if let Some(dir) = manifest_dir {
            xtask.env("CARGO_MANIFEST_DIR", dir);
        }
        xtask.output().unwrap()
    };
    // From the current directory (a subdirectory of the checkout).
    assert_eq!(run(&fresh.join("spec"), None, "check").status.code(), Some(0));
    let stale = run(&edited.join("spec"), None, "check");
    assert_eq!(stale.status.code(), Some(1));
    assert!(text(&stale.stderr).contains(&format!("stale: {module}")), "{}", text(&stale.stderr));
    // As `cargo xtask` runs it: the manifest directory wins over the current directory.
    let stale = run(&fresh, Some(&edited.join("xtask")), "check");
    assert_eq!(stale.status.code(), Some(1), "{}", text(&stale.stderr));

    let generated = run(&edited, None, "generate");
    assert_eq!(generated.status.code(), Some(0), "{}", text(&generated.stderr));
    assert!(fs::read_to_string(edited.join(&module)).unwrap().contains("Renamed in one checkout"));
    assert!(!fs::read_to_string(fresh.join(&module)).unwrap().contains("Renamed in one checkout"));
    assert_eq!(run(&edited, None, "check").status.code(), Some(0));
}

#[test]
fn outside_a_workspace_it_says_so() {
    // The system's temporary directory: the target directory lies inside the workspace.
    let outside = std::env::temp_dir().join(format!("xtask-not-a-workspace-{}", std::process::id()));
    fs::create_dir_all(&outside).unwrap();
    let out = xtask_in(&outside, "check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("is not inside a cargo workspace"), "{}", text(&out.stderr));
    fs::remove_dir_all(&outside).unwrap();
}

/// The xtask binary about to run in the scratch checkout `root`, which it must find from its
/// current directory: the test process's own `CARGO_MANIFEST_DIR` names the real workspace.
fn xtask_in(root: &Path, command: &str) -> Command {
    let mut xtask = Command::new(env!("CARGO_BIN_EXE_xtask"));
    xtask.arg(command).current_dir(root).env_remove("CARGO_MANIFEST_DIR");
    xtask
}

/// Files the catalog renders, with their expected text, for a scratch workspace.
fn expected_outputs(root: &Path) -> Vec<(std::path::PathBuf, String)> {
    xtask::plan(root).unwrap().into_iter().map(|p| (p.path, p.contents)).collect()
}

/// Every generated file is stale, so a run has everything to write.
fn make_everything_stale(root: &Path) {
    for (path, contents) in expected_outputs(root) {
        fs::write(&path, stale(&path, &contents)).unwrap();
    }
}

/// What `make_everything_stale` writes for an output. A crate's manifest is generated in part:
/// its block of features goes stale, not the rest.
fn stale(path: &Path, contents: &str) -> String {
    use codegen::render::rust::features::{splice, BEGIN, END};
    match path.ends_with("Cargo.toml") {
        true => splice(contents, &format!("{BEGIN} stale\n{END}\n")).unwrap(),
        false => "// stale\n".to_string(),
    }
}

/// Hidden files under `root` (temporary files, whatever their naming), but for the lock.
fn temporary_files(root: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                dirs.push(path);
            } else if name.starts_with('.') && name != xtask::LOCK_FILE {
                found.push(path);
            }
        }
    }
    found
}

/// Two `generate`s at once in one checkout: the second waits for the first, both succeed,
/// neither mistakes the other's files for its own, and the result is what the catalog renders.
#[test]
fn two_generates_at_once_both_succeed() {
    let root = scratch_workspace("concurrent");
    for round in 0..6 {
        make_everything_stale(&root);
        let spawn = || xtask_in(&root, "generate").output();
        let (first, second) = std::thread::scope(|s| {
            let first = s.spawn(spawn);
            let second = s.spawn(spawn);
            (first.join().unwrap().unwrap(), second.join().unwrap().unwrap())
        });
        for out in [&first, &second] {
            assert_eq!(out.status.code(), Some(0), "round {round}: {}", text(&out.stderr));
            assert!(!text(&out.stderr).contains("nothing was written"), "round {round}: {}", text(&out.stderr));
        }
        for (path, contents) in expected_outputs(&root) {
            assert_eq!(fs::read_to_string(&path).unwrap(), contents, "round {round}: {}", path.display());
        }
        assert!(temporary_files(&root).is_empty(), "round {round}");
    }
}

/// `kill -9` at any moment of a `generate`: no file is ever half-written (each holds its old
/// or its new text), and the next run clears what the killed one left and finishes the job.
#[cfg(unix)]
#[test]
fn a_generate_killed_mid_write_loses_nothing() {
    use std::time::{Duration, Instant};
    const PAUSE_MS: u64 = 25;
    let root = scratch_workspace("killed");
    let expected = expected_outputs(&root);
    // How long a run takes before it writes: a run with nothing to write.
    let started = Instant::now();
    assert!(xtask_in(&root, "generate").status().unwrap().success());
    let before_writing = started.elapsed();
    let writing = Duration::from_millis(PAUSE_MS * expected.len() as u64);
    let rounds = 8;
    let mut killed_mid_write = 0;
    for round in 0..rounds {
        make_everything_stale(&root);
        let mut child = xtask_in(&root, "generate")
            .env(xtask::TEST_WRITE_PAUSE_VARIABLE, PAUSE_MS.to_string())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Kill at a different moment each round, from before the first write to the last.
        std::thread::sleep(before_writing + writing * round / rounds);
        let _ = child.kill();
        child.wait().unwrap();
        let mut rewritten = 0;
        for (path, contents) in &expected {
            let now = fs::read_to_string(path).unwrap();
            assert!(
                now == stale(path, contents) || &now == contents,
                "round {round}: {} is half-written",
                path.display()
            );
            rewritten += usize::from(&now == contents);
        }
        if (1..expected.len()).contains(&rewritten) || !temporary_files(&root).is_empty() {
            killed_mid_write += 1;
        }
        let next = xtask_in(&root, "generate").output().unwrap();
        assert_eq!(next.status.code(), Some(0), "round {round}: {}", text(&next.stderr));
        assert!(temporary_files(&root).is_empty(), "round {round}: {:?}", temporary_files(&root));
        assert_eq!(xtask::check(&root).unwrap(), vec![], "round {round}");
    }
    assert!(killed_mid_write >= rounds / 3, "only {killed_mid_write} of {rounds} kills landed while writing");
}

/// Runs the binary in `root` (a scratch workspace), not in the checkout cargo names.
fn xtask_at(root: &Path, args: &[&str]) -> Output {
    let mut xtask = xtask_in(root, args[0]);
    xtask.args(&args[1..]).output().unwrap()
}

/// `draft` writes a new catalog that `drift` then finds unchanged from its page; a second draft
/// never overwrites it; bad pages and unknown ids exit 2 and write nothing.
#[test]
fn draft_then_drift_on_a_page() {
    let root = scratch_workspace("draft-drift");
    let real = xtask::workspace_root().unwrap();
    let bad = real.join("codegen/tests/fixtures/pages");
    let page = real.join("codegen/tests/fixtures/edge/pages/problems.md");
    let page = page.to_str().unwrap();
    let drafted = xtask_at(&root, &["draft", page, "--id", "drafted"]);
    assert_eq!(drafted.status.code(), Some(0), "{}", text(&drafted.stderr));
    let catalog = root.join("spec/drafted.yaml");
    let written = fs::read_to_string(&catalog).unwrap();
    assert!(written.contains("content_hash: sha256:") && written.contains("local_copy: "), "{written}");

    let again = xtask_at(&root, &["draft", page, "--id", "drafted"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again.stderr).contains("exists already"), "{}", text(&again.stderr));
    assert_eq!(fs::read_to_string(&catalog).unwrap(), written);

    let same = xtask_at(&root, &["drift", "drafted", page]);
    assert_eq!(same.status.code(), Some(0), "{}{}", text(&same.stdout), text(&same.stderr));

    let edited = root.join("edited.md");
    let original = fs::read_to_string(page).unwrap();
    fs::write(&edited, original.replace("| 429 | Too many requests | yes |", "| 429 | Far too many requests | yes |"))
        .unwrap();
    let drifted = xtask_at(&root, &["drift", "drafted", edited.to_str().unwrap()]);
    assert_eq!(drifted.status.code(), Some(1));
    let report = text(&drifted.stdout);
    assert!(report.contains("Far too many requests") && report.contains("page changed since"), "{report}");

    // Prose changed, nothing `drift` can name: still not "no drift".
    let prose = root.join("prose.md");
    fs::write(&prose, format!("{original}\nOne more paragraph of advice.\n")).unwrap();
    let changed = xtask_at(&root, &["drift", "drafted", prose.to_str().unwrap()]);
    assert_eq!(changed.status.code(), Some(1), "{}", text(&changed.stdout));
    assert!(text(&changed.stdout).contains("The change is in prose"), "{}", text(&changed.stdout));

    let bidi = root.join("bidi.md");
    fs::write(&bidi, original.replacen("429", "42\u{202E}9", 1)).unwrap();
    for (args, expected) in [
        (vec!["draft", bidi.to_str().unwrap(), "--id", "bidi"], "bidirectional control"),
        (vec!["drift", "drafted", bidi.to_str().unwrap()], "bidirectional control"),
        (vec!["draft", bad.join("binary.md").to_str().unwrap(), "--id", "binary"], "not Markdown"),
        (vec!["draft", bad.join("no_tables.md").to_str().unwrap(), "--id", "tableless"], "no table"),
        (vec!["draft", "no/such/page.md", "--id", "missing"], "cannot read"),
        (vec!["drift", "no_such_api", page], "no catalog"),
        (vec!["drift", "drafted", bad.join("empty.md").to_str().unwrap()], "no content"),
    ] {
        let out = xtask_at(&root, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out.stderr));
        assert!(text(&out.stderr).contains(expected), "{args:?}: {}", text(&out.stderr));
    }
    let spec: Vec<String> = fs::read_dir(root.join("spec"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        spec.iter().all(|name| ["binary", "tableless", "bidi", "."].iter().all(|bad| !name.starts_with(bad))),
        "{spec:?}"
    );
}

#[test]
fn synth_writes_a_valid_catalog_and_never_overwrites_one() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("synth-command");
    let _ = std::fs::remove_dir_all(&dir);
    let out = xtask(&["synth", "--values", "30", "--out", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("30 error values in 1 file(s)"), "{}", text(&out.stdout));
    let catalog = codegen::load(&dir, "synth").unwrap_or_else(|e| panic!("{}", codegen::diagnostic::report(&e)));
    assert_eq!(catalog.apis()[0].vocabularies[0].values.len(), 30);

    // A second run refuses, and leaves the catalog as it was.
    let before = std::fs::read(dir.join("synth.yaml")).unwrap();
    let again = xtask(&["synth", "--values", "10", "--out", dir.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(2));
    assert!(text(&again.stderr).contains("exists already; nothing was written"), "{}", text(&again.stderr));
    assert_eq!(std::fs::read(dir.join("synth.yaml")).unwrap(), before);

    let bad = xtask(&["synth", "--values", "many", "--out", dir.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("usage:"), "{}", text(&bad.stderr));
}
