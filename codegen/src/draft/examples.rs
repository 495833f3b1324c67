//! The page's JSON code blocks as examples (with the status and headers of an `http` block just
//! before each), its bodies of plain text too, and the headers the examples send or the prose
//! names.

use super::{names, Drafter};
use crate::model::{
    Example, FieldRole, FieldType, Header, HeaderRole, Inconsistency, InconsistencyKind, RetryAfterFormat, Shape,
    Statement, TableRows, TextBody, Vocabulary,
};
use crate::page::{code_spans, header_names, is_extension_header, is_framing_header};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// Whether JSON is a body that is a list of errors: objects, each with members.
fn is_list_of_errors(json: &Value) -> bool {
    json.as_array().is_some_and(|items| {
        !items.is_empty() && items.iter().all(|item| item.as_object().is_some_and(|members| !members.is_empty()))
    })
}

/// Of `vocabularies`, the one that lists the most of the values `sent` (the last of those that
/// list as many), where one lists any.
fn listing_most<'v, S: AsRef<str>>(
    vocabularies: impl Iterator<Item = &'v Vocabulary>,
    sent: &[S],
) -> Option<&'v Vocabulary> {
    let listing =
        |v: &Vocabulary| sent.iter().filter(|value| v.values.iter().any(|x| x.value == value.as_ref())).count();
    vocabularies.filter(|v| listing(v) > 0).max_by_key(|v| listing(v))
}

/// Is a member named for the HTTP status (`status`, `statusCode`, `http_status`, `httpCode`)?
pub(super) fn named_for_the_status(key: &str) -> bool {
    // (Finqware's `http` too.)
    matches!(names::bare(key).as_str(), "status" | "statuscode" | "httpstatus" | "httpcode" | "httpstatuscode" | "http")
}

/// Does a clause say the members it names hold the HTTP status: repeat it, are it, mirror it?
/// (Not one that only names both: Stack Exchange's "`error_id`..." and "The HTTP status of a
/// failed call is 400" are two sentences, and so two clauses.)
pub(super) fn says_it_is_the_status(clause: &str) -> bool {
    let said = clause.to_lowercase();
    said.contains("http status")
        && ["repeat", "is the", "mirror", "same as", "echo", "copy of"].iter().any(|verb| said.contains(verb))
}

/// Whether a header of the wait counts milliseconds: its name ends so (`x-ms-retry-after-ms`),
/// or its description says so.
fn in_milliseconds(header: &Header) -> bool {
    let bare = names::bare(&header.name);
    // (Never `Retry-After` itself, which RFC 9110 counts in seconds, whatever a line beside it says
    // of milliseconds.)
    bare != "retryafter" && (bare.ends_with("ms") || header.description.to_lowercase().contains("millisecond"))
}

/// The form a header of the wait sends `value` in: a number of milliseconds for a header that
/// counts them, else as [`retry_after_format`] reads it.
fn header_wait_format(header: &Header, value: &str) -> RetryAfterFormat {
    match retry_after_format(value) {
        RetryAfterFormat::DelaySeconds if in_milliseconds(header) => RetryAfterFormat::DelayMilliseconds,
        format => format,
    }
}

/// The figure a rate-limit header gives, from what follows `RateLimit` in its bare name: the
/// figure's word, alone or before or after the name of what is counted (`X-RateLimit-Limit`,
/// HubSpot's `X-HubSpot-RateLimit-Max`, Freshdesk's `X-Ratelimit-Total`, `x-ratelimit-reset-requests`,
/// `anthropic-ratelimit-requests-reset`); a bare `Ratelimit` (a structured value) is none.
fn rate_limit_figure(rest: &str) -> Option<HeaderRole> {
    const FIGURES: [(&str, HeaderRole); 5] = [
        ("limit", HeaderRole::RateLimitLimit),
        ("max", HeaderRole::RateLimitLimit),
        ("total", HeaderRole::RateLimitLimit),
        ("remaining", HeaderRole::RateLimitRemaining),
        ("reset", HeaderRole::RateLimitReset),
    ];
    FIGURES.iter().find(|(word, _)| rest.starts_with(word) || rest.ends_with(word)).map(|(_, role)| *role)
}

/// The role a header's (bare) name gives it: `Retry-After` (or a header of its own for the wait,
/// `x-ms-retry-after-ms`), a request's id, the code (Azure's `x-ms-error-code`, AWS's
/// `x-amzn-ErrorType`), a rate limit's figure.
fn role_named(bare: &str) -> Option<HeaderRole> {
    match bare {
        _ if bare.contains("retryafter") => Some(HeaderRole::RetryAfter),
        _ if bare.ends_with("requestid") || bare == "xtraceid" || bare == "xcorrelationid" => {
            Some(HeaderRole::RequestId)
        }
        _ if bare.ends_with("errorcode") || bare.ends_with("errortype") => Some(HeaderRole::Code),
        _ => bare.rsplit_once("ratelimit").and_then(|(_, rest)| rate_limit_figure(rest)),
    }
}

