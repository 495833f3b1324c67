//! `cargo xtask fuzz`: mutated copies of the catalogs in `spec/`, each held to the toolkit's
//! contract: a catalog is refused with a position for every problem, or accepted and its
//! output renders, compiles and passes rustdoc. The mutations also drive a property test
//! (`xtask/tests/it/fuzz.rs`), which checks everything but the compiling.

use codegen::{Diagnostic, OutputFile};
use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Text that has broken a generator before, or could: Rust and serde names, reserved names,
/// YAML syntax, text that rustdoc, rustc or Markdown read as more than text.
pub const HOSTILE: &[&str] = &[
    "-",
    "Err",
    "Ok",
    "ALL",
    "Unknown",
    "Self",
    "self",
    "std",
    "tests",
    "String",
    "Option",
    "Serialize",
    "Retry-After-Formats",
    "Default-Retry-After",
    "\u{202E}",
    "```rust\ncompile_error!(\"a doctest\");\n```",
    "\n\n    compile_error!(\"indented\");",
    "\r",
    "",
    "~",
    "null",
    "0",
    "-1",
    "65536",
    "1e309",
    "[",
    "]",
    "{",
    "}",
    "&anchor",
    "*anchor",
    "---",
    "\"",
    "'",
    "\\",
    "*/",
    "<b>",
    "|",
    ": ",
    "#",
    "café",
    "日本",
    "\u{0}",
    "\t",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
];

/// One change to a catalog's text. Indices are taken modulo the text's size, so any number
/// names a line, a character or a hostile text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    /// Replaces the value of a `key: value` line by a hostile text, written as it is (to break
    /// the YAML) or quoted (to reach names and descriptions intact).
    ReplaceValue {
        line: usize,
        hostile: usize,
        quoted: bool,
    },
    /// Inserts a hostile text before a character.
    Insert {
        at: usize,
        hostile: usize,
    },
    Truncate(usize),
}

impl Mutation {
    pub fn apply(&self, text: &str) -> String {
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let n = lines.len().max(1);
        let hostile = |i: usize| HOSTILE[i % HOSTILE.len()];
        match *self {
            Mutation::DeleteLine(i) if !lines.is_empty() => {
                lines.remove(i % n);
            }
            Mutation::DuplicateLine(i) if !lines.is_empty() => lines.insert(i % n, lines[i % n].clone()),
            Mutation::SwapLines(i, j) if !lines.is_empty() => lines.swap(i % n, j % n),
            Mutation::ReplaceValue { line, hostile: h, quoted } => {
                let with_values: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].contains(": ")).collect();
                if let Some(&i) = with_values.get(line % with_values.len().max(1)) {
                    let cut = lines[i].find(": ").expect("chosen for its `: `") + 2;
                    lines[i].truncate(cut);
                    // A JSON string is a YAML double-quoted scalar.
                    let value =
                        if quoted { serde_json::Value::from(hostile(h)).to_string() } else { hostile(h).to_string() };
                    lines[i].push_str(&value);
                }
            }
            Mutation::Insert { at, hostile: h } => {
                let at = text.char_indices().map(|(i, _)| i).nth(at % text.chars().count().max(1)).unwrap_or(0);
                return format!("{}{}{}", &text[..at], hostile(h), &text[at..]);
            }
            Mutation::Truncate(at) => {
                let at = text.char_indices().map(|(i, _)| i).nth(at % text.chars().count().max(1)).unwrap_or(0);
                return text[..at].to_string();
            }
            _ => {}
        }
        lines.join("\n") + "\n"
    }
}

/// What a catalog file came to.
#[derive(Debug)]
pub enum Outcome {
    /// Refused, with this many diagnostics, every one of them placed.
    Refused(usize),
    /// Accepted and rendered: the crate's files, and the block of features its manifest gets.
    Accepted(Vec<OutputFile>, String),
}

