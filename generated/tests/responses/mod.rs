//! Responses written from a reading of the APIs' documents, each with what a careful reader
//! would do next, decided by the crate and compared. The cases in `responses/cases/` are the
//! team's; `DECIDED_RESPONSES=<dir>` adds every `*.json` file of another directory, so responses
//! nobody here wrote can be tried against a release without entering the project:
//!
//! ```sh
//! DECIDED_RESPONSES=~/their-responses cargo test -p api-error-catalog --test client_use responses
//! ```
//!
//! A file holds one API's responses:
//!
//! ```json
//! { "api": "fanfare", "written_from": "who wrote them, from which document",
//!   "now_unix": 1733040000,
//!   "responses": [
//!     { "id": "queue-full", "status": 429, "headers": [["Retry-After", "30"]],
//!       "body": { "error": "Queue is full" },
//!       "expect": { "kind": "retry_after_wait", "wait_seconds": 30 } } ] }
//! ```
//!
//! `body` is the body's text when it is a JSON string, else the JSON value itself. `expect`
//! names the decision's kind as the catalog format does; `wait_seconds` (the wait before the
//! retry) and `then` (the kind escalated to when the first step does not help) are checked when
//! given. `now_unix` (default 2024-12-01T08:00:00Z) is the moment waits count from.

use api_error_catalog::{RecoveryKind, APIS};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseFile {
    api: String,
    #[allow(dead_code)] // Read by people, not by the test.
    written_from: String,
    now_unix: Option<u64>,
    responses: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    id: String,
    status: u16,
    #[serde(default)]
    headers: Vec<(String, String)>,
    body: serde_json::Value,
    expect: Expected,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    kind: String,
    wait_seconds: Option<f64>,
    then: Option<String>,
}

/// One file's cases, or what is wrong with it (its path named).
fn read_cases(path: &Path) -> Result<CaseFile, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The `*.json` files of `dir`, sorted.
fn case_files(dir: &Path) -> Vec<PathBuf> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

/// A kind's catalog name, checked: a misspelt expectation is the file's error, not a mismatch.
fn kind_named(name: &str, at: &str) -> Result<RecoveryKind, String> {
    RecoveryKind::ALL.iter().copied().find(|kind| kind.as_str() == name).ok_or_else(|| {
        let names: Vec<&str> = RecoveryKind::ALL.iter().map(|kind| kind.as_str()).collect();
        format!("{at}: `{name}` is not a recovery kind (one of {})", names.join(", "))
    })
}

/// Decides every case of `path`: one line per disagreement, or the file's error.
fn disagreements(path: &Path) -> Result<(usize, Vec<String>), String> {
    let file = read_cases(path)?;
    let where_ = path.display();
    let api = APIS.iter().find(|api| api.id == file.api).ok_or_else(|| {
        let ids: Vec<&str> = APIS.iter().map(|api| api.id).collect();
        format!("{where_}: no API `{}` in this crate (it has {})", file.api, ids.join(", "))
    })?;
    let now = UNIX_EPOCH + Duration::from_secs(file.now_unix.unwrap_or(1_733_040_000));
    let mut lines = Vec::new();
    for case in &file.responses {
        let at = format!("{where_}: {}", case.id);
        let expected = kind_named(&case.expect.kind, &at)?;
        let then = case.expect.then.as_deref().map(|name| kind_named(name, &at)).transpose()?;
        let body = match &case.body {
            serde_json::Value::String(text) => text.clone().into_bytes(),
            json => serde_json::to_vec(json).expect("a JSON value writes"),
        };
        let headers: Vec<(&str, &str)> = case.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
        let error = (api.read)(case.status, &headers, &body);
        let recovery = error.recovery(now);
        let mut wrong = Vec::new();
        if api.decide(case.status, &headers, &body, now) != recovery {
            wrong.push("deciding alone (`Error::decide`) differs from reading the error".to_owned());
        }
        if recovery.kind() != expected {
            wrong.push(format!("kind {} (expected {})", recovery.kind().as_str(), expected.as_str()));
        }
        if let Some(seconds) = case.expect.wait_seconds {
            let waited = recovery.wait().map(|wait| wait.as_secs_f64());
            if waited.is_none_or(|waited| (waited - seconds).abs() > 0.001) {
                wrong.push(format!("wait {waited:?} s (expected {seconds} s)"));
            }
        }
        if let Some(then) = then {
            let escalated = recovery.escalation().map(|escalation| escalation.kind);
            if escalated != Some(then) {
                wrong.push(format!("then {:?} (expected {})", escalated.map(|k| k.as_str()), then.as_str()));
            }
        }
        if !wrong.is_empty() {
            lines.push(format!("{at}: {} (rule `{}`)", wrong.join(", "), recovery.rule().id));
        }
    }
    Ok((file.responses.len(), lines))
}

#[test]
fn responses_read_from_the_documents_are_decided_as_a_careful_reader_would() {
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/responses/cases")];
    dirs.extend(std::env::var_os("DECIDED_RESPONSES").map(PathBuf::from));
    let (mut decided, mut problems) = (0, Vec::new());
    for path in dirs.iter().flat_map(|dir| case_files(dir)) {
        match disagreements(&path) {
            Ok((count, lines)) => {
                decided += count;
                problems.extend(lines);
            }
            Err(error) => problems.push(error),
        }
    }
    println!("{decided} responses decided, {} disagreements", problems.len());
    assert!(decided > 0, "no responses in {dirs:?}");
    assert!(problems.is_empty(), "{} of {decided} responses:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn a_bad_case_file_is_named_with_what_is_wrong() {
    let dir = std::env::temp_dir().join(format!("decided-responses-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let unknown_api = file("a.json", r#"{"api": "nope", "written_from": "", "responses": []}"#);
    let misspelt = file(
        "b.json",
        r#"{"api": "fanfare", "written_from": "", "responses": [
            {"id": "x", "status": 429, "body": "", "expect": {"kind": "retry_later"}}]}"#,
    );
    let not_json = file("c.json", "{");
    let error = |path: &Path| disagreements(path).expect_err("an error");
    assert!(error(&unknown_api).contains("no API `nope`"), "{}", error(&unknown_api));
    assert!(error(&misspelt).contains("b.json: x: `retry_later` is not a recovery kind"), "{}", error(&misspelt));
    assert!(error(&not_json).contains("c.json"), "{}", error(&not_json));
    std::fs::remove_dir_all(&dir).unwrap();
}
