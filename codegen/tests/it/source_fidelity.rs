//! Each catalog against the source documents it transcribes: for every document that names a
//! `local_copy` (a path from the catalog file; the real catalogs point at `../shared/seeds/`,
//! beside the workspace), every table is rebuilt with the same rows and cells, and every JSON
//! example (with its status line and headers) is in the catalog, in the document's order.
//!
//! The copies are not part of the repository. Without one this test says so and passes,
//! except in CI (`CI` set), where its absence is a failure.

use crate::common;

use codegen::resolved::{Api, DocumentId};
use serde_json::Value;
use std::path::Path;

fn read_copy(path: &Path) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("skipped: {} is not there", path.display());
            None
        }
        Err(err) => panic!("{}: {err}", path.display()),
    }
}

/// Markdown tables as rows of trimmed cells (header first, separator dropped).
pub fn tables(markdown: &str) -> Vec<Vec<Vec<String>>> {
    let mut tables = Vec::new();
    let mut current: Vec<Vec<String>> = Vec::new();
    let mut in_html = false;
    for line in markdown.lines().map(str::trim).chain(std::iter::once("")) {
        // An HTML table, a row a line: its rows' cells without their tags (`<code>` a code span).
        if line.starts_with("<table") {
            in_html = true;
        }
        if in_html {
            if line.starts_with("<tr") || line.contains("<tr>") {
                let cells = line.split("<t").skip(2).filter(|c| c.starts_with("d") || c.starts_with("h"));
                let text = |cell: &str| {
                    let inner = cell.split_once('>').map_or("", |(_, rest)| rest);
                    let inner = inner.replace("<code>", "`").replace("</code>", "`");
                    inner.split("</").next().unwrap_or("").trim().to_string()
                };
                current.push(cells.map(text).collect());
            }
            if line.contains("</table>") {
                in_html = false;
                tables.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('|') {
            let cells = row_cells(line);
            if !cells.iter().all(|c| c.chars().all(|ch| ch == '-' || ch == ':')) {
                current.push(cells);
            }
        } else if !current.is_empty() {
            tables.push(std::mem::take(&mut current));
        }
    }
    tables
}

/// The tables of `markdown` the catalog rebuilds: all but those it records as left out (a
/// `left_out` inconsistency quoting the table's header).
pub fn tables_kept(api: &Api, markdown: &str) -> Vec<Vec<Vec<String>>> {
    let left_out = |table: &Vec<Vec<String>>| {
        let quote = codegen::model::table_quote(&table[0]);
        let recorded = |x: &&codegen::resolved::Inconsistency| x.kind == codegen::model::InconsistencyKind::LeftOut;
        api.inconsistencies.iter().filter(recorded).flat_map(|x| &x.statements).any(|s| s.says == quote)
    };
    tables(markdown).into_iter().filter(|table| !left_out(table)).collect()
}

/// The cells of a Markdown table row, each trimmed: split at each `|` a `\` does not escape (a
/// blank cell is `| |`).
pub fn row_cells(line: &str) -> Vec<String> {
    let line = line.trim();
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = inner.strip_suffix('|').filter(|rest| !rest.ends_with('\\')).unwrap_or(inner);
    let mut cells = vec![String::new()];
    let mut escaped = false;
    for c in inner.chars() {
        let cell = cells.last_mut().expect("one cell at least");
        match c {
            '|' if !escaped => cells.push(String::new()),
            // (An escaped bar is the cell's own: `object \| null` holds `object | null`.)
            '|' => {
                cell.pop();
                cell.push('|');
            }
            c => cell.push(c),
        }
        escaped = c == '\\';
    }
    cells.iter().map(|cell| cell.trim().to_string()).collect()
}

/// Tables with each cell as Markdown reads it: `08\*` and `08*` are one text.
pub fn as_read_tables(tables: Vec<Vec<Vec<String>>>) -> Vec<Vec<Vec<String>>> {
    tables
        .into_iter()
        .map(|table| table.into_iter().map(|row| row.iter().map(|c| as_read(c)).collect()).collect())
        .collect()
}

/// A cell's Markdown as it reads: escapes gone, code spans, emphasis and links kept as marks.
fn as_read(cell: &str) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = String::new();
    let mut links = Vec::new();
    // (After a word, as in a table row: `-` alone is no list item, `#` no heading.)
    for event in Parser::new(&format!("x {cell}")) {
        match event {
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => out.push_str(&text),
            Event::Code(code) => out.push_str(&format!("`{code}`")),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) => out.push('*'),
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => out.push_str("**"),
            Event::Start(Tag::Link { dest_url, .. }) => {
                out.push('[');
                links.push(dest_url.to_string());
            }
            Event::End(TagEnd::Link) => out.push_str(&format!("]({})", links.pop().unwrap_or_default())),
            _ => {}
        }
    }
    out.strip_prefix("x ").map(str::to_string).unwrap_or(out)
}

