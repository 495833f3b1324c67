//! Generated tests per documented example (it round-trips, and it leads to the decision the
//! catalog states) and per pinned case (it leads to its decision).

use super::{duration, ident, option as option_tokens, quoted, runtime_value, Piece};
use crate::model::VocabularyType;
use crate::resolved::{Api, CaseInput};
use proc_macro2::TokenStream;
use quote::{format_ident, quote, ToTokens};

/// One test of the module, in the order they are printed.
#[derive(Clone, Copy)]
enum Test {
    /// The example at this index round-trips.
    RoundTrip(usize),
    /// The example at this index leads to its decision.
    Decides(usize),
    /// The case at this index leads to its decision.
    Case(usize),
    /// The vocabulary at this index finds its values.
    Lookup(usize),
    /// Of an API that documents no body, no body decodes.
    NoBody,
}

/// The items of the API's `tests` module (its own file): the helpers, then the tests, in
/// pieces of at most `tests_per_part` tests: at 10,000 values, its thousands of tests were the
/// largest piece left.
pub(super) fn example_tests(api: &Api, tests_per_part: usize) -> Vec<Piece<'_>> {
    let examples = 0..api.examples.len();
    let decided = examples.clone().filter(|&index| api.examples[index].decision.is_some());
    let tests: Vec<Test> = examples
        .map(Test::RoundTrip)
        .chain(decided.map(Test::Decides))
        .chain((0..api.cases.len()).map(Test::Case))
        .chain((0..api.vocabularies.len()).map(Test::Lookup))
        .chain(api.roots().next().is_none().then_some(Test::NoBody))
        .collect();
    let mut pieces = vec![Piece::whole(|| quoted(helpers(api)))];
    pieces.extend(tests.chunks(tests_per_part.max(1)).map(|chunk| {
        let chunk = chunk.to_vec();
        Piece::whole(move || quoted(tests_of(api, &chunk)))
    }));
    pieces
}

