//! Renderers: pure functions from a resolved catalog to the text of each output file. Each
//! renderer is one output format; none calls another (`definitions`, `recovery_data`, `text`
//! and `yaml` are building blocks they share).

pub mod catalog_schema;
pub mod definitions;
pub mod markdown;
pub mod openapi;
pub mod recovery;
pub mod recovery_data;
pub mod rust;
pub mod schema;
pub mod text;
pub mod yaml;

use crate::diagnostic::Diagnostic;
use crate::resolved::Catalog;

/// One file to write, with its path relative to the output directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub contents: String,
}

/// The command that writes every generated file; named in their headers.
pub const GENERATE_COMMAND: &str = "cargo xtask generate";

/// Renders every output of the catalog, in a stable order.
///
/// The Rust crate, by far the slowest output, renders on threads of its own while this one
/// renders the rest, whose time then mostly disappears from the wall time.
pub fn render_all(catalog: &Catalog) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    std::thread::scope(|scope| {
        let rust = scope.spawn(|| rust::render_crate(catalog));
        let mut files = render_text(catalog);
        files.extend(rust.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?);
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    })
}

/// The schemas, OpenAPI documents, Markdown reference and recovery tables.
fn render_text(catalog: &Catalog) -> Vec<OutputFile> {
    let mut files = Vec::new();
    for api in catalog.apis() {
        files
            .push(OutputFile { path: format!("schemas/{}.schema.json", api.id), contents: schema::render_schema(api) });
        files.push(OutputFile { path: format!("openapi/{}.yaml", api.id), contents: openapi::render_openapi(api) });
        files.push(OutputFile { path: format!("docs/{}.md", api.id), contents: markdown::render_api(api) });
        files.push(OutputFile { path: format!("recovery/{}.json", api.id), contents: recovery::render_recovery(api) });
    }
    files.push(OutputFile { path: "docs/README.md".into(), contents: markdown::render_index(catalog) });
    files
}
