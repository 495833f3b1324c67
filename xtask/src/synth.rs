//! Synthetic catalogs for the benchmarks: one API with any number of error values, valid by
//! construction, with bodies, headers, examples (one per ten values, each with its decision),
//! integer codes (one per ten values), reasons read in every element of an array of tagged
//! details (one per hundred values), recovery rules (one per hundred values, one with
//! conditions per thousand, one of hints per thousand, one of transport failures) in proportion,
//! and a source table of the values.

use std::fmt::Write;

/// The statuses the synthetic values are spread over, in catalog order.
const STATUSES: &[(u16, bool)] = &[
    (400, false),
    (401, false),
    (403, false),
    (404, false),
    (409, false),
    (422, false),
    (429, true),
    (500, true),
    (502, true),
    (503, true),
];

/// Values a rule of their own covers: the first half of each hundred.
fn ruled(i: usize) -> bool {
    i % 100 < 50
}

/// At most this many values go in one file: a catalog file may have at most
/// [`codegen::load::MAX_FILE_BYTES`] (4 MiB) and a value takes about 150 bytes here, so larger
/// synthetic catalogs are several APIs of this many values (100,000 values: five files).
pub const VALUES_PER_FILE: usize = 20_000;

/// The files of a synthetic catalog of `values` error values, each a name and its YAML text:
/// `synth.yaml` alone up to [`VALUES_PER_FILE`] values, then `synth2.yaml`, `synth3.yaml`…
pub fn files(values: usize) -> Vec<(String, String)> {
    files_of(values, VALUES_PER_FILE)
}

fn files_of(values: usize, per_file: usize) -> Vec<(String, String)> {
    let count = values.div_ceil(per_file).max(1);
    (0..count)
        .map(|file| {
            let id = if file == 0 { "synth".to_string() } else { format!("synth{}", file + 1) };
            let in_file = per_file.min(values - file * per_file);
            let name = if file == 0 { "Synth".to_string() } else { format!("Synth {}", file + 1) };
            let text = api(&id, &name, in_file);
            (format!("{id}.yaml"), text)
        })
        .collect()
}

/// The YAML text of a one-API catalog with `values` error values.
pub fn catalog(values: usize) -> String {
    api("synth", "Synth", values)
}

