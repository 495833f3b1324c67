//! How a Rust client uses the generated crate: decoding real bodies, unknown values, the
//! catalog's facts, and turning any response into a decision. Hand-written; the code under
//! test is generated.

use api_error_catalog::{fanfare, ofauth, ApiErrorInfo, DecidedBy, RecoveryKind, RetryAfter, StatusClass, WaitSource};
use proptest::prelude::*;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

#[test]
fn ofauth_body_decodes_into_typed_fields() {
    let body: ofauth::ErrorResponse = serde_json::from_str(
        r#"{"error":"Connection expired","type":"SESSION_EXPIRED","actionRequired":"relink_connection","requestId":"req_1"}"#,
    )
    .unwrap();
    assert_eq!(body.type_, ofauth::ErrorType::SessionExpired);
    assert_eq!(body.action_required, Some(ofauth::ActionHint::RelinkConnection));
    assert_eq!(body.request_id, "req_1");
    assert_eq!(body.type_.statuses(), &[401]);
    assert_eq!(body.type_.action(), Some("Re-authenticate user via Link"));
}

#[test]
fn unknown_values_are_kept_and_serialize_back_unchanged() {
    let json = r#"{"error":"x","type":"BRAND_NEW_TYPE","requestId":"r","actionRequired":"do_a_dance"}"#;
    let body: ofauth::ErrorBody = serde_json::from_str(json).unwrap();
    assert!(matches!(body.type_, ofauth::ErrorType::Unknown(_)));
    assert_eq!(body.type_.as_str(), "BRAND_NEW_TYPE");
    assert!(body.type_.is_unknown());
    assert_eq!(body.type_.description(), None);
    assert_eq!(body.type_.statuses(), &[] as &[u16]);
    let back: serde_json::Value = serde_json::to_value(&body).unwrap();
    assert_eq!(back, serde_json::from_str::<serde_json::Value>(json).unwrap());
}

#[test]
fn wire_strings_parse_display_and_compare_literally() {
    for value in ofauth::ErrorType::ALL {
        let parsed: ofauth::ErrorType = value.as_str().parse().unwrap();
        assert_eq!(&parsed, value);
        assert!(!parsed.is_unknown());
        assert_eq!(parsed.to_string(), value.as_str());
    }
    // Literal wire strings: no case conversion guesswork.
    assert_eq!(fanfare::ErrorCode::QueueIsFull.as_str(), "Queue is full");
    assert_eq!(fanfare::ErrorCode::InvalidRefreshToken.as_str(), "invalid refresh token");
    assert!("queue is full".parse::<fanfare::ErrorCode>().unwrap().is_unknown());
    // Only decoding makes an Unknown, so a known string never becomes one.
    assert_eq!(ofauth::ErrorType::from("FORBIDDEN"), ofauth::ErrorType::Forbidden);
    assert!(!ofauth::ErrorType::from(String::from("FORBIDDEN")).is_unknown());
}

#[test]
fn unknown_error_has_two_statuses_and_proxy_network_come_from_prose() {
    assert_eq!(ofauth::ErrorType::UnknownError.statuses(), &[500, 503]);
    assert_eq!(ofauth::ErrorType::ProxyError.statuses(), &[502]);
    assert_eq!(ofauth::ErrorType::NetworkError.retryable(), Some(true));
    assert_eq!(ofauth::ErrorType::ALL.len(), 13);
}

#[test]
fn http_status_facts() {
    let status = ofauth::HttpStatus::from_code(429);
    assert_eq!(status, ofauth::HttpStatus::TooManyRequests);
    assert_eq!(status.action(), Some("Wait and retry"));
    assert_eq!(status.class(), Some(StatusClass::ClientError));
    assert_eq!(ofauth::HttpStatus::from_code(418), ofauth::HttpStatus::Unknown(418));
    assert!(ofauth::HttpStatus::from_code(418).is_unknown());
    assert!(!ofauth::HttpStatus::Unknown(403).is_unknown());
    assert_eq!(serde_json::to_string(&fanfare::HttpStatus::Locked).unwrap(), "423");
    let decoded: fanfare::HttpStatus = serde_json::from_str("599").unwrap();
    assert_eq!(decoded.code(), 599);
}

