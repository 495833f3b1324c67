//! The corpus of broken catalogs in `fixtures/bad/`: each must be rejected, without a panic,
//! with diagnostics that say where and what; the exact text a user sees is pinned per file.
//! Adding a case is adding a YAML file (and accepting its snapshot).

use crate::common;

use codegen::diagnostic::{report, Code};
use codegen::load::Loaded;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What a user sees for one catalog file: read and parse errors, else validation errors.
fn diagnose(path: &Path, shown: &str) -> Vec<codegen::Diagnostic> {
    match codegen::load::load_file(path, shown) {
        Err(diagnostics) => diagnostics,
        Ok(api) => codegen::validate::validate(Loaded { dir: "bad".into(), apis: vec![api] }).err().unwrap_or_default(),
    }
}

/// Every file of the broken-catalog corpus, by name.
fn corpus() -> Vec<(String, PathBuf)> {
    let dir = common::workspace().join("codegen/tests/fixtures/bad");
    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    files.sort();
    files
}

#[test]
fn every_bad_catalog_is_rejected_with_pinned_diagnostics() {
    let corpus = corpus();
    assert!(corpus.len() >= 40, "the corpus shrank to {}", corpus.len());
    for (name, path) in corpus {
        let diagnostics = diagnose(&path, &format!("bad/{name}"));
        assert!(!diagnostics.is_empty(), "{name} was accepted");
        for d in &diagnostics {
            assert!(d.help.is_some(), "{name}: no help in {d}");
            assert!(d.position.is_some() && d.source_line.is_some(), "{name}: no line to show in {d}");
        }
        insta::assert_snapshot!(name.trim_end_matches(".yaml"), report(&diagnostics));
    }
}

#[test]
fn several_errors_are_reported_together() {
    let path = common::workspace().join("codegen/tests/fixtures/bad/several_errors_at_once.yaml");
    assert!(diagnose(&path, "x.yaml").len() >= 4);
    // Parse errors too: one run reports every entry that does not parse, each at its line.
    let path = common::workspace().join("codegen/tests/fixtures/bad/several_parse_errors.yaml");
    let found = diagnose(&path, "x.yaml");
    let lines: BTreeSet<usize> = found.iter().filter_map(|d| d.position.map(|p| p.line)).collect();
    assert!(found.iter().all(|d| d.code == Code::Parse) && lines.len() == 6, "{}", report(&found));
}

/// Like rustc's error index: every code is listed in docs/diagnostics.md and produced by some broken
/// catalog (a missing directory and an oversized file stand in for the file-system errors).
#[test]
fn every_error_code_is_documented_and_exercised() {
    let mut seen: BTreeSet<Code> =
        corpus().iter().flat_map(|(name, path)| diagnose(path, name)).map(|d| d.code).collect();
    let missing = common::workspace().join("codegen/tests/fixtures/no-such-dir");
    seen.extend(codegen::load(&missing, "no-such-dir").unwrap_err().iter().map(|d| d.code));
    // A file over the size limit is too large to keep in the repository: make one.
    let huge = Path::new(env!("CARGO_TARGET_TMPDIR")).join("huge.yaml");
    std::fs::write(&huge, vec![b'#'; codegen::load::MAX_FILE_BYTES as usize + 1]).unwrap();
    seen.extend(diagnose(&huge, "huge.yaml").iter().map(|d| d.code));
    let index = std::fs::read_to_string(common::workspace().join("docs/diagnostics.md")).unwrap();
    for code in Code::ALL {
        assert!(seen.contains(code), "no broken catalog in fixtures/bad produces {} ({})", code.id(), code.name());
        let row = format!("| `{}` | `{}` |", code.id(), code.name());
        assert!(index.contains(&row), "docs/diagnostics.md does not list {row}");
    }
}

#[test]
fn an_api_id_used_twice_is_an_error() {
    let (mut loaded, errors) = codegen::load::load_dir(&common::workspace().join("spec"), "spec");
    assert!(errors.is_empty());
    let mut copy = loaded.apis[0].clone();
    copy.file = "spec/copy.yaml".into();
    loaded.apis.push(copy);
    let errors = codegen::validate::validate(loaded).unwrap_err();
    assert_eq!(errors.len(), 1, "{}", report(&errors));
    assert!(errors[0].message.contains("already used by"), "{}", errors[0]);
}

