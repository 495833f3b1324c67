//! How fast the generated code runs, with criterion: `cargo bench -p api-error-catalog --bench
//! runtime`. Each figure has its baseline measured in the same run, and the run ends with a
//! table of medians and ratios (read back from criterion's estimates), which BENCHMARKS.md
//! quotes.
//!
//! - **Decoding**, for every documented example of the two APIs: the floor
//!   (`serde_json::from_slice::<IgnoredAny>`, which only checks the JSON), what a user would
//!   write (a plain `#[derive(Deserialize)]` struct of `String`s), the same with borrowed
//!   strings (a zero-copy view), the generated `ErrorResponse` decoded straight from the
//!   bytes, `Error::from_response` (the lenient read: never fails, salvages facts from bodies
//!   that do not decode) and that plus `recovery` (what to do next); `Error::decide` (the
//!   decision alone, reading no more of the response than it needs); and a client written by
//!   hand from each page (its own struct, `match` and `Retry-After`), the baseline.
//! - **Lookups**: a wire string to a vocabulary enum, known and unknown, against strum's
//!   derived `FromStr` and a `HashMap`.
//! - **Retry-After** in each form.
//! - **Hostile bodies**: `from_response` on bodies no server should send (64 MiB of spaces,
//!   1 MiB of tiny objects, of tiny members, of nesting), timed, with the peak memory it
//!   allocates beyond the body (a counting allocator) as a multiple of the body's size.
//!
//! The baselines are written by hand for the APIs of this crate, so they name them: a check
//! at the start fails the run when the catalog has moved away from them.

use api_error_catalog::{fanfare, ofauth, ApiError, Example, RecoveryKind};
use api_error_runtime::ErrorModel;
use criterion::{BenchmarkId, Criterion};
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hint::black_box;
use std::time::{Duration, SystemTime};

/// What an OFAuth client would write by hand: every member as text.
#[derive(Deserialize)]
#[allow(dead_code)]
struct OfauthByHand {
    error: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(rename = "requestId")]
    request_id: Option<String>,
    #[serde(rename = "actionRequired")]
    action_required: Option<String>,
}

/// The same, borrowing from the bytes where the text has no escapes.
#[derive(Deserialize)]
#[allow(dead_code)]
struct OfauthBorrowed<'a> {
    #[serde(borrow)]
    error: Cow<'a, str>,
    #[serde(borrow, rename = "type")]
    kind: Cow<'a, str>,
    #[serde(borrow, rename = "requestId")]
    request_id: Option<Cow<'a, str>>,
    #[serde(borrow, rename = "actionRequired")]
    action_required: Option<Cow<'a, str>>,
}