#[test]
fn fanfare_bodies_pick_the_right_format() {
    let denial: fanfare::ErrorResponse =
        serde_json::from_str(r#"{"status":"DENIED","denyReason":"ORDER_LIMIT_EXCEEDED","consumerId":"c"}"#).unwrap();
    match denial {
        fanfare::ErrorResponse::OrderDenial(d) => {
            assert_eq!(d.deny_reason, fanfare::DenyReason::OrderLimitExceeded)
        }
        other => panic!("decoded as {other:?}"),
    }
    let otp: fanfare::ErrorResponse = serde_json::from_str(r#"{"error":"otp_expired","message":"m"}"#).unwrap();
    let fanfare::ErrorResponse::ErrorBody(otp) = otp else { panic!("not an ErrorBody") };
    assert_eq!(otp.error.kind(), Some("code"));
    assert_eq!(otp.error.user_message(), Some("Your code has expired. Please request a new one."));
}

#[test]
fn bodies_can_be_built_in_client_tests() {
    let body = fanfare::ErrorBody::new(fanfare::ErrorCode::from("Validation failed"))
        .with_details(vec![fanfare::FieldError::new("email", "Invalid email format")]);
    let json = serde_json::to_value(&body).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"error": "Validation failed", "details": [{"field": "email", "message": "Invalid email format"}]})
    );
}

#[test]
fn retry_after_follows_each_api_dialect_beside_the_standard_forms() {
    let at = Some(RetryAfter::At(UNIX_EPOCH + Duration::from_secs(1_733_043_600)));
    // Fanfare's ISO timestamps are its own dialect; OFAuth documents only seconds.
    assert_eq!(fanfare::headers::parse_retry_after("2024-12-01T09:00:00Z"), at);
    assert_eq!(ofauth::headers::parse_retry_after("2024-12-01T09:00:00Z"), None);
    // Both accept the RFC 9110 forms, which every recipient must.
    for api_parse in [ofauth::headers::parse_retry_after, fanfare::headers::parse_retry_after] {
        assert_eq!(api_parse("Sun, 01 Dec 2024 09:00:00 GMT"), at);
        assert_eq!(api_parse("120"), Some(RetryAfter::Delay(Duration::from_secs(120))));
    }
}

/// 2024-12-01T08:00:00Z.
fn now() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_733_040_000)
}

fn ofauth_decision(status: u16, headers: &[(&str, &str)], body: &[u8]) -> (RecoveryKind, &'static str, Option<u64>) {
    let recovery = ofauth::Error::from_response(status, headers.iter().copied(), body).recovery(now());
    (recovery.kind(), recovery.rule().id, recovery.wait().map(|w| w.as_secs()))
}

fn fanfare_decision(status: u16, headers: &[(&str, &str)], body: &[u8]) -> (RecoveryKind, &'static str, Option<u64>) {
    let recovery = fanfare::Error::from_response(status, headers.iter().copied(), body).recovery(now());
    (recovery.kind(), recovery.rule().id, recovery.wait().map(|w| w.as_secs()))
}

/// What a response must lead to: kind, rule and wait in seconds.
type Decision = (RecoveryKind, &'static str, Option<u64>);
/// A named response (status, headers, body) and its decision.
type Case<'a> = (&'a str, u16, &'a [(&'a str, &'a str)], &'a [u8], Decision);

