//! Errors about a catalog, each saying where (file and position or catalog path), what is
//! wrong, and how to fix it.

use std::fmt;

/// A 1-based line and column in a catalog file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user knows it, e.g. `spec/myapi.yaml`.
    pub file: String,
    /// Where in the file, when the text has the offending node.
    pub position: Option<Position>,
    /// Where in the catalog, e.g. `vocabularies[0].values[3].statuses[1]`.
    pub path: Option<String>,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    /// A problem with a whole file (unreadable, missing).
    pub fn in_file(file: &str, message: impl Into<String>) -> Self {
        Self { file: file.to_string(), position: None, path: None, message: message.into(), help: None }
    }

    /// A problem at a catalog path; `locate` adds the position later.
    pub fn at_path(file: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { path: Some(path.into()), ..Self::in_file(file, message) }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        write_location(f, &self.file, self.position, self.path.as_deref())?;
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

/// The `  --> file:line:column (at `path`)` line shared by errors and lint findings.
pub fn write_location(
    f: &mut impl fmt::Write,
    file: &str,
    position: Option<Position>,
    path: Option<&str>,
) -> fmt::Result {
    write!(f, "  --> {file}")?;
    if let Some(Position { line, column }) = position {
        write!(f, ":{line}:{column}")?;
    }
    if let Some(path) = path {
        write!(f, " (at `{path}`)")?;
    }
    Ok(())
}

/// Where a catalog path stands in an API's file: the node, or its nearest existing parent.
pub fn position_of(api: &crate::model::Api, path: &str) -> Option<Position> {
    crate::locate::locate_nearest(&api.text, path).map(|(line, column)| Position { line, column })
}

/// Renders a list of diagnostics the way the command line prints them.
pub fn report(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&d.to_string());
        out.push_str("\n\n");
    }
    let n = diagnostics.len();
    out.push_str(&format!("{n} error{} in the catalog", if n == 1 { "" } else { "s" }));
    out
}
