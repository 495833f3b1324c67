//! The I/O half of the toolkit: read the catalog, hand it to `codegen`, then write the outputs
//! (`generate`) or compare them with what is checked in (`check`).

pub mod fuzz;
pub mod pages;
pub mod synth;

use codegen::diagnostic;
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// A catalog directory and the crate directory its outputs go to, relative to the workspace.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    pub catalog: &'static str,
    pub out: &'static str,
    /// The crate's name in Rust (its `[lib] name`), which its documentation's examples use.
    pub crate_name: &'static str,
    /// The directory of the packages for other languages whose generated parts come from this
    /// catalog, if any (for the fixture, just those parts: `packages/run` puts them in a copy of
    /// each package and checks them there).
    pub packages: Option<&'static str>,
}

/// Everything `cargo xtask generate` produces: the real catalog, and the edge-case fixture
/// catalog (a third API) that proves a new API needs YAML only.
pub const TARGETS: &[Target] = &[
    Target { catalog: "spec", out: "generated", crate_name: "api_error_catalog", packages: Some("packages") },
    Target {
        catalog: "codegen/tests/fixtures/edge/spec",
        out: "codegen/tests/fixtures/edge/crate",
        crate_name: "edge_fixture",
        packages: Some("codegen/tests/fixtures/edge/crate/packages"),
    },
];

/// Directories of an output crate that hold nothing but generated files.
pub const GENERATED_DIRS: &[&str] = &["src", "schemas", "openapi", "docs", "recovery"];

/// The workspace this run acts on, found at run time, never baked in at compile time: a target
/// directory shared by two checkouts holds one binary for both, and it must act on the checkout
/// it was invoked from.
///
/// `cargo run` (and so `cargo xtask`) tells the process where xtask's manifest is in that
/// checkout (`CARGO_MANIFEST_DIR`); a binary run directly looks up from the current directory.
pub fn workspace_root() -> Result<PathBuf, Error> {
    if let Some(manifest_dir) = std::env::var_os("CARGO_MANIFEST_DIR") {
        if let Some(root) = Path::new(&manifest_dir).parent().filter(|dir| is_workspace_root(dir)) {
            return Ok(root.to_path_buf());
        }
    }
    let current = std::env::current_dir().map_err(io(Path::new(".")))?;
    current.ancestors().find(|dir| is_workspace_root(dir)).map(Path::to_path_buf).ok_or(Error::NoWorkspace(current))
}

/// A directory whose `Cargo.toml` declares a workspace.
fn is_workspace_root(dir: &Path) -> bool {
    fs::read_to_string(dir.join("Cargo.toml")).is_ok_and(|manifest| manifest.lines().any(|l| l.trim() == "[workspace]"))
}

#[derive(Debug)]
pub enum Error {
    /// The catalog is broken; nothing was written.
    Catalog(Vec<codegen::Diagnostic>),
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// Neither `CARGO_MANIFEST_DIR` nor the current directory leads to a workspace.
    NoWorkspace(PathBuf),
    /// An output crate's `Cargo.toml` has no place for the generated features.
    Manifest {
        path: PathBuf,
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Catalog(diagnostics) => f.write_str(&diagnostic::report(diagnostics)),
            Error::Io { path, error } => write!(f, "error: {}: {error}", path.display()),
            Error::Manifest { path, message } => write!(f, "error: {}: {message}", path.display()),
            Error::NoWorkspace(dir) => write!(
                f,
                "error: {} is not inside a cargo workspace; run `cargo xtask` from the project's checkout",
                dir.display()
            ),
        }
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |error| Error::Io { path: path.to_path_buf(), error }
}

/// A file the catalog produces, at its absolute path.
pub struct Planned {
    pub path: PathBuf,
    pub contents: String,
}

