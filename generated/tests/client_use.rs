//! How a Rust client uses the generated crate: decoding real bodies, unknown values, the
//! catalog's facts and the retry helpers. Hand-written; the code under test is generated.

use api_error_catalog::{fanfare, ofauth, RetryAfter, RetryDelay, StatusClass};
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
    assert_eq!(body.type_, ofauth::ErrorType::Unknown("BRAND_NEW_TYPE".into()));
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
    // An Unknown built by hand with a known string equals the known variant.
    assert_eq!(ofauth::ErrorType::Unknown("FORBIDDEN".into()), ofauth::ErrorType::Forbidden);
    assert!(!ofauth::ErrorType::Unknown("FORBIDDEN".into()).is_unknown());
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
fn retry_after_follows_each_api_dialect() {
    let now = UNIX_EPOCH + Duration::from_secs(1_733_043_000);
    let max = Duration::from_secs(3_600);
    // Fanfare allows an ISO timestamp (its own dialect), OFAuth only seconds.
    assert_eq!(
        fanfare::headers::parse_retry_after("2024-12-01T09:00:00Z"),
        Some(RetryAfter::At(UNIX_EPOCH + Duration::from_secs(1_733_043_600)))
    );
    assert_eq!(ofauth::headers::parse_retry_after("2024-12-01T09:00:00Z"), None);
    assert_eq!(
        fanfare::headers::retry_after_delay(Some("2024-12-01T09:00:00Z"), now, max),
        Some(Duration::from_secs(600))
    );
    // OFAuth's documented 60 s default applies when the header is missing or unreadable.
    assert_eq!(ofauth::headers::retry_after_delay(None, now, max), Some(Duration::from_secs(60)));
    assert_eq!(ofauth::headers::retry_after_delay(Some("soon"), now, max), Some(Duration::from_secs(60)));
    assert_eq!(fanfare::headers::retry_after_delay(None, now, max), None);
    // Waits are clamped.
    assert_eq!(ofauth::headers::retry_after_delay(Some("86400"), SystemTime::now(), max), Some(max));
}

#[test]
fn retry_rules_carry_the_documents_advice() {
    let transient = fanfare::RETRY_RULES.iter().find(|r| r.applies_to_status(503)).unwrap();
    assert_eq!(transient.delay, Some(RetryDelay::ExponentialBackoff));
    assert_eq!(transient.max_attempts, Some(3));
    assert_eq!(transient.backoff_delay(1), Some(Duration::from_secs(2)));
    let session = ofauth::RETRY_RULES.iter().find(|r| r.applies_to_error("SESSION_EXPIRED")).unwrap();
    assert!(!session.retry);
}

#[test]
fn examples_are_exposed_with_status_and_headers() {
    let queue = fanfare::EXAMPLES.iter().find(|e| e.id == "queue-not-open").unwrap();
    assert_eq!(queue.status, Some(423));
    assert_eq!(queue.headers, &[("Retry-After", "2024-12-01T09:00:00Z")]);
    assert_eq!(ofauth::EXAMPLES.len(), 5);
    assert_eq!(fanfare::EXAMPLES.len(), 17);
}

/// README.md shows the whole `handle_error` example; the two must not drift apart.
#[test]
fn the_readme_quotes_the_example_as_it_is() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let example = std::fs::read_to_string(root.join("examples/handle_error.rs")).unwrap();
    let readme = std::fs::read_to_string(root.join("../README.md")).unwrap();
    assert!(
        readme.contains(&format!("```rust\n{example}```\n")),
        "README.md no longer quotes examples/handle_error.rs"
    );
}
