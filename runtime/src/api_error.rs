//! One error response, read leniently: [`ApiError`], what every API's error answers
//! ([`ApiErrorInfo`]), and why a body could not be read ([`BodyProblem`]).

use crate::fact_scan::{scan, Scalar, Scanned, MAX_SCANNED};
use crate::facts::{every_element_facts, facts_of_value, object_or_text, parse_json, BodyFacts};
use crate::headers::{HeaderReadings, RateLimit, Reading, ResponseHeader};
use crate::model::{ErrorModel, FieldRole, Model};
use crate::recovery::{Observed, Recovery, WaitSource};
use crate::retry_after::RetryAfter;
use crate::status::StatusClass;
use crate::transport::TransportFailure;
use serde_core::de::DeserializeOwned;
use serde_json::Value;
use std::fmt;
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

/// Why a body could not be read as the API's error body. The response is still an
/// [`ApiError`], with whatever could be salvaged.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BodyProblem {
    /// The body is empty (or only whitespace).
    Empty,
    /// The body is longer than [`ApiError::MAX_BODY_BYTES`] and was not parsed.
    TooLarge {
        /// Its length in bytes.
        len: usize,
    },
    /// The body is not JSON (an HTML page from a proxy, say, or truncated JSON).
    NotJson {
        /// The JSON parser's message.
        message: String,
    },
    /// The body is JSON but does not follow any of the API's body formats; the facts found in
    /// it were kept.
    UnexpectedShape {
        /// The decoder's message.
        message: String,
    },
}

impl fmt::Display for BodyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("the body is empty"),
            Self::TooLarge { len } => write!(f, "the body is {len} bytes, too large to read"),
            Self::NotJson { message } => write!(f, "the body is not JSON: {message}"),
            Self::UnexpectedShape { message } => write!(f, "the body is not a documented error body: {message}"),
        }
    }
}

/// An error response of the API whose error body is `B`, read leniently: building one never
/// fails and never panics, whatever the status, headers and body.
///
/// It keeps the status; the typed body when the body decodes; otherwise every fact found in it
/// (the error code and hint even when other fields are missing or mistyped); the request id
/// from the body or a header; `Retry-After` and the rate-limit headers; and the start of the
/// raw body. [`ApiError::recovery`] says what to do next.
///
/// ```
/// use api_error_runtime::model::{FieldRole, HeaderRole, Model};
/// use api_error_runtime::{ApiError, ErrorModel, RecoveryKind, RecoveryRule, RecoveryTable};
/// use std::time::{Duration, SystemTime};
///
/// #[derive(Debug, serde::Deserialize)]
/// struct Body {
///     code: String,
/// }
///
/// impl ErrorModel for Body {
///     const MODEL: &'static Model = &Model::new(
///         "Demo",
///         &[(FieldRole::Code, &["code"])],
///         &[(HeaderRole::RetryAfter, "Retry-After")],
///         RecoveryTable::new(
///             &[RecoveryRule::new("busy", RecoveryKind::RetryAfterWait, "Wait.", "Limits").errors(&["busy"])],
///             RecoveryRule::new("fallback", RecoveryKind::GiveUp, "Give up.", "Errors"),
///         ),
///     );
/// }
///
/// let error = ApiError::<Body>::from_response(429, [("retry-after", "7")], br#"{"code": "busy"}"#);
/// assert_eq!(error.code(), Some("busy"));
/// let recovery = error.recovery(SystemTime::now());
/// assert_eq!(recovery.kind(), RecoveryKind::RetryAfterWait);
/// assert_eq!(recovery.wait(), Some(Duration::from_secs(7)));
///
/// // Not JSON at all: still an error, decided by the status (here, the fallback).
/// let error = ApiError::<Body>::from_response(502, Vec::<(String, String)>::new(), b"<html>Bad gateway</html>");
/// assert!(error.body().is_none());
/// assert_eq!(error.recovery(SystemTime::now()).kind(), RecoveryKind::GiveUp);
/// ```
#[derive(Clone, Debug)]
pub struct ApiError<B> {
    status: u16,
    /// The typed body and why it did not decode, found when first asked for (most responses
    /// are decided and logged, not matched on: their facts come from a pass that decodes
    /// nothing).
    decoded: OnceLock<Decoded<B>>,
    /// The body as JSON: parsed when the body did not decode (its facts came from it), or on
    /// demand from `raw` when it did.
    json: OnceLock<Option<Value>>,
    /// The body's bytes, for `json()` and `excerpt()` (only the excerpt's worth of a body too
    /// large to read).
    raw: Box<[u8]>,
    /// `excerpt()`, made on demand.
    excerpt: OnceLock<String>,
    facts: BodyFacts,
    headers: HeaderReadings,
    body_len: usize,
    /// Why the body was not read at all (too large, empty, no JSON), found by the first pass.
    problem: Option<BodyProblem>,
}

/// The typed body, or why the body did not decode into it.
type Decoded<B> = Result<B, BodyProblem>;

impl<B: ErrorModel> ApiError<B> {
    /// Bodies longer than this are not parsed (an error body never is; a 5 MB page is not one).
    pub const MAX_BODY_BYTES: usize = 1 << 20;
    /// How much of the raw body [`ApiError::excerpt`] keeps.
    pub const EXCERPT_BYTES: usize = 2048;
    /// A body longer than this is read into a JSON `Value` (which can take tens of times the
    /// body's size) only when asked ([`ApiError::json`]): the facts of every element of an
    /// array beyond the first ([`ANY_ELEMENT`](crate::model::ANY_ELEMENT)) are not read, and a
    /// repeated key that stops it decoding is not resolved. No error body is this large.
    pub const VALUE_BYTES: usize = 64 << 10;

    /// Reads an error response: its status, its headers (names in any case; values as text or
    /// bytes; pairs or references to pairs, see [`ResponseHeader`]) and its body. Never fails,
    /// never panics.
    pub fn from_response<H: ResponseHeader>(status: u16, headers: impl IntoIterator<Item = H>, body: &[u8]) -> Self {
        let headers = HeaderReadings::read(B::MODEL, headers);
        let mut error = Self {
            status,
            decoded: OnceLock::new(),
            json: OnceLock::new(),
            // Copying the bytes costs less than making the excerpt (or the JSON) for every
            // response, when few are asked for them; a body too large to read keeps only its
            // excerpt's worth.
            raw: body[..if body.len() > Self::MAX_BODY_BYTES { Self::EXCERPT_BYTES } else { body.len() }].into(),
            excerpt: OnceLock::new(),
            facts: BodyFacts::default(),
            headers,
            body_len: body.len(),
            problem: None,
        };
        error.read_body(body);
        error
    }