/// Loads, validates and renders every target in memory. Diagnostics of all targets come together.
pub fn plan(root: &Path) -> Result<Vec<Planned>, Error> {
    let mut planned = Vec::new();
    let mut errors = Vec::new();
    for target in TARGETS {
        let mut catalog = match codegen::load(&root.join(target.catalog), target.catalog) {
            Ok(catalog) => catalog,
            Err(diagnostics) => {
                errors.extend(diagnostics);
                continue;
            }
        };
        // Valid, so nothing left to point at in the files: their positions go before rendering.
        catalog.forget_positions();
        match codegen::generate(&catalog, target.crate_name) {
            Ok(files) => planned.extend(
                files
                    .into_iter()
                    .map(|file| Planned { path: root.join(target.out).join(&file.path), contents: file.contents }),
            ),
            Err(diagnostics) => errors.extend(diagnostics),
        }
        if let Some(packages) = target.packages {
            planned.extend(
                codegen::render::render_packages(&catalog)
                    .into_iter()
                    .map(|file| Planned { path: root.join(packages).join(&file.path), contents: file.contents }),
            );
        }
        planned.push(manifest_with_features(root, target, &catalog)?);
    }
    // The catalog format's own schema and key reference come from codegen's model, not from any
    // catalog.
    planned.push(Planned {
        path: root.join(codegen::render::catalog_schema::PATH),
        contents: codegen::render::catalog_schema::render_catalog_schema(),
    });
    planned.push(Planned {
        path: root.join(codegen::render::catalog_reference::PATH),
        contents: codegen::render::catalog_reference::render_catalog_reference(),
    });
    if errors.is_empty() {
        Ok(planned)
    } else {
        Err(Error::Catalog(errors))
    }
}

/// The crate's hand-written `Cargo.toml` with its generated block of features (a feature per
/// API) rewritten from the catalog.
fn manifest_with_features(
    root: &Path,
    target: &Target,
    catalog: &codegen::resolved::Catalog,
) -> Result<Planned, Error> {
    use codegen::render::rust::features;
    let path = root.join(target.out).join("Cargo.toml");
    let manifest = fs::read_to_string(&path).map_err(io(&path))?;
    let contents = features::splice(&manifest, &features::render_block(catalog))
        .map_err(|message| Error::Manifest { path: path.clone(), message })?;
    Ok(Planned { path, contents })
}

/// The lock file at the workspace root that keeps two runs in one checkout from interleaving.
pub const LOCK_FILE: &str = ".xtask.lock";

/// How temporary files are named: `.<name>` plus this. One run at a time writes (the lock), so
/// the name needs no process id, and every later run recognises a leftover one.
pub const TEMP_SUFFIX: &str = ".xtask-tmp";

/// Holds the checkout's lock while alive: exclusively for `generate`, shared for `check`. When
/// another run holds it, says so and waits; the operating system releases it when a run ends,
/// however it ends.
pub struct Lock(#[allow(dead_code)] fs::File);

pub fn lock(root: &Path, exclusive: bool) -> Result<Lock, Error> {
    let path = root.join(LOCK_FILE);
    let file = fs::OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(io(&path))?;
    let attempt = if exclusive { file.try_lock() } else { file.try_lock_shared() };
    match attempt {
        Ok(()) => {}
        Err(fs::TryLockError::WouldBlock) => {
            eprintln!("waiting for another `cargo xtask generate` in this checkout to finish");
            let waited = if exclusive { file.lock() } else { file.lock_shared() };
            waited.map_err(io(&path))?;
        }
        Err(fs::TryLockError::Error(error)) => return Err(Error::Io { path, error }),
    }
    Ok(Lock(file))
}

/// Is this a temporary file a run of `generate` left behind (killed mid-write)? Names from
/// before the lock (`.<name>.tmp-<pid>`) count too.
fn is_temporary(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return false };
    let legacy =
        name.rsplit_once(".tmp-").is_some_and(|(_, pid)| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()));
    name.starts_with('.') && (name.ends_with(TEMP_SUFFIX) || legacy)
}

