//! `spec/catalog.schema.json`, the catalog format's own schema: the checked-in catalogs
//! validate against it, their files point editors at it, and it accepts exactly the documents
//! the loader can parse (on every broken fixture too), so the two cannot drift apart.

use crate::common;

use codegen::diagnostic::Code;
use codegen::render::catalog_schema;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

fn validator() -> jsonschema::Validator {
    let text = fs::read_to_string(common::workspace().join(catalog_schema::PATH)).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft202012::meta::validate(&schema).unwrap_or_else(|e| panic!("not a 2020-12 schema: {e}"));
    jsonschema::draft202012::new(&schema).unwrap()
}

fn yaml_files(relative: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(common::workspace().join(relative))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    files.sort();
    files
}

/// Catalogs that load: the real one and every fixture meant to be valid.
const GOOD_CATALOGS: &[&str] = &[
    "spec",
    "codegen/tests/fixtures/edge/spec",
    "codegen/tests/fixtures/lint/clean",
    "codegen/tests/fixtures/lint/smelly",
];

fn errors(validator: &jsonschema::Validator, document: &Value) -> Vec<String> {
    validator.iter_errors(document).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

#[test]
fn the_checked_in_catalogs_validate_against_the_catalog_schema() {
    let validator = validator();
    let mut checked = 0;
    for dir in GOOD_CATALOGS {
        for path in yaml_files(dir) {
            let document: Value = serde_yaml::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
            let errors = errors(&validator, &document);
            assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 6, "only {checked} catalog files checked");
}

#[test]
fn catalog_files_point_editors_at_the_schema() {
    for dir in GOOD_CATALOGS {
        for path in yaml_files(dir) {
            let text = fs::read_to_string(&path).unwrap();
            let first = text.lines().next().unwrap_or_default();
            let target = first.strip_prefix("# yaml-language-server: $schema=").unwrap_or_else(|| {
                panic!("{}: the first line is not a yaml-language-server $schema comment", path.display())
            });
            let resolved = path.parent().unwrap().join(target);
            assert_eq!(
                resolved.canonicalize().ok(),
                common::workspace().join(catalog_schema::PATH).canonicalize().ok(),
                "{}: $schema={target} is not spec/catalog.schema.json",
                path.display()
            );
        }
    }
}

/// The schema and the serde model agree on every broken catalog: where the loader rejects the
/// shape of a document, so does the schema, and where the loader only finds semantic errors
/// (validation's job, not the schema's), the schema accepts it.
#[test]
fn the_schema_rejects_exactly_what_the_loader_cannot_parse() {
    let validator = validator();
    let bad = Path::new("codegen/tests/fixtures/bad");
    let (mut rejected, mut accepted) = (0, 0);
    for path in yaml_files(bad.to_str().unwrap()) {
        let Ok(text) = String::from_utf8(fs::read(&path).unwrap()) else {
            continue; // not text: no schema can say anything
        };
        let Ok(document) = serde_yaml::from_str::<Value>(&text) else {
            continue; // not YAML at all: no schema can say anything
        };
        let parsed = codegen::load::parse_api("bad.yaml", &text);
        // What the loader refuses before the format (bidi controls, deep nesting) is no
        // schema's business.
        if parsed.as_ref().is_err_and(|diagnostics| diagnostics.iter().any(|d| d.code != Code::Parse)) {
            continue;
        }
        let errors = errors(&validator, &document);
        match parsed {
            Ok(_) => {
                assert!(errors.is_empty(), "{}: parses, but the schema rejects it: {errors:#?}", path.display());
                accepted += 1;
            }
            Err(diagnostics) => {
                assert!(
                    !errors.is_empty(),
                    "{}: the schema accepts it, the loader says: {}",
                    path.display(),
                    diagnostics[0].message
                );
                rejected += 1;
            }
        }
    }
    assert!(rejected >= 5 && accepted >= 20, "rejected {rejected}, accepted {accepted}");
}

/// The model writes catalogs back in the format it reads (the drafter builds the model and
/// writes it): every good catalog, written from its model, validates against the schema, loads
/// into the same model, and generates the same files, byte for byte.
#[test]
fn every_catalog_written_from_its_model_reads_back_the_same() {
    let validator = validator();
    for dir in GOOD_CATALOGS {
        let (loaded, refused) = codegen::load::load_dir(&common::workspace().join(dir), dir);
        assert!(refused.is_empty(), "{}", codegen::diagnostic::report(&refused));
        let mut written = Vec::new();
        for api in &loaded.apis {
            let value = serde_json::to_value(&api.api).unwrap();
            let text = codegen::render::yaml::to_yaml(&value);
            let document: Value = serde_yaml::from_str(&text).unwrap();
            let errors = errors(&validator, &document);
            assert!(errors.is_empty(), "{}, written: {errors:#?}", api.file);
            let again = codegen::load::parse_api(&api.file, &text)
                .unwrap_or_else(|e| panic!("{}, written:\n{}", codegen::diagnostic::report(&e), text));
            assert_eq!(serde_json::to_value(&again.api).unwrap(), value, "{}: the written model differs", api.file);
            written.push(again);
        }
        let rendered = |apis: Vec<codegen::load::LoadedApi>| {
            let catalog = codegen::validate::validate(codegen::load::Loaded { dir: dir.to_string(), apis })
                .unwrap_or_else(|e| panic!("{}", codegen::diagnostic::report(&e)));
            codegen::generate(&catalog, "api_error_catalog")
                .unwrap_or_else(|e| panic!("{}", codegen::diagnostic::report(&e)))
        };
        let (before, after) = (rendered(loaded.apis), rendered(written));
        assert_eq!(before.len(), after.len(), "{dir}");
        for (a, b) in before.iter().zip(&after) {
            assert!(a.path == b.path && a.contents == b.contents, "{dir}: {} differs once written", a.path);
        }
    }
}
