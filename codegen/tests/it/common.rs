//! Helpers shared by codegen's integration tests.

use codegen::Catalog;
use std::path::{Path, PathBuf};

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// Loads and validates a catalog directory given relative to the workspace, failing the test
/// with the diagnostics if it is broken.
pub fn load(relative: &str) -> Catalog {
    codegen::load(&workspace().join(relative), relative)
        .unwrap_or_else(|errors| panic!("{}", codegen::diagnostic::report(&errors)))
}

/// The real catalog and the edge-case fixture catalog.
pub fn all_catalogs() -> Vec<(&'static str, Catalog)> {
    vec![("spec", load("spec")), ("codegen/tests/fixtures/edge/spec", load("codegen/tests/fixtures/edge/spec"))]
}
