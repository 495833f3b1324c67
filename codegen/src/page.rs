//! An API's documentation page (CommonMark with GFM tables, as `llms.txt` portals publish
//! them), read into what a catalog is made from: headings, each section's tables (cells as the
//! page writes them), fenced code blocks, prose and the page's content hash. Parsed with
//! pulldown-cmark, not regular expressions, so code blocks and tables are what CommonMark says.

mod outline;

pub use outline::{outline, OutlineMember, Outlined};
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// Pages larger than this are refused: error pages are tens of kilobytes.
pub const MAX_PAGE_BYTES: usize = 4 * 1024 * 1024;

/// A page, section by section in page order.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The first top-level heading, if any.
    pub title: Option<String>,
    /// Addresses the page's text gives (in its order, without repeats).
    pub urls: Vec<String>,
    /// The text before the first heading (an `llms.txt` page's preamble), as prose.
    pub preamble: String,
    pub sections: Vec<PageSection>,
    /// `sha256:<hex>` of the page's bytes.
    pub content_hash: String,
}

/// The content under one heading, up to the next heading.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageSection {
    /// Heading path below the title, outermost first; the title's own section has the title.
    pub heading: Vec<String>,
    /// 1-based line of the heading.
    pub line: usize,
    pub tables: Vec<PageTable>,
    pub code_blocks: Vec<CodeBlock>,
    /// Paragraphs and list items, one a line, as plain text.
    pub prose: Vec<String>,
    /// How deep in lists each line of `prose` is: 0 for a paragraph, 1 for an item of a list, 2
    /// for an item of a list in an item, and so on.
    pub prose_depths: Vec<usize>,
    /// Its bodies are plain text, as its prose says; or the page's prose says so, and the page
    /// shows no JSON body.
    pub text_said: bool,
}

/// A table: its header cells and rows, each cell's Markdown source trimmed.
#[derive(Debug, Clone, PartialEq)]
pub struct PageTable {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub line: usize,
}

/// A fenced (or indented) code block.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeBlock {
    /// The info string's first word (`json`, `http`...), empty when none; or, for a block whose
    /// info string does not say (none, `text`, `javascript`...), `http` for a response head and
    /// `json` for a JSON object.
    pub language: String,
    pub text: String,
    pub line: usize,
}

/// What an `http` block shows: a status line and headers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: Option<u16>,
    pub headers: Vec<(String, String)>,
    /// What the block says of a header in a comment after its value (`X-RateLimit-Reset: 18  #
    /// when the window starts again`), by the header's name.
    pub remarks: Vec<(String, String)>,
}

impl HttpResponse {
    /// Does the head say its body is text (`Content-Type: text/plain`)?
    pub fn sends_text(&self) -> bool {
        self.headers.iter().any(|(name, value)| {
            name.eq_ignore_ascii_case("content-type") && value.get(..5).is_some_and(|t| t.eq_ignore_ascii_case("text/"))
        })
    }
}

impl CodeBlock {
    /// The block's JSON, as pages write it: strict JSON, or else with what documentation adds to
    /// it removed (`//` and `/* */` comments, a comma before `}` or `]`, a line that is only
    /// `...`) and a JavaScript object's liberties read (names without quotes, strings in single
    /// quotes). The strict reading's error where neither reads.
    pub fn json(&self) -> Result<serde_json::Value, serde_json::Error> {
        json_as_written(&self.text)
    }

    /// The terms a block of plain text defines, one a line, each in code style and the words
    /// that say what it means set apart by two spaces or more (a snippet's `invalid_grant   The
    /// grant is invalid`): three at least, each written as a line of prose that defines it
    /// (`` `invalid_grant`: The grant is invalid ``).
    pub fn definitions(&self) -> Option<Vec<String>> {
        if !["", "text", "txt", "plaintext", "bash", "sh", "console"].contains(&self.language.as_str()) {
            return None;
        }
        let lines: Vec<&str> = self.text.lines().filter(|line| !line.trim().is_empty()).collect();
        let defined = |line: &&str| {
            let (term, said) = line.trim().split_once("  ")?;
            let code_style = term.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && term.contains('_');
            let said = said.trim();
            (code_style && !said.is_empty()).then(|| format!("`{term}`: {said}"))
        };
        let defined: Vec<String> = lines.iter().filter_map(defined).collect();
        (defined.len() >= 3 && defined.len() == lines.len()).then_some(defined)
    }

    /// The object the block outlines rather than shows (see [`outline`]): a block that is no
    /// response head and reads as no JSON.
    pub fn outline(&self) -> Option<Outlined> {
        (self.language != "http" && self.json().is_err()).then(|| outline(&self.text)).flatten()
    }

    /// The members of the block's JSON that a comment on their line says are optional
    /// (`"details": { /* optional; sent with 400s */ }`, `"hint": "...", // only sometimes`).
    pub fn members_said_optional(&self) -> Vec<String> {
        let mut said = Vec::new();
        for line in self.text.lines() {
            let Some((name, rest)) = line.trim_start().strip_prefix('"').and_then(|rest| rest.split_once('"')) else {
                continue;
            };
            // (The comment after the member's value, outside any string: `"https://..."` holds none.)
            let comment = comment_start(rest).map(|at| rest[at + 2..].to_lowercase());
            let optional = comment.is_some_and(|comment| {
                let comment = comment.trim_start();
                comment.contains("optional")
                    || ["only ", "when ", "if ", "sometimes"].iter().any(|w| comment.starts_with(w))
            });
            if optional && !name.is_empty() {
                said.push(name.to_string());
            }
        }
        said
    }

    /// The block as what it shows, where its info string does not say: a response head
    /// (`HTTP/1.1 429 ...`) is `http`, and a JSON object is `json`; and a response written whole
    /// in one block (its head, an empty line, its JSON body) is an `http` block and a `json`
    /// block, as pages that write them apart have them.
    fn read_as_shown(mut self) -> Vec<CodeBlock> {
        const SAYS: &[&str] = &["json", "http"];
        // (An OpenAPI response object in YAML, Tote's: the example it gives, after a head of the
        // headers it gives examples of.)
        if let Some(blocks) = self.openapi_response() {
            return blocks;
        }
        // (Several bodies in one block, each after a comment saying what it is: a block each.)
        if let Some(values) = several_values(&self.text) {
            let block =
                |(line, text): (usize, String)| CodeBlock { language: "json".into(), text, line: self.line + line };
            return values.into_iter().map(block).collect();
        }
        let text = self.text.trim_start();
        if !SAYS.contains(&self.language.as_str()) {
            if text.starts_with("HTTP/") || (matches!(self.language.as_str(), "" | "text") && headers_alone(text)) {
                self.language = "http".into();
            } else if text.starts_with(['{', '[']) && json_as_written(text).is_ok_and(|json| is_a_body(&json)) {
                self.language = "json".into();
            }
        }
        if self.language != "http" {
            return vec![self];
        }
        // The body after the head's empty line, when it is a JSON object or a list of them, or
        // text the head says is text (`Content-Type: text/plain`).
        let split = self.text.find("\n\n").or_else(|| self.text.find("\r\n\r\n"));
        let Some((head, body)) = split.map(|at| self.text.split_at(at)) else { return vec![self] };
        let body = body.trim();
        let language = match () {
            _ if body.starts_with(['{', '[']) && json_as_written(body).is_ok_and(|json| is_a_body(&json)) => "json",
            _ if !body.is_empty() && self.http_response().sends_text() => "text",
            _ => return vec![self],
        };
        // Both halves are where the block is.
        let body = CodeBlock { language: language.into(), text: body.to_string(), line: self.line };
        vec![CodeBlock { text: head.to_string(), ..self }, body]
    }

    /// A YAML block that is an OpenAPI response object (its `content`'s media types, one with an
    /// `example`, and maybe `headers`): a block of the headers that have an example, and the
    /// example as a JSON block.
    fn openapi_response(&self) -> Option<Vec<CodeBlock>> {
        if !["yaml", "yml"].contains(&self.language.as_str()) {
            return None;
        }
        let response: Value = serde_yaml::from_str(&self.text).ok()?;
        let example = response.get("content")?.as_object()?.values().find_map(|media| {
            let examples = media.get("examples").and_then(Value::as_object);
            let first = examples.and_then(|named| named.values().find_map(|e| e.get("value")));
            media.get("example").or(first).filter(|example| is_a_body(example)).cloned()
        })?;
        let headers: Vec<String> = (response.get("headers").and_then(Value::as_object).into_iter().flatten())
            .filter_map(|(name, header)| {
                let example = header.get("example").or_else(|| header.get("schema")?.get("example"))?;
                let value = match example {
                    Value::String(text) => text.clone(),
                    other => other.to_string(),
                };
                Some(format!("{name}: {value}"))
            })
            .collect();
        let json = serde_json::to_string_pretty(&example).ok()?;
        let mut blocks = Vec::new();
        if !headers.is_empty() {
            blocks.push(CodeBlock { language: "http".into(), text: headers.join("\n"), line: self.line });
        }
        blocks.push(CodeBlock { language: "json".into(), text: json, line: self.line });
        Some(blocks)
    }

