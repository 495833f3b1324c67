//! Reading a table's cells: codes, yes/no, placeholders, markup, and the templates that write
//! them back.

use crate::model::FieldType;

/// The template that writes a cell holding codes: the cell with its (first) code replaced.
pub(super) fn code_template(cell: &str, codes: &[u16], placeholder: &str) -> Option<String> {
    let first = codes.first()?.to_string();
    let at = cell.find(&first)?;
    // Joined cells are rebuilt by the table's `join`; the template writes one code.
    let end = if codes.len() > 1 { cell.rfind(|c: char| c.is_ascii_digit())? + 1 } else { at + first.len() };
    Some(format!("{}{placeholder}{}", &cell[..at], &cell[end..]))
}

/// The reason phrase a code cell writes after a single code: `` `413 Payload Too Large` ``.
pub(super) fn reason_after_code(cell: &str) -> Option<String> {
    let (open, close) = wrapping(cell);
    let inner = cell.strip_prefix(open)?.strip_suffix(close)?;
    let (code, reason) = inner.split_once(' ')?;
    let reason = reason.trim();
    (code.parse::<u16>().is_ok()
        && !reason.is_empty()
        && reason.chars().all(|c| c.is_ascii_alphanumeric() || " -'".contains(c)))
    .then(|| reason.to_string())
}

/// The markup around a cell's text: a code span's backticks or bold's asterisks.
pub(super) fn wrapping(cell: &str) -> (&'static str, &'static str) {
    if is_code_span(cell) {
        ("`", "`")
    } else if cell.starts_with("**") && cell.ends_with("**") && cell.len() > 4 {
        ("**", "**")
    } else {
        ("", "")
    }
}

pub(super) fn yes_no(cell: &str) -> Option<bool> {
    match strip_code(cell).to_lowercase().as_str() {
        "yes" | "true" | "✓" | "✔" => Some(true),
        "no" | "false" | "✗" => Some(false),
        _ => None,
    }
}

/// What a page writes in a cell that states nothing.
const PLACEHOLDERS: &[&str] = &["", "—", "–", "-", "n/a", "N/A"];

pub(super) fn is_placeholder(cell: &str) -> bool {
    PLACEHOLDERS.contains(&cell.trim())
}

pub(super) fn is_yes_no_column(cells: &[&str]) -> bool {
    cells.iter().all(|c| is_placeholder(c) || yes_no(c).is_some())
}

/// A column's template: `{fact}`, or `{fact?—}` where some rows hold the page's placeholder
/// (one placeholder per column; two kinds would not rebuild, and the table is then dropped).
pub(super) fn fact_cell(fact: &str, cells: &[&str]) -> String {
    match cells.iter().find(|c| is_placeholder(c)) {
        Some(placeholder) => format!("{{{fact}?{}}}", placeholder.trim()),
        None => format!("{{{fact}}}"),
    }
}

/// Statuses render as `500/503`: does the cell write them so?
pub(super) fn cell_joins(cell: &str, codes: &[u16]) -> bool {
    cell == codes.iter().map(u16::to_string).collect::<Vec<_>>().join("/")
}

/// The JSON type a field table's `Type` cell names.
pub(super) fn json_type(cell: &str) -> Option<FieldType> {
    Some(match strip_code(cell).trim() {
        "string" => FieldType::String,
        "integer" | "int" => FieldType::Integer,
        "number" | "float" => FieldType::Number,
        "boolean" | "bool" => FieldType::Boolean,
        "any" => FieldType::Any,
        _ => return None,
    })
}

pub(super) fn is_code_span(cell: &str) -> bool {
    cell.len() > 2 && cell.starts_with('`') && cell.ends_with('`') && !cell[1..cell.len() - 1].contains('`')
}

pub(super) fn strip_code(cell: &str) -> String {
    if is_code_span(cell) {
        cell[1..cell.len() - 1].to_string()
    } else {
        cell.trim().to_string()
    }
}

/// Cell text as the catalog states it: the table syntax's escapes undone.
pub(super) fn unescape(cell: &str) -> String {
    cell.replace("\\|", "|").replace("<br>", "\n").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}
