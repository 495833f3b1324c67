//! `cargo xtask draft` and `cargo xtask drift`: the file-system half of drafting a catalog from
//! an API's documentation page and of comparing a catalog with the current page.

use codegen::page::{read_page, Page, MAX_PAGE_BYTES};
use std::fmt;
use std::fs;
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};

/// What went wrong, and the exit code it gets: 2 for bad input, 1 otherwise.
#[derive(Debug)]
pub enum PageCommandError {
    /// The page cannot be read or is not an error page in Markdown.
    BadPage {
        path: PathBuf,
        why: String,
    },
    /// The catalog file exists already; nothing was written.
    Exists(PathBuf),
    /// No catalog has that id.
    UnknownApi(String),
    /// The draft could not be made.
    Draft(codegen::draft::DraftError),
    /// The catalog is broken.
    Catalog(Vec<codegen::Diagnostic>),
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl PageCommandError {
    /// 2 for input the command cannot work with, 1 for the rest.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::BadPage { .. } | Self::UnknownApi(_) | Self::Exists(_) => 2,
            Self::Draft(codegen::draft::DraftError::NoBody) => 2,
            Self::Draft(codegen::draft::DraftError::BadId(_)) => 2,
            _ => 1,
        }
    }
}

impl fmt::Display for PageCommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadPage { path, why } => write!(f, "error: {}: {why}", path.display()),
            Self::Exists(path) => {
                write!(f, "error: {} exists already; nothing was written (move it away to draft again)", path.display())
            }
            Self::UnknownApi(id) => write!(f, "error: no catalog in spec/ has the id `{id}`"),
            Self::Draft(error) => write!(f, "error: {error}"),
            Self::Catalog(diagnostics) => f.write_str(&codegen::diagnostic::report(diagnostics)),
            Self::Io { path, error } => write!(f, "error: {}: {error}", path.display()),
        }
    }
}

/// Reads and parses a page file, refusing what is not a page before reading it all.
pub fn load_page(path: &Path) -> Result<Page, PageCommandError> {
    let bad = |why: String| PageCommandError::BadPage { path: path.to_path_buf(), why };
    let metadata = fs::metadata(path).map_err(|e| bad(format!("cannot read it: {e}")))?;
    if !metadata.is_file() {
        return Err(bad("is not a regular file".into()));
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|file| file.take(MAX_PAGE_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(|e| bad(format!("cannot read it: {e}")))?;
    if bytes.len() > MAX_PAGE_BYTES {
        // The real size, for the message.
        return Err(bad(codegen::page::PageError::TooLarge(metadata.len() as usize).to_string()));
    }
    read_page(&bytes).map_err(|e| bad(e.to_string()))
}

/// A written draft: where, and what it could not place.
#[derive(Debug)]
pub struct Drafted {
    pub path: PathBuf,
    pub unplaced: Vec<String>,
}

/// Drafts `spec/<id>.yaml` from the page at `page_path`; refuses to overwrite a catalog.
pub fn draft(root: &Path, page_path: &Path, id: &str) -> Result<Drafted, PageCommandError> {
    let spec = root.join("spec");
    let target = spec.join(format!("{id}.yaml"));
    if target.exists() {
        return Err(PageCommandError::Exists(target));
    }
    let page = load_page(page_path)?;
    let local_copy = relative_path(&spec, page_path);
    let drafted = codegen::draft::draft(&page, id, local_copy.as_deref()).map_err(PageCommandError::Draft)?;
    create_new(&target, &drafted.yaml)?;
    Ok(Drafted { path: target, unplaced: drafted.unplaced })
}

/// What `drift` found: every difference, and whether the page changed since it was checked.
#[derive(Debug)]
pub struct Drifted {
    pub report: codegen::drift::DriftReport,
}

/// Compares the catalog `id` in `spec/` with the page at `page_path`.
pub fn drift(root: &Path, id: &str, page_path: &Path) -> Result<Drifted, PageCommandError> {
    let catalog = codegen::load(&root.join("spec"), "spec").map_err(PageCommandError::Catalog)?;
    let api = catalog.apis().iter().find(|api| api.id == id).ok_or_else(|| PageCommandError::UnknownApi(id.into()))?;
    let page = load_page(page_path)?;
    Ok(Drifted { report: codegen::drift::drift(api, &page) })
}

/// Writes a new file whole, or not at all, and never over an existing one: a temporary file,
/// then a hard link under the final name (which fails if the name is taken).
fn create_new(path: &Path, contents: &str) -> Result<(), PageCommandError> {
    let io = |error: std::io::Error| PageCommandError::Io { path: path.to_path_buf(), error };
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = dir.join(format!(".{name}{}", crate::TEMP_SUFFIX));
    let written = fs::File::create(&temporary).and_then(|mut file| {
        file.write_all(contents.as_bytes())?;
        file.sync_all()
    });
    let result = written.and_then(|()| fs::hard_link(&temporary, path));
    let _ = fs::remove_file(&temporary);
    match result {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Err(PageCommandError::Exists(path.into())),
        Err(error) => Err(io(error)),
    }
}

/// `to` as a path from the directory `from`, e.g. `../../shared/seeds/page.txt`; `None` when
/// one of them cannot be resolved.
pub fn relative_path(from: &Path, to: &Path) -> Option<String> {
    let from = fs::canonicalize(from).ok()?;
    let to = fs::canonicalize(to).ok()?;
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = to.components().collect();
    let shared = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - shared];
    parts.extend(to[shared..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    Some(parts.join("/"))
}
