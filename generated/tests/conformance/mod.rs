//! One behaviour in three languages: every API of the crate, and of the edge-case fixture (whose
//! body formats are odder than real ones), decides a shared table of hostile responses
//! (`packages/conformance/responses.json`) and a seeded set of random ones, and the decisions
//! are pinned in `packages/conformance/decisions.json`, which the Python and TypeScript
//! packages' tests decide again and must match. This test fails when the pinned decisions are not
//! the runtime's; `UPDATE_CONFORMANCE=1` writes them (after a change to the runtime or to a
//! pinned API's catalog; review the diff).
//!
//! The check covers the APIs the file pins, and their examples make the random responses: an
//! API added to the catalog is not a failure (adding one takes YAML only), and every run of
//! `packages/run` decides it among the fresh responses; `UPDATE_CONFORMANCE=1` pins it too.
//!
//! With `CONFORMANCE_OUT=<file>` it checks nothing and writes the same record of other random
//! responses there instead: `CONFORMANCE_SEED` of them (a seed; a fresh one when unset, named
//! in the file) and `CONFORMANCE_RANDOM` many. `packages/run` feeds such a file to the other
//! languages on every run, a differential test that the pinned file alone is not.

use api_error_catalog::{ApiErrorInfo, BodyProblem, CatalogApi, RetryPolicy, WaitSource};
use proptest::prelude::Rng;
use proptest::test_runner::{RngAlgorithm, TestRng};
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// How many random responses each API decides in the pinned file.
const RANDOM_RESPONSES: usize = 200;
/// The seed of the pinned file's random responses.
const PINNED_SEED: u64 = 7;
/// The most retries a record lists.
const MAX_RETRIES_LISTED: u32 = 10;

/// Every API that can decide: the catalog's, then the edge fixture's.
fn all_apis() -> Vec<&'static CatalogApi> {
    api_error_catalog::APIS.iter().chain(edge_fixture::APIS).collect()
}

fn conformance_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../packages/conformance")
}

/// One response: status, headers as pairs (repeats and odd names kept), body bytes.
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn hostile_responses() -> Vec<(String, Response)> {
    let path = conformance_dir().join("responses.json");
    let table: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("the hostile table")).unwrap();
    table["responses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|response| {
            let text = response["body"].as_str().unwrap();
            let body = match text.strip_prefix("hex:") {
                Some(hex) => {
                    (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect()
                }
                None => text.as_bytes().to_vec(),
            };
            let headers = response["headers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|pair| (pair[0].as_str().unwrap().to_owned(), pair[1].as_str().unwrap().to_owned()))
                .collect();
            let status = u16::try_from(response["status"].as_u64().unwrap()).unwrap();
            (response["id"].as_str().unwrap().to_owned(), Response { status, headers, body })
        })
        .collect()
}

/// The keys and scalars of every API's documented examples: random bodies are made of them, so
/// that they hit the catalogs' codes, hints and paths as often as they miss them.
fn example_words(apis: &[&CatalogApi]) -> (Vec<String>, Vec<Value>) {
    fn walk(value: &Value, keys: &mut Vec<String>, scalars: &mut Vec<Value>) {
        match value {
            Value::Object(members) => {
                for (key, member) in members {
                    keys.push(key.clone());
                    walk(member, keys, scalars);
                }
            }
            Value::Array(elements) => elements.iter().for_each(|element| walk(element, keys, scalars)),
            scalar => scalars.push(scalar.clone()),
        }
    }
    let (mut keys, mut scalars) = (Vec::new(), Vec::new());
    for api in apis {
        for example in api.examples {
            if let Ok(body) = serde_json::from_str::<Value>(example.body) {
                walk(&body, &mut keys, &mut scalars);
            }
        }
    }
    keys.sort();
    keys.dedup();
    scalars.sort_by_key(Value::to_string);
    scalars.dedup();
    scalars.extend([
        json!(0),
        json!(-1),
        json!(2.5),
        json!(1e-7),
        json!(20429.0),
        json!(""),
        json!(" 30 "),
        json!(null),
    ]);
    (keys, scalars)
}

const STATUSES: &[u16] = &[400, 401, 402, 403, 404, 409, 412, 418, 422, 423, 429, 500, 502, 503, 504, 200, 301];
const HEADER_NAMES: &[&str] = &[
    "Retry-After",
    "retry-after",
    "X-RateLimit-Remaining",
    "x-ratelimit-reset",
    "X-RateLimit-Reset",
    "X-Request-Id",
    "Request-Id",
    "x-ms-retry-after-ms",
    "Stripe-Should-Retry",
    "Content-Type",
];
const HEADER_VALUES: &[&str] = &[
    "0",
    "3",
    " 60 ",
    "+1",
    "-5",
    "1.5",
    "true",
    "false",
    "1733040090",
    "99999999999999999999",
    "Sun, 01 Dec 2024 08:01:30 GMT",
    "Sunday, 01-Dec-24 08:02:00 GMT",
    "Sun Dec  1 08:00:45 2024",
    "Mon, 01 Dec 2024 08:01:30 GMT",
    "2024-12-01T08:05:00Z",
    "2024-12-01T10:05:00.25+02:00",
    "1m30s",
    "250ms",
    "soon",
    "",
    "req_random",
];

