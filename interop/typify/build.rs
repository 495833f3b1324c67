//! Runs typify on every generated JSON Schema of the workspace and writes one module per API
//! to OUT_DIR (`<api>.rs`), plus `apis.rs`, which declares them and lists them in `APIS`, each
//! with a function that decodes a body as any of its types by name (the schema's `$defs` keys
//! and its title), so the tests need no change when an API is added.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use typify::{TypeSpace, TypeSpaceSettings};

const OUTPUT_DIRS: &[&str] = &["generated", "codegen/tests/fixtures/edge/crate"];

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let (mut modules, mut apis) = (String::new(), String::new());
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
            let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
            let mut names = vec![schema["title"].as_str().unwrap().to_string()];
            names.extend(schema["$defs"].as_object().unwrap().keys().cloned());
            let arms: String = names
                .iter()
                .map(|name| format!("        {name:?} => round_trip::<r#{api}::{name}>(body),\n"))
                .collect();
            write!(
                modules,
                "pub mod r#{api} {{\n    include!(concat!(env!(\"OUT_DIR\"), \"/{api}.rs\"));\n}}\n\n\
                 fn decode_{api}(type_name: &str, body: &serde_json::Value) -> Result<serde_json::Value, String> {{\n    \
                 match type_name {{\n{arms}        other => Err(format!(\"typify made no type {{other}}\")),\n    }}\n}}\n\n"
            )
            .unwrap();
            writeln!(apis, "    Api {{ id: {api:?}, schema: include_str!({path:?}), decode: decode_{api} }},").unwrap();
        }
    }
    let apis = format!("{modules}pub const APIS: &[Api] = &[\n{apis}];\n");
    std::fs::write(out.join("apis.rs"), apis).unwrap();
}

fn generate(schema_text: &str) -> Result<String, Box<dyn std::error::Error>> {
    let schema: schemars::schema::RootSchema = serde_json::from_str(schema_text)?;
    let mut types = TypeSpace::new(TypeSpaceSettings::default().with_struct_builder(false));
    types.add_root_schema(schema)?;
    Ok(prettyplease::unparse(&syn::parse2::<syn::File>(types.to_stream())?))
}