#[test]
fn a_missing_or_empty_catalog_directory_is_an_error() {
    let missing = common::workspace().join("codegen/tests/fixtures/no-such-dir");
    let errors = codegen::load(&missing, "no-such-dir").unwrap_err();
    assert!(errors[0].message.contains("cannot read the catalog directory"));
    let without_yaml = common::workspace().join("codegen/tests/fixtures/edge/crate/src");
    let errors = codegen::load(&without_yaml, "src").unwrap_err();
    assert!(errors[0].message.contains("no .yaml file"));
}

#[test]
fn a_directory_reports_parse_and_validation_errors_of_all_its_files_together() {
    let dir = common::workspace().join("codegen/tests/fixtures/bad");
    let errors = codegen::load(&dir, "bad").unwrap_err();
    let parse_failures = errors.iter().filter(|d| d.file.ends_with("yaml_syntax.yaml")).count();
    let semantic = errors.iter().filter(|d| d.file.ends_with("unknown_section.yaml")).count();
    assert!(parse_failures == 1 && semantic >= 1, "{}", report(&errors));
}

/// An empty file has no line to show: it is refused at 1:1 (it was 1:0), saying what it lacks.
#[test]
fn an_empty_file_is_refused_at_its_start() {
    let errors = codegen::load::parse_api("spec/empty.yaml", "").unwrap_err();
    assert_eq!(errors.len(), 1);
    let shown = errors[0].to_string();
    assert!(shown.contains("--> spec/empty.yaml:1:1\n"), "{shown}");
    assert!(shown.contains("the file holds no catalog"), "{shown}");
}

/// A file whose name is not UTF-8 is read all the same (it was said to be missing), and its
/// problems are named with the name shown as well as it can be.
#[cfg(unix)]
#[test]
fn a_file_whose_name_is_not_utf8_is_read() {
    use std::os::unix::ffi::OsStrExt;
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("non-utf8-name");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.yaml");
    std::fs::copy(common::workspace().join("codegen/tests/fixtures/bad/bad_api_id.yaml"), dir.join(name)).unwrap();
    let errors = codegen::load(&dir, "odd").unwrap_err();
    assert_eq!(errors.len(), 1, "{}", report(&errors));
    assert_eq!((errors[0].code, errors[0].file.as_str()), (Code::InvalidName, "odd/caf\u{FFFD}.yaml"));
}

/// A FIFO would block a reader forever and `/dev/zero` never ends: only regular files are
/// read, at most `MAX_FILE_BYTES` each, and hidden files are not catalog files at all.
#[cfg(unix)]
#[test]
fn only_regular_files_of_a_bounded_size_are_read_and_hidden_ones_are_skipped() {
    use codegen::load::MAX_FILE_BYTES;
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hostile-files");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(common::workspace().join("codegen/tests/fixtures/edge/spec/match.yaml"), dir.join("match.yaml"))
        .unwrap();
    std::fs::write(dir.join(".match.yaml.swp"), "{ not: [yaml").unwrap();
    std::fs::write(dir.join(".hidden.yaml"), "{ not: [yaml").unwrap();
    std::fs::write(dir.join("huge.yaml"), vec![b'#'; MAX_FILE_BYTES as usize + 1]).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.yaml")).unwrap();
    let fifo = std::process::Command::new("mkfifo").arg(dir.join("fifo.yaml")).status().unwrap();
    assert!(fifo.success());

    // In a thread, so that a reader that blocks fails the test instead of hanging it.
    let (sender, receiver) = std::sync::mpsc::channel();
    let load_dir = dir.clone();
    std::thread::spawn(move || sender.send(codegen::load(&load_dir, "hostile")).unwrap());
    let errors = receiver.recv_timeout(std::time::Duration::from_secs(30)).expect("loading hung").unwrap_err();

    let found: Vec<(Code, &str, &str)> = errors.iter().map(|d| (d.code, d.file.as_str(), d.message.as_str())).collect();
    assert_eq!(found.len(), 3, "{found:#?}");
    assert!(found.contains(&(
        Code::Read,
        "hostile/fifo.yaml",
        "is not a regular file (a FIFO); only regular files are read"
    )));
    assert!(found.contains(&(
        Code::Read,
        "hostile/zero.yaml",
        "is not a regular file (a device); only regular files are read"
    )));
    let huge =
        format!("the file has {} bytes; catalog files may have at most {MAX_FILE_BYTES} (4 MiB)", MAX_FILE_BYTES + 1);
    assert!(found.contains(&(Code::TooLarge, "hostile/huge.yaml", huge.as_str())), "{found:#?}");
}
