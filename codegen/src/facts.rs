//! Named facts of catalog entries, as used by source-table cell templates (`{code}`,
//! `{description}`, ...). Validation checks every placeholder names a fact that each row has,
//! and fills the cells in for the resolved model.

use crate::model::{Api, Field, FieldType, Header, Status, StatusClassEntry, TableRows, VocabularyValue};

/// Facts a table row of each kind offers, for placeholders and for `inferred:` lists.
pub const STATUS_FACTS: &[&str] =
    &["code", "reason", "description", "action", "when_used", "class", "retryable", "retryable_said", "url", "group"];
pub const VALUE_FACTS: &[&str] = &[
    "value",
    "description",
    "title",
    "kind",
    "category",
    "statuses",
    "statuses_said",
    "action",
    "message",
    "user_message",
    "retryable",
    "retryable_said",
    "link",
    "url",
];
pub const FIELD_FACTS: &[&str] = &[
    "name",
    "path",
    "type",
    "type_format",
    "type_said",
    "required",
    "presence",
    "nullable",
    "format",
    "description",
    "example",
];
pub const HEADER_FACTS: &[&str] = &["name", "description", "type", "type_said", "example"];

pub fn facts_for(rows: &TableRows) -> &'static [&'static str] {
    match rows {
        TableRows::Statuses => STATUS_FACTS,
        TableRows::Vocabulary(_) => VALUE_FACTS,
        TableRows::Body(_) => FIELD_FACTS,
        TableRows::Headers => HEADER_FACTS,
    }
}

fn yes_no(b: bool) -> String {
    if b { "yes" } else { "no" }.to_string()
}

/// The text of a fact, or `None` when the entry does not have it.
pub fn status_fact(status: &Status, name: &str) -> Option<String> {
    match name {
        "code" => Some(status.code.to_string()),
        "reason" => status.reason_phrase().map(str::to_string),
        "description" => Some(status.description.clone()),
        "action" => status.action.clone(),
        "when_used" => status.when_used.clone(),
        "class" => Some(crate::model::status_class(status.code).to_string()),
        "retryable" => status.retryable.map(yes_no),
        "retryable_said" => status.retryable_said.clone(),
        "url" => status.url.clone(),
        "group" => status.group.clone(),
        _ => None,
    }
}

/// The fact a row of each kind is keyed by: what a table's `join` writes once per entry.
pub fn key_fact(rows: &TableRows) -> &'static str {
    match rows {
        TableRows::Statuses => "code",
        TableRows::Vocabulary(_) => "value",
        TableRows::Body(_) | TableRows::Headers => "name",
    }
}

/// The text of a fact of a class entry (a `5xx` row): its `code` is the class as written.
pub fn status_class_fact(entry: &StatusClassEntry, name: &str) -> Option<String> {
    match name {
        "code" => Some(entry.class.clone()),
        "reason" => entry.reason.clone(),
        "description" => Some(entry.description.clone()),
        "action" => entry.action.clone(),
        "when_used" => entry.when_used.clone(),
        "class" => entry.status_class().map(|class| class.label().to_string()),
        "retryable" => entry.retryable.map(yes_no),
        "url" => entry.url.clone(),
        _ => None,
    }
}

pub fn value_fact(value: &VocabularyValue, name: &str) -> Option<String> {
    match name {
        "value" => Some(value.value.clone()),
        "description" => value.description.clone(),
        "title" => value.title.clone(),
        "kind" => value.kind.clone(),
        "category" => value.category.clone(),
        // Tables write several statuses in one cell as `500/503`.
        "statuses" if !value.statuses.is_empty() => {
            Some(value.statuses.iter().map(u16::to_string).collect::<Vec<_>>().join("/"))
        }
        "statuses_said" => value.statuses_said.clone(),
        "action" => value.action.clone(),
        "message" => value.message.clone(),
        "user_message" => value.user_message.clone(),
        "retryable" => value.retryable.map(yes_no),
        "retryable_said" => value.retryable_said.clone(),
        "link" => value.link.clone(),
        "url" => value.url.clone(),
        WRITTEN_PLAIN => value.plain.then(|| "yes".to_string()),
        _ => None,
    }
}

/// No placeholder: a row whose facts answer it (a family written as plain words, `plain: true`)
/// writes its key cell without the marks its column writes the others in.
pub const WRITTEN_PLAIN: &str = "plain";