/// What a heading is among the blocks [`code_blocks`] gives: a response head before it is not
/// the head of a body after it.
const HEADING: &str = "#";
/// A prose line that says bodies are plain text, as the reader marks it.
const SAYS_TEXT: &str = "#text";

/// Fenced code blocks as (language, text), and each heading between them as [`HEADING`].
fn code_blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, String)> = None;
    // A response in a block quote (`> HTTP/2 429`, `> {`): a block of its lines without `> `.
    let mut quoted: Option<String> = None;
    for line in markdown.lines().chain(std::iter::once("")) {
        let trimmed = line.trim();
        match (open.is_none(), trimmed.strip_prefix('>')) {
            (true, Some(inner)) => {
                let text = quoted.get_or_insert_with(String::new);
                text.push_str(inner.strip_prefix(' ').unwrap_or(inner));
                text.push('\n');
                continue;
            }
            _ => {
                if let Some(text) =
                    quoted.take().filter(|t| t.trim_start().starts_with(['{', '[']) || t.starts_with("HTTP/"))
                {
                    blocks.push((String::new(), text));
                }
            }
        }
        match (&mut open, trimmed.strip_prefix("```")) {
            (None, Some(info)) => {
                open = Some((info.split_whitespace().next().unwrap_or("").to_string(), String::new()))
            }
            (Some(_), Some(_)) => blocks.push(open.take().unwrap()),
            (Some((_, text)), None) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, None) if trimmed.starts_with('#') => blocks.push((HEADING.to_string(), String::new())),
            (None, None) => {
                let lower = trimmed.to_lowercase();
                if ["plain text", "plain-text", "text/plain"].iter().any(|said| lower.contains(said)) {
                    blocks.push((SAYS_TEXT.to_string(), String::new()));
                }
            }
        }
    }
    blocks
}

/// Whether each block's section says its bodies are plain text, anywhere in the section; or the
/// page says so, and shows no JSON body.
fn in_sections_of_text(blocks: &[(String, String)]) -> Vec<bool> {
    let json = |(language, text): &(String, String)| language == "json" || json(text).is_some_and(|j| j.is_object());
    if blocks.iter().any(|(language, _)| language == SAYS_TEXT) && !blocks.iter().any(json) {
        return vec![true; blocks.len()];
    }
    let mut says = vec![false; blocks.len()];
    let mut start = 0;
    for end in 0..=blocks.len() {
        if end == blocks.len() || blocks[end].0 == HEADING {
            let section = blocks[start..end].iter().any(|(language, _)| language == SAYS_TEXT);
            says[start..end].fill(section);
            start = end;
        }
    }
    says
}

/// A documented response: the JSON body and, where an `http` block precedes it, its status
/// and headers.
#[derive(Debug, PartialEq)]
pub struct Response {
    pub body: Value,
    status: Option<u16>,
    headers: Vec<(String, String)>,
}

/// A block's JSON, as documentation may write it: with comments and trailing commas, or as a
/// JavaScript object (names without quotes, strings in single quotes).
fn json(text: &str) -> Option<Value> {
    let mut text = text.trim().to_string();
    json_strip_comments::strip(&mut text).ok()?;
    serde_json::from_str(&text).ok().or_else(|| serde_json::from_str(&quoted_as_json(&text)).ok())
}

/// A block's JSON values: one (see [`json`]), or several one after another, each after a comment
/// saying which (read by serde_json's stream reader, apart from the page reader's splitting).
fn several(text: &str) -> Option<Vec<Value>> {
    if let Some(one) = json(text) {
        return Some(vec![one]);
    }
    let mut text = text.trim().to_string();
    json_strip_comments::strip(&mut text).ok()?;
    let values: Result<Vec<Value>, _> = serde_json::Deserializer::from_str(&text).into_iter::<Value>().collect();
    values.ok().filter(|values| values.len() > 1)
}

/// A JavaScript object's text with its names and single-quoted strings in double quotes. (This
/// test's own reading, apart from the page reader's `jsonc-parser`, so that the two are checked
/// against each other; a JSON5 crate for it alone would build a C dependency into the tests.)
fn quoted_as_json(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' => {
                // A string, written back in double quotes (its `"` escaped, a `\'` unescaped).
                out.push('"');
                while let Some(inner) = chars.next() {
                    match inner {
                        '\\' => match chars.next() {
                            Some('\'') => out.push('\''),
                            Some(escaped) => {
                                out.push('\\');
                                out.push(escaped);
                            }
                            None => {}
                        },
                        end if end == c => break,
                        '"' => out.push_str("\\\""),
                        other => out.push(other),
                    }
                }
                out.push('"');
            }
            // A name without quotes: a word followed by `:`.
            c if c.is_ascii_alphabetic() || c == '_' || c == '$' => {
                let mut word = String::from(c);
                while let Some(&next) = chars.peek().filter(|n| n.is_ascii_alphanumeric() || **n == '_' || **n == '$') {
                    word.push(next);
                    chars.next();
                }
                match chars.clone().find(|next| !next.is_whitespace()) == Some(':') {
                    true => out.push_str(&format!("\"{word}\"")),
                    false => out.push_str(&word),
                }
            }
            other => out.push(other),
        }
    }
    out
}

