//! How fast the generator is, stage by stage, on the real catalog and on synthetic catalogs of
//! 10 to 10,000 error values (100,000 with `BENCH_LARGE=1`): `cargo bench -p xtask --bench
//! generation`. A bench binary (no criterion): each stage is timed over several runs and the
//! median printed, then `generate` and `check` as the commands run them (a scratch workspace
//! holding the catalog and the edge fixture, the renderers on every core), with the ratio of
//! `generate` to the size ten times smaller and each size's peak memory, measured in a child
//! process of its own so that sizes do not share a peak. BENCHMARKS.md quotes its output.

mod common;

use common::median;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The stages, in pipeline order: the renderers after `rust` are codegen's per-API outputs.
fn stage_names() -> Vec<&'static str> {
    let outputs = codegen::render::PER_API_OUTPUTS.iter().map(|output| output.name);
    ["load", "validate", "rust"].into_iter().chain(outputs).chain(["lint", "write"]).collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // A child: `generate` once on one size's scratch workspace, then its peak memory.
    if let Some(at) = args.iter().position(|a| a == "--peak-of") {
        let workspace = PathBuf::from(&args[at + 1]);
        assert!(xtask::generate(&workspace).unwrap().is_empty());
        println!("{}", peak_kib().unwrap_or(0));
        return;
    }
    let root = xtask::workspace_root().expect("run from the workspace");
    let scratch = std::env::temp_dir().join(format!("xtask-bench-{}", std::process::id()));
    let mut sizes: Vec<(String, PathBuf)> = vec![("real catalog".into(), root.join("spec"))];
    let mut counts = vec![10, 100, 1_000, 10_000];
    if std::env::var_os("BENCH_LARGE").is_some() {
        counts.push(100_000);
    }
    for &values in &counts {
        let dir = scratch.join(format!("synth-{values}"));
        std::fs::create_dir_all(&dir).unwrap();
        for (name, text) in xtask::synth::files(values) {
            std::fs::write(dir.join(name), text).unwrap();
        }
        sizes.push((format!("{values} values"), dir));
    }
    let stage_names = stage_names();
    println!("| catalog | {} | stages | generate | check | vs 10x fewer | peak memory |", stage_names.join(" | "));
    println!("| --- |{} --- | --- | --- | --- | --- |", " --- |".repeat(stage_names.len()));
    let mut previous: Option<Duration> = None;
    for (name, dir) in &sizes {
        // Enough runs for about a second of measuring, between 3 and 15.
        let first = stages(dir, 1).iter().sum::<Duration>();
        let runs = (Duration::from_secs(1).as_nanos() / first.as_nanos().max(1)).clamp(3, 15) as usize;
        let medians = stages(dir, runs);
        let total: Duration = medians.iter().sum();
        let workspace = scratch_workspace(&root, dir, &scratch.join(format!("workspace-{}", name.replace(' ', "-"))));
        let (generate, check) = commands(&workspace, runs);
        let ratio = match previous.filter(|_| name != "real catalog" && !name.starts_with("10 ")) {
            Some(before) => format!("{:.1}x", generate.as_secs_f64() / before.as_secs_f64()),
            None => "—".into(),
        };
        if name != "real catalog" {
            previous = Some(generate);
        }
        let peak = peak_of(&workspace).map_or("?".into(), |kib| format!("{:.0} MiB", kib as f64 / 1024.0));
        let cells: Vec<String> = medians.iter().map(|d| ms(*d)).collect();
        println!(
            "| {name} | {} | {} | {} | {} | {ratio} | {peak} |",
            cells.join(" | "),
            ms(total),
            ms(generate),
            ms(check)
        );
    }
    let _ = std::fs::remove_dir_all(&scratch);
}

/// A workspace of its own for the commands: `spec/` holding the catalog in `catalog`, and the
/// edge fixture, the other catalog `cargo xtask generate` renders, with their crates' manifests.
fn scratch_workspace(root: &Path, catalog: &Path, workspace: &Path) -> PathBuf {
    let copy = |from: &Path, to: &Path| {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
            }
        }
    };
    std::fs::create_dir_all(workspace).unwrap();
    std::fs::write(workspace.join("Cargo.toml"), "[workspace]\n").unwrap();
    for target in xtask::TARGETS {
        let from = if target.catalog == "spec" { catalog.to_path_buf() } else { root.join(target.catalog) };
        copy(&from, &workspace.join(target.catalog));
        // The crate's manifest, whose block of features `generate` rewrites.
        std::fs::create_dir_all(workspace.join(target.out)).unwrap();
        std::fs::copy(root.join(target.out).join("Cargo.toml"), workspace.join(target.out).join("Cargo.toml")).unwrap();
    }
    workspace.to_path_buf()
}

/// The median wall time of `generate` (outputs present, so it renders, compares and writes
/// nothing) and of `check`, over `runs` runs each, after a first `generate` that writes them.
fn commands(workspace: &Path, runs: usize) -> (Duration, Duration) {
    xtask::generate(workspace).unwrap_or_else(|e| panic!("{}", e.error));
    let timed = |run: &dyn Fn()| {
        median(
            (0..runs)
                .map(|_| {
                    let clock = Instant::now();
                    run();
                    clock.elapsed()
                })
                .collect(),
        )
    };
    let generate = timed(&|| assert!(xtask::generate(workspace).unwrap().is_empty()));
    let check = timed(&|| assert!(xtask::check(workspace).unwrap().is_empty()));
    (generate, check)
}

/// The median time of each stage over `runs` runs of the whole pipeline on `dir`.
fn stages(dir: &Path, runs: usize) -> Vec<Duration> {
    let mut times: Vec<Vec<Duration>> = vec![Vec::new(); stage_names().len()];
    let out = std::env::temp_dir().join(format!("xtask-bench-out-{}", std::process::id()));
    for _ in 0..runs {
        let mut clock = Instant::now();
        let mut stage = 0;
        let mut lap = |times: &mut Vec<Vec<Duration>>| {
            times[stage].push(clock.elapsed());
            stage += 1;
            clock = Instant::now();
        };
        let (loaded, errors) = codegen::load::load_dir(dir, "spec");
        assert!(errors.is_empty(), "{}", codegen::diagnostic::report(&errors));
        lap(&mut times);
        let catalog =
            codegen::validate::validate(loaded).unwrap_or_else(|e| panic!("{}", codegen::diagnostic::report(&e)));
        lap(&mut times);
        let mut files = codegen::render::rust::render_crate(&catalog, "synthetic_catalog").unwrap();
        lap(&mut times);
        for output in codegen::render::PER_API_OUTPUTS {
            for api in catalog.apis() {
                files.push(codegen::OutputFile { path: (output.path)(api), contents: (output.render)(api) });
            }
            lap(&mut times);
        }
        std::hint::black_box(codegen::lint::lint(&catalog));
        lap(&mut times);
        std::fs::create_dir_all(&out).unwrap();
        for file in &files {
            let path = out.join(file.path.replace('/', "_"));
            std::fs::write(path, &file.contents).unwrap();
        }
        lap(&mut times);
    }
    let _ = std::fs::remove_dir_all(&out);
    times.into_iter().map(median).collect()
}

/// Peak memory of `generate` on `workspace`, run once in a child process.
fn peak_of(workspace: &Path) -> Option<u64> {
    let exe = std::env::current_exe().ok()?;
    let out = std::process::Command::new(exe).arg("--peak-of").arg(workspace).output().ok()?;
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

/// This process's peak resident set (`VmHWM`), in KiB (Linux).
fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms >= 100.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{ms:.1} ms")
    }
}
