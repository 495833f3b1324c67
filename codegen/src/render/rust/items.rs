//! The API's data as constants: header names and the Retry-After parser, the recovery rules and
//! the model a response is read with, and the documentation's examples.

use super::{doc, duration, ident, numbers, option, provenance_lines, runtime_value};
use crate::model::{HeaderDirection, HeaderRole, HeaderValueType, Jitter, RecoveryKind, RetryAfterFormat};
use crate::render::text::{code, markdown as md, one_line};
use crate::resolved::{Api, Condition, ConditionSubject, ConditionTest, RecoveryRule};
use api_error_runtime::{RecoveryTable, RetryAfter};
use proc_macro2::{Literal, TokenStream};
use quote::{quote, ToTokens};

pub(super) fn headers(api: &Api) -> TokenStream {
    if api.headers.is_empty() {
        return TokenStream::new();
    }
    let consts = api.headers.iter().map(|header| {
        let name = ident(&header.constant);
        let wire = &header.name;
        let mut lines = vec![format!("{}: {}", code(&header.name), md(header.description.trim())), String::new()];
        if header.sent_in == HeaderDirection::Request {
            lines.push("- Sent by clients, with requests.".into());
        }
        if let Some(format) = header.format {
            lines.push(format!("- Holds: {} (JSON Schema format).", format.name()));
        }
        if !header.statuses.is_empty() {
            let codes: Vec<String> = header.statuses.iter().map(u16::to_string).collect();
            lines.push(format!("- Sent with: {}.", codes.join(", ")));
        }
        lines.extend(provenance_lines(api, &header.trace));
        let doc = doc(&lines);
        quote! { #doc pub const #name: &str = #wire; }
    });
    let retry_after = api.header_with_role(HeaderRole::RetryAfter).map(|header| {
        let formats = header.formats.iter().map(|&f| runtime_value(f));
        let wire = &header.name;
        let default = option(header.default_seconds.map(|seconds| {
            let seconds = Literal::u64_unsuffixed(seconds);
            quote! { ::std::time::Duration::from_secs(#seconds) }
        }));
        let default_doc = format!(
            " How long to wait when {} is missing: {}.",
            code(&header.name),
            match header.default_seconds {
                Some(s) => format!("{s} seconds, as the documentation says"),
                None => "not documented".into(),
            }
        );
        quote! {
            /// The `Retry-After` formats this API documents.
            pub const RETRY_AFTER_FORMATS: &[::api_error_runtime::RetryAfterFormat] = &[#(#formats),*];

            #[doc = #default_doc]
            pub const DEFAULT_RETRY_AFTER: ::core::option::Option<::std::time::Duration> = #default;

            /// Parses the value of the header that says how long to wait, as its name says: a
            /// `Retry-After` as RFC 9110 says every recipient must (seconds or an HTTP-date) and in
            /// the formats this API documents besides; a header of another name in those alone.
            pub fn parse_retry_after(value: &str) -> ::core::option::Option<::api_error_runtime::RetryAfter> {
                ::api_error_runtime::RetryAfter::read_header(#wire, value, RETRY_AFTER_FORMATS)
            }
        }
    });
    // Typed values without a role of their own get a parser (role headers are read by the
    // runtime already).
    let parsers = api.response_headers().filter(|h| h.role.is_none()).filter_map(|header| {
        let (ty, read) = match header.value_type {
            HeaderValueType::String => return None,
            HeaderValueType::Integer => (quote! { i64 }, quote! { integer }),
            HeaderValueType::Number => (quote! { f64 }, quote! { number }),
            HeaderValueType::Boolean => (quote! { bool }, quote! { boolean }),
        };
        let name = ident(&format!("parse_{}", header.constant.to_ascii_lowercase()));
        let line = format!(
            " Reads {} as the {} it holds; `None` when it does not hold one.",
            code(&header.name),
            header.value_type.name()
        );
        Some(quote! {
            #[doc = #line]
            pub fn #name(value: &str) -> ::core::option::Option<#ty> {
                ::api_error_runtime::header_value::#read(value)
            }
        })
    });
    quote! {
        /// Header names this API documents, and helpers to read them.
        pub mod headers {
            #(#consts)*
            #retry_after
            #(#parsers)*
        }
    }
}

fn kind(kind: RecoveryKind) -> TokenStream {
    runtime_value(kind)
}

fn recovery_rule(api: &Api, rule: &RecoveryRule) -> TokenStream {
    let id = &rule.id;
    let kind_tokens = kind(rule.kind);
    let advice = rule.advice.trim();
    let source = api.section_title(rule.trace.section);
    let mut setters = Vec::new();
    if rule.kind_inferred() {
        setters.push(quote! { .inferred() });
    }
    let wires = |values: &[crate::resolved::ValueRef]| values.iter().map(|&v| api[v].wire.clone()).collect::<Vec<_>>();
    for (name, values) in [("hints", &rule.hints), ("errors", &rule.errors), ("except", &rule.except)] {
        if !values.is_empty() {
            let setter = ident(name);
            let wires = wires(values);
            setters.push(quote! { .#setter(&[#(#wires),*]) });
        }
    }
    if !rule.statuses.is_empty() {
        let codes = numbers(&rule.statuses);
        setters.push(quote! { .statuses(&[#(#codes),*]) });
    }
    if !rule.status_classes.is_empty() {
        let classes = rule.status_classes.iter().map(|&class| runtime_value(class));
        setters.push(quote! { .classes(&[#(#classes),*]) });
    }
    if let Some(backoff) = &rule.backoff {
        let first = Literal::u64_unsuffixed(backoff.first_delay_ms);
        let multiplier = Literal::f64_unsuffixed(backoff.multiplier);
        let mut chain = vec![quote! { .multiplier(#multiplier) }];
        if let Some(max) = backoff.max_delay_ms {
            let max = Literal::u64_unsuffixed(max);
            chain.push(quote! { .max_delay(::std::time::Duration::from_millis(#max)) });
        }
        match (backoff.jitter, backoff.jitter_ms) {
            (Jitter::None, _) => {}
            (Jitter::Additive, Some(most)) => {
                let most = Literal::u64_unsuffixed(most);
                chain.push(quote! { .additive_jitter(::std::time::Duration::from_millis(#most)) });
            }
            (jitter, _) => {
                let jitter = runtime_value(jitter);
                chain.push(quote! { .jitter(#jitter) });
            }
        }
        setters.push(quote! {
            .backoff(::api_error_runtime::Backoff::new(::std::time::Duration::from_millis(#first)) #(#chain)*)
        });
    }
    if rule.client_backoff {
        setters.push(quote! { .client_backoff() });
    }
    if let Some(attempts) = rule.max_attempts {
        let attempts = Literal::u32_unsuffixed(attempts);
        setters.push(quote! { .max_attempts(#attempts) });
    }
    if let Some(if_no_wait) = rule.if_no_wait {
        let if_no_wait = kind(if_no_wait);
        setters.push(quote! { .if_no_wait(#if_no_wait) });
    }
    if !rule.when.is_empty() {
        let conditions = rule.when.iter().map(condition);
        setters.push(quote! { .when(&[#(#conditions),*]) });
    }
    if !rule.transport.is_empty() {
        let failures = rule.transport.iter().map(|&failure| runtime_value(failure));
        setters.push(quote! { .transport(&[#(#failures),*]) });
    }
    if rule.safe_to_resend {
        setters.push(quote! { .safe_to_resend() });
    }
    if let Some(then) = &rule.then {
        let then_kind = kind(then.kind);
        let advice = then.advice.trim();
        let quote_role = then.quote.map(|role| {
            let role = runtime_value(role);
            quote! { .quote(#role) }
        });
        setters.push(quote! { .then(::api_error_runtime::Escalation::new(#then_kind, #advice) #quote_role) });
    }
    quote! { ::api_error_runtime::RecoveryRule::new(#id, #kind_tokens, #advice, #source) #(#setters)* }
}

/// `Condition::header("X-RateLimit-Remaining", Test::Equals("0"))`, or a field's.
fn condition(condition: &Condition) -> TokenStream {
    let test = match &condition.test {
        ConditionTest::Equals(text) => quote! { ::api_error_runtime::ConditionTest::Equals(#text) },
        ConditionTest::Contains(text) => quote! { ::api_error_runtime::ConditionTest::Contains(#text) },
    };
    match &condition.subject {
        ConditionSubject::Header(name) => quote! { ::api_error_runtime::Condition::header(#name, #test) },
        ConditionSubject::Field(role) => {
            let role = runtime_value(*role);
            quote! { ::api_error_runtime::Condition::field(#role, #test) }
        }
    }
}

/// `RECOVERY` (the rules as data), `MODEL` (where each fact sits), the `ErrorModel` impl and the
/// `Error` alias: what lets a client turn any response into a decision.
pub(super) fn recovery(api: &Api) -> TokenStream {
    let rules = api.recovery.rules.iter().map(|rule| recovery_rule(api, rule));
    let fallback = recovery_rule(api, &api.recovery.fallback);
    let name = md(&one_line(&api.name));
    let default_order = api.recovery.precedence == RecoveryTable::PRECEDENCE;
    let order: Vec<String> = api.recovery.precedence.iter().map(|level| level.label().to_string()).collect();
    let recovery_doc = doc(&[
        format!("What to do about each {name} error, as its documentation advises, rule by rule."),
        String::new(),
        "[`Error::recovery`](::api_error_runtime::ApiError::recovery) tries them level by level, in".into(),
        format!(
            "{} order: {} (within each, a rule with conditions first); the fallback decides when",
            if default_order { "the runtime's" } else { "the catalog's" },
            order.join(", ")
        ),
        "no rule covers a response.".into(),
    ]);
    // A catalog that orders the levels otherwise says so; the runtime's order needs no words.
    let precedence = (!default_order).then(|| {
        let levels = api.recovery.precedence.iter().map(|&level| runtime_value(level));
        quote! { .precedence(&[#(#levels),*]) }
    });
    let fields = api.field_roles.iter().map(|(role, path)| {
        let role = runtime_value(*role);
        quote! { (#role, &[#(#path),*]) }
    });
    let headers = api.headers.iter().filter_map(|header| {
        let role = runtime_value(header.role?);
        let name = &header.name;
        Some(quote! { (#role, #name) })
    });
    let mut settings = Vec::new();
    if let Some(header) = api.header_with_role(HeaderRole::RetryAfter) {
        // A `Retry-After` is read in RFC 9110's forms anyway: only its dialects are listed.
        let rfc = RetryAfter::is_rfc9110_header(&header.name);
        let formats: Vec<TokenStream> =
            header.formats.iter().filter(|f| !(rfc && f.is_rfc9110())).map(|&f| runtime_value(f)).collect();
        if !formats.is_empty() {
            settings.push(quote! { .retry_after_formats(&[#(#formats),*]) });
        }
        if let Some(seconds) = header.default_seconds {
            let seconds = Literal::u64_unsuffixed(seconds);
            settings.push(quote! { .default_retry_after(::std::time::Duration::from_secs(#seconds)) });
        }
    }
    if let Some(header) = api.header_with_role(HeaderRole::RateLimitReset).filter(|h| !h.formats.is_empty()) {
        let formats = header.formats.iter().map(|&f| runtime_value(f));
        settings.push(quote! { .rate_limit_reset_formats(&[#(#formats),*]) });
    }
    if api.text_body().is_some() {
        settings.push(quote! { .text_body() });
    }
    if let Some(separator) = api.code_namespace() {
        settings.push(quote! { .code_namespace(#separator) });
    }
    if api.body_wait_formats != [RetryAfterFormat::DelaySeconds] {
        let formats = api.body_wait_formats.iter().map(|&f| runtime_value(f));
        settings.push(quote! { .body_wait_formats(&[#(#formats),*]) });
    }
    let api_name = &api.name;
    let model_doc = format!(
        " How to read an error response of {name}: where its body keeps each fact, which headers matter, and [`RECOVERY`]."
    );
    let error_doc = doc(&[
        format!("An error response of {name}, read leniently: building one never fails, whatever was sent."),
        String::new(),
        "Build it with [`Error::from_response`](::api_error_runtime::ApiError::from_response)".into(),
        "(status, headers in any case, body bytes), then ask".into(),
        "[`Error::recovery`](::api_error_runtime::ApiError::recovery) what to do next.".into(),
    ]);
    quote! {
        #recovery_doc
        pub const RECOVERY: ::api_error_runtime::RecoveryTable =
            ::api_error_runtime::RecoveryTable::new(&[#(#rules),*], #fallback) #precedence;

        #[doc = #model_doc]
        pub const MODEL: ::api_error_runtime::model::Model = ::api_error_runtime::model::Model::new(
            #api_name,
            &[#(#fields),*],
            &[#(#headers),*],
            RECOVERY,
        ) #(#settings)*;

        impl ::api_error_runtime::ErrorModel for ErrorResponse {
            const MODEL: &'static ::api_error_runtime::model::Model = &MODEL;

            /// The default, written out so that the decoder is compiled here, once, rather than
            /// in each crate that reads a response.
            fn decode_body(
                body: &[u8],
            ) -> ::core::result::Result<::api_error_runtime::model::DecodedBody<Self>, ::api_error_runtime::json::Error> {
                ::api_error_runtime::model::DecodedBody::read(body)
            }
        }

        #error_doc
        pub type Error = ::api_error_runtime::ApiError<ErrorResponse>;
    }
}

pub(super) fn examples(api: &Api) -> TokenStream {
    let items = api.examples.iter().map(|example| {
        let id = &example.id;
        let title = &example.title;
        let status = option(example.status.map(|code| {
            let code = Literal::u16_unsuffixed(code);
            quote! { #code }
        }));
        let headers = example.headers.iter().map(|(k, v)| quote! { (#k, #v) });
        let body = &example.body_sent;
        let decision = example.decision.as_ref().map(|decision| {
            let kind = kind(decision.kind);
            let rule = &decision.rule;
            let status = option(decision.status.map(|code| Literal::u16_unsuffixed(code).into_token_stream()));
            let wait = option(decision.wait_ms.map(duration));
            quote! { .with_decision(#kind, #rule, #status, #wait) }
        });
        quote! { ::api_error_runtime::Example::new(#id, #title, #status, &[#(#headers),*], #body) #decision }
    });
    let doc = format!(" The example responses of the {} documentation.", md(&one_line(&api.name)));
    quote! {
        #[doc = #doc]
        pub const EXAMPLES: &[::api_error_runtime::Example] = &[#(#items),*];
    }
}
