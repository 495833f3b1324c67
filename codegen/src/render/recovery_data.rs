//! An API's recovery facts as JSON data: the precedence, where each fact sits in a body, the
//! headers, the rules and the fallback. Shared by `recovery/<api>.json` and the OpenAPI
//! document's `x-error-recovery`, so that every language reads the same facts the Rust
//! runtime decides with.

use crate::model::DecidedBy;
use crate::model::{HeaderRole, RetryAfterFormat};
use crate::resolved::{Api, Condition, ConditionSubject, ConditionTest, RecoveryRule};
use api_error_runtime::{RecoveryTable, Request, RetryAfter, RetryPolicy, TransportFailure};
use serde_json::{json, Map, Value};

/// The data object.
pub fn recovery_data(api: &Api) -> Value {
    let mut fields = Map::new();
    for (role, path) in &api.field_roles {
        let paths = fields.entry(role.as_str()).or_insert_with(|| json!([]));
        paths.as_array_mut().expect("inserted as an array").push(json!(path));
    }
    let mut headers = Map::new();
    for header in &api.headers {
        let Some(role) = header.role else { continue };
        let name = role.as_str();
        headers.entry(name).or_insert_with(|| json!(header.name));
    }
    let retry_after = api.header_with_role(HeaderRole::RetryAfter);
    // The formats the header is read in, tried in order: a `Retry-After` in RFC 9110's two forms
    // first, then the API's own; a header of another name in its own (as the runtime reads them).
    let header_formats: Vec<&str> = retry_after
        .map(|h| {
            let rfc = RetryAfter::is_rfc9110_header(&h.name);
            let standard = [RetryAfterFormat::DelaySeconds, RetryAfterFormat::HttpDate];
            let own = h.formats.iter().filter(|f| !(rfc && f.is_rfc9110()));
            let formats: Vec<RetryAfterFormat> =
                if rfc { standard.iter().chain(own).copied().collect() } else { own.copied().collect() };
            formats.into_iter().map(|f| f.as_str()).collect()
        })
        .unwrap_or_default();
    json!({
        "api": api.name,
        // The levels a response is decided at, in the API's order, then the fallback; transport
        // rules decide failures without one.
        "precedence": api
            .recovery
            .precedence
            .iter()
            .chain([&DecidedBy::Fallback])
            .map(|level| level.as_str())
            .collect::<Vec<_>>(),
        "fields": fields,
        // What ends a namespace the wire may write before the code (`#` of
        // `aws.example#Throttled`): the code is the text after the last one.
        "code_namespace": api.code_namespace().map(String::from),
        "headers": headers,
        "retry_after": {
            "formats": header_formats,
            "body_formats": api.body_wait_formats.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
            // A wait of last resort for `retry_after_wait`: until the rate-limit window resets.
            "reset_formats": api
                .header_with_role(HeaderRole::RateLimitReset)
                .map(|h| h.formats.iter().map(|f| f.as_str()).collect::<Vec<_>>())
                .unwrap_or_default(),
            "default_seconds": retry_after.and_then(|h| h.default_seconds),
        },
        "rules": api.recovery.rules.iter().map(|rule| rule_data(api, rule)).collect::<Vec<_>>(),
        "fallback": rule_data(api, &api.recovery.fallback),
        // For a failure without a response that no rule names: the runtime's, for every API.
        "transport_defaults": RecoveryTable::TRANSPORT_DEFAULTS.iter().map(default_data).collect::<Vec<_>>(),
        // What decides whether a retry may resend a request that may have taken effect: after a
        // 5xx or one of these failures, unless the rule is `safe_to_resend`, only a request of
        // one of these methods, or with an idempotency key, is retried (else `check_outcome`).
        "may_have_reached_server": TransportFailure::ALL
            .iter()
            .filter(|failure| failure.may_have_reached_server())
            .map(|failure| failure.as_str())
            .collect::<Vec<_>>(),
        "idempotent_methods": Request::IDEMPOTENT_METHODS,
        // What the runtime's default `RetryPolicy` decides where a rule does not: attempts in
        // all, the longest wait worth waiting, and the delays of a `backoff: "client"` rule.
        "client_policy": client_policy(),
    })
}

