//! Errors about a catalog, each with a stable code, where (file, line, column and the source
//! line itself), what is wrong, and how to fix it, shown the way rustc and cargo show theirs
//! (annotate-snippets renders them).

pub use crate::source_map::Position;
use crate::source_map::SourceMap;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use std::fmt;

/// Declares [`Code`]: each error's stable id, kebab-case name and one-line summary. Codes are
/// append-only: a code, once used, keeps its meaning (docs/diagnostics.md lists them all).
macro_rules! codes {
    ($($variant:ident = $id:literal $name:literal $summary:literal,)*) => {
        /// The kind of a catalog error, stable across releases.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(#[doc = $summary] $variant,)*
        }

        impl Code {
            /// Every code, in id order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable id, e.g. `E0201`.
            pub fn id(self) -> &'static str {
                match self { $(Code::$variant => $id,)* }
            }

            /// A short kebab-case name, e.g. `unknown-reference`.
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// What the code means, in one line.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary,)* }
            }
        }
    };
}

codes! {
    Parse = "E0001" "parse" "The file is not a catalog: YAML syntax, an unknown or missing key, or a value of the wrong type.",
    Read = "E0002" "read" "A catalog file or directory cannot be read, is not a regular file, or the directory holds no catalog file.",
    TooLarge = "E0003" "too-large" "A catalog file is larger than the loader reads (4 MiB).",
    TooDeep = "E0004" "too-deep" "Collections nested deeper than the loader reads (64 levels).",
    Encoding = "E0005" "encoding" "A catalog file is not UTF-8.",
    BidiControl = "E0006" "bidi-control" "A bidirectional control character, which makes text display differently from what it holds.",
    ReadersDisagree = "E0007" "readers-disagree" "Two YAML readers read the text differently (a plain value over lines, say), so what follows it has no position.",
    Duplicate = "E0101" "duplicate" "An id, name, value or status code is defined twice.",
    EmptyName = "E0102" "empty-name" "A name, id or value is empty.",
    InvalidName = "E0103" "invalid-name" "A name is not valid for what it names (API id, type, variant, field, header).",
    NonAsciiName = "E0104" "non-ascii-name" "A Rust name would be derived from text with letters outside ASCII.",
    Unnameable = "E0105" "unnameable" "The text has no ASCII letter or digit to derive a name from.",
    NameCollision = "E0106" "name-collision" "Two entries would get the same generated name.",
    ReservedName = "E0107" "reserved-name" "A name that the generated code defines itself, or that the models generated from its schemas take (pydantic's `Field`).",
    UnknownReference = "E0201" "unknown-reference" "A reference to a section, status, vocabulary, body, value or inconsistency that does not exist.",
    NotAFact = "E0301" "not-a-fact" "`inferred` lists something that is not a fact of the entry.",
    InferredAbsent = "E0302" "inferred-absent" "`inferred` lists a fact that the entry does not state.",
    BadHeading = "E0401" "bad-heading" "A section's heading path is empty or has an empty part.",
    EmptyTable = "E0402" "empty-table" "A source table has no rows or no columns.",
    BadTemplate = "E0403" "bad-template" "A cell template does not parse.",
    UnknownPlaceholder = "E0404" "unknown-placeholder" "A cell template names a fact that rows of its kind do not have.",
    RowMissingFact = "E0405" "row-missing-fact" "A table row lacks a fact that one of its columns shows.",
    BadStatusCode = "E0501" "bad-status-code" "A status code outside 100-599, or a status class other than 1xx to 5xx.",
    Empty = "E0502" "empty" "Something that needs content has none: values, fields, a root body, a rule's scope, statements.",
    ShapeCycle = "E0503" "shape-cycle" "A body shape contains itself other than through an array or a map.",
    BodyFormat = "E0504" "body-format" "A string `format` on a field that holds no string, a `media_type` that is not JSON (or, for a plain-text body, is) or not on a root body, `array` (a body that is a list) or `text` (a plain-text body) on a body that is not root or beside other root bodies, or a plain-text body with members or a text that is no string.",
    VocabularyType = "E0505" "vocabulary-type" "A value of a `type: integer` vocabulary that is not an integer, or a string `format` on one; a `namespace_separator` that is not one sign, on integers, or in a value.",
    UnionVariant = "E0506" "union-variant" "A union's variant is a whole (root) body, or has a member named as the union's tag.",
    HiddenFormat = "E0507" "hidden-format" "A root body with no member that must be there, before other root bodies: every body decodes as it, and the ones after it are never chosen.",
    ValueFamily = "E0508" "value-family" "A family of values whose pattern has no wildcard, or other signs than digits in a `type: integer` vocabulary; a family with a `variant`, or written as a value is; `matches` or `plain` on a value that is no family.",
    HeaderRole = "E0601" "header-role" "Header roles and Retry-After formats that do not fit together.",
    RetryDelay = "E0701" "retry-delay" "A recovery rule's waits do not fit its kind (a backoff, a source for the server's wait, `if_no_wait`, attempts).",
    RecoveryScope = "E0702" "recovery-scope" "A recovery rule mixes levels, or names values that no `role: code` or `role: hint` field carries.",
    RecoveryAmbiguous = "E0703" "recovery-ambiguous" "Two recovery rules of one level cover the same response.",
    FieldRole = "E0704" "field-role" "A field's role does not fit its type or place, or two fields of one body share a role.",
    RecoveryCondition = "E0705" "recovery-condition" "A rule's condition (`when`) tests no header or body fact the catalog describes, or tests it in no single way.",
    TransportRule = "E0706" "transport-rule" "A rule or case of failures without a response (`transport`) that also names what only a response carries, or waits for the server.",
    Escalation = "E0707" "escalation" "A rule's `then` retries, quotes what is neither the request id nor the support reference or what no field or header carries, or a decision's `then` is not its rule's.",
    Precedence = "E0708" "precedence" "A catalog's `recovery.precedence` does not list each level a response is decided at exactly once.",
    ExampleBody = "E0801" "example-body" "An example body does not match its body format.",
    ExampleFormat = "E0802" "example-format" "An example's `body_format` is not a whole (root) body.",
    ExampleHeader = "E0803" "example-header" "An example sends a header the catalog does not describe.",
    ExampleStatus = "E0804" "example-status" "An example says where its status is given but has none.",
    ExampleDecision = "E0805" "example-decision" "An example's decision names an unknown rule or another kind, or a status or wait that does not apply.",
}