/// What a Fanfare client would write by hand: one struct for both bodies (the error body and
/// the order denial), every member optional text.
#[derive(Deserialize)]
#[allow(dead_code)]
struct FanfareByHand {
    error: Option<String>,
    message: Option<String>,
    details: Option<Vec<FieldByHand>>,
    support: Option<SupportByHand>,
    #[serde(rename = "retryAfter")]
    retry_after: Option<u64>,
    status: Option<String>,
    #[serde(rename = "denyReason")]
    deny_reason: Option<String>,
    #[serde(rename = "consumerId")]
    consumer_id: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct FieldByHand {
    field: String,
    message: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct SupportByHand {
    message: String,
    #[serde(rename = "referenceCode")]
    reference_code: String,
}

/// The same, borrowing.
#[derive(Deserialize)]
#[allow(dead_code)]
struct FanfareBorrowed<'a> {
    #[serde(borrow)]
    error: Option<Cow<'a, str>>,
    #[serde(borrow)]
    message: Option<Cow<'a, str>>,
    #[serde(borrow)]
    details: Option<Vec<FieldBorrowed<'a>>>,
    #[serde(borrow)]
    support: Option<SupportBorrowed<'a>>,
    #[serde(rename = "retryAfter")]
    retry_after: Option<u64>,
    #[serde(borrow)]
    status: Option<Cow<'a, str>>,
    #[serde(borrow, rename = "denyReason")]
    deny_reason: Option<Cow<'a, str>>,
    #[serde(borrow, rename = "consumerId")]
    consumer_id: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct FieldBorrowed<'a> {
    #[serde(borrow)]
    field: Cow<'a, str>,
    #[serde(borrow)]
    message: Cow<'a, str>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct SupportBorrowed<'a> {
    #[serde(borrow)]
    message: Cow<'a, str>,
    #[serde(borrow, rename = "referenceCode")]
    reference_code: Cow<'a, str>,
}

/// What a client written by hand decides: the catalog's kinds, with the wait it would use.
type Decided = (RecoveryKind, Option<Duration>);

/// A `Retry-After` of delay-seconds, the form a client written by hand reads first; with `iso`,
/// also a moment in ISO 8601 (Fanfare's page sends one), read with a crate as a client would.
fn retry_after_by_hand(headers: &[(&str, &str)], now: SystemTime, iso: bool) -> Option<Duration> {
    let (_, value) = headers.iter().find(|(name, _)| name.eq_ignore_ascii_case("retry-after"))?;
    let value = value.trim();
    match value.parse() {
        Ok(seconds) => Some(Duration::from_secs(seconds)),
        Err(_) if iso => humantime::parse_rfc3339(value).ok().map(|at| at.duration_since(now).unwrap_or_default()),
        Err(_) => None,
    }
}

/// What an OFAuth client written from the page alone spends: the body decoded into `String`s,
/// the error type `match`ed, a `Retry-After` read. The baseline (issue 25).
#[inline(never)]
fn ofauth_client_by_hand(status: u16, headers: &[(&str, &str)], body: &[u8], now: SystemTime) -> Decided {
    let Ok(body) = serde_json::from_slice::<OfauthByHand>(body) else {
        return (if status >= 500 { RecoveryKind::RetryWithBackoff } else { RecoveryKind::GiveUp }, None);
    };
    match body.kind.as_str() {
        "RATE_LIMIT_EXCEEDED" => {
            (RecoveryKind::RetryAfterWait, retry_after_by_hand(headers, now, false).or(Some(Duration::from_secs(60))))
        }
        "SESSION_EXPIRED" | "SESSION_NOT_PROVIDED" => (RecoveryKind::Reauthenticate, None),
        "UNKNOWN_ERROR" | "NETWORK_ERROR" | "PROXY_ERROR" => {
            (RecoveryKind::RetryWithBackoff, Some(Duration::from_secs(1)))
        }
        "UNAUTHORIZED" => (RecoveryKind::FixConfiguration, None),
        "FORBIDDEN" => (RecoveryKind::CheckPermissions, None),
        _ => (RecoveryKind::FixRequest, None),
    }
}

/// The same for Fanfare: its error string `match`ed, then its status, then its waits.
#[inline(never)]
fn fanfare_client_by_hand(status: u16, headers: &[(&str, &str)], body: &[u8], now: SystemTime) -> Decided {
    let Ok(body) = serde_json::from_slice::<FanfareByHand>(body) else {
        return (if status >= 500 { RecoveryKind::RetryWithBackoff } else { RecoveryKind::GiveUp }, None);
    };
    if body.status.as_deref() == Some("DENIED") {
        return (RecoveryKind::GiveUp, None);
    }
    match body.error.as_deref() {
        Some("otp_expired" | "otp_invalid" | "session_integrity_failed") => return (RecoveryKind::UserAction, None),
        Some("invalid refresh token") => return (RecoveryKind::Reauthenticate, None),
        Some("Secret key required") => return (RecoveryKind::FixConfiguration, None),
        Some("Validation failed") => return (RecoveryKind::FixRequest, None),
        Some("Auction is closed") => return (RecoveryKind::GiveUp, None),
        _ => {}
    }
    match status {
        401 => (RecoveryKind::RefreshCredentials, Some(Duration::ZERO)),
        409 => (RecoveryKind::GiveUp, None),
        423 | 429 => {
            let wait = retry_after_by_hand(headers, now, true).or(body.retry_after.map(Duration::from_secs));
            (RecoveryKind::RetryAfterWait, wait)
        }
        500.. => (RecoveryKind::RetryWithBackoff, None),
        _ => (RecoveryKind::FixRequest, None),
    }
}

/// OFAuth's error types as strum would have them: the baseline for lookups. Like the generated
/// enum, it keeps an unknown value's text (strum's `default` variant).
#[derive(strum::EnumString, strum::VariantNames, Clone, Debug)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
enum StrumErrorType {
    BadRequest,
    Forbidden,
    NetworkError,
    ProxyError,
    RateLimitExceeded,
    ResourceNotFound,
    RouteNotFound,
    RulesOutdated,
    SessionExpired,
    SessionNotProvided,
    Unauthorized,
    UnknownError,
    UploadError,
    #[strum(default)]
    Unknown(String),
}

/// strum's lookup as a call, as the generated one is from the bench (it lives in another crate).
/// Inlined into the bench, with the answer compared to one constant, it folds into a single string
/// comparison that no client's lookup would be.
#[inline(never)]
fn strum_lookup(wire: &str) -> Result<StrumErrorType, strum::ParseError> {
    wire.parse()
}

/// Which decoders run, in the order of the table's columns.
const DECODERS: &[&str] =
    &["floor", "by hand", "borrowed", "typed", "from_response", "+ recovery", "decide", "client by hand"];

/// The catalog's decision, as the clients by hand are checked against it.
type Decide = fn(u16, &'static [(&'static str, &'static str)], &[u8], SystemTime) -> api_error_runtime::Recovery;

/// A client written by hand: from a response's status, headers and body to what it does next.
type ClientByHand = fn(u16, &[(&str, &str)], &[u8], SystemTime) -> Decided;

/// Decoding every example of one API, each decoder a function of the body's bytes.
fn decoding<ByHand, Body>(
    c: &mut Criterion,
    api: &str,
    examples: &[Example],
    borrowed: fn(&[u8]) -> bool,
    client_by_hand: ClientByHand,
) where
    ByHand: for<'de> Deserialize<'de>,
    Body: ErrorModel + std::fmt::Debug,
{
    let mut group = c.benchmark_group(format!("decode/{api}"));
    for example in examples {
        let bytes = example.body.as_bytes();
        let id = |decoder: &str| BenchmarkId::new(decoder, example.id);
        group.bench_function(id("floor"), |b| {
            b.iter(|| serde_json::from_slice::<serde::de::IgnoredAny>(black_box(bytes)).is_ok())
        });
        group.bench_function(id("by hand"), |b| b.iter(|| serde_json::from_slice::<ByHand>(black_box(bytes)).is_ok()));
        group.bench_function(id("borrowed"), |b| b.iter(|| borrowed(black_box(bytes))));
        group.bench_function(id("typed"), |b| b.iter(|| serde_json::from_slice::<Body>(black_box(bytes)).is_ok()));
        group.bench_function(id("from_response"), |b| b.iter(|| read::<Body>(black_box(example)).body().is_some()));
        let now = now();
        group.bench_function(id("+ recovery"), |b| b.iter(|| read::<Body>(black_box(example)).recovery(now).kind()));
        let status = status_of(example);
        group.bench_function(id("decide"), |b| {
            b.iter(|| ApiError::<Body>::decide(status, black_box(example.headers), black_box(bytes), now).kind())
        });
        group.bench_function(id("client by hand"), |b| {
            b.iter(|| client_by_hand(status, black_box(example.headers), black_box(bytes), now).0)
        });
    }
    group.finish();
}

/// Each API's examples, its client by hand and the catalog's decision.
fn clients() -> [(&'static str, &'static [Example], ClientByHand, Decide); 2] {
    [
        ("ofauth", ofauth::EXAMPLES, ofauth_client_by_hand, ApiError::<ofauth::ErrorResponse>::decide),
        ("fanfare", fanfare::EXAMPLES, fanfare_client_by_hand, ApiError::<fanfare::ErrorResponse>::decide),
    ]
}

/// `decide` against the client by hand, timed in alternating rounds of each rather than as two
/// benchmarks minutes apart: whatever else the machine does weighs on both alike (between two
/// criterion runs one row moved by 55% with no change to the code). The median of the rounds'
/// ratios, per example.
fn paired_decisions() {
    const ROUNDS: usize = 41;
    const CALLS: u32 = 2_000;
    println!("\n| example | `decide` | client by hand | `decide` vs client by hand, paired |");
    println!("| --- | --- | --- | --- |");
    for (api, examples, client, decide) in clients() {
        for example in examples {
            let (status, headers, body) = (status_of(example), example.headers, example.body.as_bytes());
            let time = |one: &dyn Fn()| {
                let start = std::time::Instant::now();
                for _ in 0..CALLS {
                    one();
                }
                start.elapsed().as_secs_f64() / f64::from(CALLS)
            };
            let decided = || {
                black_box(decide(status, black_box(headers), black_box(body), now()).kind());
            };
            let by_hand = || {
                black_box(client(status, black_box(headers), black_box(body), now()).0);
            };
            let mut rounds: Vec<(f64, f64)> = (0..ROUNDS)
                .map(|round| match round % 2 {
                    // Each first in every other round, so that neither always runs warm.
                    0 => (time(&decided), time(&by_hand)),
                    _ => {
                        let hand = time(&by_hand);
                        (time(&decided), hand)
                    }
                })
                .collect();
            let median = |values: &mut Vec<f64>| {
                values.sort_by(f64::total_cmp);
                values[values.len() / 2]
            };
            let mut ratios: Vec<f64> = rounds.iter().map(|(d, h)| d / h).collect();
            let (mut decides, mut hands): (Vec<f64>, Vec<f64>) = rounds.drain(..).unzip();
            println!(
                "| {api} {} | {:.0} ns | {:.0} ns | {:.2}x |",
                example.id,
                median(&mut decides) * 1e9,
                median(&mut hands) * 1e9,
                median(&mut ratios)
            );
        }
    }
}

/// The moment every decision of the bench is made at.
fn now() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000)
}

/// The lenient read a client calls, of one example.
fn read<Body: ErrorModel>(example: &Example) -> ApiError<Body> {
    ApiError::from_response(status_of(example), example.headers.iter().copied(), example.body.as_bytes())
}

/// The status an example is answered with: its own, else the one its decision assumes.
fn status_of(example: &Example) -> u16 {
    example.status.or(example.decision.as_ref().and_then(|decision| decision.status)).unwrap_or(400)
}

/// Known: a value from the middle of the sorted table and the last one; unknown: a near miss.
const LOOKED_UP: [(&str, &str); 3] =
    [("known", "RATE_LIMIT_EXCEEDED"), ("known", "UPLOAD_ERROR"), ("unknown", "RATE_LIMIT_EXCEEDEDX")];

fn lookups(c: &mut Criterion) {
    let by_hash: HashMap<&str, ofauth::ErrorType> =
        ofauth::ErrorType::ALL.iter().map(|v| (v.as_str(), v.clone())).collect();
    let mut group = c.benchmark_group("lookup");
    for (what, wire) in LOOKED_UP {
        assert_eq!(by_hash.contains_key(wire), what == "known", "{wire}");
        let id = |how: &str| BenchmarkId::new(how, format!("{what} {wire}"));
        // Each lookup is measured as a client uses one: look the string up, then branch on the
        // answer. Handing the whole value to `black_box` instead measured a store-forwarding
        // stall in the bench's own loop (the lookup writes the 8-byte tag of a 24-byte value and
        // the loop copies all 24 bytes), which took 6.4 ns of a 2.1 ns lookup.
        group.bench_function(id("From<&str>"), |b| {
            b.iter(|| matches!(ofauth::ErrorType::from(black_box(wire)), ofauth::ErrorType::RateLimitExceeded))
        });
        group.bench_function(id("FromStr"), |b| {
            b.iter(|| matches!(black_box(wire).parse(), Ok(ofauth::ErrorType::RateLimitExceeded)))
        });
        group.bench_function(id("strum"), |b| {
            b.iter(|| matches!(strum_lookup(black_box(wire)), Ok(StrumErrorType::RateLimitExceeded)))
        });
        group.bench_function(id("HashMap"), |b| {
            b.iter(|| matches!(by_hash.get(black_box(wire)), Some(ofauth::ErrorType::RateLimitExceeded)))
        });
    }
    let value = ofauth::ErrorType::from("RATE_LIMIT_EXCEEDED");
    group.bench_function("is_unknown", |b| b.iter(|| black_box(&value).is_unknown()));
    group.finish();
}

fn retry_after(c: &mut Criterion) {
    let mut group = c.benchmark_group("retry-after");
    let forms = [
        ("delay-seconds", "120"),
        ("IMF-fixdate", "Sun, 06 Nov 1994 08:49:37 GMT"),
        ("RFC 850", "Sunday, 06-Nov-94 08:49:37 GMT"),
        ("asctime", "Sun Nov  6 08:49:37 1994"),
        ("ISO 8601 (Fanfare's dialect)", "2024-12-01T09:00:00Z"),
        ("invalid", "soon"),
    ];
    for (form, value) in forms {
        group.bench_function(form, |b| b.iter(|| fanfare::headers::parse_retry_after(black_box(value))));
    }
    group.finish();
}

/// The hand-written baselines must still describe the catalog: every example decodes by hand,
/// and strum's enum has exactly the generated enum's values.
fn check_baselines() {
    for example in ofauth::EXAMPLES {
        let by_hand = serde_json::from_slice::<OfauthByHand>(example.body.as_bytes());
        assert!(by_hand.is_ok(), "the OFAuth baseline no longer reads example {}", example.id);
    }
    for example in fanfare::EXAMPLES {
        let by_hand = serde_json::from_slice::<FanfareByHand>(example.body.as_bytes());
        assert!(by_hand.is_ok(), "the Fanfare baseline no longer reads example {}", example.id);
    }
    // The clients by hand must decide what the catalog decides, to the wait, or they would be
    // measuring less.
    for (api, examples, client, decide) in clients() {
        for example in examples {
            let (status, body) = (status_of(example), example.body.as_bytes());
            let by_hand = client(status, example.headers, body, now());
            let decided = decide(status, example.headers, body, now());
            assert_eq!(
                by_hand,
                (decided.kind(), decided.wait()),
                "the {api} client by hand decides example {} otherwise",
                example.id
            );
        }
    }
    let mut generated: Vec<&str> = ofauth::ErrorType::ALL.iter().map(|v| v.as_str()).collect();
    // Its default variant, which keeps an unknown value's text, has no wire string.
    let mut strum: Vec<&str> =
        <StrumErrorType as strum::VariantNames>::VARIANTS.iter().copied().filter(|name| *name != "UNKNOWN").collect();
    generated.sort_unstable();
    strum.sort_unstable();
    assert_eq!(generated, strum, "the strum baseline has other values than ofauth::ErrorType");
    let unknown = strum_lookup("RATE_LIMIT_EXCEEDEDX");
    assert!(
        matches!(&unknown, Ok(StrumErrorType::Unknown(text)) if text == "RATE_LIMIT_EXCEEDEDX"),
        "the strum baseline no longer keeps an unknown value's text: {unknown:?}"
    );
}

/// Counts the bytes allocated and their peak, for the hostile bodies' memory.
struct Counting;

static LIVE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static PEAK: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; only counters are kept.
unsafe impl std::alloc::GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        use std::sync::atomic::Ordering;
        let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(live, Ordering::Relaxed);
        // SAFETY: the caller's layout, as `GlobalAlloc::alloc` requires.
        unsafe { std::alloc::System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        LIVE.fetch_sub(layout.size(), std::sync::atomic::Ordering::Relaxed);
        // SAFETY: a pointer this allocator gave, with its layout.
        unsafe { std::alloc::System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Bodies no server should send, each with a name.
fn hostile_bodies() -> Vec<(&'static str, Vec<u8>)> {
    const MIB: usize = 1 << 20;
    let repeated = |open: &str, unit: &str, close: &str| {
        let mut body = open.to_string();
        while body.len() + unit.len() + close.len() < MIB - 16 {
            body.push_str(unit);
        }
        body.push_str(close);
        body.into_bytes()
    };
    let mut members = String::from("{");
    for i in 0.. {
        let member = format!("\"m{i}\":{{}},");
        if members.len() + member.len() > MIB - 16 {
            break;
        }
        members.push_str(&member);
    }
    members.push_str("\"end\":0}");
    vec![
        ("64 MiB of spaces", vec![b' '; 64 * MIB]),
        ("1 MiB of spaces, then {}", [vec![b' '; MIB - 2], b"{}".to_vec()].concat()),
        ("1 MiB of tiny objects", repeated("[", "{},", "{}]")),
        ("1 MiB of tiny members", members.into_bytes()),
        ("1 MiB of nesting", [vec![b'['; MIB / 2], vec![b']'; MIB / 2]].concat()),
    ]
}

/// The peak bytes `from_response` allocates reading `body`, beyond what was live before.
fn peak_allocated(body: &[u8]) -> usize {
    use std::sync::atomic::Ordering;
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let error = ofauth::Error::from_response(500, [("x", "y")], body);
    let peak = PEAK.load(Ordering::Relaxed) - before;
    drop(black_box(error));
    peak
}

fn hostile(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    for (name, body) in hostile_bodies() {
        group.bench_with_input(BenchmarkId::new("from_response", name), &body, |b, body| {
            b.iter(|| ofauth::Error::from_response(500, [("x", "y")], black_box(body.as_slice())))
        });
    }
    group.finish();
}

fn main() {
    check_baselines();
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_millis(700))
        .sample_size(30)
        .configure_from_args();
    decoding::<OfauthByHand, ofauth::ErrorResponse>(
        &mut c,
        "ofauth",
        ofauth::EXAMPLES,
        |bytes| serde_json::from_slice::<OfauthBorrowed<'_>>(bytes).is_ok(),
        ofauth_client_by_hand,
    );
    decoding::<FanfareByHand, fanfare::ErrorResponse>(
        &mut c,
        "fanfare",
        fanfare::EXAMPLES,
        |bytes| serde_json::from_slice::<FanfareBorrowed<'_>>(bytes).is_ok(),
        fanfare_client_by_hand,
    );
    lookups(&mut c);
    retry_after(&mut c);
    hostile(&mut c);
    c.final_summary();
    summary::decoding(&[("ofauth", ofauth::EXAMPLES), ("fanfare", fanfare::EXAMPLES)]);
    summary::lookups();
    summary::hostile(&hostile_bodies());
    paired_decisions();
}

/// The table at the end of a run: criterion's median estimates, as ratios to the floor.
mod summary {
    use super::{Example, DECODERS};
    use std::collections::HashMap;
    use std::path::PathBuf;

    /// Where criterion wrote its estimates: `target/criterion`, found from this executable
    /// (`target/<profile>/deps/runtime-…`) as criterion finds it.
    fn criterion_dir() -> Option<PathBuf> {
        if let Some(dir) = std::env::var_os("CRITERION_HOME") {
            return Some(PathBuf::from(dir));
        }
        let exe = std::env::current_exe().ok()?;
        Some(exe.ancestors().nth(3)?.join("criterion"))
    }

    /// Every median criterion has on record, in nanoseconds, by full id (`group/function/value`),
    /// from the `benchmark.json` (which names the benchmark) beside each `estimates.json`.
    fn medians() -> HashMap<String, f64> {
        let mut medians = HashMap::new();
        let mut dirs: Vec<PathBuf> = criterion_dir().into_iter().collect();
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            dirs.extend(entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_dir()));
            if dir.file_name().is_some_and(|name| name == "new") {
                let read = |file: &str| -> Option<serde_json::Value> {
                    serde_json::from_str(&std::fs::read_to_string(dir.join(file)).ok()?).ok()
                };
                let (Some(benchmark), Some(estimates)) = (read("benchmark.json"), read("estimates.json")) else {
                    continue;
                };
                if let (Some(id), Some(median)) =
                    (benchmark["full_id"].as_str(), estimates["median"]["point_estimate"].as_f64())
                {
                    medians.insert(id.to_string(), median);
                }
            }
        }
        medians
    }

