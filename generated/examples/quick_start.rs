//! The README's example: any response of an API becomes an error that says what to do next.
//! Run it with `cargo run -p api-error-catalog --example quick_start`.

use api_error_catalog::{ofauth, RecoveryKind};
use std::time::SystemTime;

fn main() {
    // A response as any HTTP stack hands it over: status, headers (names in any case), body.
    let status = 429;
    let headers = [("retry-after", "3")];
    let body = br#"{"error":"Slow down","type":"RATE_LIMIT_EXCEEDED","requestId":"req_1"}"#;

    // Never fails, never panics: an HTML page or a truncated body is an error too.
    let error = ofauth::Error::from_response(status, headers, body);
    println!("{error}"); // OFAuth error 429 RATE_LIMIT_EXCEEDED: Slow down (request req_1)

    let recovery = error.recovery(SystemTime::now());
    match recovery.kind() {
        RecoveryKind::RefreshCredentials => println!("refresh the access token, then retry once"),
        kind if kind.retries() => println!("retry in {:?}", recovery.wait().unwrap_or_default()),
        RecoveryKind::Reauthenticate => println!("send the user through sign-in again"),
        other => println!("{other}: {}", recovery.advice()),
    }
}
