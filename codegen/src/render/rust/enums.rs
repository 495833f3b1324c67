//! The open enums: `HttpStatus`, and one per vocabulary, each with its catalog facts as methods.

use super::syntax;
use super::{doc, ident, numbers, provenance_lines, Part, Piece};
use crate::model::VocabularyType;
use crate::render::text::{code, markdown as md, one_line};
use crate::resolved::{Api, RecoveryRule, Status, ValueFamily, Vocabulary, VocabularyValue};
use crate::validate::UNKNOWN_VARIANT;
use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;
use std::collections::HashMap;
use std::ops::Range;
use syn::{Expr, ImplItem, Item};

/// A text fact an entry may have: the method's name, its doc line, and how to read it.
type TextFact<E> = (&'static str, &'static str, fn(&E) -> Option<&String>);

/// An entry of a vocabulary's fact tables: each value, in the order of `ALL`, then each family,
/// in the order of `FAMILIES` (whose facts an unknown value of the family has).
#[derive(Clone, Copy)]
enum Entry<'a> {
    Value(&'a VocabularyValue),
    Family(&'a ValueFamily),
}

/// A text fact of a vocabulary's entries: the method's name, its doc line, and how to read it.
type EntryFact = (&'static str, &'static str, for<'a> fn(Entry<'a>) -> Option<&'a String>);

/// Reads a fact values and families both have.
macro_rules! entry_fact {
    ($fact:ident) => {{
        fn read(entry: Entry<'_>) -> Option<&String> {
            match entry {
                Entry::Value(value) => value.$fact.as_ref(),
                Entry::Family(family) => family.$fact.as_ref(),
            }
        }
        read
    }};
}

/// The text facts of a vocabulary value that become `fn name(&self) -> Option<&'static str>`.
const TEXT_FACTS: &[EntryFact] = &[
    ("description", "What the value means, as the documentation says.", entry_fact!(description)),
    ("title", "The documentation's label for this value.", entry_fact!(title)),
    ("kind", "What sort of value this is (e.g. `code` or `message`).", entry_fact!(kind)),
    ("category", "The documentation's category for this value.", entry_fact!(category)),
    ("action", "What the documentation says to do about it.", entry_fact!(action)),
    ("message", "The human-readable message the server sends with it.", entry_fact!(message)),
    ("user_message", "Text the documentation suggests showing to end users.", entry_fact!(user_message)),
];

/// `Option<&'static str>` facts: a table for each fact some entry has.
fn text_facts<E>(entries: &[E], facts: &[TextFact<E>]) -> Vec<FactTable> {
    facts
        .iter()
        .filter_map(|(method, doc_line, get)| {
            let values = entries.iter().map(|entry| get(entry).map(|text| syntax::str_lit(text))).collect();
            FactTable::optional(method, doc_line, quote! { &'static str }, true, values)
        })
        .collect()
}

/// `fn retryable(&self) -> Option<bool>` when some entry says.
fn retryable_fact<E>(entries: &[E], get: fn(&E) -> Option<bool>) -> Option<FactTable> {
    let values = entries.iter().map(|entry| get(entry).map(syntax::bool_lit)).collect();
    FactTable::optional(
        "retryable",
        "Whether retrying can succeed, where the catalog says.",
        quote! { bool },
        true,
        values,
    )
}

/// What `Unknown` holds, as `index()` hands it back: its type, and the arm that returns it.
struct UnknownPayload {
    ty: TokenStream,
    arm: TokenStream,
    /// The arm that gives it as the `match`'s value (a vocabulary that lists no value has no
    /// other arm).
    only_arm: TokenStream,
}

/// `index()`: the place in `ALL` of a known value, or what an `Unknown` holds. It is the enum's
/// one `match` on its values: the facts and (for a vocabulary) the wire string are tables read
/// at it, which a `match` per method would cost in the build (BENCHMARKS.md).
fn index_method(variants: &[Ident], unknown: &UnknownPayload) -> syn::Result<ImplItem> {
    let UnknownPayload { ty, arm, only_arm } = unknown;
    if variants.is_empty() {
        return syn::parse2(quote! {
            /// What `Unknown` holds: the catalog knows no value.
            fn index(&self) -> ::core::result::Result<usize, #ty> {
                match self {
                    #only_arm
                }
            }
        });
    }
    let mut index: syn::ImplItemFn = syn::parse2(quote! {
        /// The place in [`ALL`](Self::ALL) of a known value; what `Unknown` holds otherwise.
        fn index(&self) -> ::core::result::Result<usize, #ty> {
            let index = match self {
                #arm
            };
            ::core::result::Result::Ok(index)
        }
    })?;
    let this = ident("Self");
    let positions = variants.iter().enumerate().map(|(position, variant)| {
        syntax::arm(syntax::variant_pat(&this, variant), syntax::int_lit(&Literal::usize_unsuffixed(position)))
    });
    syntax::prepend_arms(syntax::opening_match(&mut index.block)?, positions);
    Ok(ImplItem::Fn(index))
}

/// The tables and methods of the facts.
fn fact_methods(facts: Vec<FactTable>) -> syn::Result<Vec<ImplItem>> {
    let mut items = Vec::new();
    for fact in facts {
        items.extend(fact.into_items()?);
    }
    Ok(items)
}

/// A vocabulary's enum, as three items: the type, its methods, and decoding from the wire. Each
/// is formatted on its own (see `format_file`), and a vocabulary of more than `values_per_part`
/// values has its type and its methods formatted in parts (see `Part`), so that a vocabulary of
/// 10,000 values is never one syntax tree, nor its enum.
pub(super) fn vocabulary_enum<'a>(api: &'a Api, vocabulary: &'a Vocabulary, values_per_part: usize) -> Vec<Piece<'a>> {
    let count = vocabulary.values.len();
    let mut pieces = Vec::new();
    if count <= values_per_part {
        pieces.push(Piece::whole(move || vocabulary_type(api, vocabulary, 0..count, Part::Whole)));
        pieces.push(Piece::whole(move || vocabulary_methods(api, vocabulary, MethodGroup::ALL)));
    } else {
        let parts = count.div_ceil(values_per_part);
        pieces.extend((0..parts).map(|index| {
            let values = index * values_per_part..((index + 1) * values_per_part).min(count);
            let part = Part::of(index, parts);
            Piece::part(part, move || vocabulary_type(api, vocabulary, values.clone(), part))
        }));
        let groups = MethodGroup::ALL;
        pieces.extend(groups.iter().enumerate().map(|(index, &group)| {
            let part = Part::of(index, groups.len());
            Piece::part(part, move || vocabulary_methods(api, vocabulary, &[group]))
        }));
    }
    pieces.push(Piece::whole(move || vocabulary_from_wire(vocabulary)));
    pieces
}

/// The methods of a vocabulary, in the order they are printed, in groups that are each a part
/// of the `impl` when it is formatted in parts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum MethodGroup {
    /// `ALL`.
    All,
    /// `WIRE_OF`, `as_str` and `is_unknown`.
    Wire,
    /// `index()`.
    Index,
    /// Each fact's table and method.
    Facts,
}