/// One problem with a catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    /// The file as the user knows it, e.g. `spec/myapi.yaml`.
    pub file: String,
    /// Where in the catalog, e.g. `vocabularies[0].values[3].statuses[1]`.
    pub path: Option<String>,
    /// Where in the file, when the file has the node (or its parent).
    pub position: Option<Position>,
    /// The text of the line at `position`, quoted under the message.
    pub source_line: Option<String>,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    /// A problem with a whole file or directory.
    pub fn in_file(code: Code, file: &str, message: impl Into<String>) -> Self {
        Self {
            code,
            file: file.to_string(),
            path: None,
            position: None,
            source_line: None,
            message: message.into(),
            help: None,
        }
    }

    /// A problem at a catalog path; [`Diagnostic::located`] adds its position.
    pub fn at_path(code: Code, file: &str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { path: Some(path.into()), ..Self::in_file(code, file, message) }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Places the diagnostic at `position`, quoting that line.
    pub fn at_position(mut self, map: &SourceMap, position: Position) -> Self {
        // Errors at the end of the text come with a place past it: point at its last line.
        let position = map.clamp(position);
        // A bidirectional control would reorder the quoted line on the user's terminal, and a
        // control character (a NUL, an escape) would reach it raw.
        let hidden = |c: char| is_bidi_control(c) || (c.is_control() && c != '\t');
        let shown = |line: &str| line.chars().map(|c| if hidden(c) { '\u{FFFD}' } else { c }).collect();
        self.source_line = map.line(position.line).map(shown);
        self.position = Some(position);
        self
    }

    /// A diagnostic about a file's content that found no better place points at its start.
    pub fn or_at_start(self, map: &SourceMap) -> Self {
        match self.position {
            Some(_) => self,
            None => self.at_position(map, Position { line: 1, column: 1, width: 1 }),
        }
    }

    /// Places the diagnostic at its path's node, or the nearest node the file has.
    pub fn located(self, map: &SourceMap) -> Self {
        match self.path.as_deref().and_then(|path| map.nearest(path)) {
            Some(position) => self.at_position(map, position),
            None => self,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = Place {
            file: &self.file,
            path: self.path.as_deref(),
            position: self.position,
            source_line: self.source_line.as_deref(),
        };
        let footers: Vec<(Level, &str)> = self.help.iter().map(|help| (Level::HELP, help.as_str())).collect();
        f.write_str(&render(Level::ERROR, self.code.id(), &self.message, &place, &footers))
    }
}

/// Where a diagnostic or lint finding points.
pub(crate) struct Place<'a> {
    pub file: &'a str,
    pub path: Option<&'a str>,
    pub position: Option<Position>,
    pub source_line: Option<&'a str>,
}