    fn median(group: &str, function: &str, parameter: &str) -> Option<f64> {
        thread_local!(static MEDIANS: HashMap<String, f64> = medians());
        MEDIANS.with(|medians| medians.get(&format!("{group}/{function}/{parameter}")).copied())
    }

    pub(super) fn decoding(apis: &[(&str, &[Example])]) {
        println!(
            "\n| example | floor | {} | typed vs by hand | from_response vs by hand | + recovery vs client by hand | decide vs client by hand |",
            DECODERS[1..].join(" | ")
        );
        println!("| --- |{}", " --- |".repeat(DECODERS.len() + 4));
        for (api, examples) in apis {
            for example in examples.iter() {
                let group = format!("decode/{api}");
                let times: Vec<Option<f64>> = DECODERS.iter().map(|d| median(&group, d, example.id)).collect();
                let Some(floor) = times[0] else { continue };
                let mut cells = vec![format!("{floor:.0} ns")];
                cells.extend(times[1..].iter().map(|t| t.map_or("?".into(), |t| format!("{:.2}x", t / floor))));
                let ratio = |at: usize, to: usize| match (times[at], times[to]) {
                    (Some(t), Some(hand)) => format!("{:.2}x", t / hand),
                    _ => "?".into(),
                };
                cells.push(ratio(3, 1));
                cells.push(ratio(4, 1));
                cells.push(ratio(5, 7));
                cells.push(ratio(6, 7));
                println!("| {api} {} | {} |", example.id, cells.join(" | "));
            }
        }
    }

