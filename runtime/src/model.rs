//! What the generated code builds on, rather than what clients call: each API's [`Model`] (where
//! its body keeps each fact, which headers matter, its recovery rules), the roles of body fields
//! and headers, decoding a body with its facts ([`DecodedBody`]), and [`CatalogEnum`], which
//! the catalog format and the code generator read the runtime's closed sets through.
//!
//! A client needs none of it to read a response and decide what to do: that is the crate root.

use crate::catalog_enum::catalog_enum;
use crate::recovery::RecoveryTable;
use crate::retry_after::RetryAfterFormat;
use serde_core::de::DeserializeOwned;
use std::time::Duration;

pub use crate::catalog_api::ReadResponse;

/// An enum whose values catalogs name: the one definition the catalog format, the generated
/// code and the exported recovery data share ([`RecoveryKind`](crate::RecoveryKind),
/// [`StatusClass`](crate::StatusClass), [`FieldRole`], ...). Every variant is in `ALL`, by
/// construction.
///
/// ```
/// use api_error_runtime::model::CatalogEnum;
/// use api_error_runtime::RecoveryKind;
///
/// let kind = RecoveryKind::from_name("retry_after_wait").unwrap();
/// assert_eq!(kind.variant_name(), "RetryAfterWait");
/// assert_eq!(RecoveryKind::NAMES.len(), <RecoveryKind as CatalogEnum>::ALL.len());
/// ```
pub trait CatalogEnum: Copy + Eq + std::fmt::Debug + 'static {
    /// The type's name in Rust, e.g. `RecoveryKind`.
    const TYPE_NAME: &'static str;
    /// The type's path in this crate, as generated code names it: `RecoveryKind`,
    /// `model::FieldRole`.
    const PATH: &'static str;
    /// Every value, in declaration order.
    const ALL: &'static [Self];
    /// The catalog names of `ALL`, in the same order.
    const NAMES: &'static [&'static str];

    /// The value's catalog name, e.g. `retry_after_wait`.
    fn name(self) -> &'static str;
    /// The variant's name in Rust, e.g. `RetryAfterWait`.
    fn variant_name(self) -> &'static str;
    /// The variant's documentation (one line per line of its doc comment).
    fn doc(self) -> &'static str;

    /// The value of a catalog name, if it is one.
    fn from_name(name: &str) -> Option<Self>;
}

catalog_enum! {
    /// What a body field tells a client, wherever an API puts it.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    #[non_exhaustive]
    pub enum FieldRole in model {
        /// The error type or code, the value clients branch on (a vocabulary field).
        Code = "code", "error code";
        /// A hint saying how to resolve the error (a vocabulary field).
        Hint = "hint", "hint";
        /// A human-readable message (a string field, or a free-form one: its text when it is one).
        Message = "message", "message";
        /// The request identifier to log and quote to support (a string field).
        RequestId = "request_id", "request id";
        /// Seconds to wait before retrying (an integer or number field).
        RetryAfter = "retry_after", "wait in seconds";
        /// A reference code to quote to support (a string field).
        SupportReference = "support_reference", "support reference";
    }
}

catalog_enum! {
    /// What a response header tells a client.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    #[non_exhaustive]
    pub enum HeaderRole in model {
        /// How long to wait before retrying.
        RetryAfter = "retry_after", "wait before retrying";
        /// The request limit of the current window.
        RateLimitLimit = "rate_limit_limit", "rate limit";
        /// Requests left in the current window.
        RateLimitRemaining = "rate_limit_remaining", "requests left";
        /// When the window resets.
        RateLimitReset = "rate_limit_reset", "rate limit reset";
        /// The request identifier.
        RequestId = "request_id", "request id";
        /// The error code, where the API sends it in a header (Azure's `x-ms-error-code`, AWS's
        /// `x-amzn-ErrorType`): the value up to its first `:` (`ValidationException` of
        /// `ValidationException:http://internal.amazon.com/...`), read where the body gives none.
        Code = "code", "error code";
    }
}