/// Hostile and partial responses, with the decision each must lead to.
#[test]
fn hostile_responses_still_lead_to_the_documented_decision() {
    use RecoveryKind::*;
    let huge = format!(r#"{{"type":"RULES_OUTDATED","pad":"{}"}}"#, "x".repeat(5 << 20));
    let deep = "{\"a\":".repeat(10_000);
    let ofauth_cases: &[Case] = &[
        // All or nothing no more: the type decides even when other fields are missing or wrong.
        ("no requestId", 401, &[], br#"{"error":"x","type":"RULES_OUTDATED"}"#, (RetryNow, "rules-outdated", Some(0))),
        (
            "error mistyped",
            401,
            &[],
            br#"{"error":5,"type":"RULES_OUTDATED","requestId":"r"}"#,
            (RetryNow, "rules-outdated", Some(0)),
        ),
        (
            "hint beats type",
            401,
            &[],
            br#"{"type":"UNAUTHORIZED","actionRequired":"verify_identity"}"#,
            (UserAction, "verify-identity", None),
        ),
        ("unknown type at 401", 401, &[], br#"{"type":"NEW_TYPE"}"#, (Reauthenticate, "unauthorized-status", None)),
        (
            "503 UNKNOWN_ERROR by type, not status",
            503,
            &[],
            br#"{"type":"UNKNOWN_ERROR"}"#,
            (RetryWithBackoff, "unknown-error", Some(1)),
        ),
        ("empty 429", 429, &[], b"", (RetryAfterWait, "rate-limit-status", Some(60))),
        ("429 in odd case", 429, &[("rEtRy-aFtEr", "7")], b"", (RetryAfterWait, "rate-limit-status", Some(7))),
        (
            "429 HTTP-date",
            429,
            &[("Retry-After", "Sun, 01 Dec 2024 08:10:00 GMT")],
            br#"{"type":"RATE_LIMIT_EXCEEDED"}"#,
            (RetryAfterWait, "rate-limited", Some(600)),
        ),
        (
            "429 garbage",
            429,
            &[("Retry-After", "later")],
            br#"{"type":"RATE_LIMIT_EXCEEDED"}"#,
            (RetryAfterWait, "rate-limited", Some(60)),
        ),
        (
            "429 overflow",
            429,
            &[("Retry-After", "18446744073709551616")],
            b"",
            (RetryAfterWait, "rate-limit-status", Some(900)),
        ),
        ("proxy page", 502, &[], b"<html>Bad Gateway</html>", (RetryWithBackoff, "server-errors", Some(1))),
        ("truncated", 400, &[], br#"{"type":"BAD_REQ"#, (FixRequest, "bad-request-status", None)),
        ("null", 404, &[], b"null", (FixRequest, "bad-request-status", None)),
        ("array", 403, &[], b"[]", (CheckPermissions, "forbidden-status", None)),
        ("5 MB body", 401, &[], huge.as_bytes(), (Reauthenticate, "unauthorized-status", None)),
        ("deep nesting", 500, &[], deep.as_bytes(), (RetryWithBackoff, "server-errors", Some(1))),
        ("unlisted status", 418, &[], b"{}", (GiveUp, "fallback", None)),
    ];
    for (name, status, headers, body, expected) in ofauth_cases {
        let (kind, rule, wait) = ofauth_decision(*status, headers, body);
        assert_eq!((kind, rule, wait), (expected.0, expected.1, expected.2), "OFAuth: {name}");
    }
    let fanfare_cases: &[Case] = &[
        // Not every 401 is an expired token.
        ("otp at 401", 401, &[], br#"{"error":"otp_invalid"}"#, (UserAction, "otp-codes", None)),
        (
            "refresh failed",
            401,
            &[],
            br#"{"error":"invalid refresh token"}"#,
            (Reauthenticate, "invalid-refresh-token", None),
        ),
        ("any other 401", 401, &[], br#"{"error":"Token expired"}"#, (RefreshCredentials, "token-expiration", Some(0))),
        ("auction closed at 400", 400, &[], br#"{"error":"Auction is closed"}"#, (GiveUp, "auction-closed", None)),
        (
            "423 ISO date",
            423,
            &[("Retry-After", "2024-12-01T09:00:00Z")],
            br#"{"error":"Queue is not open yet"}"#,
            (RetryAfterWait, "retry-after", Some(900)),
        ), // clamped to 15 min
        (
            "429 body only",
            429,
            &[],
            br#"{"error":"Rate limit exceeded","retryAfter":45}"#,
            (RetryAfterWait, "retry-after", Some(45)),
        ),
        ("429 with no wait at all", 429, &[], br#"{"error":"Queue is full"}"#, (GiveUp, "retry-after", None)),
        ("any 5xx", 504, &[], b"upstream timeout", (RetryWithBackoff, "transient-server-errors", Some(1))),
        (
            "order denial",
            200,
            &[],
            br#"{"status":"DENIED","denyReason":"ORDER_LIMIT_EXCEEDED","consumerId":"c"}"#,
            (GiveUp, "order-limit", None),
        ),
    ];
    for (name, status, headers, body, expected) in fanfare_cases {
        let (kind, rule, wait) = fanfare_decision(*status, headers, body);
        assert_eq!((kind, rule, wait), (expected.0, expected.1, expected.2), "Fanfare: {name}");
    }
}

#[test]
fn salvaged_facts_and_the_typed_body() {
    // A Fanfare body without `error` keeps its field errors.
    let error = fanfare::Error::from_response(
        400,
        [("x-request-id", "req_9")],
        br#"{"details":[{"field":"email","message":"Invalid"}]}"#,
    );
    assert!(error.body().is_none());
    let details: Vec<fanfare::FieldError> = error.field("details").unwrap();
    assert_eq!(details, [fanfare::FieldError::new("email", "Invalid")]);
    assert_eq!(error.request_id(), Some("req_9"));
    // A complete one decodes, with the reference code for support.
    let example = fanfare::EXAMPLES.iter().find(|e| e.id == "session-integrity-failed").unwrap();
    let error = fanfare::Error::from_response(403, example.headers.iter().copied(), example.body.as_bytes());
    assert!(matches!(error.body(), Some(fanfare::ErrorResponse::ErrorBody(_))));
    assert_eq!(error.support_reference(), Some("ABC123XYZ"));
    assert_eq!(error.code_as::<fanfare::ErrorCode>(), Some(fanfare::ErrorCode::SessionIntegrityFailed));
    // Rate-limit figures.
    let example = fanfare::EXAMPLES.iter().find(|e| e.id == "rate-limit-exceeded").unwrap();
    let error = fanfare::Error::from_response(429, example.headers.iter().copied(), example.body.as_bytes());
    assert_eq!(error.rate_limit().limit.valid(), Some(&100));
    assert_eq!(error.rate_limit().reset.valid(), Some(&1_701_424_860));
    assert_eq!(error.body_retry_after(), Some(Duration::from_secs(60)));
}

#[test]
fn errors_of_every_api_are_handled_in_one_place() {
    let errors: Vec<Box<dyn ApiErrorInfo>> = vec![
        Box::new(ofauth::Error::from_response(
            401,
            [("a", "b")],
            br#"{"error":"Connection expired","type":"SESSION_EXPIRED","requestId":"req_1"}"#,
        )),
        Box::new(fanfare::Error::from_response(
            429,
            [("Retry-After", "30"), ("X-Request-Id", "req_2")],
            br#"{"error":"Queue is full"}"#,
        )),
    ];
    let lines: Vec<String> = errors
        .iter()
        .map(|e| format!("{} | {} {:?} {:?} {:?}", e, e.api(), e.code(), e.request_id(), e.recovery(now()).kind()))
        .collect();
    assert_eq!(
        lines,
        [
            "OFAuth error 401 SESSION_EXPIRED: Connection expired (request req_1) | OFAuth Some(\"SESSION_EXPIRED\") Some(\"req_1\") Reauthenticate",
            "Fanfare error 429 Queue is full (request req_2) | Fanfare Some(\"Queue is full\") Some(\"req_2\") RetryAfterWait",
        ]
    );
    let std_error: &dyn std::error::Error = errors[0].as_ref();
    assert!(std_error.source().is_none());
}

#[test]
fn recovery_says_how_it_decided_and_how_long_to_wait() {
    let error = ofauth::Error::from_response(429, [("Retry-After", "86400")], br#"{"type":"RATE_LIMIT_EXCEEDED"}"#);
    let recovery = error.recovery_with_max_wait(now(), Duration::from_secs(300));
    assert_eq!(recovery.decided_by(), DecidedBy::ErrorValue);
    assert_eq!((recovery.wait(), recovery.wait_was_clamped()), (Some(Duration::from_secs(300)), true));
    assert_eq!(recovery.wait_source(), Some(WaitSource::RetryAfterHeader));
    // Without the header: the documented 60 s, growing for repeated failures.
    let recovery =
        ofauth::Error::from_response(429, [("x", "y")], br#"{"type":"RATE_LIMIT_EXCEEDED"}"#).recovery(now());
    assert_eq!(recovery.wait_source(), Some(WaitSource::DocumentedDefault));
    assert_eq!([1, 2, 3].map(|n| recovery.wait_after(n).unwrap().as_secs()), [60, 120, 240]);
    // Fanfare's transient errors: 1 s, then 2 s, three attempts in all.
    let recovery = fanfare::Error::from_response(500, [("x", "y")], b"").recovery(now());
    assert_eq!(
        (recovery.max_attempts(), recovery.may_retry_after(2), recovery.may_retry_after(3)),
        (Some(3), true, false)
    );
    assert_eq!([1, 2].map(|n| recovery.wait_after(n).unwrap().as_secs()), [1, 2]);
    assert_eq!(recovery.decided_by(), DecidedBy::StatusClass);
}

proptest! {
    #[test]
    fn any_response_reads_without_panicking(status in any::<u16>(), body in proptest::collection::vec(any::<u8>(), 0..200), retry in ".{0,30}") {
        let ofauth = ofauth::Error::from_response(status, [("Retry-After", retry.as_str())], &body);
        let fanfare = fanfare::Error::from_response(status, [("retry-after", retry.as_str())], &body);
        for recovery in [ofauth.recovery(now()), fanfare.recovery(now())] {
            prop_assert!(recovery.wait().is_none_or(|w| w <= api_error_catalog::Recovery::DEFAULT_MAX_WAIT));
        }
    }

    #[test]
    fn known_and_unknown_values_round_trip(wire in ".{0,24}") {
        let value = fanfare::ErrorCode::from(wire.as_str());
        prop_assert_eq!(value.as_str(), wire.as_str());
        prop_assert_eq!(value.is_unknown(), !fanfare::ErrorCode::ALL.iter().any(|known| known.as_str() == wire));
        let json = serde_json::to_string(&value).unwrap();
        prop_assert_eq!(serde_json::from_str::<fanfare::ErrorCode>(&json).unwrap(), value);
    }
}

#[test]
fn examples_are_exposed_with_status_and_headers() {
    let queue = fanfare::EXAMPLES.iter().find(|e| e.id == "queue-not-open").unwrap();
    assert_eq!(queue.status, Some(423));
    assert_eq!(queue.headers, &[("Retry-After", "2024-12-01T09:00:00Z")]);
    assert_eq!(ofauth::EXAMPLES.len(), 5);
    assert_eq!(fanfare::EXAMPLES.len(), 17);
}

/// README.md shows the whole `retry_loop` example; the two must not drift apart.
#[test]
fn the_readme_quotes_the_example_as_it_is() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let example = std::fs::read_to_string(root.join("examples/retry_loop.rs")).unwrap();
    let readme = std::fs::read_to_string(root.join("../README.md")).unwrap();
    assert!(readme.contains(&format!("```rust\n{example}```\n")), "README.md no longer quotes examples/retry_loop.rs");
}
