//! What a client should do about an error response, as data: each API's catalog lists its
//! recovery rules, and [`RecoveryTable::rule_for`] picks one by a fixed precedence.

use crate::catalog_enum::catalog_enum;
use crate::model::FieldRole;
use crate::request::Request;
use crate::transport::{TransportFailure, TRANSPORT_DEFAULTS};
use crate::StatusClass;
use std::time::Duration;

catalog_enum! {
    /// What a client should do about an error: a closed set, the same for every API.
    ///
    /// "Should I retry" follows from the kind ([`RecoveryKind::retries`]); how long to wait is a
    /// separate fact of the [`Recovery`] decided for a response. The set may grow: in a
    /// `match`'s `_` arm, let [`Recovery::next_attempt`] say whether to send the request again
    /// and show [`Recovery::advice`].
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    #[non_exhaustive]
    pub enum RecoveryKind {
        /// Wait as long as the server says (`Retry-After`, a body field, or the documented
        /// default), then retry.
        RetryAfterWait = "retry_after_wait", "retry after the server's wait";
        /// Retry after a delay that grows with each attempt (a catalog gives its `backoff`).
        RetryWithBackoff = "retry_with_backoff", "retry with backoff";
        /// Retry at once.
        RetryNow = "retry_now", "retry now";
        /// Refresh the credentials (an access token), then retry once with the new ones.
        RefreshCredentials = "refresh_credentials", "refresh credentials, then retry once";
        /// Send the user through sign-in or account linking again; retrying as is cannot succeed.
        Reauthenticate = "reauthenticate", "re-authenticate the user";
        /// Have the user act (verify their identity, enter a new code, reload the page).
        UserAction = "user_action", "have the user act";
        /// The request is wrong: fix it (the body may list the invalid fields).
        FixRequest = "fix_request", "fix the request";
        /// The client's configuration is wrong (an API key, a secret): fix it.
        FixConfiguration = "fix_configuration", "fix the configuration";
        /// The caller lacks permission: check what it is allowed to do.
        CheckPermissions = "check_permissions", "check permissions";
        /// Contact the API's support, quoting the request id or reference code.
        ContactSupport = "contact_support", "contact support";
        /// The request may have taken effect and is not safe to send again as it is: find out
        /// whether it did (look the resource up) before sending it again, or send it with an
        /// idempotency key. [`Recovery::for_request`] decides it in place of a retry.
        CheckOutcome = "check_outcome", "find out whether the request took effect";
        /// Nothing the client can do will make this request succeed.
        GiveUp = "give_up", "give up";
    }
}

impl RecoveryKind {
    /// Does this kind send the request again (after refreshing credentials, for
    /// [`RecoveryKind::RefreshCredentials`])?
    ///
    /// ```
    /// use api_error_runtime::RecoveryKind;
    /// assert!(RecoveryKind::RetryAfterWait.retries());
    /// assert!(!RecoveryKind::FixRequest.retries());
    /// ```
    pub const fn retries(self) -> bool {
        // Every kind by name, so that a new kind cannot compile without saying.
        match self {
            Self::RetryAfterWait | Self::RetryWithBackoff | Self::RetryNow | Self::RefreshCredentials => true,
            Self::Reauthenticate
            | Self::UserAction
            | Self::FixRequest
            | Self::FixConfiguration
            | Self::CheckPermissions
            | Self::ContactSupport
            | Self::CheckOutcome
            | Self::GiveUp => false,
        }
    }
}

catalog_enum! {
    /// How a backoff randomises its delays, so that many clients do not retry in step.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum Jitter {
        /// The delays exactly as computed.
        None = "none", "no jitter";
        /// A uniform delay between zero and the computed one.
        Full = "full", "full jitter";
        /// Half the computed delay plus a uniform share of the other half.
        Equal = "equal", "equal jitter";
        /// The computed delay plus a uniform share of a fixed amount ([`Backoff::added`]), as
        /// Google's "wait 2^n seconds plus up to 1,000 random milliseconds".
        Additive = "additive", "additive jitter";
    }
}

/// No jitter, as a catalog's backoff has unless it says otherwise.
impl Default for Jitter {
    fn default() -> Self {
        Self::None
    }
}

/// Delays that grow by a factor on each retry, up to a maximum.
///
/// ```
/// use api_error_runtime::Backoff;
/// use std::time::Duration;
///
/// // "await sleep(Math.pow(2, i) * 1000)"
/// let backoff = Backoff::new(Duration::from_secs(1)).multiplier(2.0).max_delay(Duration::from_secs(5));
/// let delays: Vec<_> = backoff.delays().take(4).collect();
/// assert_eq!(delays, [1, 2, 4, 5].map(Duration::from_secs));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct Backoff {
    /// The delay before the first retry.
    pub first: Duration,
    /// The factor each further retry multiplies the delay by (1 for a fixed delay).
    pub multiplier: f64,
    /// The longest delay, where the documentation sets one.
    pub max: Option<Duration>,
    /// How to randomise the delays ([`Backoff::jittered`]).
    pub jitter: Jitter,
    /// The most an additive jitter adds to a delay.
    pub added: Duration,
}

impl Backoff {
    /// A backoff from `first` that doubles, with no maximum and no jitter.
    pub const fn new(first: Duration) -> Self {
        Self { first, multiplier: 2.0, max: None, jitter: Jitter::None, added: Duration::ZERO }
    }

    /// The factor between consecutive delays; below 1 or not a number counts as 1.
    #[must_use]
    pub const fn multiplier(mut self, multiplier: f64) -> Self {
        self.multiplier = multiplier;
        self
    }

    /// The longest delay.
    #[must_use]
    pub const fn max_delay(mut self, max: Duration) -> Self {
        self.max = Some(max);
        self
    }

    /// How to randomise the delays.
    #[must_use]
    pub const fn jitter(mut self, jitter: Jitter) -> Self {
        self.jitter = jitter;
        self
    }

    /// Additive jitter: each delay plus a uniform share of `most`.
    #[must_use]
    pub const fn additive_jitter(mut self, most: Duration) -> Self {
        self.jitter = Jitter::Additive;
        self.added = most;
        self
    }

    /// The delay before retry number `retry` (0 for the first), without jitter. Saturates
    /// instead of overflowing.
    pub fn delay(&self, retry: u32) -> Duration {
        let multiplier = if self.multiplier >= 1.0 { self.multiplier } else { 1.0 };
        let exponent = i32::try_from(retry).unwrap_or(i32::MAX);
        let seconds = self.first.as_secs_f64() * multiplier.powi(exponent);
        let delay = Duration::try_from_secs_f64(seconds).unwrap_or(Duration::MAX);
        match self.max {
            Some(max) => delay.min(max),
            None => delay,
        }
    }

    /// The delay before retry number `retry`, randomised by the jitter with `random`, a number
    /// from 0 to 1 the caller draws (values outside are clamped).
    ///
    /// ```
    /// use api_error_runtime::{Backoff, Jitter};
    /// use std::time::Duration;
    ///
    /// let backoff = Backoff::new(Duration::from_secs(4)).jitter(Jitter::Equal);
    /// assert_eq!(backoff.jittered(0, 0.0), Duration::from_secs(2));
    /// assert_eq!(backoff.jittered(0, 1.0), Duration::from_secs(4));
    /// // Google's: 1 s, 2 s, 4 s... plus up to a second.
    /// let google = Backoff::new(Duration::from_secs(1)).additive_jitter(Duration::from_secs(1));
    /// assert_eq!(google.jittered(2, 0.5), Duration::from_millis(4_500));
    /// ```
    pub fn jittered(&self, retry: u32, random: f64) -> Duration {
        let delay = self.delay(retry);
        let random = if random.is_nan() { 0.0 } else { random.clamp(0.0, 1.0) };
        let share = |d: Duration, r: f64| Duration::try_from_secs_f64(d.as_secs_f64() * r).unwrap_or(d).min(d);
        match self.jitter {
            Jitter::None => delay,
            Jitter::Full => share(delay, random),
            Jitter::Equal => {
                let half = delay / 2;
                half.saturating_add(share(delay - half, random))
            }
            Jitter::Additive => delay.saturating_add(share(self.added, random)),
        }
    }

    /// The delays before each retry, first to last, without jitter (an endless iterator:
    /// take as many as the attempt budget allows).
    pub fn delays(self) -> impl Iterator<Item = Duration> {
        (0u32..).map(move |retry| self.delay(retry))
    }
}

catalog_enum! {
    /// Which part of a response a rule matched: the precedence order, highest first.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    #[non_exhaustive]
    pub enum DecidedBy {
        /// A rule whose only scope is a condition on a header or body value (`when`): the
        /// server saying outright what to do, as Stripe's `Stripe-Should-Retry` does.
        Condition = "condition", "condition";
        /// The body's hint on how to resolve the error.
        Hint = "hint", "hint";
        /// The body's error type or code.
        ErrorValue = "error_value", "error value";
        /// The HTTP status code.
        Status = "status", "status";
        /// The class of the HTTP status (every 5xx, say).
        StatusClass = "status_class", "status class";
        /// No rule matched: the API's fallback.
        Fallback = "fallback", "fallback";
        /// No response came: a rule naming the failure in `transport`, or the runtime's default
        /// ([`RecoveryTable::transport_recovery`]). Not a level of a response's precedence.
        Transport = "transport", "transport failure";
    }
}