/// A break of the contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation(pub String);

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Loads, validates and renders one catalog file, holding the result to the contract: no
/// panic, a position for every refusal, rendered output for every acceptance.
pub fn hold_to_contract(file: &str, text: &str) -> Result<Outcome, Violation> {
    let run = || -> Result<(Vec<OutputFile>, String), Vec<Diagnostic>> {
        let api = codegen::load::parse_api(file, text)?;
        let loaded = codegen::load::Loaded { dir: "spec".into(), apis: vec![api] };
        let catalog = codegen::validate::validate(loaded)?;
        let features = codegen::render::rust::features::render_block(&catalog);
        let files = codegen::generate(&catalog, "api_error_catalog").map_err(|errors| {
            // A resolved catalog that does not render is a generator bug, not a refusal.
            errors
                .into_iter()
                .map(|mut d| {
                    d.message = format!("RENDERING FAILED: {}", d.message);
                    d
                })
                .collect::<Vec<_>>()
        })?;
        Ok((files, features))
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Err(panic) => {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(Violation(format!("codegen panicked: {message}")))
        }
        Ok(Ok((files, features))) => Ok(Outcome::Accepted(files, features)),
        Ok(Err(diagnostics)) => {
            if let Some(failed) = diagnostics.iter().find(|d| d.message.starts_with("RENDERING FAILED")) {
                return Err(Violation(format!("an accepted catalog did not render: {failed}")));
            }
            match diagnostics.iter().find(|d| d.position.is_none()) {
                Some(unplaced) => Err(Violation(format!("a refusal without a position: {unplaced}"))),
                None if diagnostics.is_empty() => Err(Violation("refused without a diagnostic".into())),
                None => Ok(Outcome::Refused(diagnostics.len())),
            }
        }
    }
}

/// A scratch workspace holding the runtime and a generated crate, to compile accepted mutants
/// in (its target directory kept between runs, so only the generated crate rebuilds).
struct CompileBench {
    dir: PathBuf,
    target: PathBuf,
}

impl CompileBench {
    fn new(root: &Path) -> Result<Self, String> {
        let dir = root.join("target/xtask-fuzz/workspace");
        let copy = |from: &str, to: &str| -> Result<(), String> {
            let (from, to) = (root.join(from), dir.join(to));
            fs::create_dir_all(to.parent().expect("a file in the bench")).map_err(|e| e.to_string())?;
            fs::copy(&from, &to).map(|_| ()).map_err(|e| format!("{}: {e}", from.display()))
        };
        let _ = fs::remove_dir_all(&dir);
        for file in fs::read_dir(root.join("runtime/src")).map_err(|e| e.to_string())? {
            let name = file.map_err(|e| e.to_string())?.file_name().to_string_lossy().into_owned();
            copy(&format!("runtime/src/{name}"), &format!("runtime/src/{name}"))?;
        }
        copy("runtime/Cargo.toml", "runtime/Cargo.toml")?;
        copy("generated/Cargo.toml", "generated/Cargo.toml")?;
        // Without the dev-dependency on the edge fixture, which only the conformance test (not
        // copied here) uses, and which is not in this workspace.
        let manifest = dir.join("generated/Cargo.toml");
        let text = fs::read_to_string(&manifest).map_err(|e| e.to_string())?;
        let kept: Vec<&str> = text.lines().filter(|line| !line.starts_with("edge-fixture = ")).collect();
        fs::write(&manifest, kept.join("\n") + "\n").map_err(|e| e.to_string())?;
        // The manifest names its bench and example targets, which must exist for it to parse
        // (`check --tests` builds the examples whose features the mutant's API turns on: none).
        for targets in ["benches", "examples"] {
            for file in fs::read_dir(root.join("generated").join(targets)).map_err(|e| e.to_string())? {
                let name = file.map_err(|e| e.to_string())?.file_name().to_string_lossy().into_owned();
                copy(&format!("generated/{targets}/{name}"), &format!("generated/{targets}/{name}"))?;
            }
        }
        copy("Cargo.lock", "Cargo.lock")?;
        // The workspace's own package defaults, which both manifests inherit.
        let manifest = fs::read_to_string(root.join("Cargo.toml")).map_err(|e| e.to_string())?;
        let package = manifest
            .split("\n[")
            .find(|section| section.starts_with("workspace.package]"))
            .ok_or("Cargo.toml has no [workspace.package]")?;
        let workspace =
            format!("[workspace]\nresolver = \"2\"\nmembers = [\"runtime\", \"generated\"]\n\n[{package}\n");
        fs::write(dir.join("Cargo.toml"), workspace).map_err(|e| e.to_string())?;
        Ok(CompileBench { target: root.join("target/xtask-fuzz/target"), dir })
    }

