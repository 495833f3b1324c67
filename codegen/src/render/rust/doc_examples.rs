//! The examples of the generated crate's documentation, which `cargo test --doc` compiles and
//! runs: each API module reads one of its documented responses and asks what to do, and the
//! crate root shows code written once for every API's errors.

use crate::model::CatalogEnum;
use crate::model::FieldRole;
use crate::render::text::one_line;
use crate::resolved::{Api, CaseInput, Catalog};
use proc_macro2::TokenStream;
use quote::quote;

/// A response to show: one of the API's documented examples (or, without one that says what to
/// do, a pinned case), with what the catalog says a client does about it.
struct Shown {
    /// Where it comes from, in words.
    what: String,
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
    /// The error code the body carries, where the model finds one.
    code: Option<String>,
    /// The kind its decision names.
    kind: Option<&'static str>,
}

/// The response an API's documentation example shows.
fn shown(api: &Api) -> Shown {
    let code_of = |body: &serde_json::Value| {
        let (_, path) = api.field_roles.iter().find(|(role, _)| *role == FieldRole::Code)?;
        let value = path.iter().try_fold(body, |node, key| node.get(key))?;
        match value {
            // Without the namespace the wire may write before it, as `code()` gives it.
            serde_json::Value::String(text) => {
                Some(crate::model::without_namespace(text, api.code_namespace()).to_string())
            }
            // An integer code, which `code()` gives as its digits.
            serde_json::Value::Number(code) => Some(code.to_string()),
            _ => None,
        }
    };
    // An error status, for a response whose decision holds at every status.
    let any_error_status = api.statuses.iter().map(|s| s.code).find(|&code| code >= 400).unwrap_or(500);
    // A response as the documentation shows it (its status given) before a template of a body.
    let decided = (api.examples.iter().find(|e| e.decision.is_some() && e.status.is_some()))
        .or_else(|| api.examples.iter().find(|e| e.decision.is_some()))
        .or(api.examples.first());
    if let Some(example) = decided.filter(|e| e.decision.is_some() || api.cases.is_empty()) {
        let decision = example.decision.as_ref();
        return Shown {
            what: format!("The documentation's example \"{}\"", one_line(&example.title)),
            status: example.status.or(decision.and_then(|d| d.status)).unwrap_or(any_error_status),
            headers: example.headers.clone(),
            body: match api[example.shape].text {
                Some(_) => example.body_sent.clone(),
                None => serde_json::to_string(&example.body).unwrap_or_default(),
            },
            code: code_of(&example.body),
            kind: decision.map(|d| d.kind.variant_name()),
        };
    }
    // The first case with a response (one without has nothing to read).
    let mut responses = api.cases.iter().filter_map(|case| match &case.input {
        CaseInput::Response { status, headers, body } => Some((case, *status, headers, body.as_str())),
        CaseInput::Transport(_) => None,
    });
    if let Some((case, status, headers, body)) = responses.next() {
        // A plain-text body is the JSON string of its text, as the runtime reads it.
        let json: Option<serde_json::Value> = match api.text_body() {
            Some(_) => Some(body.trim_matches(|c: char| c.is_ascii_whitespace()))
                .filter(|text| !text.is_empty())
                .map(serde_json::Value::from),
            None => serde_json::from_str(body).ok(),
        };
        return Shown {
            what: format!("The pinned case `{}`", case.id),
            status,
            headers: headers.clone(),
            body: body.to_string(),
            code: json.as_ref().and_then(code_of),
            kind: Some(case.decision.kind.variant_name()),
        };
    }
    Shown {
        what: "A response with no body".into(),
        status: any_error_status,
        headers: Vec::new(),
        body: String::new(),
        code: None,
        kind: None,
    }
}

/// A Rust string literal of `text`: raw where it can be, for bodies that read as sent.
fn string_literal(text: &str) -> String {
    if text.contains('\r') {
        return format!("{text:?}");
    }
    let mut hashes = 0;
    while text.contains(&format!("\"{}", "#".repeat(hashes))) {
        hashes += 1;
    }
    let hashes = "#".repeat(hashes);
    format!("r{hashes}\"{text}\"{hashes}")
}

