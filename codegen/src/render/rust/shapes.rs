//! Body shapes as structs (public fields, `new` and `with_*` setters) and `ErrorResponse`, any
//! whole error body of the API.

use super::{doc, ident, provenance_lines};
use crate::render::text::{code, markdown as md, one_line};
use crate::resolved::{Api, Field, FieldType, Shape};
use proc_macro2::{Literal, TokenStream};
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
    let ty = rust_type(api, &field.ty);
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
             whose required members are all present (one that may be `null` may also be absent, as \
             serde's derive has it); a member that is present must have the type its format gives it.",
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
    /// Its local variable in the generated decoder.
    slot: proc_macro2::Ident,
}

/// Names the generated decoder uses itself, which a member's variable must not take.
const DECODER_NAMES: &[&str] = &["access", "member", "members", "self"];

/// `Deserialize` for `ErrorResponse` in one pass, as a client decodes its own union of the
/// formats: each member of every format read once, into a variable of its own, then the first
/// format, in catalog order, whose required members are there (see [`must_be_present`]). Serde's `untagged` reads the
/// body into a buffer and tries each format on it, which took 1.4 to 1.7 times as long
/// (BENCHMARKS.md) and compiled a decoder of each format from that buffer.
///
/// Each member is kept as `Option<Option<T>>` (a free-form value: `Option<Value>`): absent,
/// `null` or a value, so that a format that takes `null` can be told from one that does not. A
/// member may be required in one format and optional in another. `None` (keep `untagged`) when
/// its type differs between formats, which one pass cannot decode before it knows the format,
/// or when a format keeps extension members, which are the members it does not declare, other
/// formats' included.
fn one_pass_deserialize(api: &Api, roots: &[&Shape]) -> Option<TokenStream> {
    // A format with no member that must be there always fits: the ones after it are never chosen.
    let last = roots.iter().position(|shape| !shape.fields.iter().any(must_be_present)).unwrap_or(roots.len() - 1);
    let roots = &roots[..=last];
    if roots.iter().any(|shape| shape.extensions.is_some()) {
        return None;
    }
    let mut members: Vec<Member> = Vec::new();
    // The index in `members` of each field of each format.
    let mut indices: Vec<Vec<usize>> = Vec::new();
    for shape in roots {
        let mut shape_indices = Vec::new();
        for field in &shape.fields {
            let index = match members.iter().position(|m| m.wire == field.wire) {
                Some(index) if *members[index].ty != field.ty => return None,
                Some(index) => index,
                None => {
                    let taken = |name: &str| DECODER_NAMES.contains(&name) || members.iter().any(|m| m.slot == name);
                    let mut slot = field.rust_name.clone();
                    while taken(&slot) {
                        slot.push('_');
                    }
                    members.push(Member { wire: &field.wire, ty: &field.ty, slot: ident(&slot) });
                    members.len() - 1
                }
            };
            shape_indices.push(index);
        }
        indices.push(shape_indices);
    }

    let wires = members.iter().map(|m| m.wire);
    let declarations = members.iter().map(|Member { ty, slot, .. }| {
        let ty = match ty {
            FieldType::Any => rust_type_from_module(api, ty),
            _ => {
                let ty = rust_type_from_module(api, ty);
                quote! { ::core::option::Option<#ty> }
            }
        };
        quote! { let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None; }
    });
    let reads = members.iter().enumerate().map(|(index, Member { wire, slot, .. })| {
        let index = Literal::usize_unsuffixed(index);
        quote! {
            ::core::option::Option::Some(#index) => ::api_error_runtime::__private::read_member(&mut access, &mut #slot, #wire)?,
        }
    });
    let formats = roots.iter().zip(&indices).enumerate().map(|(position, (shape, shape_indices))| {
        let name = ident(&shape.name);
        // The format's required members: their variables, the patterns that bind them as the
        // format takes them (there, and not `null` unless the format takes `null`), and the
        // same patterns binding nothing. Optional members are read as they are: `null` as
        // absent, unless the format keeps it. A value is bound to its member's variable's own
        // name, which no other member's variable has.
        let (mut slots, mut patterns, mut checks, mut init) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (field, &index) in shape.fields.iter().zip(shape_indices) {
            let slot = &members[index].slot;
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
        // `self::`: a format may be named like the decoder's own items.
        let value = quote! { ::core::result::Result::Ok(self::ErrorResponse::#name(self::#name { #(#init),* })) };
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
                format!("{} needs {}", shape.name, and_list(&required))
            })
            .collect();
        let message = format!("no format of the error body fits: {}", needs.join("; "));
        quote! { ::core::result::Result::Err(<A::Error as ::serde::de::Error>::custom(#message)) }
    });
    let expecting = format!("an error body of {} (a JSON object)", one_line(&api.name));
    Some(quote! {
        impl<'de> ::serde::Deserialize<'de> for ErrorResponse {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: ::serde::Deserializer<'de>,
            {
                /// Reads each member of the body once, then takes the first format it fits.
                struct Formats;

                impl<'de> ::serde::de::Visitor<'de> for Formats {
                    type Value = self::ErrorResponse;

                    fn expecting(&self, formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        formatter.write_str(#expecting)
                    }

                    fn visit_map<A>(self, mut access: A) -> ::core::result::Result<self::ErrorResponse, A::Error>
                    where
                        A: ::serde::de::MapAccess<'de>,
                    {
                        #(#declarations)*
                        let members = ::api_error_runtime::__private::MemberKey(&[#(#wires),*]);
                        while let ::core::option::Option::Some(member) = access.next_key_seed(members)? {
                            match member {
                                #(#reads)*
                                _ => {
                                    access.next_value::<::serde::de::IgnoredAny>()?;
                                }
                            }
                        }
                        #(#formats)*
                        #no_format
                    }
                }

                deserializer.deserialize_map(Formats)
            }
        }
    })
}

/// Does a format fit only when the member is there? Not for an `Option` (a required member that
/// may be `null`), which serde's derive reads as `None` when absent.
fn must_be_present(field: &Field) -> bool {
    field.required && !holds_null(field)
}

/// `a`, `a and b`, `a, b and c`.
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
