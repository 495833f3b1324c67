//! Unions (objects chosen by a tag) as enums: a variant per shape holding its struct, and
//! `Unknown` holding an object of any other tag as it came; their serde impls read the tag, then
//! the variant's shape from the same object, and write the shape back with its tag.

use super::{doc, ident, provenance_lines};
use crate::render::text::{code, markdown as md};
use crate::resolved::{Api, Union};
use proc_macro2::TokenStream;
use quote::quote;

/// The enum, `TAG` and `tag()`.
pub(super) fn union_enum(api: &Api, union: &Union) -> TokenStream {
    let name = ident(&union.name);
    let tag_member = &union.tag;
    let mut lines = vec![md(union.description.trim()), String::new()];
    lines.extend(provenance_lines(api, &union.trace));
    lines.extend([
        String::new(),
        format!("The member {} says which shape an object is. Decoding an object of a tag", code(&union.tag)),
        "the catalog does not list never fails: it is kept in `Unknown` as it came, and written".into(),
        "back unchanged. Match the variants you handle and end with a wildcard arm.".into(),
    ]);
    let type_doc = doc(&lines);
    let variants = union.variants.iter().map(|variant| {
        let (variant_name, shape) = (ident(&variant.variant), ident(&api[variant.shape].name));
        let doc = doc(&[format!("{} {}.", code(&union.tag), code(&variant.tag))]);
        quote! { #doc #variant_name(#shape), }
    });
    let tags = union.variants.iter().map(|variant| {
        let (variant_name, tag) = (ident(&variant.variant), &variant.tag);
        quote! { Self::#variant_name(_) => ::core::option::Option::Some(#tag), }
    });
    quote! {
        #type_doc
        #[derive(::core::clone::Clone, ::core::fmt::Debug, ::core::cmp::PartialEq)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// An object whose tag this catalog does not list (or that has none), as it came.
            Unknown(::api_error_runtime::json::Value),
        }

        impl #name {
            /// The member whose text names the shape.
            pub const TAG: &'static str = #tag_member;

            /// The tag: a listed variant's, or what an unknown object carries (if text).
            pub fn tag(&self) -> ::core::option::Option<&str> {
                match self {
                    #(#tags)*
                    Self::Unknown(value) => value.get(Self::TAG).and_then(::api_error_runtime::json::Value::as_str),
                }
            }
        }
    }
}

/// `Serialize` and `Deserialize`: the tag first read, then the variant's shape from the same
/// object (an unlisted tag kept whole); a variant written as its shape plus its tag.
pub(super) fn union_serde(union: &Union) -> TokenStream {
    let name = ident(&union.name);
    let tag_member = &union.tag;
    let write_arms = union.variants.iter().map(|variant| {
        let (variant_name, tag) = (ident(&variant.variant), &variant.tag);
        quote! {
            Self::#variant_name(shape) => ::api_error_runtime::__private::serialize_tagged(serializer, #tag_member, #tag, shape),
        }
    });
    let read_arms = union.variants.iter().map(|variant| {
        let (variant_name, tag) = (ident(&variant.variant), &variant.tag);
        quote! {
            ::core::option::Option::Some(#tag) => ::api_error_runtime::__private::tagged_variant(object).map(Self::#variant_name),
        }
    });
    quote! {
        impl ::api_error_runtime::serde::Serialize for super::#name {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: ::api_error_runtime::serde::Serializer,
            {
                match self {
                    #(#write_arms)*
                    Self::Unknown(object) => ::api_error_runtime::serde::Serialize::serialize(object, serializer),
                }
            }
        }

        impl<'de> ::api_error_runtime::serde::Deserialize<'de> for super::#name {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: ::api_error_runtime::serde::Deserializer<'de>,
            {
                let (object, tag) = ::api_error_runtime::__private::tagged_object(deserializer, #tag_member)?;
                match tag.as_deref() {
                    #(#read_arms)*
                    _ => ::core::result::Result::Ok(Self::Unknown(object)),
                }
            }
        }
    }
}