/// The headers argument of `from_response`.
fn headers_literal(headers: &[(String, String)]) -> String {
    if headers.is_empty() {
        return "::std::iter::empty::<(&str, &str)>()".into();
    }
    let pairs: Vec<String> = headers.iter().map(|(name, value)| format!("({name:?}, {value:?})")).collect();
    format!("[{}]", pairs.join(", "))
}

// The examples name the standard library by full path, as all generated code does: an API may
// be named `std`.

/// `//!` lines of the module's example: read the response, check what it carries, decide.
pub(super) fn module_example(api: &Api, crate_name: &str) -> Vec<String> {
    let shown = shown(api);
    let module = &api.module;
    let mut lines = vec![
        "# Reading a response".to_string(),
        String::new(),
        "Read any response of the API, whatever it sent, and ask it what to do:".into(),
        String::new(),
        "```".into(),
        format!("use {crate_name}::{module};"),
        "use ::std::time::SystemTime;".into(),
        String::new(),
        format!("// {}.", shown.what),
        format!("let body = {};", string_literal(&shown.body)),
        format!(
            "let error = {module}::Error::from_response({}, {}, body.as_bytes());",
            shown.status,
            headers_literal(&shown.headers)
        ),
    ];
    if let Some(code) = &shown.code {
        lines.push(format!("assert_eq!(error.code(), Some({code:?}));"));
    }
    lines.push("let recovery = error.recovery(SystemTime::now());".into());
    // The decision is said, not asserted: the generated tests hold the catalog to it, and a
    // catalog whose pin is wrong fails there, not in its documentation.
    if let Some(kind) = shown.kind {
        lines
            .push(format!("// The catalog pins this response to `RecoveryKind::{kind}` (a generated test checks it)."));
    }
    lines.push("println!(\"{}: {}\", recovery.kind(), recovery.advice());".into());
    lines.extend([
        "if recovery.should_retry() {".into(),
        "    // Wait `recovery.wait()`, then send the request again (`recovery.max_attempts()` caps them).".into(),
        "}".into(),
        "```".into(),
    ]);
    lines
}

/// `//!` lines of the crate root's example: one function for the errors of every API.
pub(super) fn crate_example(catalog: &Catalog, crate_name: &str) -> Vec<String> {
    let Some(api) = catalog.apis().first() else { return Vec::new() };
    let shown = shown(api);
    let module = &api.module;
    vec![
        "# Code for every API".to_string(),
        String::new(),
        "Each module's `Error` is an [`ApiError`] of its body type; [`ErrorModel`] is the bound of a".into(),
        "helper written once for all of them (or take `&dyn` [`ApiErrorInfo`]):".into(),
        String::new(),
        "```".into(),
        format!("use {crate_name}::{{{module}, ApiError, ErrorModel}};"),
        "use ::std::time::SystemTime;".into(),
        String::new(),
        "fn describe<B: ErrorModel>(error: &ApiError<B>) -> String {".into(),
        "    let recovery = error.recovery(SystemTime::now());".into(),
        "    format!(\"{error}: {} ({})\", recovery.kind(), recovery.advice())".into(),
        "}".into(),
        String::new(),
        format!("let body = {};", string_literal(&shown.body)),
        format!(
            "let error = {module}::Error::from_response({}, {}, body.as_bytes());",
            shown.status,
            headers_literal(&shown.headers)
        ),
        "assert!(describe(&error).contains(\" error \"));".into(),
        "```".into(),
    ]
}

/// `#![doc]` lines as they are: code keeps its indentation and its fences. With a feature, the
/// lines are docs only when it is on (`#![cfg_attr(feature = "...", doc = "...")]`).
pub(super) fn inner_doc_verbatim(lines: &[String], only_with: Option<&str>) -> TokenStream {
    let attrs = lines.iter().map(|line| {
        let line = match line.is_empty() {
            true => String::new(),
            false => format!(" {line}"),
        };
        match only_with {
            None => quote! { #![doc = #line] },
            Some(feature) => quote! { #![cfg_attr(feature = #feature, doc = #line)] },
        }
    });
    quote! { #(#attrs)* }
}