fn tests_of(api: &Api, tests: &[Test]) -> TokenStream {
    let multi_root = api.roots().count() > 1;
    let tests = tests.iter().map(|&test| match test {
        Test::RoundTrip(index) => round_trip_test(api, index, multi_root),
        Test::Decides(index) => decides_test(api, index),
        Test::Case(index) => case_test(api, index),
        Test::Lookup(index) => lookup_test(api, index),
        Test::NoBody => no_body_test(),
    });
    quote! { #(#tests)* }
}

/// Of an API that documents no body: neither an object, a text nor nothing decodes.
fn no_body_test() -> TokenStream {
    quote! {
        #[test]
        fn no_body_decodes() {
            let headers: &[(&str, &str)] = &[];
            for body in ["{\"message\":\"down\"}", "\"down\"", ""] {
                let error = super::Error::from_response(400, headers.iter().copied(), body.as_bytes());
                ::core::assert!(error.body().is_none(), "{body} decoded");
            }
            let decoded = <super::ErrorResponse as ::api_error_runtime::serde::Deserialize>::deserialize(
                &::serde_json::json!({ "message": "down" }),
            );
            ::core::assert!(decoded.is_err());
        }
    }
}

/// One test per example: it decodes into its body format and into `ErrorResponse` (picking its
/// own format when there are several), both serialize back to JSON equal to the example (of a
/// plain-text body, the JSON string of its text), and a response with it as its body reads the
/// same.
fn round_trip_test(api: &Api, index: usize, multi_root: bool) -> TokenStream {
    let example = &api.examples[index];
    let test = format_ident!("example_{}_round_trips", example.name);
    let index = proc_macro2::Literal::usize_unsuffixed(index);
    let id = &example.id;
    let shape = &api[example.shape];
    let format = ident(&shape.name);
    let format_type = match shape.array {
        true => quote! { ::std::vec::Vec<super::#format> },
        false => quote! { super::#format },
    };
    let format_check = multi_root.then(|| {
        quote! {
            ::core::assert!(::core::matches!(response, super::ErrorResponse::#format(_)), "decoded as {response:?}");
        }
    });
    // A plain-text body is read as the JSON string of its text.
    let json = match shape.text {
        Some(_) => quote! { &::serde_json::Value::from(example.body).to_string() },
        None => quote! { example.body },
    };
    let status_check = example.status.map(proc_macro2::Literal::u16_unsuffixed).map(|code| {
        quote! { ::core::assert!(!super::HttpStatus::from_code(#code).is_unknown()); }
    });
    quote! {
        #[test]
        fn #test() {
            let example = &super::EXAMPLES[#index];
            ::core::assert_eq!(example.id, #id);
            let _: #format_type = round_trip(#json);
            let response: super::ErrorResponse = round_trip(#json);
            #format_check
            ::core::assert_eq!(read_body(example), ::core::option::Option::Some(response));
            #status_check
        }
    }
}

/// The example leads to the decision the catalog states, at its status or, without one, at
/// every error status the API sends.
fn decides_test(api: &Api, index: usize) -> TokenStream {
    let example = &api.examples[index];
    let Some(decision) = example.decision.as_ref() else {
        return TokenStream::new();
    };
    let test = format_ident!("example_{}_decides", example.name);
    let index = proc_macro2::Literal::usize_unsuffixed(index);
    // Without a status, the decision must hold whatever error status the API sends.
    let statuses: Vec<u16> = match example.status.or(decision.status) {
        Some(code) => vec![code],
        None => api.statuses.iter().map(|s| s.code).filter(|&code| code >= 400).collect(),
    };
    let statuses = statuses.into_iter().map(proc_macro2::Literal::u16_unsuffixed);
    let kind = runtime_value(decision.kind);
    let rule = &decision.rule;
    let wait = decision.wait_ms.map(|ms| {
        let wait = duration(ms);
        quote! { ::core::assert_eq!(recovery.wait(), ::core::option::Option::Some(#wait), "status {status}"); }
    });
    let then = escalation_check(decision);
    quote! {
        #[test]
        fn #test() {
            let example = &super::EXAMPLES[#index];
            let statuses: &[u16] = &[#(#statuses),*];
            for &status in statuses {
                let error = super::Error::from_response(status, example.headers.iter().copied(), example.body.as_bytes());
                ::core::assert!(error.body().is_some(), "{:?}", error.body_problem());
                let recovery = error.recovery(now());
                ::core::assert_eq!(
                    (recovery.kind(), recovery.rule().id),
                    (#kind, #rule),
                    "status {status}"
                );
                #wait
                #then
            }
        }
    }
}

/// What comes next, where the decision pins it.
fn escalation_check(decision: &crate::resolved::Decision) -> Option<TokenStream> {
    decision.then.map(|then| {
        let then = runtime_value(then);
        quote! {
            ::core::assert_eq!(recovery.escalation().map(|next| next.kind), ::core::option::Option::Some(#then));
        }
    })
}

/// A pinned case leads to its decision.
fn case_test(api: &Api, index: usize) -> TokenStream {
    let case = &api.cases[index];
    let test = format_ident!("case_{}_decides", case.name);
    let kind = runtime_value(case.decision.kind);
    let rule = &case.decision.rule;
    let wait = option_tokens(case.decision.wait_ms.map(duration));
    let doc = format!(" {}", case.why.trim());
    let decide = match &case.input {
        CaseInput::Response { status, headers, body } => {
            let status = proc_macro2::Literal::u16_unsuffixed(*status);
            let headers = headers.iter().map(|(k, v)| quote! { (#k, #v) });
            quote! {
                let headers: &[(&str, &str)] = &[#(#headers),*];
                let recovery = super::Error::from_response(#status, headers.iter().copied(), #body.as_bytes()).recovery(now());
            }
        }
        CaseInput::Transport(failure) => {
            let failure = runtime_value(*failure);
            quote! { let recovery = super::Error::transport_recovery(#failure); }
        }
    };
    // The retries it makes with the default policy, where the case pins them: one more
    // question than there are waits, which must be the stop.
    let retries = case.decision.retry_waits_ms.as_ref().map(|waits| {
        let count = proc_macro2::Literal::usize_unsuffixed(waits.len() + 1);
        let waits = waits.iter().map(|&ms| duration(ms));
        quote! {
            let policy = ::api_error_runtime::RetryPolicy::default();
            let retries: ::std::vec::Vec<::std::option::Option<::std::time::Duration>> =
                (1..).take(#count).map(|attempts| recovery.next_attempt(attempts, &policy, 1.0)).collect();
            ::core::assert_eq!(
                retries,
                ::std::vec![#(::core::option::Option::Some(#waits),)* ::core::option::Option::None]
            );
        }
    });
    let then = escalation_check(&case.decision);
    // The decision for the case's request, where it gives one.
    let for_request = case.request.as_ref().map(|request| {
        let method = &request.method;
        let key = request.idempotency_key.then(|| quote! { .with_idempotency_key() });
        quote! { let recovery = recovery.for_request(::api_error_runtime::Request::of_method(#method) #key); }
    });
    quote! {
        #[doc = #doc]
        #[test]
        fn #test() {
            #decide
            #for_request
            ::core::assert_eq!((recovery.kind(), recovery.rule().id, recovery.wait()), (#kind, #rule, #wait));
            #retries
            #then
        }
    }
}

/// Every known wire string finds its own variant (the lookup is a `match`, or a binary search
/// over a sorted table for large vocabularies), and a string the catalog does not know finds
/// none.
fn lookup_test(api: &Api, index: usize) -> TokenStream {
    let vocabulary = &api.vocabularies[index];
    let name = ident(&vocabulary.name);
    // The name follows a prefix, so a keyword needs no escape (`box`, not `box_`, which would
    // make a double underscore that is not snake case).
    let snake = crate::names::example_name(&vocabulary.name).unwrap_or_default();
    if vocabulary.wire_type == VocabularyType::Integer {
        let test = format_ident!("every_{snake}_value_is_found_by_its_code");
        // A code the catalog does not list: the least there is, or else the least natural one.
        let listed: std::collections::BTreeSet<i64> = vocabulary.values.iter().filter_map(|v| v.code).collect();
        let absent = match listed.contains(&i64::MIN) {
            false => quote! { ::core::primitive::i64::MIN },
            true => {
                let absent = (0..).find(|code| !listed.contains(code)).unwrap_or_default();
                proc_macro2::Literal::i64_unsuffixed(absent).into_token_stream()
            }
        };
        return quote! {
            #[test]
            fn #test() {
                for known in super::#name::ALL {
                    let found = super::#name::from_code(known.code());
                    ::core::assert!(!found.is_unknown() && found == *known, "{}", known);
                }
                ::core::assert!(super::#name::from_code(#absent).is_unknown());
            }
        };
    }
    let test = format_ident!("every_{snake}_value_is_found_by_its_wire_string");
    quote! {
        #[test]
        fn #test() {
            for known in super::#name::ALL {
                let found = super::#name::from(known.as_str());
                ::core::assert!(!found.is_unknown() && &found == known, "{}", known.as_str());
            }
            ::core::assert!(super::#name::from("\u{0}not a value of this catalog").is_unknown());
        }
    }
}

/// `now()`, `round_trip()` and `read_body()`, each where a test calls it.
fn helpers(api: &Api) -> TokenStream {
    // Only where a decision is checked: an unused function would warn.
    let decides = api.examples.iter().any(|e| e.decision.is_some()) || !api.cases.is_empty();
    let now = decides.then(|| {
        quote! {
            /// A fixed moment (2024-12-01T08:00:00Z), so that waits until a date are the same on every run.
            fn now() -> ::std::time::SystemTime {
                ::std::time::UNIX_EPOCH + ::std::time::Duration::from_secs(1_733_040_000)
            }
        }
    });
    let round_trip = (!api.examples.is_empty()).then(|| {
        quote! {
            /// Decodes `json` as `T`, re-encodes it and checks the JSON is unchanged.
            fn round_trip<T: ::api_error_runtime::serde::Serialize + ::api_error_runtime::serde::de::DeserializeOwned>(json: &str) -> T {
                let original: ::serde_json::Value = ::serde_json::from_str(json).unwrap();
                let typed: T = ::serde_json::from_str(json).unwrap();
                ::core::assert_eq!(::serde_json::to_value(&typed).unwrap(), original);
                typed
            }

            /// The body `Error::from_response` reads from the example's response, which must
            /// be the one its `Deserialize` reads.
            fn read_body(example: &::api_error_runtime::Example) -> ::core::option::Option<super::ErrorResponse> {
                let status = example.status.unwrap_or(400);
                let error = super::Error::from_response(status, example.headers.iter().copied(), example.body.as_bytes());
                error.body().cloned()
            }
        }
    });
    quote! {
        #now
        #round_trip
    }
}
