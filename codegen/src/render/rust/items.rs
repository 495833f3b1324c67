//! The API's data as constants: header names and the Retry-After helpers, retry rules and the
//! documentation's examples.

use super::{doc, ident, numbers, option, provenance_lines};
use crate::model::{HeaderFormat, HeaderRole, RetryDelay, StatusClass};
use crate::render::text::{code, markdown as md, one_line};
use crate::resolved::Api;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub(super) fn headers(api: &Api) -> TokenStream {
    if api.headers.is_empty() {
        return TokenStream::new();
    }
    let consts = api.headers.iter().map(|header| {
        let name = ident(&header.constant);
        let wire = &header.name;
        let mut lines = vec![format!("{}: {}", code(&header.name), md(header.description.trim())), String::new()];
        if !header.statuses.is_empty() {
            let codes: Vec<String> = header.statuses.iter().map(u16::to_string).collect();
            lines.push(format!("- Sent with: {}.", codes.join(", ")));
        }
        lines.extend(provenance_lines(api, &header.trace));
        let doc = doc(&lines);
        quote! { #doc pub const #name: &str = #wire; }
    });
    let retry_after = api.header_with_role(HeaderRole::RetryAfter).map(|header| {
        let formats = header.formats.iter().map(|f| match f {
            HeaderFormat::DelaySeconds => quote! { ::api_error_runtime::RetryAfterFormat::DelaySeconds },
            HeaderFormat::HttpDate => quote! { ::api_error_runtime::RetryAfterFormat::HttpDate },
            HeaderFormat::Iso8601 => quote! { ::api_error_runtime::RetryAfterFormat::Iso8601 },
        });
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

            /// Parses a `Retry-After` value in the formats this API documents.
            pub fn parse_retry_after(value: &str) -> ::core::option::Option<::api_error_runtime::RetryAfter> {
                ::api_error_runtime::RetryAfter::parse(value, RETRY_AFTER_FORMATS)
            }

            /// How long to wait before retrying: the header's delay from `now`, or the
            /// documented default when the header is missing or unreadable, at most `max`.
            pub fn retry_after_delay(
                header: ::core::option::Option<&str>,
                now: ::std::time::SystemTime,
                max: ::std::time::Duration,
            ) -> ::core::option::Option<::std::time::Duration> {
                ::api_error_runtime::RetryAfter::delay_or(header, RETRY_AFTER_FORMATS, DEFAULT_RETRY_AFTER, now, max)
            }
        }
    });
    quote! {
        /// Response header names this API documents, and helpers to read them.
        pub mod headers {
            #(#consts)*
            #retry_after
        }
    }
}

pub(super) fn retry_rules(api: &Api) -> TokenStream {
    let rules = api.retry_rules.iter().map(|rule| {
        let id = &rule.id;
        let retry = rule.retry;
        let advice = rule.advice.trim();
        let mut setters = Vec::new();
        if !rule.statuses.is_empty() {
            let statuses = numbers(&rule.statuses);
            setters.push(quote! { .statuses(&[#(#statuses),*]) });
        }
        if !rule.status_classes.is_empty() {
            let classes = rule.status_classes.iter().map(|class| match class {
                StatusClass::Informational => quote! { Informational },
                StatusClass::Success => quote! { Success },
                StatusClass::Redirection => quote! { Redirection },
                StatusClass::ClientError => quote! { ClientError },
                StatusClass::ServerError => quote! { ServerError },
            });
            setters.push(quote! { .classes(&[#(::api_error_runtime::StatusClass::#classes),*]) });
        }
        if !rule.errors.is_empty() {
            let errors = rule.errors.iter().map(|&value| api[value].wire.as_str());
            setters.push(quote! { .errors(&[#(#errors),*]) });
        }
        if let Some(delay) = rule.delay {
            let delay = match delay {
                RetryDelay::RetryAfterHeader => quote! { RetryAfterHeader },
                RetryDelay::ExponentialBackoff => quote! { ExponentialBackoff },
                RetryDelay::Fixed => quote! { Fixed },
            };
            setters.push(quote! { .delay(::api_error_runtime::RetryDelay::#delay) });
        }
        if let Some(attempts) = rule.max_attempts {
            let attempts = Literal::u32_unsuffixed(attempts);
            setters.push(quote! { .max_attempts(#attempts) });
        }
        if let Some(ms) = rule.base_delay_ms {
            let ms = Literal::u64_unsuffixed(ms);
            setters.push(quote! { .base_delay(::std::time::Duration::from_millis(#ms)) });
        }
        quote! { ::api_error_runtime::RetryRule::new(#id, #retry, #advice) #(#setters)* }
    });
    let doc = format!(" When and how the {} documentation says to retry, rule by rule.", md(&one_line(&api.name)));
    quote! {
        #[doc = #doc]
        pub const RETRY_RULES: &[::api_error_runtime::RetryRule] = &[#(#rules),*];
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
        let body = &example.body_json;
        quote! { ::api_error_runtime::Example::new(#id, #title, #status, &[#(#headers),*], #body) }
    });
    let doc = format!(" The example responses of the {} documentation.", md(&one_line(&api.name)));
    quote! {
        #[doc = #doc]
        pub const EXAMPLES: &[::api_error_runtime::Example] = &[#(#items),*];
    }
}
