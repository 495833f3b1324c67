//! The catalog toolkit: data flows one way, spec -> [`load`](mod@load) -> [`validate`] (into the
//! [`resolved`] model) -> [`render`], and the caller (xtask) writes what [`generate`] returns.
//!
//! Nothing here but [`load::load_dir`] touches the file system: the renderers are pure
//! functions from a resolved catalog to file contents, and only validation builds one.

pub mod diagnostic;
pub mod draft;
pub mod drift;
pub mod every_error;
pub mod facts;
pub mod lint;
pub mod load;
pub mod model;
pub mod names;
pub mod page;
mod parallel;
pub mod render;
pub mod resolved;
pub mod source_map;
pub mod validate;

pub use diagnostic::Diagnostic;
pub use render::OutputFile;
pub use resolved::Catalog;

/// Loads and validates a catalog directory, with every parse and validation error of every
/// file at once. `display_dir` is how diagnostics name the directory (e.g. `spec`).
pub fn load(dir: &std::path::Path, display_dir: &str) -> Result<Catalog, Vec<Diagnostic>> {
    let (loaded, mut errors) = load::load_dir(dir, display_dir);
    match validate::validate(loaded) {
        Ok(catalog) if errors.is_empty() => Ok(catalog),
        Ok(_) => Err(errors),
        Err(more) => {
            errors.extend(more);
            Err(errors)
        }
    }
}

/// Renders every output of a resolved catalog, for a Rust crate named `crate_name` (as its
/// documentation's examples `use` it: `api_error_catalog`).
pub fn generate(catalog: &Catalog, crate_name: &str) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    render::render_all(catalog, crate_name)
}