fn api(id: &str, name: &str, values: usize) -> String {
    let mut out = String::with_capacity(values * 400 + 4096);
    let _ = writeln!(
        out,
        "# A synthetic catalog for the benchmarks (`cargo xtask synth`); valid by construction.\n\
         id: {id}\nname: {name}\nsummary: A synthetic API for measuring the generator."
    );
    out.push_str(
        "\
         source:\n  title: Errors\nsections:\n  - id: errors\n    heading: [Errors]\n  - id: codes\n    heading: [Codes]\n    table:\n      rows: { vocabulary: ErrorCode }\n      columns:\n        - { header: Code, cell: \"`{value}`\" }\n        - { header: Status, cell: \"{statuses}\" }\n        - { header: Description, cell: \"{description}\" }\n",
    );
    out.push_str("statuses:\n");
    for (code, retryable) in STATUSES {
        let _ = writeln!(
            out,
            "  - {{ code: {code}, description: Synthetic status {code}, retryable: {retryable}, source: errors }}"
        );
    }
    out.push_str("vocabularies:\n  - name: ErrorCode\n    description: The synthetic error codes.\n    source: codes\n    values:\n");
    for i in 0..values {
        let (code, _) = STATUSES[i % STATUSES.len()];
        let _ = writeln!(
            out,
            "      - {{ value: error_code_{i}, statuses: [{code}], description: Synthetic error number {i}, source: codes }}"
        );
    }
    // Integer codes, one per ten values, as Twilio and google.rpc send them.
    out.push_str("  - name: NumericCode\n    description: The synthetic integer codes.\n    type: integer\n    source: errors\n    values:\n");
    for n in 0..numeric_codes(values) {
        let _ = writeln!(out, "      - {{ value: {}, variant: Numeric{n}, source: errors }}", numeric_code(n));
    }
    // Reasons, a hint in the elements of an array of tagged details, as google.rpc's ErrorInfo.
    out.push_str("  - name: Reason\n    description: The synthetic reasons.\n    source: errors\n    values:\n");
    for n in 0..reasons(values) {
        let _ = writeln!(out, "      - {{ value: reason_{n}, source: errors }}");
    }
    out.push_str(
        "bodies:\n  - name: ErrorBody\n    description: The synthetic error body.\n    root: true\n    source: errors\n    fields:\n\
         \x20     - { name: code, type: { vocabulary: ErrorCode }, required: true, role: code, description: The code, source: errors }\n\
         \x20     - { name: message, type: string, required: true, role: message, description: For people, source: errors }\n\
         \x20     - { name: requestId, type: string, required: false, role: request_id, description: The request, source: errors }\n\
         \x20     - { name: details, type: { array: { union: Detail } }, required: false, elements: any, description: Typed details, source: errors }\n\
         \x20     - { name: numeric, type: { vocabulary: NumericCode }, required: false, description: An integer code, source: errors }\n\
         \x20 - name: FieldError\n    description: One invalid field.\n    source: errors\n    fields:\n\
         \x20     - { name: field, type: string, required: true, description: The field, source: errors }\n\
         \x20     - { name: message, type: string, required: true, description: What is wrong, source: errors }\n\
         \x20     - { name: reason, type: { vocabulary: Reason }, required: false, role: hint, description: Why, source: errors }\n\
         \x20 - name: RetryInfo\n    description: When to retry.\n    source: errors\n    fields:\n\
         \x20     - { name: retryDelay, type: string, required: true, role: retry_after, formats: [duration], description: The wait, source: errors }\n\
         unions:\n  - name: Detail\n    description: One typed detail.\n    tag: \"@type\"\n    source: errors\n    variants:\n\
         \x20     - { tag: field_error, body: FieldError }\n\
         \x20     - { tag: retry_info, body: RetryInfo }\n\
         headers:\n  - { name: Retry-After, role: retry_after, formats: [delay_seconds], description: Seconds to wait, source: errors }\n\
         \x20 - { name: X-Request-Id, role: request_id, description: The request, source: errors }\n\
         \x20 - { name: X-RateLimit-Remaining, role: rate_limit_remaining, type: integer, description: Requests left, source: errors }\n",
    );
    out.push_str("recovery:\n  rules:\n");
    for rule in 0..values.div_ceil(100) {
        let covered: Vec<String> = (rule * 100..(rule * 100 + 100).min(values))
            .filter(|&i| ruled(i))
            .map(|i| format!("error_code_{i}"))
            .collect();
        if covered.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "    - {{ id: rule-{rule}, errors: [{}], kind: fix_request, advice: Fix the request., source: errors }}",
            covered.join(", ")
        );
        // A rule with conditions per ten of those (a header's value and the message's words),
        // at the status level, below the error rules that decide the examples.
        if rule % 10 == 0 {
            let _ = writeln!(
                out,
                "    - {{ id: limited-{rule}, statuses: [429], when: [{{ header: X-RateLimit-Remaining, equals: 0 }}, \
                 {{ field: message, contains: failure {rule}00 }}], kind: retry_after_wait, if_no_wait: give_up, \
                 advice: Wait for the window., source: errors }}"
            );
        }
    }
    // A rule of hints per ten reasons, above the error rules (no example carries a reason).
    for rule in 0..reasons(values).div_ceil(10) {
        let hints: Vec<String> =
            (rule * 10..(rule * 10 + 10).min(reasons(values))).map(|n| format!("reason_{n}")).collect();
        let _ = writeln!(
            out,
            "    - {{ id: reasons-{rule}, hints: [{}], kind: user_action, advice: Ask the user., source: errors }}",
            hints.join(", ")
        );
    }
    out.push_str(
        "    - { id: timeouts, transport: [timeout, connection_closed], kind: retry_with_backoff, backoff: client, advice: Retry., source: errors }\n\
         \x20   - { id: rate-limited, statuses: [429], kind: retry_after_wait, if_no_wait: give_up, advice: Wait., source: errors }\n\
         \x20   - { id: server-errors, status_classes: [server_error], kind: retry_with_backoff, backoff: { first_delay_ms: 1000 }, max_attempts: 3, advice: Back off., source: errors }\n\
         \x20 fallback: { kind: give_up, advice: Give up., source: errors }\n",
    );
    out.push_str("examples:\n");
    for i in (0..values).step_by(10) {
        let (code, _) = STATUSES[i % STATUSES.len()];
        let decision = match code {
            _ if ruled(i) => format!("{{ kind: fix_request, rule: rule-{} }}", i / 100),
            429 => "{ kind: give_up, rule: rate-limited }".to_string(),
            500..=599 => "{ kind: retry_with_backoff, rule: server-errors, wait_seconds: 1 }".to_string(),
            _ => "{ kind: give_up, rule: fallback }".to_string(),
        };
        let _ = writeln!(
            out,
            "  - {{ id: example-{i}, title: Example {i}, body_format: ErrorBody, status: {code}, \
             body: {{ code: error_code_{i}, message: Synthetic failure {i}, requestId: req_{i}, details: [{{ \"@type\": field_error, field: f{i}, message: bad }}], numeric: {} }}, \
             decision: {decision}, source: errors }}",
            numeric_code(i / 10 % numeric_codes(values))
        );
    }
    out
}