    /// Reads the facts of the body by path, in a pass that decodes nothing (the typed body is
    /// decoded when asked for: [`ApiError::body`]). Decoding it costs as much again, and a
    /// decision, a log line or a message needs only the facts.
    fn read_body(&mut self, body: &[u8]) {
        let body = match readable(body, Self::MAX_BODY_BYTES) {
            Ok(body) => body,
            Err(problem) => {
                self.problem = Some(problem);
                return;
            }
        };
        match found_facts(B::MODEL, body, Self::VALUE_BYTES) {
            Ok(Found::Scanned(scanned)) => self.facts = scanned.facts(B::MODEL),
            Ok(Found::Read(facts, json)) => {
                self.facts = facts;
                // Kept for `json()`, as it was made.
                if let Some(json) = json {
                    self.json = OnceLock::from(Some(json));
                }
            }
            Err(error) => self.problem = Some(BodyProblem::NotJson { message: error.to_string() }),
        }
    }

    /// The typed body, or why the body does not decode into it: decoded once, when first
    /// asked for.
    fn decoded(&self) -> Option<&Decoded<B>> {
        if self.problem.is_some() {
            return None;
        }
        Some(self.decoded.get_or_init(|| {
            let bytes = self.raw.strip_prefix(BOM).unwrap_or(&self.raw);
            let error = match B::decode_body(bytes) {
                Ok(decoded) => return Ok(decoded.body),
                Err(error) => error,
            };
            // Decoding a `Value` of the body can succeed where the bytes did not: a repeated
            // key, which a `Value` resolves to the last one. The value is written back as bytes
            // for the same decoder: deserializing the `Value` itself would compile a second
            // decoder of each body. (Not for a large body, whose `Value` could take tens of
            // times its size.)
            let value = (bytes.len() <= Self::VALUE_BYTES).then(|| self.json()).flatten();
            match value.map(|json| B::decode_body(&json_bytes(json))) {
                Some(Ok(decoded)) => Ok(decoded.body),
                // The first decode's message: its line and column are the body's.
                _ => Err(BodyProblem::UnexpectedShape { message: error.to_string() }),
            }
        }))
    }

    /// What to do about this response, as the API's catalog says, with waits of at most
    /// [`Recovery::DEFAULT_MAX_WAIT`].
    pub fn recovery(&self, now: SystemTime) -> Recovery {
        self.recovery_with_max_wait(now, Recovery::DEFAULT_MAX_WAIT)
    }

    /// What to do about this response, with waits of at most `max_wait`.
    ///
    /// The rule is the first of the API's rules to cover the response in precedence order:
    /// conditions alone, hint, error value, status, status class, then the fallback. A wait the
    /// server asks for (`Retry-After`, then a body field) wins over the rule's own delay; a rule
    /// that waits as the server says waits, without either, until the rate-limit window resets
    /// where the catalog gives that header's formats, unless the response says requests are left
    /// in the window (then the window is not why it failed). A moment counts from `now`.
    pub fn recovery_with_max_wait(&self, now: SystemTime, max_wait: Duration) -> Recovery {
        decision(B::MODEL, self.status, Said::of(&self.facts), &self.headers, now, max_wait)
    }

    /// What to do about a response, read only as far as the decision needs: the same
    /// [`Recovery`] as `ApiError::from_response(status, headers, body).recovery(now)`, without
    /// the error value (no typed body, no copy of the body, no facts but the ones rules read).
    /// For code that only decides, such as a retry loop or `tower::CatalogRetry` (feature
    /// `tower`); code that also logs or shows the error reads it with
    /// [`ApiError::from_response`].
    ///
    /// ```
    /// # use api_error_runtime::model::{FieldRole, Model};
    /// # use api_error_runtime::{ApiError, ErrorModel, RecoveryKind, RecoveryRule, RecoveryTable};
    /// # #[derive(Debug, serde::Deserialize)] struct Body { code: String }
    /// # impl ErrorModel for Body {
    /// #     const MODEL: &'static Model = &Model::new("Demo", &[(FieldRole::Code, &["code"])], &[],
    /// #         RecoveryTable::new(&[RecoveryRule::new("busy", RecoveryKind::RetryNow, "Retry.", "Limits").errors(&["busy"])],
    /// #         RecoveryRule::new("fallback", RecoveryKind::GiveUp, "Give up.", "Errors")));
    /// # }
    /// use std::time::SystemTime;
    ///
    /// let (headers, body) = ([("content-type", "application/json")], br#"{"code": "busy"}"#);
    /// let recovery = ApiError::<Body>::decide(503, headers, body, SystemTime::now());
    /// assert_eq!(recovery.kind(), RecoveryKind::RetryNow);
    /// let read = ApiError::<Body>::from_response(503, headers, body);
    /// assert_eq!(recovery, read.recovery(SystemTime::now()));
    /// ```
    pub fn decide<H: ResponseHeader>(
        status: u16,
        headers: impl IntoIterator<Item = H>,
        body: &[u8],
        now: SystemTime,
    ) -> Recovery {
        Self::decide_with_max_wait(status, headers, body, now, Recovery::DEFAULT_MAX_WAIT)
    }

    /// [`ApiError::decide`], with waits of at most `max_wait`.
    pub fn decide_with_max_wait<H: ResponseHeader>(
        status: u16,
        headers: impl IntoIterator<Item = H>,
        body: &[u8],
        now: SystemTime,
        max_wait: Duration,
    ) -> Recovery {
        let model = B::MODEL;
        let headers = HeaderReadings::read_for_decision(model, headers);
        let decide = |said: Said<'_>| decision(model, status, said, &headers, now, max_wait);
        // The facts `from_response` finds, borrowed from the body where they can be.
        let Ok(body) = readable(body, Self::MAX_BODY_BYTES) else {
            return decide(Said::default());
        };
        if !scans(model, body, Self::VALUE_BYTES) {
            return match read_facts(model, body, Self::VALUE_BYTES) {
                Ok((facts, _)) => decide(Said::of(&facts)),
                Err(_) => decide(Said::default()),
            };
        }
        // Filled in place rather than returned: its slots are a few hundred bytes, which each
        // move through a `Result` copied.
        let mut scanned = Scanned::new(model.fields.len());
        if scan(body, model.fields, &mut scanned).is_err() {
            return decide(Said::default());
        }
        let found = scanned.by_role(model.fields);
        let text = |role: FieldRole| found[role as usize].map(Scalar::text);
        let (code, hint, message) = (text(FieldRole::Code), text(FieldRole::Hint), text(FieldRole::Message));
        let said = Said {
            code: code.as_deref(),
            hint: hint.as_deref(),
            message: message.as_deref(),
            body_wait: found[FieldRole::RetryAfter as usize].and_then(|wait| wait.wait(model.body_wait_formats)),
            ..Said::default()
        };
        decide(said)
    }