    /// The block read as an HTTP response head (`HTTP/1.1 429 Too Many Requests`, then headers;
    /// or headers alone, as a page shows those every answer carries).
    pub fn http_response(&self) -> HttpResponse {
        let mut lines = self.text.trim_start().lines().peekable();
        let status_line = lines.next_if(|line| line.starts_with("HTTP/"));
        let status = status_line.and_then(|l| l.split_whitespace().nth(1)).and_then(|c| c.parse().ok());
        let (mut headers, mut remarks) = (Vec::new(), Vec::new());
        for (name, value) in lines.filter_map(|l| l.split_once(':')) {
            let name = name.trim().to_string();
            // A header name is a token: a line that is not a header (a stray JSON line) is not one.
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || "-_".contains(c)) {
                continue;
            }
            // (A `#` after white space starts a comment on the header, not its value.)
            let comment_at = value.char_indices().find(|&(at, c)| {
                c == '#' && value[..at].ends_with(char::is_whitespace) && !value[..at].trim().is_empty()
            });
            let value = match comment_at {
                Some((at, _)) => {
                    remarks.push((name.clone(), value[at + 1..].trim().to_string()));
                    &value[..at]
                }
                None => value,
            };
            headers.push((name, value.trim().to_string()));
        }
        HttpResponse { status, headers, remarks }
    }
}

/// Whether a block is response headers alone, a line each (Hemlak's `X-RateLimit-Limit: 1000`
/// ...): every line a header's name (some with a `-`, as HTTP's are written) and a value.
fn headers_alone(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|line| !line.is_empty()).peekable();
    let header = |line: &str| {
        line.split_once(": ").is_some_and(|(name, value)| {
            name.starts_with(|c: char| c.is_ascii_alphabetic())
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !value.trim().is_empty()
        })
    };
    let mut hyphenated = false;
    lines.peek().is_some()
        && lines.all(|line| {
            hyphenated |= line.split_once(':').is_some_and(|(name, _)| name.contains('-'));
            header(line)
        })
        && hyphenated
}

/// The JSON values a block shows one after another (GEODNET's success body, then an error's, each
/// under a `//` comment saying which), each with the line it starts on, counted from the
/// block's; `None` unless there are two at least, objects or lists of them, and the block reads
/// as none whole.
fn several_values(text: &str) -> Option<Vec<(usize, String)>> {
    if json_as_written(text).is_ok() {
        return None;
    }
    let (mut values, mut start, mut depth) = (Vec::new(), None, 0usize);
    let (mut in_string, mut escaped, mut quote) = (false, false, b'"');
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        match byte {
            _ if escaped => escaped = false,
            b'\\' if in_string => escaped = true,
            b'"' | b'\'' if in_string && byte == quote => in_string = false,
            b'"' | b'\'' if !in_string && depth > 0 => (in_string, quote) = (true, byte),
            // A comment outside the values runs to the end of its line.
            b'/' if !in_string && bytes.get(at + 1) == Some(&b'/') => {
                at = text[at..].find('\n').map_or(bytes.len(), |end| at + end);
                continue;
            }
            b'{' | b'[' if !in_string => {
                start = start.or(Some(at).filter(|_| depth == 0));
                depth += 1;
            }
            b'}' | b']' if !in_string => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    let from = start.take()?;
                    values.push((text[..from].matches('\n').count(), text[from..=at].to_string()));
                }
            }
            // Text outside the values other than commas and space: no list of values.
            _ if !in_string && depth == 0 && !byte.is_ascii_whitespace() && byte != b',' => return None,
            _ => {}
        }
        at += 1;
    }
    let bodies = values.iter().all(|(_, value)| json_as_written(value).is_ok_and(|json| is_a_body(&json)));
    (values.len() > 1 && depth == 0 && bodies).then_some(values)
}

/// Where the first `//` or `/*` outside a JSON string starts in `text`.
fn comment_start(text: &str) -> Option<usize> {
    let (mut in_string, mut escaped) = (false, false);
    let bytes = text.as_bytes();
    for (at, &byte) in bytes.iter().enumerate() {
        match byte {
            _ if escaped => escaped = false,
            b'\\' if in_string => escaped = true,
            b'"' => in_string = !in_string,
            b'/' if !in_string && matches!(bytes.get(at + 1), Some(b'/' | b'*')) => return Some(at),
            _ => {}
        }
    }
    None
}

/// Whether a block that does not say it is code is one line of text, as a body of plain text
/// is: no command (`curl ...`, `$ ...`) nor request line (`GET /cards`).
fn is_a_line_of_text(language: &str, text: &str) -> bool {
    let text = text.trim();
    let request = ["GET ", "POST ", "PUT ", "PATCH ", "DELETE ", "HEAD "].iter().any(|method| text.starts_with(method));
    matches!(language, "" | "text" | "txt" | "plaintext" | "plain")
        && !text.is_empty()
        && text.len() <= 200
        && !text.contains('\n')
        && !text.starts_with("curl ")
        && !text.starts_with('$')
        && !request
}

/// Whether JSON can be an error body: an object, or a list of objects (Salesforce's
/// `[{"errorCode": ...}]`).
fn is_a_body(json: &serde_json::Value) -> bool {
    match json {
        serde_json::Value::Array(items) => !items.is_empty() && items.iter().all(serde_json::Value::is_object),
        other => other.is_object(),
    }
}

/// JSON as pages write it (see [`CodeBlock::json`]): the lines of an ellipsis taken out here;
/// comments, trailing commas, names without quotes and strings in single quotes (a JavaScript
/// object, as some pages show a body: `{ status: 401, type: 'UNAUTHORIZED' }`) read by
/// `jsonc-parser`, whose loose options are JSON5's.
fn json_as_written(text: &str) -> Result<serde_json::Value, serde_json::Error> {
    serde_json::from_str(text).or_else(|strict| {
        let ellipsis = |line: &&str| matches!(line.trim(), "..." | "...," | "…" | "…,");
        let relaxed = text.lines().filter(|line| !ellipsis(line)).collect::<Vec<_>>().join("\n");
        match jsonc_parser::parse_to_serde_value(&relaxed, &jsonc_parser::ParseOptions::default()) {
            Ok(Some(value)) => Ok(value),
            _ => Err(strict),
        }
    })
}

impl PageSection {
    /// The section's JSON code blocks, each with the `http` block just before it (if any).
    pub fn json_responses(&self) -> Vec<(HttpResponse, &CodeBlock)> {
        let mut found = Vec::new();
        let mut pending: Option<HttpResponse> = None;
        for block in &self.code_blocks {
            match block.language.as_str() {
                "http" => pending = Some(block.http_response()),
                "json" => found.push((pending.take().unwrap_or_default(), block)),
                _ => pending = None,
            }
        }
        found
    }

    /// The section's plain-text bodies: each code block just after an `http` block whose head
    /// says its body is text (or the body of such a block itself), with that head; and, where
    /// the bodies are said to be plain text (`text_said`), each block of one line of text.
    pub fn text_responses(&self) -> Vec<(HttpResponse, &CodeBlock)> {
        let says_text = self.text_said;
        let mut found = Vec::new();
        let mut pending: Option<HttpResponse> = None;
        for block in &self.code_blocks {
            match (block.language.as_str(), pending.take()) {
                ("http", _) => pending = Some(block.http_response()),
                ("json", _) => {}
                (_, Some(head)) if head.sends_text() && !block.text.trim().is_empty() => found.push((head, block)),
                (_, Some(_)) => {}
                (language, None) if says_text && is_a_line_of_text(language, &block.text) => {
                    found.push((HttpResponse::default(), block))
                }
                (_, None) => {}
            }
        }
        found
    }
}

/// Whether a body says the request succeeded (PingPong's `"success": true` beside its
/// `"data"`, shown with its error bodies): a member named for success that is `true`, or a
/// `status` or `result` that is `success` or `ok`. Such a body is no error's: drafts and drift
/// leave it out.
pub fn says_it_succeeded(body: &Value) -> bool {
    // (Or a code of 0 beside a message that says so, Orangebit's wrapper: `"code": 0, "message":
    // "OK"`.)
    let zero_and_ok = |members: &serde_json::Map<String, Value>| {
        let said = |names: &[&str], test: &dyn Fn(&Value) -> bool| {
            members.iter().any(|(name, value)| names.contains(&crate::names::bare(name).as_str()) && test(value))
        };
        let zero = |value: &Value| value.as_u64() == Some(0) || value.as_str() == Some("0");
        let ok = |value: &Value| {
            value.as_str().is_some_and(|text| ["ok", "success", "succeeded"].contains(&text.to_lowercase().as_str()))
        };
        said(&["code", "errcode", "errorcode", "retcode"], &zero) && said(&["message", "msg", "errmsg"], &ok)
    };
    body.as_object().is_some_and(|members| {
        zero_and_ok(members)
            || members.iter().any(|(name, value)| match (crate::names::bare(name).as_str(), value) {
                ("success" | "succeeded" | "successful" | "ok", Value::Bool(true)) => true,
                // (Or `state`, MailUp's `"State": "DONE"`.)
                ("status" | "result" | "state", Value::String(said)) => {
                    ["success", "ok", "done", "completed", "succeeded"].contains(&said.to_lowercase().as_str())
                }
                _ => false,
            })
    })
}

/// Whether a word is named as a member of the bodies is, after its last `_`, and is none of
/// them (Paypercut's `advice_code` beside a member `decline_code`; Dropbox Sign's `warning_msg`
/// beside `error_msg`): a member's name, not a code.
pub fn named_like_a_member<'m>(word: &str, mut members: impl Iterator<Item = &'m str>) -> bool {
    let Some((_, last)) = word.rsplit_once('_') else { return false };
    let suffix = format!("_{last}");
    members.any(|member| member != word && member.ends_with(&suffix))
}