/// Renders one message as rustc does: the title with its code, the source line with a caret
/// under the node (labelled with the catalog path), then the footers (`= help: ...`).
pub(crate) fn render(
    level: Level<'_>,
    id: &str,
    message: &str,
    place: &Place<'_>,
    footers: &[(Level<'_>, &str)],
) -> String {
    let title = level.primary_title(message).id(id);
    let mut group: Group<'_> = match (place.position, place.source_line) {
        (Some(position), Some(line)) => {
            let start = byte_offset(line, position.column - 1);
            let end = byte_offset(line, position.column - 1 + position.width).max(start);
            let annotation = AnnotationKind::Primary.span(start..end).label(place.path);
            title.element(Snippet::source(line).line_start(position.line).path(place.file).annotation(annotation))
        }
        (Some(position), None) => {
            title.element(Origin::path(place.file).line(position.line).char_column(position.column))
        }
        (None, _) => title.element(Origin::path(place.file)),
    };
    if let (Some(path), None) = (place.path, place.source_line) {
        group = group.element(Level::NOTE.message(format!("at `{path}`")));
    }
    for (level, text) in footers {
        group = group.element(level.clone().message(*text));
    }
    Renderer::plain().render(&[group]).to_string()
}

/// The characters that reorder how text displays (U+202A-U+202E, U+2066-U+2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The byte offset of the `chars`-th character of `line` (its length past the end).
fn byte_offset(line: &str, chars: usize) -> usize {
    line.char_indices().nth(chars).map_or(line.len(), |(offset, _)| offset)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_in_order() {
        let ids: Vec<&str> = Code::ALL.iter().map(|c| c.id()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(ids, sorted);
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len());
    }

    #[test]
    fn a_located_diagnostic_quotes_its_line_with_a_caret() {
        let map = SourceMap::build("id: x\nstatuses:\n  - code: 999\n");
        let shown = Diagnostic::at_path(Code::BadStatusCode, "spec/x.yaml", "statuses[0].code", "999 is not a status")
            .with_help("use 100-599")
            .located(&map)
            .to_string();
        assert!(shown.starts_with("error[E0501]: 999 is not a status"), "{shown}");
        assert!(shown.contains("--> spec/x.yaml:3:11"), "{shown}");
        assert!(shown.contains("3 |   - code: 999"), "{shown}");
        assert!(shown.contains("^^^ statuses[0].code"), "{shown}");
        assert!(shown.contains("= help: use 100-599"), "{shown}");
    }

    #[test]
    fn carets_count_characters_not_bytes() {
        let map = SourceMap::build("name: \"café\"\nid: é\n");
        let shown = Diagnostic::at_path(Code::NonAsciiName, "x.yaml", "id", "not ASCII").located(&map).to_string();
        assert!(shown.contains("2 | id: é\n  |     ^ id"), "{shown}");
    }
}
