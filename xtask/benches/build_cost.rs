//! What the generated crate costs the projects that depend on it, and what a catalog of 10,000
//! values costs to build: `cargo bench -p xtask --bench build_cost`. A bench binary (no
//! criterion: each sample is a whole cold `cargo build`).
//!
//! Scratch projects, each built from nothing in a target directory of its own, in debug and
//! release, `BUILD_RUNS` times (default 3), the median printed with the ratio to the baseline
//! built in the same run:
//!
//! - `serde + serde_json`: the baseline, a client that decodes its error bodies by hand
//!   (serde with `derive`, serde_json);
//! - `serde (no derive) + serde_json`: a client that derives nothing and reads bodies as
//!   `Value`s (no proc-macro at all);
//! - `generated crate`: a client of `api-error-catalog` with default features, which derives
//!   nothing itself (the generated crate writes its serde impls out, so no proc-macro is built);
//! - `generated crate + serde derive`: the same client deriving its own types too, as most do;
//! - `generated crate, one API`: the first client with only the feature of the real catalog's
//!   largest API (`default-features = false`);
//! - `generated crate + http`: the same with the `http` feature;
//! - `10,000-value crate` (release only, with `real crate` beside it): the crate generated from
//!   a synthetic catalog of 10,000 error values, against the crate of the real catalog.
//!
//! Every project gets the workspace's `Cargo.lock`, so all build the same versions. Wall time is
//! what a user waits on this 2-core machine; CPU time (user + system of the build's processes,
//! from `/proc/self/stat`, Linux) is what a bigger or busier machine would spend.

mod common;

use common::median;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// One project to build: its name in the table, its manifest's dependencies, and its main.
struct Project {
    name: &'static str,
    dependencies: String,
    main: &'static str,
}

const CLIENT_MAIN: &str = r##"
fn main() {
    let body = br#"{"error": "Rate limit exceeded", "type": "RATE_LIMIT_EXCEEDED", "requestId": "req_1"}"#;
    for api in api_error_catalog::APIS {
        let error = (api.read)(429, &[("Retry-After", "3")], body);
        println!("{}: {:?}", api.id, error.recovery(std::time::SystemTime::now()).kind());
    }
}
"##;

const BASELINE_MAIN: &str = r##"
#[derive(serde::Deserialize, Debug)]
#[allow(dead_code)]
struct Body {
    error: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(rename = "requestId")]
    request_id: Option<String>,
}

fn main() {
    let body = br#"{"error": "Rate limit exceeded", "type": "RATE_LIMIT_EXCEEDED", "requestId": "req_1"}"#;
    println!("{:?}", serde_json::from_slice::<Body>(body).ok());
}
"##;

const NO_DERIVE_MAIN: &str = r##"
fn main() {
    let body = br#"{"error": "Rate limit exceeded", "type": "RATE_LIMIT_EXCEEDED", "requestId": "req_1"}"#;
    let value: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
    println!("{:?}", value.get("type"));
}
"##;

/// The generated client, deriving a type of its own as the baseline does.
const DERIVING_CLIENT_MAIN: &str = r##"
#[derive(serde::Deserialize, Debug)]
#[allow(dead_code)]
struct Order {
    id: String,
    #[serde(rename = "totalCents")]
    total_cents: u64,
}

