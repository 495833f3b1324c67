//! What a client does with an OFAuth error response: decode the body, then decide from the
//! catalog's facts. Run it with `cargo run -p api-error-catalog --example handle_error`.

use api_error_catalog::ofauth::{self, ErrorType};
use std::time::{Duration, SystemTime};

/// What the client does next.
#[derive(Debug, PartialEq)]
enum Next {
    Retry { after: Duration },
    Relink,
    FixRequest(String),
    GiveUp(String),
}

/// The longest a client is willing to wait before a retry.
const MAX_WAIT: Duration = Duration::from_secs(300);

fn next_step(status: u16, retry_after: Option<&str>, body: &str, attempt: u32) -> Next {
    let Ok(body) = serde_json::from_str::<ofauth::ErrorResponse>(body) else {
        return Next::GiveUp(format!("HTTP {status} with a body that is not an OFAuth error"));
    };
    match &body.type_ {
        ErrorType::SessionExpired | ErrorType::SessionNotProvided => Next::Relink,
        ErrorType::BadRequest => Next::FixRequest(body.error),
        ErrorType::RateLimitExceeded => {
            // Retry-After, or OFAuth's documented 60 s when it is missing; never past MAX_WAIT.
            let wait = ofauth::headers::retry_after_delay(retry_after, SystemTime::now(), MAX_WAIT);
            Next::Retry { after: wait.unwrap_or(MAX_WAIT) }
        }
        // Types added to the catalog later land here too, with their facts.
        other => {
            let rule = ofauth::RETRY_RULES.iter().find(|rule| rule.retry && rule.applies_to_error(other.as_str()));
            match rule.and_then(|rule| rule.backoff_delay(attempt)) {
                Some(after) => Next::Retry { after: after.min(MAX_WAIT) },
                None => Next::GiveUp(format!("{other}: {}", other.action().unwrap_or("no advice"))),
            }
        }
    }
}

fn main() {
    let responses = [
        (401, None, r#"{"error":"Connection expired","type":"SESSION_EXPIRED","requestId":"req_1"}"#),
        (429, Some("12"), r#"{"error":"Slow down","type":"RATE_LIMIT_EXCEEDED","requestId":"req_2"}"#),
        (502, None, r#"{"error":"Bad gateway","type":"PROXY_ERROR","requestId":"req_3"}"#),
        (403, None, r#"{"error":"No","type":"FORBIDDEN","requestId":"req_4"}"#),
        (502, None, "<html>Bad Gateway</html>"),
    ];
    for (status, retry_after, body) in responses {
        println!("HTTP {status}: {:?}", next_step(status, retry_after, body, 0));
    }
    assert_eq!(next_step(429, Some("12"), responses[1].2, 0), Next::Retry { after: Duration::from_secs(12) });
    assert_eq!(next_step(502, None, responses[2].2, 2), Next::Retry { after: Duration::from_secs(4) });
}