/// The figure a header of a limit gives that is not named `RateLimit` with its figure (Bybit's
/// `X-Bapi-Limit`, `X-Bapi-Limit-Status`, `X-Bapi-Limit-Reset-Timestamp`; Discogs's bare
/// `X-Discogs-Ratelimit`; Etsy's `x-remaining-this-second`), from what its description says:
/// when the window resets, what is left of it, or how much it allows.
fn limit_figure_said(bare_name: &str, description: &str) -> Option<HeaderRole> {
    let said = description.to_lowercase();
    // (Or a name of its own that the description says counts calls in a window: Walmart's
    // `x-current-token-count`, "calls left in the current window".)
    let named = ["limit", "quota", "remaining"].iter().any(|word| bare_name.contains(word));
    let counting = ["count", "token", "credit", "replenish"].iter().any(|word| bare_name.contains(word))
        && ["window", "calls"].iter().any(|word| said.contains(word));
    if !named && !counting {
        return None;
    }
    // A name that says what it counts, where one line describes several (Spoonacular's
    // `X-API-Quota-Left`, beside `X-API-Quota-Used`, which no role reads).
    if bare_name.ends_with("left") || bare_name.ends_with("remaining") {
        return Some(HeaderRole::RateLimitRemaining);
    }
    if bare_name.ends_with("used") || bare_name.ends_with("request") {
        return None;
    }
    let says = |words: &[&str]| words.iter().any(|word| said.contains(word));
    if says(&["reset", "refill", "replenish"]) {
        Some(HeaderRole::RateLimitReset)
    } else if says(&["left", "remaining", "remain", "still"]) {
        Some(HeaderRole::RateLimitRemaining)
    } else if says(&["allowed", "maximum", "the most", "may send", "can send", "may make", "can make"]) {
        Some(HeaderRole::RateLimitLimit)
    } else {
        None
    }
}

/// The form a rate-limit reset's value is written in, where the value alone tells: a duration
/// with its units (`1s`, `6m0s`), a moment in ISO 8601, or seconds since the epoch (ten digits
/// or more: a window of that many seconds is none), milliseconds from thirteen digits. A shorter
/// number is seconds or a moment, which only the page's words tell.
fn reset_format(value: &str) -> Option<RetryAfterFormat> {
    let value = value.trim();
    // (Seconds with a fraction, Discord's `1470173023.123`, are read by their whole seconds.)
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    let value = match value.split_once('.') {
        Some((whole, fraction)) if all_digits(whole) && all_digits(fraction) && (10..13).contains(&whole.len()) => {
            whole
        }
        _ => value,
    };
    let digits = value.chars().all(|c| c.is_ascii_digit());
    let units = |c: char| "hmsun".contains(c) || c == 'µ';
    if !value.is_empty() && digits {
        match value.len() {
            13.. => Some(RetryAfterFormat::EpochMilliseconds),
            10.. => Some(RetryAfterFormat::EpochSeconds),
            _ => None,
        }
    } else if value.starts_with(|c: char| c.is_ascii_digit())
        && value.chars().all(|c| c.is_ascii_digit() || c == '.' || units(c))
    {
        Some(RetryAfterFormat::Duration)
    } else if retry_after_format(value) == RetryAfterFormat::Iso8601 {
        Some(RetryAfterFormat::Iso8601)
    } else {
        None
    }
}

/// Does a (lower-case) description say its moment is written as ISO 8601 (or RFC 3339, its
/// profile)?
fn speaks_of_iso8601(said: &str) -> bool {
    ["iso 8601", "iso8601", "iso-8601", "rfc 3339", "rfc3339"].iter().any(|name| said.contains(name))
}

/// The form a `Retry-After` value is written in: seconds, an ISO 8601 time or an HTTP-date.
fn retry_after_format(value: &str) -> RetryAfterFormat {
    let value = value.trim();
    // Seconds, with decimals too (`2.0`).
    if value.split_once('.').map_or(value, |(whole, _)| whole).chars().all(|c| c.is_ascii_digit())
        && value.chars().all(|c| c.is_ascii_digit() || c == '.')
    {
        RetryAfterFormat::DelaySeconds
    } else if value.contains('T') && value.starts_with(|c: char| c.is_ascii_digit()) {
        RetryAfterFormat::Iso8601
    } else {
        RetryAfterFormat::HttpDate
    }
}

/// The strings a JSON value holds, at any depth.
fn strings_in(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(text) => out.push(text.clone()),
        Value::Array(items) => items.iter().for_each(|item| strings_in(item, out)),
        Value::Object(members) => members.values().for_each(|member| strings_in(member, out)),
        _ => {}
    }
}

/// An example left out (see [`Drafter::leave_example_out`]): the id its inconsistency's comes
/// from, what it says, the statements before the one that quotes the body, and how.
struct LeftOut<'b> {
    id: String,
    summary: String,
    stated: Vec<Statement>,
    quoted_as: String,
    body: &'b Value,
    resolution: String,
    unplaced: String,
}

