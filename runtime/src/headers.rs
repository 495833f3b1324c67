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
    /// The error code a header gives (see [`HeaderRole::Code`]).
    pub(crate) code: Option<String>,
    pub(crate) rate_limit: RateLimit,
    /// The headers the recovery rules' conditions test, by the name a rule gives, as sent.
    pub(crate) tested: Vec<(&'static str, String)>,
}

impl HeaderReadings {
    /// Reads the headers (names in any case; values as text or bytes) that `model` names; the
    /// first of repeated headers counts.
    pub(crate) fn read<H: ResponseHeader>(model: &Model, headers: impl IntoIterator<Item = H>) -> Self {
        Self::read_roles(model, headers, [true; HeaderRole::ALL.len()], false)
    }

    /// What a decision reads: [`HeaderReadings::read`] without the request id and the
    /// request limit, which no decision reads, and without the rate-limit window once a valid
    /// `Retry-After` was read (a decision reads the window's reset only when the server gave no
    /// wait).
    pub(crate) fn read_for_decision<H: ResponseHeader>(model: &Model, headers: impl IntoIterator<Item = H>) -> Self {
        let mut wanted = [true; HeaderRole::ALL.len()];
        wanted[HeaderRole::RequestId as usize] = false;
        wanted[HeaderRole::RateLimitLimit as usize] = false;
        Self::read_roles(model, headers, wanted, true)
    }

    /// Reads the headers of the roles `wanted` (by discriminant), until none is left to read.
    fn read_roles<H: ResponseHeader>(
        model: &Model,
        headers: impl IntoIterator<Item = H>,
        wanted: [bool; HeaderRole::ALL.len()],
        for_decision: bool,
    ) -> Self {
        let mut readings = Self::default();
        // (`HeaderRole::ALL` is in declaration order: a role's discriminant is its index.)
        // The roles done with: not wanted, not the model's, or seen (the first of repeated
        // headers counts).
        let mut done = [true; HeaderRole::ALL.len()];
        for &(role, _) in model.headers {
            done[role as usize] = !wanted[role as usize];
        }
        // Only models whose rules test a header look for them (few do), in every header.
        let tests_headers = model.recovery.tests_headers();
        for header in headers {
            let name = header.name();
            for &(role, wanted) in model.headers {
                if done[role as usize] || !same_name(name, wanted) {
                    continue;
                }
                done[role as usize] = true;
                readings.read_role(model, role, name, header.value());
                if for_decision && role == HeaderRole::RetryAfter && readings.retry_after.valid().is_some() {
                    done[HeaderRole::RateLimitRemaining as usize] = true;
                    done[HeaderRole::RateLimitReset as usize] = true;
                }
            }
            if tests_headers {
                readings.keep_tested(model, name, header.value());
            } else if done.iter().all(|done| *done) {
                break;
            }
        }
        readings
    }

    /// Reads one header of a role, from its value as sent: the text is copied only where it is
    /// kept (a request id, a value not understood).
    fn read_role(&mut self, model: &Model, role: HeaderRole, name: &str, value: &[u8]) {
        // (The header's name matched one of the model's, whose kind is known.)
        let rfc9110 = model.retry_after_is_rfc9110().unwrap_or_else(|| RetryAfter::is_rfc9110_header(name));
        // Digits, as nearly every figure is sent: read from the bytes, without making a text
        // of them (which cost most of reading the headers).
        if let Some(Ok(number)) = crate::retry_after::digits(value.trim_ascii()) {
            if self.read_number(model, role, rfc9110, number) {
                return;
            }
        }
        let text = Text::of(value);
        let number = || match std::str::from_utf8(text.bytes()).map(str::parse::<u64>) {
            Ok(Ok(number)) => Reading::Valid(number),
            _ => Reading::Invalid(text.owned()),
        };
        match role {
            HeaderRole::RetryAfter => {
                let formats = model.retry_after_formats;
                self.retry_after = match RetryAfter::read_header_as(rfc9110, text.bytes(), formats) {
                    Some(parsed) => Reading::Valid(parsed),
                    None => Reading::Invalid(text.owned()),
                };
            }
            HeaderRole::RequestId => self.request_id = Some(text.owned()).filter(|id| !id.is_empty()),
            HeaderRole::Code => self.code = header_code(&String::from_utf8_lossy(text.bytes())),
            HeaderRole::RateLimitLimit => self.rate_limit.limit = number(),
            HeaderRole::RateLimitRemaining => self.rate_limit.remaining = number(),
            HeaderRole::RateLimitReset => {
                self.rate_limit.reset = number();
                // No format given, no moment read: `parse` tries none.
                self.rate_limit.resets = RetryAfter::parse_trimmed(text.bytes(), model.rate_limit_reset_formats);
            }
        }
    }

