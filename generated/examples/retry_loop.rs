//! A client's retry loop over OFAuth and Fanfare responses: every response becomes an error
//! that says what to do next, and the loop obeys it. The "server" here replays canned
//! responses; run it with `cargo run -p api-error-catalog --example retry_loop`.

use api_error_catalog::{fanfare, ofauth, ApiErrorInfo, RecoveryKind, RetryPolicy};
use std::collections::VecDeque;
use std::time::{Duration, SystemTime};

/// What this client decides where the catalog does not: four attempts at most when a rule sets
/// no cap, and no wait longer than two minutes (the rest as the AWS SDKs' standard mode).
fn policy() -> RetryPolicy {
    RetryPolicy::default().max_attempts(4).max_wait(Duration::from_secs(120))
}

/// A canned response: status, headers, body.
type Response = (u16, Vec<(&'static str, &'static str)>, &'static str);
/// Reads a response as one API's error.
type Reader = fn(Response) -> Box<dyn ApiErrorInfo>;

/// Sends one request: here, the next canned response (`None` means 200 OK).
fn send(server: &mut VecDeque<Response>) -> Option<Response> {
    server.pop_front()
}

/// Runs one request to completion the way a real client would, and says how it ended.
fn call(server: &mut VecDeque<Response>, read: Reader) -> String {
    let mut attempts = 0;
    loop {
        attempts += 1;
        let Some(response) = send(server) else { return format!("succeeded after {attempts} attempt(s)") };
        let error = read(response);
        let recovery = error.recovery(SystemTime::now());
        println!("  {error}\n    -> {} ({} rule `{}`)", recovery.kind(), recovery.advice(), recovery.rule().id);
        // The one retry question; `None` ends the loop. A real client draws the jitter's
        // random number (here: no jitter) and sleeps; the example only reports the wait.
        let Some(wait) = recovery.next_attempt(attempts, &policy(), 1.0) else {
            return format!("stopped after {attempts} attempt(s): {}", recovery.kind());
        };
        if recovery.kind() == RecoveryKind::RefreshCredentials {
            println!("    (refreshing the access token)");
        }
        println!("    waiting {wait:?} (from {:?})", recovery.wait_source());
    }
}

fn ofauth_error((status, headers, body): Response) -> Box<dyn ApiErrorInfo> {
    Box::new(ofauth::Error::from_response(status, headers, body.as_bytes()))
}

fn fanfare_error((status, headers, body): Response) -> Box<dyn ApiErrorInfo> {
    Box::new(fanfare::Error::from_response(status, headers, body.as_bytes()))
}

fn main() {
    let requests: Vec<(&str, Reader, Vec<Response>)> = vec![
        (
            "OFAuth: rate limited, then served",
            ofauth_error,
            vec![(
                429,
                vec![("retry-after", "3")],
                r#"{"error":"Slow down","type":"RATE_LIMIT_EXCEEDED","requestId":"req_1"}"#,
            )],
        ),
        (
            "OFAuth: a proxy page, then a network error, then served",
            ofauth_error,
            vec![
                (502, vec![], "<html><body>Bad Gateway</body></html>"),
                (503, vec![], r#"{"error":"Network error","type":"NETWORK_ERROR","requestId":"req_2"}"#),
            ],
        ),
        (
            "OFAuth: session expired",
            ofauth_error,
            vec![(
                401,
                vec![],
                r#"{"error":"Connection expired","type":"SESSION_EXPIRED","actionRequired":"relink_connection","requestId":"req_3"}"#,
            )],
        ),
        (
            "Fanfare: token expired, refreshed, served",
            fanfare_error,
            vec![(401, vec![("X-Request-Id", "abc")], r#"{"error":"Authentication required"}"#)],
        ),
        (
            "Fanfare: the server keeps failing",
            fanfare_error,
            vec![(500, vec![], "{}"), (503, vec![], "{}"), (500, vec![], "{}"), (500, vec![], "{}")],
        ),
        (
            "Fanfare: an expired one-time code",
            fanfare_error,
            vec![(401, vec![], r#"{"error":"otp_expired","message":"Your verification code has expired."}"#)],
        ),
    ];
    for (name, read, responses) in requests {
        println!("{name}");
        let mut server = VecDeque::from(responses);
        println!("  => {}\n", call(&mut server, read));
    }
}
