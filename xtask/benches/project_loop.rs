//! The project's own loop, as a contributor lives it: `cargo bench -p xtask --bench
//! project_loop`. A bench binary (each sample is minutes of cargo), run once per step by
//! default (`LOOP_RUNS=N` for medians of N).
//!
//! On a fresh clone of the current commit (beside a link to `../shared`, as CI has it), in a
//! target directory of its own:
//!
//! 1. a cold `cargo build --workspace`;
//! 2. a cold `cargo test --workspace` (the build above counts: what it adds is the tests);
//! 3. a warm re-test after a one-line catalog edit: `cargo xtask generate`, then `cargo test
//!    --workspace`;
//! 4. `./run-tests`, first (it installs the interop tools) and warm.

mod common;

use common::median;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn main() {
    let root = xtask::workspace_root().expect("run from the workspace");
    let runs: usize = std::env::var("LOOP_RUNS").ok().and_then(|n| n.parse().ok()).unwrap_or(1).max(1);
    let scratch = std::env::temp_dir().join(format!("xtask-project-loop-{}", std::process::id()));
    println!("| step | wall (median of {runs}) |");
    println!("| --- | --- |");
    let mut rows: Vec<(&str, Vec<Duration>)> = Vec::new();
    for run in 0..runs {
        let clone = scratch.join(format!("run-{run}/main"));
        let target = scratch.join(format!("run-{run}/target"));
        git_clone(&root, &clone);
        std::os::unix::fs::symlink(
            root.join("../shared").canonicalize().expect("../shared exists"),
            clone.join("../shared"),
        )
        .expect("link ../shared");
        let steps: [(&str, &dyn Fn() -> Duration); 6] = [
            ("cold `cargo build --workspace`", &|| {
                time(&clone, &target, "cargo", &["build", "--workspace", "--locked"])
            }),
            ("cold `cargo test --workspace` (after the build)", &|| {
                time(&clone, &target, "cargo", &["test", "--workspace", "--locked", "-q"])
            }),
            ("one-line catalog edit, `cargo xtask generate`", &|| {
                edit_catalog(&clone);
                time(&clone, &target, "cargo", &["xtask", "generate"])
            }),
            ("then `cargo test --workspace` (warm)", &|| {
                time(&clone, &target, "cargo", &["test", "--workspace", "--locked", "-q"])
            }),
            ("`./run-tests`, first (installs the interop tools)", &|| time(&clone, &target, "./run-tests", &[])),
            ("`./run-tests`, warm", &|| time(&clone, &target, "./run-tests", &[])),
        ];
        for (index, (name, step)) in steps.iter().enumerate() {
            let took = step();
            if run == 0 {
                rows.push((name, Vec::new()));
            }
            rows[index].1.push(took);
        }
        let _ = std::fs::remove_dir_all(scratch.join(format!("run-{run}")));
    }
    for (name, times) in rows {
        println!("| {name} | {:.1} s |", median(times).as_secs_f64());
    }
    let _ = std::fs::remove_dir_all(&scratch);
}

fn git_clone(root: &Path, into: &Path) {
    std::fs::create_dir_all(into.parent().unwrap()).unwrap();
    let status = Command::new("git").arg("clone").arg("-q").arg(root).arg(into).status().expect("git runs");
    assert!(status.success(), "git clone {} failed", root.display());
}

/// Runs one command in the clone with its own target directory and returns how long it took;
/// a failing command fails the bench, with its output.
fn time(clone: &Path, target: &Path, program: &str, args: &[&str]) -> Duration {
    let clock = Instant::now();
    let output = Command::new(program)
        .args(args)
        .current_dir(clone)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .expect("the command runs");
    let took = clock.elapsed();
    assert!(
        output.status.success(),
        "{program} {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    took
}

/// A one-line edit a maintainer makes: the summary of the first catalog in `spec/` gains a word.
fn edit_catalog(clone: &Path) {
    let spec = clone.join("spec");
    let mut catalogs: Vec<_> = std::fs::read_dir(&spec)
        .unwrap()
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    catalogs.sort();
    let path = catalogs.first().expect("spec/ holds a catalog");
    let text = std::fs::read_to_string(path).unwrap();
    let edited = text.replacen("\nsummary: ", "\nsummary: Edited. ", 1);
    assert_ne!(edited, text, "{} has a top-level `summary:` line", path.display());
    std::fs::write(path, edited).unwrap();
}