impl DecidedBy {
    /// The level a rule decides at, from what it names: the transport level for a rule of
    /// failures without a response (which names nothing else); else the first of hints, error
    /// values, statuses and status classes that it names; the condition level for a rule that
    /// names none of them but has conditions (`when`); or the fallback for a rule that names
    /// nothing. `ALL` is in the runtime's default order of the response levels
    /// ([`RecoveryTable::PRECEDENCE`]); which level a rule belongs to is this one function, which
    /// the code generator's validation calls too. (Within a level, a rule with conditions goes
    /// before one without: see [`RecoveryTable::rule_for`].)
    ///
    /// ```
    /// use api_error_runtime::DecidedBy;
    /// // A rule naming error values and statuses decides at the error-value level.
    /// assert_eq!(DecidedBy::of_scope(false, false, false, true, true, false), DecidedBy::ErrorValue);
    /// assert_eq!(DecidedBy::of_scope(false, true, false, false, false, false), DecidedBy::Condition);
    /// assert_eq!(DecidedBy::of_scope(true, false, false, false, false, false), DecidedBy::Transport);
    /// assert_eq!(DecidedBy::of_scope(false, false, false, false, false, false), DecidedBy::Fallback);
    /// ```
    pub const fn of_scope(
        transport: bool,
        conditions: bool,
        hints: bool,
        errors: bool,
        statuses: bool,
        classes: bool,
    ) -> Self {
        if transport {
            Self::Transport
        } else if hints {
            Self::Hint
        } else if errors {
            Self::ErrorValue
        } else if statuses {
            Self::Status
        } else if classes {
            Self::StatusClass
        } else if conditions {
            Self::Condition
        } else {
            Self::Fallback
        }
    }
}

/// What a rule's condition tests: a response header, or a fact of the body found by its role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ConditionSubject {
    /// A response header, by name (matched in any case); the first of repeated ones counts.
    Header(&'static str),
    /// The body's field of this role (`message`, `code`, `hint`...), as its facts give it.
    Field(FieldRole),
}

/// How a condition tests its subject's value. Both compare ASCII letters in any case and ignore
/// the whitespace around the value; a subject the response lacks passes no test.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ConditionTest {
    /// The value is this text (`x-ratelimit-remaining: 0`, `Stripe-Should-Retry: true`).
    Equals(&'static str),
    /// The value holds this text (`secondary rate limit` in GitHub's message).
    Contains(&'static str),
}

/// A test of a response that a rule needs to hold before it covers the response (`when:` in
/// the catalog; a rule's conditions must all hold).
///
/// ```
/// use api_error_runtime::{Condition, Observed, ConditionTest};
///
/// let remaining = Condition::header("X-RateLimit-Remaining", ConditionTest::Equals("0"));
/// let headers = [("x-ratelimit-remaining", " 0 ")];
/// assert!(remaining.holds(&Observed::new(403).headers(&headers)));
/// assert!(!remaining.holds(&Observed::new(403)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Condition {
    /// What is tested.
    pub subject: ConditionSubject,
    /// How.
    pub test: ConditionTest,
}

impl Condition {
    /// A test of a response header.
    pub const fn header(name: &'static str, test: ConditionTest) -> Self {
        Self { subject: ConditionSubject::Header(name), test }
    }

    /// A test of the body's field of a role.
    pub const fn field(role: FieldRole, test: ConditionTest) -> Self {
        Self { subject: ConditionSubject::Field(role), test }
    }

    /// Does the response pass the test? A code or hint read in every element of an array passes
    /// when any element's does.
    pub fn holds(&self, response: &Observed<'_>) -> bool {
        let passes = |value: &str| {
            let value = value.trim();
            match self.test {
                ConditionTest::Equals(expected) => value.eq_ignore_ascii_case(expected.trim()),
                ConditionTest::Contains(part) => contains_ignoring_ascii_case(value, part),
            }
        };
        match self.subject {
            ConditionSubject::Header(name) => response.header(name).is_some_and(passes),
            ConditionSubject::Field(role) => response.any_value(role, passes),
        }
    }
}

/// Does `text` hold `part`, ASCII letters compared in any case? (No allocation: this runs in
/// every decision of a rule with a `contains` condition.)
fn contains_ignoring_ascii_case(text: &str, part: &str) -> bool {
    let (text, part) = (text.as_bytes(), part.as_bytes());
    part.is_empty() || text.windows(part.len()).any(|window| window.eq_ignore_ascii_case(part))
}

/// What recovery rules read of a response: its status, the body's facts by role, and its
/// headers (of which conditions read those they name).
#[derive(Clone, Copy, Debug)]
pub struct Observed<'a> {
    status: u16,
    code: Option<&'a str>,
    hint: Option<&'a str>,
    message: Option<&'a str>,
    every_code: &'a [&'a str],
    every_hint: &'a [&'a str],
    headers: &'a [(&'a str, &'a str)],
}

impl<'a> Observed<'a> {
    /// A response with this status and nothing else.
    pub const fn new(status: u16) -> Self {
        Self { status, code: None, hint: None, message: None, every_code: &[], every_hint: &[], headers: &[] }
    }

    /// With the error values of every element of an array, for a model that reads them all
    /// ([`ANY_ELEMENT`](crate::model::ANY_ELEMENT)): rules cover the response when any is theirs.
    #[must_use]
    pub const fn every_code(mut self, codes: &'a [&'a str]) -> Self {
        self.every_code = codes;
        self
    }

    /// With the hints of every element of an array, likewise.
    #[must_use]
    pub const fn every_hint(mut self, hints: &'a [&'a str]) -> Self {
        self.every_hint = hints;
        self
    }

    /// With the body's error value.
    #[must_use]
    pub const fn code(mut self, code: Option<&'a str>) -> Self {
        self.code = code;
        self
    }

    /// With the body's hint.
    #[must_use]
    pub const fn hint(mut self, hint: Option<&'a str>) -> Self {
        self.hint = hint;
        self
    }

    /// With the body's message.
    #[must_use]
    pub const fn message(mut self, message: Option<&'a str>) -> Self {
        self.message = message;
        self
    }

    /// With the response's headers (names in any case).
    #[must_use]
    pub const fn headers(mut self, headers: &'a [(&'a str, &'a str)]) -> Self {
        self.headers = headers;
        self
    }

    /// The status.
    pub const fn status(&self) -> u16 {
        self.status
    }

    /// The first header of this name, in any case.
    pub fn header(&self, name: &str) -> Option<&'a str> {
        self.headers.iter().find(|(key, _)| key.eq_ignore_ascii_case(name)).map(|(_, value)| *value)
    }

    /// The body's fact of a role, where the response gives it (the roles rules read: code, hint
    /// and message).
    pub fn field(&self, role: FieldRole) -> Option<&'a str> {
        match role {
            FieldRole::Code => self.code,
            FieldRole::Hint => self.hint,
            FieldRole::Message => self.message,
            _ => None,
        }
    }

    /// Does any value of a role that rules read pass `test`: the fact, or one of every element?
    /// (A closure rather than an iterator: a chain of the two cost a third of each decision.)
    fn any_value(&self, role: FieldRole, mut test: impl FnMut(&'a str) -> bool) -> bool {
        let every = match role {
            FieldRole::Code => self.every_code,
            FieldRole::Hint => self.every_hint,
            _ => &[],
        };
        self.field(role).is_some_and(&mut test) || every.iter().any(|value| test(value))
    }
}

/// One piece of an API's recovery advice: which responses it covers and what to do.
///
/// A rule's level ([`RecoveryRule::level`]) is the first of hints, error values, statuses
/// and status classes that it names. Hint and error-value rules may also name statuses, which
/// then narrow them. Every rule may list `except`: error values or hints it never covers.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct RecoveryRule {
    /// Stable identifier of the rule in the catalog (`fallback` for the fallback).
    pub id: &'static str,
    /// What to do.
    pub kind: RecoveryKind,
    /// The documentation's advice, in words.
    pub advice: &'static str,
    /// The section of the documentation it comes from.
    pub source: &'static str,
    /// True when the documentation does not state the kind and the catalog inferred it.
    pub inferred: bool,
    /// Hints the rule covers.
    pub hints: &'static [&'static str],
    /// Error values (types, codes) the rule covers.
    pub errors: &'static [&'static str],
    /// HTTP statuses the rule covers (or, with hints or errors, narrows them to).
    pub statuses: &'static [u16],
    /// Whole status classes the rule covers.
    pub classes: &'static [StatusClass],
    /// Error values and hints the rule never covers.
    pub except: &'static [&'static str],
    /// The delays between attempts, for rules that retry.
    pub backoff: Option<Backoff>,
    /// The documentation says to back off but gives no numbers: the client's [`RetryPolicy`]
    /// chooses the delays.
    pub client_backoff: bool,
    /// Attempts in all, the first included, where the rule caps them.
    pub max_attempts: Option<u32>,
    /// What to do instead when a [`RecoveryKind::RetryAfterWait`] response says no wait.
    pub if_no_wait: Option<RecoveryKind>,
    /// Conditions that must all hold for the rule to cover a response.
    pub when: &'static [Condition],
    /// The failures without a response the rule covers; such a rule covers no response.
    pub transport: &'static [TransportFailure],
    /// The documentation says the server did not act on a request that got this response
    /// (a 429 answered before any processing): sending it again is safe whatever the request.
    pub safe_to_resend: bool,
    /// What comes next when the rule's recovery did not help: its retries ran out, or the user
    /// acted and the error came back.
    pub then: Option<Escalation>,
    /// [`RecoveryRule::level`], as the builders leave it: found once when the rule is made,
    /// not for every rule of every decision.
    scope: DecidedBy,
    /// One bit per value the rule's level names (its hints, else its error values; see
    /// [`value_bit`]): a response none of whose values has one of these bits is not the rule's,
    /// found without comparing a string.
    value_bits: u64,
}