    /// Each hostile body: its time, its time per byte, and the peak memory `from_response`
    /// allocated reading it as a multiple of its size.
    pub(super) fn hostile(bodies: &[(&str, Vec<u8>)]) {
        println!("\n| body | from_response | per byte | peak memory allocated | vs the body |");
        println!("| --- | --- | --- | --- | --- |");
        for (name, body) in bodies {
            let time = median("hostile", "from_response", name);
            let peak = super::peak_allocated(body);
            println!(
                "| {name} | {} | {} | {:.1} MiB | {:.2}x |",
                time.map_or("?".into(), |t| format!("{:.2} ms", t / 1e6)),
                time.map_or("?".into(), |t| format!("{:.2} ns", t / body.len() as f64)),
                peak as f64 / (1 << 20) as f64,
                peak as f64 / body.len() as f64
            );
        }
    }

    /// Each lookup as a ratio to strum's and to the `HashMap`'s, for the same string.
    pub(super) fn lookups() {
        println!("\n| lookup | From<&str> | FromStr | strum | HashMap | From<&str> vs strum | vs HashMap |");
        println!("| --- | --- | --- | --- | --- | --- | --- |");
        for parameter in super::LOOKED_UP.iter().map(|(what, wire)| format!("{what} {wire}")) {
            let times: Vec<Option<f64>> = ["From<&str>", "FromStr", "strum", "HashMap"]
                .iter()
                .map(|how| median("lookup", how, &parameter))
                .collect();
            let cell = |t: Option<f64>| t.map_or("?".into(), |t| format!("{t:.1} ns"));
            let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
                (Some(a), Some(b)) => format!("{:.2}x", a / b),
                _ => "?".into(),
            };
            let cells: Vec<String> = times.iter().copied().map(cell).collect();
            println!(
                "| {parameter} | {} | {} | {} |",
                cells.join(" | "),
                ratio(times[0], times[2]),
                ratio(times[0], times[3])
            );
        }
    }
}