    /// Reads a value of digits for `role` as its text would read, where its number says all
    /// (every role but the request id, which is kept as text); false where it does not.
    fn read_number(&mut self, model: &Model, role: HeaderRole, rfc9110: bool, number: u64) -> bool {
        match role {
            HeaderRole::RetryAfter => {
                let Some(wait) = RetryAfter::read_header_number(rfc9110, number, model.retry_after_formats) else {
                    return false;
                };
                self.retry_after = Reading::Valid(wait);
            }
            HeaderRole::RequestId | HeaderRole::Code => return false,
            HeaderRole::RateLimitLimit => self.rate_limit.limit = Reading::Valid(number),
            HeaderRole::RateLimitRemaining => self.rate_limit.remaining = Reading::Valid(number),
            HeaderRole::RateLimitReset => {
                self.rate_limit.reset = Reading::Valid(number);
                self.rate_limit.resets = RetryAfter::of_number(number, model.rate_limit_reset_formats);
            }
        }
        true
    }

    /// Keeps a header that a rule's condition tests, under the name the rule gives it.
    fn keep_tested(&mut self, model: &Model, name: &str, value: &[u8]) {
        let tested =
            model.recovery.rules.iter().flat_map(|rule| rule.when).find_map(|condition| match condition.subject {
                ConditionSubject::Header(tested) if tested.eq_ignore_ascii_case(name) => Some(tested),
                _ => None,
            });
        if let Some(tested) = tested {
            if !self.tested.iter().any(|(known, _)| known.eq_ignore_ascii_case(tested)) {
                self.tested.push((tested, Text::of(value).owned()));
            }
        }
    }
}

/// The error code of a header's value: up to its first `:`, trimmed (AWS's `x-amzn-ErrorType`
/// writes an address after it); none when empty.
fn header_code(value: &str) -> Option<String> {
    let code = value.split(':').next().unwrap_or_default().trim();
    (!code.is_empty()).then(|| code.to_string())
}

/// Are two header names the same, in any case? Eight bytes at a time: most words are equal as
/// sent, or differ in more than case, so only a word that differs in the bit of case alone is
/// compared byte by byte (`eq_ignore_ascii_case` on every byte was most of reading a response's
/// headers).
fn same_name(name: &str, wanted: &str) -> bool {
    const CASE: u64 = u64::from_ne_bytes([0x20; 8]);
    let (name, wanted) = (name.as_bytes(), wanted.as_bytes());
    if name.len() != wanted.len() {
        return false;
    }
    if name.len() < 8 {
        return name.eq_ignore_ascii_case(wanted);
    }
    // Word by word from the end (the first word may overlap the next): names an API sends
    // together differ most at their ends (`X-RateLimit-Limit`, `X-RateLimit-Reset`).
    let mut end = name.len();
    while end > 0 {
        let at = end.max(8) - 8;
        let (a, b) = (&name[at..at + 8], &wanted[at..at + 8]);
        let (a_word, b_word) = (u64::from_ne_bytes(word(a)), u64::from_ne_bytes(word(b)));
        if a_word != b_word && (a_word | CASE != b_word | CASE || !a.eq_ignore_ascii_case(b)) {
            return false;
        }
        end = at;
    }
    true
}

/// Eight bytes as an array (all of them: the caller slices eight).
fn word(bytes: &[u8]) -> [u8; 8] {
    bytes.try_into().unwrap_or_default()
}

/// A header's value, trimmed as `str::trim` trims its text.
enum Text<'v> {
    /// The value without the ASCII whitespace around it, where it ends in ASCII that `trim`
    /// keeps (as servers send it): its bytes are its trimmed text's, so they are read as they
    /// are and made text only where kept (checking UTF-8 cost more than reading a date).
    Plain(&'v [u8]),
    /// Any other value, made text and trimmed: borrowed when it is UTF-8.
    Made(std::borrow::Cow<'v, str>),
}

impl<'v> Text<'v> {
    fn of(value: &'v [u8]) -> Self {
        // What else `trim` trims (a vertical tab, Unicode spaces) starts or ends with a byte
        // that is not ASCII, or is the vertical tab.
        let ascii = value.trim_ascii();
        let plain = |byte: Option<&u8>| byte.is_none_or(|byte| byte.is_ascii() && *byte != 0x0B);
        if plain(ascii.first()) && plain(ascii.last()) {
            return Self::Plain(ascii);
        }
        Self::Made(match std::str::from_utf8(ascii) {
            Ok(text) => std::borrow::Cow::Borrowed(text.trim()),
            Err(_) => std::borrow::Cow::Owned(String::from_utf8_lossy(value).trim().to_owned()),
        })
    }

    /// The trimmed value's bytes (of its text where the value was not UTF-8).
    fn bytes(&self) -> &[u8] {
        match self {
            Self::Plain(bytes) => bytes,
            Self::Made(text) => text.as_bytes(),
        }
    }

    fn owned(&self) -> String {
        match self {
            Self::Plain(bytes) => String::from_utf8_lossy(bytes).into_owned(),
            Self::Made(text) => text.clone().into_owned(),
        }
    }
}
