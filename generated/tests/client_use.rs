//! How a Rust client uses the generated crate, for every API it holds (`APIS`): documented
//! responses lead to their documented decisions through the registry too, hostile responses are
//! decided by their status, every error reads the same way behind `ApiErrorInfo`. Hand-written
//! and catalog-blind: facts about one API (its examples' and pinned cases' decisions) live in its
//! catalog, and the generated tests of its module check them.

use api_error_catalog::{ApiErrorInfo, CatalogApi, DecidedBy, Example, Recovery, RetryPolicy, APIS};
use proptest::prelude::*;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

mod conformance;
mod responses;

/// 2024-12-01T08:00:00Z, the moment the catalogs' decisions are stated for.
fn now() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_733_040_000)
}

/// The statuses an example's decision holds for: its own, the decision's, or every error
/// status the catalog decides on when it gives none.
fn statuses(api: &CatalogApi, example: &Example) -> Vec<u16> {
    let decision = example.decision.expect("examples with decisions only");
    match example.status.or(decision.status) {
        Some(status) => vec![status],
        None => {
            let mut all: Vec<u16> = api.examples.iter().filter_map(|e| e.status).filter(|s| *s >= 400).collect();
            all.push(400);
            all
        }
    }
}

/// The decision of the whole error read; every test that decides asks the decision-only read
/// (`CatalogApi::decide`, which is `Error::decide`) as well, and fails where the two differ.
fn decide(api: &CatalogApi, status: u16, headers: &[(&str, &str)], body: &[u8]) -> Recovery {
    let recovery = (api.read)(status, headers, body).recovery(now());
    assert_eq!(
        api.decide(status, headers, body, now()),
        recovery,
        "{} {status} {headers:?}: deciding alone differs from reading, on {}",
        api.id,
        String::from_utf8_lossy(&body[..body.len().min(200)])
    );
    recovery
}

fn decided_examples() -> impl Iterator<Item = (&'static CatalogApi, &'static Example)> {
    APIS.iter().flat_map(|api| api.examples.iter().filter(|e| e.decision.is_some()).map(move |e| (api, e)))
}

#[test]
fn the_registry_holds_every_api_and_its_documented_decisions() {
    assert!(!APIS.is_empty());
    let mut checked = 0;
    for (api, example) in decided_examples() {
        let decision = example.decision.unwrap();
        for status in statuses(api, example) {
            let recovery = decide(api, status, example.headers, example.body.as_bytes());
            let what = format!("{}/{} at {status}", api.id, example.id);
            assert_eq!((recovery.kind(), recovery.rule().id), (decision.kind, decision.rule), "{what}");
            if let Some(wait) = decision.wait {
                assert_eq!(recovery.wait(), Some(wait), "{what}");
            }
            checked += 1;
        }
    }
    assert!(checked >= APIS.len(), "only {checked} decisions checked");
}

/// Header names are matched in any case: the same response with its header names upper- and
/// lower-cased leads to the same decision.
#[test]
fn header_names_match_in_any_case() {
    for (api, example) in decided_examples().filter(|(_, e)| !e.headers.is_empty()) {
        for status in statuses(api, example) {
            let expected = decide(api, status, example.headers, example.body.as_bytes());
            for case in [str::to_ascii_uppercase, str::to_ascii_lowercase] {
                let names: Vec<String> = example.headers.iter().map(|(k, _)| case(k)).collect();
                let headers: Vec<(&str, &str)> =
                    names.iter().zip(example.headers).map(|(k, (_, v))| (k.as_str(), *v)).collect();
                let recovery = decide(api, status, &headers, example.body.as_bytes());
                assert_eq!(
                    (recovery.kind(), recovery.rule().id, recovery.wait()),
                    (expected.kind(), expected.rule().id, expected.wait()),
                    "{}/{}",
                    api.id,
                    example.id
                );
            }
        }
    }
}