struct Random(TestRng);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.0.next_u64() % n as u64).unwrap()
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn random_value(random: &mut Random, keys: &[String], scalars: &[Value], depth: usize) -> Value {
    match random.below(if depth >= 3 { 2 } else { 5 }) {
        0 | 1 => random.pick(scalars).clone(),
        2 | 3 => random_object(random, keys, scalars, depth + 1),
        _ => Value::Array((0..random.below(3) + 1).map(|_| random_value(random, keys, scalars, depth + 1)).collect()),
    }
}

fn random_object(random: &mut Random, keys: &[String], scalars: &[Value], depth: usize) -> Value {
    let mut members = Map::new();
    for _ in 0..random.below(5) + 1 {
        members.insert(random.pick(keys).clone(), random_value(random, keys, scalars, depth));
    }
    Value::Object(members)
}

fn random_responses(apis: &[&CatalogApi], seed: u64, count: usize) -> Vec<Response> {
    let (keys, scalars) = example_words(apis);
    // The pinned seed's bytes are the ones the file was first written with.
    let bytes = if seed == PINNED_SEED { [7; 32] } else { [seed.to_le_bytes(); 4].concat().try_into().unwrap() };
    let mut random = Random(TestRng::from_seed(RngAlgorithm::ChaCha, &bytes));
    (0..count)
        .map(|_| {
            let status = *random.pick(STATUSES);
            let headers = (0..random.below(4))
                .map(|_| ((*random.pick(HEADER_NAMES)).to_owned(), (*random.pick(HEADER_VALUES)).to_owned()))
                .collect();
            let body = match random.below(10) {
                0 => Vec::new(),
                1 => b"<html>busy</html>".to_vec(),
                _ => canonical(&random_object(&mut random, &keys, &scalars, 0)).into_bytes(),
            };
            Response { status, headers, body }
        })
        .collect()
}

fn problem(problem: Option<&BodyProblem>) -> Value {
    match problem {
        None => Value::Null,
        Some(BodyProblem::Empty) => "empty".into(),
        Some(BodyProblem::TooLarge { .. }) => "too_large".into(),
        Some(BodyProblem::NotJson { .. }) => "not_json".into(),
        Some(BodyProblem::UnexpectedShape { .. }) => "unexpected_shape".into(),
        Some(other) => panic!("a body problem this test does not know: {other:?}"),
    }
}

fn source(source: WaitSource) -> &'static str {
    match source {
        WaitSource::RetryAfterHeader => "retry_after_header",
        WaitSource::BodyField => "body_field",
        WaitSource::RateLimitReset => "rate_limit_reset",
        WaitSource::DocumentedDefault => "documented_default",
        WaitSource::Backoff => "backoff",
        WaitSource::Immediately => "immediately",
        WaitSource::ClientPolicy => "client_policy",
        other => panic!("a wait source this test does not know: {other:?}"),
    }
}

/// What a reader must agree on for one response: the facts it read and the decision. Members
/// that are null, false or empty are left out (readers take a missing one for that).
fn record(error: &dyn ApiErrorInfo) -> Value {
    let recovery = error.recovery(super::now());
    let policy = RetryPolicy::default();
    let retry_waits: Vec<f64> = (1..=MAX_RETRIES_LISTED)
        .map_while(|attempts| recovery.next_attempt(attempts, &policy, 1.0))
        .map(|wait| wait.as_secs_f64())
        .collect();
    let full = json!({
        "code": error.code(),
        "hint": error.hint(),
        "message": error.message(),
        "request_id": error.request_id(),
        "support_reference": error.support_reference(),
        "problem": problem(error.body_problem()),
        "kind": recovery.kind().as_str(),
        "rule": recovery.rule().id,
        "decided_by": recovery.decided_by().as_str(),
        "wait": recovery.wait().map(|wait| wait.as_secs_f64()),
        "wait_source": recovery.wait_source().map(source),
        "clamped": recovery.wait_was_clamped(),
        "may_have_taken_effect": recovery.may_have_taken_effect(),
        "retry_waits": retry_waits,
        "then": recovery.escalation().map(|then| then.kind.as_str()),
    });
    let Value::Object(members) = full else { unreachable!("a record is an object") };
    let kept = members.into_iter().filter(|(_, value)| match value {
        Value::Null | Value::Bool(false) => false,
        Value::Array(items) => !items.is_empty(),
        _ => true,
    });
    Value::Object(kept.collect())
}

/// JSON text with every object's members in key order, whichever order `serde_json::Map` keeps
/// (the workspace may turn on its `preserve_order`): the pinned file and the random bodies must
/// not depend on the build.
fn canonical(value: &Value) -> String {
    match value {
        Value::Object(members) => {
            let mut sorted: Vec<(&String, &Value)> = members.iter().collect();
            sorted.sort_by_key(|(key, _)| *key);
            let members: Vec<String> =
                sorted.iter().map(|(key, member)| format!("{}:{}", json!(key), canonical(member))).collect();
            format!("{{{}}}", members.join(","))
        }
        Value::Array(elements) => format!("[{}]", elements.iter().map(canonical).collect::<Vec<_>>().join(",")),
        scalar => scalar.to_string(),
    }
}

