//! A real client over a real socket: reqwest inside a `tower` stack whose retry policy is the
//! catalog's (`CatalogRetry`), against a local HTTP server that answers as Azure Cosmos DB
//! documents it. Run it with `cargo run -p api-error-catalog --example http_stack --features
//! reqwest,tower`; `tests/client_use.rs` runs the same scenarios and checks how each ends.

use api_error_catalog::runtime::tower::CatalogRetry;
use api_error_catalog::{cosmosdb, Backoff, RetryPolicy};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tower::{Service, ServiceBuilder, ServiceExt};

/// A canned response: status line's code, headers, body.
pub type Canned = (u16, Vec<(&'static str, &'static str)>, &'static str);

/// A local HTTP/1.1 server answering each request with the next canned response (200 once they
/// run out), and counting the requests. Written out rather than taken from a framework: it only
/// reads a request's head and body and writes a response, which a test needs no more than.
pub async fn serve(responses: Vec<Canned>) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a local port");
    let address = format!("http://{}", listener.local_addr().expect("bound"));
    let served = Arc::new(AtomicUsize::new(0));
    let count = Arc::clone(&served);
    tokio::spawn(async move {
        let mut responses = responses.into_iter();
        while let Ok((mut socket, _)) = listener.accept().await {
            read_request(&mut socket).await;
            count.fetch_add(1, Ordering::SeqCst);
            let (status, headers, body) = responses.next().unwrap_or((200, Vec::new(), "{}"));
            let mut response =
                format!("HTTP/1.1 {status} X\r\ncontent-length: {}\r\nconnection: close\r\n", body.len());
            for (name, value) in headers {
                response.push_str(&format!("{name}: {value}\r\n"));
            }
            response.push_str("\r\n");
            response.push_str(body);
            let _ = socket.write_all(response.as_bytes()).await;
        }
    });
    (address, served)
}

/// Reads a request's head, then as many body bytes as its `content-length` says.
async fn read_request(socket: &mut tokio::net::TcpStream) {
    let mut request = Vec::new();
    let mut buffer = [0u8; 4096];
    while let Ok(read) = socket.read(&mut buffer).await {
        if read == 0 {
            return;
        }
        request.extend_from_slice(&buffer[..read]);
        let Some(end) = request.windows(4).position(|w| w == b"\r\n\r\n") else { continue };
        let head = String::from_utf8_lossy(&request[..end]).to_ascii_lowercase();
        let length = head
            .lines()
            .find_map(|line| line.strip_prefix("content-length:"))
            .and_then(|n| n.trim().parse::<usize>().ok())
            .unwrap_or(0);
        if request.len() >= end + 4 + length {
            return;
        }
    }
}

/// How a request ended: the final status (or the transport failure), the attempts the client
/// made, and those the server saw.
#[derive(Debug, PartialEq, Eq)]
pub struct Outcome {
    pub ended: String,
    pub attempts: usize,
    pub served: usize,
}

/// Sends one request through reqwest, wrapped in the catalog's retry policy: short delays where
/// the catalog leaves them to the client, so that the example runs in a moment.
pub async fn send(method: &str, url: &str) -> (String, usize) {
    let client = reqwest::Client::new();
    let attempts = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&attempts);
    let policy = RetryPolicy::default().backoff(Backoff::new(Duration::from_millis(10)));
    let retry = CatalogRetry::<cosmosdb::ErrorResponse>::new(policy);
    let transport = tower::service_fn(move |request: http::Request<Vec<u8>>| {
        let client = client.clone();
        counted.fetch_add(1, Ordering::SeqCst);
        async move {
            let response = client.execute(reqwest::Request::try_from(request)?).await?;
            let mut buffered = http::Response::builder().status(response.status());
            for (name, value) in response.headers() {
                buffered = buffered.header(name, value);
            }
            let body = response.bytes().await?.to_vec();
            Ok::<_, reqwest::Error>(buffered.body(body).expect("the parts of a response"))
        }
    });
    let mut stack = ServiceBuilder::new().retry(retry).service(transport);
    let request = http::Request::builder().method(method).uri(url).body(Vec::new()).expect("a request");
    let ended = match stack.ready().await.expect("always ready").call(request).await {
        Ok(response) => response.status().as_u16().to_string(),
        Err(error) => match api_error_catalog::TransportFailure::of_reqwest(&error) {
            Some(failure) => failure.as_str().to_string(),
            None => error.to_string(),
        },
    };
    (ended, attempts.load(Ordering::SeqCst))
}

/// The scenarios: throttled twice then served; a write answered 503, not resent; a read of a
/// resource that does not exist, not retried; a port nobody listens on, retried as the policy
/// allows.
pub async fn scenarios() -> Vec<(&'static str, Outcome)> {
    let throttled =
        (429, vec![("x-ms-retry-after-ms", "20")], r#"{"code":"TooManyRequests","message":"Request rate is large."}"#);
    let unavailable = (503, vec![], r#"{"code":"ServiceUnavailable","message":"The service is unavailable."}"#);
    let gone = (404, vec![], r#"{"code":"NotFound","message":"Entity does not exist."}"#);
    let mut outcomes = Vec::new();
    for (name, method, responses) in [
        ("a read throttled twice, then served", "GET", vec![throttled.clone(), throttled]),
        ("a write answered 503: it may have taken effect, so not resent", "POST", vec![unavailable]),
        ("a read of a resource that does not exist", "GET", vec![gone]),
    ] {
        let (address, served) = serve(responses).await;
        let (ended, attempts) = send(method, &address).await;
        outcomes.push((name, Outcome { ended, attempts, served: served.load(Ordering::SeqCst) }));
    }
    // A port that was just free: nothing listens there, so no connection is made.
    let closed = TcpListener::bind("127.0.0.1:0").await.expect("a local port").local_addr().expect("bound");
    let (ended, attempts) = send("GET", &format!("http://{closed}")).await;
    outcomes.push(("a read where nothing listens", Outcome { ended, attempts, served: 0 }));
    outcomes
}

#[cfg_attr(test, allow(dead_code))] // `tests/client_use.rs` runs the scenarios, not `main`.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    for (name, outcome) in scenarios().await {
        println!(
            "{name}: ended with {} after {} attempt(s), {} served",
            outcome.ended, outcome.attempts, outcome.served
        );
    }
}
