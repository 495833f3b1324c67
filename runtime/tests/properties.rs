//! Whatever a server sends, reading it and deciding never panics, and waits stay in bounds.

use api_error_runtime::model::{FieldRole, HeaderRole, Model};
use api_error_runtime::{
    ApiError, Backoff, ErrorModel, Reading, RecoveryKind, RecoveryRule, RecoveryTable, RetryAfter, RetryAfterFormat,
    StatusClass,
};
use proptest::prelude::*;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)] // Only decoded.
struct Body {
    code: String,
    message: Option<String>,
}

impl ErrorModel for Body {
    const MODEL: &'static Model = &Model::new(
        "Props",
        &[(FieldRole::Code, &["code"]), (FieldRole::Message, &["message"]), (FieldRole::RetryAfter, &["wait"])],
        &[(HeaderRole::RetryAfter, "retry-after"), (HeaderRole::RateLimitReset, "x-ratelimit-reset")],
        RecoveryTable::new(
            &[
                RecoveryRule::new("wait", RecoveryKind::RetryAfterWait, "", "").statuses(&[429]),
                RecoveryRule::new("server", RecoveryKind::RetryWithBackoff, "", "")
                    .classes(&[StatusClass::ServerError])
                    .backoff(Backoff::new(Duration::from_secs(1)).multiplier(1e300)),
            ],
            RecoveryRule::new("fallback", RecoveryKind::GiveUp, "", ""),
        ),
    )
    .retry_after_formats(&[RetryAfterFormat::Iso8601]);
}

fn header_name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Retry-After".to_string()),
        Just("RETRY-AFTER".to_string()),
        Just("x-ratelimit-reset".to_string()),
        ".{0,12}",
    ]
}

fn header_value() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        "[0-9]{1,30}".prop_map(String::into_bytes),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})".prop_map(String::into_bytes),
        "(Sun|Mon), [0-9]{2} (Nov|Dec) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT".prop_map(String::into_bytes),
        proptest::collection::vec(any::<u8>(), 0..24),
    ]
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..256),
        r#"\{"code":"[a-z_]{0,8}"(,"message":(null|1|"[a-z ]{0,8}"))?(,"wait":(-?[0-9]{1,25}(\.[0-9])?|"[0-9]{0,5}"))?\}"#
            .prop_map(String::into_bytes),
    ]
}

proptest! {
    #[test]
    fn reading_and_deciding_never_panics(
        status in any::<u16>(),
        headers in proptest::collection::vec((header_name(), header_value()), 0..4),
        body in body(),
        now in any::<u64>(),
        max_wait in any::<u64>(),
    ) {
        let error = ApiError::<Body>::from_response(status, headers, &body);
        let now = UNIX_EPOCH.checked_add(Duration::from_secs(now)).unwrap_or(SystemTime::UNIX_EPOCH);
        let max_wait = Duration::from_millis(max_wait);
        let recovery = error.recovery_with_max_wait(now, max_wait);
        prop_assert_eq!(error.status(), status);
        prop_assert!(recovery.wait().is_none_or(|wait| wait <= max_wait));
        prop_assert_eq!(recovery.wait().is_some(), recovery.should_retry());
        let _ = error.to_string();
    }
}

/// A header value with what may surround it: ASCII blanks, a vertical tab, Unicode spaces.
fn padded_header_value() -> impl Strategy<Value = Vec<u8>> {
    let padding = proptest::sample::select(vec!["", " ", "\t", "\u{b}", "\u{a0}", "\u{3000}", " \u{2003} "]);
    (padding.clone(), header_value(), padding)
        .prop_map(|(before, value, after)| [before.as_bytes(), &value, after.as_bytes()].concat())
}

proptest! {
    /// Header values are read from their bytes; what is read is what their text reads
    /// (trimmed as `str::trim` trims, bytes that are not UTF-8 replaced), and what is kept of a
    /// value not understood is that text.
    #[test]
    fn header_values_read_as_their_text(retry_after in padded_header_value(), reset in padded_header_value()) {
        let error = ApiError::<Body>::from_response(
            429,
            [("Retry-After", retry_after.as_slice()), ("X-RateLimit-Reset", reset.as_slice())],
            b"{}",
        );
        let text = String::from_utf8_lossy(&retry_after);
        let expected = match RetryAfter::read_header("Retry-After", &text, &[RetryAfterFormat::Iso8601]) {
            Some(read) => Reading::Valid(read),
            None => Reading::Invalid(text.trim().to_owned()),
        };
        prop_assert_eq!(error.retry_after(), &expected);
        let text = String::from_utf8_lossy(&reset);
        let expected = match text.trim().parse::<u64>() {
            Ok(number) => Reading::Valid(number),
            Err(_) => Reading::Invalid(text.trim().to_owned()),
        };
        prop_assert_eq!(&error.rate_limit().reset, &expected);
    }
}