/// The key of a field path that stands for each element of an array: `["errors", "[]", "code"]`
/// is the `code` of the first element of `errors` that has one (a string or a number).
pub const EACH_ELEMENT: &str = "[]";

/// The key of a field path that stands for any element of an array: `["errors", "[*]", "code"]`
/// gives the first element's `code` as the body's fact, as [`EACH_ELEMENT`] does, and rules of
/// the error-value (or hint) level, their `except` and their conditions read every element's:
/// a rule covers the body when any element has one of its values (GitHub's `errors[].code`).
pub const ANY_ELEMENT: &str = "[*]";

/// Whether `text` is one of the values `pattern` stands for: `*` is any run of characters
/// (none too), `?` any one, every other character itself.
// (Two wildcards only, as catalogs write families; a glob crate would bring classes and escapes
// no catalog writes, and a dependency every client compiles.)
pub fn family_matches(pattern: &str, text: &str) -> bool {
    let (pattern, text): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    // The usual backtracking walk: remember the last `*` and how much of the text it has taken.
    let (mut p, mut t, mut star): (usize, usize, Option<(usize, usize)>) = (0, 0, None);
    while t < text.len() {
        match pattern.get(p) {
            Some('*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(&c) if c == '?' || c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((at, taken)) => {
                    p = at + 1;
                    t = taken + 1;
                    star = Some((at, taken + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

/// The first of `families` (each a pattern, as [`family_matches`] reads it) that `value` is one
/// of: where the generated enums find the family of a value their catalog does not list.
///
/// ```
/// use api_error_runtime::model::family_of;
/// assert_eq!(family_of(&["*_NOT_FOUND", "*"], "CONVERSATION_NOT_FOUND"), Some(0));
/// assert_eq!(family_of(&["*_NOT_FOUND", "*"], "RATE_LIMITED"), Some(1));
/// assert_eq!(family_of(&["4000?"], "5000"), None);
/// ```
pub fn family_of(families: &[&str], value: &str) -> Option<usize> {
    families.iter().position(|pattern| family_matches(pattern, value))
}

/// Everything an API's catalog says about reading its error responses: where its body keeps
/// each fact, which headers matter, and its recovery rules. Each generated module has one, as
/// `MODEL`.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct Model {
    /// The API's display name.
    pub api: &'static str,
    /// Body fields by role, each a path of JSON keys from the body's top level; the first
    /// path present in a body wins.
    pub fields: &'static [(FieldRole, &'static [&'static str])],
    /// Header names by role, matched case-insensitively.
    pub headers: &'static [(HeaderRole, &'static str)],
    /// The formats of the header whose role is `retry_after`. A header named `Retry-After` is
    /// read in RFC 9110's two forms and these (the API's dialects, such as ISO 8601); a header of
    /// another name (`Retry-After-Ms`) in these alone, delay-seconds when there are none.
    pub retry_after_formats: &'static [RetryAfterFormat],
    /// The formats of the body field whose role is `retry_after` (delay-seconds unless said).
    pub body_wait_formats: &'static [RetryAfterFormat],
    /// The formats of the header whose role is `rate_limit_reset`, where the catalog gives them:
    /// then a rule that waits as the server says waits until the reset when nothing else says.
    pub rate_limit_reset_formats: &'static [RetryAfterFormat],
    /// How long to wait when a response says nothing, where the documentation says.
    pub default_retry_after: Option<Duration>,
    /// What ends a namespace the code may be written after (`#` of
    /// `com.amazonaws.dynamodb.v20120810#ThrottlingException`): rules and the error's code read
    /// the text after the last one.
    pub code_namespace: Option<char>,
    /// The API's recovery rules.
    pub recovery: RecoveryTable,
    /// Do rules read every element of an array for the code or hint ([`ANY_ELEMENT`])?
    reads_every_element: bool,
    /// Does the API send bodies of plain text (Trello's `invalid token`), alone or beside JSON
    /// ones? A body that is not a JSON object is then such a text: the text, without the white
    /// space around it, is the body's one value, the fact of the roles whose path is empty, and
    /// what the typed body decodes from, as a JSON string of it would.
    pub body_is_text: bool,
    /// Are the headers of the `retry_after` role RFC 9110's `Retry-After` (or none of them)?
    retry_after_is_rfc9110: Option<bool>,
}

impl Model {
    /// Do rules read every element of an array for the code or hint ([`ANY_ELEMENT`])?
    pub(crate) const fn reads_every_element(&self) -> bool {
        self.reads_every_element
    }

    /// Is every header of the `retry_after` role RFC 9110's `Retry-After` (`Some(true)`), or
    /// none (`Some(false)`), found when the model is made? A response's header of that role has
    /// one of the model's names, in any case. `None` for a model that names both kinds (which no
    /// catalog can: validation gives a role one header).
    pub(crate) const fn retry_after_is_rfc9110(&self) -> Option<bool> {
        self.retry_after_is_rfc9110
    }

    /// [`Model::retry_after_is_rfc9110`], found once (`const`, so by hand).
    const fn names_rfc9110_retry_after(headers: &[(HeaderRole, &str)]) -> Option<bool> {
        let mut found = None;
        let mut at = 0;
        while at < headers.len() {
            if let (HeaderRole::RetryAfter, name) = headers[at] {
                let rfc9110 = bytes_match(name.as_bytes(), b"retry-after", true);
                match found {
                    Some(earlier) if earlier != rfc9110 => return None,
                    _ => found = Some(rfc9110),
                }
            }
            at += 1;
        }
        match found {
            None => Some(false),
            known => known,
        }
    }

    /// [`Model::reads_every_element`], found once, when the model is made (`const`, so by hand).
    const fn any_reads_every_element(fields: &[(FieldRole, &[&str])]) -> bool {
        let mut at = 0;
        while at < fields.len() {
            let (role, path) = fields[at];
            if matches!(role, FieldRole::Code | FieldRole::Hint) {
                let mut key = 0;
                while key < path.len() {
                    if bytes_match(path[key].as_bytes(), ANY_ELEMENT.as_bytes(), false) {
                        return true;
                    }
                    key += 1;
                }
            }
            at += 1;
        }
        false
    }

    /// A model with no `Retry-After` dialect or default, and a body wait in delay-seconds.
    pub const fn new(
        api: &'static str,
        fields: &'static [(FieldRole, &'static [&'static str])],
        headers: &'static [(HeaderRole, &'static str)],
        recovery: RecoveryTable,
    ) -> Self {
        Self {
            api,
            fields,
            headers,
            retry_after_formats: &[],
            body_wait_formats: &[RetryAfterFormat::DelaySeconds],
            rate_limit_reset_formats: &[],
            default_retry_after: None,
            code_namespace: None,
            body_is_text: false,
            recovery,
            reads_every_element: Self::any_reads_every_element(fields),
            retry_after_is_rfc9110: Self::names_rfc9110_retry_after(headers),
        }
    }

    /// The formats of the `retry_after` header (see [`Model::retry_after_formats`]).
    #[must_use]
    pub const fn retry_after_formats(mut self, formats: &'static [RetryAfterFormat]) -> Self {
        self.retry_after_formats = formats;
        self
    }

    /// The formats of the `rate_limit_reset` header.
    #[must_use]
    pub const fn rate_limit_reset_formats(mut self, formats: &'static [RetryAfterFormat]) -> Self {
        self.rate_limit_reset_formats = formats;
        self
    }

    /// The formats of the `retry_after` body field.
    #[must_use]
    pub const fn body_wait_formats(mut self, formats: &'static [RetryAfterFormat]) -> Self {
        self.body_wait_formats = formats;
        self
    }

    /// The separator of a namespace before the code (see [`Model::code_namespace`]).
    #[must_use]
    pub const fn code_namespace(mut self, separator: char) -> Self {
        self.code_namespace = Some(separator);
        self
    }

    /// The API sends bodies of plain text (see [`Model::body_is_text`]).
    #[must_use]
    pub const fn text_body(mut self) -> Self {
        self.body_is_text = true;
        self
    }

    /// The code without the namespace the wire may write before it.
    pub(crate) fn bare_code<'c>(&self, code: &'c str) -> &'c str {
        crate::namespaced::bare_code(code, self.code_namespace)
    }

    /// The wait to assume when a response gives none.
    #[must_use]
    pub const fn default_retry_after(mut self, wait: Duration) -> Self {
        self.default_retry_after = Some(wait);
        self
    }
}

/// Are `a` and `b` the same bytes (ASCII letters in any case, if `any_case`)? By hand, for
/// `const` models: the standard's comparisons are not `const` on this crate's oldest Rust.
const fn bytes_match(a: &[u8], b: &[u8], any_case: bool) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut at = 0;
    while at < a.len() {
        let (x, y) = if any_case { (a[at].to_ascii_lowercase(), b[at].to_ascii_lowercase()) } else { (a[at], b[at]) };
        if x != y {
            return false;
        }
        at += 1;
    }
    true
}

