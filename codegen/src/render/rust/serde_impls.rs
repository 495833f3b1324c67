//! serde's `Serialize` and `Deserialize` for the body structs and for `ErrorResponse`, written
//! out rather than derived: the generated crate then needs no proc-macro, and compiles beside
//! `serde_derive` in a client's build rather than after it, and a body of several formats is
//! read in one pass (BENCHMARKS.md). What the impls share is in the runtime's `__private`
//! (`MemberKey`, `MemberOrExtension`, `read_member`), compiled once.
//!
//! They read and write what serde's derive did with the attributes the structs had: members
//! renamed to their wire names, optional ones skipped when absent, `null` kept where the
//! catalog tells it from absent, extension members flattened, unknown members ignored, a
//! repeated member refused.

use super::ident;
use super::types::{presence, present_type_from_child, rust_type_from_child, Presence};
use crate::render::decoding::{must_be_present, one_pass, OnePass};
use crate::render::text::{listed, one_line};
use crate::resolved::{Api, FieldType, Shape, TextBody};
use proc_macro2::{Ident, Literal, TokenStream};
use quote::{quote, ToTokens};

/// `Serialize` and `Deserialize` for a body struct.
pub(super) fn shape(api: &Api, shape: &Shape) -> TokenStream {
    if let Some(text) = &shape.text {
        return text_body(api, shape, text);
    }
    let name = ident(&shape.name);
    let variables = variables(shape.fields.iter().map(|f| f.rust_name.as_str()));
    let extensions = shape.extensions.as_ref().map(|extensions| ident(extensions));

    // Written as serde's derive writes it: the members in order, each optional one only when it
    // is there, then the extension members; a struct is told how many members it gets.
    let required = shape.fields.iter().filter(|f| f.required).count();
    let optional = shape.fields.iter().filter(|f| !f.required).map(|f| ident(&f.rust_name));
    let mut len: Vec<TokenStream> = optional.map(|name| quote! { usize::from(self.#name.is_some()) }).collect();
    if required > 0 || len.is_empty() {
        len.insert(0, Literal::usize_unsuffixed(required).into_token_stream());
    }
    let (method, state) = match extensions {
        Some(_) => (quote! { ::api_error_runtime::serde::ser::SerializeMap::serialize_entry }, quote! { map }),
        None => (quote! { ::api_error_runtime::serde::ser::SerializeStruct::serialize_field }, quote! { state }),
    };
    let entries = shape.fields.iter().map(|field| {
        let wire = &field.wire;
        let name = ident(&field.rust_name);
        match field.required {
            true => quote! { #method(&mut #state, #wire, &self.#name)?; },
            false => quote! {
                if let ::core::option::Option::Some(value) = &self.#name {
                    #method(&mut #state, #wire, value)?;
                }
            },
        }
    });
    let type_name = &shape.name;
    let serialize_body = match &extensions {
        Some(extensions) => quote! {
            let mut map = ::api_error_runtime::serde::Serializer::serialize_map(serializer, ::core::option::Option::None)?;
            #(#entries)*
            for (key, value) in &self.#extensions {
                ::api_error_runtime::serde::ser::SerializeMap::serialize_entry(&mut map, key, value)?;
            }
            ::api_error_runtime::serde::ser::SerializeMap::end(map)
        },
        None => quote! {
            let len = #(#len)+*;
            let mut state = ::api_error_runtime::serde::Serializer::serialize_struct(serializer, #type_name, len)?;
            #(#entries)*
            ::api_error_runtime::serde::ser::SerializeStruct::end(state)
        },
    };

    // Read as serde's derive reads it: a required member must be there (unless it may be
    // `null`: an `Option` reads as `None` when absent), an optional one is `None` when absent.
    let read = read_members(
        shape.fields.iter().zip(&variables).map(|(f, v)| (f.wire.as_str(), v, present_type_from_child(api, f))),
        extensions.as_ref(),
    );
    let init = shape.fields.iter().zip(&variables).map(|(field, variable)| {
        let name = ident(&field.rust_name);
        let wire = &field.wire;
        match presence(field) {
            Presence::Required if must_be_present(field) => quote! {
                #name: match #variable {
                    ::core::option::Option::Some(value) => value,
                    ::core::option::Option::None => {
                        return ::core::result::Result::Err(
                            <A::Error as ::api_error_runtime::serde::de::Error>::missing_field(#wire),
                        )
                    }
                }
            },
            Presence::Required | Presence::Optional => quote! { #name: #variable.flatten() },
            Presence::OptionalKeepingNull if name == *variable => quote! { #name },
            Presence::OptionalKeepingNull => quote! { #name: #variable },
        }
    });
    let extensions_init = extensions.as_ref().map(|extensions| match extensions == "extensions" {
        true => quote! { extensions, },
        false => quote! { #extensions: extensions, },
    });
    let expecting = format!("struct {}", shape.name);
    let deserialize = deserialize_impl(
        quote! { super::#name },
        &expecting,
        quote! {
            #read
            ::core::result::Result::Ok(super::#name { #(#init,)* #extensions_init })
        },
    );
    quote! {
        impl ::api_error_runtime::serde::Serialize for super::#name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: ::api_error_runtime::serde::Serializer,
            {
                #serialize_body
            }
        }

        #deserialize
    }
}

/// How `ErrorResponse` picks one of several body formats, in a sentence for its documentation.
pub(super) fn decoding(roots: &[&Shape]) -> &'static str {
    match one_pass(roots) {
        Some(_) => {
            "Decoding reads each member of the body once and takes the first format, in catalog order, \
             whose required members are all present (one that may be `null` may also be absent, as \
             serde's derive has it); a member that is present must have the type its format gives it."
        }
        None if roots.is_empty() => {
            "No body decodes to it: a response's status and headers decide, and its body, whatever it \
             holds, is not read."
        }
        None if roots.iter().any(|shape| shape.text.is_some()) => {
            "A body that is no JSON object is the plain-text format, read from its text; decoding tries \
             the formats in catalog order and takes the first that fits."
        }
        None => "Decoding tries the formats in catalog order and takes the first that fits.",
    }
}

/// `Serialize` and `Deserialize` for `ErrorResponse` when the body is a list of `element`s: the
/// list's.
pub(super) fn error_response_list(element: &Shape) -> TokenStream {
    let element = ident(&element.name);
    transparent(quote! { super::ErrorResponse }, quote! { ::std::vec::Vec<super::#element> })
}

/// `Serialize` and `Deserialize` for the struct of a plain-text body: its text's, which the
/// runtime hands over as a JSON string.
fn text_body(api: &Api, shape: &Shape, text: &TextBody) -> TokenStream {
    let name = ident(&shape.name);
    transparent(quote! { super::#name }, rust_type_from_child(api, &text.ty))
}

/// `Serialize` and `Deserialize` for `wrapper`, a tuple struct of one `inner`: the inner value's.
fn transparent(wrapper: TokenStream, inner: TokenStream) -> TokenStream {
    quote! {
        impl ::api_error_runtime::serde::Serialize for #wrapper {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: ::api_error_runtime::serde::Serializer,
            {
                ::api_error_runtime::serde::Serialize::serialize(&self.0, serializer)
            }
        }

        impl<'de> ::api_error_runtime::serde::Deserialize<'de> for #wrapper {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: ::api_error_runtime::serde::Deserializer<'de>,
            {
                <#inner as ::api_error_runtime::serde::Deserialize>::deserialize(deserializer).map(Self)
            }
        }
    }
}

/// `Serialize` and `Deserialize` for `ErrorResponse` when the API has several body formats.
pub(super) fn error_response(api: &Api, roots: &[&Shape]) -> TokenStream {
    let names: Vec<Ident> = roots.iter().map(|s| ident(&s.name)).collect();
    if names.is_empty() {
        return no_body();
    }
    // Written as the body it holds.
    let serialize = quote! {
        impl ::api_error_runtime::serde::Serialize for super::ErrorResponse {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: ::api_error_runtime::serde::Serializer,
            {
                match self {
                    #(Self::#names(body) => ::api_error_runtime::serde::Serialize::serialize(body, serializer),)*
                }
            }
        }
    };
    if let Some(deserialize) = one_pass_deserialize(api, roots) {
        return quote! { #serialize #deserialize };
    }
    // As serde's `untagged`: the body read into a `Value`, then each format tried on it.
    let tried: Vec<&str> = roots.iter().map(|s| s.name.as_str()).collect();
    let message = format!(
        "no format of the error body fits: tried {}",
        listed(&tried.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>())
    );
    let deserialize = quote! {
        impl<'de> ::api_error_runtime::serde::Deserialize<'de> for super::ErrorResponse {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: ::api_error_runtime::serde::Deserializer<'de>,
            {
                let body = <::api_error_runtime::json::Value as ::api_error_runtime::serde::Deserialize>::deserialize(deserializer)?;
                #(
                    if let ::core::result::Result::Ok(body) = <super::#names as ::api_error_runtime::serde::Deserialize>::deserialize(&body) {
                        return ::core::result::Result::Ok(Self::#names(body));
                    }
                )*
                ::core::result::Result::Err(<D::Error as ::api_error_runtime::serde::de::Error>::custom(#message))
            }
        }
    };
    quote! { #serialize #deserialize }
}

/// The serde impls of the `ErrorResponse` of an API that documents no body: an enum of no
/// variants, which nothing decodes to and so nothing is written from.
fn no_body() -> TokenStream {
    quote! {
        impl ::api_error_runtime::serde::Serialize for super::ErrorResponse {
            fn serialize<S>(&self, _: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: ::api_error_runtime::serde::Serializer,
            {
                match *self {}
            }
        }

        impl<'de> ::api_error_runtime::serde::Deserialize<'de> for super::ErrorResponse {
            fn deserialize<D>(_: D) -> ::core::result::Result<Self, D::Error>
            where
                D: ::api_error_runtime::serde::Deserializer<'de>,
            {
                ::core::result::Result::Err(<D::Error as ::api_error_runtime::serde::de::Error>::custom(
                    "the API documents no error body",
                ))
            }
        }
    }
}

/// Names the generated decoders use themselves, which a member's variable must not take.
const DECODER_NAMES: &[&str] = &["access", "extensions", "member", "members", "self"];

/// A variable for each name, unlike the decoder's own and unlike each other.
fn variables<'a>(names: impl Iterator<Item = &'a str>) -> Vec<Ident> {
    let mut taken: Vec<String> = Vec::new();
    for name in names {
        let mut variable = name.to_owned();
        while DECODER_NAMES.contains(&variable.as_str()) || taken.contains(&variable) {
            variable.push('_');
        }
        taken.push(variable);
    }
    taken.iter().map(|name| ident(name)).collect()
}

/// The members' variables, each `None` until its member is read, and the loop that reads the
/// body's members into them: `(wire, variable, type read)` for each; unknown members are kept in
/// `extensions` when there is one, skipped otherwise.
fn read_members<'a>(
    members: impl Iterator<Item = (&'a str, &'a Ident, TokenStream)>,
    extensions: Option<&Ident>,
) -> TokenStream {
    let (mut declarations, mut reads, mut wires, mut indices) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (index, (wire, variable, ty)) in members.enumerate() {
        declarations.push(quote! { let mut #variable: ::core::option::Option<#ty> = ::core::option::Option::None; });
        let index = Literal::usize_unsuffixed(index);
        let key = match extensions {
            Some(_) => quote! { ::api_error_runtime::__private::Key::Member(#index) },
            None => quote! { ::core::option::Option::Some(#index) },
        };
        reads.push(quote! {
            #key => ::api_error_runtime::__private::read_member(&mut access, &mut #variable, #wire)?,
        });
        wires.push(wire);
        indices.push(index);
    }
    let (seed, other) = match extensions {
        Some(_) => (
            quote! { MemberOrExtension },
            quote! {
                ::api_error_runtime::__private::Key::Extension(key) => {
                    extensions.insert(key, access.next_value()?);
                }
                ::api_error_runtime::__private::Key::Member(_) => {
                    access.next_value::<::api_error_runtime::serde::de::IgnoredAny>()?;
                }
            },
        ),
        None => (
            quote! { MemberKey },
            quote! {
                _ => {
                    access.next_value::<::api_error_runtime::serde::de::IgnoredAny>()?;
                }
            },
        ),
    };
    let extensions = extensions.map(|_| quote! { let mut extensions = ::api_error_runtime::json::Map::new(); });
    // (An open body that lists no member, ShipBob's lists by field: every key is an extension.)
    let lookup = if wires.is_empty() {
        quote! { |_: &str| ::core::option::Option::None }
    } else {
        quote! {
            |key: &str| match key {
                #(#wires => ::core::option::Option::Some(#indices),)*
                _ => ::core::option::Option::None,
            }
        }
    };
    quote! {
        #(#declarations)*
        #extensions
        let members = ::api_error_runtime::__private::#seed(#lookup);
        while let ::core::option::Option::Some(member) = access.next_key_seed(members)? {
            match member {
                #(#reads)*
                #other
            }
        }
    }
}

/// `Deserialize` for `name` by a visitor of objects whose `visit_map` is `body`.
fn deserialize_impl(name: TokenStream, expecting: &str, body: TokenStream) -> TokenStream {
    quote! {
        impl<'de> ::api_error_runtime::serde::Deserialize<'de> for #name {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: ::api_error_runtime::serde::Deserializer<'de>,
            {
                /// Reads the members of the body.
                struct Members;

                impl<'de> ::api_error_runtime::serde::de::Visitor<'de> for Members {
                    type Value = #name;

                    fn expecting(&self, formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        formatter.write_str(#expecting)
                    }

                    fn visit_map<A>(self, mut access: A) -> ::core::result::Result<#name, A::Error>
                    where
                        A: ::api_error_runtime::serde::de::MapAccess<'de>,
                    {
                        #body
                    }
                }

                deserializer.deserialize_map(Members)
            }
        }
    }
}

/// What a member of several formats is read as: `Option<T>`, so that `null` can be told from
/// absent (a free-form value holds its `null` itself).
fn member_type(api: &Api, ty: &FieldType) -> TokenStream {
    let rust_ty = rust_type_from_child(api, ty);
    match ty {
        FieldType::Any => rust_ty,
        _ => quote! { ::core::option::Option<#rust_ty> },
    }
}

/// `Deserialize` for `ErrorResponse` in one pass, as a client decodes its own union of the
/// formats: each member of every format read once, into a variable of its own, then the first
/// format, in catalog order, whose required members are there (see [`must_be_present`]).
/// Serde's `untagged` reads the body into a buffer and tries each format on it, which took 1.4
/// to 1.7 times as long (BENCHMARKS.md) and compiled a decoder of each format from that buffer.
///
/// Each member is kept as `Option<Option<T>>` (a free-form value: `Option<Value>`): absent,
/// `null` or a value, so that a format that takes `null` can be told from one that does not. A
/// member may be required in one format and optional in another. `None` (read the body into a
/// `Value` and try each format on it, as `untagged` does) when its type differs between formats,
/// which one pass cannot decode before it knows the format, or when a format keeps extension
/// members, which are the members it does not declare, other formats' included.
fn one_pass_deserialize(api: &Api, roots: &[&Shape]) -> Option<TokenStream> {
    let OnePass { roots, members, indices } = one_pass(roots)?;

    // Each member's variable in the generated decoder.
    let member_variables = variables(members.iter().map(|m| m.rust_name));
    let read = read_members(
        members.iter().zip(&member_variables).map(|(m, variable)| (m.wire, variable, member_type(api, m.ty))),
        None,
    );
    let formats = roots.iter().zip(&indices).enumerate().map(|(position, (shape, shape_indices))| {
        let name = ident(&shape.name);
        // The format's required members: their variables, the patterns that bind them as the
        // format takes them (there, and not `null` unless the format takes `null`), and the
        // same patterns binding nothing. Optional members are read as they are: `null` as
        // absent, unless the format keeps it. A value is bound to its member's variable's own
        // name, which no other member's variable has.
        let (mut slots, mut patterns, mut checks, mut init) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (field, &index) in shape.fields.iter().zip(shape_indices) {
            let slot = &member_variables[index];
            let binding = ident(&field.rust_name);
            // A free-form value holds `null` itself.
            let pattern = |inner: TokenStream| match field.ty {
                FieldType::Any => quote! { ::core::option::Option::Some(#inner) },
                _ => quote! { ::core::option::Option::Some(::core::option::Option::Some(#inner)) },
            };
            match presence(field) {
                // An `Option`: absent reads as `None`, as serde's derive reads it, so that a
                // format decodes alike alone and among others.
                Presence::Required if !must_be_present(field) => init.push(quote! { #binding: #slot.flatten() }),
                Presence::Required => {
                    slots.push(slot.to_token_stream());
                    patterns.push(pattern(slot.to_token_stream()));
                    checks.push(pattern(quote! { _ }));
                    init.push(if *slot == binding {
                        quote! { #binding }
                    } else {
                        quote! { #binding: #slot }
                    });
                }
                Presence::Optional => init.push(quote! { #binding: #slot.flatten() }),
                Presence::OptionalKeepingNull if *slot == binding => init.push(quote! { #binding }),
                Presence::OptionalKeepingNull => init.push(quote! { #binding: #slot }),
            }
        }
        // By path: a format may be named like the decoder's own items.
        let value = quote! { ::core::result::Result::Ok(super::ErrorResponse::#name(super::#name { #(#init),* })) };
        if slots.is_empty() {
            // The last format (see above), which always fits.
            return value;
        }
        let tuple = |items: &[TokenStream]| match items {
            [one] => one.clone(),
            _ => quote! { (#(#items),*) },
        };
        let (tuple_slots, tuple_patterns, tuple_checks) = (tuple(&slots), tuple(&patterns), tuple(&checks));
        let read_later = indices[position + 1..].iter().flatten().collect::<Vec<_>>();
        let required_later =
            shape.fields.iter().zip(shape_indices).any(|(f, i)| must_be_present(f) && read_later.contains(&i));
        if !required_later {
            return quote! {
                if let #tuple_patterns = #tuple_slots {
                    return #value;
                }
            };
        }
        // A later format reads some of these members: checked by reference first, so that
        // they are still there for it when this format does not fit.
        let references: Vec<TokenStream> = slots.iter().map(|slot| quote! { &#slot }).collect();
        let taken: Vec<TokenStream> = slots.iter().map(|slot| quote! { #slot.take() }).collect();
        let (tuple_references, tuple_taken) = (tuple(&references), tuple(&taken));
        quote! {
            if let #tuple_checks = #tuple_references {
                if let #tuple_patterns = #tuple_taken {
                    return #value;
                }
            }
        }
    });
    let no_format = roots.iter().all(|shape| shape.fields.iter().any(must_be_present)).then(|| {
        let needs: Vec<String> = roots
            .iter()
            .map(|shape| {
                let required: Vec<String> =
                    shape.fields.iter().filter(|f| must_be_present(f)).map(|f| format!("`{}`", f.wire)).collect();
                format!("{} needs {}", shape.name, listed(&required))
            })
            .collect();
        let message = format!("no format of the error body fits: {}", needs.join("; "));
        quote! { ::core::result::Result::Err(<A::Error as ::api_error_runtime::serde::de::Error>::custom(#message)) }
    });
    let expecting = format!("an error body of {} (a JSON object)", one_line(&api.name));
    Some(deserialize_impl(quote! { super::ErrorResponse }, &expecting, quote! { #read #(#formats)* #no_format }))
}
