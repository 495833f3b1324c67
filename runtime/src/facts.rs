//! The facts of a body (its error code, hint, message, request id, wait and support reference),
//! found at the paths the API's model gives, whether or not the body decoded.

use crate::model::{FieldRole, ANY_ELEMENT, EACH_ELEMENT};
use crate::retry_after::{RetryAfter, RetryAfterFormat};
use serde_json::Value;
use std::time::Duration;

/// The facts found in a body, whether or not it decoded.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct BodyFacts {
    pub(crate) code: Option<String>,
    pub(crate) hint: Option<String>,
    pub(crate) message: Option<String>,
    pub(crate) request_id: Option<String>,
    pub(crate) retry_after: Option<RetryAfter>,
    pub(crate) support_reference: Option<String>,
    /// Every code at the paths through any element ([`ANY_ELEMENT`]), in body order: the values
    /// rules read beside `code`. Empty for a model without such paths.
    pub(crate) every_code: Vec<String>,
    /// Every hint at the paths through any element, likewise.
    pub(crate) every_hint: Vec<String>,
}

/// The body as a `Value`.
pub(crate) fn parse_json(body: &[u8]) -> Result<Value, serde_json::Error> {
    serde_json::from_slice(body)
}

/// A body of an API that sends plain text: a JSON object as such, and any other body as the one
/// value its text is, without the ASCII white space around it (invalid UTF-8 replaced), as a
/// JSON string.
pub(crate) fn object_or_text(body: &[u8]) -> Value {
    match parse_json(body) {
        Ok(object @ Value::Object(_)) => object,
        _ => Value::String(String::from_utf8_lossy(body).trim_matches(|c: char| c.is_ascii_whitespace()).to_owned()),
    }
}

/// The facts found by path in a `Value` of the body.
pub(crate) fn facts_of_value(
    json: &Value,
    fields: &[(FieldRole, &[&str])],
    wait_formats: &[RetryAfterFormat],
) -> BodyFacts {
    let found = fields.iter().filter_map(|(role, path)| Some((*role, scalar_at(json, path)?)));
    body_facts(found, wait_formats)
}

/// The string or number at `path` in `json`: each key an object's member, and
/// [`EACH_ELEMENT`] (in an array) the first element where the rest of the path reaches one.
pub(crate) fn scalar_at<'v>(json: &'v Value, path: &[&str]) -> Option<&'v Value> {
    match (path.split_first(), json) {
        (None, Value::String(_) | Value::Number(_)) => Some(json),
        (None, _) => None,
        (Some((&(EACH_ELEMENT | ANY_ELEMENT), rest)), Value::Array(elements)) => {
            elements.iter().find_map(|element| scalar_at(element, rest))
        }
        (Some((key, rest)), Value::Object(members)) => scalar_at(members.get(*key)?, rest),
        (Some(_), _) => None,
    }
}

/// Every string or number at `path` in `json`, in body order: at [`ANY_ELEMENT`] those of each
/// element, at [`EACH_ELEMENT`] those of the first element that has any.
fn scalars_at<'v>(json: &'v Value, path: &[&str], out: &mut Vec<&'v Value>) {
    match (path.split_first(), json) {
        (None, Value::String(_) | Value::Number(_)) => out.push(json),
        (Some((&ANY_ELEMENT, rest)), Value::Array(elements)) => {
            elements.iter().for_each(|element| scalars_at(element, rest, out));
        }
        (Some((&EACH_ELEMENT, rest)), Value::Array(elements)) => {
            for element in elements {
                let before = out.len();
                scalars_at(element, rest, out);
                if out.len() > before {
                    return;
                }
            }
        }
        (Some((key, rest)), Value::Object(members)) => {
            if let Some(member) = members.get(*key) {
                scalars_at(member, rest, out);
            }
        }
        _ => {}
    }
}

/// Fills the codes and hints rules read in every element, from the paths through
/// [`ANY_ELEMENT`].
pub(crate) fn every_element_facts(json: &Value, fields: &[(FieldRole, &[&str])], facts: &mut BodyFacts) {
    for (role, path) in fields.iter().filter(|(_, path)| path.contains(&ANY_ELEMENT)) {
        let slot = match role {
            FieldRole::Code => &mut facts.every_code,
            FieldRole::Hint => &mut facts.every_hint,
            _ => continue,
        };
        let mut found = Vec::new();
        scalars_at(json, path, &mut found);
        slot.extend(found.into_iter().filter_map(text));
    }
}

