//! How a catalog field is typed in Rust: its type, whether it holds `null`, and how a member
//! is read when present. The body structs (`shapes`) and their serde impls (`serde_impls`)
//! both follow it.

use super::ident;
use crate::resolved::{Api, Field, FieldType};
use proc_macro2::TokenStream;
use quote::quote;

/// The Rust type of a catalog field type, the API's own types named as in the API's module.
pub(super) fn rust_type(api: &Api, ty: &FieldType) -> TokenStream {
    named_rust_type(api, ty, TokenStream::new())
}

/// The same, the API's own types named by path from a child module of the API's (`super::Name`),
/// as its serde impls are: also from inside a function, where a local item may shadow them.
pub(super) fn rust_type_from_child(api: &Api, ty: &FieldType) -> TokenStream {
    named_rust_type(api, ty, quote! { super:: })
}

fn named_rust_type(api: &Api, ty: &FieldType, module: TokenStream) -> TokenStream {
    match ty {
        FieldType::String => quote! { ::std::string::String },
        FieldType::Integer => quote! { i64 },
        // (A JSON number as sent: `404` stays a whole number, as an `f64` would not.)
        FieldType::Number => quote! { ::api_error_runtime::json::Number },
        FieldType::Boolean => quote! { bool },
        FieldType::Any => quote! { ::api_error_runtime::json::Value },
        FieldType::Map(inner) => {
            let inner = named_rust_type(api, inner, module);
            quote! { ::std::collections::BTreeMap<::std::string::String, #inner> }
        }
        FieldType::Vocabulary(id) => {
            let name = ident(&api[*id].name);
            match api[*id].namespace_separator {
                // Typed by the code after the namespace, which it keeps to write back.
                Some(_) => quote! { ::api_error_runtime::Namespaced<#module #name> },
                None => quote! { #module #name },
            }
        }
        FieldType::Object(id) => {
            let name = ident(&api[*id].name);
            quote! { #module #name }
        }
        FieldType::Union(id) => {
            let name = ident(&api[*id].name);
            quote! { #module #name }
        }
        FieldType::Array(inner) => {
            let inner = named_rust_type(api, inner, module);
            quote! { ::std::vec::Vec<#inner> }
        }
    }
}

pub(super) use crate::render::decoding::holds_null;

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
pub(super) fn present_type(api: &Api, field: &Field) -> TokenStream {
    wrap_present(field, rust_type(api, &field.ty))
}

/// The same, named from a child module of the API's (see [`rust_type_from_child`]).
pub(super) fn present_type_from_child(api: &Api, field: &Field) -> TokenStream {
    wrap_present(field, rust_type_from_child(api, &field.ty))
}

fn wrap_present(field: &Field, ty: TokenStream) -> TokenStream {
    match (presence(field), holds_null(field)) {
        (Presence::Optional, _) | (_, true) => quote! { ::core::option::Option<#ty> },
        _ => ty,
    }
}