/// A body that carries nothing the catalog can read (not JSON, broken JSON, `null`, an array,
/// nested past any sane depth, or larger than the runtime reads) is decided by the status
/// alone: the same decision as an empty body, by a status, status class or fallback rule.
#[test]
fn unreadable_bodies_are_decided_by_the_status() {
    let huge = format!(r#"{{"pad":"{}"}}"#, "x".repeat(5 << 20));
    let deep = "{\"a\":".repeat(10_000);
    let bodies: [&[u8]; 7] = [
        b"<html>Bad Gateway</html>",
        br#"{"error":"trunc"#,
        b"null",
        b"[1,2]",
        b"\xff\xfe",
        deep.as_bytes(),
        huge.as_bytes(),
    ];
    for api in APIS {
        let mut statuses: Vec<u16> = api.examples.iter().filter_map(|e| e.status).collect();
        statuses.extend([400, 401, 429, 500, 503, 418]);
        for status in statuses {
            let expected = decide(api, status, &[], b"");
            assert!(
                matches!(expected.decided_by(), DecidedBy::Status | DecidedBy::StatusClass | DecidedBy::Fallback),
                "{} {status}: an empty body decided by {:?}",
                api.id,
                expected.decided_by()
            );
            for body in bodies {
                let recovery = decide(api, status, &[], body);
                assert_eq!(
                    (recovery.kind(), recovery.rule().id),
                    (expected.kind(), expected.rule().id),
                    "{} {status}: {}",
                    api.id,
                    String::from_utf8_lossy(&body[..body.len().min(40)])
                );
            }
        }
    }
}

/// Clients of several APIs handle every error in one place: each names its API and status,
/// and is a `std::error::Error`.
#[test]
fn errors_of_every_api_are_handled_in_one_place() {
    let mut hints = 0;
    for (api, example) in APIS.iter().flat_map(|api| api.examples.iter().map(move |e| (api, e))) {
        let status = example.status.unwrap_or(400);
        let error: Box<dyn ApiErrorInfo> = (api.read)(status, example.headers, example.body.as_bytes());
        assert_eq!((error.api(), error.status()), (api.name, status));
        let line = error.to_string();
        assert!(line.starts_with(&format!("{} error {status}", api.name)), "{line}");
        let std_error: &dyn std::error::Error = error.as_ref();
        assert!(std_error.source().is_none());
        // Behind `dyn`, every fact the response gave, as the typed error has it.
        // (A body that is no JSON object or list is plain text: its JSON is the string of it.)
        let json = match serde_json::from_str::<serde_json::Value>(example.body) {
            Ok(json) if json.is_object() || json.is_array() => json,
            _ => serde_json::Value::String(example.body.trim().to_string()),
        };
        assert_eq!(error.json(), Some(&json), "{}/{}", api.id, example.id);
        assert!(error.body_problem().is_none(), "{}/{}: {:?}", api.id, example.id, error.body_problem());
        let hinted = error.hint().is_some() || error.support_reference().is_some();
        hints += usize::from(hinted);
    }
    assert!(hints > 0, "no example gave a hint or a support reference behind `dyn ApiErrorInfo`");
}

/// A wait is never longer than the runtime's cap, a backoff does not shrink between
/// attempts, and an attempt cap is kept.
#[test]
fn waits_are_bounded_and_backoffs_grow() {
    for (api, example) in decided_examples() {
        for status in statuses(api, example) {
            let recovery = decide(api, status, example.headers, example.body.as_bytes());
            assert!(recovery.wait().is_none_or(|w| w <= Recovery::DEFAULT_MAX_WAIT), "{}/{}", api.id, example.id);
            if let Some(first) = recovery.wait_after(1) {
                let later = recovery.wait_after(3).unwrap();
                assert!(later >= first && later <= Recovery::DEFAULT_MAX_WAIT, "{}/{}: {later:?}", api.id, example.id);
            }
            if let Some(max) = recovery.max_attempts().filter(|_| recovery.should_retry()) {
                let what = format!("{}/{}: {max} attempts", api.id, example.id);
                assert!(recovery.may_retry_after(max - 1) && !recovery.may_retry_after(max), "{what}");
            }
        }
    }
}

proptest! {
    /// The one retry question always ends: for any API, any documented body at any status and
    /// any Retry-After, a loop on `next_attempt` stops within the rule's cap of attempts (the
    /// policy's where the rule has none) and never waits past the policy's longest wait.
    #[test]
    fn next_attempt_stops_within_the_attempts_and_the_longest_wait(
        api in 0..APIS.len(),
        example in any::<prop::sample::Index>(),
        status in 100u16..600,
        retry in "[0-9]{0,6}|.{0,12}",
        attempts in 1u32..6,
        longest in 0u64..3_600,
        random in 0.0f64..=1.0,
    ) {
        let api = &APIS[api];
        let body = match api.examples.len() {
            0 => "",
            count => api.examples[example.index(count)].body,
        };
        let recovery = decide(api, status, &[("Retry-After", retry.as_str())], body.as_bytes());
        let policy = RetryPolicy::default().max_attempts(attempts).max_wait(Duration::from_secs(longest));
        let cap = recovery.rule().max_attempts.unwrap_or(attempts);
        let mut made = 1;
        while let Some(wait) = recovery.next_attempt(made, &policy, random) {
            prop_assert!(wait <= policy.max_wait, "{wait:?}");
            made += 1;
            prop_assert!(made <= cap, "{made} attempts against a cap of {cap}");
        }
        prop_assert!(recovery.should_retry() || made == 1);
    }

    #[test]
    fn any_response_reads_without_panicking(
        api in 0..APIS.len(),
        status in any::<u16>(),
        body in proptest::collection::vec(any::<u8>(), 0..200),
        retry in ".{0,30}",
    ) {
        let api = &APIS[api];
        for name in ["Retry-After", "retry-after"] {
            let recovery = decide(api, status, &[(name, retry.as_str())], &body);
            prop_assert!(recovery.wait().is_none_or(|w| w <= Recovery::DEFAULT_MAX_WAIT));
        }
    }
}

/// README.md shows the whole `quick_start` example (which `cargo test` builds); the two must not
/// drift apart.
#[test]
fn the_readme_quotes_the_example_as_it_is() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let example = std::fs::read_to_string(root.join("examples/quick_start.rs")).unwrap();
    let readme = std::fs::read_to_string(root.join("../README.md")).unwrap();
    assert!(readme.contains(&format!("```rust\n{example}```\n")), "README.md no longer quotes examples/quick_start.rs");
}

/// The `http_stack` example, whose scenarios the test below runs.
#[cfg(all(feature = "cosmosdb", feature = "reqwest", feature = "tower"))]
#[path = "../examples/http_stack.rs"]
mod http_stack;

/// A real client (reqwest in a tower stack, the catalog's retry policy) against a real local
/// server: the `http_stack` example's scenarios, each ending where the catalog says.
#[cfg(all(feature = "cosmosdb", feature = "reqwest", feature = "tower"))]
#[test]
fn a_real_client_retries_to_success_and_stops_where_the_catalog_says() {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    let outcomes = runtime.block_on(http_stack::scenarios());
    let ended: Vec<(&str, String, usize, usize)> =
        outcomes.into_iter().map(|(name, o)| (name, o.ended, o.attempts, o.served)).collect();
    assert_eq!(
        ended,
        [
            ("a read throttled twice, then served", "200".to_string(), 3, 3),
            ("a write answered 503: it may have taken effect, so not resent", "503".to_string(), 1, 1),
            ("a read of a resource that does not exist", "404".to_string(), 1, 1),
            ("a read where nothing listens", "connect".to_string(), 3, 0),
        ]
    );
}
