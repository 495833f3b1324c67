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
    }
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