impl Drafter<'_> {
    /// Each JSON code block: an example, with the status and headers of an `http` block just
    /// before it; its body shape found or made. Other code blocks are listed as unplaced.
    pub(super) fn examples(&mut self) {
        let mut used_ids = BTreeSet::new();
        // A body that is a list of errors is its API's only format (see `model::Shape::array`):
        // beside bodies that are objects, such lists are left to the maintainer.
        let objects_sent = self.page_bodies.iter().any(|(_, body)| body.as_object().is_some_and(|m| !m.is_empty()));
        for (index, section) in self.page.sections.iter().enumerate() {
            for (response, block) in section.json_responses() {
                let at = format!("{} (line {})", self.section_title(index), block.line);
                let json = block.json();
                let part_of =
                    json.as_ref().ok().and_then(Value::as_object).and_then(|body| self.enclosing_member(body));
                let excerpt =
                    json.as_ref().ok().and_then(Value::as_object).and_then(|body| {
                        crate::page::excerpt_of(body, self.page_bodies.iter().map(|(_, other)| other))
                    });
                match json {
                    Ok(Value::Object(body)) if body.is_empty() => {
                        self.unplaced.push(format!("{at}: an empty JSON object"));
                    }
                    Ok(body) if crate::page::says_it_succeeded(&body) => {
                        self.unplaced.push(format!("{at}: a body that says the request succeeded, no error's"));
                    }
                    Ok(body) if excerpt.is_some() => {
                        let (member, left_out) = excerpt.unwrap_or_default();
                        self.example_is_excerpt(index, &member, &left_out, &body, &at);
                    }
                    Ok(body) if part_of.is_some() => {
                        self.example_is_part(index, part_of.as_deref().unwrap_or_default(), &body, &at);
                    }
                    Ok(body) if body.is_object() || (!objects_sent && is_list_of_errors(&body)) => {
                        self.example(index, &mut used_ids, response.status, response.headers, body, &at);
                    }
                    Ok(body) if is_list_of_errors(&body) => self.unplaced.push(format!(
                        "{at}: a body that is a list of errors, beside bodies that are objects (a catalog's list \
                         body is its API's only format)"
                    )),
                    Ok(_) => self.unplaced.push(format!("{at}: a JSON block that is not an object")),
                    Err(err) => self.unplaced.push(format!("{at}: a JSON block that does not parse ({err})")),
                }
            }
            let texts = section.text_responses();
            for (response, block) in &texts {
                let at = format!("{} (line {})", self.section_title(index), block.line);
                let body = Value::String(block.text.trim().to_string());
                self.example(index, &mut used_ids, response.status, response.headers.clone(), body, &at);
            }
            // The headers every `http` block shows are the API's, those of a block with no body
            // after it too (the ones every answer carries, Unsplash's `X-Ratelimit-Remaining:
            // 999`, or a 429's head alone). (A block with a body gave its example's headers
            // already, framing ones included; `ensure_header` takes them again unchanged.)
            let source = self.section_ids[index].clone();
            for block in section.code_blocks.iter().filter(|b| b.language == "http") {
                let response = block.http_response();
                for (name, value) in response.headers.iter().filter(|(name, _)| !is_framing_header(name)) {
                    // (What a comment beside the value says of the header describes it.)
                    let remark = response.remarks.iter().find(|(remarked, _)| remarked == name);
                    let description = remark.map_or_else(|| sent_with_examples(name), |(_, said)| said.clone());
                    self.ensure_header(name, (&description, remark.is_some()), &source, Some(value));
                }
            }
            let is_text = |b: &&crate::page::CodeBlock| texts.iter().any(|(_, text)| std::ptr::eq(*text, *b));
            for block in section.code_blocks.iter().filter(|b| !matches!(b.language.as_str(), "http" | "json")) {
                // (A block of definitions is read as prose.)
                if is_text(&block) || block.definitions().is_some() {
                    continue;
                }
                let at = format!("{} (line {})", self.section_title(index), block.line);
                // (An XML body, Azure Storage's `<Error><Code>...`, is a format the catalog cannot
                // describe: its code may still come in a header.)
                let xml = block.language == "xml" || block.text.trim_start().starts_with("<?xml");
                // (A body's shape with placeholders the outline reader does not know, MultiTech's
                // `"code" : [Error Code]`: no advice.)
                let shaped = block.text.contains('{') && block.text.contains('"') && block.text.contains(':');
                self.unplaced.push(match block.language.as_str() {
                    _ if xml => format!("{at}: an XML body, which the catalog cannot describe"),
                    _ if shaped => format!("{at}: a body's shape, neither JSON nor an outline the drafter reads"),
                    "" => format!("{at}: a code block; its advice may belong in `recovery`"),
                    other => format!("{at}: a `{other}` code block; its advice may belong in `recovery`"),
                });
            }
        }
    }

    /// The member of another of the page's bodies whose object `body` is (see
    /// [`crate::page::enclosing_member`]).
    fn enclosing_member(&self, body: &Map<String, Value>) -> Option<String> {
        crate::page::enclosing_member(body, self.page_bodies.iter().map(|(_, other)| other))
    }

    /// An example whose body is an object, a list of error objects (each element of the root
    /// shape, which is then `array`), or a text (of the one plain-text body).
    fn example(
        &mut self,
        index: usize,
        used_ids: &mut BTreeSet<String>,
        status: Option<u16>,
        headers: Vec<(String, String)>,
        body: Value,
        at: &str,
    ) {
        let source = self.section_ids[index].clone();
        if body.is_string() {
            let root = self.text_root(&source);
            let shape = self.bodies[root].name.clone();
            self.add_example(index, used_ids, status, headers, body, shape);
            return;
        }
        let elements: Vec<&Map<String, Value>> = match &body {
            Value::Array(items) => items.iter().filter_map(Value::as_object).collect(),
            other => other.as_object().into_iter().collect(),
        };
        let Some(first) = elements.first() else { return };
        // Lists of messages keyed by the request's fields (`{"Name": ["The Name field is
        // required."]}`), where the section says the body is keyed so: an open body of no
        // members of its own, whatever fields an example names.
        let messages_by_field = !first.is_empty()
            && first.values().all(|v| v.as_array().is_some_and(|items| items.iter().all(Value::is_string)))
            && !super::bodies::one_collection(first)
            && self.page.sections[index].prose.iter().any(|line| super::tables::keyed_by_data(line));
        if messages_by_field && !body.is_array() {
            let root = self.messages_by_field_root(&source);
            let shape = self.bodies[root].name.clone();
            self.add_example(index, used_ids, status, headers, body, shape);
            return;
        }
        let root = self.root_for(first, &source);
        for element in &elements {
            if let Some(member) = self.lacks_documented(root, element) {
                self.example_lacks(index, root, &member, &body, at);
                return;
            }
        }
        // Each element grows the shape as an example of its own would.
        let mut shape = String::new();
        for element in &elements {
            shape = self.grown(root, element, &source);
        }
        if !elements.iter().all(|element| self.fits(&shape, element)) {
            self.unplaced.push(format!("{at}: an example whose values do not fit the documented types"));
            return;
        }
        if body.is_array() {
            self.bodies[root].array = true;
        }
        self.add_example(index, used_ids, status, headers, body, shape);
    }

    /// The example of a body found a shape, under the heading of its section.
    fn add_example(
        &mut self,
        index: usize,
        used_ids: &mut BTreeSet<String>,
        status: Option<u16>,
        headers: Vec<(String, String)>,
        body: Value,
        shape: String,
    ) {
        let source = self.section_ids[index].clone();
        let status = status.filter(|code| (100..=599).contains(code));
        if let Some(code) = status {
            self.ensure_status(code, &source);
        }
        for (name, value) in &headers {
            self.ensure_header(name, (&sent_with_examples(name), false), &source, Some(value));
        }
        let base =
            names::slug_or(self.page.sections[index].heading.last().map_or("example", String::as_str), "example");
        let id = names::unique(&base, |id| used_ids.insert(id.to_string()), |n| format!("{base}-{n}"));
        self.examples.push(Example {
            id,
            title: format!("Example under {}", self.section_title(index)),
            body_format: shape,
            status,
            headers: headers.into_iter().collect(),
            body,
            source,
            inferred: vec!["title".into()],
            ..Example::default()
        });
    }

    /// The members the examples send numbers in that are not their status (see
    /// [`super::tables::members_apart_from_the_status`]), less those the prose says hold the
    /// HTTP status (Spoonacular's "`code` repeats the HTTP status").
    pub(super) fn members_apart_from_the_status(&self) -> std::collections::BTreeMap<String, BTreeSet<u64>> {
        let mut apart = super::tables::members_apart_from_the_status(&self.page_bodies);
        apart.retain(|member, _| !self.said_to_be_the_status(member));
        apart
    }

    /// Does a clause of the prose say `member` (in a code span) holds the HTTP status (see
    /// [`says_it_is_the_status`])?
    fn said_to_be_the_status(&self, member: &str) -> bool {
        self.statuses_said.contains(member)
    }

    /// Statuses the examples' bodies send, where no status line shows them: the numbers of a
    /// member named for the status (`status`, `http_status`) or that the prose says holds it, or
    /// of a `code` beside the status's own reason phrase (Heron's `"code": 404, "name": "Not
    /// Found"`), at the top of a body or in an object it holds (Front's `_error.status`).
    pub(super) fn statuses_in_bodies(&mut self) {
        let mut found: Vec<(u16, String)> = Vec::new();
        for example in &self.examples {
            // (Any object of the body, through lists: GraphQL's `errors[].extensions.http.status`.)
            let mut objects = Vec::new();
            objects_in(&example.body, &mut objects);
            for members in objects {
                let phrases: Vec<&str> = members.values().filter_map(Value::as_str).collect();
                for (key, value) in members {
                    let Some(code) =
                        value.as_u64().and_then(|n| u16::try_from(n).ok()).filter(|n| (100..=599).contains(n))
                    else {
                        continue;
                    };
                    // (Not a member a table of codes is keyed by, IntelliSMS's `status`, whose
                    // numbers are its codes.)
                    let keyed = self.vocabulary_keyed_by(key, crate::model::VocabularyType::Integer).is_some();
                    let named = (named_for_the_status(key) && !keyed) || self.said_to_be_the_status(key);
                    let phrased = names::bare(key) == "code"
                        && phrases.iter().any(|phrase| crate::model::is_reason_of(code, phrase));
                    if named || phrased {
                        found.push((code, example.source.clone()));
                    }
                }
            }
        }
        for (code, source) in found {
            self.ensure_status(code, &source);
        }
    }

    /// An example under a section that names one status and shows no other example (Horn's
    /// `## Access Forbidden`, "Code: 403 Forbidden", then its body): sent with that status. A
    /// value it sends that this section alone lists has that status, and the section's first
    /// line, where it names no status, as its description.
    pub(super) fn statuses_of_sections(&mut self) {
        // (The examples by section, read once: a page may have many of both.)
        let mut shown: std::collections::BTreeMap<&str, Vec<usize>> = std::collections::BTreeMap::new();
        for (at, example) in self.examples.iter().enumerate() {
            shown.entry(example.source.as_str()).or_default().push(at);
        }
        let alone: Vec<(usize, usize)> = (self.section_ids.iter().enumerate())
            .filter_map(|(index, id)| match shown.get(id.as_str()).map(Vec::as_slice) {
                Some(&[only]) => Some((index, only)),
                _ => None,
            })
            .collect();
        // What each such section gives the values it lists: its status, the texts its example
        // sends, its first line (applied below in one pass over the values).
        let mut given: std::collections::BTreeMap<String, (u16, Vec<String>, Option<String>)> =
            std::collections::BTreeMap::new();
        for (index, only) in alone {
            let section = &self.page.sections[index];
            if self.examples[only].status.is_some() {
                continue;
            }
            let lines = section.prose.iter().chain(section.heading.last());
            let mut named: BTreeSet<u16> =
                lines.flat_map(|line| super::prose::statuses_in(line)).map(|(code, _)| code).collect();
            named.extend(section.heading.last().and_then(|heading| super::prose::heading_reason_status(heading)));
            let [status] = named.into_iter().collect::<Vec<_>>()[..] else { continue };
            if !self.statuses.iter().any(|s| s.code == status) {
                continue;
            }
            // (Read from the section, not from a status line: marked as the drafter's reading.)
            self.examples[only].status = Some(status);
            self.examples[only].status_in_prose = true;
            super::bodies::push_inferred(&mut self.examples[only].inferred, "status");
            let mut sent = Vec::new();
            strings_in(&self.examples[only].body, &mut sent);
            let description = (section.prose.first())
                .filter(|line| super::prose::statuses_in(line).is_empty())
                .map(|line| line.replace('`', ""));
            given.insert(self.section_ids[index].clone(), (status, sent, description));
        }
        for value in self.vocabularies.iter_mut().flat_map(|v| &mut v.values) {
            let Some((status, sent, description)) = given.get(&value.source) else { continue };
            if value.statuses.is_empty() && sent.contains(&value.value) {
                value.statuses = vec![*status];
                super::bodies::push_inferred(&mut value.inferred, "statuses");
                if value.description.is_none() {
                    value.description.clone_from(description);
                }
            }
        }
    }

    /// The vocabulary of the header of the code: the table's that lists most of the codes the
    /// examples send in it (up to a `:`, as they are read), else the one table of codes that no
    /// member of a body holds.
    pub(super) fn header_code_vocabulary(&mut self) {
        let Some(at) = self.headers.iter().position(|h| h.role == Some(HeaderRole::Code)) else { return };
        let name = self.headers[at].name.clone();
        let sent: Vec<String> = (self.examples.iter())
            .flat_map(|e| &e.headers)
            .filter(|(key, _)| key.eq_ignore_ascii_case(&name))
            .filter_map(|(_, value)| value.split(':').next().map(|code| code.trim().to_string()))
            .collect();
        let tabled = |v: &&Vocabulary| self.vocabulary_tables.contains_key(&v.name);
        let by_values = listing_most(self.vocabularies.iter().filter(tabled), &sent);
        let held = |v: &&Vocabulary| {
            self.bodies.iter().flat_map(|b| &b.fields).any(|f| f.ty.values() == &FieldType::Vocabulary(v.name.clone()))
        };
        let unheld: Vec<&Vocabulary> = self.vocabularies.iter().filter(tabled).filter(|v| !held(v)).collect();
        let found = by_values.or(match unheld.as_slice() {
            [only] => Some(*only),
            _ => None,
        });
        if let Some(vocabulary) = found.map(|v| v.name.clone()) {
            self.headers[at].vocabulary = Some(vocabulary);
            self.headers[at].inferred.push("vocabulary".into());
        }
    }

    /// The body of plain text, made for the first example of one: its text a message until
    /// [`Drafter::text_vocabulary`] finds the table that lists it.
    fn text_root(&mut self, source: &str) -> usize {
        if let Some(found) = self.bodies.iter().position(|shape| shape.text.is_some()) {
            return found;
        }
        self.bodies.push(Shape {
            name: self.fresh_body_name("TextErrorBody"),
            description: "An error body of plain text the page shows in an example.".into(),
            root: true,
            text: Some(TextBody { ty: FieldType::String, role: Some(FieldRole::Message) }),
            source: source.to_string(),
            inferred: vec!["description".into(), "root".into(), "text".into()],
            ..Shape::default()
        });
        self.bodies.len() - 1
    }

    /// The texts of the examples of plain text are codes where a table lists them: the body's
    /// text is then a value of that table's vocabulary (the one that lists the most of them).
    pub(super) fn text_vocabulary(&mut self) {
        let Some(root) = self.bodies.iter().position(|shape| shape.text.is_some()) else { return };
        let name = &self.bodies[root].name;
        let sent: Vec<&str> =
            self.examples.iter().filter(|e| &e.body_format == name).filter_map(|e| e.body.as_str()).collect();
        // (Of strings: a text is one, even of digits.)
        let strings = |v: &&Vocabulary| v.wire_type == crate::model::VocabularyType::String;
        let best = listing_most(self.vocabularies.iter().filter(strings), &sent);
        if let Some(vocabulary) = best.map(|v| v.name.clone()) {
            self.bodies[root].text =
                Some(TextBody { ty: FieldType::Vocabulary(vocabulary), role: Some(FieldRole::Code) });
        }
    }

    /// `base`, or `base-2`, `base-3`...: an id no inconsistency of the draft has.
    pub(super) fn fresh_inconsistency_id(&self, base: &str) -> String {
        names::unique(base, |id| !self.inconsistencies.iter().any(|x| x.id == id), |n| format!("{base}-{n}"))
    }

    /// An example without a member its body's table requires: left out, and the contradiction
    /// recorded (the table says one thing, the example shows another; the maintainer decides).
    fn example_lacks(&mut self, index: usize, root: usize, member: &str, body: &Value, at: &str) {
        let table_section = self.bodies[root].source.clone();
        let summary = format!(
            "The example under {} lacks `{member}`, which the table under {} says every {} has.",
            self.section_title(index),
            self.page
                .sections
                .iter()
                .zip(&self.section_ids)
                .find(|(_, id)| **id == table_section)
                .map_or(table_section.clone(), |(s, _)| s.heading.join(" › ")),
            self.bodies[root].name
        );
        self.leave_example_out(
            index,
            LeftOut {
                id: format!("example-lacks-{}", names::slug_or(member, "member")),
                summary,
                stated: vec![Statement { section: table_section, says: format!("`{member}` is required.") }],
                quoted_as: format!("An example error body without `{member}`"),
                body,
                resolution: format!(
                    "Drafted: `{member}` stays required, as the table says, and the example is left out. Keep whichever the API does."
                ),
                unplaced: format!(
                    "{at}: an example without `{member}`, which its table requires (recorded as an inconsistency)"
                ),
            },
        );
    }

    /// An example of the object a body holds under `member`, shown alone (see
    /// [`crate::page::enclosing_member`]): left out, and recorded.
    fn example_is_part(&mut self, index: usize, member: &str, body: &Value, at: &str) {
        let summary = format!(
            "The example under {} shows the `{member}` object alone, where the page's other examples show it \
             inside the body.",
            self.section_title(index)
        );
        self.leave_example_out(
            index,
            LeftOut {
                id: format!("example-shows-{}-alone", names::slug_or(member, "member")),
                summary,
                stated: Vec::new(),
                quoted_as: format!("An example error body of the `{member}` object alone"),
                body,
                resolution: "Drafted: the example is left out; the bodies are those the page shows whole.".into(),
                unplaced: format!(
                    "{at}: the `{member}` object of a body another example shows whole, shown alone (recorded as an \
                     inconsistency)"
                ),
            },
        );
    }

    /// An example of a body's `member` alone, without the members `left_out` that another
    /// example sends beside it: recorded as an inconsistency, and left out; the object it shows
    /// whole is an example of that member's object (what it lacks is not always sent).
    fn example_is_excerpt(&mut self, index: usize, member: &str, left_out: &[String], body: &Value, at: &str) {
        let section = self.section_ids[index].clone();
        let held = self.bodies.iter().filter(|b| b.root).flat_map(|b| &b.fields).find_map(|f| match &f.ty {
            FieldType::Object(shape) if f.name == member => self.shape_index(shape),
            _ => None,
        });
        if let (Some(shape), Some(inner)) = (held, body.get(member).and_then(Value::as_object)) {
            self.grown(shape, inner, &section);
        }
        let left_out = left_out.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ");
        let summary = format!(
            "The example under {} shows a body of `{member}` alone, without {left_out}, which another example \
             sends beside it.",
            self.section_title(index)
        );
        self.leave_example_out(
            index,
            LeftOut {
                id: format!("example-shows-{}-without-the-rest", names::slug_or(member, "member")),
                summary,
                stated: Vec::new(),
                quoted_as: format!("An example error body of `{member}` alone"),
                body,
                resolution: "Drafted: the example is left out, as an excerpt; the bodies are those the page shows \
                             whole."
                    .into(),
                unplaced: format!(
                    "{at}: a body of `{member}` alone, without {left_out}, which another example sends beside it \
                     (recorded as an inconsistency)"
                ),
            },
        );
    }

    /// Leaves an example out: recorded as a contradiction whose last statement quotes its body
    /// whole (so that `drift` and the source tests know it was left out on purpose), and listed
    /// as unplaced.
    fn leave_example_out(&mut self, index: usize, left: LeftOut<'_>) {
        let id = self.fresh_inconsistency_id(&left.id);
        let mut statements = left.stated;
        statements.push(Statement {
            section: self.section_ids[index].clone(),
            says: format!("{}: {}", left.quoted_as, serde_json::to_string(left.body).unwrap_or_default()),
        });
        self.inconsistencies.push(Inconsistency {
            id,
            kind: InconsistencyKind::Contradiction,
            summary: left.summary,
            statements,
            resolution: left.resolution,
        });
        self.unplaced.push(left.unplaced);
    }

    /// A header, unless the draft has it already. `described`: the words that describe it, and whether they are the page's own for it (a
    /// comment beside an example's value) rather than the drafter's (a sentence it is named in).
    fn ensure_header(&mut self, name: &str, described: (&str, bool), section: &str, example_value: Option<&str>) {
        let (description, said) = described;
        if let Some(at) = self.headers.iter().position(|h| h.name.eq_ignore_ascii_case(name)) {
            // A header an example showed first, that the page then describes (Buildr's
            // `X-Rate-Limited-For`, "the seconds until the next call"): its words, and the role
            // they give it.
            let shown_only = self.headers[at].description == sent_with_examples(&self.headers[at].name);
            if shown_only && description != sent_with_examples(name) {
                let (section, _) = self.free_source(section, |rows| *rows == TableRows::Headers);
                let known = &mut self.headers[at];
                known.description = description.to_string();
                known.source = section;
                if said {
                    known.inferred.retain(|fact| fact != "description");
                }
                if known.role.is_none() {
                    let header = self.headers.remove(at);
                    let header = self.with_its_role(header, None);
                    self.headers.insert(at, header);
                }
            }
            let known = &mut self.headers[at];
            // An example's `Retry-After` shows a form the header is written in.
            if let (Some(HeaderRole::RetryAfter), Some(value)) = (known.role, example_value) {
                let format = header_wait_format(known, value);
                if !known.formats.contains(&format) {
                    known.formats.push(format);
                }
            }
            return;
        }
        // A section's table of headers lists the headers traced to it: one it does not list is
        // traced elsewhere, and says where it was seen.
        let (section, moved) = self.free_source(section, |rows| *rows == TableRows::Headers);
        let description = match moved {
            true => format!("{description} The table of headers where it is seen does not list it."),
            false => description.to_string(),
        };
        let header = Header {
            name: name.to_string(),
            description,
            source: section,
            inferred: if said { Vec::new() } else { vec!["description".into()] },
            ..Header::default()
        };
        self.add_header(header, example_value);
    }

    /// Adds a header with the role its name suggests (see [`Self::with_its_role`]).
    pub(super) fn add_header(&mut self, header: Header, example_value: Option<&str>) {
        let header = self.with_its_role(header, example_value);
        self.headers.push(header);
    }

    /// `header` with the role its name suggests (unless another header has that role): for
    /// `Retry-After` its format from the value an example sends, for a rate limit's reset
    /// whether its description speaks of the epoch.
    fn with_its_role(&mut self, mut header: Header, example_value: Option<&str>) -> Header {
        let bare = names::bare(&header.name);
        let named = role_named(&bare);
        // (Or a wait the prose says to keep, in a header named otherwise: "wait as many seconds
        // as `X-Rate-Limited-For` says".)
        let wait = || self.waits_said.contains(&header.name).then_some(HeaderRole::RetryAfter);
        let role = named.or_else(|| limit_figure_said(&bare, &header.description)).or_else(wait);
        // A role its name gives a header is taken from one that had it from a description it
        // shares with others (RingCentral's `X-Rate-Limit-Group`, in a line about `-Remaining`).
        if let Some(role) = named {
            let said_only = |h: &Header| h.role == Some(role) && role_named(&names::bare(&h.name)).is_none();
            if let Some(holder) = self.headers.iter_mut().find(|h| said_only(h)) {
                holder.role = None;
                holder.formats.clear();
                holder.inferred.retain(|fact| fact != "formats");
            }
        }
        header.role = role.filter(|role| !self.headers.iter().any(|h| h.role == Some(*role)));
        match header.role {
            Some(HeaderRole::RetryAfter) => {
                // From the value an example sends, else from what the page says of it.
                let said = header.description.to_lowercase();
                header.formats.push(match example_value {
                    Some(value) => header_wait_format(&header, value),
                    None if in_milliseconds(&header) => RetryAfterFormat::DelayMilliseconds,
                    None if speaks_of_iso8601(&said) => RetryAfterFormat::Iso8601,
                    None if said.contains("http-date") || said.contains("http date") || said.contains(" date") => {
                        RetryAfterFormat::HttpDate
                    }
                    None => RetryAfterFormat::DelaySeconds,
                });
                header.inferred.push("formats".into());
            }
            Some(HeaderRole::RateLimitReset) => {
                let description = header.description.to_lowercase();
                // (A number too small to be a moment this century, Moveworks's `18` "in UTC epoch
                // seconds", counts what is left: the value says what the words do not.)
                let counts_down =
                    example_value.is_some_and(|v| (1..9).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit()));
                let format = if let Some(format) = example_value.and_then(reset_format) {
                    format
                } else if counts_down {
                    match in_milliseconds(&header) {
                        true => RetryAfterFormat::DelayMilliseconds,
                        false => RetryAfterFormat::DelaySeconds,
                    }
                } else if description.contains("epoch")
                    || description.contains("unix")
                    // (A bare "timestamp" of a reset is the epoch's: BuildPass's.)
                    || (description.contains("timestamp")
                        && !speaks_of_iso8601(&description)
                        && !description.contains("http-date"))
                {
                    match description.contains("millisecond") {
                        true => RetryAfterFormat::EpochMilliseconds,
                        false => RetryAfterFormat::EpochSeconds,
                    }
                } else if speaks_of_iso8601(&description) {
                    RetryAfterFormat::Iso8601
                } else if description.contains("http-date") || description.contains("http date") {
                    RetryAfterFormat::HttpDate
                } else if in_milliseconds(&header) {
                    // (BigCommerce's `X-Rate-Limit-Time-Reset-Ms`: milliseconds left.)
                    RetryAfterFormat::DelayMilliseconds
                } else {
                    RetryAfterFormat::DelaySeconds
                };
                header.formats.push(format);
                header.inferred.push("formats".into());
            }
            _ => {}
        }
        header
    }

    /// Header names the prose (or a table's cell) gives in code spans (`Retry-After`), described
    /// by their sentence.
    pub(super) fn prose_headers(&mut self) {
        let mut found = Vec::new();
        for (index, section) in self.page.sections.iter().enumerate() {
            // The prose, and the cells of its tables after their first column (Printful's
            // `429` row: "wait the seconds in `Retry-After`"), where a cell writes them as code
            // (a status's name, `Sub-Request Failed`, is none), or names a header clients know
            // (Salty's "read Retry-After (429)"). An `x-` name in code is one too.
            let cells = section.tables.iter().flat_map(|table| &table.rows).flat_map(|row| row.iter().skip(1));
            let lines = (section.prose.iter().map(|line| (line, header_names(line).collect::<Vec<_>>())))
                .chain(cells.map(|cell| (cell, headers_in_cell(cell))));
            for (line, mut names) in lines {
                names.extend(code_spans(line).filter(|span| is_extension_header(span)));
                for name in names.into_iter().filter(|name| !is_framing_header(name)) {
                    found.push((name.to_string(), line.clone(), self.section_ids[index].clone()));
                }
            }
        }
        for (name, line, section) in found {
            self.ensure_header(&name, (&line, false), &section, None);
        }
    }
}