pub fn responses(markdown: &str) -> Vec<Response> {
    let mut found = Vec::new();
    let mut pending: Option<(u16, Vec<(String, String)>)> = None;
    let blocks = code_blocks(markdown);
    let of_text = in_sections_of_text(&blocks);
    for ((language, text), of_text) in blocks.into_iter().zip(of_text) {
        // A block that does not say what it is is what it shows: a response head, or JSON (an
        // object, or a list of objects: a body that is a list of errors).
        let object = |text: &str| {
            json(text).is_some_and(|json| match json {
                Value::Array(items) => !items.is_empty() && items.iter().all(Value::is_object),
                other => other.is_object(),
            })
        };
        let language = match language.as_str() {
            _ if text.starts_with("HTTP/") => "http",
            "json" => "json",
            _ if object(&text) => "json",
            other => other,
        };
        // A head that says its body is text (`Content-Type: text/plain`): the body is the JSON
        // string of its text, as a catalog has it.
        let says_text = |headers: &[(String, String)]| {
            headers
                .iter()
                .any(|(k, v)| k.eq_ignore_ascii_case("content-type") && v.to_ascii_lowercase().starts_with("text/"))
        };
        // A whole response in one block: its head, an empty line, its body.
        let (text, body) = match text.split_once("\n\n") {
            Some((head, body)) if language == "http" && !body.trim().is_empty() => {
                (head.to_string(), Some(body.to_string()))
            }
            _ => (text, None),
        };
        match language {
            HEADING => pending = None,
            // (A block of headers alone, without a status line, is no response: Close's
            // `RateLimit: limit=160, ...`.)
            "http" if !text.trim_start().starts_with("HTTP/") => pending = None,
            "http" => {
                let mut lines = text.lines();
                let status =
                    lines.next().and_then(|l| l.split_whitespace().nth(1)).and_then(|c| c.parse().ok()).unwrap();
                let headers: Vec<(String, String)> =
                    lines.filter_map(|l| l.split_once(": ")).map(|(k, v)| (k.to_string(), v.to_string())).collect();
                let body = match body {
                    Some(body) if object(&body) => Some(json(&body).unwrap()),
                    Some(body) if says_text(&headers) => Some(Value::String(body.trim().to_string())),
                    _ => None,
                };
                match body {
                    Some(body) if codegen::page::says_it_succeeded(&body) => {}
                    Some(body) => found.push(Response { body, status: Some(status), headers }),
                    None => pending = Some((status, headers)),
                }
            }
            // (A block of several bodies, GEODNET's two under `//` comments, is each of them, the
            // head before it the first's; an outline, types in place of values, is none.)
            "json" => {
                let Some(bodies) = several(&text) else {
                    assert!(codegen::page::outline(&text).is_some(), "a JSON block that does not read:\n{text}");
                    continue;
                };
                for body in bodies {
                    let (status, headers) = match pending.take() {
                        Some((status, headers)) => (Some(status), headers),
                        None => (None, Vec::new()),
                    };
                    // (A body that says the request succeeded is no error's: PingPong's `"success": true`.)
                    if !codegen::page::says_it_succeeded(&body) {
                        found.push(Response { body, status, headers });
                    }
                }
            }
            // An OpenAPI response object in YAML: its example, with the headers it gives examples
            // of (Tote's `TooManyRequests`).
            "yaml" | "yml" => {
                let Ok(response) = serde_yaml::from_str::<Value>(&text) else { continue };
                let medias = response.get("content").and_then(Value::as_object).into_iter().flatten();
                let Some(body) = medias.filter_map(|(_, media)| media.get("example")).find(|e| e.is_object()) else {
                    continue;
                };
                let headers = response.get("headers").and_then(Value::as_object).into_iter().flatten();
                let headers = headers
                    .filter_map(|(name, header)| {
                        let example = header.get("example")?;
                        Some((name.clone(), example.as_str().map_or_else(|| example.to_string(), str::to_string)))
                    })
                    .collect();
                found.push(Response { body: body.clone(), status: None, headers });
            }
            SAYS_TEXT => {}
            // A block of text after a head that says its body is text.
            _ if pending.as_ref().is_some_and(|(_, headers)| says_text(headers)) && !text.trim().is_empty() => {
                let (status, headers) = pending.take().unwrap();
                found.push(Response { body: Value::String(text.trim().to_string()), status: Some(status), headers });
            }
            // A line of text (no command, no request line) in a section that says its bodies are
            // plain text.
            "" | "text" | "txt" | "plaintext" | "plain" if of_text && pending.is_none() => {
                let line = text.trim();
                let command = ["curl ", "$", "GET ", "POST ", "PUT ", "PATCH ", "DELETE ", "HEAD "]
                    .iter()
                    .any(|start| line.starts_with(start));
                if !line.is_empty() && line.len() <= 200 && !line.contains('\n') && !command {
                    found.push(Response { body: Value::String(line.to_string()), status: None, headers: Vec::new() });
                }
            }
            _ => {}
        }
    }
    found
}