/// Whether an example's text stands in for a value rather than being one: the name of its
/// type, as examples drawn from a schema write it (`string`, `{string}`, `<string>`), or signs
/// without a letter or digit (Cashweb's `"code": "..."`).
pub fn stands_in_for_a_value(text: &str) -> bool {
    let bare = text.trim().trim_start_matches(['{', '<']).trim_end_matches(['}', '>']);
    (bare.eq_ignore_ascii_case("string") && bare.len() + 2 >= text.trim().len())
        || !text.chars().any(|c| c.is_ascii_alphanumeric())
}

/// Why a page cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageError {
    TooLarge(usize),
    NotText(String),
    Empty,
}

impl std::fmt::Display for PageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TooLarge(size) => write!(
                f,
                "the page has {size} bytes; pages may have at most {MAX_PAGE_BYTES} (4 MiB): is it an error page?"
            ),
            Self::NotText(why) => write!(f, "the page is not Markdown text: {why}"),
            Self::Empty => f.write_str("the page has no content"),
        }
    }
}

/// Reads a page's bytes: UTF-8 text without NUL bytes, of a sane size, with some content.
pub fn read_page(bytes: &[u8]) -> Result<Page, PageError> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(PageError::TooLarge(bytes.len()));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| PageError::NotText(format!("byte {} is not UTF-8 (a binary file?)", e.valid_up_to())))?;
    if let Some(at) = text.find('\0') {
        return Err(PageError::NotText(format!("it holds a NUL byte at {at} (a binary file?)")));
    }
    // A catalog refuses them (E0006), so a draft would not validate; and a reader of the page
    // would not see the text it holds.
    if let Some((at, c)) = text.char_indices().find(|&(_, c)| crate::diagnostic::is_bidi_control(c)) {
        let line = text[..at].matches('\n').count() + 1;
        let line_start = text[..at].rfind('\n').map_or(0, |newline| newline + 1);
        let column = text[line_start..at].chars().count() + 1;
        return Err(PageError::NotText(format!(
            "line {line}, column {column} holds U+{:04X}, a bidirectional control character, which makes text display differently from what it holds",
            u32::from(c)
        )));
    }
    if text.trim().is_empty() {
        return Err(PageError::Empty);
    }
    Ok(parse_page(text))
}

/// Parses Markdown text into a page.
pub fn parse_page(text: &str) -> Page {
    // Where each line starts, so that a line is found by a binary search (counting the newlines
    // before each heading made a page of 50,000 headings take a minute).
    let line_starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect();
    let line_of = |offset: usize| line_starts.partition_point(|&start| start <= offset);
    let mut page = Page {
        title: None,
        urls: urls(text),
        preamble: String::new(),
        sections: Vec::new(),
        content_hash: content_hash(text.as_bytes()),
    };
    // The current heading path, by level (index 0 is `#`).
    let mut path: Vec<Option<String>> = vec![None; 6];
    let mut current: Option<PageSection> = None;
    let mut heading: Option<(HeadingLevel, String, usize)> = None;
    let mut table: Option<PageTable> = None;
    let mut row: Vec<String> = Vec::new();
    let mut in_head = false;
    let mut code: Option<CodeBlock> = None;
    let mut prose: Option<String> = None;
    // How deep in lists the pending prose is, and the lists open now.
    let (mut prose_depth, mut lists) = (0usize, 0usize);
    // The term of a definition list (`` `invalid_grant` `` above `: The grant is not valid`),
    // until its definition: the two make one line, as a line that defines a term is written.
    let mut term: Option<String> = None;
    // An HTML block, as its lines come: a `<table>` in it is a table of the page too.
    let mut html: Option<(String, usize)> = None;
    // Headings inside a block quote (an `llms.txt` page's notice) are not the page's own.
    let mut quoted = 0usize;
    // Whether the block quote open now shows a response (see [`quoted_response`]).
    let mut quoted_shown = false;
    let options = Options::ENABLE_TABLES | Options::ENABLE_DEFINITION_LIST;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(Tag::BlockQuote(_)) => {
                quoted += 1;
                if quoted == 1 {
                    let shown = quoted_response(&text[range.clone()], line_of(range.start));
                    quoted_shown = !shown.is_empty();
                    if quoted_shown {
                        section(&mut current).code_blocks.extend(shown);
                    }
                }
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                quoted = quoted.saturating_sub(1);
                quoted_shown &= quoted > 0;
            }
            // (What a quoted response holds is read from its source above.)
            _ if quoted_shown => {}
            Event::Start(Tag::Heading { .. }) if quoted > 0 => {}
            Event::End(TagEnd::Heading(_)) if quoted > 0 => {}
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new(), line_of(range.start))),
            Event::End(TagEnd::Heading(_)) => {
                let Some((level, title, line)) = heading.take() else { continue };
                let title = title.trim().to_string();
                let depth = level as usize - 1;
                path[depth] = Some(title.clone());
                path.iter_mut().skip(depth + 1).for_each(|p| *p = None);
                if depth == 0 && page.title.is_none() {
                    page.title = Some(title.clone());
                }
                // Below the title, the path leaves the title out; the title's own section is it.
                let below: Vec<String> = path.iter().skip(1).flatten().cloned().collect();
                let heading = if depth == 0 || below.is_empty() { vec![title] } else { below };
                page.sections.extend(current.replace(PageSection { heading, line, ..PageSection::default() }));
            }
            Event::Start(Tag::Table(_)) => {
                table = Some(PageTable { header: Vec::new(), rows: Vec::new(), line: line_of(range.start) })
            }
            Event::End(TagEnd::Table) => {
                if let Some(done) = table.take() {
                    section(&mut current).tables.push(done);
                }
            }
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                if let Some(table) = &mut table {
                    table.header = std::mem::take(&mut row);
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(table) = &mut table {
                    table.rows.push(std::mem::take(&mut row));
                }
            }
            Event::Start(Tag::TableCell) => {
                // The cell as the page writes it (inline code, emphasis and all), without the pipes;
                // a bar it escapes to keep the cell whole (`object \| null`) is the cell's own, as
                // the catalog's text holds it (its Markdown escapes it again).
                row.push(text[range].trim().trim_matches('|').trim().replace("\\|", "|"));
            }
            Event::Start(Tag::HtmlBlock) => html = Some((String::new(), line_of(range.start))),
            Event::Html(piece) => {
                if let Some((block, _)) = &mut html {
                    block.push_str(&piece);
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((block, line)) = html.take() {
                    section(&mut current).tables.extend(html_tables(&block, line));
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let language = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or("").to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some(CodeBlock { language, text: String::new(), line: line_of(range.start) });
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(done) = code.take() {
                    section(&mut current).code_blocks.extend(done.read_as_shown());
                }
            }
            // An item's own text ends where a list in it starts (`- message`, then its `- Type:
            // string` below): a line each.
            Event::Start(Tag::List(_)) => {
                if let Some(done) = prose.take() {
                    push_prose(&mut current, &mut page, done, prose_depth);
                }
                lists += 1;
            }
            Event::End(TagEnd::List(_)) => lists = lists.saturating_sub(1),
            Event::Start(Tag::Paragraph | Tag::Item) if table.is_none() && heading.is_none() => {
                if prose.is_none() {
                    prose_depth = lists;
                }
                prose.get_or_insert_with(String::new);
            }
            Event::Start(Tag::DefinitionListTitle) => prose = Some(String::new()),
            Event::End(TagEnd::DefinitionListTitle) => term = prose.take().map(|t| t.trim().to_string()),
            Event::Start(Tag::DefinitionListDefinition) => {
                prose = Some(term.as_ref().map_or_else(String::new, |term| format!("{term}: ")));
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::DefinitionListDefinition) => {
                if let Some(done) = prose.take() {
                    push_prose(&mut current, &mut page, done, prose_depth);
                }
            }
            // Prose keeps its code spans marked: a code or header a sentence names is one.
            Event::Code(piece) if code.is_none() && heading.is_none() && !in_head && table.is_none() => {
                if let Some(prose) = &mut prose {
                    prose.push('`');
                    prose.push_str(&piece);
                    prose.push('`');
                }
            }
            Event::Text(piece) | Event::Code(piece) => {
                if let Some(code) = &mut code {
                    code.text.push_str(&piece);
                } else if let Some((_, title, _)) = &mut heading {
                    title.push_str(&piece);
                } else if in_head || table.is_some() {
                    // Cells are taken whole from the source above.
                } else if let Some(prose) = &mut prose {
                    prose.push_str(&piece);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(prose) = &mut prose {
                    prose.push(' ');
                }
            }
            _ => {}
        }
    }
    page.sections.extend(current);
    // Which sections' bodies are plain text (see `PageSection::text_said`).
    let says_text = |section: &PageSection| {
        section.prose.iter().any(|line| {
            let line = line.to_lowercase();
            ["plain text", "plain-text", "text/plain"].iter().any(|said| line.contains(said))
        })
    };
    let page_says =
        page.sections.iter().any(says_text) && page.sections.iter().all(|section| section.json_responses().is_empty());
    for section in &mut page.sections {
        section.text_said = page_says || says_text(section);
    }
    page
}

