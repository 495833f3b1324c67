//! The I/O half of the toolkit: read the catalog, hand it to `codegen`, then write the outputs
//! (`generate`) or compare them with what is checked in (`check`).

use codegen::diagnostic;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// A catalog directory and the crate directory its outputs go to, relative to the workspace.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    pub catalog: &'static str,
    pub out: &'static str,
}

/// Everything `cargo xtask generate` produces: the real catalog, and the edge-case fixture
/// catalog (a third API) that proves a new API needs YAML only.
pub const TARGETS: &[Target] = &[
    Target { catalog: "spec", out: "generated" },
    Target { catalog: "codegen/tests/fixtures/edge/spec", out: "codegen/tests/fixtures/edge/crate" },
];

/// Directories of an output crate that hold nothing but generated files.
pub const GENERATED_DIRS: &[&str] = &["src", "schemas", "openapi", "docs"];

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
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Catalog(diagnostics) => f.write_str(&diagnostic::report(diagnostics)),
            Error::Io { path, error } => write!(f, "error: {}: {error}", path.display()),
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
        let rendered =
            codegen::load(&root.join(target.catalog), target.catalog).and_then(|catalog| codegen::generate(&catalog));
        match rendered {
            Ok(files) => planned.extend(
                files
                    .into_iter()
                    .map(|file| Planned { path: root.join(target.out).join(&file.path), contents: file.contents }),
            ),
            Err(diagnostics) => errors.extend(diagnostics),
        }
    }
    // The catalog format's own schema comes from codegen's model, not from any catalog.
    planned.push(Planned {
        path: root.join(codegen::render::catalog_schema::PATH),
        contents: codegen::render::catalog_schema::render_catalog_schema(),
    });
    if errors.is_empty() {
        Ok(planned)
    } else {
        Err(Error::Catalog(errors))
    }
}

/// Files in the generated directories that the catalog no longer produces.
fn orphans(root: &Path, planned: &[Planned]) -> Result<Vec<PathBuf>, Error> {
    let mut found = Vec::new();
    for target in TARGETS {
        for dir in GENERATED_DIRS {
            let dir = root.join(target.out).join(dir);
            collect_files(&dir, &mut found)?;
        }
    }
    // Only files that say they were generated are ours to remove; anything else is left alone.
    found.retain(|path| !planned.iter().any(|p| &p.path == path) && is_generated(path));
    found.sort();
    Ok(found)
}

/// Does the file open with the header every generated file carries?
fn is_generated(path: &Path) -> bool {
    let Ok(text) = fs::read_to_string(path) else { return false };
    let opening: String = text.chars().take(400).collect();
    opening.contains(&format!("by `{}`", codegen::render::GENERATE_COMMAND))
}

fn collect_files(dir: &Path, found: &mut Vec<PathBuf>) -> Result<(), Error> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(Error::Io { path: dir.to_path_buf(), error }),
    };
    for entry in entries {
        let path = entry.map_err(io(dir))?.path();
        if path.is_dir() {
            collect_files(&path, found)?;
        } else {
            found.push(path);
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
    Removed(PathBuf),
}

impl Change {
    pub fn path(&self) -> &Path {
        match self {
            Change::Created(p) | Change::Updated(p) | Change::Removed(p) => p,
        }
    }
}

/// Compares the planned files with the disk: each change, with the contents to write.
fn diff<'p>(root: &Path, planned: &'p [Planned]) -> Result<Vec<(Change, Option<&'p str>)>, Error> {
    let mut changes = Vec::new();
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
    changes.extend(orphans(root, planned)?.into_iter().map(|path| (Change::Removed(path), None)));
    Ok(changes)
}

/// The files whose contents on disk differ from what the catalog renders, without writing.
pub fn check(root: &Path) -> Result<Vec<Change>, Error> {
    let planned = plan(root)?;
    Ok(diff(root, &planned)?.into_iter().map(|(change, _)| change).collect())
}

/// Renders everything first; only when all of it succeeded, writes the files that changed
/// (each through a temporary file and a rename, so no file is ever half-written) and removes
/// generated files the catalog no longer produces.
pub fn generate(root: &Path) -> Result<Vec<Change>, Error> {
    let planned = plan(root)?;
    let changes = diff(root, &planned)?;
    for (change, contents) in &changes {
        match (change, contents) {
            (Change::Removed(path), _) => fs::remove_file(path).map_err(io(path))?,
            (Change::Created(path) | Change::Updated(path), Some(contents)) => write_atomically(path, contents)?,
            (Change::Created(_) | Change::Updated(_), None) => {}
        }
    }
    Ok(changes.into_iter().map(|(change, _)| change).collect())
}

fn write_atomically(path: &Path, contents: &str) -> Result<(), Error> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(io(dir))?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = fs::write(&temporary, contents).and_then(|()| fs::rename(&temporary, path));
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result.map_err(io(path))
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