/// `segments` without the marks (code, emphasis, quotes) on either side of the first `{key}`:
/// the cell of a row written as plain words (`(other)` where the others are `` `CODE` ``).
pub fn without_marks(segments: &[Segment], key: &str) -> Vec<Segment> {
    const MARKS: &[char] = &['`', '*', '_', '"'];
    let mut segments = segments.to_vec();
    let Some(at) = segments.iter().position(|s| matches!(s, Segment::Fact { name, .. } if name == key)) else {
        return segments;
    };
    if let Some(Segment::Text(before)) = at.checked_sub(1).and_then(|b| segments.get_mut(b)) {
        *before = before.trim_end_matches(MARKS).to_string();
    }
    if let Some(Segment::Text(after)) = segments.get_mut(at + 1) {
        *after = after.trim_start_matches(MARKS).to_string();
    }
    segments
}

pub fn field_fact(api: &Api, field: &Field, name: &str) -> Option<String> {
    match name {
        // (A member's path from its table's body, where the table lists those of the objects it
        // holds: its name, of the body's own.)
        "name" | "path" => Some(field.name.clone()),
        "type" => Some(json_type_name(api, &field.ty).to_string()),
        // (The type, then its format in angle brackets where it has one, as references drawn
        // from OpenAPI write them: `string<uri>`.)
        "type_format" => Some(match field.format {
            Some(format) => format!("{}<{}>", json_type_name(api, &field.ty), format.name()),
            None => json_type_name(api, &field.ty).to_string(),
        }),
        "type_said" => field.type_said.clone(),
        "example" => field.example.clone(),
        "required" => Some(yes_no(field.required)),
        "presence" => field.presence.clone(),
        "nullable" => Some(yes_no(field.nullable)),
        "format" => field.format.map(|f| f.name().to_string()),
        "description" => Some(field.description.clone()),
        _ => None,
    }
}

pub fn header_fact(header: &Header, name: &str) -> Option<String> {
    match name {
        "name" => Some(header.name.clone()),
        "description" => Some(header.description.clone()),
        "type" => Some(header.value_type.name().to_string()),
        "type_said" => header.type_said.clone(),
        "example" => header.example.clone(),
        _ => None,
    }
}

/// The JSON type a field has on the wire (a string for a vocabulary the catalog lacks).
pub fn json_type_name(api: &Api, ty: &FieldType) -> &'static str {
    match ty {
        FieldType::Vocabulary(name) => api.vocabulary(name).map_or("string", |v| v.wire_type.name()),
        FieldType::String => "string",
        FieldType::Integer => "integer",
        FieldType::Number => "number",
        FieldType::Boolean => "boolean",
        FieldType::Any => "any",
        FieldType::Object(_) | FieldType::Union(_) | FieldType::Map(_) => "object",
        FieldType::Array(_) => "array",
    }
}

/// A piece of a cell template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    /// `{name}`, or `{name?}` / `{name?text}`: optional, with what a row without the fact shows;
    /// `{name:form}` writes the fact the document's way (see [`written`]); `{name|other}`
    /// writes the first of the facts the row has (`{group|reason}`), listed in `or`.
    Fact {
        name: String,
        form: Option<String>,
        otherwise: Option<String>,
        or: Vec<String>,
    },
}

impl Segment {
    /// The facts a placeholder may write, the first the row has: its name, then `or`.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        let (name, or) = match self {
            Segment::Fact { name, or, .. } => (Some(name.as_str()), or.as_slice()),
            Segment::Text(_) => (None, &[][..]),
        };
        name.into_iter().chain(or.iter().map(String::as_str))
    }
}

/// Facts in the document's own words (`statuses_said`, `retryable_said`, `type_said`), written as
/// they are, whatever form the fact they stand in for takes.
fn in_own_words(name: &str) -> bool {
    name.ends_with("_said")
}

/// Facts that are yes or no: a form writes them as the document does (`{retryable:Yes/No}`,
/// `{required:✓/✗}`).
const YES_NO_FACTS: &[&str] = &["retryable", "required", "nullable"];