    /// What to do when a request to this API failed without a response (a timeout, a refused
    /// connection): the catalog's rule for the failure, else the runtime's default
    /// ([`RecoveryTable::transport_recovery`](crate::RecoveryTable::transport_recovery)).
    ///
    /// ```
    /// # use api_error_runtime::model::Model;
    /// # use api_error_runtime::{ApiError, ErrorModel, RecoveryKind, RecoveryRule, RecoveryTable, TransportFailure};
    /// # #[derive(serde::Deserialize)] struct Body {}
    /// # impl ErrorModel for Body {
    /// #     const MODEL: &'static Model = &Model::new("Demo", &[], &[], RecoveryTable::new(&[],
    /// #         RecoveryRule::new("fallback", RecoveryKind::GiveUp, "", "")));
    /// # }
    /// // A catalog without transport rules: the runtime's default retries with the client's backoff.
    /// let recovery = ApiError::<Body>::transport_recovery(TransportFailure::Connect);
    /// assert_eq!(recovery.kind(), RecoveryKind::RetryWithBackoff);
    /// assert_eq!(recovery.rule().id, "transport-retry");
    /// ```
    pub fn transport_recovery(failure: TransportFailure) -> Recovery {
        B::MODEL.recovery.transport_recovery(failure)
    }

    /// The HTTP status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The typed body, when the body decodes (decoded when first asked for).
    pub fn body(&self) -> Option<&B> {
        self.decoded()?.as_ref().ok()
    }

    /// The body as JSON, when it parsed (decoded or not).
    pub fn json(&self) -> Option<&Value> {
        // A small body that did not decode was parsed then; any other is parsed now, from the
        // bytes kept (of a body too large to read, only an excerpt, which is no JSON).
        if self.body_len > Self::MAX_BODY_BYTES {
            return None;
        }
        self.json.get_or_init(|| parse_json(self.raw.strip_prefix(BOM).unwrap_or(&self.raw)).ok()).as_ref()
    }

    /// Decodes one top-level field of the body as `T`, even when the whole body did not
    /// decode: a body that lacks its error code still gives its field errors, say.
    pub fn field<T: DeserializeOwned>(&self, key: &str) -> Option<T> {
        T::deserialize(self.json()?.get(key)?).ok()
    }

    /// The error type or code as sent, from the body or salvaged from it; without the namespace
    /// the API may write before it (`ThrottlingException` of
    /// `com.amazonaws.dynamodb.v20120810#ThrottlingException`).
    pub fn code(&self) -> Option<&str> {
        // The body's, else a header's (Azure's `x-ms-error-code`).
        let code = self.facts.code.as_deref().or(self.headers.code.as_deref());
        code.map(|code| B::MODEL.bare_code(code))
    }

    /// The error code as one of the API's enums (`ErrorType`, `ErrorCode`...), for matching: any
    /// text for an enum of strings, and the code's digits for an enum of integer codes (`None`
    /// when they are no integer).
    pub fn code_as<T: std::str::FromStr>(&self) -> Option<T> {
        self.code()?.parse().ok()
    }

    /// The body's hint on how to resolve the error, as sent.
    pub fn hint(&self) -> Option<&str> {
        self.facts.hint.as_deref()
    }

    /// The hint as the API's hint enum.
    pub fn hint_as<T: std::str::FromStr>(&self) -> Option<T> {
        self.hint()?.parse().ok()
    }

    /// The body's human-readable message.
    pub fn message(&self) -> Option<&str> {
        self.facts.message.as_deref()
    }

    /// The request id: the body's, else the header's.
    pub fn request_id(&self) -> Option<&str> {
        self.facts.request_id.as_deref().or(self.headers.request_id.as_deref())
    }

    /// A reference code to quote to support.
    pub fn support_reference(&self) -> Option<&str> {
        self.facts.support_reference.as_deref()
    }

    /// The `Retry-After` header, as read.
    pub fn retry_after(&self) -> &Reading<RetryAfter> {
        &self.headers.retry_after
    }

    /// The wait a body field asks for.
    pub fn body_retry_after(&self) -> Option<RetryAfter> {
        self.facts.retry_after
    }

    /// The rate-limit headers, as read.
    pub fn rate_limit(&self) -> &RateLimit {
        &self.headers.rate_limit
    }

    /// The start of the raw body, as text (invalid UTF-8 replaced), for logs.
    pub fn excerpt(&self) -> &str {
        self.excerpt.get_or_init(|| excerpt(&self.raw, self.body_len, Self::EXCERPT_BYTES))
    }

    /// The raw body's length in bytes.
    pub fn body_len(&self) -> usize {
        self.body_len
    }

    /// Why the body did not decode, if it did not.
    pub fn body_problem(&self) -> Option<&BodyProblem> {
        match self.decoded() {
            None => self.problem.as_ref(),
            Some(decoded) => decoded.as_ref().err(),
        }
    }
}

/// What every API's error answers, so that a client of several APIs can log and decide in one
/// place. Every `ApiError` implements it.
///
/// ```
/// use api_error_runtime::ApiErrorInfo;
/// use std::time::SystemTime;
///
/// fn log(error: &dyn ApiErrorInfo) -> String {
///     let recovery = error.recovery(SystemTime::now());
///     format!("{} {}: {:?} -> {}", error.api(), error.status(), error.code(), recovery.kind())
/// }
/// # let _ = log;
/// ```
pub trait ApiErrorInfo: std::error::Error {
    /// The API's display name.
    fn api(&self) -> &'static str;
    /// The HTTP status code.
    fn status(&self) -> u16;
    /// The error type or code, as sent.
    fn code(&self) -> Option<&str>;
    /// The human-readable message.
    fn message(&self) -> Option<&str>;
    /// The request id, from the body or a header.
    fn request_id(&self) -> Option<&str>;
    /// The body's hint on how to resolve the error, as sent.
    fn hint(&self) -> Option<&str>;
    /// A reference code to quote to support.
    fn support_reference(&self) -> Option<&str>;
    /// The body as JSON, when it parsed (decoded or not).
    fn json(&self) -> Option<&Value>;
    /// Why the body did not decode, if it did not.
    fn body_problem(&self) -> Option<&BodyProblem>;
    /// What to do next.
    fn recovery(&self, now: SystemTime) -> Recovery;
}

impl<B: ErrorModel + fmt::Debug> ApiErrorInfo for ApiError<B> {
    fn api(&self) -> &'static str {
        B::MODEL.api
    }
    fn status(&self) -> u16 {
        self.status
    }
    fn code(&self) -> Option<&str> {
        ApiError::code(self)
    }
    fn message(&self) -> Option<&str> {
        ApiError::message(self)
    }
    fn request_id(&self) -> Option<&str> {
        ApiError::request_id(self)
    }
    fn hint(&self) -> Option<&str> {
        ApiError::hint(self)
    }
    fn support_reference(&self) -> Option<&str> {
        ApiError::support_reference(self)
    }
    fn json(&self) -> Option<&Value> {
        ApiError::json(self)
    }
    fn body_problem(&self) -> Option<&BodyProblem> {
        ApiError::body_problem(self)
    }
    fn recovery(&self, now: SystemTime) -> Recovery {
        ApiError::recovery(self, now)
    }
}

