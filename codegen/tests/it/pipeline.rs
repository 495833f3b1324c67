//! Properties of the whole pipeline: output is deterministic, and a new API takes YAML only.

use crate::common;

#[test]
fn rendering_twice_gives_identical_output() {
    for (_, catalog) in common::all_catalogs() {
        let first = codegen::generate(&catalog, "edge_fixture").unwrap();
        let second = codegen::generate(&catalog, "edge_fixture").unwrap();
        assert_eq!(first, second);
    }
}

#[test]
fn every_api_gets_every_output() {
    for (dir, catalog) in common::all_catalogs() {
        let files = codegen::generate(&catalog, "edge_fixture").unwrap();
        for api in catalog.apis() {
            let module = &api.module;
            for path in
                [format!("src/{module}.rs"), format!("schemas/{}.schema.json", api.id), format!("docs/{}.md", api.id)]
            {
                assert!(files.iter().any(|f| f.path == path), "{dir}: {path} missing");
            }
        }
        for file in &files {
            assert!(file.contents.contains("cargo xtask generate"), "{dir}/{}: no generated header", file.path);
        }
    }
}

/// The fixture APIs are generated, compiled and tested like the real ones (workspace member
/// `edge-fixture`); this checks that neither the generator, the command line nor the runtime
/// singles out any API of any catalog: none holds its id or name as a string literal, which
/// special-casing needs (an API named after a common word may well be mentioned in prose).
#[test]
fn the_generator_has_no_knowledge_of_particular_apis() {
    fn rust_files(dir: &std::path::Path, found: &mut Vec<(std::path::PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                rust_files(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push((path.clone(), std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let mut sources = Vec::new();
    let names: Vec<String> = common::all_catalogs()
        .iter()
        .flat_map(|(_, catalog)| catalog.apis().iter().flat_map(|api| [api.id.clone(), api.name.clone()]))
        // Fixtures named after Rust's own words (a keyword, a built-in crate) exist to test
        // escaping; those words are in any Rust code.
        .filter(|name| {
            let lower = name.to_lowercase();
            codegen::names::escape_keyword(lower.clone()) == lower
                && !["std", "core", "alloc"].contains(&lower.as_str())
        })
        .collect();
    assert!(names.len() >= 4, "{names:?}");
    for dir in ["codegen/src", "xtask/src", "runtime/src"] {
        rust_files(&common::workspace().join(dir), &mut sources);
    }
    assert!(sources.len() >= 20, "{} files", sources.len());
    for (path, text) in sources {
        let text = text.to_lowercase();
        for name in &names {
            let literal = format!("\"{}\"", name.to_lowercase());
            assert!(!text.contains(&literal), "{} holds the literal {literal}", path.display());
        }
    }
}

/// Each renderer is one output format and reaches into no other renderer: what they share
/// lives in the building blocks (`definitions`, `text`) or in the resolved model.
#[test]
fn renderers_never_reach_into_one_another() {
    const RENDERERS: &[&str] = &["rust", "schema", "openapi", "markdown", "catalog_schema", "catalog_reference"];
    let render = common::workspace().join("codegen/src/render");
    for renderer in RENDERERS {
        let mut files = Vec::new();
        let single = render.join(format!("{renderer}.rs"));
        if single.exists() {
            files.push(single);
        } else {
            files.extend(std::fs::read_dir(render.join(renderer)).unwrap().map(|e| e.unwrap().path()));
        }
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for other in RENDERERS.iter().filter(|other| *other != renderer) {
                for path in [format!("super::{other}"), format!("render::{other}"), format!("super::super::{other}")] {
                    assert!(!text.contains(&path), "{} uses `{path}`", file.display());
                }
            }
        }
    }
}

/// "see `id`" in the reference docs links to that inconsistency's section, under the anchor
/// GitHub gives its heading (ids here are lower-case words and `-`, so the anchor is the id and
/// the kind, `(`, `)` and backticks dropped).
#[test]
fn cross_references_link_to_the_inconsistency_they_name() {
    let mut linked = 0;
    for (_, catalog) in common::all_catalogs() {
        for api in catalog.apis() {
            let doc = codegen::render::markdown::render_api(api);
            for (i, x) in api.inconsistencies.iter().enumerate() {
                assert!(doc.contains(&format!("\n### `{}` ({})\n", x.id, x.kind.label())), "{}: {}", api.id, x.id);
                let link = format!("[`{}`](#{}-{})", x.id, x.id, x.kind.label().replace(' ', "-"));
                let cited = api.traced().any(|t| t.inconsistencies.iter().any(|id| api[*id].id == x.id));
                assert_eq!(doc.contains(&link), cited, "{}: link to inconsistency {i} ({})", api.id, x.id);
                linked += usize::from(cited);
            }
        }
    }
    assert!(linked >= 10, "only {linked} inconsistencies are cited");
}

/// The reference docs read in a terminal: apart from the source document's own tables, which
/// they rebuild as they are, no table has more than seven columns, and no cell packs the
/// catalog's notes (they are listed below each table, one a line).
#[test]
fn reference_tables_stay_narrow_and_hold_one_fact_a_cell() {
    for (_, catalog) in common::all_catalogs() {
        for api in catalog.apis() {
            let doc = codegen::render::markdown::render_api(api);
            let own_part = doc.split("\n## ").filter(|part| !part.starts_with("Tables of the source document"));
            for part in own_part {
                for line in part.lines().filter(|l| l.starts_with("| ")) {
                    let columns = line.matches(" | ").count() + 1;
                    assert!(columns <= 7, "{}: {columns} columns in {line}", api.id);
                    // (A link a page's own text holds is escaped, `\[Message\](#message)`: no link.)
                    let linked = line.match_indices("](#").any(|(at, _)| !line[..at].ends_with('\\'));
                    assert!(!line.contains("Inferred by the catalog") && !linked, "{}: {line}", api.id);
                }
            }
        }
    }
}

/// The Rust renderer's modules use one another without a circle: what two of them share is in a
/// third (`types`), and only the assembler (`mod.rs`) puts their pieces together.
#[test]
fn the_rust_renderer_has_no_import_circle() {
    let dir = common::workspace().join("codegen/src/render/rust");
    let modules: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.file_name().is_some_and(|name| name != "mod.rs"))
        .map(|path| path.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    let uses = |module: &str| -> Vec<String> {
        let text = std::fs::read_to_string(dir.join(format!("{module}.rs"))).unwrap();
        modules.iter().filter(|other| *other != module && text.contains(&format!("super::{other}"))).cloned().collect()
    };
    // Depth-first, failing on a module met again on the path that leads to it.
    fn visit(module: &str, path: &mut Vec<String>, uses: &dyn Fn(&str) -> Vec<String>) {
        if let Some(start) = path.iter().position(|m| m == module) {
            panic!("import circle: {} -> {module}", path[start..].join(" -> "));
        }
        path.push(module.to_owned());
        for next in uses(module) {
            visit(&next, path, uses);
        }
        path.pop();
    }
    assert!(modules.len() > 5 && modules.contains(&"types".to_string()), "{modules:?}");
    for module in &modules {
        visit(module, &mut Vec::new(), &uses);
    }
}

/// Adding an API changes nothing of the others: not one of their generated files, not their
/// pinned lint reports. Each catalog beside a scratch copy of `spec/` with one API more (each
/// edge-fixture API in turn, a stranger to the real ones) renders its own files byte for byte
/// as before; only the crate-wide files (`src/lib.rs`, `docs/README.md`) list the newcomer.
#[test]
fn adding_an_api_changes_no_other_api_s_outputs_or_pinned_lint() {
    let spec = common::workspace().join("spec");
    let alone = common::load("spec");
    let before = codegen::generate(&alone, "api_error_catalog").unwrap();
    let lint_before = codegen::lint::lint(&alone);
    let crate_wide = ["src/lib.rs", "docs/README.md"];
    let edge = common::workspace().join("codegen/tests/fixtures/edge/spec");
    let newcomers: Vec<_> = std::fs::read_dir(&edge)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    assert!(newcomers.len() >= 2);
    for newcomer in &newcomers {
        let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("one-api-more");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(&spec).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
        std::fs::copy(newcomer, dir.join(newcomer.file_name().unwrap())).unwrap();
        let with = codegen::load(&dir, "spec").unwrap_or_else(|e| panic!("{}", codegen::diagnostic::report(&e)));
        assert_eq!(with.apis().len(), alone.apis().len() + 1);
        let after = codegen::generate(&with, "api_error_catalog").unwrap();
        for file in before.iter().filter(|file| !crate_wide.contains(&file.path.as_str())) {
            let now = after.iter().find(|other| other.path == file.path);
            assert_eq!(now, Some(file), "{} changed when {} was added", file.path, newcomer.display());
        }
        let lint_after = codegen::lint::lint(&with);
        for api in alone.apis() {
            assert_eq!(
                codegen::lint::file_report(&lint_after, &api.file),
                codegen::lint::file_report(&lint_before, &api.file),
                "{}'s pinned lint report changed when {} was added",
                api.id,
                newcomer.display()
            );
        }
    }
}