impl MethodGroup {
    const ALL: &'static [MethodGroup] = &[MethodGroup::All, MethodGroup::Wire, MethodGroup::Index, MethodGroup::Facts];
}

fn variant_idents(vocabulary: &Vocabulary) -> Vec<Ident> {
    vocabulary.values.iter().map(|v| ident(&v.variant)).collect()
}

/// The enum, one documented variant per value and `Unknown`; as a part, the variants of the
/// values in `values`, with the enum's docs only in the first part and `Unknown` only in the last.
fn vocabulary_type(api: &Api, vocabulary: &Vocabulary, values: Range<usize>, part: Part) -> syn::Result<Vec<Item>> {
    let name = ident(&vocabulary.name);
    let unknown = ident(UNKNOWN_VARIANT);
    // The rules naming each value, in catalog order, worked out once (not per value).
    let mut naming: HashMap<&str, Vec<&RecoveryRule>> = HashMap::new();
    for rule in &api.recovery.rules {
        for &named in rule.errors.iter().chain(&rule.hints) {
            if api[named.vocabulary].name == vocabulary.name {
                let rules = naming.entry(api[named].wire.as_str()).or_default();
                if rules.last().is_none_or(|last| last.id != rule.id) {
                    rules.push(rule);
                }
            }
        }
    }

    let mut type_doc = vec![
        md(vocabulary.description.trim()),
        String::new(),
        format!("Source: {}.", md(&api.section_title(vocabulary.section))),
        String::new(),
    ];
    type_doc.extend(match vocabulary.wire_type {
        VocabularyType::String => [
            "Decoding never fails: a value the catalog does not know becomes".to_string(),
            format!(
                "[`{}::{UNKNOWN_VARIANT}`] with the text as received, and serializes back unchanged.",
                vocabulary.name
            ),
            "Only decoding makes an `Unknown`, and its text is opaque: compare `as_str()` rather".into(),
            "than matching the payload, so that your code keeps working when the catalog learns the".into(),
            "value. Match the variants you handle and end with a wildcard arm.".into(),
        ],
        VocabularyType::Integer => [
            "Integer codes, sent as JSON numbers. Decoding any integer succeeds: a code the catalog".to_string(),
            format!("does not know becomes [`{}::{UNKNOWN_VARIANT}`] and serializes back unchanged.", vocabulary.name),
            "Equality compares codes, so `Unknown(c)` equals the listed value with code `c`: compare".into(),
            "with `==` or `code()` rather than matching the payload, so that your code keeps working".into(),
            "when the catalog learns the code. Match the variants you handle and end with a wildcard arm.".into(),
        ],
    });
    if !vocabulary.families.is_empty() {
        let written: Vec<String> = vocabulary.families.iter().map(|family| code(&family.written)).collect();
        type_doc.push(String::new());
        type_doc.push(format!("The documentation describes families of values together too ({}):", written.join(", ")));
        type_doc.push("an unknown value of one has the family's facts; `family_pattern()` says which.".into());
    }
    let type_doc = doc(&type_doc);
    let variant_defs = vocabulary.values[values].iter().map(|value| {
        let mut lines = vec![match &value.description {
            Some(description) => format!("{}: {}", code(&value.wire), md(description.trim())),
            None => code(&value.wire),
        }];
        lines.push(String::new());
        if !value.statuses.is_empty() {
            let codes: Vec<String> = value.statuses.iter().map(u16::to_string).collect();
            lines.push(format!("- HTTP status: {}.", codes.join(", ")));
        }
        for (fact, _, get) in TEXT_FACTS.iter().filter(|(f, ..)| *f != "description") {
            if let Some(text) = get(Entry::Value(value)) {
                let label = fact.replace('_', " ");
                let label = label[..1].to_uppercase() + &label[1..];
                lines.push(format!("- {label}: {}", md(&one_line(text))));
            }
        }
        if let Some(retryable) = value.retryable {
            lines.push(format!("- Retryable: {}.", if retryable { "yes" } else { "no" }));
        }
        for rule in naming.get(value.wire.as_str()).into_iter().flatten() {
            lines.push(format!("- Recovery: `{}` (rule `{}`).", rule.kind.as_str(), rule.id));
        }
        lines.extend(provenance_lines(api, &value.trace));
        syntax::unit_variant(syntax::doc_attrs(&lines), ident(&value.variant))
    });
    let first = matches!(part, Part::Whole | Part::First);
    let derives = match vocabulary.wire_type {
        VocabularyType::String => quote! { ::core::clone::Clone, ::core::fmt::Debug },
        VocabularyType::Integer => quote! { ::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug },
    };
    let attrs = first.then(|| quote! { #type_doc #[derive(#derives)] #[non_exhaustive] });
    let last = matches!(part, Part::Whole | Part::Last);
    let unknown_def = last.then(|| match vocabulary.wire_type {
        VocabularyType::String => quote! {
            /// A value this catalog does not know, kept exactly as received (read it with `as_str()`).
            #unknown(::api_error_runtime::UnknownValue),
        },
        VocabularyType::Integer => quote! {
            /// A code this catalog does not know, as received.
            #unknown(i64),
        },
    });
    let mut item: syn::ItemEnum = syn::parse2(quote! { #attrs pub enum #name { #unknown_def } })?;
    let unknown_variant = std::mem::take(&mut item.variants);
    item.variants = variant_defs.chain(unknown_variant).collect();
    Ok(vec![Item::Enum(item)])
}

/// One fact of every value: a method reading a table in the order of `ALL` at the value's
/// `index()`. An enum has one `match` (in `index()`) however many facts it has: with a
/// `match` per fact, the release build of a 10,000-value vocabulary took 75 s, most of it in
/// LLVM, against 41 s with tables; `as_str`'s `match` was then two thirds of what was left
/// (BENCHMARKS.md).
struct FactTable {
    /// The method, and the table's name (the method's in capitals, `_OF`).
    method: String,
    doc_line: String,
    /// The method's return type, and the table's element type.
    ty: TokenStream,
    table_ty: TokenStream,
    /// The method's body, given the table's name and `at`.
    read: fn(&Ident, &TokenStream) -> TokenStream,
    /// An `Option<usize>`: where the value's entry is in the table (`self.index().ok()`).
    at: TokenStream,
    /// The table has an entry per family after the values'.
    families: bool,
    /// One entry per value, in catalog order.
    entries: Vec<Expr>,
}

impl FactTable {
    /// A fact some values have, as `Option<ty>`; `copy` when `ty` is `Copy` (else the entry
    /// is cloned out of the table). When every value has the fact, the table holds bare values
    /// and the method wraps the one it reads (a third of the tokens of `Some(…)` in every entry).
    fn optional(method: &str, doc_line: &str, ty: TokenStream, copy: bool, entries: Vec<Option<Expr>>) -> Option<Self> {
        if entries.iter().all(Option::is_none) {
            return None;
        }
        let every_value_has_it = entries.iter().all(Option::is_some);
        let read: fn(&Ident, &TokenStream) -> TokenStream = match (every_value_has_it, copy) {
            (true, true) => |table, at| quote! { ::core::option::Option::Some(Self::#table[#at?]) },
            (true, false) => |table, at| quote! { ::core::option::Option::Some(Self::#table[#at?].clone()) },
            (false, true) => |table, at| quote! { Self::#table[#at?] },
            (false, false) => |table, at| quote! { Self::#table[#at?].clone() },
        };
        let (table_ty, entries) = if every_value_has_it {
            (ty.clone(), entries.into_iter().flatten().collect())
        } else {
            (quote! { ::core::option::Option<#ty> }, entries.into_iter().map(syntax::option).collect())
        };
        Some(FactTable {
            method: method.to_string(),
            doc_line: doc_line.to_string(),
            ty: quote! { ::core::option::Option<#ty> },
            table_ty,
            read,
            at: quote! { self.index().ok() },
            families: false,
            entries,
        })
    }

    /// Of a vocabulary with families: the table has an entry per family after the values', and
    /// an unknown value reads its family's.
    fn with_families(self) -> Self {
        Self { at: quote! { self.entry_index() }, families: true, ..self }
    }

    /// The table and the method reading it.
    fn into_items(self) -> syn::Result<[ImplItem; 2]> {
        let (method, ty, table_ty) = (ident(&self.method), &self.ty, &self.table_ty);
        let table = ident(&format!("{}_OF", self.method.to_uppercase()));
        let doc_line = format!(" {}", self.doc_line);
        let family_line = self.families.then(|| quote! { #[doc = " Of an unknown value, its family's (see [`family_pattern()`](Self::family_pattern))."] });
        let table_doc = match self.families {
            true => format!(" `{}()` of each value in the order of `ALL`, then of each family.", self.method),
            false => format!(" `{}()` of each value, in the order of `ALL`.", self.method),
        };
        let body = (self.read)(&table, &self.at);
        let mut table: syn::ImplItemConst = syn::parse2(quote! {
            #[doc = #table_doc]
            const #table: &'static [#table_ty] = &[];
        })?;
        table.expr = syntax::slice(self.entries);
        let method = syn::parse2(quote! {
            #[doc = #doc_line]
            #family_line
            pub fn #method(&self) -> #ty {
                #body
            }
        })?;
        Ok([ImplItem::Const(table), ImplItem::Fn(method)])
    }
}

/// The `impl` of the vocabulary's methods in `groups`: all of them, or one part's.
fn vocabulary_methods(api: &Api, vocabulary: &Vocabulary, groups: &[MethodGroup]) -> syn::Result<Vec<Item>> {
    let name = ident(&vocabulary.name);
    let mut methods: syn::ItemImpl = syn::parse2(quote! { impl #name {} })?;
    for group in groups {
        match group {
            MethodGroup::All => methods.items.push(all_values(vocabulary)?),
            MethodGroup::Wire => methods.items.extend(match vocabulary.wire_type {
                VocabularyType::String => wire_strings(vocabulary)?,
                VocabularyType::Integer => wire_codes(vocabulary)?,
            }),
            MethodGroup::Index => {
                let unknown = ident(UNKNOWN_VARIANT);
                let unknown_payload = match vocabulary.wire_type {
                    VocabularyType::String => UnknownPayload {
                        ty: quote! { &::api_error_runtime::UnknownValue },
                        arm: quote! { Self::#unknown(unknown) => return ::core::result::Result::Err(unknown), },
                        only_arm: quote! { Self::#unknown(unknown) => ::core::result::Result::Err(unknown), },
                    },
                    VocabularyType::Integer => UnknownPayload {
                        ty: quote! { i64 },
                        arm: quote! { Self::#unknown(code) => return ::core::result::Result::Err(*code), },
                        only_arm: quote! { Self::#unknown(code) => ::core::result::Result::Err(*code), },
                    },
                };
                methods.items.push(index_method(&variant_idents(vocabulary), &unknown_payload)?);
                methods.items.extend(family_methods(vocabulary)?);
            }
            MethodGroup::Facts => methods.items.extend(fact_methods(vocabulary_facts(api, vocabulary))?),
        }
    }
    Ok(vec![Item::Impl(methods)])
}

/// `FAMILIES`, `family_pattern()` and where a value's facts are (`entry_index()`), for a vocabulary
/// with families: an unknown value of a family has the family's facts.
fn family_methods(vocabulary: &Vocabulary) -> syn::Result<Vec<ImplItem>> {
    if vocabulary.families.is_empty() {
        return Ok(Vec::new());
    }
    let written: Vec<String> = vocabulary.families.iter().map(|family| code(&family.written)).collect();
    let families_doc =
        format!(" The families of values the documentation describes together ({}),", written.join(", "));
    let wire = match vocabulary.wire_type {
        VocabularyType::String => quote! { unknown.as_str() },
        VocabularyType::Integer => quote! { &unknown.to_string() },
    };
    let mut items: syn::ItemImpl = syn::parse2(quote! {
        impl Families {
            #[doc = #families_doc]
            /// each by the pattern of the values it stands for: `*` is any run of characters, `?` any one.
            pub const FAMILIES: &'static [&'static str] = &[];

            /// The pattern, in [`FAMILIES`](Self::FAMILIES), of the first family an unknown value
            /// is one of; `None` for a known value and for one of no family.
            pub fn family_pattern(&self) -> ::core::option::Option<&'static str> {
                ::core::option::Option::Some(Self::FAMILIES[self.family_index()?])
            }

            /// The place in `FAMILIES` of an unknown value's family.
            fn family_index(&self) -> ::core::option::Option<usize> {
                let unknown = self.index().err()?;
                ::api_error_runtime::model::family_of(Self::FAMILIES, #wire)
            }

            /// Where a value's facts are in the fact tables: a known value's place in `ALL`, else
            /// its family's after them.
            fn entry_index(&self) -> ::core::option::Option<usize> {
                match self.index() {
                    ::core::result::Result::Ok(index) => ::core::option::Option::Some(index),
                    ::core::result::Result::Err(_) => ::core::option::Option::Some(Self::ALL.len() + self.family_index()?),
                }
            }
        }
    })?;
    if let Some(ImplItem::Const(families)) = items.items.first_mut() {
        families.expr = syntax::slice(vocabulary.families.iter().map(|family| syntax::str_lit(&family.pattern)));
    }
    Ok(items.items)
}

/// `ALL`, every known value.
fn all_values(vocabulary: &Vocabulary) -> syn::Result<ImplItem> {
    let all_doc = format!(" Every value the catalog knows, in catalog order ({}).", vocabulary.values.len());
    let mut all: syn::ImplItemConst = syn::parse2(quote! {
        #[doc = #all_doc]
        pub const ALL: &'static [Self] = &[];
    })?;
    let this = ident("Self");
    all.expr = syntax::slice(vocabulary.values.iter().map(|value| syntax::variant_expr(&this, &ident(&value.variant))));
    Ok(ImplItem::Const(all))
}

/// `WIRE_OF`, `as_str` reading it, and `is_unknown`.
fn wire_strings(vocabulary: &Vocabulary) -> syn::Result<Vec<ImplItem>> {
    let unknown = ident(UNKNOWN_VARIANT);
    let mut items: syn::ItemImpl = syn::parse2(quote! {
        impl WireStrings {
            /// The wire string of each value, in the order of `ALL`.
            const WIRE_OF: &'static [&'static str] = &[];

            /// The wire string.
            pub fn as_str(&self) -> &str {
                match self.index() {
                    ::core::result::Result::Ok(index) => Self::WIRE_OF[index],
                    ::core::result::Result::Err(unknown) => unknown.as_str(),
                }
            }

            /// True for a value the catalog does not know.
            pub fn is_unknown(&self) -> bool {
                ::core::matches!(self, Self::#unknown(_))
            }
        }
    })?;
    if let Some(ImplItem::Const(wire_of)) = items.items.first_mut() {
        wire_of.expr = syntax::slice(vocabulary.values.iter().map(|value| syntax::str_lit(&value.wire)));
    }
    Ok(items.items)
}

/// `CODE_OF`, `code` reading it, and `is_unknown`: an integer vocabulary's counterparts of
/// `wire_strings`.
fn wire_codes(vocabulary: &Vocabulary) -> syn::Result<Vec<ImplItem>> {
    let mut items: syn::ItemImpl = syn::parse2(quote! {
        impl WireCodes {
            /// The code of each value, in the order of `ALL`.
            const CODE_OF: &'static [i64] = &[];

            /// The integer code.
            pub fn code(self) -> i64 {
                match self.index() {
                    ::core::result::Result::Ok(index) => Self::CODE_OF[index],
                    ::core::result::Result::Err(code) => code,
                }
            }

            /// True for a code the catalog does not know.
            pub fn is_unknown(self) -> bool {
                self.index().is_err()
            }
        }
    })?;
    if let Some(ImplItem::Const(code_of)) = items.items.first_mut() {
        code_of.expr = syntax::slice(vocabulary.values.iter().map(|value| syntax::int_lit(&code_literal(value))));
    }
    Ok(items.items)
}

/// An integer code as a literal (`-1` is a negation of `1`, which `int_lit` takes whole).
fn code_literal(value: &VocabularyValue) -> Literal {
    Literal::i64_unsuffixed(value.code.unwrap_or_default())
}

/// A table for each fact some value of the vocabulary has: an entry per value, then one per
/// family, read at `entry_index()`, where the vocabulary has families.
fn vocabulary_facts(api: &Api, vocabulary: &Vocabulary) -> Vec<FactTable> {
    let values = &vocabulary.values;
    let entries: Vec<Entry<'_>> =
        values.iter().map(Entry::Value).chain(vocabulary.families.iter().map(Entry::Family)).collect();
    let mut facts: Vec<FactTable> = TEXT_FACTS
        .iter()
        .filter_map(|&(method, doc_line, get)| {
            let texts = entries.iter().map(|&entry| get(entry).map(|text| syntax::str_lit(text))).collect();
            FactTable::optional(method, doc_line, quote! { &'static str }, true, texts)
        })
        .collect();
    fn statuses<'a>(entry: &Entry<'a>) -> &'a [u16] {
        match *entry {
            Entry::Value(value) => &value.statuses,
            Entry::Family(family) => &family.statuses,
        }
    }
    if entries.iter().any(|entry| !statuses(entry).is_empty()) {
        facts.push(FactTable {
            method: "statuses".into(),
            doc_line: "HTTP statuses the value is sent with (empty where the catalog does not say).".into(),
            ty: quote! { &'static [u16] },
            table_ty: quote! { &'static [u16] },
            read: |table, at| quote! { #at.map_or(&[], |index| Self::#table[index]) },
            at: quote! { self.index().ok() },
            families: false,
            entries: entries
                .iter()
                .map(|entry| syntax::slice(numbers(statuses(entry)).iter().map(syntax::int_lit)))
                .collect(),
        });
    }
    facts.extend(retryable_fact(&entries, |entry| match *entry {
        Entry::Value(value) => value.retryable,
        Entry::Family(family) => family.retryable,
    }));
    if let Some((target, method)) = &vocabulary.links_to {
        let target_name = ident(&api[*target].name);
        // (A family links to nothing: the catalog gives it no `link`.)
        let linked = entries.iter().map(|entry| match *entry {
            Entry::Value(value) => Some(syntax::variant_expr(&target_name, &ident(&api[value.link?].variant))),
            Entry::Family(_) => None,
        });
        let doc_line = format!("The [`{}`] this value belongs to, where the documentation says.", api[*target].name);
        let copy = api[*target].wire_type == VocabularyType::Integer;
        facts.extend(FactTable::optional(method, &doc_line, quote! { #target_name }, copy, linked.collect()));
    }
    if vocabulary.families.is_empty() {
        return facts;
    }
    facts.into_iter().map(FactTable::with_families).collect()
}

/// Vocabularies up to this many values decode with a `match` on the wire string; larger ones
/// with a binary search. A `match` is what strum writes and the fastest for a few values (rustc
/// compares lengths first: about a nanosecond), but its build time and its lookups grow with the
/// values (a 10,000-value `match` took most of a minute of release build and up to 1.9 us per
/// lookup); the search grows with their logarithm (BENCHMARKS.md).
const MATCH_UP_TO: usize = 64;

/// `From<&str>` (or, for integer codes, `from_code`) and the traits every open enum shares.
fn vocabulary_from_wire(vocabulary: &Vocabulary) -> syn::Result<Vec<Item>> {
    if vocabulary.wire_type == VocabularyType::Integer {
        return vocabulary_from_code(vocabulary);
    }
    let name = ident(&vocabulary.name);
    let unknown = ident(UNKNOWN_VARIANT);
    let variants = variant_idents(vocabulary);
    let wires = vocabulary.values.iter().map(|v| v.wire.as_str());
    let unknown_value = quote! { Self::#unknown(::api_error_runtime::__private::unknown(wire)) };
    let search = variants.len() > MATCH_UP_TO;
    let body = if variants.is_empty() {
        unknown_value.clone()
    } else if search {
        quote! {
            // Sorted by length, then bytes: most steps of the search compare lengths only.
            const BY_WIRE: &[(&str, #name)] = &[];
            let found = BY_WIRE.binary_search_by(|(known, _)| known.len().cmp(&wire.len()).then_with(|| (*known).cmp(wire)));
            match found {
                ::core::result::Result::Ok(found) => BY_WIRE[found].1.clone(),
                ::core::result::Result::Err(_) => #unknown_value,
            }
        }
    } else {
        quote! {
            match wire {
                _ => #unknown_value,
            }
        }
    };
    let mut from: syn::ItemImpl = syn::parse2(quote! {
        impl ::core::convert::From<&str> for #name {
            fn from(wire: &str) -> Self {
                #body
            }
        }
    })?;
    let Some(ImplItem::Fn(function)) = from.items.first_mut() else {
        return Err(syn::Error::new(proc_macro2::Span::call_site(), "`From<&str>` has no function"));
    };
    let this = ident("Self");
    if search {
        let mut by_wire: Vec<(&str, &Ident)> = wires.zip(&variants).collect();
        by_wire.sort_unstable_by_key(|(wire, _)| (wire.len(), *wire));
        let table =
            by_wire.into_iter().map(|(wire, v)| syntax::pair(syntax::str_lit(wire), syntax::variant_expr(&name, v)));
        let Some(syn::Stmt::Item(Item::Const(by_wire))) = function.block.stmts.first_mut() else {
            return Err(syn::Error::new(proc_macro2::Span::call_site(), "`From<&str>` does not open with its table"));
        };
        *by_wire.expr = syntax::slice(table);
    } else if !variants.is_empty() {
        let arms =
            wires.zip(&variants).map(|(wire, v)| syntax::arm(syntax::str_pat(wire), syntax::variant_expr(&this, v)));
        syntax::prepend_arms(syntax::opening_match(&mut function.block)?, arms);
    }
    let shared: syn::ItemMacro = syn::parse2(quote! { ::api_error_runtime::impl_open_enum!(#name); })?;
    let mut items = vec![Item::Impl(from), Item::Macro(shared)];
    if let Some(separator) = vocabulary.namespace_separator {
        let doc = format!(
            " The wire may write a value after a namespace and `{separator}`: a field of it is `Namespaced<{}>`.",
            vocabulary.name
        );
        items.push(Item::Impl(syn::parse2(quote! {
            #[doc = #doc]
            impl ::api_error_runtime::Namespace for #name {
                const SEPARATOR: char = #separator;
            }
        })?));
    }
    Ok(items)
}

/// `from_code`, a `match` or (for large vocabularies) a binary search as for wire strings, and
/// the traits every enum of codes shares.
fn vocabulary_from_code(vocabulary: &Vocabulary) -> syn::Result<Vec<Item>> {
    let name = ident(&vocabulary.name);
    let unknown = ident(UNKNOWN_VARIANT);
    let variants = variant_idents(vocabulary);
    let codes: Vec<(i64, Literal)> =
        vocabulary.values.iter().map(|value| (value.code.unwrap_or_default(), code_literal(value))).collect();
    let body = if variants.is_empty() {
        quote! { Self::#unknown(code) }
    } else if variants.len() > MATCH_UP_TO {
        let mut by_code: Vec<(&(i64, Literal), &Ident)> = codes.iter().zip(&variants).collect();
        by_code.sort_unstable_by_key(|((code, _), _)| *code);
        let table = by_code.into_iter().map(|((_, literal), variant)| {
            let variant = syntax::variant_expr(&name, variant);
            quote! { (#literal, #variant) }
        });
        quote! {
            const BY_CODE: &[(i64, #name)] = &[#(#table),*];
            match BY_CODE.binary_search_by_key(&code, |(known, _)| *known) {
                ::core::result::Result::Ok(found) => BY_CODE[found].1,
                ::core::result::Result::Err(_) => Self::#unknown(code),
            }
        }
    } else {
        let literals = codes.iter().map(|(_, literal)| literal);
        quote! {
            match code {
                #(#literals => Self::#variants,)*
                other => Self::#unknown(other),
            }
        }
    };
    let items: syn::File = syn::parse2(quote! {
        impl #name {
            /// The value with this code; `Unknown` for codes the catalog does not know.
            pub fn from_code(code: i64) -> Self {
                #body
            }
        }

        ::api_error_runtime::impl_code_enum!(#name, i64);
    })?;
    Ok(items.items)
}

pub(super) fn status_enum(api: &Api) -> syn::Result<Vec<Item>> {
    let unknown = ident(UNKNOWN_VARIANT);
    let variants: Vec<Ident> = api.statuses.iter().map(|s| ident(&s.variant)).collect();
    let codes = numbers(&api.statuses.iter().map(|s| s.code).collect::<Vec<_>>());
    let variant_defs = api.statuses.iter().zip(&variants).map(|(status, variant)| {
        let mut lines = vec![status_line(status), String::new()];
        if let Some(action) = &status.action {
            lines.push(format!("- Action: {}", md(&one_line(action))));
        }
        if let Some(when) = &status.when_used {
            lines.push(format!("- When used: {}", md(&one_line(when))));
        }
        lines.extend(provenance_lines(api, &status.trace));
        let doc = doc(&lines);
        quote! { #doc #variant, }
    });
    const STATUS_FACTS: &[TextFact<Status>] = &[
        ("reason", "The reason phrase.", |s| Some(&s.reason)),
        ("description", "What the documentation says the status means.", |s| Some(&s.description)),
        ("action", "What the documentation says to do about it.", |s| s.action.as_ref()),
        ("when_used", "When the documentation says the status is used.", |s| s.when_used.as_ref()),
    ];
    let mut facts = text_facts(&api.statuses, STATUS_FACTS);
    facts.extend(retryable_fact(&api.statuses, |s| s.retryable));
    // `index()` only when a fact reads it.
    let mut methods = Vec::new();
    if !facts.is_empty() {
        let unknown_payload = UnknownPayload {
            ty: quote! { u16 },
            arm: quote! { Self::#unknown(code) => return ::core::result::Result::Err(*code), },
            only_arm: quote! { Self::#unknown(code) => ::core::result::Result::Err(*code), },
        };
        methods.push(index_method(&variants, &unknown_payload)?);
        methods.extend(fact_methods(facts)?);
    }
    let doc = doc(&[
        format!("The HTTP statuses the {} documentation lists or uses.", md(&api.name)),
        String::new(),
        "A status maps to many errors: branch on the body's error value, not on this alone.".into(),
        "Serialized as the bare number; codes the catalog does not know are kept in `Unknown`;".into(),
        "equality compares codes, so `Unknown(c)` equals the listed status with code `c`.".into(),
    ]);
    // (Of a catalog that lists no status, every code is unknown: no `match` of one arm.)
    let from_code = match codes.is_empty() {
        true => quote! { Self::#unknown(code) },
        false => quote! {
            match code {
                #(#codes => Self::#variants,)*
                other => Self::#unknown(other),
            }
        },
    };
    super::quoted(quote! {
        #doc
        #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug)]
        #[non_exhaustive]
        pub enum HttpStatus {
            #(#variant_defs)*
            /// A status code this catalog does not list.
            #unknown(u16),
        }

        impl HttpStatus {
            /// Every status the catalog lists, in catalog order.
            pub const ALL: &'static [Self] = &[#(Self::#variants),*];

            /// The status with this code; `Unknown` for codes the catalog does not list.
            pub const fn from_code(code: u16) -> Self {
                #from_code
            }

            /// The numeric code.
            pub const fn code(self) -> u16 {
                match self {
                    #(Self::#variants => #codes,)*
                    Self::#unknown(code) => code,
                }
            }

            /// True for a code the catalog does not list.
            pub const fn is_unknown(self) -> bool {
                ::core::matches!(Self::from_code(self.code()), Self::#unknown(_))
            }

            /// The status class; `None` for codes outside 100..=599.
            pub const fn class(self) -> ::core::option::Option<::api_error_runtime::StatusClass> {
                ::api_error_runtime::StatusClass::of(self.code())
            }

            #(#methods)*
        }

        ::api_error_runtime::impl_code_enum!(HttpStatus, u16);
    })
}

/// `401 Unauthorized: the token expired`, or `200 OK` where the description only repeats the
/// reason phrase.
fn status_line(status: &Status) -> String {
    let (reason, description) = (status.reason.trim(), status.description.trim().trim_end_matches('.'));
    match description.is_empty() || description.eq_ignore_ascii_case(reason) {
        true => format!("{} {}", status.code, md(reason)),
        false => format!("{} {}: {}", status.code, md(reason), md(status.description.trim())),
    }
}