fn body_text(body: &[u8]) -> String {
    match std::str::from_utf8(body) {
        Ok(text) if !text.starts_with("hex:") => text.to_owned(),
        _ => format!("hex:{}", body.iter().map(|b| format!("{b:02x}")).collect::<String>()),
    }
}

/// A number from the environment, or `default`.
fn setting(name: &str, default: impl FnOnce() -> u64) -> u64 {
    match std::env::var(name) {
        Ok(text) => text.trim().parse().unwrap_or_else(|_| panic!("{name} is not a number: {text:?}")),
        Err(_) => default(),
    }
}

#[test]
fn every_language_decides_the_shared_responses_as_rust_does() {
    let fresh = std::env::var_os("CONFORMANCE_OUT").map(PathBuf::from);
    let (seed, count) = match &fresh {
        None => (PINNED_SEED, RANDOM_RESPONSES),
        Some(_) => (
            setting("CONFORMANCE_SEED", || {
                let since = std::time::SystemTime::now().duration_since(UNIX_EPOCH).expect("after 1970");
                since.as_secs() ^ (u64::from(since.subsec_nanos()) << 20)
            }),
            usize::try_from(setting("CONFORMANCE_RANDOM", || 1000)).expect("a count"),
        ),
    };
    let path = conformance_dir().join("decisions.json");
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default().replace("\r\n", "\n");
    let update = std::env::var_os("UPDATE_CONFORMANCE").is_some();
    let mut apis = all_apis();
    if fresh.is_none() && !update {
        // The APIs the file pins; one it pins that is gone is a stale file, not a skip.
        let pinned: Value = serde_json::from_str(&checked_in).unwrap_or(Value::Null);
        let ids: Vec<&str> =
            pinned["decisions"].as_object().map(|d| d.keys().map(String::as_str).collect()).unwrap_or_default();
        let gone: Vec<&str> = ids.iter().copied().filter(|id| !apis.iter().any(|api| api.id == *id)).collect();
        assert!(gone.is_empty(), "{} pins APIs the catalog no longer has: {gone:?}; run `UPDATE_CONFORMANCE=1 cargo test -p api-error-catalog --test client_use conformance`", path.display());
        apis.retain(|api| ids.contains(&api.id));
    }
    let hostile = hostile_responses();
    let random = random_responses(&apis, seed, count);
    // By id, whatever order `serde_json::Map` keeps (see `canonical`).
    let mut decisions = std::collections::BTreeMap::new();
    for api in &apis {
        let responses = hostile.iter().map(|(_, response)| response).chain(&random);
        let records: Vec<Value> = responses
            .map(|response| {
                let headers: Vec<(&str, &str)> =
                    response.headers.iter().map(|(name, value)| (name.as_str(), value.as_str())).collect();
                let error = (api.read)(response.status, &headers, &response.body);
                let decided = api.decide(response.status, &headers, &response.body, super::now());
                assert_eq!(decided, error.recovery(super::now()), "{}: deciding alone differs from reading", api.id);
                record(&*error)
            })
            .collect();
        decisions.insert(api.id, records);
    }
    let random_table: Vec<Value> = random
        .iter()
        .map(|response| json!({ "status": response.status, "headers": response.headers, "body": body_text(&response.body) }))
        .collect();
    // One response per line: a change in the runtime shows as the lines it changed.
    let lines = |items: &mut dyn Iterator<Item = String>, indent: &str| {
        items.map(|item| format!("{indent}{item}")).collect::<Vec<_>>().join(",\n")
    };
    let hostile_ids = lines(&mut hostile.iter().map(|(id, _)| json!(id).to_string()), "  ");
    let random_lines = lines(&mut random_table.iter().map(canonical), "  ");
    let per_api = lines(
        &mut decisions.iter().map(|(id, records)| {
            let records = lines(&mut records.iter().map(canonical), "   ");
            format!("{}: [\n{records}\n  ]", json!(id))
        }),
        "  ",
    );
    let comment = "Written by the Rust test `conformance` (UPDATE_CONFORMANCE=1 cargo test -p api-error-catalog --test client_use conformance). Do not edit by hand.";
    let now = super::now().duration_since(UNIX_EPOCH).expect("after 1970").as_secs();
    let text = format!(
        "{{\n \"$comment\": {},\n \"seed\": {seed},\n \"now\": {now},\n \"hostile\": [\n{hostile_ids}\n ],\n \"random\": [\n{random_lines}\n ],\n \"decisions\": {{\n{per_api}\n }}\n}}\n",
        json!(comment)
    );
    if let Some(path) = fresh {
        std::fs::write(&path, &text).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        return;
    }
    if update {
        std::fs::write(&path, &text).unwrap();
        return;
    }
    assert!(
        checked_in == text,
        "{} is not what the runtime decides; run `UPDATE_CONFORMANCE=1 cargo test -p api-error-catalog --test client_use conformance` and review the diff",
        path.display()
    );
}
