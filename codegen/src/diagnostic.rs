//! Errors about a catalog, each saying where (file and position or catalog path), what is
//! wrong, and how to fix it.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// 1-based line and column in the file.
    LineColumn { line: usize, column: usize },
    /// A path into the catalog, such as `vocabularies[0].values[3].statuses[1]`.
    Path(String),
    /// The file as a whole.
    File,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user knows it, e.g. `spec/myapi.yaml`.
    pub file: String,
    pub location: Location,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn at_path(file: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            file: file.to_string(),
            location: Location::Path(path.into()),
            message: message.into(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        match &self.location {
            Location::LineColumn { line, column } => {
                write!(f, "  --> {}:{line}:{column}", self.file)?
            }
            Location::Path(path) => write!(f, "  --> {} at `{path}`", self.file)?,
            Location::File => write!(f, "  --> {}", self.file)?,
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

/// Renders a list of diagnostics the way the command line prints them.
pub fn report(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&d.to_string());
        out.push_str("\n\n");
    }
    let n = diagnostics.len();
    out.push_str(&format!(
        "{n} error{} in the catalog; nothing was written",
        if n == 1 { "" } else { "s" }
    ));
    out
}