/// A response a block quote shows (`> HTTP/2 429`, its headers and JSON body, each line after
/// `>`), as the code blocks a fenced block of it would be; none when the quote is words.
fn quoted_response(source: &str, line: usize) -> Vec<CodeBlock> {
    let unquoted: Vec<&str> = source
        .lines()
        .map(|l| {
            let l = l.trim_start().strip_prefix('>').unwrap_or(l);
            l.strip_prefix(' ').unwrap_or(l)
        })
        .collect();
    let text = unquoted.join("\n");
    if !text.trim_start().starts_with(['{', '[']) && !text.trim_start().starts_with("HTTP/") {
        return Vec::new();
    }
    let blocks = CodeBlock { language: String::new(), text, line }.read_as_shown();
    match blocks.iter().all(|block| block.language == "json" || block.language == "http") {
        true => blocks,
        false => Vec::new(),
    }
}

/// The tables of an HTML block (`<table>` with `<tr>` rows of `<th>` or `<td>` cells), each
/// cell's text in Markdown's terms: `<code>` a code span, `<strong>` bold, `<a href>` a link, other
/// tags dropped, entities decoded. The first row is the header when its cells are `<th>` or it is
/// in `<thead>`; a table without one is left out. (No HTML parser: pages hold simple tables, and
/// this reads only what a table of errors needs.)
fn html_tables(block: &str, line: usize) -> Vec<PageTable> {
    let lower = block.to_ascii_lowercase();
    let mut tables = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find("<table").map(|at| at + from) {
        let end = lower[start..].find("</table>").map_or(lower.len(), |at| at + start);
        let (html, lower_table) = (&block[start..end], &lower[start..end]);
        let mut rows: Vec<(bool, Vec<String>)> = Vec::new();
        // The `<thead>`, found once (a search back from every row made a long table quadratic).
        let head =
            lower_table.find("<thead").map(|h| (h, lower_table[h..].find("</thead>").map_or(usize::MAX, |e| e + h)));
        let mut at = 0;
        while let Some(row_start) = lower_table[at..].find("<tr").map(|i| i + at) {
            let row_end = lower_table[row_start..].find("</tr>").map_or(lower_table.len(), |i| i + row_start);
            let in_head = head.is_some_and(|(h, e)| h < row_start && row_start < e);
            let (cells, headed) = html_cells(&html[row_start..row_end], &lower_table[row_start..row_end]);
            rows.push((in_head || headed, cells));
            at = (row_end + 1).min(lower_table.len());
        }
        from = end + 1;
        if let Some(((true, header), rest)) = rows.split_first() {
            let rows: Vec<Vec<String>> = rest.iter().map(|(_, cells)| cells.clone()).collect();
            tables.push(PageTable { header: header.clone(), rows, line });
        }
        if from >= lower.len() {
            break;
        }
    }
    tables
}

/// The cells of one `<tr>`, as Markdown text, and whether they are all `<th>`.
fn html_cells(row: &str, lower: &str) -> (Vec<String>, bool) {
    let mut cells = Vec::new();
    let mut all_th = true;
    let mut at = 0;
    while let Some(open) = ["<td", "<th"].iter().filter_map(|tag| lower[at..].find(tag).map(|i| (i + at, *tag))).min() {
        let (start, tag) = open;
        all_th &= tag == "<th";
        let inner_start = lower[start..].find('>').map_or(lower.len(), |i| i + start + 1);
        let close = if tag == "<td" { "</td>" } else { "</th>" };
        let inner_end = lower[inner_start..].find(close).map_or(lower.len(), |i| i + inner_start);
        cells.push(html_text(&row[inner_start..inner_end]));
        at = inner_end;
    }
    let headed = all_th && !cells.is_empty();
    (cells, headed)
}

/// Inline HTML as Markdown text: `<code>` a code span, `<strong>`/`<b>` bold, `<a href="u">t</a>`
/// a link, other tags dropped, the common entities decoded, whitespace collapsed.
fn html_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    let mut link: Option<String> = None;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('>').map_or(rest.len(), |i| i + open);
        let tag = rest[open + 1..close].trim().to_ascii_lowercase();
        let name = tag.split(|c: char| c.is_whitespace() || c == '/').find(|w| !w.is_empty()).unwrap_or("");
        match (tag.starts_with('/'), name) {
            (_, "code") => out.push('`'),
            (_, "strong" | "b") => out.push_str("**"),
            (false, "a") => {
                link = rest[open..close]
                    .split("href=")
                    .nth(1)
                    .map(|v| v.trim_matches(|c| c == '"' || c == '\'' || c == ' ').to_string());
                if link.is_some() {
                    out.push('[');
                }
            }
            (true, "a") => {
                if let Some(target) = link.take() {
                    out.push_str(&format!("]({target})"));
                }
            }
            _ => {}
        }
        rest = &rest[(close + 1).min(rest.len())..];
    }
    out.push_str(rest);
    let decoded = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The section content goes to: the current one, or (before any heading) an untitled one.
/// A line of prose, `depth` lists deep, to the current section (or the preamble, before one);
/// nothing if it is blank.
fn push_prose(current: &mut Option<PageSection>, page: &mut Page, done: String, depth: usize) {
    if done.trim().is_empty() {
        return;
    }
    match current {
        Some(section) => {
            section.prose.push(done.trim().to_string());
            section.prose_depths.push(depth);
        }
        None => {
            page.preamble.push_str(done.trim());
            page.preamble.push('\n');
        }
    }
}

fn section(current: &mut Option<PageSection>) -> &mut PageSection {
    current.get_or_insert_with(PageSection::default)
}

/// The status codes a table cell names: `400`, `` `400` ``, `**400**`, `` `413 Payload Too
/// Large` ``, `500, 502`, `500/503`; `None` when the cell is not (only) codes.
pub fn status_codes(cell: &str) -> Option<Vec<u16>> {
    let bare: String = cell.chars().filter(|c| !"`*_".contains(*c)).collect();
    // (`200 or 201`: joined by a word before the next code.)
    let mut bare = bare;
    for word in [" or ", " and "] {
        while let Some(at) =
            bare.find(word).filter(|&at| bare[at + word.len()..].starts_with(|c: char| c.is_ascii_digit()))
        {
            bare.replace_range(at..at + word.len(), ",");
        }
    }
    let mut codes: Vec<u16> = Vec::new();
    for part in bare.split([',', '/']) {
        // (`400: Bad Request` writes its code with a colon; `500–504` a span of them.)
        let first = part.split_whitespace().next()?.trim_end_matches(':');
        match status_span(first) {
            Some(span) => codes.extend(span),
            None => codes.push(first.parse().ok()?),
        }
    }
    (!codes.is_empty() && codes.iter().all(|c| (100..=599).contains(c))).then_some(codes)
}

/// The statuses a span writes from its first to its last (`500–504`, `500-504`): within one
/// hundred, ten at most.
pub fn status_span(text: &str) -> Option<std::ops::RangeInclusive<u16>> {
    let (first, last) = text.split_once(['–', '—', '-'])?;
    let (first, last) = (status_number(first)?, status_number(last)?);
    (first < last && first / 100 == last / 100 && last - first < 10).then_some(first..=last)
}

/// The words of a prose line that look like header names (`Retry-After`,
/// `X-RateLimit-Remaining`: capitalized words joined by `-`).
/// A name followed by a capitalized word of its own is part of a phrase, no header: a status's
/// name (`449 Sub-Request Failed`).
pub fn header_names(line: &str) -> impl Iterator<Item = &str> {
    let header_like = |word: &str| {
        let parts: Vec<&str> = word.split('-').collect();
        parts.len() >= 2
            && parts.iter().all(|p| {
                p.chars().next().is_some_and(|c| c.is_ascii_uppercase()) && p.chars().all(|c| c.is_ascii_alphanumeric())
            })
    };
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let mut found = Vec::new();
    for (at, token) in tokens.iter().enumerate() {
        // The next word starts a phrase with this token's last one when only a space is between.
        let next = tokens.get(at + 1).map(|next| next.trim_start_matches('`'));
        let phrase = next.is_some_and(|next| next.starts_with(|c: char| c.is_ascii_uppercase()) && !next.contains('-'));
        for word in token.split(|c: char| ",;:()`".contains(c)).filter(|word| header_like(word)) {
            if !(phrase && token.ends_with(word)) {
                found.push(word);
            }
        }
    }
    found.into_iter()
}

/// Whether a code span is a header named in the `x-` convention, in any case
/// (`x-rate-limit-api-token-max`), which [`header_names`] does not take from prose.
pub fn is_extension_header(span: &str) -> bool {
    let parts: Vec<&str> = span.split('-').collect();
    parts.len() >= 3
        && parts[0].eq_ignore_ascii_case("x")
        && parts.iter().all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Whether a header only frames the body (its type and length), which the body format says:
/// no header of the API's own.
pub fn is_framing_header(name: &str) -> bool {
    name.eq_ignore_ascii_case("content-type") || name.eq_ignore_ascii_case("content-length")
}

/// The member of one of `others` that holds every member `body` has, where `body` has none of
/// that other body's own: a page that shows the object under an envelope's `error` alone
/// (`{"code": ..., "message": ...}` beside `{"status": "error", "error": {...}}`) shows part of a
/// body, not a body.
pub fn enclosing_member<'v>(body: &Map<String, Value>, others: impl IntoIterator<Item = &'v Value>) -> Option<String> {
    others.into_iter().filter_map(Value::as_object).find_map(|other| {
        let apart = body.keys().all(|key| !other.contains_key(key));
        let (member, _) = other.iter().find(|(_, value)| {
            value.as_object().is_some_and(|inner| !inner.is_empty() && body.keys().all(|key| inner.contains_key(key)))
        })?;
        apart.then(|| member.clone())
    })
}