/// What to do when a rule's recovery did not help (the retries ran out, or the user acted and the
/// error came back): "retry; if it persists, contact support with the request id".
///
/// ```
/// use api_error_runtime::model::FieldRole;
/// use api_error_runtime::{Escalation, RecoveryKind, RecoveryRule, RetryPolicy};
///
/// const RULE: RecoveryRule = RecoveryRule::new("unknown", RecoveryKind::RetryNow, "Retry.", "Errors")
///     .max_attempts(3)
///     .then(Escalation::new(RecoveryKind::ContactSupport, "Contact support.").quote(FieldRole::RequestId));
/// let recovery = api_error_runtime::__private::decide(&RULE);
/// assert_eq!(recovery.next_attempt(3, &RetryPolicy::default(), 1.0), None);
/// let next = recovery.escalation().unwrap();
/// assert_eq!((next.kind, next.quote), (RecoveryKind::ContactSupport, Some(FieldRole::RequestId)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Escalation {
    /// What to do then (a kind that does not retry).
    pub kind: RecoveryKind,
    /// The documentation's advice for then, in words.
    pub advice: &'static str,
    /// The fact to quote (to support): the request id or the support reference.
    pub quote: Option<FieldRole>,
}

impl Escalation {
    /// Then `kind`, as `advice` says, quoting nothing.
    pub const fn new(kind: RecoveryKind, advice: &'static str) -> Self {
        Self { kind, advice, quote: None }
    }

    /// Quoting the fact of `role` (`RequestId` or `SupportReference`).
    #[must_use]
    pub const fn quote(mut self, role: FieldRole) -> Self {
        self.quote = Some(role);
        self
    }

    /// The text to quote, read off the error the escalation is about.
    pub fn quoted<'e>(&self, error: &'e dyn crate::ApiErrorInfo) -> Option<&'e str> {
        match self.quote? {
            FieldRole::RequestId => error.request_id(),
            FieldRole::SupportReference => error.support_reference(),
            _ => None,
        }
    }
}

impl RecoveryRule {
    /// A rule that covers nothing yet; the generated tables chain the setters below.
    pub const fn new(id: &'static str, kind: RecoveryKind, advice: &'static str, source: &'static str) -> Self {
        Self {
            id,
            kind,
            advice,
            source,
            inferred: false,
            hints: &[],
            errors: &[],
            statuses: &[],
            classes: &[],
            except: &[],
            backoff: None,
            client_backoff: false,
            max_attempts: None,
            if_no_wait: None,
            when: &[],
            transport: &[],
            safe_to_resend: false,
            then: None,
            scope: DecidedBy::Fallback,
            value_bits: 0,
        }
    }

    /// The rule with its level found again, after a setter of what it names.
    const fn scoped(mut self) -> Self {
        self.scope = self.level();
        let values = if self.hints.is_empty() { self.errors } else { self.hints };
        self.value_bits = 0;
        let mut at = 0;
        while at < values.len() {
            self.value_bits |= value_bit(values[at]);
            at += 1;
        }
        self
    }

    /// Marks the kind as inferred by the catalog.
    #[must_use]
    pub const fn inferred(mut self) -> Self {
        self.inferred = true;
        self
    }

    /// The hints the rule covers.
    #[must_use]
    pub const fn hints(mut self, hints: &'static [&'static str]) -> Self {
        self.hints = hints;
        self.scoped()
    }

    /// The error values the rule covers.
    #[must_use]
    pub const fn errors(mut self, errors: &'static [&'static str]) -> Self {
        self.errors = errors;
        self.scoped()
    }

    /// The statuses the rule covers or narrows to.
    #[must_use]
    pub const fn statuses(mut self, statuses: &'static [u16]) -> Self {
        self.statuses = statuses;
        self.scoped()
    }

    /// The status classes the rule covers.
    #[must_use]
    pub const fn classes(mut self, classes: &'static [StatusClass]) -> Self {
        self.classes = classes;
        self.scoped()
    }

    /// Error values and hints the rule never covers.
    #[must_use]
    pub const fn except(mut self, except: &'static [&'static str]) -> Self {
        self.except = except;
        self
    }

    /// The delays between attempts.
    #[must_use]
    pub const fn backoff(mut self, backoff: Backoff) -> Self {
        self.backoff = Some(backoff);
        self
    }

    /// The delays are left to the client's policy.
    #[must_use]
    pub const fn client_backoff(mut self) -> Self {
        self.client_backoff = true;
        self
    }

    /// Attempts in all, the first included.
    #[must_use]
    pub const fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = Some(attempts);
        self
    }

    /// What to do when the server says no wait.
    #[must_use]
    pub const fn if_no_wait(mut self, kind: RecoveryKind) -> Self {
        self.if_no_wait = Some(kind);
        self
    }

    /// Conditions that must all hold.
    #[must_use]
    pub const fn when(mut self, conditions: &'static [Condition]) -> Self {
        self.when = conditions;
        self.scoped()
    }

    /// What comes next when the recovery did not help.
    #[must_use]
    pub const fn then(mut self, escalation: Escalation) -> Self {
        self.then = Some(escalation);
        self
    }

    /// The server did not act on the request: sending it again is safe.
    #[must_use]
    pub const fn safe_to_resend(mut self) -> Self {
        self.safe_to_resend = true;
        self
    }

    /// The failures without a response the rule covers.
    #[must_use]
    pub const fn transport(mut self, failures: &'static [TransportFailure]) -> Self {
        self.transport = failures;
        self.scoped()
    }

    /// The precedence level the rule decides at ([`DecidedBy::Transport`] for a rule of
    /// transport failures, which no response reaches).
    pub const fn level(&self) -> DecidedBy {
        DecidedBy::of_scope(
            !self.transport.is_empty(),
            !self.when.is_empty(),
            !self.hints.is_empty(),
            !self.errors.is_empty(),
            !self.statuses.is_empty(),
            !self.classes.is_empty(),
        )
    }

    /// Does the rule's status scope hold `status`? An empty scope holds every status.
    fn status_in_scope(&self, status: u16) -> bool {
        (self.statuses.is_empty() && self.classes.is_empty())
            || self.statuses.contains(&status)
            || StatusClass::of(status).is_some_and(|class| self.classes.contains(&class))
    }

    /// Does the rule cover the response: its scope holds the status, error value or hint, none
    /// is excepted, and every condition holds?
    pub fn covers(&self, response: &Observed<'_>) -> bool {
        self.covers_at(self.level(), response)
    }

    /// [`RecoveryRule::covers`], for a rule whose level the caller has already found.
    #[inline(always)]
    fn covers_at(&self, level: DecidedBy, response: &Observed<'_>) -> bool {
        let status = response.status;
        // The rule's own scope first: it is the cheapest test, and most rules fail it (every
        // decision asks each rule of a table).
        let in_scope = match level {
            DecidedBy::Condition | DecidedBy::Fallback => true,
            DecidedBy::Hint => {
                response.any_value(FieldRole::Hint, |hint| self.hints.contains(&hint)) && self.status_in_scope(status)
            }
            DecidedBy::ErrorValue => {
                response.any_value(FieldRole::Code, |error| self.errors.contains(&error))
                    && self.status_in_scope(status)
            }
            DecidedBy::Status => self.statuses.contains(&status),
            DecidedBy::StatusClass => StatusClass::of(status).is_some_and(|class| self.classes.contains(&class)),
            DecidedBy::Transport => false,
        };
        let excluded = |role| response.any_value(role, |value| self.except.contains(&value));
        in_scope
            && (self.except.is_empty() || !(excluded(FieldRole::Code) || excluded(FieldRole::Hint)))
            && self.when.iter().all(|condition| condition.holds(response))
    }
}

/// One of 64 bits for a hint or an error value, from its length and three of its bytes: equal
/// texts have the same bit, so a rule whose values' bits miss every bit of a response's values
/// names none of them. (Texts that share a bit only cost a comparison; hashing every byte cost
/// more than the comparisons it saved.)
const fn value_bit(value: &str) -> u64 {
    let bytes = value.as_bytes();
    let hash = match bytes.len() {
        0 => 0,
        len => len * 37 + bytes[0] as usize * 11 + bytes[len / 2] as usize * 5 + bytes[len - 1] as usize,
    };
    1 << (hash % 64)
}

/// An API's recovery rules and its fallback, as its generated module lists them in `RECOVERY`.
///
/// ```
/// use api_error_runtime::{Condition, DecidedBy, Observed, RecoveryKind, RecoveryRule, RecoveryTable, ConditionTest};
///
/// const TABLE: RecoveryTable = RecoveryTable::new(
///     &[
///         RecoveryRule::new("expired", RecoveryKind::Reauthenticate, "Sign in again.", "Errors")
///             .errors(&["SESSION_EXPIRED"]),
///         RecoveryRule::new("auth", RecoveryKind::RefreshCredentials, "Refresh the token.", "Errors")
///             .statuses(&[401]),
///         RecoveryRule::new("rate-limited", RecoveryKind::RetryAfterWait, "Wait for the window.", "Limits")
///             .statuses(&[403])
///             .when(&[Condition::header("X-RateLimit-Remaining", ConditionTest::Equals("0"))]),
///     ],
///     RecoveryRule::new("fallback", RecoveryKind::GiveUp, "Give up.", "Errors"),
/// );
///
/// let (rule, by) = TABLE.rule_for(&Observed::new(401).code(Some("SESSION_EXPIRED")));
/// assert_eq!((rule.id, by), ("expired", DecidedBy::ErrorValue));
/// assert_eq!(TABLE.rule_for(&Observed::new(401).code(Some("OTHER"))).0.id, "auth");
/// assert_eq!(TABLE.rule_for(&Observed::new(404)).1, DecidedBy::Fallback);
/// // A 403 is a rate limit only when the window is spent.
/// let spent = [("x-ratelimit-remaining", "0")];
/// assert_eq!(TABLE.rule_for(&Observed::new(403).headers(&spent)).0.id, "rate-limited");
/// assert_eq!(TABLE.rule_for(&Observed::new(403)).0.id, "fallback");
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct RecoveryTable {
    /// The rules, in catalog order.
    pub rules: &'static [RecoveryRule],
    /// What to do when no rule covers a response.
    pub fallback: RecoveryRule,
    /// The levels a response is decided at, in the order they are tried (the fallback after
    /// them): [`RecoveryTable::PRECEDENCE`] unless the catalog states its own.
    pub precedence: &'static [DecidedBy],
    /// Each level's place in `precedence` (its length for a level not listed), by the level's
    /// discriminant: found once when the table is made, not in every decision.
    ranks: [usize; DecidedBy::ALL.len()],
    /// Does a rule's condition test a header? Only then are the headers kept for them.
    tests_headers: bool,
    /// Which rules a response may meet, for a table of at most 64 rules.
    index: Option<RuleIndex>,
}

