//! Runs typify on every generated JSON Schema of the workspace and writes one module per API
//! to OUT_DIR (`<api>.rs`), plus `apis.rs`, which declares them.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use typify::{TypeSpace, TypeSpaceSettings};

const OUTPUT_DIRS: &[&str] = &["generated", "codegen/tests/fixtures/edge/crate"];

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let mut apis = String::new();
    for dir in OUTPUT_DIRS {
        let schemas = root.join(dir).join("schemas");
        println!("cargo:rerun-if-changed={}", schemas.display());
        let mut files: Vec<PathBuf> = std::fs::read_dir(&schemas)
            .unwrap_or_else(|e| panic!("{}: {e}", schemas.display()))
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.to_string_lossy().ends_with(".schema.json"))
            .collect();
        files.sort();
        for path in files {
            let api = path.file_name().unwrap().to_string_lossy().trim_end_matches(".schema.json").to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            let code = generate(&text).unwrap_or_else(|e| panic!("typify on {}: {e}", path.display()));
            std::fs::write(out.join(format!("{api}.rs")), code).unwrap();
            writeln!(
                apis,
                "pub mod r#{api} {{ include!(concat!(env!(\"OUT_DIR\"), \"/{api}.rs\")); }}\n\
                 pub const {upper}_SCHEMA: &str = include_str!({path:?});",
                upper = api.to_uppercase(),
            )
            .unwrap();
        }
    }
    std::fs::write(out.join("apis.rs"), apis).unwrap();
}

fn generate(schema_text: &str) -> Result<String, Box<dyn std::error::Error>> {
    let schema: schemars::schema::RootSchema = serde_json::from_str(schema_text)?;
    let mut types = TypeSpace::new(TypeSpaceSettings::default().with_struct_builder(false));
    types.add_root_schema(schema)?;
    Ok(prettyplease::unparse(&syn::parse2::<syn::File>(types.to_stream())?))
}
