//! A client's retry loop over OFAuth and Fanfare responses: every response, and every request
//! that got none, becomes a decision of what to do next, and the loop obeys it. The "server"
//! here replays canned outcomes; run it with `cargo run -p api-error-catalog --example retry_loop`.

use api_error_catalog::{
    fanfare, ofauth, ApiErrorInfo, Recovery, RecoveryKind, Request, RetryBudget, RetryPolicy, TransportFailure,
};
use std::collections::VecDeque;
use std::time::{Duration, SystemTime};

/// What this client decides where the catalog does not: four attempts at most when a rule sets
/// no cap, and no wait longer than two minutes (the rest as the AWS SDKs' standard mode).
fn policy() -> RetryPolicy {
    RetryPolicy::default().max_attempts(4).max_wait(Duration::from_secs(120))
}

/// Retries shared by every request of this client (the AWS SDKs' quota): while a dependency
/// keeps failing, the budget runs out and requests stop being retried.
static BUDGET: RetryBudget = RetryBudget::standard();

/// A canned response: status, headers, body.
type Response = (u16, Vec<(&'static str, &'static str)>, &'static str);
/// What one attempt brings: an error response, or a failure with no response at all.
type Outcome = Result<Response, TransportFailure>;

/// One API, as the loop needs it: a response read as its error, and the decision for a request
/// that got no response.
struct Api {
    read: fn(Response) -> Box<dyn ApiErrorInfo>,
    transport: fn(TransportFailure) -> Recovery,
}

/// Sends one request: here, the next canned outcome (`None` means 200 OK). A real client maps
/// its HTTP stack's error to a `TransportFailure` (`TransportFailure::of_io_error` for `std::io`).
fn send(server: &mut VecDeque<Outcome>) -> Option<Outcome> {
    server.pop_front()
}

/// Runs one request to completion the way a real client would, and says how it ended. The
/// decisions are for `request`: one that may have taken effect is resent only if idempotent.
fn call(server: &mut VecDeque<Outcome>, api: &Api, request: Request) -> String {
    let mut attempts = 0;
    loop {
        attempts += 1;
        // The decision, and the error it is about (none when no response came).
        let (recovery, error) = match send(server) {
            None => {
                BUDGET.record_success(attempts);
                return format!("succeeded after {attempts} attempt(s)");
            }
            Some(Ok(response)) => {
                let error = (api.read)(response);
                println!("  {error}");
                (error.recovery(SystemTime::now()), Some(error))
            }
            Some(Err(failure)) => {
                println!("  no response: {}", failure.label());
                ((api.transport)(failure), None)
            }
        };
        let recovery = recovery.for_request(request);
        println!("    -> {} ({} rule `{}`)", recovery.kind(), recovery.advice(), recovery.rule().id);
        // The one retry question; `None` ends the loop. A real client draws the jitter's
        // random number (here: no jitter) and sleeps; the example only reports the wait.
        let Some(wait) = recovery.next_attempt(attempts, &policy(), 1.0) else {
            // What the catalog says comes next, where it does (contact support, quoting...).
            if let Some(next) = recovery.escalation() {
                let quoted = error.as_deref().and_then(|error| next.quoted(error));
                println!("    then: {} ({}) {}", next.kind, next.advice, quoted.unwrap_or_default());
            }
            return format!("stopped after {attempts} attempt(s): {}", recovery.kind());
        };
        if !BUDGET.try_acquire(&recovery) {
            return format!("stopped after {attempts} attempt(s): the client's retry budget is spent");
        }
        if recovery.kind() == RecoveryKind::RefreshCredentials {
            println!("    (refreshing the access token)");
        }
        println!("    waiting {wait:?} (from {:?})", recovery.wait_source());
    }
}

const OFAUTH: Api = Api {
    read: |(status, headers, body)| Box::new(ofauth::Error::from_response(status, headers, body.as_bytes())),
    transport: ofauth::Error::transport_recovery,
};

const FANFARE: Api = Api {
    read: |(status, headers, body)| Box::new(fanfare::Error::from_response(status, headers, body.as_bytes())),
    transport: fanfare::Error::transport_recovery,
};

fn main() {
    let requests: Vec<(&str, &Api, Vec<Response>)> = vec![
        (
            "OFAuth: rate limited, then served",
            &OFAUTH,
            vec![(
                429,
                vec![("retry-after", "3")],
                r#"{"error":"Slow down","type":"RATE_LIMIT_EXCEEDED","requestId":"req_1"}"#,
            )],
        ),
        (
            "OFAuth: a proxy page, then a network error, then served",
            &OFAUTH,
            vec![
                (502, vec![], "<html><body>Bad Gateway</body></html>"),
                (503, vec![], r#"{"error":"Network error","type":"NETWORK_ERROR","requestId":"req_2"}"#),
            ],
        ),
        (
            "OFAuth: session expired",
            &OFAUTH,
            vec![(
                401,
                vec![],
                r#"{"error":"Connection expired","type":"SESSION_EXPIRED","actionRequired":"relink_connection","requestId":"req_3"}"#,
            )],
        ),
        (
            "Fanfare: token expired, refreshed, served",
            &FANFARE,
            vec![(401, vec![("X-Request-Id", "abc")], r#"{"error":"Authentication required"}"#)],
        ),
        (
            "Fanfare: the server keeps failing",
            &FANFARE,
            vec![(500, vec![], "{}"), (503, vec![], "{}"), (500, vec![], "{}"), (500, vec![], "{}")],
        ),
        (
            "OFAuth: an unknown error, again and again",
            &OFAUTH,
            vec![(503, vec![], r#"{"error":"Unexpected","type":"UNKNOWN_ERROR","requestId":"req_9"}"#); 4],
        ),
        (
            "Fanfare: an expired one-time code",
            &FANFARE,
            vec![(401, vec![], r#"{"error":"otp_expired","message":"Your verification code has expired."}"#)],
        ),
    ];
    for (name, api, responses) in requests {
        println!("{name}");
        let mut server: VecDeque<Outcome> = responses.into_iter().map(Ok).collect();
        println!("  => {}\n", call(&mut server, api, Request::of_method("GET")));
    }
    // Requests that got no response: the runtime's default retries a failure of the network
    // with the policy's backoff, and stops at a failed TLS handshake.
    let failures: [(&str, &Api, Request, Vec<Outcome>); 3] = [
        (
            "OFAuth: a GET meets a refused connection, a timeout, then is served",
            &OFAUTH,
            Request::of_method("GET"),
            vec![Err(TransportFailure::Connect), Err(TransportFailure::Timeout)],
        ),
        (
            // It may have been carried out: not sent again blindly.
            "OFAuth: a POST times out",
            &OFAUTH,
            Request::of_method("POST"),
            vec![Err(TransportFailure::Timeout)],
        ),
        ("Fanfare: the TLS handshake fails", &FANFARE, Request::of_method("GET"), vec![Err(TransportFailure::Tls)]),
    ];
    for (name, api, request, outcomes) in failures {
        println!("{name}");
        println!("  => {}\n", call(&mut VecDeque::from(outcomes), api, request));
    }
}