/// `Demo error 401 SESSION_EXPIRED: Connection expired (request req_abc123)`: the API, the
/// status, the code, the message and the request id, as far as the response has them.
impl<B: ErrorModel> fmt::Display for ApiError<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} error {}", B::MODEL.api, self.status)?;
        if let Some(code) = self.code() {
            write!(f, " {code}")?;
        }
        if let Some(message) = self.message().filter(|m| Some(*m) != self.code()) {
            write!(f, ": {message}")?;
        }
        if let Some(id) = self.request_id() {
            write!(f, " (request {id})")?;
        }
        Ok(())
    }
}

impl<B: ErrorModel + fmt::Debug> std::error::Error for ApiError<B> {}

/// What to do about a response, from what it said: the one decision of
/// [`ApiError::recovery_with_max_wait`] and [`ApiError::decide_with_max_wait`].
fn decision(
    model: &'static Model,
    status: u16,
    said: Said<'_>,
    headers: &HeaderReadings,
    now: SystemTime,
    max_wait: Duration,
) -> Recovery {
    let tested: Vec<(&str, &str)> = headers.tested.iter().map(|(name, value)| (*name, value.as_str())).collect();
    let mut every_code: Vec<&str> = borrowed(said.every_code);
    // Rules name codes without the namespace the wire may write before them. (One test where
    // the API has none: the decision is held to a client written by hand.) A header's code
    // stands where the body gives none.
    let mut code = said.code.or(headers.code.as_deref());
    if let Some(separator) = model.code_namespace {
        without_namespaces(&mut code, &mut every_code, separator);
    }
    let every_hint: Vec<&str> = borrowed(said.every_hint);
    let observed = Observed::new(status)
        .code(code)
        .hint(said.hint)
        .message(said.message)
        .every_code(&every_code)
        .every_hint(&every_hint)
        .headers(&tested);
    let (rule, decided_by) = model.recovery.rule_for(&observed);
    let server_wait = match &headers.retry_after {
        Reading::Valid(retry_after) => Some((retry_after.delay_from(now), WaitSource::RetryAfterHeader)),
        _ => said.body_wait.map(|wait| (wait.delay_from(now), WaitSource::BodyField)),
    };
    let rate_limit = &headers.rate_limit;
    let window_spent = !matches!(rate_limit.remaining, Reading::Valid(left) if left > 0);
    let reset_wait = rate_limit.resets.filter(|_| window_spent).map(|resets| resets.delay_from(now));
    Recovery::decide(rule, decided_by, server_wait, reset_wait, model.default_retry_after, max_wait)
        .acted(StatusClass::of(status) == Some(StatusClass::ServerError))
}

/// Texts borrowed: most decisions read no element's codes or hints, and make no list for none.
fn borrowed(values: &[String]) -> Vec<&str> {
    match values {
        [] => Vec::new(),
        values => values.iter().map(String::as_str).collect(),
    }
}

/// The codes without the namespace before the last `separator`; out of the decision's way, as
/// few APIs have one.
#[cold]
#[inline(never)]
fn without_namespaces<'a>(code: &mut Option<&'a str>, every_code: &mut [&'a str], separator: char) {
    for code in code.iter_mut().chain(every_code) {
        *code = crate::namespaced::bare_code(code, Some(separator));
    }
}

/// The facts of a body that a decision reads, borrowed.
#[derive(Default)]
struct Said<'a> {
    code: Option<&'a str>,
    hint: Option<&'a str>,
    message: Option<&'a str>,
    every_code: &'a [String],
    every_hint: &'a [String],
    body_wait: Option<RetryAfter>,
}

impl<'a> Said<'a> {
    fn of(facts: &'a BodyFacts) -> Self {
        Self {
            code: facts.code.as_deref(),
            hint: facts.hint.as_deref(),
            message: facts.message.as_deref(),
            every_code: &facts.every_code,
            every_hint: &facts.every_hint,
            body_wait: facts.retry_after,
        }
    }
}

/// The facts of a body, found by path without decoding it (a body decoded or not has the same
/// facts: they are read by path either way).
enum Found<'b> {
    /// Scanned, borrowed from the body.
    Scanned(Scanned<'b>),
    /// Read from a `Value` of the body (kept: `json()` gives it).
    Read(BodyFacts, Option<Value>),
}

/// The facts of a readable `body`; an error when it is not JSON.
#[inline]
fn found_facts<'b>(model: &Model, body: &'b [u8], value_bytes: usize) -> Result<Found<'b>, serde_json::Error> {
    if !scans(model, body, value_bytes) {
        return read_facts(model, body, value_bytes).map(|(facts, json)| Found::Read(facts, Some(json)));
    }
    let mut scanned = Scanned::new(model.fields.len());
    scan(body, model.fields, &mut scanned)?;
    Ok(Found::Scanned(scanned))
}

/// Are the facts of `body` scanned? A `Value` is made instead where rules read every element
/// (of a body of at most `value_bytes`) or the model has more paths than a scan follows.
fn scans(model: &Model, body: &[u8], value_bytes: usize) -> bool {
    !model.body_is_text && !reads_every_element(model, body, value_bytes) && model.fields.len() <= MAX_SCANNED
}

fn reads_every_element(model: &Model, body: &[u8], value_bytes: usize) -> bool {
    model.reads_every_element() && body.len() <= value_bytes
}

/// The facts of a body that [`scans`] does not scan, read from its `Value` (of a plain-text body,
/// its text).
fn read_facts(model: &Model, body: &[u8], value_bytes: usize) -> Result<(BodyFacts, Value), serde_json::Error> {
    let json = match model.body_is_text {
        true => object_or_text(body),
        false => parse_json(body)?,
    };
    let mut facts = facts_of_value(&json, model.fields, model.body_wait_formats);
    if reads_every_element(model, body, value_bytes) {
        every_element_facts(&json, model.fields, &mut facts);
    }
    Ok((facts, json))
}

/// The body without a byte order mark, or why it is not read at all.
fn readable(body: &[u8], max_bytes: usize) -> Result<&[u8], BodyProblem> {
    let body = body.strip_prefix(BOM).unwrap_or(body);
    // The size first: a body too large to read is not read at all, not even scanned for
    // whitespace (64 MiB of spaces took 37 ms to call empty).
    if body.len() > max_bytes {
        return Err(BodyProblem::TooLarge { len: body.len() });
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(BodyProblem::Empty);
    }
    Ok(body)
}

/// A `Value` as JSON text (which cannot fail: its keys are strings).
fn json_bytes(json: &Value) -> Vec<u8> {
    serde_json::to_vec(json).unwrap_or_default()
}

