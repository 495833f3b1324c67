//! The page's JSON code blocks as examples (with the status and headers of an `http` block just
//! before each), and the headers the examples send or the prose names.

use super::{names, Drafter};
use crate::model::{Example, Header, HeaderRole, RetryAfterFormat};
use crate::page::header_names;
use serde_json::{Map, Value};
use std::collections::BTreeSet;

impl Drafter<'_> {
    /// Each JSON code block: an example, with the status and headers of an `http` block just
    /// before it; its body shape found or made. Other code blocks are listed as unplaced.
    pub(super) fn examples(&mut self) {
        let mut used_ids = BTreeSet::new();
        for (index, section) in self.page.sections.iter().enumerate() {
            for (response, block) in section.json_responses() {
                let at = format!("{} (line {})", self.section_title(index), block.line);
                match serde_json::from_str::<Value>(&block.text) {
                    Ok(Value::Object(body)) if body.is_empty() => {
                        self.unplaced.push(format!("{at}: an empty JSON object"));
                    }
                    Ok(Value::Object(body)) => {
                        self.example(index, &mut used_ids, response.status, response.headers, body, &at);
                    }
                    Ok(_) => self.unplaced.push(format!("{at}: a JSON block that is not an object")),
                    Err(err) => self.unplaced.push(format!("{at}: a JSON block that does not parse ({err})")),
                }
            }
            for block in section.code_blocks.iter().filter(|b| !matches!(b.language.as_str(), "http" | "json")) {
                let what = match block.language.as_str() {
                    "" => "a code block".to_string(),
                    other => format!("a `{other}` code block"),
                };
                self.unplaced.push(format!(
                    "{}: {what} (line {}); its advice may belong in `recovery`",
                    self.section_title(index),
                    block.line
                ));
            }
        }
    }

    fn example(
        &mut self,
        index: usize,
        used_ids: &mut BTreeSet<String>,
        status: Option<u16>,
        headers: Vec<(String, String)>,
        body: Map<String, Value>,
        at: &str,
    ) {
        let source = self.section_ids[index].clone();
        let shape = self.shape_for(&body, &source);
        if !self.fits(&shape, &body) {
            self.unplaced.push(format!("{at}: an example whose values do not fit the documented types"));
            return;
        }
        let status = status.filter(|code| (100..=599).contains(code));
        if let Some(code) = status {
            self.ensure_status(code, &source);
        }
        for (name, value) in &headers {
            self.ensure_header(
                name,
                &format!("Sent with the page's example responses (`{name}`)."),
                &source,
                Some(value),
            );
        }
        let base = names::slug(self.page.sections[index].heading.last().map_or("example", String::as_str));
        let id = names::unique(&base, |id| used_ids.insert(id.to_string()), |n| format!("{base}-{n}"));
        self.examples.push(Example {
            id,
            title: format!("Example under {}", self.section_title(index)),
            body_format: shape,
            status,
            headers: headers.into_iter().collect(),
            body: Value::Object(body),
            source,
            inferred: vec!["title".into()],
            ..Example::default()
        });
    }

    /// A header, unless the draft has it already: its role from its name, and for
    /// `Retry-After` its format from the value an example sends.
    fn ensure_header(&mut self, name: &str, description: &str, section: &str, example_value: Option<&str>) {
        if self.headers.iter().any(|h| h.name.eq_ignore_ascii_case(name)) {
            return;
        }
        let lower = name.to_lowercase();
        let role = match lower.as_str() {
            "retry-after" => Some(HeaderRole::RetryAfter),
            "x-request-id" | "request-id" | "x-trace-id" => Some(HeaderRole::RequestId),
            _ if lower.ends_with("ratelimit-limit") => Some(HeaderRole::RateLimitLimit),
            _ if lower.ends_with("ratelimit-remaining") => Some(HeaderRole::RateLimitRemaining),
            _ if lower.ends_with("ratelimit-reset") => Some(HeaderRole::RateLimitReset),
            _ => None,
        };
        let mut inferred = vec!["description".to_string()];
        let mut formats = Vec::new();
        if role == Some(HeaderRole::RetryAfter) {
            formats.push(match example_value {
                Some(v) if !v.trim().chars().all(|c| c.is_ascii_digit()) && v.contains('T') => {
                    RetryAfterFormat::Iso8601
                }
                Some(v) if !v.trim().chars().all(|c| c.is_ascii_digit()) => RetryAfterFormat::HttpDate,
                _ => RetryAfterFormat::DelaySeconds,
            });
            inferred.push("formats".into());
        }
        self.headers.push(Header {
            name: name.to_string(),
            description: description.to_string(),
            role,
            formats,
            source: section.to_string(),
            inferred,
            ..Header::default()
        });
    }

    /// Header names the prose gives in code spans (`Retry-After`), described by their sentence.
    pub(super) fn prose_headers(&mut self) {
        let mut found = Vec::new();
        for (index, section) in self.page.sections.iter().enumerate() {
            for line in &section.prose {
                for name in header_names(line) {
                    found.push((name.to_string(), line.clone(), self.section_ids[index].clone()));
                }
            }
        }
        for (name, line, section) in found {
            self.ensure_header(&name, &line, &section, None);
        }
    }
}