/// Every object `json` is or holds, at any depth, through lists.
fn objects_in<'v>(json: &'v Value, out: &mut Vec<&'v Map<String, Value>>) {
    match json {
        Value::Object(members) => {
            out.push(members);
            members.values().for_each(|value| objects_in(value, out));
        }
        Value::Array(items) => items.iter().for_each(|item| objects_in(item, out)),
        _ => {}
    }
}

/// What a draft says of a header an example shows and the page does not describe.
fn sent_with_examples(name: &str) -> String {
    format!("Sent with the page's example responses (`{name}`).")
}

/// The headers a table's cell names: in code (`` `Retry-After` ``, not a status's name in code,
/// `Sub-Request Failed`), or bare where clients know the header (Salty's "read Retry-After").
fn headers_in_cell(cell: &str) -> Vec<&str> {
    let spanned = code_spans(cell).filter(|span| header_names(span).eq([*span]));
    let known = header_names(cell).filter(|name| super::cells::is_known_header_cell(name));
    let mut names: Vec<&str> = spanned.chain(known).collect();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::{headers_in_cell, retry_after_format};

    #[test]
    fn a_cell_names_a_header_in_code_or_one_clients_know() {
        assert_eq!(headers_in_cell("The bucket is empty; read Retry-After (429)"), ["Retry-After"]);
        assert_eq!(headers_in_cell("Wait the seconds in `X-Wait-For`"), ["X-Wait-For"]);
        assert_eq!(headers_in_cell("A Sub-Request Failed"), Vec::<&str>::new(), "a status's name");
    }
    use crate::model::RetryAfterFormat;

    #[test]
    fn a_rate_limit_header_names_its_figure_before_or_after_what_it_counts() {
        use crate::model::HeaderRole;
        for (rest, role) in [
            ("limit", Some(HeaderRole::RateLimitLimit)),
            ("max", Some(HeaderRole::RateLimitLimit)),
            ("resetrequests", Some(HeaderRole::RateLimitReset)),
            ("requestsremaining", Some(HeaderRole::RateLimitRemaining)),
            ("", None),
            ("policy", None),
        ] {
            assert_eq!(super::rate_limit_figure(rest), role, "{rest}");
        }
    }

    #[test]
    fn a_limit_header_named_without_its_figure_is_read_by_its_description() {
        use crate::model::HeaderRole;
        for (bare, said, role) in [
            ("xdiscogsratelimit", "The requests you may send in a minute.", Some(HeaderRole::RateLimitLimit)),
            ("xdiscogsratelimitremaining", "The requests you may still send.", Some(HeaderRole::RateLimitRemaining)),
            ("xremainingthissecond", "The requests left this second.", Some(HeaderRole::RateLimitRemaining)),
            ("xbapilimitresettimestamp", "When the window resets.", Some(HeaderRole::RateLimitReset)),
            ("xcontenttypeoptions", "The requests left this second.", None),
            ("xapiquotaused", "The points used today, and what is left.", None),
            ("xapiquotaleft", "The points used today, and what is left.", Some(HeaderRole::RateLimitRemaining)),
            ("xcurrenttokencount", "Calls left in the current window.", Some(HeaderRole::RateLimitRemaining)),
            ("xnextreplenishmenttime", "When the window refills.", Some(HeaderRole::RateLimitReset)),
            ("recurlytotalrecords", "The time the window resets.", None),
        ] {
            assert_eq!(super::limit_figure_said(bare, said), role, "{bare}");
        }
    }

    #[test]
    fn a_reset_value_says_its_form_where_it_alone_can() {
        use super::reset_format;
        assert_eq!(reset_format("6m0s"), Some(RetryAfterFormat::Duration));
        assert_eq!(reset_format("1.5s"), Some(RetryAfterFormat::Duration));
        assert_eq!(reset_format("1701424860"), Some(RetryAfterFormat::EpochSeconds));
        assert_eq!(reset_format("1470173023.123"), Some(RetryAfterFormat::EpochSeconds));
        assert_eq!(reset_format("2024-12-01T09:00:00Z"), Some(RetryAfterFormat::Iso8601));
        // Seconds to wait, or a moment: the page's words tell.
        assert_eq!(reset_format("60"), None);
        assert_eq!(reset_format("soon"), None);
    }

    #[test]
    fn a_retry_after_value_says_its_form() {
        assert_eq!(retry_after_format("120"), RetryAfterFormat::DelaySeconds);
        assert_eq!(retry_after_format("2.0"), RetryAfterFormat::DelaySeconds);
        // "GMT" holds a `T`: an HTTP-date is not taken for ISO 8601.
        assert_eq!(retry_after_format("Wed, 21 Oct 2015 07:28:00 GMT"), RetryAfterFormat::HttpDate);
        assert_eq!(retry_after_format("2024-12-01T09:00:00Z"), RetryAfterFormat::Iso8601);
    }
}