/// Files in the generated directories that the catalog no longer produces, and temporary
/// files left behind there or beside any planned file.
fn leftovers(root: &Path, planned: &[Planned]) -> Result<Vec<Change>, Error> {
    let mut found = Vec::new();
    for target in TARGETS {
        for dir in GENERATED_DIRS {
            collect_files(&root.join(target.out).join(dir), &mut found)?;
        }
        if let Some(packages) = target.packages {
            for dir in codegen::render::PACKAGE_DIRS {
                collect_files(&root.join(packages).join(dir), &mut found)?;
            }
        }
    }
    let mut beside = Vec::new();
    for dir in planned.iter().filter_map(|p| p.path.parent()) {
        if !beside.contains(&dir) {
            beside.push(dir);
            found.extend(read_dir_files(dir)?.into_iter().filter(|path| is_temporary(path)));
        }
    }
    found.sort();
    found.dedup();
    let mut changes = Vec::new();
    for path in found {
        if is_temporary(&path) {
            changes.push(Change::Leftover(path));
        } else if !planned.iter().any(|p| p.path == path) && is_generated(&path) {
            // Only files that say they were generated are ours to remove.
            changes.push(Change::Removed(path));
        }
    }
    Ok(changes)
}

/// Does the file open with the header every generated file carries? Reads at most its first
/// bytes, and nothing but regular files.
fn is_generated(path: &Path) -> bool {
    let mut opening = Vec::new();
    let read = fs::File::open(path).and_then(|file| file.take(400).read_to_end(&mut opening));
    read.is_ok() && String::from_utf8_lossy(&opening).contains(&format!("by `{}`", codegen::render::GENERATE_COMMAND))
}

/// The regular files directly in `dir` (none when it does not exist).
fn read_dir_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(Error::Io { path: dir.to_path_buf(), error }),
    };
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(io(dir))?;
        // The entry's own type: a symlink is not followed, a FIFO never opened.
        if entry.file_type().map_err(io(dir))?.is_file() {
            files.push(entry.path());
        }
    }
    Ok(files)
}

/// The regular files under `dir`, in its subdirectories too (symlinks not followed).
fn collect_files(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), Error> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(Error::Io { path: dir.to_path_buf(), error }),
    };
    for entry in entries {
        let entry = entry.map_err(io(dir))?;
        let kind = entry.file_type().map_err(io(dir))?;
        if kind.is_dir() {
            collect_files(&entry.path(), found)?;
        } else if kind.is_file() {
            found.push(entry.path());
        }
    }
    Ok(())
}

/// Git may check text out with CRLF line endings; those are not stale.
fn normalized(text: &str) -> String {
    text.replace("\r\n", "\n")
}

/// What `generate` or `check` found for one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Created(PathBuf),
    Updated(PathBuf),
    /// A generated file the catalog no longer produces.
    Removed(PathBuf),
    /// A temporary file an interrupted run left behind.
    Leftover(PathBuf),
}

impl Change {
    pub fn path(&self) -> &Path {
        match self {
            Change::Created(p) | Change::Updated(p) | Change::Removed(p) | Change::Leftover(p) => p,
        }
    }
}

/// Compares the planned files with the disk: each change, with the contents to write. Leftover
/// temporary files come first, so that they are cleared before writing reuses their names.
fn diff<'p>(root: &Path, planned: &'p [Planned]) -> Result<Vec<(Change, Option<&'p str>)>, Error> {
    let (mut changes, removals): (Vec<_>, Vec<_>) = leftovers(root, planned)?
        .into_iter()
        .map(|change| (change, None))
        .partition(|(c, _)| matches!(c, Change::Leftover(_)));
    for file in planned {
        let contents = Some(file.contents.as_str());
        match fs::read_to_string(&file.path) {
            Ok(current) if normalized(&current) == file.contents => {}
            Ok(_) => changes.push((Change::Updated(file.path.clone()), contents)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                changes.push((Change::Created(file.path.clone()), contents))
            }
            Err(error) => return Err(Error::Io { path: file.path.clone(), error }),
        }
    }
    changes.extend(removals);
    Ok(changes)
}

