//! One generated test per documented example.

use super::ident;
use crate::resolved::Api;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// One test per example: it decodes into its body format and into `ErrorResponse` (picking its
/// own format when there are several), and both serialize back to JSON equal to the example.
pub(super) fn example_tests(api: &Api) -> TokenStream {
    if api.examples.is_empty() {
        return TokenStream::new();
    }
    let multi_root = api.roots().count() > 1;
    let tests = api.examples.iter().enumerate().map(|(index, example)| {
        let test = format_ident!("example_{}_round_trips", example.name);
        let index = proc_macro2::Literal::usize_unsuffixed(index);
        let id = &example.id;
        let format = ident(&api[example.shape].name);
        let response_check = if multi_root {
            quote! {
                let response: super::ErrorResponse = round_trip(example.body);
                ::core::assert!(::core::matches!(response, super::ErrorResponse::#format(_)), "decoded as {response:?}");
            }
        } else {
            quote! { let _: super::ErrorResponse = round_trip(example.body); }
        };
        let status_check = example.status.map(proc_macro2::Literal::u16_unsuffixed).map(|code| {
            quote! { ::core::assert!(!super::HttpStatus::from_code(#code).is_unknown()); }
        });
        quote! {
            #[test]
            fn #test() {
                let example = &super::EXAMPLES[#index];
                ::core::assert_eq!(example.id, #id);
                let _: super::#format = round_trip(example.body);
                #response_check
                #status_check
            }
        }
    });
    quote! {
        #[cfg(test)]
        mod tests {
            /// Decodes `json` as `T`, re-encodes it and checks the JSON is unchanged.
            fn round_trip<T: ::serde::Serialize + ::serde::de::DeserializeOwned>(json: &str) -> T {
                let original: ::serde_json::Value = ::serde_json::from_str(json).unwrap();
                let typed: T = ::serde_json::from_str(json).unwrap();
                ::core::assert_eq!(::serde_json::to_value(&typed).unwrap(), original);
                typed
            }

            #(#tests)*
        }
    }
}