/// The facts of the values found along the model's field paths, in the model's order (the
/// first path that gives a fact wins).
fn body_facts<'v>(found: impl Iterator<Item = (FieldRole, &'v Value)>, wait_formats: &[RetryAfterFormat]) -> BodyFacts {
    let mut facts = BodyFacts::default();
    for (role, value) in found {
        match role {
            FieldRole::Code => fill(&mut facts.code, text(value)),
            FieldRole::Hint => fill(&mut facts.hint, text(value)),
            FieldRole::Message => fill(&mut facts.message, text(value)),
            FieldRole::RequestId => fill(&mut facts.request_id, text(value)),
            FieldRole::SupportReference => fill(&mut facts.support_reference, text(value)),
            FieldRole::RetryAfter => {
                if facts.retry_after.is_none() {
                    facts.retry_after = wait(value, wait_formats);
                }
            }
        }
    }
    facts
}

fn fill(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value;
    }
}

/// A string, or a number (an integer code, or one sent where a string was documented); nothing
/// else.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number_text(number)),
        _ => None,
    }
}

/// A number as text: a whole number within 64 bits as its digits, however it is written
/// (`20429.0` is the code 20429, as JSON means it and as JavaScript reads it), any other as
/// serde_json writes it (an integer's digits already).
pub(crate) fn number_text(number: &serde_json::Number) -> String {
    match number.as_f64() {
        // The bounds are exactly 2^63 and -2^63, so the cast is exact and never saturates.
        Some(float)
            if number.is_f64()
                && float.fract() == 0.0
                && (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&float) =>
        {
            (float as i64).to_string()
        }
        _ => number.to_string(),
    }
}

/// A wait in the first of `formats` that reads the value: a number of seconds or milliseconds
/// (fractions too) or of seconds since the epoch, or text as a header sends it (`"45"`,
/// `"1.5s"`, a date); huge values saturate.
pub(crate) fn wait(value: &Value, formats: &[RetryAfterFormat]) -> Option<RetryAfter> {
    match value {
        Value::Number(number) => {
            let amount = number.as_f64().filter(|f| *f >= 0.0)?;
            let delay = |seconds: f64| RetryAfter::Delay(Duration::try_from_secs_f64(seconds).unwrap_or(Duration::MAX));
            formats.iter().find_map(|format| match format {
                RetryAfterFormat::DelaySeconds => Some(match number.as_u64() {
                    Some(whole) => RetryAfter::Delay(Duration::from_secs(whole)),
                    None => delay(amount),
                }),
                RetryAfterFormat::DelayMilliseconds => Some(delay(amount / 1000.0)),
                RetryAfterFormat::EpochSeconds | RetryAfterFormat::EpochMilliseconds => {
                    RetryAfter::of_number(number.as_u64()?, &[*format])
                }
                _ => None,
            })
        }
        Value::String(text) => RetryAfter::parse(text, formats),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_codes_of_every_element_are_read_through_any_element_only() {
        let json: Value = serde_json::json!({
            "errors": [{ "code": "invalid" }, { "field": "x" }, { "code": 422 }, { "code": "already_exists" }],
            "detail": [{ "reason": "A" }, { "reason": "B" }],
        });
        let fields: &[(FieldRole, &[&str])] = &[
            (FieldRole::Code, &["errors", ANY_ELEMENT, "code"]),
            (FieldRole::Hint, &["detail", EACH_ELEMENT, "reason"]),
        ];
        let mut facts = facts_of_value(&json, fields, &[]);
        every_element_facts(&json, fields, &mut facts);
        assert_eq!(facts.code.as_deref(), Some("invalid"));
        assert_eq!(facts.every_code, ["invalid", "422", "already_exists"]);
        // `[]` is the first element's alone: nothing more to read.
        assert_eq!((facts.hint.as_deref(), facts.every_hint.len()), (Some("A"), 0));
    }

    #[test]
    fn a_whole_number_is_its_digits_however_it_is_written() {
        let read = |json: &str| number_text(&serde_json::from_str(json).unwrap());
        assert_eq!(read("20429"), "20429");
        assert_eq!(read("20429.0"), "20429");
        assert_eq!(read("-1.0"), "-1");
        assert_eq!(read("2.0429e4"), "20429");
        assert_eq!(read("18446744073709551615"), "18446744073709551615");
        assert_eq!(read("-9223372036854775808.0"), "-9223372036854775808");
        // Not whole, or past 64 bits as a float: as serde_json writes it, which no code matches.
        assert_eq!(read("20429.5"), "20429.5");
        assert_eq!(read("1e19"), "1e+19");
    }
}