/// The runtime's default client policy, as data.
fn client_policy() -> Value {
    let policy = RetryPolicy::default();
    let backoff = policy.backoff;
    json!({
        "max_attempts": policy.max_attempts,
        "max_wait_seconds": seconds(policy.max_wait.as_millis() as u64),
        "backoff": {
            "first_delay_ms": backoff.first.as_millis() as u64,
            "multiplier": backoff.multiplier,
            "max_delay_ms": backoff.max.map(|max| max.as_millis() as u64),
            "jitter": backoff.jitter.as_str(),
            "jitter_ms": None::<u64>,
        },
    })
}

/// A runtime default rule, in the form of the catalog's rules.
fn default_data(rule: &api_error_runtime::RecoveryRule) -> Value {
    let mut data = json!({
        "id": rule.id,
        "level": rule.level().as_str(),
        "kind": rule.kind.as_str(),
        "retries": rule.kind.retries(),
        "hints": [],
        "errors": [],
        "statuses": [],
        "status_classes": [],
        "except": [],
        "when": [],
        "transport": rule.transport.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
        "safe_to_resend": rule.safe_to_resend,
        "advice": rule.advice,
        "source": rule.source,
        "inferred": rule.inferred,
    });
    if rule.client_backoff {
        data["backoff"] = json!("client");
    }
    data
}

fn rule_data(api: &Api, rule: &RecoveryRule) -> Value {
    let wires = |values: &[crate::resolved::ValueRef]| values.iter().map(|&v| api[v].wire.clone()).collect::<Vec<_>>();
    let mut data = json!({
        "id": rule.id,
        "level": rule.level.as_str(),
        "kind": rule.kind.as_str(),
        "retries": rule.kind.retries(),
        "hints": wires(&rule.hints),
        "errors": wires(&rule.errors),
        "statuses": rule.statuses,
        "status_classes": rule.status_classes.iter().map(|c| c.range()).collect::<Vec<_>>(),
        "except": wires(&rule.except),
        // Tests that must all hold: `{ "header": name, "equals": text }` or `{ "field": role,
        // "contains": text }`, ASCII letters compared in any case, the value trimmed.
        "when": rule.when.iter().map(condition_data).collect::<Vec<_>>(),
        // Failures without a response: such a rule names nothing above, and covers no response.
        "transport": rule.transport.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
        // The server did not act on the request: a retry may resend any request.
        "safe_to_resend": rule.safe_to_resend,
        "advice": rule.advice.trim(),
        "source": api.section_title(rule.trace.section),
        "inferred": rule.kind_inferred(),
    });
    if rule.client_backoff {
        // No numbers: the client's policy chooses the delays.
        data["backoff"] = json!("client");
    }
    if let Some(backoff) = &rule.backoff {
        data["backoff"] = json!({
            "first_delay_ms": backoff.first_delay_ms,
            "multiplier": backoff.multiplier,
            "max_delay_ms": backoff.max_delay_ms,
            "jitter": backoff.jitter.as_str(),
            "jitter_ms": backoff.jitter_ms,
        });
    }
    if let Some(attempts) = rule.max_attempts {
        data["max_attempts"] = json!(attempts);
    }
    if let Some(kind) = rule.if_no_wait {
        data["if_no_wait"] = json!(kind.as_str());
    }
    if let Some(then) = &rule.then {
        // What comes next when the recovery did not help, and the fact to quote then.
        data["then"] = json!({
            "kind": then.kind.as_str(),
            "quote": then.quote.map(|role| role.as_str()),
            "advice": then.advice.trim(),
        });
    }
    data
}

fn condition_data(condition: &Condition) -> Value {
    let mut data = Map::new();
    match &condition.subject {
        ConditionSubject::Header(name) => data.insert("header".into(), json!(name)),
        ConditionSubject::Field(role) => data.insert("field".into(), json!(role.as_str())),
    };
    match &condition.test {
        ConditionTest::Equals(text) => data.insert("equals".into(), json!(text)),
        ConditionTest::Contains(text) => data.insert("contains".into(), json!(text)),
    };
    Value::Object(data)
}

/// Milliseconds as a JSON number of seconds: whole (`7`) where they are, else fractional (`1.5`);
/// it prints as the Markdown reference writes a wait too.
pub fn seconds(milliseconds: u64) -> Value {
    match milliseconds % 1000 {
        0 => Value::from(milliseconds / 1000),
        _ => Value::from(milliseconds as f64 / 1000.0),
    }
}
