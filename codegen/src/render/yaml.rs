//! JSON values written as block-style YAML that YAML 1.1 and 1.2 readers read back alike.
//!
//! serde_yaml quotes a string only when a YAML 1.2 reader would misread it, and offers no way to
//! ask for more. Readers still on YAML 1.1 (PyYAML, SnakeYAML, and the OpenAPI tools built on
//! them) turn unquoted `2024-12-01T09:00:00Z` into a date, `yes` and `on` into booleans, `1:20`
//! into a number. So this writer leaves a string plain only when it starts with a letter (or
//! `$`, `_`, `/`) and is none of YAML 1.1's boolean and null words, and double-quotes every
//! other string, with JSON's escapes, which both versions read.

use serde_json::Value;

/// The whole document, ending in a newline.
pub fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Object(map) if !map.is_empty() => mapping(&mut out, map, 0),
        Value::Array(items) if !items.is_empty() => sequence(&mut out, items, 0),
        scalar => {
            out.push_str(&inline(scalar, 0));
            out.push('\n');
        }
    }
    out
}

fn mapping(out: &mut String, map: &serde_json::Map<String, Value>, indent: usize) {
    for (i, (key, value)) in map.iter().enumerate() {
        // A mapping inside a sequence item starts on the item's `- ` line.
        if i > 0 || !out.ends_with("- ") {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(&string(key, indent));
        out.push(':');
        nested(out, value, indent);
    }
}

fn sequence(out: &mut String, items: &[Value], indent: usize) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 || !out.ends_with("- ") {
            out.push_str(&" ".repeat(indent));
        }
        out.push_str("- ");
        match item {
            Value::Object(map) if !map.is_empty() => mapping(out, map, indent + 2),
            Value::Array(inner) if !inner.is_empty() => sequence(out, inner, indent + 2),
            scalar => {
                out.push_str(&inline(scalar, indent + 2));
                out.push('\n');
            }
        }
    }
}

/// The value of a mapping entry, after its `key:`.
fn nested(out: &mut String, value: &Value, indent: usize) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            out.push('\n');
            mapping(out, map, indent + 2);
        }
        // Sequences under a key sit at the key's indentation, as serde_yaml writes them.
        Value::Array(items) if !items.is_empty() => {
            out.push('\n');
            sequence(out, items, indent);
        }
        scalar => {
            out.push(' ');
            out.push_str(&inline(scalar, indent + 2));
            out.push('\n');
        }
    }
}

/// A scalar, or an empty collection, on one line (a multi-line string as a literal block).
fn inline(value: &Value, indent: usize) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => number(n),
        Value::String(s) => string(s, indent),
        Value::Array(_) => "[]".into(),
        Value::Object(_) => "{}".into(),
    }
}

/// YAML 1.1 reads a float only with a `.` in it, so `1e30` becomes `1.0e30`.
fn number(n: &serde_json::Number) -> String {
    let text = n.to_string();
    if n.is_f64() && !text.contains('.') {
        match text.split_once(['e', 'E']) {
            Some((mantissa, exponent)) => format!("{mantissa}.0e{exponent}"),
            None => format!("{text}.0"),
        }
    } else {
        text
    }
}

fn string(s: &str, indent: usize) -> String {
    if is_plain_safe(s) {
        s.to_string()
    } else if let Some(block) = literal_block(s, indent) {
        block
    } else {
        serde_json::to_string(s).expect("a string always serializes")
    }
}

/// The words YAML 1.1 reads as booleans or null, in any of the cases it accepts.
const YAML_1_1_WORDS: &[&str] = &["y", "n", "yes", "no", "true", "false", "on", "off", "null"];

fn is_plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else { return false };
    (first.is_ascii_alphabetic() || matches!(first, '$' | '_' | '/'))
        && !YAML_1_1_WORDS.contains(&s.to_ascii_lowercase().as_str())
        && !s.ends_with([' ', ':'])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.chars().any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}'))
}

/// A multi-line string as a `|` block, where the block gives back exactly the string: lines
/// without leading blanks on the first, trailing blanks or control characters.
fn literal_block(s: &str, indent: usize) -> Option<String> {
    let body = s.strip_suffix('\n').unwrap_or(s);
    let fits = s.contains('\n')
        && !body.is_empty()
        && !body.ends_with('\n')
        && !body.starts_with([' ', '\t'])
        && body.lines().all(|line| line == line.trim_end())
        && !s.chars().any(|c| (c.is_control() && c != '\n') || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}'));
    if !fits {
        return None;
    }
    let chomp = if s.ends_with('\n') { "" } else { "-" };
    let pad = " ".repeat(indent.max(2));
    let lines: Vec<String> =
        body.split('\n').map(|line| if line.is_empty() { String::new() } else { format!("{pad}{line}") }).collect();
    Some(format!("|{chomp}\n{}", lines.join("\n")).trim_end_matches('\n').to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// What serde_yaml (a YAML 1.2 reader) makes of the text.
    fn read_back(text: &str) -> Value {
        serde_yaml::from_str(text).unwrap_or_else(|e| panic!("{e}:\n{text}"))
    }

    #[test]
    fn strings_a_yaml_1_1_reader_would_misread_are_quoted() {
        for s in ["2024-12-01T09:00:00Z", "2024-12-01", "yes", "No", "ON", "y", "1_000", "12:30:00", "1:20", "=", "<<"]
        {
            assert_eq!(to_yaml(&json!({ "v": s })), format!("v: \"{s}\"\n"));
        }
        for s in ["text", "Retry-After", "$ref", "/errors/{id}", "Too Many Requests", "a, b and c", "yesterday"] {
            assert_eq!(to_yaml(&json!({ "v": s })), format!("v: {s}\n"));
        }
    }

    #[test]
    fn every_value_reads_back_as_itself() {
        let value = json!({
            "openapi": "3.1.1",
            "empty": {}, "none": [], "nothing": null, "flag": false, "count": 3, "ratio": 0.5, "huge": 1e30,
            "list": ["a", 1, {"k": "v", "k2": ["x", {}]}, [], [1, [2]]],
            "text": "two\nlines", "ending": "line\n", "gap": "a\n\nb", "indented": "  x\ny",
            "trailing": "x \ny", "quote": "it's \"so\"", "unicode": "café – ✓", "tab": "a\tb",
            "nested": { "deeper": { "deepest": ["- x", "#c", "a: b", "'q", "~", ""] } },
            "1": "numeric key", "yes": "word key",
        });
        assert_eq!(read_back(&to_yaml(&value)), value);
        for scalar in [json!("plain"), json!(""), json!(1), json!(null), json!([]), json!({})] {
            assert_eq!(read_back(&to_yaml(&scalar)), scalar);
        }
    }

    #[test]
    fn blocks_are_written_as_serde_yaml_writes_them() {
        let value = json!({ "a": { "b": [ { "c": 1, "d": "x" }, "e" ] }, "f": "g\nh" });
        assert_eq!(to_yaml(&value), "a:\n  b:\n  - c: 1\n    d: x\n  - e\nf: |-\n  g\n  h\n");
    }
}