/// Whether the fact `name` has forms of being written (`{retryable:Yes/No}`); a placeholder's
/// other facts that have none are written as they are (`{statuses:reason|description}`).
pub fn takes_forms(name: &str) -> bool {
    YES_NO_FACTS.contains(&name) || in_own_words(name) || ["statuses", "code", "value", "type"].contains(&name)
}

/// Why `form` cannot write the fact `name`, if it cannot.
pub fn form_problem(name: &str, form: &str) -> Option<String> {
    if YES_NO_FACTS.contains(&name) {
        let words: Vec<&str> = form.split('/').collect();
        return (words.len() != 2)
            .then(|| format!("`{{{name}:{form}}}` needs the words for yes and no: `{{{name}:Yes/No}}`"));
    }
    // (`statuses_said` is written as the document words it, whatever form the `statuses` it
    // stands in for take: `{statuses_said|statuses:, }`.)
    if name == "statuses" || name == "code" || in_own_words(name) {
        return None;
    }
    if name == "value" {
        return (form != MINUS_SIGN).then(|| {
            format!("`value` has one form, `{{value:{MINUS_SIGN}}}` (a negative code written with the minus sign, `−32700`)")
        });
    }
    if name == "type" {
        return (form != CAPITALIZED)
            .then(|| format!("`type` has one form, `{{type:{CAPITALIZED}}}` (`Integer` for `integer`)"));
    }
    let yes_no: Vec<String> = YES_NO_FACTS.iter().map(|f| format!("`{f}`")).collect();
    Some(format!(
        "`{name}` has one way of being written; a form applies to {}, `statuses`, `code`, `value` and `type`",
        yes_no.join(", ")
    ))
}

/// The form of a negative integer code written with the minus sign U+2212 (`−32700`), as typeset
/// documents write it, rather than the hyphen the wire sends.
pub const MINUS_SIGN: &str = "\u{2212}";

/// The form of a field's `type` written with a capital (`Integer`), as some tables write it.
pub const CAPITALIZED: &str = "Capitalized";

/// A status's reason phrase, as a catalog gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    pub text: String,
    /// The catalog states it (rather than taking RFC 9110's).
    pub stated: bool,
}

/// A fact's text written in `form`: yes/no facts as the form's words (`Yes/No`); a value's
/// `statuses` joined by the form (`, ` rather than `/`), or each with its reason phrase (`reason`:
/// `400 Bad Request`, the phrase `reason_of` gives; `: reason`: `400: Bad Request`, the text
/// before `reason` between them; `: stated reason`: so only where the catalog states the phrase,
/// the bare code elsewhere, as a page that writes `400: Bad Request` and `404` in one column); a
/// status's `code` likewise.
pub fn written(name: &str, text: String, form: Option<&str>, reason_of: &dyn Fn(u16) -> Option<Phrase>) -> String {
    let Some(form) = form.filter(|_| !in_own_words(name) && takes_forms(name)) else { return text };
    if YES_NO_FACTS.contains(&name) {
        let (yes, no) = form.split_once('/').unwrap_or((form, ""));
        return if text == "yes" { yes.to_string() } else { no.to_string() };
    }
    if name == "value" && form == MINUS_SIGN {
        return match text.strip_prefix('-') {
            Some(digits) => format!("{MINUS_SIGN}{digits}"),
            None => text,
        };
    }
    if name == "type" && form == CAPITALIZED {
        let mut chars = text.chars();
        return chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default();
    }
    let codes = text.split('/');
    // (Text may close the phrase: ` (reason)` writes `401 (Unauthorized)`.)
    if let Some((before, after)) =
        form.rsplit_once("reason").filter(|(_, after)| !after.contains(char::is_alphanumeric))
    {
        let (between, stated_only) = match before.strip_suffix("stated ") {
            Some(between) => (between, true),
            None => (before, false),
        };
        let between = if between.is_empty() { " " } else { between };
        let with_reason = |code: &str| match code.parse().ok().and_then(reason_of) {
            Some(reason) if reason.stated || !stated_only => format!("{code}{between}{}{after}", reason.text),
            _ => code.to_string(),
        };
        return codes.map(with_reason).collect::<Vec<_>>().join(", ");
    }
    codes.collect::<Vec<_>>().join(form)
}

