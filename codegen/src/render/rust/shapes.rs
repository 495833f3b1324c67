//! Body shapes as structs (public fields, `new` and `with_*` setters) and `ErrorResponse`, any
//! whole error body of the API.

use super::types::{holds_null, presence, present_type, rust_type, Presence};
use super::{doc, ident, provenance_lines};
use crate::render::text::{code, markdown as md, one_line};
use crate::resolved::{Api, Field, FieldType, Shape};
use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

/// A parameter of `new` or a setter: strings take anything `Into<String>`; a value that may
/// be null takes an `Option` (`None` sends `null`).
fn parameter_type(api: &Api, field: &Field) -> TokenStream {
    let ty = rust_type(api, &field.ty);
    match field.ty {
        _ if holds_null(field) => quote! { ::core::option::Option<#ty> },
        FieldType::String => quote! { impl ::core::convert::Into<::std::string::String> },
        _ => ty,
    }
}

/// The value a parameter gives the field.
fn parameter_value(field: &Field, parameter: TokenStream) -> TokenStream {
    match field.ty {
        _ if holds_null(field) => parameter,
        FieldType::String => quote! { ::core::convert::Into::into(#parameter) },
        _ => parameter,
    }
}

pub(super) fn shape_struct(api: &Api, shape: &Shape) -> TokenStream {
    let name = ident(&shape.name);
    let mut lines = vec![md(shape.description.trim()), String::new()];
    lines.extend(provenance_lines(api, &shape.trace));
    if let Some(text) = &shape.text {
        lines.extend([
            String::new(),
            "Sent as plain text: the text, without the white space around it, is its one value.".to_string(),
        ]);
        let type_doc = doc(&lines);
        let ty = rust_type(api, &text.ty);
        return quote! {
            #type_doc
            #[derive(::core::clone::Clone, ::core::fmt::Debug, ::core::cmp::PartialEq)]
            pub struct #name(pub #ty);
        };
    }
    lines.extend([
        String::new(),
        format!("Build one with [`{}::new`] (required fields) and the `with_*` methods.", shape.name),
    ]);
    let type_doc = doc(&lines);

    let fields = shape.fields.iter().map(|field| {
        let rust_name = ident(&field.rust_name);
        let mut lines = vec![format!("{}: {}", code(&field.wire), md(field.description.trim())), String::new()];
        lines.extend(provenance_lines(api, &field.trace));
        let doc = doc(&lines);
        let present = present_type(api, field);
        match presence(field) {
            // Always sent; one that may be `null` is an `Option`, `None` written back as `null`.
            Presence::Required | Presence::Optional => quote! { #doc pub #rust_name: #present, },
            // Absent (`None`), `null` (`Some(None)`, or `Some(Value::Null)` for a free-form value)
            // or a value: each written back as it came.
            Presence::OptionalKeepingNull => quote! { #doc pub #rust_name: ::core::option::Option<#present>, },
        }
    });
    let extensions = shape.extensions.as_ref().map(|name| {
        let name = ident(name);
        quote! {
            /// Members the catalog does not list (extension members), kept as they came and
            /// written back.
            pub #name: ::api_error_runtime::json::Map<::std::string::String, ::api_error_runtime::json::Value>,
        }
    });
    let extensions_init = shape.extensions.as_ref().map(|name| {
        let name = ident(name);
        quote! { #name: ::api_error_runtime::json::Map::new(), }
    });

    let required: Vec<&Field> = shape.fields.iter().filter(|f| f.required).collect();
    let params = required.iter().map(|f| {
        let name = ident(&f.rust_name);
        let ty = parameter_type(api, f);
        quote! { #name: #ty }
    });
    let inits = shape.fields.iter().map(|f| match (f.required, &f.ty) {
        (true, FieldType::String) if !holds_null(f) => {
            let name = ident(&f.rust_name);
            let value = parameter_value(f, quote! { #name });
            quote! { #name: #value }
        }
        (true, _) => ident(&f.rust_name).into_token_stream(),
        (false, _) => {
            let name = ident(&f.rust_name);
            quote! { #name: ::core::option::Option::None }
        }
    });
    let too_many = (required.len() > 7).then(|| quote! { #[allow(clippy::too_many_arguments)] });
    let setters = shape.fields.iter().filter(|f| !f.required).map(|f| {
        let name = ident(&f.rust_name);
        let setter = ident(&f.setter);
        let line = format!(" Sets {}.", code(&f.wire));
        let ty = parameter_type(api, f);
        let value = parameter_value(f, quote! { value });
        let line = if holds_null(f) { format!("{line} `None` sends `null`.") } else { line };
        quote! {
            #[doc = #line]
            #[must_use]
            pub fn #setter(mut self, value: #ty) -> Self {
                self.#name = ::core::option::Option::Some(#value);
                self
            }
        }
    });
    let new_doc = format!(" The [`{}`] of the required fields given, the optional ones empty.", shape.name);
    // With nothing required, `new()` takes no argument and the empty value is a fine default.
    let default = required.is_empty().then(|| quote! { ::core::default::Default, });
    quote! {
        #type_doc
        #[derive(::core::clone::Clone, ::core::fmt::Debug, #default ::core::cmp::PartialEq)]
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
            #extensions
        }

        impl #name {
            #[doc = #new_doc]
            #too_many
            pub fn new(#(#params),*) -> Self {
                Self { #(#inits,)* #extensions_init }
            }

            #(#setters)*
        }
    }
}

/// `ErrorResponse`: the one body format, or an enum of them; `decoding` says how its serde impl
/// picks one (see `serde_impls::decoding`).
pub(super) fn error_response(api: &Api, decoding: &str) -> TokenStream {
    let roots: Vec<&Shape> = api.roots().collect();
    if let [only] = roots.as_slice() {
        let name = ident(&only.name);
        if only.array {
            // A struct of its own rather than an alias of `Vec`: the error model's trait is
            // implemented for it, which a foreign type would not allow.
            let line =
                format!(" Any error body of {}: a list of [`{}`], one per error.", md(&one_line(&api.name)), only.name);
            return quote! {
                #[doc = #line]
                #[derive(::core::clone::Clone, ::core::fmt::Debug, ::core::cmp::PartialEq)]
                pub struct ErrorResponse(pub ::std::vec::Vec<#name>);
            };
        }
        let line = format!(" Any error body of {}: it has one format, [`{}`].", md(&one_line(&api.name)), only.name);
        return quote! {
            #[doc = #line]
            pub type ErrorResponse = #name;
        };
    }
    let names = roots.iter().map(|s| ident(&s.name));
    let listed: Vec<String> = roots.iter().map(|s| format!("[`{}`]", s.name)).collect();
    let formats = match listed.as_slice() {
        [] => "the API documents none, so it has no variant".to_string(),
        _ => listed.join(", "),
    };
    let doc = doc(&[format!("Any error body of {}: {formats}.", md(&api.name)), String::new(), decoding.into()]);
    let variant_docs = roots.iter().map(|s| format!(" {}", md(&one_line(&s.description))));
    quote! {
        #doc
        #[derive(::core::clone::Clone, ::core::fmt::Debug, ::core::cmp::PartialEq)]
        #[non_exhaustive]
        pub enum ErrorResponse {
            #(#[doc = #variant_docs] #names(#names),)*
        }
    }
}
