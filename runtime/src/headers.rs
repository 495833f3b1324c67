//! The headers of an error response that the API's catalog gives a role: `Retry-After`, the
//! request id and the rate-limit figures, each read as a [`Reading`].

use crate::model::{HeaderRole, Model};
use crate::recovery::ConditionSubject;
use crate::retry_after::RetryAfter;

/// A header value as read: absent, understood, or present but not understood (kept, so that it
/// can be logged, and never trusted).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Reading<T> {
    /// The response has no such header.
    #[default]
    Absent,
    /// The value, understood.
    Valid(T),
    /// The text sent, which is not in any form the API uses.
    Invalid(String),
}

impl<T> Reading<T> {
    /// The value, when it was understood.
    pub fn valid(&self) -> Option<&T> {
        match self {
            Self::Valid(value) => Some(value),
            _ => None,
        }
    }
}

/// The `X-RateLimit-*` figures of a response, as far as the API documents them.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct RateLimit {
    /// The request limit of the window.
    pub limit: Reading<u64>,
    /// Requests left in the window.
    pub remaining: Reading<u64>,
    /// When the window resets, as the number sent (its unit is the API's).
    pub reset: Reading<u64>,
    /// When the window resets, read in the formats the catalog gives the header
    /// (`epoch_seconds`, say); `None` where it gives none or the value is not in them.
    pub resets: Option<RetryAfter>,
}

/// A response header as a client's HTTP stack hands it over: a name (in any case) and a value
/// (text or bytes), owned or borrowed: `("retry-after", "3")`, `&(String, String)`, the `http`
/// crate's `(&HeaderName, &HeaderValue)`. So a slice of pairs reads as it is.
///
/// ```
/// use api_error_runtime::ResponseHeader;
///
/// let headers = [("Retry-After", "3")];
/// let (by_value, by_reference) = (headers[0], &headers[0]);
/// assert_eq!((by_value.name(), by_reference.value()), ("Retry-After", &b"3"[..]));
/// ```
pub trait ResponseHeader {
    /// The header's name, as sent.
    fn name(&self) -> &str;
    /// The header's value, as sent.
    fn value(&self) -> &[u8];
}

impl<K: AsRef<str>, V: AsRef<[u8]>> ResponseHeader for (K, V) {
    fn name(&self) -> &str {
        self.0.as_ref()
    }
    fn value(&self) -> &[u8] {
        self.1.as_ref()
    }
}

impl<H: ResponseHeader + ?Sized> ResponseHeader for &H {
    fn name(&self) -> &str {
        (**self).name()
    }
    fn value(&self) -> &[u8] {
        (**self).value()
    }
}

/// What the headers of one response say, as far as its API's model gives them roles.
#[derive(Clone, Debug, Default)]
pub(crate) struct HeaderReadings {
    pub(crate) retry_after: Reading<RetryAfter>,
    pub(crate) request_id: Option<String>,
    pub(crate) rate_limit: RateLimit,
    /// The headers the recovery rules' conditions test, by the name a rule gives, as sent.
    pub(crate) tested: Vec<(&'static str, String)>,
}

impl HeaderReadings {
    /// Reads the headers (names in any case; values as text or bytes) that `model` names; the
    /// first of repeated headers counts.
    pub(crate) fn read<H: ResponseHeader>(model: &Model, headers: impl IntoIterator<Item = H>) -> Self {
        // Each role's slot, by an exhaustive match: a new role does not compile until it has one.
        let slot = |role: HeaderRole| match role {
            HeaderRole::RetryAfter => 0,
            HeaderRole::RequestId => 1,
            HeaderRole::RateLimitLimit => 2,
            HeaderRole::RateLimitRemaining => 3,
            HeaderRole::RateLimitReset => 4,
        };
        let mut wanted: [Option<&str>; 5] = [None; 5];
        for &role in HeaderRole::ALL {
            wanted[slot(role)] = model.header(role);
        }
        let retry_after_name = wanted[slot(HeaderRole::RetryAfter)];
        // The names the rules' conditions test (few, and most APIs have none).
        let mut tested_names: Vec<&'static str> = Vec::new();
        for condition in model.recovery.rules.iter().flat_map(|rule| rule.when) {
            if let ConditionSubject::Header(name) = condition.subject {
                if !tested_names.iter().any(|known| known.eq_ignore_ascii_case(name)) {
                    tested_names.push(name);
                }
            }
        }
        let mut tested: Vec<(&'static str, String)> = Vec::new();
        let mut found: [Option<String>; 5] = Default::default();
        for header in headers {
            let text = || String::from_utf8_lossy(header.value()).trim().to_owned();
            for (found, wanted) in found.iter_mut().zip(wanted) {
                // The first of repeated headers counts.
                if found.is_none() && wanted.is_some_and(|wanted| wanted.eq_ignore_ascii_case(header.name())) {
                    *found = Some(text());
                }
            }
            for &name in &tested_names {
                if name.eq_ignore_ascii_case(header.name()) && !tested.iter().any(|(known, _)| *known == name) {
                    tested.push((name, text()));
                }
            }
        }
        let [retry_after, request_id, limit, remaining, reset] = found;
        let retry_after = match retry_after {
            None => Reading::Absent,
            Some(text) => match retry_after_name
                .and_then(|name| RetryAfter::read_header(name, &text, model.retry_after_formats))
            {
                Some(parsed) => Reading::Valid(parsed),
                None => Reading::Invalid(text),
            },
        };
        let number = |text: Option<String>| match text {
            None => Reading::Absent,
            Some(text) => match text.parse::<u64>() {
                Ok(n) => Reading::Valid(n),
                Err(_) => Reading::Invalid(text),
            },
        };
        Self {
            retry_after,
            request_id: request_id.filter(|id| !id.is_empty()),
            rate_limit: RateLimit {
                // No format given, no moment read: `parse` tries none.
                resets: reset.as_deref().and_then(|text| RetryAfter::parse(text, model.rate_limit_reset_formats)),
                limit: number(limit),
                remaining: number(remaining),
                reset: number(reset),
            },
            tested,
        }
    }
}