/// Every source document with a local copy that is present, with the API transcribing it,
/// across every catalog the tests know.
pub fn documents() -> Vec<(Api, DocumentId, String)> {
    let mut found = Vec::new();
    for (_, catalog) in common::all_catalogs() {
        for api in catalog.apis() {
            for (id, document) in api.document_ids() {
                let Some(copy) = &document.local_copy else { continue };
                let catalog_dir = common::workspace().join(&api.file).parent().unwrap().to_path_buf();
                if let Some(text) = read_copy(&catalog_dir.join(copy)) {
                    found.push((api.clone(), id, text));
                }
            }
        }
    }
    found
}

#[test]
fn every_source_table_is_rebuilt_with_the_same_rows_and_cells() {
    for (api, document, source) in documents() {
        let id = &api.id;
        let rebuilt = codegen::render::markdown::document_tables(&api, document);
        let expected = as_read_tables(tables_kept(&api, &source));
        assert_eq!(as_read_tables(tables(&rebuilt)), expected, "{id}: rebuilt tables differ from the document's");
    }
}

#[test]
fn every_documented_response_is_a_catalog_example() {
    for (api, document, source) in documents() {
        let id = &api.id;
        // An example the catalog quotes in a recorded inconsistency is left out on purpose (a
        // draft does so with an example that lacks a member its table requires).
        let mut documented = responses(&source);
        documented.retain(|doc| !codegen::drift::quoted_in_inconsistency(&api, &doc.body));
        let examples: Vec<_> = api.examples.iter().filter(|e| api[e.trace.section].document == document).collect();
        assert_eq!(documented.len(), examples.len(), "{id}: example count");
        for (doc, example) in documented.iter().zip(examples) {
            assert_eq!(example.body, doc.body, "{id}/{}: body", example.id);
            // A status line before the body is the example's status; a status the text gives
            // instead is marked `status_in_prose`, and then no status line may precede it.
            if example.status_in_prose {
                assert!(example.status.is_some() && doc.status.is_none(), "{id}/{}: status in prose", example.id);
            } else {
                assert_eq!(example.status, doc.status, "{id}/{}: status", example.id);
            }
            let headers: Vec<(String, String)> = example.headers.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            let mut documented_headers = doc.headers.clone();
            documented_headers.sort();
            assert_eq!(headers, documented_headers, "{id}/{}: headers", example.id);
        }
    }
}

/// In CI, every copy a catalog names is there, so the comparisons above cannot pass by
/// finding nothing.
#[test]
fn every_named_copy_is_found_in_ci() {
    let named: usize = common::all_catalogs()
        .iter()
        .flat_map(|(_, catalog)| catalog.apis().iter().flat_map(|api| &api.documents))
        .filter(|document| document.local_copy.is_some())
        .count();
    assert!(named >= 2, "only {named} documents name a local copy");
    if std::env::var_os("CI").is_some() {
        assert_eq!(documents().len(), named);
    }
}

/// The page reader (pulldown-cmark) finds the same tables as the line-based reader above, on
/// every copy: the draft and drift commands build on it.
#[test]
fn the_page_reader_finds_every_table_cell_for_cell() {
    for (api, _, source) in documents() {
        let page = codegen::page::parse_page(&source);
        let read: Vec<Vec<Vec<String>>> = page
            .sections
            .iter()
            .flat_map(|s| &s.tables)
            .map(|t| std::iter::once(t.header.clone()).chain(t.rows.iter().cloned()).collect())
            .collect();
        assert_eq!(read, tables(&source), "{}", api.id);
        // Each body: a JSON block (but one that says the request succeeded), or a block of plain
        // text a head says is text.
        let error_body = |b: &&codegen::page::CodeBlock| {
            b.language == "json" && !b.json().is_ok_and(|json| codegen::page::says_it_succeeded(&json))
        };
        let bodies: usize = (page.sections.iter())
            .map(|s| s.code_blocks.iter().filter(error_body).count() + s.text_responses().len())
            .sum();
        assert_eq!(bodies, responses(&source).len(), "{}", api.id);
    }
}
