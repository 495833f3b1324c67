use crate::StatusClass;
use std::time::Duration;

/// How a retry rule spaces its attempts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RetryDelay {
    /// Wait as long as the `Retry-After` header says.
    RetryAfterHeader,
    /// Double the delay on each attempt, starting from `base_delay`.
    ExponentialBackoff,
    /// Wait `base_delay` before every attempt.
    Fixed,
}

/// When and how an API's documentation says to retry a failed request.
///
/// "Should I retry" (`retry`) and "how long should I wait" (`delay`) are separate facts.
/// Generated modules list their API's rules in `RETRY_RULES`, built with [`RetryRule::new`]
/// and the `const` setters:
///
/// ```
/// use api_error_runtime::{RetryDelay, RetryRule};
/// use std::time::Duration;
///
/// const TRANSIENT: RetryRule = RetryRule::new("transient", true, "Retry with exponential backoff.")
///     .statuses(&[500, 503])
///     .delay(RetryDelay::ExponentialBackoff)
///     .base_delay(Duration::from_secs(1))
///     .max_attempts(3);
///
/// assert!(TRANSIENT.applies_to_status(503));
/// assert_eq!(TRANSIENT.backoff_delay(2), Some(Duration::from_secs(4)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryRule {
    /// Stable identifier of the rule in the catalog.
    pub id: &'static str,
    /// HTTP statuses the rule applies to.
    pub statuses: &'static [u16],
    /// Whole status classes the rule applies to (every 5xx, say).
    pub classes: &'static [StatusClass],
    /// Error wire strings (types, codes) the rule applies to.
    pub errors: &'static [&'static str],
    /// Whether to retry at all.
    pub retry: bool,
    /// How to space the attempts, where the documentation says.
    pub delay: Option<RetryDelay>,
    /// Attempts in all, the first included, where the documentation caps them.
    pub max_attempts: Option<u32>,
    /// The first (or fixed) delay.
    pub base_delay: Option<Duration>,
    /// The documentation's advice, in words.
    pub advice: &'static str,
}

impl RetryRule {
    /// A rule that applies to nothing yet, with no delay or cap.
    pub const fn new(id: &'static str, retry: bool, advice: &'static str) -> Self {
        Self {
            id,
            statuses: &[],
            classes: &[],
            errors: &[],
            retry,
            delay: None,
            max_attempts: None,
            base_delay: None,
            advice,
        }
    }

    /// The HTTP statuses the rule applies to.
    #[must_use]
    pub const fn statuses(mut self, statuses: &'static [u16]) -> Self {
        self.statuses = statuses;
        self
    }

    /// The status classes the rule applies to.
    #[must_use]
    pub const fn classes(mut self, classes: &'static [StatusClass]) -> Self {
        self.classes = classes;
        self
    }

    /// The error wire strings the rule applies to.
    #[must_use]
    pub const fn errors(mut self, errors: &'static [&'static str]) -> Self {
        self.errors = errors;
        self
    }

    /// How the attempts are spaced.
    #[must_use]
    pub const fn delay(mut self, delay: RetryDelay) -> Self {
        self.delay = Some(delay);
        self
    }

    /// Attempts in all, the first included.
    #[must_use]
    pub const fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = Some(attempts);
        self
    }

    /// The first (or fixed) delay.
    #[must_use]
    pub const fn base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = Some(delay);
        self
    }

    /// Does the rule cover this HTTP status, by its code or its class?
    pub fn applies_to_status(&self, code: u16) -> bool {
        self.statuses.contains(&code) || StatusClass::of(code).is_some_and(|class| self.classes.contains(&class))
    }

    /// Does the rule cover this error wire string?
    pub fn applies_to_error(&self, wire: &str) -> bool {
        self.errors.contains(&wire)
    }

    /// The delay before retry number `retry` (0 for the first retry), for rules with a fixed
    /// or exponential delay. Saturates instead of overflowing.
    pub fn backoff_delay(&self, retry: u32) -> Option<Duration> {
        let base = self.base_delay?;
        match self.delay? {
            RetryDelay::Fixed => Some(base),
            RetryDelay::ExponentialBackoff => Some(base.saturating_mul(2u32.saturating_pow(retry))),
            RetryDelay::RetryAfterHeader => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exponential_backoff_doubles_and_saturates() {
        let rule =
            RetryRule::new("t", true, "").delay(RetryDelay::ExponentialBackoff).base_delay(Duration::from_secs(1));
        assert_eq!(rule.backoff_delay(0), Some(Duration::from_secs(1)));
        assert_eq!(rule.backoff_delay(2), Some(Duration::from_secs(4)));
        assert_eq!(rule.backoff_delay(200), Some(Duration::from_secs(u64::from(u32::MAX))));
    }

    #[test]
    fn fixed_and_header_delays() {
        let fixed = RetryRule::new("f", true, "").delay(RetryDelay::Fixed).base_delay(Duration::from_millis(250));
        assert_eq!(fixed.backoff_delay(7), Some(Duration::from_millis(250)));
        let header = RetryRule::new("h", true, "").delay(RetryDelay::RetryAfterHeader);
        assert_eq!(header.backoff_delay(0), None);
        assert_eq!(RetryRule::new("n", false, "").backoff_delay(0), None);
    }

    #[test]
    fn scope_by_class() {
        let rule = RetryRule::new("5xx", true, "").classes(&[StatusClass::ServerError]).statuses(&[423]);
        assert!(rule.applies_to_status(500) && rule.applies_to_status(599) && rule.applies_to_status(423));
        assert!(!rule.applies_to_status(499) && !rule.applies_to_status(600));
    }

    #[test]
    fn scope_by_status_and_error() {
        let rule = RetryRule::new("s", false, "").statuses(&[401]).errors(&["SESSION_EXPIRED"]);
        assert!(rule.applies_to_status(401) && !rule.applies_to_status(403));
        assert!(rule.applies_to_error("SESSION_EXPIRED") && !rule.applies_to_error("session_expired"));
    }
}