/// An API's typed error body, which knows its API's [`Model`]. The generated modules
/// implement it for their `ErrorResponse`; clients name it as the bound of code written once
/// for every API's errors.
///
/// ```
/// use api_error_runtime::{ApiError, ErrorModel};
/// use std::time::SystemTime;
///
/// fn describe<B: ErrorModel>(error: &ApiError<B>) -> String {
///     format!("{error}: {}", error.recovery(SystemTime::now()).kind())
/// }
/// ```
pub trait ErrorModel: DeserializeOwned {
    /// The API's model.
    const MODEL: &'static Model;

    /// Decodes a body of this model from its bytes (its facts are read by path, in a pass of
    /// their own: [`ApiError`](crate::ApiError) decodes the body only when asked for it).
    ///
    /// The default is [`DecodedBody::read`]. Generated crates make that same call in their
    /// impl: generic code is compiled in each crate that uses it, and the impl's own method is
    /// compiled once, in the generated crate, rather than in every crate that reads a response.
    fn decode_body(body: &[u8]) -> Result<DecodedBody<Self>, serde_json::Error> {
        DecodedBody::read(body)
    }
}

/// A body decoded from its bytes: what [`ErrorModel::decode_body`] gives.
#[derive(Clone, Debug)]
pub struct DecodedBody<B> {
    pub(crate) body: B,
}