/// How many reasons a catalog of `values` error values has: one per hundred, at least one.
fn reasons(values: usize) -> usize {
    values.div_ceil(100).max(1)
}

/// How many integer codes a catalog of `values` error values has: one per ten, at least one.
fn numeric_codes(values: usize) -> usize {
    values.div_ceil(10).max(1)
}

/// The `n`th integer code: spread out, and some negative, so that the lookup is no offset.
fn numeric_code(n: usize) -> i64 {
    let n = n as i64;
    if n % 7 == 3 {
        -(n * 13 + 1)
    } else {
        10_000 + n * 13
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn large_catalogs_are_split_into_files_the_loader_accepts() {
        let files = super::files_of(250, 100);
        let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["synth.yaml", "synth2.yaml", "synth3.yaml"]);
        let apis = files
            .iter()
            .map(|(name, text)| codegen::load::parse_api(name, text).unwrap_or_else(|e| panic!("{name}: {e:?}")))
            .collect();
        let catalog = codegen::validate::validate(codegen::load::Loaded { dir: "spec".into(), apis })
            .unwrap_or_else(|e| panic!("{}", codegen::diagnostic::report(&e)));
        let values: Vec<usize> = catalog.apis().iter().map(|api| api.vocabularies[0].values.len()).collect();
        assert_eq!(values, [100, 100, 50]);
        // A full file stays under the loader's limit, with room to spare.
        let full = super::catalog(super::VALUES_PER_FILE).len() as u64;
        assert!(full < codegen::load::MAX_FILE_BYTES * 4 / 5, "{full} bytes");
    }

    #[test]
    fn synthetic_catalogs_are_valid_at_every_size() {
        for values in [1, 10, 99, 100, 101, 250] {
            let text = super::catalog(values);
            let api = codegen::load::parse_api("synth.yaml", &text).unwrap_or_else(|e| panic!("{values}: {e:?}"));
            let catalog = codegen::validate::validate(codegen::load::Loaded { dir: "spec".into(), apis: vec![api] })
                .unwrap_or_else(|e| panic!("{values}: {}", codegen::diagnostic::report(&e)));
            let api = &catalog.apis()[0];
            assert_eq!(api.vocabularies[0].values.len(), values);
            assert_eq!(api.vocabularies[1].values.len(), values.div_ceil(10));
            assert_eq!(api.examples.len(), values.div_ceil(10));
            let conditional = api.recovery.rules.iter().filter(|rule| !rule.when.is_empty()).count();
            assert_eq!(conditional, values.div_ceil(100).div_ceil(10), "{values}");
            // Reasons in every element of tagged details, their rules, and a transport rule.
            assert_eq!((api.unions.len(), api.vocabularies[2].values.len()), (1, super::reasons(values)));
            assert!(api.field_roles.iter().any(|(_, path)| path.contains(&"[*]".to_string())), "{values}");
            let transport = api.recovery.rules.iter().filter(|rule| !rule.transport.is_empty()).count();
            assert_eq!(transport, 1);
        }
    }
}
