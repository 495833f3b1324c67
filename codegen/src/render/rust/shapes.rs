//! Body shapes as structs (public fields, `new` and `with_*` setters) and `ErrorResponse`, any
//! whole error body of the API.

use super::{doc, ident, provenance_lines, serde_impls};
use crate::render::text::{code, markdown as md, one_line};
use crate::resolved::{Api, Field, FieldType, Shape};
use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

fn rust_type(api: &Api, ty: &FieldType) -> TokenStream {
    named_rust_type(api, ty, TokenStream::new())
}

/// The same, the API's own types named by path from the module (`self::Name`): from inside a
/// function, where a local item may shadow them.
pub(super) fn rust_type_from_module(api: &Api, ty: &FieldType) -> TokenStream {
    named_rust_type(api, ty, quote! { self:: })
}

fn named_rust_type(api: &Api, ty: &FieldType, module: TokenStream) -> TokenStream {
    match ty {
        FieldType::String => quote! { ::std::string::String },
        FieldType::Integer => quote! { i64 },
        FieldType::Number => quote! { f64 },
        FieldType::Boolean => quote! { bool },
        FieldType::Any => quote! { ::api_error_runtime::json::Value },
        FieldType::Map(inner) => {
            let inner = named_rust_type(api, inner, module);
            quote! { ::std::collections::BTreeMap<::std::string::String, #inner> }
        }
        FieldType::Vocabulary(id) => {
            let name = ident(&api[*id].name);
            quote! { #module #name }
        }
        FieldType::Object(id) => {
            let name = ident(&api[*id].name);
            quote! { #module #name }
        }
        FieldType::Array(inner) => {
            let inner = named_rust_type(api, inner, module);
            quote! { ::std::vec::Vec<#inner> }
        }
    }
}

/// Does the field's Rust type carry `null` as `None`? (`any` carries it as `Value::Null`.)
pub(super) fn holds_null(field: &Field) -> bool {
    field.nullable && field.ty != FieldType::Any
}

/// How a field is read: what its Rust type holds, and what a present member decodes as.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Presence {
    /// Always sent: the type itself (an `Option` when it may be `null`).
    Required,
    /// Optional, and `null` is a value of its own: `Option<P>` where `P` holds the `null`
    /// (`Option<T>`, or `Value::Null` for a free-form value).
    OptionalKeepingNull,
    /// Optional: `Option<T>`, `null` read as absent.
    Optional,
}

pub(super) fn presence(field: &Field) -> Presence {
    match field.required {
        true => Presence::Required,
        false if holds_null(field) || field.ty == FieldType::Any => Presence::OptionalKeepingNull,
        false => Presence::Optional,
    }
}

/// The type a member decodes as when it is present.
fn present_type(api: &Api, field: &Field) -> TokenStream {
    wrap_present(field, rust_type(api, &field.ty))
}

/// The same, named from inside a function, where a local item may shadow the API's types.
pub(super) fn present_type_from_module(api: &Api, field: &Field) -> TokenStream {
    wrap_present(field, rust_type_from_module(api, &field.ty))
}

fn wrap_present(field: &Field, ty: TokenStream) -> TokenStream {
    match (presence(field), holds_null(field)) {
        (Presence::Optional, _) | (_, true) => quote! { ::core::option::Option<#ty> },
        _ => ty,
    }
}

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
    let new_doc = format!(" A [`{}`] with the required fields set and the optional ones empty.", shape.name);
    // With nothing required, `new()` takes no argument and the empty value is a fine default.
    let default = required.is_empty().then(|| quote! { ::core::default::Default, });
    let serde_impls = serde_impls::shape(api, shape);
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

        #serde_impls
    }
}

pub(super) fn error_response(api: &Api) -> TokenStream {
    let roots: Vec<&Shape> = api.roots().collect();
    if let [only] = roots.as_slice() {
        let name = ident(&only.name);
        let line = format!(" Any error body of {}: it has one format, [`{}`].", md(&one_line(&api.name)), only.name);
        return quote! {
            #[doc = #line]
            pub type ErrorResponse = #name;
        };
    }
    let names = roots.iter().map(|s| ident(&s.name));
    let listed: Vec<String> = roots.iter().map(|s| format!("[`{}`]", s.name)).collect();
    let (how, serde_impls) = serde_impls::error_response(api, &roots);
    let doc = doc(&[format!("Any error body of {}: {}.", md(&api.name), listed.join(", ")), String::new(), how.into()]);
    let variant_docs = roots.iter().map(|s| format!(" {}", md(&one_line(&s.description))));
    quote! {
        #doc
        #[derive(::core::clone::Clone, ::core::fmt::Debug, ::core::cmp::PartialEq)]
        #[non_exhaustive]
        pub enum ErrorResponse {
            #(#[doc = #variant_docs] #names(#names),)*
        }

        #serde_impls
    }
}
