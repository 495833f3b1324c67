//! Named facts of catalog entries, as used by source-table cell templates (`{code}`,
//! `{description}`, ...). Validation checks every placeholder names a fact that each row has,
//! and fills the cells in for the resolved model.

use crate::model::{Api, Field, FieldType, Status, TableRows, VocabularyValue};

/// Facts a table row of each kind offers, for placeholders and for `inferred:` lists.
pub const STATUS_FACTS: &[&str] = &["code", "reason", "description", "action", "when_used", "class", "retryable"];
pub const VALUE_FACTS: &[&str] = &[
    "value",
    "description",
    "title",
    "kind",
    "category",
    "statuses",
    "action",
    "message",
    "user_message",
    "retryable",
    "link",
];
pub const FIELD_FACTS: &[&str] = &["name", "type", "required", "nullable", "format", "description"];

pub fn facts_for(rows: &TableRows) -> &'static [&'static str] {
    match rows {
        TableRows::Statuses => STATUS_FACTS,
        TableRows::Vocabulary(_) => VALUE_FACTS,
        TableRows::Body(_) => FIELD_FACTS,
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
        "action" => value.action.clone(),
        "message" => value.message.clone(),
        "user_message" => value.user_message.clone(),
        "retryable" => value.retryable.map(yes_no),
        "link" => value.link.clone(),
        _ => None,
    }
}

pub fn field_fact(api: &Api, field: &Field, name: &str) -> Option<String> {
    match name {
        "name" => Some(field.name.clone()),
        "type" => Some(json_type_name(api, &field.ty).to_string()),
        "required" => Some(yes_no(field.required)),
        "nullable" => Some(yes_no(field.nullable)),
        "format" => field.format.map(|f| f.name().to_string()),
        "description" => Some(field.description.clone()),
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
    /// `{name}`, or `{name?}` / `{name?text}`: optional, with what a row without the fact shows.
    Fact {
        name: String,
        otherwise: Option<String>,
    },
}

/// Splits `"`{code} {reason}`"` into text and `{fact}` placeholders. `{{` and `}}` stand for
/// literal braces. `{fact?}` is optional (an empty cell where a row lacks the fact), and
/// `{fact?text}` shows `text` there instead.
pub fn parse_template(template: &str) -> Result<Vec<Segment>, String> {
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
                        Some(c) => name.push(c),
                        None => return Err(format!("`{{{name}` is not closed with `}}`")),
                    }
                }
                if !text.is_empty() {
                    segments.push(Segment::Text(std::mem::take(&mut text)));
                }
                let (name, otherwise) = match name.split_once('?') {
                    Some((name, otherwise)) => (name.to_string(), Some(otherwise.to_string())),
                    None => (name, None),
                };
                segments.push(Segment::Fact { name, otherwise });
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

/// Fills a parsed template; `None` when a fact is missing.
pub fn fill(segments: &[Segment], fact: impl Fn(&str) -> Option<String>) -> Option<String> {
    let mut out = String::new();
    for segment in segments {
        match segment {
            Segment::Text(text) => out.push_str(text),
            Segment::Fact { name, otherwise } => out.push_str(&fact(name).or_else(|| otherwise.clone())?),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_split_into_text_and_facts() {
        assert_eq!(
            parse_template("`{code} {reason}`").unwrap(),
            vec![
                Segment::Text("`".into()),
                Segment::Fact { name: "code".into(), otherwise: None },
                Segment::Text(" ".into()),
                Segment::Fact { name: "reason".into(), otherwise: None },
                Segment::Text("`".into()),
            ]
        );
        assert_eq!(
            parse_template("{action?}|{action?—}").unwrap(),
            vec![
                Segment::Fact { name: "action".into(), otherwise: Some(String::new()) },
                Segment::Text("|".into()),
                Segment::Fact { name: "action".into(), otherwise: Some("—".into()) },
            ]
        );
        let segments = parse_template("[{action?none}]").unwrap();
        assert_eq!(fill(&segments, |_| None).as_deref(), Some("[none]"));
        assert_eq!(fill(&segments, |_| Some("Retry".into())).as_deref(), Some("[Retry]"));
        assert_eq!(fill(&parse_template("{action}").unwrap(), |_| None), None);
        assert_eq!(parse_template("{{x}}").unwrap(), vec![Segment::Text("{x}".into())]);
        assert!(parse_template("{code").is_err());
        assert!(parse_template("a}b").is_err());
    }
}
