//! Where every node of a catalog file stands, found in one pass over the file's YAML events
//! when it is loaded, so that any diagnostic or lint finding can show its line and column.
//!
//! serde_yaml hands out values without positions, so the loader reads the text a second time
//! with an event parser that reports spans (saphyr-parser) and records each node under its
//! catalog path (`vocabularies[0].values[3].statuses[1]`).

use saphyr_parser::{Event, Parser, Span};
use std::collections::HashMap;

/// A node's place in its file: 1-based line and column (in characters) and how many
/// characters of that line it covers (at least one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub width: usize,
}

/// Collections nested deeper than this are refused before serde_yaml reads the file: its
/// time grows with the square of the depth (60,000 levels took seconds), while a catalog needs
/// about ten.
pub const MAX_DEPTH: usize = 64;

/// Every node's position in one file, the file's lines to quote, and what the pass noticed
/// that serde_yaml reports without a position.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    nodes: HashMap<String, Position>,
    /// The file's text, kept once (not a string per line) to quote lines from.
    text: String,
    lines: Vec<Line>,
    /// The first collection nested deeper than [`MAX_DEPTH`]; the pass stops there.
    pub too_deep: Option<Position>,
    /// The start of a second YAML document (`---`), which a catalog file may not have.
    pub second_document: Option<Position>,
    /// The first alias (`*name`), where an alias bomb starts.
    pub first_alias: Option<Position>,
    /// Where the event parser found the text malformed.
    pub syntax_error: Option<Position>,
    /// Scalars (keys too) whose value holds a bidirectional control that the text writes as an
    /// escape (`"\u202e"`), so that it cannot be seen in the raw text: each start, and the character.
    pub escaped_bidi: Vec<(Position, char)>,
}

/// One line of the file: its bytes in the text, and its length in characters, counted once
/// rather than for each node on it.
#[derive(Debug, Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    chars: usize,
}

/// A mapping or sequence being read, with the path of its node.
enum Frame {
    Mapping { path: String, key: Option<String> },
    Sequence { path: String, next: usize },
}

