//! Renderers: pure functions from a resolved catalog to the text of each output file. Each
//! renderer is one output format; none calls another (`decoding`, `definitions`, `flowchart`,
//! `recovery_data`, `text` and `yaml` are building blocks they share).

pub mod catalog_reference;
pub mod catalog_schema;
pub mod decoding;
pub mod definitions;
pub mod flowchart;
pub mod markdown;
pub mod openapi;
pub mod python;
pub mod recovery;
pub mod recovery_data;
pub mod rust;
pub mod schema;
pub mod text;
pub mod typescript;
pub mod yaml;

use crate::diagnostic::Diagnostic;
use crate::resolved::{Api, Catalog};

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
pub fn render_all(catalog: &Catalog, crate_name: &str) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    std::thread::scope(|scope| {
        let rust = scope.spawn(|| rust::render_crate(catalog, crate_name));
        let mut files = render_text(catalog);
        files.extend(rust.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?);
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    })
}

/// An output rendered once per API beside the Rust crate.
pub struct PerApiOutput {
    /// What it is, as the generation benchmark names its stage.
    pub name: &'static str,
    /// Where the API's file goes.
    pub path: fn(&Api) -> String,
    pub render: fn(&Api) -> String,
}

/// The schemas, OpenAPI documents, Markdown reference and recovery tables.
pub const PER_API_OUTPUTS: &[PerApiOutput] = &[
    PerApiOutput {
        name: "schema",
        path: |api| format!("schemas/{}.schema.json", api.id),
        render: schema::render_schema,
    },
    PerApiOutput { name: "openapi", path: |api| format!("openapi/{}.yaml", api.id), render: openapi::render_openapi },
    PerApiOutput { name: "markdown", path: |api| format!("docs/{}.md", api.id), render: markdown::render_api },
    PerApiOutput {
        name: "recovery",
        path: |api| format!("recovery/{}.json", api.id),
        render: recovery::render_recovery,
    },
];

/// The directories of the packages that hold nothing but generated files.
pub const PACKAGE_DIRS: &[&str] = &[python::DIR, typescript::DIR, typescript::TYPES_DIR];

/// The generated parts of the packages for other languages (`packages/`): for each API, its
/// module (and, in TypeScript, its declarations) with the recovery data it loads. Their
/// hand-written parts read and decide.
pub fn render_packages(catalog: &Catalog) -> Vec<OutputFile> {
    let mut files = Vec::new();
    for api in catalog.apis() {
        let document = recovery::recovery_document(api);
        files.push(OutputFile { path: python::module_path(api), contents: python::render_module(api) });
        files.push(OutputFile {
            path: typescript::module_path(api),
            contents: typescript::render_module(api, &document),
        });
        files.push(OutputFile {
            path: typescript::declarations_path(api),
            contents: typescript::render_declarations(api),
        });
        files.push(OutputFile { path: python::data_path(api), contents: recovery::document_text(&document) });
    }
    files.push(OutputFile { path: format!("{}/__init__.py", python::DIR), contents: python::render_index(catalog) });
    let index = typescript::render_index(catalog);
    files.push(OutputFile { path: format!("{}/index.js", typescript::DIR), contents: index.clone() });
    files.push(OutputFile { path: format!("{}/index.d.ts", typescript::TYPES_DIR), contents: index });
    files
}

/// Every output but the Rust crate: each per-API output, and the Markdown reference's index.
fn render_text(catalog: &Catalog) -> Vec<OutputFile> {
    let mut files = Vec::new();
    for api in catalog.apis() {
        files.extend(
            PER_API_OUTPUTS
                .iter()
                .map(|output| OutputFile { path: (output.path)(api), contents: (output.render)(api) }),
        );
    }
    files.push(OutputFile { path: "docs/README.md".into(), contents: markdown::render_index(catalog) });
    files
}