/// Splits `"`{code} {reason}`"` into text and `{fact}` placeholders. `{{` and `}}` stand for
/// literal braces. `{fact?}` is optional (an empty cell where a row lacks the fact), and
/// `{fact?text}` shows `text` there instead; `{fact|other}` writes the first the row has. In a
/// placeholder, `\?` is a `?` of its form or text (`{required:/\?}` writes `?` after a member
/// sent only sometimes, as TypeScript marks one).
pub fn parse_template(template: &str) -> Result<Vec<Segment>, String> {
    // (Stands for an escaped `?` while the placeholder is split; no template holds it.)
    const QUESTION: char = '\u{1}';
    let mut segments = Vec::new();
    let mut text = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '{' => {
                let mut name = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some('\\') if chars.peek() == Some(&'?') => {
                            chars.next();
                            name.push(QUESTION);
                        }
                        Some(c) => name.push(c),
                        None => return Err(format!("`{{{name}` is not closed with `}}`")),
                    }
                }
                if !text.is_empty() {
                    segments.push(Segment::Text(std::mem::take(&mut text)));
                }
                let unescaped = |text: &str| text.replace(QUESTION, "?");
                let (name, otherwise) = match name.split_once('?') {
                    Some((name, otherwise)) => (name.to_string(), Some(unescaped(otherwise))),
                    None => (name, None),
                };
                let (name, form) = match name.split_once(':') {
                    Some((name, form)) => (name.to_string(), Some(unescaped(form))),
                    None => (name, None),
                };
                let mut names = name.split('|').map(str::to_string);
                let name = names.next().unwrap_or_default();
                segments.push(Segment::Fact { name, form, otherwise, or: names.collect() });
            }
            '}' => return Err("a lone `}` (write `}}` for a literal brace)".into()),
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        segments.push(Segment::Text(text));
    }
    Ok(segments)
}