/// Which of a table's rules (at most 64, one bit each, in catalog order) a response may meet,
/// from what each names: a decision asks those alone rather than every rule. A rule outside
/// the candidates cannot cover the response (its level's test fails), so the decision is the
/// one the whole table gives.
#[derive(Clone, Copy, Debug, PartialEq)]
struct RuleIndex {
    /// Rules of levels that test no value of the response: conditions alone, or nothing.
    always: u64,
    /// Rules of the status level, by each of their statuses modulo 64.
    statuses: [u64; 64],
    /// Rules of the status-class level, by class.
    classes: [u64; StatusClass::ALL.len()],
    /// Rules of the hint level, by the bit of each of their hints ([`value_bit`]).
    hints: [u64; 64],
    /// Rules of the error-value level, by the bit of each of their values.
    codes: [u64; 64],
}

impl RuleIndex {
    const fn of(rules: &[RecoveryRule]) -> Option<Self> {
        if rules.len() > 64 {
            return None;
        }
        let mut index =
            Self { always: 0, statuses: [0; 64], classes: [0; StatusClass::ALL.len()], hints: [0; 64], codes: [0; 64] };
        let mut at = 0;
        while at < rules.len() {
            let (rule, bit) = (&rules[at], 1u64 << at);
            match rule.scope {
                DecidedBy::Condition | DecidedBy::Fallback => index.always |= bit,
                DecidedBy::Status => {
                    let mut status = 0;
                    while status < rule.statuses.len() {
                        index.statuses[rule.statuses[status] as usize % 64] |= bit;
                        status += 1;
                    }
                }
                DecidedBy::StatusClass => {
                    let mut class = 0;
                    while class < rule.classes.len() {
                        index.classes[rule.classes[class] as usize] |= bit;
                        class += 1;
                    }
                }
                DecidedBy::Hint | DecidedBy::ErrorValue => {
                    let by_value =
                        if matches!(rule.scope, DecidedBy::Hint) { &mut index.hints } else { &mut index.codes };
                    let mut values = rule.value_bits;
                    while values != 0 {
                        by_value[values.trailing_zeros() as usize] |= bit;
                        values &= values - 1;
                    }
                }
                DecidedBy::Transport => {}
            }
            at += 1;
        }
        Some(index)
    }

    /// The rules a response of `status` with values of these bits may meet.
    fn candidates(&self, status: u16, hint_bits: u64, code_bits: u64) -> u64 {
        let by_bits = |by_value: &[u64; 64], mut bits: u64| {
            let mut rules = 0;
            while bits != 0 {
                rules |= by_value[bits.trailing_zeros() as usize];
                bits &= bits - 1;
            }
            rules
        };
        let class = StatusClass::of(status).map_or(0, |class| self.classes[class as usize]);
        self.always
            | self.statuses[usize::from(status) % 64]
            | class
            | by_bits(&self.hints, hint_bits)
            | by_bits(&self.codes, code_bits)
    }
}

impl RecoveryTable {
    /// The runtime's rules for failures without a response that no catalog rule covers, the
    /// same for every API: retry with the client's backoff (`transport-retry`), or, after a
    /// failed TLS handshake, fix the configuration (`transport-tls`).
    pub const TRANSPORT_DEFAULTS: &'static [RecoveryRule] = &TRANSPORT_DEFAULTS;

    /// The levels in the order the runtime tries them unless a catalog says otherwise: conditions
    /// alone, hint, error value, status, status class.
    pub const PRECEDENCE: &'static [DecidedBy] =
        &[DecidedBy::Condition, DecidedBy::Hint, DecidedBy::ErrorValue, DecidedBy::Status, DecidedBy::StatusClass];

    /// A table of `rules`, with `fallback` for responses no rule covers.
    pub const fn new(rules: &'static [RecoveryRule], fallback: RecoveryRule) -> Self {
        Self {
            rules,
            fallback,
            precedence: Self::PRECEDENCE,
            ranks: Self::ranks(Self::PRECEDENCE),
            tests_headers: Self::any_tests_headers(rules),
            index: RuleIndex::of(rules),
        }
    }

    /// Does a rule's condition test a header (found when the table is made)?
    pub(crate) const fn tests_headers(&self) -> bool {
        self.tests_headers
    }

    const fn any_tests_headers(rules: &[RecoveryRule]) -> bool {
        let mut at = 0;
        while at < rules.len() {
            let mut condition = 0;
            while condition < rules[at].when.len() {
                if let ConditionSubject::Header(_) = rules[at].when[condition].subject {
                    return true;
                }
                condition += 1;
            }
            at += 1;
        }
        false
    }

    /// Each level's place in `precedence`, by discriminant (`ALL` lists the levels in
    /// declaration order, so a level's discriminant is its index there).
    const fn ranks(precedence: &[DecidedBy]) -> [usize; DecidedBy::ALL.len()] {
        let mut ranks = [precedence.len(); DecidedBy::ALL.len()];
        let mut at = precedence.len();
        // Backwards, so that a level listed twice keeps its first place.
        while at > 0 {
            at -= 1;
            ranks[precedence[at] as usize] = at;
        }
        ranks
    }

    /// The levels in the order the catalog states (each response level once; the fallback
    /// after them), for a document that orders them otherwise: one that says to branch on the
    /// error's type before its hint.
    #[must_use]
    pub const fn precedence(mut self, levels: &'static [DecidedBy]) -> Self {
        self.precedence = levels;
        self.ranks = Self::ranks(levels);
        self
    }

    /// Where a level stands in the precedence: its position, after every listed level for the
    /// fallback (and for transport rules, which no response reaches).
    /// The rule that decides a response, and the level it decides at: the first level of
    /// [`DecidedBy::ALL`] at which a rule covers the response; within a level, the rules with
    /// conditions before those without (the narrower first), each in catalog order. Validation
    /// of the catalog guarantees that no two rules of one level without conditions cover the
    /// same response; of those with conditions, the first whose conditions hold decides.
    pub fn rule_for(&self, response: &Observed<'_>) -> (&RecoveryRule, DecidedBy) {
        // The bits of the response's hints and error values, to pass over most rules of those
        // levels without comparing their strings.
        let bits = |one: Option<&str>, every: &[&str]| {
            every.iter().fold(one.map_or(0, value_bit), |bits, value| bits | value_bit(value))
        };
        let (hint_bits, code_bits) =
            (bits(response.hint, response.every_hint), bits(response.code, response.every_code));
        // One pass over the rules, keeping the first of the highest rank that covers the
        // response, rather than a pass per level.
        let mut decided = (&self.fallback, (self.precedence.len(), true));
        // Asks one rule; true when no later rule can do better.
        let mut ask = |rule: &'static RecoveryRule| {
            let level = rule.scope;
            debug_assert_eq!(level, rule.level(), "rule {} was changed after it was built", rule.id);
            let possible = match level {
                DecidedBy::Hint => rule.value_bits & hint_bits != 0,
                DecidedBy::ErrorValue => rule.value_bits & code_bits != 0,
                _ => true,
            };
            let ranked = (self.ranks[level as usize], rule.when.is_empty());
            if possible && ranked < decided.1 && rule.covers_at(level, response) {
                decided = (rule, ranked);
                return ranked == (0, false);
            }
            false
        };
        match &self.index {
            Some(index) => {
                let mut candidates = index.candidates(response.status, hint_bits, code_bits);
                while candidates != 0 {
                    if ask(&self.rules[candidates.trailing_zeros() as usize]) {
                        break;
                    }
                    candidates &= candidates - 1;
                }
            }
            None => {
                for rule in self.rules {
                    if ask(rule) {
                        break;
                    }
                }
            }
        }
        let level = if std::ptr::eq(decided.0, &self.fallback) { DecidedBy::Fallback } else { decided.0.scope };
        (decided.0, level)
    }

    /// The rule that decides a failure without a response: the first rule naming it in
    /// `transport` (validation guarantees there is at most one), else the runtime's default for
    /// it, the same for every API: retry with the client's backoff, or, for a failed TLS
    /// handshake, fix the configuration.
    ///
    /// ```
    /// use api_error_runtime::{RecoveryKind, RecoveryRule, RecoveryTable, TransportFailure};
    ///
    /// const TABLE: RecoveryTable = RecoveryTable::new(
    ///     &[RecoveryRule::new("timeout", RecoveryKind::GiveUp, "Do not resend.", "Errors")
    ///         .transport(&[TransportFailure::Timeout])],
    ///     RecoveryRule::new("fallback", RecoveryKind::GiveUp, "Give up.", "Errors"),
    /// );
    /// assert_eq!(TABLE.rule_for_transport(TransportFailure::Timeout).id, "timeout");
    /// assert_eq!(TABLE.rule_for_transport(TransportFailure::Connect).id, "transport-retry");
    /// ```
    pub fn rule_for_transport(&self, failure: TransportFailure) -> &'static RecoveryRule {
        let covering = |rule: &&RecoveryRule| rule.transport.contains(&failure);
        match self.rules.iter().find(covering) {
            Some(rule) => rule,
            None => TRANSPORT_DEFAULTS.iter().find(covering).unwrap_or(&TRANSPORT_DEFAULTS[0]),
        }
    }

    /// The decision for a failure without a response ([`RecoveryTable::rule_for_transport`]):
    /// no server said how long to wait, so a retry waits by the rule's backoff, or the client's
    /// policy where the rule leaves it the delays.
    pub fn transport_recovery(&self, failure: TransportFailure) -> Recovery {
        let rule = self.rule_for_transport(failure);
        let recovery = Recovery::decide(rule, DecidedBy::Transport, None, None, None, Recovery::DEFAULT_MAX_WAIT);
        Recovery { transport: Some(failure), ..recovery.acted(failure.may_have_reached_server()) }
    }
}