impl<B: ErrorModel> DecodedBody<B> {
    /// Decodes `bytes` as `B` (nothing but whitespace after it); of an API that sends plain text
    /// ([`Model::body_is_text`]), a body that is no JSON object as its text, as a JSON string of
    /// it would decode.
    pub fn read(bytes: &[u8]) -> Result<Self, serde_json::Error> {
        match B::MODEL.body_is_text {
            true => serde_json::from_value(crate::facts::object_or_text(bytes)),
            false => serde_json::from_slice(bytes),
        }
        .map(|body| Self { body })
    }
}

impl<B> DecodedBody<B> {
    /// The typed body.
    pub fn body(&self) -> &B {
        &self.body
    }

    /// The typed body, taken.
    pub fn into_body(self) -> B {
        self.body
    }
}

#[cfg(test)]
mod tests {
    use super::family_matches;

    #[test]
    fn a_family_stands_for_the_values_its_wildcards_allow() {
        assert!(family_matches("*_NOT_FOUND", "CONVERSATION_NOT_FOUND"));
        assert!(family_matches("*_NOT_FOUND", "_NOT_FOUND"));
        assert!(!family_matches("*_NOT_FOUND", "NOT_FOUND"));
        assert!(!family_matches("*_NOT_FOUND", "CONVERSATION_NOT_FOUND_YET"));
        assert!(family_matches("4000?", "40006"));
        assert!(!family_matches("4000?", "4000"));
        assert!(!family_matches("4000?", "400061"));
        assert!(family_matches("08*", "08"));
        assert!(family_matches("08*", "08006"));
        assert!(!family_matches("08*", "28000"));
        assert!(family_matches("*", "anything"));
        assert!(family_matches("a*b*c", "aXbYbZc"));
        assert!(!family_matches("a*b*c", "aXbYbZ"));
        assert!(family_matches("caf?", "café"), "a character, not a byte");
    }
}
