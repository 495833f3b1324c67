//! The catalog toolkit: data flows one way, spec -> [`load`] -> [`validate`] -> [`render`],
//! and the caller (xtask) writes what [`generate`] returns.
//!
//! Nothing here but [`load::load_dir`] touches the file system: the renderers are pure
//! functions from a validated catalog to file contents.

pub mod diagnostic;
pub mod facts;
pub mod lint;
pub mod load;
pub mod locate;
pub mod model;
pub mod names;
pub mod render;
pub mod validate;

pub use diagnostic::Diagnostic;
pub use model::Catalog;
pub use render::OutputFile;

/// Loads and validates a catalog directory, with every parse and validation error of every
/// file at once. `display_dir` is how diagnostics name the directory (e.g. `spec`).
pub fn load_catalog(dir: &std::path::Path, display_dir: &str) -> Result<Catalog, Vec<Diagnostic>> {
    let (catalog, mut errors) = load::load_dir(dir, display_dir);
    errors.extend(validate::validate(&catalog));
    if errors.is_empty() {
        Ok(catalog)
    } else {
        Err(errors)
    }
}

/// Validates the catalog and renders every output, or returns every problem found.
pub fn generate(catalog: &Catalog) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let errors = validate::validate(catalog);
    if !errors.is_empty() {
        return Err(errors);
    }
    render::render_all(catalog)
}