/// Where a [`Recovery`]'s wait comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WaitSource {
    /// The `Retry-After` header.
    RetryAfterHeader,
    /// A body field that says how long to wait.
    BodyField,
    /// The rate-limit header that says when the window resets (`X-RateLimit-Reset`), where the
    /// catalog gives its format: for a rule that waits as the server says, when nothing else does.
    RateLimitReset,
    /// The wait the documentation says to assume when the server gives none.
    DocumentedDefault,
    /// The rule's backoff.
    Backoff,
    /// No wait: retry at once.
    Immediately,
    /// The rule leaves the delays to the client: its [`RetryPolicy`]'s backoff.
    ClientPolicy,
}

/// What a client decides where the catalog does not: attempts in all when a rule sets no cap,
/// the longest wait worth waiting, and the delays when a rule gives none of its own. The
/// defaults are the AWS SDKs' standard retry mode: three attempts, delays from one second
/// doubling up to twenty, with full jitter; and waits of at most fifteen minutes
/// ([`Recovery::DEFAULT_MAX_WAIT`]), beyond which a retry is not worth waiting for.
///
/// ```
/// use api_error_runtime::RetryPolicy;
/// use std::time::Duration;
///
/// let patient = RetryPolicy::default().max_attempts(5).max_wait(Duration::from_secs(60));
/// assert_eq!((patient.max_attempts, patient.max_wait), (5, Duration::from_secs(60)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Attempts in all, the first included, when the rule sets no cap.
    pub max_attempts: u32,
    /// The longest wait before a retry: a response that asks for longer is not retried.
    pub max_wait: Duration,
    /// The delays when the rule gives none of its own.
    pub backoff: Backoff,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            max_wait: Recovery::DEFAULT_MAX_WAIT,
            backoff: Backoff::new(Duration::from_secs(1)).max_delay(Duration::from_secs(20)).jitter(Jitter::Full),
        }
    }
}

impl RetryPolicy {
    /// Attempts in all when the rule sets no cap.
    #[must_use]
    pub const fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts;
        self
    }

    /// The longest wait worth waiting.
    #[must_use]
    pub const fn max_wait(mut self, wait: Duration) -> Self {
        self.max_wait = wait;
        self
    }

    /// The delays when the rule gives none.
    #[must_use]
    pub const fn backoff(mut self, backoff: Backoff) -> Self {
        self.backoff = backoff;
        self
    }
}

/// The decision for one error response: what to do, whether and when to retry, and which
/// rule of the catalog says so. Made by `ApiError::recovery`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Recovery {
    pub(crate) kind: RecoveryKind,
    pub(crate) rule: &'static RecoveryRule,
    pub(crate) decided_by: DecidedBy,
    pub(crate) wait: Option<Duration>,
    pub(crate) wait_source: Option<WaitSource>,
    pub(crate) clamped: bool,
    pub(crate) max_wait: Duration,
    /// The server may have acted on the request (see [`Recovery::may_have_taken_effect`]).
    pub(crate) may_have_acted: bool,
    /// How the request failed, when no response came.
    pub(crate) transport: Option<TransportFailure>,
}

impl Recovery {
    /// The longest wait `ApiError::recovery` returns, unless the caller sets another.
    pub const DEFAULT_MAX_WAIT: Duration = Duration::from_secs(15 * 60);

    /// Decides the wait for `rule`, given the wait the server asked for and the documented
    /// default. The server's wait wins over the rule's own delay; waits are at most `max_wait`.
    pub(crate) fn decide(
        rule: &'static RecoveryRule,
        decided_by: DecidedBy,
        server_wait: Option<(Duration, WaitSource)>,
        reset_wait: Option<Duration>,
        default_wait: Option<Duration>,
        max_wait: Duration,
    ) -> Self {
        let immediately = Some((Duration::ZERO, WaitSource::Immediately));
        // A rule that leaves the delays to the client has a wait of the client's to choose:
        // a source, with no duration (`next_attempt` takes it from the policy).
        let backoff_wait = match (rule.backoff, rule.client_backoff) {
            (Some(backoff), _) => Some((backoff.delay(0), WaitSource::Backoff)),
            (None, true) => Some((Duration::ZERO, WaitSource::ClientPolicy)),
            (None, false) => None,
        };
        let wait_for = |kind| match kind {
            RecoveryKind::RetryAfterWait => server_wait
                .or_else(|| reset_wait.map(|d| (d, WaitSource::RateLimitReset)))
                .or_else(|| default_wait.map(|d| (d, WaitSource::DocumentedDefault)))
                .or(backoff_wait),
            RecoveryKind::RetryWithBackoff => server_wait.or(backoff_wait).or(immediately),
            RecoveryKind::RetryNow | RecoveryKind::RefreshCredentials => server_wait.or(immediately),
            _ => None,
        };
        let mut kind = rule.kind;
        let mut wait = wait_for(kind);
        if kind == RecoveryKind::RetryAfterWait && wait.is_none() {
            // The server said no wait and the documentation gives none: do what the rule says
            // then (any kind: one that does not retry needs no wait), or give up rather than
            // retry blindly. A kind that retries but finds no wait either gives up too (only
            // `if_no_wait: retry_after_wait`, which validation refuses, can).
            kind = rule.if_no_wait.unwrap_or(RecoveryKind::GiveUp);
            wait = wait_for(kind);
            if kind.retries() && wait.is_none() {
                kind = RecoveryKind::GiveUp;
            }
        }
        if !kind.retries() {
            wait = None;
        }
        let clamped = wait.is_some_and(|(w, _)| w > max_wait);
        let wait_source = wait.map(|(_, source)| source);
        let wait = wait.filter(|(_, source)| *source != WaitSource::ClientPolicy);
        let wait = wait.map(|(w, _)| w.min(max_wait));
        Self { kind, rule, decided_by, wait, wait_source, clamped, max_wait, may_have_acted: false, transport: None }
    }

    /// How the request failed, for a decision about a request that got no response.
    pub fn transport_failure(&self) -> Option<TransportFailure> {
        self.transport
    }

    /// Records whether the server may have acted on the request, unless the rule says it did not.
    pub(crate) fn acted(mut self, may_have_acted: bool) -> Self {
        self.may_have_acted = may_have_acted && !self.rule.safe_to_resend;
        self
    }

    /// May the request have taken effect on the server? After a server error (5xx) or a failure
    /// that may have reached the server (a timeout, a connection closed early), unless the rule
    /// says the server did not act (`safe_to_resend`); never after any other response, which
    /// refused the request.
    pub fn may_have_taken_effect(&self) -> bool {
        self.may_have_acted
    }

    /// The decision for `request`: a retry of a request that may have taken effect
    /// ([`Recovery::may_have_taken_effect`]) and is not idempotent becomes
    /// [`RecoveryKind::CheckOutcome`], so that a payment is not made twice; every other
    /// decision stands. `ApiError::recovery` alone decides as for an idempotent request.
    ///
    /// ```
    /// # use api_error_runtime::model::Model;
    /// # use api_error_runtime::{ApiError, Backoff, ErrorModel, RecoveryKind, RecoveryRule, RecoveryTable, Request, StatusClass};
    /// # use std::time::{Duration, SystemTime};
    /// # #[derive(serde::Deserialize)] struct Body {}
    /// # impl ErrorModel for Body {
    /// #     const MODEL: &'static Model = &Model::new("Demo", &[], &[], RecoveryTable::new(
    /// #         &[RecoveryRule::new("server", RecoveryKind::RetryWithBackoff, "", "")
    /// #             .classes(&[StatusClass::ServerError]).backoff(Backoff::new(Duration::from_secs(1)))],
    /// #         RecoveryRule::new("fallback", RecoveryKind::GiveUp, "", "")));
    /// # }
    /// // A 500 is retried with backoff, but a POST without an idempotency key may have been
    /// // carried out: find out first.
    /// let recovery = ApiError::<Body>::from_response(500, [("x", "y")], b"").recovery(SystemTime::now());
    /// assert_eq!(recovery.kind(), RecoveryKind::RetryWithBackoff);
    /// assert_eq!(recovery.for_request(Request::of_method("POST")).kind(), RecoveryKind::CheckOutcome);
    /// let keyed = Request::of_method("POST").with_idempotency_key();
    /// assert_eq!(recovery.for_request(keyed).kind(), RecoveryKind::RetryWithBackoff);
    /// ```
    #[must_use]
    pub fn for_request(self, request: Request) -> Self {
        if !self.should_retry() || !self.may_have_acted || request.is_idempotent() {
            return self;
        }
        Self { kind: RecoveryKind::CheckOutcome, wait: None, wait_source: None, clamped: false, ..self }
    }

    /// What to do.
    pub fn kind(&self) -> RecoveryKind {
        self.kind
    }

    /// Should the request be sent again (after [`Recovery::wait`])?
    pub fn should_retry(&self) -> bool {
        self.kind.retries()
    }

    /// How long to wait before the next attempt; `None` when not retrying, or when the rule
    /// leaves the delays to the client ([`WaitSource::ClientPolicy`]: ask
    /// [`Recovery::next_attempt`], which takes them from the policy).
    pub fn wait(&self) -> Option<Duration> {
        self.wait
    }