/// Fills a parsed template; `None` when a fact is missing. A status written with its reason
/// gets the phrase `reason_of` gives (the catalog's own, where a document writes `413 Payload
/// Too Large`).
pub fn fill(
    segments: &[Segment],
    fact: impl Fn(&str) -> Option<String>,
    reason_of: &dyn Fn(u16) -> Option<Phrase>,
) -> Option<String> {
    let mut out = String::new();
    for segment in segments {
        match segment {
            Segment::Text(text) => out.push_str(text),
            Segment::Fact { form, otherwise, .. } => {
                let found = segment.names().find_map(|name| Some((name, fact(name)?)));
                let text = found.map(|(name, text)| written(name, text, form.as_deref(), reason_of));
                out.push_str(&text.or_else(|| otherwise.clone())?)
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 9110's phrase, as a catalog without phrases of its own gives it.
    fn standard(code: u16) -> Option<Phrase> {
        crate::model::standard_reason(code).map(|text| Phrase { text: text.to_string(), stated: false })
    }

    #[test]
    fn templates_split_into_text_and_facts() {
        assert_eq!(
            parse_template("`{code} {reason}`").unwrap(),
            vec![
                Segment::Text("`".into()),
                Segment::Fact { name: "code".into(), form: None, otherwise: None, or: vec![] },
                Segment::Text(" ".into()),
                Segment::Fact { name: "reason".into(), form: None, otherwise: None, or: vec![] },
                Segment::Text("`".into()),
            ]
        );
        assert_eq!(
            parse_template("{action?}|{action?—}").unwrap(),
            vec![
                Segment::Fact { name: "action".into(), form: None, otherwise: Some(String::new()), or: vec![] },
                Segment::Text("|".into()),
                Segment::Fact { name: "action".into(), form: None, otherwise: Some("—".into()), or: vec![] },
            ]
        );
        let segments = parse_template("[{action?none}]").unwrap();
        assert_eq!(fill(&segments, |_| None, &standard).as_deref(), Some("[none]"));
        assert_eq!(fill(&segments, |_| Some("Retry".into()), &standard).as_deref(), Some("[Retry]"));
        assert_eq!(fill(&parse_template("{action}").unwrap(), |_| None, &standard), None);
        assert_eq!(parse_template("{{x}}").unwrap(), vec![Segment::Text("{x}".into())]);
        assert!(parse_template("{code").is_err());
        // Forms: yes/no in the document's words, statuses joined its way or with reasons.
        let retry = parse_template("{retryable:Yes/No?—}").unwrap();
        assert_eq!(fill(&retry, |_| Some("yes".into()), &standard).as_deref(), Some("Yes"));
        assert_eq!(fill(&retry, |_| Some("no".into()), &standard).as_deref(), Some("No"));
        assert_eq!(fill(&retry, |_| None, &standard).as_deref(), Some("—"));
        // A `?` of a form, escaped: a name marked optional as TypeScript marks one (`data?`).
        let marked = parse_template("{name}{required:/\\?}").unwrap();
        let facts =
            |required: &'static str| move |f: &str| Some(if f == "name" { "data".into() } else { required.into() });
        assert_eq!(fill(&marked, facts("no"), &standard).as_deref(), Some("data?"));
        assert_eq!(fill(&marked, facts("yes"), &standard).as_deref(), Some("data"));
        assert!(form_problem("required", "/?").is_none());
        let statuses = |form: &str| fill(&parse_template(form).unwrap(), |_| Some("401/403".into()), &standard);
        assert_eq!(statuses("{statuses:, }").as_deref(), Some("401, 403"));
        assert_eq!(statuses("{statuses:reason}").as_deref(), Some("401 Unauthorized, 403 Forbidden"));
        assert!(form_problem("retryable", "Yes").is_some());
        assert!(form_problem("description", "x").is_some());
        assert!(form_problem("required", "✓/✗").is_none());
        // The catalog's phrase, where it has one of its own.
        let own = |_: u16| Some(Phrase { text: "Payload Too Large".into(), stated: true });
        let reason = parse_template("{statuses:reason}").unwrap();
        assert_eq!(fill(&reason, |_| Some("413".into()), &own).as_deref(), Some("413 Payload Too Large"));
        // After another separator, and only where the catalog states the phrase.
        assert_eq!(statuses("{statuses:: reason}").as_deref(), Some("401: Unauthorized, 403: Forbidden"));
        assert_eq!(statuses("{statuses:: stated reason}").as_deref(), Some("401, 403"));
        assert_eq!(statuses("{statuses: (reason)}").as_deref(), Some("401 (Unauthorized), 403 (Forbidden)"));
        let stated = |code: u16| standard(code).map(|phrase| Phrase { stated: code == 401, ..phrase });
        let mixed = fill(&parse_template("{statuses:: stated reason}").unwrap(), |_| Some("401/403".into()), &stated);
        assert_eq!(mixed.as_deref(), Some("401: Unauthorized, 403"));
        let ty = parse_template("{type:Capitalized}").unwrap();
        assert_eq!(fill(&ty, |_| Some("integer".into()), &standard).as_deref(), Some("Integer"));
        assert!(form_problem("type", "Capitalized").is_none());
        // A negative code with the minus sign, a positive one as it is.
        let minus = parse_template("{value:\u{2212}}").unwrap();
        assert_eq!(fill(&minus, |_| Some("-32700".into()), &standard).as_deref(), Some("\u{2212}32700"));
        assert_eq!(fill(&minus, |_| Some("14000".into()), &standard).as_deref(), Some("14000"));
        assert!(form_problem("value", "-").is_some());
        assert!(form_problem("type", "upper").is_some());
        assert!(parse_template("a}b").is_err());
        // A row written as plain words: its key without the marks around it, nothing else.
        let marked = parse_template("`{value}` ({statuses:, })").unwrap();
        let plain = |f: &str| Some(if f == "value" { "(other)".into() } else { "200".into() });
        assert_eq!(fill(&without_marks(&marked, "value"), plain, &standard).as_deref(), Some("(other) (200)"));
        assert_eq!(without_marks(&marked, "code"), marked, "no such placeholder: as it was");
        // The first fact the row has.
        let label = parse_template("{code} - {group|reason}").unwrap();
        let group = |name: &str| match name {
            "code" => Some("500".to_string()),
            "group" => Some("Server Errors".to_string()),
            "reason" => Some("Internal Server Error".to_string()),
            _ => None,
        };
        assert_eq!(fill(&label, group, &standard).as_deref(), Some("500 - Server Errors"));
        let reason = |name: &str| if name == "group" { None } else { group(name) };
        assert_eq!(fill(&label, reason, &standard).as_deref(), Some("500 - Internal Server Error"));
        assert_eq!(fill(&label, |name| (name == "code").then(|| "500".to_string()), &standard), None);
    }
}