/// A UTF-8 byte order mark, which some servers put before a JSON body.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// At most `max` bytes of `body` (the start of a body of `len` bytes) as text, cut at a
/// character boundary.
fn excerpt(body: &[u8], len: usize, max: usize) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(max)]);
    let mut text = text.into_owned();
    if len > max {
        // The cut may have split a character into a replacement character: drop it.
        if text.ends_with('\u{FFFD}') {
            text.pop();
        }
        text.push('…');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FieldRole, HeaderRole, Model};
    use crate::{
        Backoff, Condition, ConditionTest, DecidedBy, RecoveryKind, RecoveryRule, RecoveryTable, RetryAfterFormat,
        StatusClass,
    };
    use std::time::UNIX_EPOCH;

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    #[allow(dead_code)] // Read through Debug only.
    struct Body {
        error: String,
        #[serde(rename = "type")]
        kind: String,
        request_id: String,
        action_required: Option<String>,
        details: Option<Vec<FieldError>>,
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct FieldError {
        field: String,
    }

    #[test]
    fn a_large_body_that_does_not_decode_gives_its_facts_without_a_value_until_asked() {
        // 200 KiB of tiny objects beside the facts, and no `requestId`: it does not decode.
        let padding = vec!["{}"; 100_000].join(",");
        let body = format!(
            r#"{{"error":"Busy","type":"RATE_LIMIT_EXCEEDED","pad":[{padding}],"actionRequired":"try_again"}}"#
        );
        let error = ApiError::<Body>::from_response(503, [("x", "y")], body.as_bytes());
        assert!(body.len() > ApiError::<Body>::VALUE_BYTES);
        assert!(error.body().is_none());
        assert!(matches!(error.body_problem(), Some(BodyProblem::UnexpectedShape { .. })));
        assert_eq!(
            (error.code(), error.hint(), error.message()),
            (Some("RATE_LIMIT_EXCEEDED"), Some("try_again"), Some("Busy"))
        );
        assert!(error.json.get().is_none(), "no Value was built");
        assert_eq!(error.json().and_then(|json| json["type"].as_str()), Some("RATE_LIMIT_EXCEEDED"));
        // Not JSON at all, and as large: no facts, and said so.
        let page = format!("<html>{}</html>", "x".repeat(100_000));
        let error = ApiError::<Body>::from_response(502, [("x", "y")], page.as_bytes());
        assert!(matches!(error.body_problem(), Some(BodyProblem::NotJson { .. })));
        assert_eq!((error.code(), error.json()), (None, None));
    }

    /// A plain-text body whose text is the error code.
    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct TextBody(String);

    impl ErrorModel for TextBody {
        const MODEL: &'static Model = &Model::new(
            "Text",
            &[(FieldRole::Code, &[])],
            &[],
            RecoveryTable::new(
                &[RecoveryRule::new("token", RecoveryKind::RefreshCredentials, "", "").errors(&["invalid token"])],
                RecoveryRule::new("fallback", RecoveryKind::GiveUp, "", ""),
            ),
        )
        .text_body();
    }

    #[test]
    fn a_plain_text_body_is_its_trimmed_text_for_facts_decisions_and_the_typed_body() {
        let body = b"\xEF\xBB\xBF invalid token\r\n";
        let error = ApiError::<TextBody>::from_response(401, [("x", "y")], body);
        assert_eq!(error.code(), Some("invalid token"));
        assert_eq!(error.body(), Some(&TextBody("invalid token".into())));
        assert_eq!(error.body_problem(), None);
        assert_eq!(error.json(), Some(&Value::String("invalid token".into())));
        let now = SystemTime::now();
        assert_eq!(error.recovery(now).kind(), RecoveryKind::RefreshCredentials);
        assert_eq!(ApiError::<TextBody>::decide(401, [("x", "y")], body, now), error.recovery(now));
        // Any text is a body, HTML included, and not valid UTF-8 is replaced; only an empty one
        // is none.
        let error = ApiError::<TextBody>::from_response(502, [("x", "y")], b"<html>\xFF</html>");
        assert_eq!((error.code(), error.body_problem()), (Some("<html>\u{FFFD}</html>"), None));
        let error = ApiError::<TextBody>::from_response(502, [("x", "y")], b" \n");
        assert_eq!((error.code(), error.body_problem()), (None, Some(&BodyProblem::Empty)));
        // A JSON object is no text, and none of this API's bodies; other JSON is text as sent.
        let error = ApiError::<TextBody>::from_response(401, [("x", "y")], br#"{"error": "invalid token"}"#);
        assert_eq!((error.code(), error.body()), (None, None));
        assert!(matches!(error.body_problem(), Some(BodyProblem::UnexpectedShape { .. })));
        let error = ApiError::<TextBody>::from_response(401, [("x", "y")], br#""invalid token""#);
        assert_eq!(error.code(), Some(r#""invalid token""#));
    }

    /// A body with a message, beside a header with the code (AWS's REST APIs).
    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct HeaderCoded {
        message: String,
    }

    impl ErrorModel for HeaderCoded {
        const MODEL: &'static Model = &Model::new(
            "Coded",
            &[(FieldRole::Message, &["message"]), (FieldRole::Code, &["__type"])],
            &[(HeaderRole::Code, "x-amzn-ErrorType")],
            RecoveryTable::new(
                &[RecoveryRule::new("invalid", RecoveryKind::FixRequest, "", "").errors(&["ValidationException"])],
                RecoveryRule::new("fallback", RecoveryKind::GiveUp, "", ""),
            ),
        );
    }

    #[test]
    fn a_code_header_gives_the_code_where_the_body_does_not() {
        let headers = [("X-Amzn-ErrorType", " ValidationException:http://internal.amazon.com/coral/ ")];
        let body = br#"{"message": "1 validation error detected"}"#;
        let error = ApiError::<HeaderCoded>::from_response(400, headers, body);
        assert_eq!((error.code(), error.message()), (Some("ValidationException"), Some("1 validation error detected")));
        assert_eq!(error.to_string(), "Coded error 400 ValidationException: 1 validation error detected");
        let now = SystemTime::now();
        assert_eq!(error.recovery(now).rule().id, "invalid");
        assert_eq!(ApiError::<HeaderCoded>::decide(400, headers, body, now), error.recovery(now));
        // The body's code first; an empty header gives none.
        let error = ApiError::<HeaderCoded>::from_response(400, headers, br#"{"message": "m", "__type": "Other"}"#);
        assert_eq!(error.code(), Some("Other"));
        let error = ApiError::<HeaderCoded>::from_response(400, [("x-amzn-errortype", ":x")], body);
        assert_eq!((error.code(), error.recovery(now).rule().id), (None, "fallback"));
    }

    impl ErrorModel for Body {
        const MODEL: &'static Model = &Model::new(
            "Demo",
            &[
                (FieldRole::Code, &["type"]),
                (FieldRole::Hint, &["actionRequired"]),
                (FieldRole::Message, &["error"]),
                (FieldRole::RequestId, &["requestId"]),
                (FieldRole::RetryAfter, &["retryAfter"]),
                (FieldRole::SupportReference, &["support", "referenceCode"]),
            ],
            &[
                (HeaderRole::RetryAfter, "Retry-After"),
                (HeaderRole::RequestId, "X-Request-Id"),
                (HeaderRole::RateLimitLimit, "X-RateLimit-Limit"),
                (HeaderRole::RateLimitRemaining, "X-RateLimit-Remaining"),
                (HeaderRole::RateLimitReset, "X-RateLimit-Reset"),
            ],
            RecoveryTable::new(
                &[
                    RecoveryRule::new("limited", RecoveryKind::RetryAfterWait, "", "").statuses(&[429]),
                    RecoveryRule::new("outdated", RecoveryKind::RetryNow, "", "").errors(&["RULES_OUTDATED"]),
                    RecoveryRule::new("expired", RecoveryKind::Reauthenticate, "", "").statuses(&[401]),
                    RecoveryRule::new("bad", RecoveryKind::FixRequest, "", "").statuses(&[400]),
                    RecoveryRule::new("again", RecoveryKind::RetryWithBackoff, "", "")
                        .hints(&["try_again"])
                        .backoff(Backoff::new(Duration::from_secs(1))),
                    RecoveryRule::new("server", RecoveryKind::RetryWithBackoff, "", "")
                        .classes(&[StatusClass::ServerError])
                        .backoff(Backoff::new(Duration::from_secs(2))),
                ],
                RecoveryRule::new("fallback", RecoveryKind::GiveUp, "", ""),
            ),
        )
        .retry_after_formats(&[RetryAfterFormat::Iso8601])
        .default_retry_after(Duration::from_secs(60));
    }

    /// A body whose model has more field paths than one scan follows.
    #[derive(Debug, serde::Deserialize)]
    struct Wide {
        code: String,
    }

    /// 64 paths that find nothing, then the code's.
    const WIDE_FIELDS: [(FieldRole, &[&str]); 65] = {
        let mut fields: [(FieldRole, &[&str]); 65] = [(FieldRole::Message, &["nowhere"]); 65];
        fields[64] = (FieldRole::Code, &["code"]);
        fields
    };

    impl ErrorModel for Wide {
        const MODEL: &'static Model = &Model::new(
            "Wide",
            &WIDE_FIELDS,
            &[],
            RecoveryTable::new(&[], RecoveryRule::new("fallback", RecoveryKind::GiveUp, "", "")),
        );
    }

    #[test]
    fn a_model_of_more_paths_than_are_scanned_still_finds_every_fact() {
        let error = ApiError::<Wide>::from_response(400, [("", "")], br#"{"code": "LAST"}"#);
        assert_eq!(error.body().map(|body| body.code.as_str()), Some("LAST"));
        assert_eq!(error.code(), Some("LAST"));
    }

    /// A body whose code the wire may write after a namespace (AWS's `__type`).
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)] // Read through Debug only.
    struct AfterNamespace(Value);

    impl ErrorModel for AfterNamespace {
        const MODEL: &'static Model = &Model::new(
            "AfterNamespace",
            &[(FieldRole::Code, &["__type"])],
            &[],
            RecoveryTable::new(
                &[RecoveryRule::new("throttled", RecoveryKind::RetryWithBackoff, "", "").errors(&["Throttled"])],
                RecoveryRule::new("fallback", RecoveryKind::GiveUp, "", ""),
            ),
        )
        .code_namespace('#');
    }

    #[test]
    fn a_code_after_a_namespace_is_read_and_decided_without_it() {
        for body in [r#"{"__type": "aws.example#Throttled"}"#, r#"{"__type": "Throttled"}"#] {
            let error = ApiError::<AfterNamespace>::from_response(400, [("", "")], body.as_bytes());
            assert_eq!(error.code(), Some("Throttled"), "{body}");
            let now = SystemTime::UNIX_EPOCH;
            assert_eq!(error.recovery(now).rule().id, "throttled", "{body}");
            let decided = ApiError::<AfterNamespace>::decide(400, [("", "")], body.as_bytes(), now);
            assert_eq!(decided.rule().id, "throttled", "{body}");
        }
        let other = ApiError::<AfterNamespace>::from_response(400, [("", "")], br#"{"__type": "aws.example#Other"}"#);
        assert_eq!((other.code(), other.recovery(SystemTime::UNIX_EPOCH).rule().id), (Some("Other"), "fallback"));
    }

    /// A body of any JSON, read at the scan's test paths, with rules of every level (a
    /// message and a header condition among them): deciding alone must agree with reading.
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)] // Read through Debug only.
    struct Probe(Value);

    impl ErrorModel for Probe {
        const MODEL: &'static Model = &probe_model("Probe", &PROBE_RULES);
    }

    /// The probe's rules without the one that tests a header: its headers are read only until
    /// none is left to read.
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)] // Read through Debug only.
    struct UntestedProbe(Value);

    impl ErrorModel for UntestedProbe {
        const MODEL: &'static Model = &probe_model("UntestedProbe", PROBE_RULES.split_at(2).1);
    }

    const PROBE_RULES: [RecoveryRule; 6] = [
        RecoveryRule::new("spent", RecoveryKind::RetryAfterWait, "", "")
            .statuses(&[403])
            .when(&[Condition::header("Left", ConditionTest::Equals("0"))]),
        RecoveryRule::new("said", RecoveryKind::UserAction, "", "")
            .when(&[Condition::field(FieldRole::Message, ConditionTest::Contains("é"))]),
        RecoveryRule::new("hinted", RecoveryKind::RetryNow, "", "").hints(&["a", "7"]).except(&["b"]),
        RecoveryRule::new("coded", RecoveryKind::FixRequest, "", "").errors(&["", "\"", "1"]),
        RecoveryRule::new("waited", RecoveryKind::RetryAfterWait, "", "").statuses(&[429]),
        RecoveryRule::new("server", RecoveryKind::RetryWithBackoff, "", "").classes(&[StatusClass::ServerError]),
    ];

    const fn probe_model(name: &'static str, rules: &'static [RecoveryRule]) -> Model {
        Model::new(
            name,
            crate::fact_scan::tests::FIELDS.split_at(8).0,
            &[
                (HeaderRole::RetryAfter, "Retry-After"),
                (HeaderRole::RateLimitRemaining, "Left"),
                (HeaderRole::RateLimitReset, "Reset"),
            ],
            RecoveryTable::new(rules, RecoveryRule::new("fallback", RecoveryKind::GiveUp, "", "")),
        )
        .rate_limit_reset_formats(&[RetryAfterFormat::EpochSeconds])
        .default_retry_after(Duration::from_secs(60))
    }

    proptest::proptest! {
        #[test]
        fn deciding_alone_agrees_with_reading_the_error(
            node in crate::fact_scan::tests::node(),
            status in proptest::sample::select(vec![400u16, 403, 429, 503]),
            left in "0| 0|1|",
            wait in "|5|x|2024-12-01T09:00:00Z",
            reset in "|x|1800000030",
            again in "|7",
            // Which headers are sent, in which order (a `Retry-After` may come twice).
            order in proptest::strategy::Strategy::prop_shuffle(proptest::sample::subsequence(vec![0usize, 1, 2, 3], 0..=4)),
        ) {
            let body = crate::fact_scan::tests::text(&node);
            let sent = [("left", left.as_str()), ("retry-after", wait.as_str()), ("RESET", reset.as_str()), ("Retry-After", again.as_str())];
            let headers: Vec<_> = order.iter().map(|&index| sent[index]).collect();
            let now = UNIX_EPOCH + Duration::from_secs(NOW);
            let read = ApiError::<Probe>::from_response(status, &headers, body.as_bytes()).recovery(now);
            let decided = ApiError::<Probe>::decide(status, &headers, body.as_bytes(), now);
            proptest::prop_assert_eq!(decided, read, "{}", body);
            let read = ApiError::<UntestedProbe>::from_response(status, &headers, body.as_bytes()).recovery(now);
            let decided = ApiError::<UntestedProbe>::decide(status, &headers, body.as_bytes(), now);
            proptest::prop_assert_eq!(decided, read, "{}", body);
        }
    }

    const FULL: &str = r#"{"error":"Connection expired","type":"SESSION_EXPIRED","requestId":"req_1"}"#;
    const NOW: u64 = 1_733_040_000; // 2024-12-01T08:00:00Z

    fn read(status: u16, headers: &[(&str, &str)], body: &[u8]) -> ApiError<Body> {
        ApiError::from_response(status, headers.iter().copied(), body)
    }

    fn decision(error: &ApiError<Body>) -> (RecoveryKind, Option<u64>) {
        let recovery = error.recovery_with_max_wait(UNIX_EPOCH + Duration::from_secs(NOW), Duration::from_secs(7200));
        (recovery.kind(), recovery.wait().map(|w| w.as_secs()))
    }

    #[test]
    fn a_documented_body_decodes_with_every_fact() {
        let error = read(401, &[("x-request-id", "hdr_1")], FULL.as_bytes());
        assert!(error.body().is_some() && error.body_problem().is_none());
        assert_eq!(
            (error.code(), error.message(), error.request_id()),
            (Some("SESSION_EXPIRED"), Some("Connection expired"), Some("req_1"))
        );
        assert_eq!(decision(&error), (RecoveryKind::Reauthenticate, None));
        assert_eq!(error.to_string(), "Demo error 401 SESSION_EXPIRED: Connection expired (request req_1)");
    }

    #[test]
    fn facts_survive_a_body_that_does_not_decode() {
        // No requestId and a mistyped `error`: the type still decides (retry, not re-authenticate).
        let error = read(401, &[], br#"{"type":"RULES_OUTDATED","error":42,"actionRequired":null}"#);
        assert!(error.body().is_none());
        assert!(matches!(error.body_problem(), Some(BodyProblem::UnexpectedShape { .. })));
        assert_eq!((error.code(), error.message(), error.hint()), (Some("RULES_OUTDATED"), Some("42"), None));
        assert_eq!(decision(&error), (RecoveryKind::RetryNow, Some(0)));
        // Field errors of a body without its required fields.
        let error = read(400, &[], br#"{"details":[{"field":"email"}]}"#);
        assert_eq!(error.field::<Vec<FieldError>>("details"), Some(vec![FieldError { field: "email".into() }]));
        assert_eq!(error.field::<Vec<FieldError>>("missing"), None);
    }

    #[test]
    fn the_json_is_there_whichever_way_the_body_was_read() {
        // Decoded from the bytes (facts in the same pass), the same after a byte order mark,
        // not decoded (facts from a `Value`), a repeated key (decoded from the `Value`, which
        // keeps the last), and not JSON.
        let repeated = br#"{"error":"a","type":"X","requestId":"r","type":"SESSION_EXPIRED"}"#;
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), FULL.as_bytes()].concat();
        for (body, decoded, code) in [
            (FULL.as_bytes(), true, Some("SESSION_EXPIRED")),
            (with_bom.as_slice(), true, Some("SESSION_EXPIRED")),
            (br#"{"type":"RULES_OUTDATED","error":42}"#.as_slice(), false, Some("RULES_OUTDATED")),
            (repeated.as_slice(), true, Some("SESSION_EXPIRED")),
        ] {
            let error = read(401, &[], body);
            assert_eq!(error.body().is_some(), decoded, "{:?}", error.body_problem());
            assert_eq!(error.code(), code);
            let json = serde_json::from_slice::<Value>(body.strip_prefix(BOM).unwrap_or(body)).ok();
            assert!(json.is_some());
            assert_eq!(error.json(), json.as_ref());
            assert_eq!(error.field::<String>("type").as_deref(), code);
        }
        let error = read(502, &[], b"<html>");
        assert_eq!((error.json(), error.field::<String>("type")), (None, None));
    }

    #[test]
    fn a_body_too_large_to_read_is_not_scanned_even_when_blank() {
        // 64 MiB of spaces took 37 ms to be called empty; its size alone decides it now.
        let blank = vec![b' '; ApiError::<Body>::MAX_BODY_BYTES + 1];
        let error = read(502, &[], &blank);
        assert_eq!(error.body_problem(), Some(&BodyProblem::TooLarge { len: blank.len() }));
        assert_eq!(read(502, &[], b" \n\t ").body_problem(), Some(&BodyProblem::Empty));
    }

    #[test]
    fn headers_come_as_pairs_or_references_to_pairs() {
        let body = br#"{"type":"RATE_LIMIT_EXCEEDED"}"#;
        let pairs = [("retry-after", "3")];
        // A slice of pairs, as a client keeps them: read as it is, without `.iter().copied()`.
        let slice: &[(&str, &str)] = &pairs;
        let owned = vec![(String::from("Retry-After"), String::from("3"))];
        let waits = [
            ApiError::<Body>::from_response(429, pairs, body).retry_after().clone(),
            ApiError::<Body>::from_response(429, slice, body).retry_after().clone(),
            ApiError::<Body>::from_response(429, &owned, body).retry_after().clone(),
            ApiError::<Body>::from_response(429, owned.iter().map(|(k, v)| (k.as_str(), v.as_bytes())), body)
                .retry_after()
                .clone(),
        ];
        assert!(
            waits.iter().all(|wait| *wait == Reading::Valid(RetryAfter::Delay(Duration::from_secs(3)))),
            "{waits:?}"
        );
    }

    #[test]
    fn the_request_id_comes_from_the_body_or_a_header_in_any_case() {
        assert_eq!(read(500, &[("X-REQUEST-ID", "hdr_1")], b"oops").request_id(), Some("hdr_1"));
        assert_eq!(read(500, &[("x-request-id", "")], b"").request_id(), None);
        assert_eq!(read(500, &[("x-request-id", "hdr_1")], FULL.as_bytes()).request_id(), Some("req_1"));
    }

    /// A named response (status, headers, body) and the kind and wait it must lead to.
    type Case<'a> = (&'a str, u16, &'a [(&'a str, &'a str)], &'a [u8], (RecoveryKind, Option<u64>));

    /// Hostile responses and the decisions they must lead to.
    #[test]
    fn hostile_responses() {
        let deep = "[".repeat(100_000);
        let huge = format!(r#"{{"type":"RULES_OUTDATED","pad":"{}"}}"#, "x".repeat(5 << 20));
        let cases: &[Case] = &[
            ("empty", 503, &[], b"", (RecoveryKind::RetryWithBackoff, Some(2))),
            ("whitespace", 400, &[], b" \n\t", (RecoveryKind::FixRequest, None)),
            (
                "proxy page",
                502,
                &[],
                b"<html><body>502 Bad Gateway</body></html>",
                (RecoveryKind::RetryWithBackoff, Some(2)),
            ),
            ("truncated", 401, &[], br#"{"type":"RULES_OUTDA"#, (RecoveryKind::Reauthenticate, None)),
            ("null", 404, &[], b"null", (RecoveryKind::GiveUp, None)),
            ("array", 401, &[], br#"[{"type":"RULES_OUTDATED"}]"#, (RecoveryKind::Reauthenticate, None)),
            ("deep nesting", 500, &[], deep.as_bytes(), (RecoveryKind::RetryWithBackoff, Some(2))),
            ("5 MB body", 401, &[], huge.as_bytes(), (RecoveryKind::Reauthenticate, None)),
            ("type not a string", 401, &[], br#"{"type":{"a":1}}"#, (RecoveryKind::Reauthenticate, None)),
            ("invalid UTF-8", 400, &[], b"\xff\xfe{", (RecoveryKind::FixRequest, None)),
            (
                "hint wins",
                401,
                &[],
                br#"{"type":"RULES_OUTDATED","actionRequired":"try_again"}"#,
                (RecoveryKind::RetryWithBackoff, Some(1)),
            ),
            ("seconds", 429, &[("retry-after", "120")], b"", (RecoveryKind::RetryAfterWait, Some(120))),
            ("odd case", 429, &[("rEtRy-AfTeR", " 5 ")], b"", (RecoveryKind::RetryAfterWait, Some(5))),
            (
                "IMF-fixdate",
                429,
                &[("Retry-After", "Sun, 01 Dec 2024 09:00:00 GMT")],
                b"",
                (RecoveryKind::RetryAfterWait, Some(3600)),
            ),
            (
                "RFC 850",
                429,
                &[("Retry-After", "Sunday, 01-Dec-24 09:00:00 GMT")],
                b"",
                (RecoveryKind::RetryAfterWait, Some(3600)),
            ),
            (
                "asctime",
                429,
                &[("Retry-After", "Sun Dec  1 09:00:00 2024")],
                b"",
                (RecoveryKind::RetryAfterWait, Some(3600)),
            ),
            (
                "ISO dialect",
                429,
                &[("Retry-After", "2024-12-01T09:00:00Z")],
                b"",
                (RecoveryKind::RetryAfterWait, Some(3600)),
            ),
            (
                "date passed",
                429,
                &[("Retry-After", "2024-12-01T07:00:00Z")],
                b"",
                (RecoveryKind::RetryAfterWait, Some(0)),
            ),
            (
                "overflow",
                429,
                &[("Retry-After", "18446744073709551616000")],
                b"",
                (RecoveryKind::RetryAfterWait, Some(7200)),
            ),
            (
                "u64 max",
                429,
                &[("Retry-After", "18446744073709551615")],
                b"",
                (RecoveryKind::RetryAfterWait, Some(7200)),
            ),
            ("garbage", 429, &[("Retry-After", "soon")], b"", (RecoveryKind::RetryAfterWait, Some(60))),
            ("negative", 429, &[("Retry-After", "-5")], b"", (RecoveryKind::RetryAfterWait, Some(60))),
            ("body field", 429, &[], br#"{"retryAfter":30}"#, (RecoveryKind::RetryAfterWait, Some(30))),
            (
                "header over body",
                429,
                &[("Retry-After", "10")],
                br#"{"retryAfter":30}"#,
                (RecoveryKind::RetryAfterWait, Some(10)),
            ),
            ("body field garbage", 429, &[], br#"{"retryAfter":-1}"#, (RecoveryKind::RetryAfterWait, Some(60))),
            ("unlisted status", 418, &[], b"{}", (RecoveryKind::GiveUp, None)),
            ("status zero", 0, &[], b"{}", (RecoveryKind::GiveUp, None)),
            ("status out of range", 999, &[], b"{}", (RecoveryKind::GiveUp, None)),
        ];
        for (name, status, headers, body, expected) in cases {
            let error = read(*status, headers, body);
            assert_eq!(decision(&error), *expected, "{name}");
            assert!(error.excerpt().len() <= ApiError::<Body>::EXCERPT_BYTES + '…'.len_utf8(), "{name}");
        }
    }

    #[test]
    fn garbage_headers_are_reported_not_trusted() {
        let error =
            read(429, &[("Retry-After", "soon"), ("X-RateLimit-Limit", "100"), ("X-RateLimit-Remaining", "x")], b"");
        assert_eq!(error.retry_after(), &Reading::Invalid("soon".into()));
        assert_eq!(error.rate_limit().limit, Reading::Valid(100));
        assert_eq!(error.rate_limit().remaining, Reading::Invalid("x".into()));
        assert_eq!(error.rate_limit().reset, Reading::Absent);
        let bytes: [(&str, &[u8]); 1] = [("retry-after", b"\xff9")];
        let error = ApiError::<Body>::from_response(429, bytes, b"");
        assert!(matches!(error.retry_after(), Reading::Invalid(_)));
        let recovery = error.recovery(UNIX_EPOCH);
        assert_eq!(
            (recovery.wait_source(), recovery.decided_by()),
            (Some(WaitSource::DocumentedDefault), DecidedBy::Status)
        );
    }

    #[test]
    fn salvage_reads_nested_paths_and_numbers() {
        let error = read(403, &[], br#"{"type":7,"requestId":12,"support":{"referenceCode":"ABC"}}"#);
        assert_eq!((error.code(), error.request_id(), error.support_reference()), (Some("7"), Some("12"), Some("ABC")));
        let delay = |seconds| Some(RetryAfter::Delay(Duration::from_secs(seconds)));
        assert_eq!(read(429, &[], br#"{"retryAfter":"45"}"#).body_retry_after(), delay(45));
        assert_eq!(
            read(429, &[], br#"{"retryAfter":1e300}"#).body_retry_after(),
            Some(RetryAfter::Delay(Duration::MAX))
        );
        assert_eq!(read(429, &[], br#"{"retryAfter":true}"#).body_retry_after(), None);
    }

    #[test]
    fn excerpts_are_bounded_and_cut_cleanly() {
        let body = "é".repeat(3000);
        let error = read(500, &[], body.as_bytes());
        assert!(error.excerpt().ends_with('…') && !error.excerpt().contains('\u{FFFD}'));
        assert_eq!(error.body_len(), 6000);
        assert!(matches!(error.body_problem(), Some(BodyProblem::NotJson { .. })));
    }
}