/// Where `body` is an excerpt of another body: its one member an object that another of the
/// page's bodies sends beside two members or more of plain values (Nodewell's `{"error": {...}}`
/// under a problem, where its format is `{"jsonrpc": "2.0", "id": 1, "error": {...}}`): the
/// member, and the members the excerpt leaves out.
pub fn excerpt_of<'v>(
    body: &Map<String, Value>,
    others: impl IntoIterator<Item = &'v Value>,
) -> Option<(String, Vec<String>)> {
    let mut members = body.iter();
    let (member, Value::Object(inner)) = members.next()? else { return None };
    if members.next().is_some() || inner.is_empty() {
        return None;
    }
    others.into_iter().filter_map(Value::as_object).find_map(|other| {
        let holds = other.get(member).and_then(Value::as_object).is_some_and(|theirs| !theirs.is_empty());
        let left_out: Vec<String> = other.keys().filter(|key| *key != member).cloned().collect();
        let plain = left_out.iter().all(|key| !other[key].is_object() && !other[key].is_array());
        (holds && left_out.len() >= 2 && plain).then(|| (member.clone(), left_out))
    })
}

/// The status three digits write (`404`), if they write one: what a number must be to be taken
/// for a status, in a cell, a heading or a line.
pub fn status_number(text: &str) -> Option<u16> {
    text.parse::<u16>().ok().filter(|code| text.len() == 3 && (100..=599).contains(code))
}

/// Whether a word written like a code names an identifier, a parameter rather than a code
/// (`voice_id`, `callback_url`).
pub fn names_an_identifier(word: &str) -> bool {
    ["_id", "_ids", "_url", "_uri"].iter().any(|end| word.ends_with(end))
}

/// How [`code_style`] says a code is written.
pub type CodeWriting = (bool, bool, Option<char>, bool);

/// How a code is written: whether it has lower-case letters, upper-case letters, the separator
/// between its words (`_`, or `-` in lower case), and whether it starts upper-case. Two codes of
/// one style (`INVALID_REQUEST`, `TRANSACTION_REFUSED`; `itemNotFound`, `syncStateNotFound`;
/// `invalid-jwt`, `access-denied`; `E0000001`, `E0000010`) are taken for codes of one list.
/// `None` for what no code is written as (spaces, empty, both separators), and for what a `-`
/// joins otherwise: a header's name (`Retry-After`, `x-request-id`).
pub fn code_style(word: &str) -> Option<CodeWriting> {
    let separator = match (word.contains('_'), word.contains('-')) {
        (true, true) => return None,
        (true, false) => Some('_'),
        (false, true) => Some('-'),
        (false, false) => None,
    };
    let upper = word.chars().any(|c| c.is_ascii_uppercase());
    let header = separator == Some('-') && (upper || word.starts_with("x-"));
    let valid = !word.is_empty()
        && !header
        && word.starts_with(|c: char| c.is_ascii_alphanumeric())
        && !word.ends_with('-')
        && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    valid.then(|| {
        (
            word.chars().any(|c| c.is_ascii_lowercase()),
            upper,
            separator,
            word.starts_with(|c: char| c.is_ascii_uppercase()),
        )
    })
}

/// Whether two codes are written alike: in one style, or both in capitals, one word of them
/// alone (`FORBIDDEN` beside `BAD_USER_INPUT`, as GraphQL's codes are).
pub fn written_alike(a: CodeWriting, b: CodeWriting) -> bool {
    let capitals = |(lower, upper, _, _): CodeWriting| !lower && upper;
    a == b || (capitals(a) && capitals(b) && (a.2.is_none() || b.2.is_none()))
}

/// Whether a code is a phrase of capitalised words (Mapbox's `Not Authorized - Invalid Token`,
/// `Too Many Requests`): two words or more, each capitalised (or a dash between them).
pub fn is_title_phrase(word: &str) -> bool {
    let words: Vec<&str> = word.split(' ').collect();
    words.len() >= 2
        && words.iter().all(|w| {
            *w == "-"
                || (w.starts_with(|c: char| c.is_ascii_uppercase())
                    && w.chars().all(|c| c.is_ascii_alphabetic() || c == '-' || c == '\''))
        })
}

/// The strings that JSON bodies send, by the name of the member that sends them, at any depth.
pub fn strings_by_member<'v>(bodies: impl IntoIterator<Item = &'v Value>) -> BTreeMap<&'v str, BTreeSet<&'v str>> {
    fn walk<'v>(json: &'v Value, out: &mut BTreeMap<&'v str, BTreeSet<&'v str>>) {
        match json {
            Value::Object(map) => {
                for (key, value) in map {
                    if let Value::String(text) = value {
                        out.entry(key.as_str()).or_default().insert(text.as_str());
                    }
                    walk(value, out);
                }
            }
            Value::Array(items) => items.iter().for_each(|item| walk(item, out)),
            _ => {}
        }
    }
    let mut out = BTreeMap::new();
    for body in bodies {
        walk(body, &mut out);
    }
    out
}

/// Whether `word` is a value the bodies that `sent` reads send only in members that send none
/// of `codes` (`Failure`, of a `status` member, beside the codes of `reason`): another member's
/// value, not a code.
pub fn sent_beside_the_codes(word: &str, sent: &BTreeMap<&str, BTreeSet<&str>>, codes: impl Fn(&str) -> bool) -> bool {
    let mut senders = sent.values().filter(|values| values.contains(word)).peekable();
    senders.peek().is_some() && senders.all(|values| !values.iter().any(|v| codes(v)))
}

/// Whether a number is about as long as the numbers among `values` (`10016` beside `10001` and
/// `110007`; a timestamp, `1672738134824`, is not): no shorter than the shortest, and at most a
/// digit longer than the longest. True where `values` holds no number.
pub fn number_like_codes<'v>(number: &str, values: impl IntoIterator<Item = &'v str>) -> bool {
    let digits = |word: &str| {
        let digits = word.strip_prefix('-').unwrap_or(word);
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits.len())
    };
    let lengths: Vec<usize> = values.into_iter().filter_map(digits).collect();
    let (Some(shortest), Some(longest)) = (lengths.iter().min(), lengths.iter().max()) else { return true };
    digits(number).is_none_or(|length| (*shortest..=longest + 1).contains(&length))
}

/// The status a code starts with, where it is written as the status, a dot and a number
/// (Bitstamp's `400.002`).
pub fn status_prefix(code: &str) -> Option<u16> {
    let (status, rest) = code.split_once('.')?;
    let number = !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit());
    number.then(|| status_number(status)).flatten()
}

/// The lengths of the groups of digits of a code written as numbers joined by dots (`[3, 3]` of
/// `400.002`), where it is.
pub fn dotted_digits(code: &str) -> Option<Vec<usize>> {
    let groups: Vec<&str> = code.split('.').collect();
    let digits = groups.len() >= 2 && groups.iter().all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()));
    digits.then(|| groups.iter().map(|g| g.len()).collect())
}

/// The category of a code written in parts: `EAPI` of `EAPI:Invalid key` (see
/// [`colon_prefix`]), `error` of `error.quote.expired` (words of letters, digits, `_` and `-`
/// joined by `.`), `send` of `send-0003` (a word, `-`, a number).
pub fn code_category(word: &str) -> Option<&str> {
    colon_prefix(word).or_else(|| dotted_prefix(word)).or_else(|| numbered_prefix(word))
}

/// The first part of a code in dotted parts (`error` of `error.quote.expired`).
fn dotted_prefix(word: &str) -> Option<&str> {
    let (first, rest) = word.split_once('.')?;
    let part = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    (part(first) && rest.split('.').all(part)).then_some(first)
}

/// The word before the number of a code written `word-number` (`send` of Mailjet's `send-0003`).
fn numbered_prefix(word: &str) -> Option<&str> {
    let (prefix, number) = word.split_once('-')?;
    let letters = !prefix.is_empty() && prefix.bytes().all(|b| b.is_ascii_alphabetic());
    (letters && !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())).then_some(prefix)
}

/// The categories of the codes written in parts among `values` (see [`code_category`]), where
/// two at least are (one such value alone may be a sentence's colon, or a file's name).
pub fn code_categories<'v>(values: impl IntoIterator<Item = &'v str>) -> Vec<&'v str> {
    let categories: Vec<&str> = values.into_iter().filter_map(code_category).collect();
    if categories.len() < 2 {
        return Vec::new();
    }
    categories
}

/// The category a code written `Category:Message` starts with (`EAPI` of `EAPI:Invalid key`):
/// a word of letters, digits and `_` before the first `:`, with more after it (no address:
/// `https://`).
pub fn colon_prefix(word: &str) -> Option<&str> {
    let (prefix, rest) = word.split_once(':')?;
    (code_style(prefix).is_some() && !rest.is_empty() && !rest.starts_with('/')).then_some(prefix)
}

