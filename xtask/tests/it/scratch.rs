//! Scratch copies of the workspace's catalogs and outputs, to run generate and check on.

use std::fs;
use std::path::{Path, PathBuf};
use xtask::{workspace_root, GENERATED_DIRS, TARGETS};

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A copy of the catalogs and their generated outputs in a fresh directory.
pub fn scratch_workspace(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = fs::remove_dir_all(&root);
    let real = workspace_root().unwrap();
    for target in TARGETS {
        copy_dir(&real.join(target.catalog), &root.join(target.catalog));
        for dir in GENERATED_DIRS {
            copy_dir(&real.join(target.out).join(dir), &root.join(target.out).join(dir));
        }
        if let Some(packages) = target.packages {
            for dir in codegen::render::PACKAGE_DIRS {
                copy_dir(&real.join(packages).join(dir), &root.join(packages).join(dir));
            }
        }
        // Hand-written, with a generated block of features.
        fs::copy(real.join(target.out).join("Cargo.toml"), root.join(target.out).join("Cargo.toml")).unwrap();
    }
    // The catalog format's key reference, generated beside the hand-written docs.
    let reference = codegen::render::catalog_reference::PATH;
    fs::create_dir_all(root.join(reference).parent().unwrap()).unwrap();
    fs::copy(real.join(reference), root.join(reference)).unwrap();
    // What marks a workspace root for `xtask::workspace_root`.
    fs::write(root.join("Cargo.toml"), "[workspace]\nmembers = []\n").unwrap();
    root
}

/// Every file under `root`, with its bytes.
pub fn snapshot(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push((path.clone(), fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(root, &mut out);
    out.sort();
    out
}

/// The APIs of the workspace's own catalog, as the tests find them: they work with whatever
/// APIs `spec/` holds.
pub fn real_apis() -> Vec<codegen::resolved::Api> {
    let root = workspace_root().unwrap();
    let catalog =
        codegen::load(&root.join("spec"), "spec").unwrap_or_else(|e| panic!("{}", codegen::diagnostic::report(&e)));
    assert!(!catalog.apis().is_empty(), "spec/ holds no API");
    catalog.apis().to_vec()
}

/// A catalog file with its top-level `name:` line replaced.
pub fn rename_api(catalog: &Path, new_name: &str) {
    let text = fs::read_to_string(catalog).unwrap();
    let renamed: Vec<String> = text
        .lines()
        .map(|line| if line.starts_with("name:") { format!("name: {new_name}") } else { line.to_string() })
        .collect();
    assert_ne!(renamed.join("\n"), text.trim_end(), "{}: no top-level `name:` line", catalog.display());
    fs::write(catalog, renamed.join("\n") + "\n").unwrap();
}