impl SourceMap {
    /// Reads `text` once. A syntax error ends the walk: the nodes before it keep their
    /// positions, and serde_yaml reports the error itself.
    pub fn build(text: &str) -> Self {
        let lines = text
            .lines()
            .map(|line| {
                let start = line.as_ptr() as usize - text.as_ptr() as usize;
                Line { start, end: start + line.len(), chars: line.chars().count() }
            })
            .collect();
        let mut map = SourceMap { text: text.to_string(), lines, ..SourceMap::default() };
        let mut stack: Vec<Frame> = Vec::new();
        let mut documents = 0;
        let mut parser = Parser::new_from_str(text);
        while let Some(next) = parser.next_event() {
            let (event, span) = match next {
                Ok(event) => event,
                Err(error) => {
                    let at = error.marker();
                    let position = Some(Position { line: at.line(), column: at.col() + 1, width: 1 });
                    // The parser's own guard against deep nesting, which it reports as an error.
                    if error.info().contains("recursion limit") {
                        map.too_deep = position;
                    } else {
                        map.syntax_error = position;
                    }
                    break;
                }
            };
            match event {
                Event::Scalar(value, ..) => {
                    if let Some(c) = value.chars().find(|&c| crate::diagnostic::is_bidi_control(c)) {
                        map.escaped_bidi.push((map.start(span), c));
                    }
                    // A scalar where a mapping expects a key names the next value.
                    if let Some(Frame::Mapping { key: key @ None, .. }) = stack.last_mut() {
                        *key = Some(value.into_owned());
                    } else if let Some(path) = next_path(&mut stack) {
                        map.record(path, span);
                    }
                }
                Event::Alias(_) => {
                    map.first_alias = map.first_alias.or(Some(map.start(span)));
                    if let Some(path) = next_path(&mut stack) {
                        map.record(path, span);
                    }
                }
                Event::MappingStart(..) | Event::SequenceStart(..) if stack.len() >= MAX_DEPTH => {
                    map.too_deep = Some(map.start(span));
                    break;
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    // A collection as a mapping key (rare, never valid in a catalog) gets no path.
                    let path = next_path(&mut stack).unwrap_or_else(|| "?".to_string());
                    map.record(path.clone(), span);
                    stack.push(match event {
                        Event::MappingStart(..) => Frame::Mapping { path, key: None },
                        _ => Frame::Sequence { path, next: 0 },
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                }
                Event::DocumentStart(_) => {
                    documents += 1;
                    if documents == 2 {
                        map.second_document = Some(map.start(span));
                    }
                }
                Event::StreamEnd => break,
                _ => {}
            }
        }
        map
    }

    fn start(&self, span: Span) -> Position {
        Position { line: span.start.line(), column: span.start.col() + 1, width: 1 }
    }

    fn record(&mut self, path: String, span: Span) {
        let line = span.start.line();
        let column = span.start.col() + 1;
        let line_length = line.checked_sub(1).and_then(|index| self.lines.get(index)).map_or(0, |l| l.chars);
        let width = if span.end.line() == line { span.end.col().saturating_sub(span.start.col()) } else { 0 };
        let width = width.min(line_length.saturating_sub(column - 1)).max(1);
        self.nodes.entry(path).or_insert(Position { line, column, width });
    }

    /// The position of the node at `path`, if the file has it.
    pub fn position(&self, path: &str) -> Option<Position> {
        self.nodes.get(path).copied()
    }

    /// The position of the node at `path` or, for a node the file lacks (a missing key), of
    /// its nearest enclosing node.
    pub fn nearest(&self, path: &str) -> Option<Position> {
        let mut path = path;
        loop {
            if let Some(found) = self.position(path) {
                return Some(found);
            }
            let cut = path.rfind(['.', '['])?;
            path = &path[..cut];
        }
    }

    /// A position the file has: past its last line (an error at the end of the text), at the end
    /// of the last line; before a line's first column, at its first.
    pub fn clamp(&self, position: Position) -> Position {
        let Some(last) = self.lines.len().checked_sub(1) else {
            return Position { line: 1, column: 1, width: 1 };
        };
        if position.line > self.lines.len() || position.line == 0 {
            return Position { line: last + 1, column: self.lines[last].chars + 1, width: 1 };
        }
        Position { column: position.column.max(1), ..position }
    }

    /// The text of a 1-based line.
    pub fn line(&self, line: usize) -> Option<&str> {
        let line = self.lines.get(line.checked_sub(1)?)?;
        Some(&self.text[line.start..line.end])
    }
}

/// The path of the node that comes next inside the innermost open collection; `""` for the
/// document's root. Advances the collection past that node.
fn next_path(stack: &mut [Frame]) -> Option<String> {
    match stack.last_mut() {
        None => Some(String::new()),
        Some(Frame::Mapping { path, key }) => {
            let key = key.take()?;
            Some(if path.is_empty() { key } else { format!("{path}.{key}") })
        }
        Some(Frame::Sequence { path, next }) => {
            *next += 1;
            Some(format!("{path}[{}]", *next - 1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "id: x\nstatuses:\n  - code: 400\n    reason: Bad\n  - { code: 401, reason: Unauth }\nbody: { a: [1, 2] }\n";

    fn at(map: &SourceMap, path: &str) -> Option<(usize, usize)> {
        map.position(path).map(|p| (p.line, p.column))
    }

    #[test]
    fn paths_resolve_to_their_node() {
        let map = SourceMap::build(TEXT);
        assert_eq!(at(&map, "id"), Some((1, 5)));
        assert_eq!(at(&map, "statuses[0]"), Some((3, 5)));
        assert_eq!(at(&map, "statuses[0].reason"), Some((4, 13)));
        assert_eq!(at(&map, "statuses[1].code"), Some((5, 13)));
        assert_eq!(at(&map, "body.a[1]"), Some((6, 16)));
        assert_eq!(map.position("statuses[0].reason").unwrap().width, 3);
    }

    #[test]
    fn a_missing_node_points_at_its_nearest_parent() {
        let map = SourceMap::build(TEXT);
        assert_eq!(map.position("statuses[7]"), None);
        assert_eq!(map.nearest("statuses[0].description").map(|p| p.line), Some(3));
        assert_eq!(map.nearest("nothing.here"), None);
    }

    #[test]
    fn a_syntax_error_keeps_what_came_before() {
        let map = SourceMap::build("id: x\nname: [unclosed\n");
        assert_eq!(at(&map, "id"), Some((1, 5)));
        assert_eq!(map.line(2), Some("name: [unclosed"));
        assert!(map.syntax_error.is_some());
    }

    #[test]
    fn what_serde_yaml_reports_without_a_position_is_found() {
        let nested = |depth| format!("id: x\nname: {}{}\n", "[".repeat(depth), "]".repeat(depth));
        assert_eq!(SourceMap::build(&nested(MAX_DEPTH - 1)).too_deep, None);
        let too_deep = Some(Position { line: 2, column: 7 + MAX_DEPTH - 1, width: 1 });
        assert_eq!(SourceMap::build(&nested(MAX_DEPTH + 1)).too_deep, too_deep);
        // Far deeper, the event parser's own limit answers first.
        assert_eq!(SourceMap::build(&nested(100_000)).too_deep.map(|p| p.line), Some(2));
        let two = SourceMap::build("id: x\n---\nid: y\n");
        assert_eq!(two.second_document.map(|p| p.line), Some(2));
        let alias = SourceMap::build("a: &a [1]\nb: [*a, *a]\n");
        assert_eq!(alias.first_alias, Some(Position { line: 2, column: 5, width: 1 }));
        assert_eq!((alias.too_deep, alias.second_document, alias.syntax_error), (None, None, None));
    }
}