/// The categories of the codes written `Category:Message` among `values`, where two at least
/// are (one such value alone may be a sentence's colon).
pub fn colon_prefixes<'v>(values: impl IntoIterator<Item = &'v str>) -> Vec<&'v str> {
    let prefixes: Vec<&str> = values.into_iter().filter_map(colon_prefix).collect();
    if prefixes.len() < 2 {
        return Vec::new();
    }
    prefixes
}

/// The code spans of a line of prose (which keeps them marked) or of a table cell, each without
/// the quotes of a JSON string it holds (`` `"rate_limited"` `` names `rate_limited`).
pub fn code_spans(line: &str) -> impl Iterator<Item = &str> {
    line.split('`').skip(1).step_by(2).map(unquoted)
}

/// The words a line quotes in single quotes (Resova's "One of: 'api_error', 'not_found_error'"),
/// each a code's writing: an apostrophe in a word (`member's`) opens none.
pub fn single_quoted(line: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = line[from..].find('\'').map(|i| from + i) {
        let opens = line[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = &line[at + 1..];
        let closing = after.find('\'').filter(|&end| !after[end + 1..].starts_with(char::is_alphanumeric));
        match (opens, closing) {
            (true, Some(end)) if code_style(&after[..end]).is_some() => {
                found.push(&after[..end]);
                from = at + end + 2;
            }
            _ => from = at + 1,
        }
    }
    found
}

/// A code span's text without the quotes of the JSON string it holds, if it holds one.
pub fn unquoted(span: &str) -> &str {
    span.strip_prefix('"')
        .and_then(|inner| inner.strip_suffix('"'))
        .filter(|inner| !inner.is_empty() && !inner.contains('"'))
        .unwrap_or(span)
}

/// The path values share up to a `/` (`https://api.x.com/2/problems/`), when it is long enough
/// to be an address's (eight characters or more): of two values or more, or of one address or
/// path from the root (BigCommerce's one problem type, bol.com's `/problems/validation-failed`,
/// under whose path another would be).
pub fn shared_path<'v>(values: impl Iterator<Item = &'v str>) -> Option<&'v str> {
    let (first, common, others) = common_start(values)?;
    let end = first[..common].rfind('/')? + 1;
    ((others >= 1 || first.contains("://") || first.starts_with('/')) && end >= 8).then(|| &first[..end])
}

/// The words all of several codes start with, up to a separator (`Bad API request, ` of
/// Pastebin's texts; also `: ` and ` - `): a new code in prose starts with them too.
pub fn shared_lead<'v>(values: impl Iterator<Item = &'v str>) -> Option<&'v str> {
    let (first, common, others) = common_start(values)?;
    let lead = &first[..common];
    let end = [", ", ": ", " - "]
        .iter()
        .filter_map(|separator| lead.rfind(separator).map(|at| at + separator.len()))
        .max()?;
    (others >= 1 && end >= 8).then(|| &first[..end])
}

/// The first value, how many of its bytes every value starts with (up to a character's
/// boundary), and how many values came after it.
fn common_start<'v>(mut values: impl Iterator<Item = &'v str>) -> Option<(&'v str, usize, usize)> {
    let first = values.next()?;
    let mut common = first.len();
    let mut others = 0;
    for value in values {
        common = first.bytes().zip(value.bytes()).take_while(|(a, b)| a == b).count().min(common);
        others += 1;
    }
    // (`é` and `è` share their first byte, which is no character.)
    while !first.is_char_boundary(common) {
        common -= 1;
    }
    Some((first, common, others))
}

/// A cell that is one link (`[200](#ok)`, `` [`invalid`](#invalid) ``): its text and target.
pub fn link_cell(cell: &str) -> Option<(&str, &str)> {
    let rest = cell.trim().strip_prefix('[')?;
    let close = rest.find("](")?;
    let (text, target) = (&rest[..close], rest[close + 2..].strip_suffix(')')?);
    (!text.is_empty() && !text.contains('[') && !target.is_empty() && !target.contains([' ', '(', ')']))
        .then_some((text, target))
}

