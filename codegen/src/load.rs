//! Reading the catalog: every `*.yaml` file of a directory is one API. The only I/O in codegen.

use crate::diagnostic::{Code, Diagnostic, Position};
use crate::model::Api;
use crate::source_map::SourceMap;
use std::path::Path;

/// One parsed catalog file.
#[derive(Debug, Clone)]
pub struct LoadedApi {
    pub api: Api,
    /// The file as the user knows it, e.g. `spec/myapi.yaml`.
    pub file: String,
    pub source_map: SourceMap,
}

/// The parsed files of a catalog directory, sorted by API id.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The directory as the user knows it, e.g. `spec`.
    pub dir: String,
    pub apis: Vec<LoadedApi>,
}

/// Parses one API file. `file` is the name shown in diagnostics.
pub fn parse_api(file: &str, text: &str) -> Result<LoadedApi, Box<Diagnostic>> {
    let source_map = SourceMap::build(text);
    match serde_yaml::from_str::<Api>(text) {
        Ok(api) => Ok(LoadedApi { api, file: file.to_string(), source_map }),
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
            let mut diagnostic = Diagnostic::in_file(Code::Parse, file, message)
                .with_help("see the catalog format in README.md and spec/catalog.schema.json");
            diagnostic.path = path;
            Err(Box::new(match err.location() {
                Some(at) => {
                    let position = Position { line: at.line(), column: at.column(), width: 1 };
                    diagnostic.at_position(&source_map, position)
                }
                None => diagnostic.located(&source_map),
            }))
        }
    }
}

/// Loads every `*.yaml` file in `dir` (sorted by file name). `display_dir` prefixes file names
/// in diagnostics, so users see `spec/myapi.yaml` rather than an absolute path.
///
/// Every file is read and parsed even when another fails: the result holds the APIs that
/// parsed and the errors of those that did not, so all errors can be reported at once.
pub fn load_dir(dir: &Path, display_dir: &str) -> (Loaded, Vec<Diagnostic>) {
    let mut loaded = Loaded { dir: display_dir.to_string(), apis: Vec::new() };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            let message = format!("cannot read the catalog directory: {err}");
            return (loaded, vec![Diagnostic::in_file(Code::Read, display_dir, message)]);
        }
    };
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".yaml") || name.ends_with(".yml"))
        .collect();
    names.sort();

    let mut errors = Vec::new();
    for name in &names {
        let shown = format!("{display_dir}/{name}");
        match std::fs::read_to_string(dir.join(name)) {
            Ok(text) => match parse_api(&shown, &text) {
                Ok(api) => loaded.apis.push(api),
                Err(diagnostic) => errors.push(*diagnostic),
            },
            Err(err) => errors.push(Diagnostic::in_file(Code::Read, &shown, format!("cannot read the file: {err}"))),
        }
    }
    if names.is_empty() {
        errors.push(
            Diagnostic::in_file(Code::Read, display_dir, "the catalog directory has no .yaml file")
                .with_help(format!("add one file per API, e.g. {display_dir}/myapi.yaml")),
        );
    }
    loaded.apis.sort_by(|a, b| a.api.id.cmp(&b.api.id));
    (loaded, errors)
}
