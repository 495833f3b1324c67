//! Body shapes as structs (public fields, `new` and `with_*` setters) and `ErrorResponse`, any
//! whole error body of the API.

use super::{doc, ident, provenance_lines};
use crate::render::text::{code, markdown as md, one_line};
use crate::resolved::{Api, Field, FieldType, Shape};
use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

fn rust_type(api: &Api, ty: &FieldType) -> TokenStream {
    named_rust_type(api, ty, TokenStream::new())
}

/// The same, the API's own types named by path from the module (`self::Name`): from inside a
/// function, where a local item may shadow them.
fn rust_type_from_module(api: &Api, ty: &FieldType) -> TokenStream {
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
fn holds_null(field: &Field) -> bool {
    field.nullable && field.ty != FieldType::Any
}

/// How a field is read: what its Rust type holds, and what a present member decodes as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Presence {
    /// Always sent: the type itself (an `Option` when it may be `null`).
    Required,
    /// Optional, and `null` is a value of its own: `Option<P>` where `P` holds the `null`
    /// (`Option<T>`, or `Value::Null` for a free-form value).
    OptionalKeepingNull,
    /// Optional: `Option<T>`, `null` read as absent.
    Optional,
}

fn presence(field: &Field) -> Presence {
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

/// What a member decodes as in one pass over the body, whichever format declares it: `null`
/// is kept (as `None`, or `Value::Null` for a free-form value), so that a format that does not
/// take it can be told from one that does. Named from inside a function, where a local item may
/// shadow the API's types.
fn member_type(api: &Api, ty: &FieldType) -> TokenStream {
    let ty_tokens = rust_type_from_module(api, ty);
    match ty {
        FieldType::Any => ty_tokens,
        _ => quote! { ::core::option::Option<#ty_tokens> },
    }
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
        let wire = &field.wire;
        let mut lines = vec![format!("{}: {}", code(&field.wire), md(field.description.trim())), String::new()];
        lines.extend(provenance_lines(api, &field.trace));
        let doc = doc(&lines);
        let rename = (field.rust_name != field.wire).then(|| quote! { rename = #wire, });
        let present = present_type(api, field);
        match presence(field) {
            // Always sent; one that may be `null` is an `Option`, `None` written back as `null`.
            Presence::Required => {
                let attr = rename.map(|r| quote! { #[serde(#r)] });
                quote! { #doc #attr pub #rust_name: #present, }
            }
            // Absent (`None`), `null` (`Some(None)`, or `Some(Value::Null)` for a free-form value)
            // or a value: each written back as it came.
            Presence::OptionalKeepingNull => {
                quote! {
                    #doc
                    #[serde(
                        #rename
                        default,
                        deserialize_with = "::api_error_runtime::__private::some",
                        skip_serializing_if = "::core::option::Option::is_none"
                    )]
                    pub #rust_name: ::core::option::Option<#present>,
                }
            }
            Presence::Optional => quote! {
                #doc
                #[serde(#rename default, skip_serializing_if = "::core::option::Option::is_none")]
                pub #rust_name: #present,
            },
        }
    });
    let extensions = shape.extensions.as_ref().map(|name| {
        let name = ident(name);
        quote! {
            /// Members the catalog does not list (extension members), kept as they came and
            /// written back.
            #[serde(flatten)]
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
    quote! {
        #type_doc
        #[derive(::core::clone::Clone, ::core::fmt::Debug, #default ::core::cmp::PartialEq, ::serde::Serialize, ::serde::Deserialize)]
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
    let one_pass = one_pass_deserialize(api, &roots);
    let (how, derive_deserialize) = match one_pass {
        Some(_) => (
            "Decoding reads each member of the body once and takes the first format, in catalog order, \
             whose required members are all present; a member that is present must have the type its \
             format gives it.",
            None,
        ),
        // serde's `untagged` buffers the body and tries each format on it in turn.
        None => (
            "Decoding tries the formats in catalog order and takes the first that fits.",
            Some(quote! { ::serde::Deserialize }),
        ),
    };
    let doc = doc(&[format!("Any error body of {}: {}.", md(&api.name), listed.join(", ")), String::new(), how.into()]);
    let variant_docs = roots.iter().map(|s| format!(" {}", md(&one_line(&s.description))));
    quote! {
        #doc
        #[derive(::core::clone::Clone, ::core::fmt::Debug, ::core::cmp::PartialEq, ::serde::Serialize, #derive_deserialize)]
        #[serde(untagged)]
        #[non_exhaustive]
        pub enum ErrorResponse {
            #(#[doc = #variant_docs] #names(#names),)*
        }

        #one_pass
    }
}

/// One member of the body, as the formats that declare it read it.
struct Member<'a> {
    wire: &'a str,
    ty: &'a FieldType,
    /// Its field in the generated `Members` struct.
    slot: proc_macro2::Ident,
}

/// `Deserialize` for `ErrorResponse` in one pass, as a client decodes its own union of the
/// formats: a struct of every member, each an `Option` of what it decodes as, then the first
/// format whose required members are there. Serde's `untagged` reads the body into a buffer and
/// tries each format on it, which took 1.4 to 1.7 times as long (BENCHMARKS.md) and compiled a
/// decoder of each format from that buffer.
///
/// A member may be required in one format and optional in another. `None` (keep `untagged`)
/// when its type differs between formats, which one pass cannot decode before it knows the
/// format, or when a format keeps extension members, which are the members it does not
/// declare, other formats' included.
fn one_pass_deserialize(api: &Api, roots: &[&Shape]) -> Option<TokenStream> {
    // A format with no required member always fits: the ones after it are never chosen.
    let last = roots.iter().position(|shape| shape.fields.iter().all(|f| !f.required)).unwrap_or(roots.len() - 1);
    let roots = &roots[..=last];
    if roots.iter().any(|shape| shape.extensions.is_some()) {
        return None;
    }
    let mut members: Vec<Member> = Vec::new();
    // The slot of each field of each format.
    let mut slots: Vec<Vec<proc_macro2::Ident>> = Vec::new();
    for shape in roots {
        let mut shape_slots = Vec::new();
        for field in &shape.fields {
            let slot = match members.iter().find(|m| m.wire == field.wire) {
                Some(member) if *member.ty != field.ty => return None,
                Some(member) => member.slot.clone(),
                None => {
                    let taken = |name: &str| members.iter().any(|m| m.slot == name);
                    let mut slot = field.rust_name.clone();
                    while taken(&slot) {
                        slot.push('_');
                    }
                    let slot = ident(&slot);
                    members.push(Member { wire: &field.wire, ty: &field.ty, slot: slot.clone() });
                    slot
                }
            };
            shape_slots.push(slot);
        }
        slots.push(shape_slots);
    }

    let member_fields = members.iter().map(|Member { wire, ty, slot }| {
        let rename = (slot != wire).then(|| quote! { rename = #wire, });
        let present = member_type(api, ty);
        quote! {
            #[serde(#rename default, deserialize_with = "::api_error_runtime::__private::some")]
            #slot: ::core::option::Option<#present>,
        }
    });
    let formats = roots.iter().zip(&slots).map(|(shape, slots)| {
        let name = ident(&shape.name);
        let mut pattern = Vec::new();
        let mut init = Vec::new();
        for (field, slot) in shape.fields.iter().zip(slots) {
            let binding = ident(&field.rust_name);
            let some = |inner: TokenStream| quote! { ::core::option::Option::Some(#inner) };
            // The member as the format takes it: a required one is there (and not `null`,
            // unless the format takes `null`); an optional one reads `null` as absent, unless
            // the format keeps it.
            let (bound, value) = match presence(field) {
                Presence::Required if holds_null(field) || field.ty == FieldType::Any => {
                    (some(binding.to_token_stream()), quote! { #binding })
                }
                Presence::Required => (some(some(binding.to_token_stream())), quote! { #binding }),
                Presence::OptionalKeepingNull => (binding.to_token_stream(), quote! { #binding }),
                Presence::Optional => (binding.to_token_stream(), quote! { #binding: #binding.flatten() }),
            };
            pattern.push(
                if *slot == binding && matches!(presence(field), Presence::OptionalKeepingNull | Presence::Optional) {
                    quote! { #slot }
                } else {
                    quote! { #slot: #bound }
                },
            );
            init.push(value);
        }
        // `self::`: a format may be named like the local struct.
        let value = quote! { ::core::result::Result::Ok(Self::#name(self::#name { #(#init),* })) };
        if shape.fields.iter().any(|f| f.required) {
            quote! {
                if let Members { #(#pattern,)* .. } = members {
                    return #value;
                }
            }
        } else {
            quote! {
                let Members { #(#pattern,)* .. } = members;
                #value
            }
        }
    });
    let no_format = roots.iter().all(|shape| shape.fields.iter().any(|f| f.required)).then(|| {
        let needs: Vec<String> = roots
            .iter()
            .map(|shape| {
                let required: Vec<String> =
                    shape.fields.iter().filter(|f| f.required).map(|f| format!("`{}`", f.wire)).collect();
                format!("{} needs {}", shape.name, and_list(&required))
            })
            .collect();
        let message = format!("no format of the error body fits: {}", needs.join("; "));
        quote! { ::core::result::Result::Err(<D::Error as ::serde::de::Error>::custom(#message)) }
    });
    Some(quote! {
        impl<'de> ::serde::Deserialize<'de> for ErrorResponse {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                /// Every member of the formats, as its formats read it: absent, or present and decoded.
                #[derive(::serde::Deserialize)]
                struct Members {
                    #(#member_fields)*
                }

                let members = <Members as ::serde::Deserialize>::deserialize(deserializer)?;
                #(#formats)*
                #no_format
            }
        }
    })
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