/// `sha256:<hex>` of the bytes: what a catalog records to notice that its page changed.
pub fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// `http(s)://` addresses in the text, in order, without repeats or trailing punctuation.
fn urls(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for (start, _) in text.match_indices("http") {
        let rest = &text[start..];
        if !(rest.starts_with("https://") || rest.starts_with("http://")) {
            continue;
        }
        let end = rest.find(|c: char| c.is_whitespace() || "<>\"'`()[]".contains(c)).unwrap_or(rest.len());
        let url = rest[..end].trim_end_matches(['.', ',', ';', ':']).to_string();
        if !found.contains(&url) {
            found.push(url);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_word_named_as_a_member_is_no_code() {
        let members = ["decline_code", "message", "error_msg"];
        assert!(super::named_like_a_member("advice_code", members.iter().copied()));
        assert!(super::named_like_a_member("warning_msg", members.iter().copied()));
        assert!(!super::named_like_a_member("card_declined", members.iter().copied()));
        assert!(!super::named_like_a_member("decline_code", members.iter().copied()), "the member itself");
    }

    #[test]
    fn a_value_may_stand_in_for_one() {
        let stands_in = super::stands_in_for_a_value;
        assert!(stands_in("string") && stands_in("{string}") && stands_in("<String>") && stands_in("..."));
        assert!(!stands_in("string_too_long") && !stands_in("{{{string}}}") && !stands_in("E1"));
    }

    #[test]
    fn an_item_with_a_list_in_it_is_a_line_of_its_own() {
        let page = super::parse_page("# T\n\n- message\n  - Type: string\n  - required\n- code\n\nAfter.\n");
        let section = &page.sections[0];
        assert_eq!(section.prose, ["message", "Type: string", "required", "code", "After."]);
        assert_eq!(section.prose_depths, [1, 2, 2, 1, 0]);
    }

    #[test]
    fn an_openapi_response_in_yaml_shows_its_example_and_headers() {
        let page = super::parse_page(
            "# T\n\n```yaml\nheaders:\n  Retry-After:\n    schema:\n      type: integer\n    example: 60\n\
             content:\n  application/json:\n    example:\n      error:\n        code: SLOW_DOWN\n```\n",
        );
        let blocks = &page.sections[0].code_blocks;
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].http_response().headers, [("Retry-After".to_string(), "60".to_string())]);
        assert_eq!(blocks[1].json().unwrap(), serde_json::json!({ "error": { "code": "SLOW_DOWN" } }));
        // A YAML block of anything else stays as written.
        let other = super::parse_page("# T\n\n```yaml\nname: value\n```\n");
        assert_eq!(other.sections[0].code_blocks[0].language, "yaml");
    }

    #[test]
    fn a_block_of_plain_text_may_define_terms() {
        let page = super::parse_page(
            "# T\n\n```text\ninvalid_request   A parameter is missing.\ninvalid_client    No such client.\n\
             invalid_grant     The grant expired.\n```\n\n```\nnot a definition\nat all\nhere\n```\n",
        );
        let blocks = &page.sections[0].code_blocks;
        assert_eq!(
            blocks[0].definitions().unwrap(),
            [
                "`invalid_request`: A parameter is missing.",
                "`invalid_client`: No such client.",
                "`invalid_grant`: The grant expired."
            ]
        );
        assert_eq!(blocks[1].definitions(), None);
    }

    #[test]
    fn a_block_may_show_several_bodies_one_after_another() {
        let text = "// Success\n{\n  \"code\": 1000\n}\n\n// Error: a // in a string\n{ \"msg\": \"a // b {\" }";
        let values = super::several_values(text).unwrap();
        assert_eq!(values, [(1, "{\n  \"code\": 1000\n}".to_string()), (6, "{ \"msg\": \"a // b {\" }".to_string())]);
        assert_eq!(super::several_values("{ \"a\": 1 }"), None, "one body");
        assert_eq!(super::several_values("{ \"a\": 1 } then { \"b\": 2 }"), None, "words between");
        assert_eq!(super::several_values("[1] [2]"), None, "no bodies");
        assert_eq!(super::several_values("{ \"a\": 1 }}"), None, "unbalanced");
    }

    #[test]
    fn a_cell_of_statuses_joined_its_own_way() {
        assert_eq!(super::status_codes("200 or 201"), Some(vec![200, 201]));
        assert_eq!(super::status_codes("500, 502/504"), Some(vec![500, 502, 504]));
        assert_eq!(super::status_codes("`404` Not Found"), Some(vec![404]));
        assert_eq!(super::status_codes("200 or so"), Some(vec![200]), "a word after it is its reason");
        assert_eq!(super::status_codes("Bad Request"), None);
        assert_eq!(super::status_codes("500–504"), Some(vec![500, 501, 502, 503, 504]), "a span");
        assert_eq!(super::status_codes("400-499"), None, "a class's worth is no span");
        assert_eq!(super::status_codes("404-001"), None);
    }

    use super::*;

    #[test]
    fn an_object_an_envelope_holds_is_part_of_a_body() {
        let whole = serde_json::json!({"status": "error", "error": {"code": "A", "message": "m", "details": {}}});
        let part = |body: Value| body.as_object().cloned().unwrap_or_default();
        let fragment = part(serde_json::json!({"code": "B", "message": "n"}));
        assert_eq!(enclosing_member(&fragment, [&whole]), Some("error".to_string()));
        let own = part(serde_json::json!({"status": "error", "code": "B"}));
        assert_eq!(enclosing_member(&own, [&whole]), None, "it has a member of the envelope's own");
        let more = part(serde_json::json!({"code": "B", "hint": "h"}));
        assert_eq!(enclosing_member(&more, [&whole]), None, "`hint` is in no object of the other");
    }

    const PAGE: &str = "> Index at: https://example.com/llms.txt\n\n# Errors\n\nIntro text.\n\n## Statuses\n\n| Code | Meaning |\n| --- | --- |\n| `400` | Bad *input* |\n| `429` | Slow \\| down |\n\n### Limits\n\n```http\nHTTP/1.1 429 Too Many Requests\nRetry-After: 60\n```\n\n```json\n{\"error\": \"x\"}\n```\n\n- Wait `60` seconds.\n";

    #[test]
    fn codes_written_as_numbers_joined_by_dots() {
        assert_eq!(status_prefix("400.002"), Some(400));
        assert_eq!(status_prefix("700.002"), None, "no status");
        assert_eq!(status_prefix("400."), None);
        assert_eq!(dotted_digits("400.002"), Some(vec![3, 3]));
        assert_eq!(dotted_digits("1.2.10"), Some(vec![1, 1, 2]));
        assert_eq!(dotted_digits("400"), None);
        assert_eq!(dotted_digits("error.quote"), None);
    }

    #[test]
    fn json_as_pages_write_it() {
        let js = "{\n  status: 401,\n  type: 'UNAUTHORIZED', // the code\n  message: 'Not \"valid\"',\n}";
        assert_eq!(
            json_as_written(js).unwrap(),
            serde_json::json!({ "status": 401, "type": "UNAUTHORIZED", "message": "Not \"valid\"" })
        );
        assert_eq!(json_as_written("{\"a\": 1,\n  ...\n}").unwrap(), serde_json::json!({ "a": 1 }));
        assert!(json_as_written("{ status: XXX }").is_err(), "a placeholder is no value");
        assert!(json_as_written("curl https://example.com").is_err());
    }

    #[test]
    fn codes_of_one_style_are_written_alike() {
        assert_eq!(code_style("invalid-jwt"), code_style("access-denied"));
        assert_eq!(code_style("INVALID_REQUEST"), code_style("TRANSACTION_REFUSED"));
        assert_ne!(code_style("invalid-jwt"), code_style("invalid_jwt"), "another separator");
        assert_eq!(code_style("Retry-After"), None, "a header");
        assert_eq!(code_style("x-request-id"), None, "a header");
        assert_eq!(code_style("snake_and-kebab"), None);
        assert_eq!(code_style("two words"), None);
        assert_eq!(code_style("-1"), None, "a negative number is no word");
    }

    #[test]
    fn codes_in_parts_have_a_category() {
        assert_eq!(code_category("EAPI:Invalid key"), Some("EAPI"));
        assert_eq!(code_category("error.quote.expired"), Some("error"));
        assert_eq!(code_category("send-0003"), Some("send"));
        assert_eq!(code_category("X-RateLimit"), None, "no number after the word");
        assert_eq!(code_category("mj-0001a"), None);
    }

    #[test]
    fn codes_written_as_phrases_are_capitalised_words() {
        assert!(is_title_phrase("Not Authorized - Invalid Token"));
        assert!(is_title_phrase("Too Many Requests"));
        assert!(!is_title_phrase("Forbidden"), "one word");
        assert_eq!(
            single_quoted("One of: 'api_error', 'not_found_error' or 'rate_limit_error'."),
            ["api_error", "not_found_error", "rate_limit_error"]
        );
        assert!(single_quoted("The member's type isn't 'a b' here.").is_empty(), "apostrophes, and words with spaces");
        let style = |word: &str| code_style(word).expect("a code");
        assert!(written_alike(style("FORBIDDEN"), style("BAD_USER_INPUT")));
        assert!(!written_alike(style("email"), style("missing_field")), "a word in lower case is no code");
        assert!(!written_alike(style("not-found"), style("BAD_USER_INPUT")));
        assert!(!is_title_phrase("Authorization: Bearer"), "a snippet");
        assert!(!is_title_phrase("Session expired or invalid"), "a sentence");
    }

    #[test]
    fn a_body_a_head_says_is_text_is_a_text_response() {
        // In the head's block, or in a block of its own after it.
        let page = parse_page(
            "# E\n\n```http\nHTTP/1.1 401 Unauthorized\nContent-Type: text/plain; charset=utf-8\n\ninvalid token\n```\n\n\
             ```http\nHTTP/1.1 403 Forbidden\ncontent-type: TEXT/plain\n```\n\n```\nno access\n```\n\n\
             ```http\nHTTP/1.1 404 Not Found\nContent-Type: application/json\n```\n\n```\nnot text\n```\n\n\
             ```\nno head\n```\n",
        );
        let texts: Vec<(Option<u16>, &str)> =
            page.sections[0].text_responses().iter().map(|(head, block)| (head.status, block.text.trim())).collect();
        assert_eq!(texts, [(Some(401), "invalid token"), (Some(403), "no access")]);
        assert!(page.sections[0].json_responses().is_empty());
        // Without a head, in a section that says its bodies are plain text: a line of text.
        let page = parse_page(
            "# E\n\nA bad token gets a body of plain text:\n\n```\ninvalid token\n```\n\n```\ncurl https://x\n```\n\n\
             ```text\ntwo\nlines\n```\n\n# F\n\nJSON here.\n\n```\nnot said\n```\n\n```json\n{\"error\": \"x\"}\n```\n",
        );
        let texts: Vec<&str> =
            page.sections.iter().flat_map(|s| s.text_responses()).map(|(_, block)| block.text.trim()).collect();
        assert_eq!(texts, ["invalid token"]);
        // Said once for a page that shows no JSON body: in every section.
        let page =
            parse_page("# E\n\nEvery response is plain text.\n\n## F\n\nFor instance:\n\n```\nno such paste\n```\n");
        assert_eq!(page.sections[1].text_responses().len(), 1);
    }

    #[test]
    fn a_header_name_is_no_part_of_a_phrase() {
        let names = |line| header_names(line).collect::<Vec<_>>();
        assert_eq!(
            names("Wait `Retry-After` seconds (or X-RateLimit-Reset, X-RateLimit-Limit)."),
            ["Retry-After", "X-RateLimit-Reset", "X-RateLimit-Limit"]
        );
        assert_eq!(names("Send X-Request-Id X-Trace-Id: both."), ["X-Request-Id", "X-Trace-Id"]);
        assert!(names("449 `Sub-Request Failed`: a part failed; 449 Sub-Request Failed.").is_empty());
    }

    #[test]
    fn codes_that_start_alike_share_their_lead() {
        let lead = |values: &[&'static str]| shared_lead(values.iter().copied());
        assert_eq!(lead(&["Bad API request, invalid key", "Bad API request, IP blocked"]), Some("Bad API request, "));
        assert_eq!(lead(&["EAPI:Invalid key", "EAPI:Bad nonce"]), None, "too short a lead");
        assert_eq!(lead(&["Not Authorized - Invalid Token", "Not Authorized - No Token"]), Some("Not Authorized - "));
        assert_eq!(lead(&["Bad API request, invalid key"]), None, "one value");
        assert_eq!(lead(&["invalid_grant", "invalid_client"]), None, "no separator");
        // Values that differ within a character share no half of it.
        assert_eq!(lead(&["Requête refusée, é", "Requête refusée, è"]), Some("Requête refusée, "));
        assert_eq!(shared_path(["https://x.example/é", "https://x.example/è"].into_iter()), Some("https://x.example/"));
    }

    #[test]
    fn headers_of_the_x_convention_and_framing_headers_are_told() {
        assert!(is_extension_header("x-rate-limit-api-token-max") && is_extension_header("X-RateLimit-Reset"));
        assert!(!is_extension_header("x-ray") && !is_extension_header("max-age"));
        assert!(is_framing_header("content-type") && is_framing_header("Content-Length"));
        assert!(!is_framing_header("Retry-After"));
    }

    #[test]
    fn a_list_of_objects_in_an_http_block_is_its_body() {
        let page = parse_page(
            "# E

```http
HTTP/1.1 400 Bad Request

[{\"errorCode\": \"X\"}]
```
",
        );
        let responses = page.sections[0].json_responses();
        assert_eq!(responses.len(), 1);
        assert_eq!(responses[0].0.status, Some(400));
        assert!(responses[0].1.json().unwrap().is_array());
        // A list of numbers is no body.
        let numbers = parse_page(
            "# E

```http
HTTP/1.1 400 Bad Request

[1, 2]
```
",
        );
        assert!(numbers.sections[0].json_responses().is_empty());
    }

    #[test]
    fn an_html_table_is_a_table_of_the_page() {
        let page = parse_page(
            "# Errors\n\n<table>\n<thead><tr><th>Code</th><th>Meaning</th></tr></thead>\n<tbody>\n\
             <tr><td><code>bad_input</code></td><td>A value &amp; its <b>type</b> differ</td></tr>\n\
             <tr><td><a href=\"#gone\">gone</a></td><td>No such\n  thing</td></tr>\n</tbody>\n</table>\n",
        );
        let table = &page.sections[0].tables[0];
        assert_eq!(table.header, ["Code", "Meaning"]);
        assert_eq!(table.rows, [["`bad_input`", "A value & its **type** differ"], ["[gone](#gone)", "No such thing"]]);
        // Without a header row, it is no table this can read.
        let headless = parse_page("# E\n\n<table><tr><td>1</td></tr></table>\n");
        assert!(headless.sections[0].tables.is_empty());
        // Tags left open read as far as they go, without a panic.
        for broken in ["<table><tr><th>A", "<table><tr><th>A</th><tr><td", "<table><tr><td><a href=\"x\">y", "<table"] {
            let page = parse_page(&format!("# E\n\n{broken}\n"));
            assert!(page.sections[0].tables.len() <= 1, "{broken}");
        }
    }

    #[test]
    fn values_under_one_address_share_its_path() {
        let uris = ["https://api.x.com/2/problems/usage-capped", "https://api.x.com/2/problems/invalid-request"];
        assert_eq!(shared_path(uris.into_iter()), Some("https://api.x.com/2/problems/"));
        assert_eq!(shared_path(["a/b", "a/c"].into_iter()), None, "too short for an address");
        assert_eq!(shared_path(["https://x.example/a"].into_iter()), Some("https://x.example/"), "one address");
        assert_eq!(shared_path(["errors/auth/expired"].into_iter()), None, "one value that is no address");
    }

    #[test]
    fn a_body_of_one_member_another_sends_in_an_envelope_is_an_excerpt() {
        let whole = serde_json::json!({ "jsonrpc": "2.0", "id": 1, "error": { "code": -32602, "message": "m" } });
        let excerpt = serde_json::json!({ "error": { "code": -32006, "message": "n" } });
        let excerpt = excerpt.as_object().unwrap();
        assert_eq!(excerpt_of(excerpt, [&whole]), Some(("error".into(), vec!["jsonrpc".into(), "id".into()])));
        // (One member beside it may be sent only sometimes: no excerpt.)
        let beside_one = serde_json::json!({ "request_id": "r", "error": { "code": "x" } });
        assert_eq!(excerpt_of(excerpt, [&beside_one]), None);
        let text = serde_json::json!({ "error": "denied" });
        assert_eq!(excerpt_of(text.as_object().unwrap(), [&whole]), None, "no object");
    }

    #[test]
    fn a_block_of_headers_alone_is_a_response_head() {
        assert!(headers_alone("X-RateLimit-Limit: 1000\nX-RateLimit-Remaining: 995\n"));
        assert!(headers_alone("Retry-After: 30"));
        assert!(!headers_alone("retries: 3\ntimeout: 10"), "settings, not headers");
        assert!(!headers_alone("X-RateLimit-Limit: 1000\nthen wait"));
        assert!(!headers_alone(""));
        let page = parse_page("# E\n\n```\nX-RateLimit-Reset: 1710000000\n```\n");
        assert_eq!(page.sections[0].code_blocks[0].language, "http");
    }

    #[test]
    fn a_comment_on_a_member_s_line_may_say_it_is_optional() {
        let text = "{\n  \"url\": \"https://x.example/optional\",\n  \"details\": { /* optional; for 400s */ },\n  \"hint\": \"a\", // only for 429s\n  \"code\": \"X\" // the code\n}";
        let block = CodeBlock { language: "json".into(), text: text.into(), line: 1 };
        assert_eq!(block.members_said_optional(), ["details", "hint"]);
    }

    #[test]
    fn json_is_read_as_pages_write_it() {
        let written = "{\n  \"a\": \"x // not a comment\", // a comment\n  /* a block */ \"b\": [1, 2,],\n  ...\n  \"c\": \"\\\"q\\\",\",\n}";
        assert_eq!(
            json_as_written(written).unwrap(),
            serde_json::json!({ "a": "x // not a comment", "b": [1, 2], "c": "\"q\"," })
        );
        // What is not JSON even so keeps the strict reading's error.
        let error = json_as_written("{\"a\": }").unwrap_err().to_string();
        assert!(error.contains("line 1"), "{error}");
    }

    #[test]
    fn a_definition_list_defines_its_terms_line_by_line() {
        let page = parse_page("# E\n\n`invalid_grant`\n: The grant is not valid.\n\n`invalid_scope`\n: Too wide.\n");
        assert_eq!(page.sections[0].prose, ["`invalid_grant`: The grant is not valid.", "`invalid_scope`: Too wide."]);
    }

    #[test]
    fn code_spans_name_a_json_string_without_its_quotes() {
        let spans: Vec<&str> = code_spans(r#"Send `"rate_limited"`, `code`, `""` or `"a"b"`."#).collect();
        assert_eq!(spans, ["rate_limited", "code", r#""""#, r#""a"b""#]);
    }

    #[test]
    fn a_quoted_response_is_read_as_its_blocks_and_quoted_words_as_prose() {
        let page = parse_page(
            "# E\n\n> HTTP/2 429\n> Retry-After: 3\n>\n> {\n>   \"code\": \"slow\"\n> }\n\n> Note: be kind.\n",
        );
        let blocks = &page.sections[0].code_blocks;
        let languages: Vec<&str> = blocks.iter().map(|b| b.language.as_str()).collect();
        assert_eq!(languages, ["http", "json"]);
        assert_eq!(blocks[0].http_response().status, Some(429));
        assert_eq!(blocks[1].json().unwrap(), serde_json::json!({ "code": "slow" }));
        assert_eq!(page.sections[0].prose, ["Note: be kind."]);
    }

    #[test]
    fn a_comment_after_a_header_s_value_is_a_remark_on_it() {
        let block = CodeBlock {
            language: "http".into(),
            text: "X-RateLimit-Reset: 18   # seconds left\nX-Tag: a#b".into(),
            line: 1,
        };
        let response = block.http_response();
        assert_eq!(response.headers, [("X-RateLimit-Reset".into(), "18".into()), ("X-Tag".into(), "a#b".into())]);
        assert_eq!(response.remarks, [("X-RateLimit-Reset".to_string(), "seconds left".to_string())]);
    }

    #[test]
    fn a_code_of_zero_beside_an_ok_says_the_request_succeeded() {
        assert!(says_it_succeeded(&serde_json::json!({ "code": 0, "message": "OK", "data": {} })));
        assert!(!says_it_succeeded(&serde_json::json!({ "code": 1005, "message": "OK" })));
        assert!(!says_it_succeeded(&serde_json::json!({ "code": 0, "message": "Rate limit exceeded" })));
    }

    #[test]
    fn headings_tables_code_and_prose_are_found() {
        let page = parse_page(PAGE);
        assert_eq!(page.title.as_deref(), Some("Errors"));
        assert_eq!(page.urls, ["https://example.com/llms.txt"]);
        let headings: Vec<Vec<String>> = page.sections.iter().map(|s| s.heading.clone()).collect();
        assert_eq!(headings, [vec!["Errors"], vec!["Statuses"], vec!["Statuses", "Limits"]]);
        assert_eq!(page.sections[0].prose, ["Intro text."]);
        let table = &page.sections[1].tables[0];
        assert_eq!(table.header, ["Code", "Meaning"]);
        assert_eq!(table.rows, [vec!["`400`", "Bad *input*"], vec!["`429`", "Slow | down"]]);
        let blocks = &page.sections[2].code_blocks;
        assert_eq!((blocks[0].language.as_str(), blocks[1].language.as_str()), ("http", "json"));
        assert_eq!(blocks[1].text, "{\"error\": \"x\"}\n");
        // Code spans stay marked: a sentence that names a code or a header names it in one.
        assert_eq!(page.sections[2].prose, ["Wait `60` seconds."]);
    }

    #[test]
    fn blocks_that_do_not_say_are_read_as_what_they_show() {
        let page = parse_page(concat!(
            "# Errors\n\n",
            "```\nHTTP/1.1 429 Too Many Requests\nRetry-After: 3\n```\n\n",
            "```javascript\n{\"id\": \"rate_limit\"}\n```\n\n",
            "```http\nHTTP/1.1 404 Not Found\nX-Id: 1\n\n{\"id\": \"not_found\"}\n```\n\n",
            "```text\nnot { json\n```\n",
        ));
        let blocks = &page.sections[0].code_blocks;
        let languages: Vec<&str> = blocks.iter().map(|b| b.language.as_str()).collect();
        // A whole response in one block is its head and its body.
        assert_eq!(languages, ["http", "json", "http", "json", "text"]);
        assert_eq!(blocks[2].http_response().headers, [("X-Id".to_string(), "1".to_string())]);
        assert_eq!(blocks[3].text, "{\"id\": \"not_found\"}");
        let responses: Vec<Option<u16>> = page.sections[0].json_responses().iter().map(|(r, _)| r.status).collect();
        assert_eq!(responses, [Some(429), Some(404)]);
    }

    #[test]
    fn bad_pages_are_refused_with_a_reason() {
        assert_eq!(read_page(b""), Err(PageError::Empty));
        assert!(matches!(read_page(b"\xff\xfe binary"), Err(PageError::NotText(_))));
        assert!(matches!(read_page(b"text\0more"), Err(PageError::NotText(_))));
        assert!(matches!(read_page(&vec![b'a'; MAX_PAGE_BYTES + 1]), Err(PageError::TooLarge(_))));
        assert!(read_page(PAGE.as_bytes()).is_ok());
    }

    #[test]
    fn the_content_hash_changes_with_the_content() {
        assert_eq!(content_hash(b"a"), content_hash(b"a"));
        assert_ne!(content_hash(b"a"), content_hash(b"b"));
        assert!(content_hash(b"").starts_with("sha256:e3b0c442"));
    }
}