    /// How long to wait before the next attempt when `attempts_made` attempts (the first
    /// included) have failed this way: a wait the server gave stays as given; otherwise the
    /// rule's backoff grows with each attempt (never below the documented default). At most
    /// the maximum wait; `None` when not retrying.
    ///
    /// ```
    /// # use api_error_runtime::model::Model;
    /// # use api_error_runtime::{ApiError, Backoff, ErrorModel, RecoveryKind, RecoveryRule, RecoveryTable};
    /// # use std::time::{Duration, SystemTime};
    /// # #[derive(serde::Deserialize)] struct Body {}
    /// # impl ErrorModel for Body {
    /// #     const MODEL: &'static Model = &Model::new("Demo", &[], &[], RecoveryTable::new(&[],
    /// #         RecoveryRule::new("fallback", RecoveryKind::GiveUp, "", "")));
    /// # }
    /// # const RULE: RecoveryRule = RecoveryRule::new("server", RecoveryKind::RetryWithBackoff, "", "")
    /// #     .backoff(Backoff::new(Duration::from_secs(1)));
    /// // A rule backing off from 1 s, doubling:
    /// # let recovery = api_error_runtime::__private::decide(&RULE);
    /// assert_eq!(recovery.wait_after(1), Some(Duration::from_secs(1)));
    /// assert_eq!(recovery.wait_after(3), Some(Duration::from_secs(4)));
    /// ```
    pub fn wait_after(&self, attempts_made: u32) -> Option<Duration> {
        Some(self.grown_wait(attempts_made, Backoff::delay)?.min(self.max_wait))
    }

    /// The wait after `attempts_made` attempts, the rule's backoff giving the delay of a retry
    /// by `delay` (bare, or jittered): a wait the server gave stays as given; a backoff grows
    /// (never below the documented default). `None` with no wait of the decision's own.
    fn grown_wait(&self, attempts_made: u32, delay: impl Fn(&Backoff, u32) -> Duration) -> Option<Duration> {
        let first = self.wait?;
        let retry = attempts_made.saturating_sub(1);
        Some(match (self.wait_source?, self.rule.backoff) {
            (WaitSource::Backoff, Some(backoff)) => delay(&backoff, retry),
            (WaitSource::DocumentedDefault, Some(backoff)) => delay(&backoff, retry).max(first),
            _ => first,
        })
    }

    /// Where the wait comes from.
    pub fn wait_source(&self) -> Option<WaitSource> {
        self.wait_source
    }

    /// True when the wait asked for was longer than the maximum and was cut to it.
    pub fn wait_was_clamped(&self) -> bool {
        self.clamped
    }