/// The files whose contents on disk differ from what the catalog renders, without writing.
/// Waits while a `generate` in the same checkout writes.
pub fn check(root: &Path) -> Result<Vec<Change>, Error> {
    let planned = plan(root)?;
    let _lock = lock(root, false)?;
    Ok(diff(root, &planned)?.into_iter().map(|(change, _)| change).collect())
}

/// A `generate` that failed part-way: what it had changed by then, and why it stopped.
#[derive(Debug)]
pub struct Interrupted {
    pub written: Vec<Change>,
    pub error: Error,
}

impl From<Error> for Interrupted {
    fn from(error: Error) -> Self {
        Interrupted { written: Vec::new(), error }
    }
}

/// Renders everything first; only when all of it succeeded, writes the files that changed
/// (each through a temporary file and a rename, so no file is ever half-written), removes
/// generated files the catalog no longer produces and temporary files an interrupted run left.
/// Holds the checkout's lock while it looks and writes, so runs never interleave.
pub fn generate(root: &Path) -> Result<Vec<Change>, Interrupted> {
    let planned = plan(root)?;
    let _lock = lock(root, true)?;
    let changes = diff(root, &planned)?;
    let mut written = Vec::new();
    for (change, contents) in changes {
        let done = match (&change, contents) {
            (Change::Removed(path), _) => fs::remove_file(path).map_err(io(path)),
            (Change::Leftover(path), _) => match fs::remove_file(path) {
                Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                    Err(Error::Io { path: path.clone(), error })
                }
                _ => Ok(()),
            },
            (Change::Created(path) | Change::Updated(path), Some(contents)) => write_atomically(path, contents),
            (Change::Created(_) | Change::Updated(_), None) => Ok(()),
        };
        match done {
            Ok(()) => written.push(change),
            Err(error) => return Err(Interrupted { written, error }),
        }
    }
    Ok(written)
}

fn write_atomically(path: &Path, contents: &str) -> Result<(), Error> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(io(dir))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = dir.join(format!(".{name}{TEMP_SUFFIX}"));
    let result = fs::write(&temporary, contents).and_then(|()| {
        pause_for_tests();
        fs::rename(&temporary, path)
    });
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result.map_err(io(path))
}

/// The crash tests kill `generate` while it writes; this variable (which nothing else sets)
/// stretches each write so that they can land there, between a temporary file and its rename.
pub const TEST_WRITE_PAUSE_VARIABLE: &str = "XTASK_TEST_WRITE_PAUSE_MS";

fn pause_for_tests() {
    if let Some(ms) = std::env::var(TEST_WRITE_PAUSE_VARIABLE).ok().and_then(|ms| ms.parse().ok()) {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

/// A path relative to the workspace root, for messages.
pub fn shown(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).display().to_string()
}

/// Loads and validates the catalog in `catalog` (relative to `root`) and lints it.
pub fn lint(root: &Path, catalog: &str) -> Result<Vec<codegen::lint::Finding>, Error> {
    let loaded = codegen::load(&root.join(catalog), catalog).map_err(Error::Catalog)?;
    Ok(codegen::lint::lint(&loaded))
}

/// Rewrites the expected lint report of every catalog file in `catalog` that pins one
/// (see [`codegen::lint::expected_report_path`]); returns the files that changed.
pub fn bless_lint(root: &Path, catalog: &str) -> Result<Vec<PathBuf>, Error> {
    let loaded = codegen::load(&root.join(catalog), catalog).map_err(Error::Catalog)?;
    let findings = codegen::lint::lint(&loaded);
    let mut changed = Vec::new();
    for api in loaded.apis() {
        let expected = codegen::lint::expected_report_path(&root.join(&api.file));
        let Ok(old) = std::fs::read_to_string(&expected) else { continue };
        let new = codegen::lint::file_report(&findings, &api.file);
        if old != new {
            write_atomically(&expected, &new)?;
            changed.push(expected);
        }
    }
    Ok(changed)
}
