//! The project's command line, one subcommand each (`USAGE` below says what each takes):
//! `generate` writes every output derived from the catalog; `check` fails, naming the stale
//! files, when they are out of date; `lint` lists the documents' recorded inconsistencies and the
//! catalog's smells; `draft` drafts a catalog from an API's Markdown error page and `drift`
//! compares a catalog with its page; `fuzz` holds mutated catalogs to the loader's contract;
//! `synth` writes synthetic catalogs for the benchmarks.

use std::process::ExitCode;
use xtask::{shown, workspace_root, Change};

const USAGE: &str = "usage: cargo xtask <generate|check|lint|draft|drift|fuzz|synth>

  generate  render everything from the catalog and write the files that changed
  check     exit non-zero, naming each file, when the checked-in outputs are stale
  fuzz [--seconds N] [--seed S]
            mutate the catalogs in spec/ for about N seconds (default 60) and hold every
            mutant to the contract: refused with a position, or accepted with output that
            renders, compiles and passes rustdoc; exit non-zero on any violation
  lint [--catalog DIR] [--deny-warnings] [--bless]
            list every inconsistency the catalog records about its source documents, and
            warn about catalog smells; with --deny-warnings, exit non-zero on any warning;
            with --bless, rewrite the expected reports catalogs pin beside themselves
            (`spec/myapi.lint.txt` for `spec/myapi.yaml`) (DIR defaults to spec)
  draft PAGE --id ID
            draft spec/ID.yaml from an API's error page in Markdown (never over an existing
            file): sections, tables, examples, bodies and headers, guesses marked inferred,
            what could not be placed listed at the top
  synth --values N --out DIR
            write DIR/synth.yaml, a synthetic catalog of N error values (valid by construction;
            over 20,000 values, several APIs: synth2.yaml, synth3.yaml...)
            for the benchmarks; refuses a DIR that holds a catalog already
  drift ID PAGE
            compare the catalog ID with the current version of its page: exit 0 when nothing
            drifted, 1 listing every difference by section (or saying the page changed where
            no table, example, status or header did), 2 on bad input";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = match workspace_root() {
        Ok(root) => root,
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["generate"] => match xtask::generate(&root) {
            Ok(changes) => {
                print_changes(&root, &changes);
                println!("generate: {} file(s) changed", changes.len());
                ExitCode::SUCCESS
            }
            Err(xtask::Interrupted { written, error }) => {
                eprintln!("{error}");
                if written.is_empty() {
                    eprintln!("generate: nothing was written");
                } else {
                    print_changes(&root, &written);
                    eprintln!("generate: stopped after changing {} file(s), listed above; run it again", written.len());
                }
                ExitCode::FAILURE
            }
        },
        ["check"] => match xtask::check(&root) {
            Ok(changes) if changes.is_empty() => {
                println!("check: every generated file is up to date");
                ExitCode::SUCCESS
            }
            Ok(changes) => {
                for change in &changes {
                    let what = match change {
                        Change::Created(_) => "missing",
                        Change::Updated(_) => "stale",
                        Change::Removed(_) => "no longer generated",
                        Change::Leftover(_) => "left by an interrupted run",
                    };
                    eprintln!("{what}: {}", shown(&root, change.path()));
                }
                eprintln!("check: {} file(s) out of date; run `cargo xtask generate` and commit", changes.len());
                ExitCode::FAILURE
            }
            Err(error) => {
                eprintln!("{error}");
                ExitCode::FAILURE
            }
        },
        ["lint", options @ ..] => lint(&root, options),
        ["draft", page, "--id", id] | ["draft", "--id", id, page] => draft(&root, page, id),
        ["drift", id, page] => drift(&root, id, page),
        ["synth", "--values", values, "--out", out] => synth(values, out),
        ["fuzz", options @ ..] => fuzz(&root, options),
        ["help" | "--help" | "-h"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn fuzz(root: &std::path::Path, options: &[&str]) -> ExitCode {
    let (mut seconds, mut seed) = (60u64, None);
    let mut rest = options.iter();
    while let Some(option) = rest.next() {
        let value = rest.next().and_then(|v| v.parse::<u64>().ok());
        match (*option, value) {
            ("--seconds", Some(n)) => seconds = n,
            ("--seed", Some(s)) => seed = Some(s),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    // A fresh seed each run unless one is given; printed so that a run can be repeated.
    let seed = seed.unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
    });
    println!("fuzz: seed {seed}, about {seconds} s");
    match xtask::fuzz::fuzz(root, std::time::Duration::from_secs(seconds), seed) {
        Ok(report) => {
            for (violation, saved) in &report.violations {
                eprintln!("violation ({}): {violation}\n", shown(root, saved));
            }
            println!(
                "fuzz: {} mutants: {} refused, every refusal placed; {} accepted, {} compiled; {} violations",
                report.mutants,
                report.refused,
                report.accepted,
                report.compiled,
                report.violations.len()
            );
            if report.violations.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(error) => {
            eprintln!("fuzz: {error}");
            ExitCode::FAILURE
        }
    }
}

fn draft(root: &std::path::Path, page: &str, id: &str) -> ExitCode {
    match xtask::pages::draft(root, std::path::Path::new(page), id) {
        Ok(drafted) => {
            println!("{:>8} {}", "created", shown(root, &drafted.path));
            for line in &drafted.unplaced {
                println!("  not placed: {line}");
            }
            println!(
                "draft: check every `inferred` fact, then `cargo xtask generate`; {} thing(s) not placed are listed at the top of the file",
                drafted.unplaced.len()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(error.exit_code())
        }
    }
}

fn drift(root: &std::path::Path, id: &str, page: &str) -> ExitCode {
    match xtask::pages::drift(root, id, std::path::Path::new(page)) {
        Ok(drifted) => {
            print!("{}", drifted.report.render());
            if drifted.report.drifted() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::from(error.exit_code())
        }
    }
}

fn synth(values: &str, out: &str) -> ExitCode {
    let Ok(values) = values.parse::<usize>() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let files = xtask::synth::files(values);
    let dir = std::path::Path::new(out);
    if let Some(path) = files.iter().map(|(name, _)| dir.join(name)).find(|path| path.exists()) {
        eprintln!("error: {} exists already; nothing was written", path.display());
        return ExitCode::from(2);
    }
    if let Err(error) = std::fs::create_dir_all(dir) {
        eprintln!("error: {}: {error}", dir.display());
        return ExitCode::FAILURE;
    }
    for (name, text) in &files {
        let path = dir.join(name);
        if let Err(error) = std::fs::write(&path, text) {
            eprintln!("error: {}: {error}", path.display());
            return ExitCode::FAILURE;
        }
        println!("{:>8} {}", "created", path.display());
    }
    println!("{values} error values in {} file(s)", files.len());
    ExitCode::SUCCESS
}

fn print_changes(root: &std::path::Path, changes: &[Change]) {
    for change in changes {
        let verb = match change {
            Change::Created(_) => "created",
            Change::Updated(_) => "updated",
            Change::Removed(_) | Change::Leftover(_) => "removed",
        };
        println!("{verb:>8} {}", shown(root, change.path()));
    }
}

fn lint(root: &std::path::Path, options: &[&str]) -> ExitCode {
    let mut catalog = "spec";
    let mut deny_warnings = false;
    let mut bless = false;
    let mut rest = options.iter();
    while let Some(option) = rest.next() {
        match (*option, rest.clone().next()) {
            ("--deny-warnings", _) => deny_warnings = true,
            ("--bless", _) => bless = true,
            ("--catalog", Some(dir)) => {
                catalog = dir;
                rest.next();
            }
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    if bless {
        return match xtask::bless_lint(root, catalog) {
            Ok(changed) => {
                for path in &changed {
                    println!("{:>8} {}", "updated", shown(root, path));
                }
                println!("lint: {} expected report(s) updated", changed.len());
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("{error}");
                ExitCode::FAILURE
            }
        };
    }
    match xtask::lint(root, catalog) {
        Ok(findings) => {
            println!("{}", codegen::lint::report(&findings));
            let warnings = findings.iter().any(|f| f.severity == codegen::lint::Severity::Warning);
            if deny_warnings && warnings {
                eprintln!("lint: warnings are denied (--deny-warnings)");
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