    /// The catalog rule that decided.
    pub fn rule(&self) -> &'static RecoveryRule {
        self.rule
    }

    /// The precedence level the rule matched at.
    pub fn decided_by(&self) -> DecidedBy {
        self.decided_by
    }

    /// Attempts in all, the first included, where the catalog caps them; `None` when the
    /// documentation sets no cap (choose one).
    pub fn max_attempts(&self) -> Option<u32> {
        if self.should_retry() {
            self.rule.max_attempts
        } else {
            Some(1)
        }
    }

    /// The delays for later retries, where the rule has a backoff.
    pub fn backoff(&self) -> Option<Backoff> {
        self.rule.backoff.filter(|_| self.should_retry())
    }

    /// What to do when this recovery did not help: when [`Recovery::next_attempt`] said stop
    /// after retries, or the error came back after the user acted; `None` where the catalog
    /// says nothing more, and for a retry [`Recovery::for_request`] held back.
    pub fn escalation(&self) -> Option<Escalation> {
        self.rule.then.filter(|_| !self.held_back())
    }

    /// Did [`Recovery::for_request`] hold back the rule's retry (`check_outcome` in its place)?
    fn held_back(&self) -> bool {
        self.kind == RecoveryKind::CheckOutcome && self.rule.kind != RecoveryKind::CheckOutcome
    }

    /// The documentation's advice, in words; for a retry that [`Recovery::for_request`] held
    /// back, why it did instead (the rule's advice is about retrying).
    pub fn advice(&self) -> &'static str {
        if self.held_back() {
            return "The request may have taken effect and is not safe to send twice: find out whether it did \
                    before sending it again, or send it with an idempotency key.";
        }
        self.rule.advice
    }

    /// The one retry question: after `attempts_made` attempts (the first included) have failed,
    /// this one among them, how long to wait before the next, or `None` to stop. It stops when
    /// the decision does not retry, when the attempts reach the rule's cap (the policy's where
    /// the rule has none), and when the wait would pass the policy's longest; so a loop on it
    /// always ends. A wait the server gave is as given; a backoff's delay is randomised by its
    /// jitter with `random`, a number from 0 to 1 the caller draws (1 for the delay itself).
    ///
    /// ```
    /// # use api_error_runtime::{Backoff, RecoveryKind, RecoveryRule, RetryPolicy};
    /// # use std::time::Duration;
    /// # const RULE: RecoveryRule = RecoveryRule::new("busy", RecoveryKind::RetryWithBackoff, "", "")
    /// #     .backoff(Backoff::new(Duration::from_secs(1)));
    /// # let recovery = api_error_runtime::__private::decide(&RULE);
    /// // A rule backing off from 1 s, doubling, with no cap: the policy's three attempts.
    /// let policy = RetryPolicy::default();
    /// assert_eq!(recovery.next_attempt(1, &policy, 1.0), Some(Duration::from_secs(1)));
    /// assert_eq!(recovery.next_attempt(2, &policy, 1.0), Some(Duration::from_secs(2)));
    /// assert_eq!(recovery.next_attempt(3, &policy, 1.0), None);
    /// ```
    pub fn next_attempt(&self, attempts_made: u32, policy: &RetryPolicy, random: f64) -> Option<Duration> {
        if !self.should_retry() || self.wait_was_clamped() {
            return None;
        }
        let cap = self.rule.max_attempts.unwrap_or(policy.max_attempts);
        if attempts_made >= cap {
            return None;
        }
        let wait = match self.wait_source? {
            WaitSource::ClientPolicy => policy.backoff.jittered(attempts_made.saturating_sub(1), random),
            _ => self.grown_wait(attempts_made, |backoff, retry| backoff.jittered(retry, random))?,
        };
        (wait <= policy.max_wait).then_some(wait)
    }

    /// May another attempt be made after `attempts_made` attempts (the first included)?
    ///
    /// ```
    /// # use api_error_runtime::model::Model;
    /// # use api_error_runtime::{ApiError, ErrorModel, RecoveryKind, RecoveryRule, RecoveryTable};
    /// # use std::time::{Duration, SystemTime};
    /// # #[derive(serde::Deserialize)] struct Body {}
    /// # impl ErrorModel for Body {
    /// #     const MODEL: &'static Model = &Model::new("Demo", &[], &[], RecoveryTable::new(&[],
    /// #         RecoveryRule::new("fallback", RecoveryKind::RetryNow, "Retry.", "Errors").max_attempts(3)));
    /// # }
    /// let error = ApiError::<Body>::from_response(503, [("x", "y")], b"");
    /// let recovery = error.recovery(SystemTime::now());
    /// assert!(recovery.may_retry_after(2));
    /// assert!(!recovery.may_retry_after(3));
    /// ```
    pub fn may_retry_after(&self, attempts_made: u32) -> bool {
        self.should_retry() && self.max_attempts().is_none_or(|max| attempts_made < max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "Errors";

    fn rule(id: &'static str, kind: RecoveryKind) -> RecoveryRule {
        RecoveryRule::new(id, kind, "", SOURCE)
    }

    const TABLE: RecoveryTable = RecoveryTable::new(
        &[
            RecoveryRule::new("class", RecoveryKind::RetryWithBackoff, "", SOURCE)
                .classes(&[StatusClass::ServerError])
                .backoff(Backoff::new(Duration::from_secs(1))),
            RecoveryRule::new("status", RecoveryKind::RefreshCredentials, "", SOURCE)
                .statuses(&[401])
                .except(&["otp_invalid", "secret"]),
            RecoveryRule::new("value", RecoveryKind::UserAction, "", SOURCE).errors(&["otp_invalid"]),
            RecoveryRule::new("narrowed", RecoveryKind::RetryNow, "", SOURCE).errors(&["flaky"]).statuses(&[503]),
            RecoveryRule::new("hint", RecoveryKind::Reauthenticate, "", SOURCE).hints(&["relink"]),
        ],
        RecoveryRule::new("fallback", RecoveryKind::GiveUp, "", SOURCE),
    );

    fn decide(status: u16, error: Option<&str>, hint: Option<&str>) -> (&'static str, DecidedBy) {
        let (rule, by) = TABLE.rule_for(&Observed::new(status).code(error).hint(hint));
        (rule.id, by)
    }

    /// GitHub's 403s, Stripe's header: rules with conditions, at their level and on their own.
    const CONDITIONAL: RecoveryTable = RecoveryTable::new(
        &[
            RecoveryRule::new("forbidden", RecoveryKind::CheckPermissions, "", SOURCE).statuses(&[403]),
            RecoveryRule::new("primary", RecoveryKind::RetryAfterWait, "", SOURCE)
                .statuses(&[403, 429])
                .when(&[Condition::header("x-ratelimit-remaining", ConditionTest::Equals("0"))]),
            RecoveryRule::new("secondary", RecoveryKind::RetryAfterWait, "", SOURCE)
                .statuses(&[403, 429])
                .when(&[Condition::field(FieldRole::Message, ConditionTest::Contains("secondary rate limit"))]),
            RecoveryRule::new("expired", RecoveryKind::Reauthenticate, "", SOURCE).errors(&["expired"]),
            RecoveryRule::new("should-retry", RecoveryKind::RetryNow, "", SOURCE)
                .when(&[Condition::header("Should-Retry", ConditionTest::Equals("true"))]),
        ],
        RecoveryRule::new("fallback", RecoveryKind::GiveUp, "", SOURCE),
    );

    proptest::proptest! {
        /// The index asks only the rules a response may meet: the decision is the one every
        /// rule asked in turn gives, on tables of every level.
        #[test]
        fn the_index_decides_as_every_rule_asked_in_turn(
            table in proptest::sample::select(vec![TABLE, CONDITIONAL, TABLE.precedence(&[DecidedBy::ErrorValue, DecidedBy::Hint])]),
            status in proptest::sample::select(vec![200u16, 401, 403, 418, 429, 503, 600]),
            code in proptest::option::of(proptest::sample::select(vec!["otp_invalid", "flaky", "expired", "secret", "x"])),
            hint in proptest::option::of(proptest::sample::select(vec!["relink", "otp_invalid", ""])),
            every_code in proptest::collection::vec(proptest::sample::select(vec!["flaky", "expired", "y"]), 0..3),
            message in proptest::option::of(proptest::sample::select(vec!["a secondary rate limit", "no"])),
            headers in proptest::sample::subsequence(vec![("X-RateLimit-Remaining", "0"), ("should-retry", "true")], 0..=2),
        ) {
            let response = Observed::new(status).code(code).hint(hint).message(message).every_code(&every_code).headers(&headers);
            proptest::prop_assert!(table.index.is_some());
            let every_rule = RecoveryTable { index: None, ..table };
            let (indexed, linear) = (table.rule_for(&response), every_rule.rule_for(&response));
            proptest::prop_assert_eq!((indexed.0.id, indexed.1), (linear.0.id, linear.1));
        }
    }

    #[test]
    fn a_catalog_may_try_the_error_value_before_the_hint() {
        let decide = |table: &RecoveryTable| {
            let (rule, by) = table.rule_for(&Observed::new(401).code(Some("otp_invalid")).hint(Some("relink")));
            (rule.id, by)
        };
        assert_eq!(decide(&TABLE), ("hint", DecidedBy::Hint));
        let value_first = TABLE.precedence(&[
            DecidedBy::Condition,
            DecidedBy::ErrorValue,
            DecidedBy::Hint,
            DecidedBy::Status,
            DecidedBy::StatusClass,
        ]);
        assert_eq!(decide(&value_first), ("value", DecidedBy::ErrorValue));
        // Nothing covers it: the fallback, whatever the order.
        assert_eq!(value_first.rule_for(&Observed::new(404)).1, DecidedBy::Fallback);
    }

    #[test]
    fn a_request_that_may_have_taken_effect_is_resent_only_when_idempotent() {
        const TABLE: RecoveryTable = RecoveryTable::new(
            &[RecoveryRule::new("closed", RecoveryKind::RetryNow, "", SOURCE)
                .transport(&[TransportFailure::ConnectionClosed])
                .safe_to_resend()],
            RecoveryRule::new("fallback", RecoveryKind::GiveUp, "", SOURCE),
        );
        let (post, get) = (Request::of_method("POST"), Request::of_method("GET"));
        let timeout = TABLE.transport_recovery(TransportFailure::Timeout);
        assert!(timeout.may_have_taken_effect());
        assert_eq!(timeout.for_request(post).kind(), RecoveryKind::CheckOutcome);
        assert!(timeout.for_request(post).advice().contains("may have taken effect"), "{}", timeout.advice());
        assert_eq!(timeout.for_request(post).next_attempt(1, &RetryPolicy::default(), 1.0), None);
        assert_eq!(timeout.for_request(get), timeout);
        assert_eq!(timeout.for_request(post.with_idempotency_key()), timeout);
        // Never sent, or said by the catalog not to have been acted on: resent as it is.
        let refused = TABLE.transport_recovery(TransportFailure::Connect);
        assert_eq!((refused.may_have_taken_effect(), refused.for_request(post)), (false, refused));
        let closed = TABLE.transport_recovery(TransportFailure::ConnectionClosed);
        assert_eq!((closed.may_have_taken_effect(), closed.for_request(post).kind()), (false, RecoveryKind::RetryNow));
        // A decision that does not retry stands.
        let tls = TABLE.transport_recovery(TransportFailure::Tls);
        assert_eq!(tls.for_request(post), tls);
        // A retry held back has nothing more to escalate to: the client checks the outcome first.
        const ESCALATING: RecoveryRule = RecoveryRule::new("then", RecoveryKind::RetryNow, "", SOURCE)
            .then(Escalation::new(RecoveryKind::ContactSupport, "Call."));
        let escalating = Recovery { rule: &ESCALATING, ..timeout };
        assert_eq!(escalating.escalation().map(|e| e.kind), Some(RecoveryKind::ContactSupport));
        assert_eq!(escalating.for_request(post).escalation(), None);
        // Method names are case-sensitive; an unknown method is not idempotent.
        assert!(!Request::of_method("get").is_idempotent() && !Request::of_method("PATCH").is_idempotent());
    }

    #[test]
    fn rules_read_the_values_of_every_element_where_the_model_gives_them() {
        let decide = |codes: &[&str]| {
            let (rule, by) = TABLE.rule_for(&Observed::new(401).code(codes.first().copied()).every_code(codes));
            (rule.id, by)
        };
        // The first element's code alone decides at the status; the second's is a rule's value.
        assert_eq!(decide(&["other"]), ("status", DecidedBy::Status));
        assert_eq!(decide(&["other", "otp_invalid"]), ("value", DecidedBy::ErrorValue));
        // An excepted value in any element keeps the rule out.
        assert_eq!(decide(&["other", "secret"]), ("fallback", DecidedBy::Fallback));
        // Conditions on the code pass when any element's does.
        let condition = Condition::field(FieldRole::Code, ConditionTest::Equals("SECRET"));
        assert!(condition.holds(&Observed::new(401).code(Some("other")).every_code(&["other", "secret"])));
        assert!(!condition.holds(&Observed::new(401).code(Some("other")).every_code(&["other"])));
    }

    #[test]
    fn a_rule_of_transport_failures_decides_those_and_no_response() {
        const TABLE: RecoveryTable = RecoveryTable::new(
            &[RecoveryRule::new("timeout", RecoveryKind::RetryNow, "", SOURCE).transport(&[TransportFailure::Timeout])],
            RecoveryRule::new("fallback", RecoveryKind::GiveUp, "", SOURCE),
        );
        for status in [400, 408, 500, 503, 504] {
            assert_eq!(TABLE.rule_for(&Observed::new(status)).0.id, "fallback", "{status}");
        }
        let decided = TABLE.transport_recovery(TransportFailure::Timeout);
        assert_eq!(
            (decided.rule().id, decided.decided_by(), decided.wait()),
            ("timeout", DecidedBy::Transport, Some(Duration::ZERO))
        );
        // Not named: the runtime's default, whose delays are the client's policy's.
        let default = TABLE.transport_recovery(TransportFailure::ConnectionClosed);
        assert_eq!(
            (default.rule().id, default.wait(), default.wait_source()),
            ("transport-retry", None, Some(WaitSource::ClientPolicy))
        );
        assert_eq!(default.next_attempt(1, &RetryPolicy::default(), 1.0), Some(Duration::from_secs(1)));
        assert_eq!(TABLE.transport_recovery(TransportFailure::Tls).kind(), RecoveryKind::FixConfiguration);
    }

    #[test]
    fn a_rule_with_conditions_goes_first_in_its_level_and_alone_above_every_level() {
        let decide = |observed: Observed<'_>| {
            let (rule, by) = CONDITIONAL.rule_for(&observed);
            (rule.id, by)
        };
        let spent = [("X-RATELIMIT-REMAINING", " 0 ")];
        let left = [("x-ratelimit-remaining", "12")];
        assert_eq!(decide(Observed::new(403).headers(&spent)), ("primary", DecidedBy::Status));
        assert_eq!(decide(Observed::new(403).headers(&left)), ("forbidden", DecidedBy::Status));
        assert_eq!(decide(Observed::new(403)), ("forbidden", DecidedBy::Status));
        let secondary = Observed::new(403).message(Some("You have exceeded a Secondary Rate Limit."));
        assert_eq!(decide(secondary), ("secondary", DecidedBy::Status));
        assert_eq!(decide(Observed::new(429).headers(&spent)), ("primary", DecidedBy::Status));
        assert_eq!(decide(Observed::new(404).headers(&spent)), ("fallback", DecidedBy::Fallback));
        // The scope-less condition beats every level; when it does not hold, the levels decide.
        let should = [("should-retry", "TRUE")];
        assert_eq!(
            decide(Observed::new(401).code(Some("expired")).headers(&should)),
            ("should-retry", DecidedBy::Condition)
        );
        assert_eq!(decide(Observed::new(401).code(Some("expired"))), ("expired", DecidedBy::ErrorValue));
        let should_not = [("should-retry", "false")];
        assert_eq!(
            decide(Observed::new(401).code(Some("expired")).headers(&should_not)),
            ("expired", DecidedBy::ErrorValue)
        );
    }

    #[test]
    fn contains_compares_ascii_letters_in_any_case_and_needs_the_value() {
        let message = Condition::field(FieldRole::Message, ConditionTest::Contains("rate LIMIT"));
        assert!(message.holds(&Observed::new(403).message(Some("Secondary rate limit hit"))));
        assert!(!message.holds(&Observed::new(403).message(Some("rate-limit"))));
        assert!(!message.holds(&Observed::new(403)));
        let empty = Condition::field(FieldRole::Message, ConditionTest::Contains(""));
        assert!(empty.holds(&Observed::new(403).message(Some("anything"))) && !empty.holds(&Observed::new(403)));
    }

    #[test]
    fn precedence_is_hint_value_status_class_fallback() {
        assert_eq!(decide(401, Some("otp_invalid"), Some("relink")), ("hint", DecidedBy::Hint));
        assert_eq!(decide(401, Some("otp_invalid"), None), ("value", DecidedBy::ErrorValue));
        assert_eq!(decide(401, Some("other"), None), ("status", DecidedBy::Status));
        assert_eq!(decide(502, Some("other"), Some("unknown hint")), ("class", DecidedBy::StatusClass));
        assert_eq!(decide(404, None, None), ("fallback", DecidedBy::Fallback));
    }

    #[test]
    fn exclusions_fall_through_to_the_next_level() {
        // `secret` has no rule of its own: excluded from the 401 rule, it reaches the fallback.
        assert_eq!(decide(401, Some("secret"), None), ("fallback", DecidedBy::Fallback));
    }

    #[test]
    fn statuses_narrow_value_rules() {
        assert_eq!(decide(503, Some("flaky"), None), ("narrowed", DecidedBy::ErrorValue));
        assert_eq!(decide(500, Some("flaky"), None), ("class", DecidedBy::StatusClass));
    }

    #[test]
    fn levels_follow_what_a_rule_names() {
        assert_eq!(rule("a", RecoveryKind::GiveUp).level(), DecidedBy::Fallback);
        assert_eq!(
            rule("a", RecoveryKind::GiveUp).classes(&[StatusClass::ClientError]).level(),
            DecidedBy::StatusClass
        );
        assert_eq!(rule("a", RecoveryKind::GiveUp).statuses(&[1]).errors(&["x"]).level(), DecidedBy::ErrorValue);
        assert_eq!(rule("a", RecoveryKind::GiveUp).errors(&["x"]).hints(&["y"]).level(), DecidedBy::Hint);
    }

    #[test]
    fn a_backoff_left_to_the_client_takes_the_policy_s_delays() {
        static BACKOFF: RecoveryRule =
            RecoveryRule::new("busy", RecoveryKind::RetryWithBackoff, "", SOURCE).client_backoff();
        static WAIT: RecoveryRule =
            RecoveryRule::new("slow", RecoveryKind::RetryAfterWait, "", SOURCE).client_backoff().max_attempts(4);
        let policy = RetryPolicy::default().backoff(Backoff::new(Duration::from_millis(500)));
        for rule in [&BACKOFF, &WAIT] {
            let recovery = Recovery::decide(rule, DecidedBy::Status, None, None, None, Recovery::DEFAULT_MAX_WAIT);
            assert_eq!(
                (recovery.kind(), recovery.wait(), recovery.wait_source()),
                (rule.kind, None, Some(WaitSource::ClientPolicy))
            );
            assert_eq!(recovery.next_attempt(1, &policy, 1.0), Some(Duration::from_millis(500)));
            assert_eq!(recovery.next_attempt(2, &policy, 1.0), Some(Duration::from_secs(1)));
        }
        // The policy's three attempts where the rule sets none; the rule's four where it does.
        let backoff = Recovery::decide(&BACKOFF, DecidedBy::Status, None, None, None, Recovery::DEFAULT_MAX_WAIT);
        assert_eq!(backoff.next_attempt(3, &policy, 1.0), None);
        let wait = Recovery::decide(&WAIT, DecidedBy::Status, None, None, None, Recovery::DEFAULT_MAX_WAIT);
        assert_eq!(wait.next_attempt(3, &policy, 1.0), Some(Duration::from_secs(2)));
        // A wait the server gives is the wait, as for any rule.
        let server = Some((Duration::from_secs(7), WaitSource::RetryAfterHeader));
        let told = Recovery::decide(&BACKOFF, DecidedBy::Status, server, None, None, Recovery::DEFAULT_MAX_WAIT);
        assert_eq!(
            (told.wait(), told.next_attempt(1, &policy, 1.0)),
            (Some(Duration::from_secs(7)), Some(Duration::from_secs(7)))
        );
    }

    fn wait_of(recovery: &Recovery) -> (RecoveryKind, Option<u64>, Option<WaitSource>) {
        (recovery.kind(), recovery.wait().map(|w| w.as_secs()), recovery.wait_source())
    }

    const MAX: Duration = Duration::from_secs(600);

    #[test]
    fn the_server_wait_wins_then_the_default_then_the_backoff() {
        static RULE: RecoveryRule = RecoveryRule::new("r", RecoveryKind::RetryAfterWait, "", SOURCE)
            .backoff(Backoff::new(Duration::from_secs(3)));
        let server = Some((Duration::from_secs(5), WaitSource::RetryAfterHeader));
        let decide = |server, default| Recovery::decide(&RULE, DecidedBy::Status, server, None, default, MAX);
        assert_eq!(wait_of(&decide(server, Some(Duration::from_secs(60)))), (RULE.kind, Some(5), server.map(|s| s.1)));
        assert_eq!(
            wait_of(&decide(None, Some(Duration::from_secs(60)))),
            (RULE.kind, Some(60), Some(WaitSource::DocumentedDefault))
        );
        assert_eq!(wait_of(&decide(None, None)), (RULE.kind, Some(3), Some(WaitSource::Backoff)));
    }

    #[test]
    fn a_rate_limit_reset_is_a_wait_only_for_a_rule_that_waits_as_the_server_says() {
        static WAITS: RecoveryRule = RecoveryRule::new("r", RecoveryKind::RetryAfterWait, "", SOURCE);
        static BACKS_OFF: RecoveryRule = RecoveryRule::new("b", RecoveryKind::RetryWithBackoff, "", SOURCE)
            .backoff(Backoff::new(Duration::from_secs(2)));
        let reset = Some(Duration::from_secs(40));
        let server = Some((Duration::from_secs(5), WaitSource::RetryAfterHeader));
        let decide = |rule, server, default| Recovery::decide(rule, DecidedBy::Status, server, reset, default, MAX);
        // After the server's own wait, before the documented default.
        assert_eq!(wait_of(&decide(&WAITS, server, None)).1, Some(5));
        let from_reset = (RecoveryKind::RetryAfterWait, Some(40), Some(WaitSource::RateLimitReset));
        assert_eq!(wait_of(&decide(&WAITS, None, Some(Duration::from_secs(60)))), from_reset);
        // A window that resets later says nothing about when a failing server recovers.
        assert_eq!(
            wait_of(&decide(&BACKS_OFF, None, None)),
            (RecoveryKind::RetryWithBackoff, Some(2), Some(WaitSource::Backoff))
        );
    }

    #[test]
    fn no_wait_turns_into_the_rules_alternative_or_giving_up() {
        static GIVE_UP: RecoveryRule = RecoveryRule::new("r", RecoveryKind::RetryAfterWait, "", SOURCE);
        static BACKOFF: RecoveryRule =
            RecoveryRule::new("r", RecoveryKind::RetryAfterWait, "", SOURCE).if_no_wait(RecoveryKind::RetryNow);
        let decided = Recovery::decide(&GIVE_UP, DecidedBy::Status, None, None, None, MAX);
        assert_eq!(wait_of(&decided), (RecoveryKind::GiveUp, None, None));
        assert!(!decided.should_retry() && decided.max_attempts() == Some(1));
        let decided = Recovery::decide(&BACKOFF, DecidedBy::Status, None, None, None, MAX);
        assert_eq!(wait_of(&decided), (RecoveryKind::RetryNow, Some(0), Some(WaitSource::Immediately)));
        // A rule that would wait again for a wait that is not there gives up too.
        static AGAIN: RecoveryRule =
            RecoveryRule::new("r", RecoveryKind::RetryAfterWait, "", SOURCE).if_no_wait(RecoveryKind::RetryAfterWait);
        let decided = Recovery::decide(&AGAIN, DecidedBy::Status, None, None, None, MAX);
        assert_eq!(wait_of(&decided), (RecoveryKind::GiveUp, None, None));
        assert!(!decided.should_retry());
    }

    #[test]
    fn waits_are_clamped_and_only_given_when_retrying() {
        static RULE: RecoveryRule = RecoveryRule::new("r", RecoveryKind::RetryWithBackoff, "", SOURCE)
            .backoff(Backoff::new(Duration::from_secs(1)));
        let huge = Some((Duration::MAX, WaitSource::RetryAfterHeader));
        let decided = Recovery::decide(&RULE, DecidedBy::Status, huge, None, None, MAX);
        assert_eq!(decided.wait(), Some(MAX));
        assert!(decided.wait_was_clamped());
        static FIX: RecoveryRule = RecoveryRule::new("r", RecoveryKind::FixRequest, "", SOURCE);
        let decided = Recovery::decide(&FIX, DecidedBy::Status, huge, None, None, MAX);
        assert_eq!((decided.wait(), decided.wait_was_clamped(), decided.backoff()), (None, false, None));
    }

    #[test]
    fn backoff_multiplies_caps_and_saturates() {
        let backoff = Backoff::new(Duration::from_millis(500)).multiplier(3.0).max_delay(Duration::from_secs(10));
        let delays: Vec<u128> = backoff.delays().take(5).map(|d| d.as_millis()).collect();
        assert_eq!(delays, [500, 1_500, 4_500, 10_000, 10_000]);
        let unbounded = Backoff::new(Duration::from_secs(1));
        assert_eq!(unbounded.delay(u32::MAX), Duration::MAX);
        let odd = Backoff::new(Duration::from_secs(2)).multiplier(f64::NAN);
        assert_eq!(odd.delay(9), Duration::from_secs(2));
    }

    #[test]
    fn jitter_stays_within_the_delay() {
        let full = Backoff::new(Duration::from_secs(8)).jitter(Jitter::Full);
        assert_eq!(full.jittered(0, 0.25), Duration::from_secs(2));
        assert_eq!(full.jittered(0, f64::NAN), Duration::ZERO);
        assert_eq!(full.jittered(0, 7.0), Duration::from_secs(8));
        let equal = Backoff::new(Duration::MAX).jitter(Jitter::Equal);
        assert!(equal.jittered(0, 1.0) <= Duration::MAX && equal.jittered(0, 0.0) >= Duration::MAX / 2);
        assert_eq!(Backoff::new(Duration::from_secs(8)).jittered(1, 0.5), Duration::from_secs(16));
    }
}