fn main() {
    let body = br#"{"error": "Rate limit exceeded", "type": "RATE_LIMIT_EXCEEDED", "requestId": "req_1"}"#;
    for api in api_error_catalog::APIS {
        let error = (api.read)(429, &[("Retry-After", "3")], body);
        println!("{}: {:?}", api.id, error.recovery(std::time::SystemTime::now()).kind());
    }
    println!("{:?}", serde_json::from_slice::<Order>(br#"{"id": "o1", "totalCents": 5}"#).ok());
}
"##;

const LIBRARY_MAIN: &str = "fn main() {}\n";

fn main() {
    let root = xtask::workspace_root().expect("run from the workspace");
    let runs: usize = std::env::var("BUILD_RUNS").ok().and_then(|n| n.parse().ok()).unwrap_or(3).max(1);
    let scratch = std::env::temp_dir().join(format!("xtask-build-cost-{}", std::process::id()));
    let path = |dir: &str| root.join(dir).display().to_string();
    let serde = r#"serde = { version = "1.0.200", features = ["derive"] }"#;
    let serde_json = r#"serde_json = "1.0.120""#;
    let clients = [
        Project { name: "serde + serde_json", dependencies: format!("{serde}\n{serde_json}"), main: BASELINE_MAIN },
        Project {
            name: "serde (no derive) + serde_json",
            dependencies: format!("serde = \"1.0.200\"\n{serde_json}"),
            main: NO_DERIVE_MAIN,
        },
        Project {
            name: "generated crate",
            dependencies: format!("api-error-catalog = {{ path = {:?} }}", path("generated")),
            main: CLIENT_MAIN,
        },
        Project {
            name: "generated crate + serde derive",
            dependencies: format!("api-error-catalog = {{ path = {:?} }}\n{serde}\n{serde_json}", path("generated")),
            main: DERIVING_CLIENT_MAIN,
        },
        Project {
            name: "generated crate, one API",
            dependencies: format!(
                "api-error-catalog = {{ path = {:?}, default-features = false, features = [{:?}] }}",
                path("generated"),
                one_api(&root)
            ),
            main: CLIENT_MAIN,
        },
        Project {
            name: "generated crate + http",
            dependencies: format!("api-error-catalog = {{ path = {:?}, features = [\"http\"] }}", path("generated")),
            main: CLIENT_MAIN,
        },
    ];
    println!("Each figure: the median of {runs} cold build(s); ratios against the first row of its table.\n");
    for release in [false, true] {
        table(&root, &scratch, &clients, release, runs);
    }

    // The crate of 10,000 values, against the real crate, both as libraries built alone.
    let synthetic = scratch.join("synthetic-crate");
    write_synthetic_crate(&root, &synthetic, 10_000);
    let crates = [
        Project {
            name: "real crate",
            dependencies: format!("api-error-catalog = {{ path = {:?} }}", path("generated")),
            main: LIBRARY_MAIN,
        },
        Project {
            name: "10,000-value crate",
            dependencies: format!("synthetic-catalog = {{ path = {:?} }}", synthetic.display().to_string()),
            main: LIBRARY_MAIN,
        },
    ];
    table(&root, &scratch, &crates, true, runs);
    let _ = std::fs::remove_dir_all(&scratch);
}

/// The id of the real catalog's largest API (by values), the one a client of one API pays most
/// for: the row of one API shows what the features leave out.
fn one_api(root: &Path) -> String {
    let catalog = codegen::load(&root.join("spec"), "spec").expect("the real catalog loads");
    let values = |api: &codegen::resolved::Api| api.vocabularies.iter().map(|v| v.values.len()).sum::<usize>();
    catalog.apis().iter().max_by_key(|api| values(api)).map(|api| api.id.clone()).expect("the catalog has an API")
}

/// Builds each project `runs` times from nothing and prints a row per project.
fn table(root: &Path, scratch: &Path, projects: &[Project], release: bool, runs: usize) {
    let profile = if release { "release" } else { "debug" };
    println!("| {profile} build | wall | CPU | crates compiled | wall vs first row | CPU vs first row |");
    println!("| --- | --- | --- | --- | --- | --- |");
    let mut first: Option<(Duration, Duration)> = None;
    for project in projects {
        let dir = scratch.join(project.name.replace(|c: char| !c.is_ascii_alphanumeric(), "-"));
        write_project(root, &dir, project);
        let samples: Vec<(Duration, Duration, usize)> =
            (0..runs).map(|run| cold_build(&dir, release, &dir.join(format!("target-{profile}-{run}")))).collect();
        let crates = samples[0].2;
        let wall = median(samples.iter().map(|s| s.0).collect());
        let cpu = median(samples.iter().map(|s| s.1).collect());
        let (wall_ratio, cpu_ratio) = match first {
            Some((w, c)) => (
                format!("{:.2}x", wall.as_secs_f64() / w.as_secs_f64()),
                format!("{:.2}x", cpu.as_secs_f64() / c.as_secs_f64()),
            ),
            None => ("—".into(), "—".into()),
        };
        first.get_or_insert((wall, cpu));
        println!(
            "| {} | {:.1} s | {:.1} s | {crates} | {wall_ratio} | {cpu_ratio} |",
            project.name,
            wall.as_secs_f64(),
            cpu.as_secs_f64()
        );
    }
    println!();
}

fn write_project(root: &Path, dir: &Path, project: &Project) {
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let manifest = format!(
        "[package]\nname = \"scratch\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n{}\n\n[workspace]\n",
        project.dependencies
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    std::fs::write(dir.join("src/main.rs"), project.main).unwrap();
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
}

/// One `cargo build` of `dir` into the empty `target`: wall time, CPU time of the build's
/// processes, and how many crates it compiled.
fn cold_build(dir: &Path, release: bool, target: &Path) -> (Duration, Duration, usize) {
    let _ = std::fs::remove_dir_all(target);
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command.arg("build").current_dir(dir).env("CARGO_TARGET_DIR", target).env_remove("RUSTFLAGS");
    if release {
        command.arg("--release");
    }
    let cpu_before = children_cpu();
    let clock = Instant::now();
    let output = command.output().expect("cargo runs");
    let wall = clock.elapsed();
    let cpu = children_cpu().saturating_sub(cpu_before);
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "building {} failed:\n{log}", dir.display());
    let crates = log.lines().filter(|line| line.trim_start().starts_with("Compiling ")).count();
    let _ = std::fs::remove_dir_all(target);
    (wall, cpu, crates)
}

/// User plus system time of this process's waited-for children (`cutime` and `cstime` of
/// `/proc/self/stat`, in clock ticks of 1/100 s on Linux).
fn children_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')').map_or(vec![], |(_, rest)| rest.split_whitespace().collect());
    // cutime and cstime are fields 16 and 17 of the whole line; 14 and 15 after the name.
    let ticks: u64 = fields.iter().skip(13).take(2).filter_map(|f| f.parse::<u64>().ok()).sum();
    Duration::from_millis(ticks * 10)
}

/// The crate `cargo xtask generate` would write for a synthetic catalog of `values` values,
/// depending on the workspace's runtime.
fn write_synthetic_crate(root: &Path, dir: &Path, values: usize) {
    let spec = dir.join("spec");
    std::fs::create_dir_all(&spec).unwrap();
    std::fs::write(spec.join("synth.yaml"), xtask::synth::catalog(values)).unwrap();
    let catalog = codegen::load(&spec, "spec").unwrap_or_else(|e| panic!("{}", codegen::diagnostic::report(&e)));
    for file in codegen::generate(&catalog, "synthetic_catalog")
        .unwrap_or_else(|e| panic!("{}", codegen::diagnostic::report(&e)))
    {
        let path = dir.join(&file.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, file.contents).unwrap();
    }
    // With its features (a feature per API, all on by default), or its module is compiled out.
    let manifest = format!(
        "[package]\nname = \"synthetic-catalog\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\napi-error-runtime = {{ path = {:?} }}\n\n[features]\n{}",
        root.join("runtime").display().to_string(),
        codegen::render::rust::features::render_block(&catalog)
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
}