    /// Type-checks the crate and its tests, and builds its docs with warnings denied (which
    /// runs no doctest, but a doctest would be compiled by `cargo test --doc`, done too).
    fn compile(&self, outputs: &[OutputFile], features: &str) -> Result<(), Violation> {
        // The manifest's features are the mutant's (its API's id may be another).
        let manifest = self.dir.join("generated/Cargo.toml");
        let spliced = fs::read_to_string(&manifest)
            .map_err(|e| e.to_string())
            .and_then(|text| codegen::render::rust::features::splice(&text, features))
            .map_err(Violation)?;
        fs::write(&manifest, spliced).map_err(|e| Violation(e.to_string()))?;
        let src = self.dir.join("generated/src");
        let _ = fs::remove_dir_all(&src);
        fs::create_dir_all(&src).map_err(|e| Violation(e.to_string()))?;
        for file in outputs.iter().filter(|f| f.path.starts_with("src/")) {
            let path = self.dir.join("generated").join(&file.path);
            // An API's module has files of its own under `src/<api>/`.
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent).map_err(|e| Violation(e.to_string()))?;
            }
            fs::write(path, &file.contents).map_err(|e| Violation(e.to_string()))?;
        }
        let steps: [&[&str]; 2] = [&["check", "--tests"], &["test", "--doc"]];
        for step in steps {
            // The cargo that runs `cargo xtask`, found at run time like the workspace.
            let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
            let out = Command::new(cargo)
                .args(step)
                .args(["--quiet", "-p", "api-error-catalog"])
                .current_dir(&self.dir)
                .env("CARGO_TARGET_DIR", &self.target)
                .env("RUSTFLAGS", "-D warnings")
                .env("RUSTDOCFLAGS", "-D warnings")
                .output()
                .map_err(|e| Violation(format!("cannot run cargo: {e}")))?;
            if !out.status.success() {
                let stderr = String::from_utf8_lossy(&out.stderr);
                return Err(Violation(format!("accepted output fails `cargo {}`:\n{stderr}", step.join(" "))));
            }
        }
        Ok(())
    }
}

/// What a fuzzing run did.
#[derive(Debug, Default)]
pub struct Report {
    pub mutants: usize,
    pub refused: usize,
    pub accepted: usize,
    pub compiled: usize,
    /// Each violation, with the file its mutant was saved to.
    pub violations: Vec<(Violation, PathBuf)>,
}

/// Mutates the catalogs of `spec/` for about `budget`, compiling accepted mutants whose Rust
/// differs from what was compiled before. `seed` makes a run repeatable.
pub fn fuzz(root: &Path, budget: Duration, seed: u64) -> Result<Report, String> {
    let started = Instant::now();
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut seeds = Vec::new();
    for entry in fs::read_dir(root.join("spec")).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|e| e == "yaml") {
            seeds.push(fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?);
        }
    }
    seeds.sort();
    if seeds.is_empty() {
        return Err("spec/ holds no catalog to mutate".into());
    }
    let failures = root.join("target/xtask-fuzz/failures");
    let mut bench = None;
    let mut compiled = HashSet::new();
    let mut report = Report::default();
    while started.elapsed() < budget {
        let seed_text = &seeds[rng.usize(..seeds.len())];
        // Mostly one mutation: each more makes a refusal likelier and the rendering untested.
        let count = if rng.u8(..4) == 0 { rng.usize(2..=3) } else { 1 };
        let mutations: Vec<Mutation> = (0..count).map(|_| random_mutation(&mut rng)).collect();
        let text = mutations.iter().fold(seed_text.clone(), |text, m| m.apply(&text));
        report.mutants += 1;
        let verdict = hold_to_contract("spec/mutant.yaml", &text).and_then(|outcome| match outcome {
            Outcome::Refused(_) => {
                report.refused += 1;
                Ok(())
            }
            Outcome::Accepted(files, features) => {
                report.accepted += 1;
                let rust: String =
                    files.iter().filter(|f| f.path.ends_with(".rs")).map(|f| f.contents.as_str()).collect();
                if !compiled.insert(rust) {
                    return Ok(());
                }
                let bench = match &bench {
                    Some(bench) => bench,
                    None => bench.insert(CompileBench::new(root).map_err(Violation)?),
                };
                report.compiled += 1;
                bench.compile(&files, &features)
            }
        });
        if let Err(violation) = verdict {
            fs::create_dir_all(&failures).map_err(|e| e.to_string())?;
            let saved = failures.join(format!("mutant-{}.yaml", report.violations.len() + 1));
            fs::write(&saved, format!("# mutations: {mutations:?}\n{text}")).map_err(|e| e.to_string())?;
            report.violations.push((violation, saved));
        }
    }
    Ok(report)
}

fn random_mutation(rng: &mut fastrand::Rng) -> Mutation {
    let (a, b) = (rng.usize(..), rng.usize(..));
    // Mostly hostile values, which reach validation and rendering; the rest break the shape.
    match rng.u8(..8) {
        0 => Mutation::DeleteLine(a),
        1 => Mutation::DuplicateLine(a),
        2 => Mutation::SwapLines(a, b),
        3 => Mutation::Insert { at: a, hostile: b },
        4 => Mutation::Truncate(a),
        _ => Mutation::ReplaceValue { line: a, hostile: b, quoted: rng.bool() },
    }
}
