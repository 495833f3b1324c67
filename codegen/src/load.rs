//! Reading the catalog: every `*.yaml` file of a directory is one API.

use crate::diagnostic::{Diagnostic, Position};
use crate::model::{Api, Catalog};
use std::path::Path;

/// Parses one API file. `file` is the name shown in diagnostics.
pub fn parse_api(file: &str, text: &str) -> Result<Api, Diagnostic> {
    match serde_yaml::from_str::<Api>(text) {
        Ok(mut api) => {
            api.file = file.to_string();
            api.text = text.to_string();
            Ok(api)
        }
        Err(err) => {
            let mut message = err.to_string();
            // The position goes in the location; drop the copy serde_yaml appends.
            if let Some(cut) = message.rfind(" at line ") {
                message.truncate(cut);
            }
            // serde_yaml writes "path.to[0]: what is wrong"; keep the two apart.
            let path = match message.split_once(": ") {
                Some((path, rest)) if !path.contains(char::is_whitespace) && !rest.is_empty() => {
                    let path = path.to_string();
                    message = rest.to_string();
                    Some(path)
                }
                _ => None,
            };
            Err(Diagnostic {
                file: file.to_string(),
                position: err.location().map(|loc| Position { line: loc.line(), column: loc.column() }),
                path,
                message,
                help: Some("see the catalog format in README.md and the existing files in spec/".into()),
            })
        }
    }
}

/// Loads every `*.yaml` file in `dir` (sorted by file name). `display_dir` prefixes file names
/// in diagnostics, so users see `spec/myapi.yaml` rather than an absolute path.
///
/// Every file is read and parsed even when another fails: the result holds the APIs that
/// parsed and the errors of those that did not, so all errors can be reported at once.
pub fn load_dir(dir: &Path, display_dir: &str) -> (Catalog, Vec<Diagnostic>) {
    let shown = |name: &str| format!("{display_dir}/{name}");
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            let error = Diagnostic::in_file(display_dir, format!("cannot read the catalog directory: {err}"));
            return (Catalog { apis: Vec::new() }, vec![error]);
        }
    };
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".yaml") || name.ends_with(".yml"))
        .collect();
    names.sort();

    let mut apis = Vec::new();
    let mut errors = Vec::new();
    for name in &names {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(text) => match parse_api(&shown(name), &text) {
                Ok(api) => apis.push(api),
                Err(diagnostic) => errors.push(diagnostic),
            },
            Err(err) => errors.push(Diagnostic::in_file(&shown(name), format!("cannot read the file: {err}"))),
        }
    }
    if names.is_empty() {
        errors.push(
            Diagnostic::in_file(display_dir, "the catalog directory has no .yaml file")
                .with_help("add one file per API, e.g. spec/myapi.yaml"),
        );
    }
    apis.sort_by(|a, b| a.id.cmp(&b.id));
    (Catalog { apis }, errors)
}
