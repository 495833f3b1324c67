//! Syntax trees built directly, for the lists that grow with the catalog: a vocabulary's
//! documented variants, the arms of its matches and its fact tables.
//!
//! Written with `quote!`, each of those lists was a token stream, then syn's parse buffer of it,
//! then the syntax tree, all alive at once: at 10,000 values, most of the generator's memory and
//! a good part of its time (BENCHMARKS.md). Built here, they are the tree alone. The fixed parts
//! around them are still written with `quote!` and parsed, and the lists put in their place;
//! prettyplease prints a tree the same however it was made, and `cargo xtask check` holds the
//! output to the checked-in bytes.

use super::doc_lines;
use proc_macro2::{Ident, Literal, Span};
use syn::punctuated::Punctuated;
use syn::{Arm, Attribute, Expr, ExprMatch, Pat, Path, Variant};

/// `#[doc = " line"]` for each doc line (see `doc_lines`), as `super::doc` writes them.
pub(super) fn doc_attrs(lines: &[String]) -> Vec<Attribute> {
    doc_lines(lines)
        .map(|text| Attribute {
            pound_token: Default::default(),
            style: syn::AttrStyle::Outer,
            bracket_token: Default::default(),
            meta: syn::Meta::NameValue(syn::MetaNameValue {
                path: Path::from(Ident::new("doc", Span::call_site())),
                eq_token: Default::default(),
                value: str_lit(&text),
            }),
        })
        .collect()
}

/// A documented unit variant.
pub(super) fn unit_variant(attrs: Vec<Attribute>, name: Ident) -> Variant {
    Variant { attrs, ident: name, fields: syn::Fields::Unit, discriminant: None }
}

/// `first::second::…`, or with a leading `::` when `global`.
fn path(global: bool, segments: &[&Ident]) -> Path {
    Path {
        leading_colon: global.then(Default::default),
        segments: segments.iter().map(|segment| syn::PathSegment::from((*segment).clone())).collect(),
    }
}

fn path_expr(path: Path) -> Expr {
    Expr::Path(syn::ExprPath { attrs: Vec::new(), qself: None, path })
}

/// `Type::Variant` (or `Self::Variant`), as an expression.
pub(super) fn variant_expr(ty: &Ident, variant: &Ident) -> Expr {
    path_expr(path(false, &[ty, variant]))
}

/// `Type::Variant` (or `Self::Variant`), as a pattern.
pub(super) fn variant_pat(ty: &Ident, variant: &Ident) -> Pat {
    Pat::Path(syn::ExprPath { attrs: Vec::new(), qself: None, path: path(false, &[ty, variant]) })
}

fn lit(lit: syn::Lit) -> Expr {
    Expr::Lit(syn::ExprLit { attrs: Vec::new(), lit })
}

pub(super) fn str_lit(text: &str) -> Expr {
    lit(syn::Lit::Str(syn::LitStr::new(text, Span::call_site())))
}

/// A string literal as a pattern (a `match` on the wire string).
pub(super) fn str_pat(text: &str) -> Pat {
    Pat::Lit(syn::ExprLit { attrs: Vec::new(), lit: syn::Lit::Str(syn::LitStr::new(text, Span::call_site())) })
}

/// A number without a type suffix (see `super::numbers`).
pub(super) fn int_lit(number: &Literal) -> Expr {
    lit(syn::Lit::Int(syn::LitInt::new(&number.to_string(), Span::call_site())))
}

pub(super) fn bool_lit(value: bool) -> Expr {
    lit(syn::Lit::Bool(syn::LitBool::new(value, Span::call_site())))
}

/// `&[first, second, …]`.
pub(super) fn slice(elements: impl IntoIterator<Item = Expr>) -> Expr {
    Expr::Reference(syn::ExprReference {
        attrs: Vec::new(),
        and_token: Default::default(),
        mutability: None,
        expr: Box::new(Expr::Array(syn::ExprArray {
            attrs: Vec::new(),
            bracket_token: Default::default(),
            elems: elements.into_iter().collect(),
        })),
    })
}

/// `(first, second)`.
pub(super) fn pair(first: Expr, second: Expr) -> Expr {
    let mut elems = Punctuated::new();
    elems.push(first);
    elems.push(second);
    Expr::Tuple(syn::ExprTuple { attrs: Vec::new(), paren_token: Default::default(), elems })
}

/// `::core::option::Option::Some(value)` or `::core::option::Option::None`, as `super::option`
/// writes them.
pub(super) fn option(value: Option<Expr>) -> Expr {
    let name = |text: &str| Ident::new(text, Span::call_site());
    let (core, option, ty) = (name("core"), name("option"), name("Option"));
    match value {
        Some(value) => Expr::Call(syn::ExprCall {
            attrs: Vec::new(),
            func: Box::new(path_expr(path(true, &[&core, &option, &ty, &name("Some")]))),
            paren_token: Default::default(),
            args: std::iter::once(value).collect(),
        }),
        None => path_expr(path(true, &[&core, &option, &ty, &name("None")])),
    }
}

/// `pattern => body,`.
pub(super) fn arm(pat: Pat, body: Expr) -> Arm {
    Arm {
        attrs: Vec::new(),
        pat,
        fat_arrow_token: Default::default(),
        body: Box::new(body),
        comma: Some(Default::default()),
    }
}

/// The `match` a function's body opens with, as an expression or as a `let`'s value: where
/// the arms that grow with the catalog go, before the fixed ones.
pub(super) fn opening_match(block: &mut syn::Block) -> syn::Result<&mut ExprMatch> {
    let expr = match block.stmts.first_mut() {
        Some(syn::Stmt::Expr(expr, _)) => Some(expr),
        Some(syn::Stmt::Local(syn::Local { init: Some(init), .. })) => Some(&mut *init.expr),
        _ => None,
    };
    match expr {
        Some(Expr::Match(found)) => Ok(found),
        _ => Err(syn::Error::new(Span::call_site(), "a function meant to open with a `match` does not")),
    }
}

/// Puts `arms` before the arms a `match` already has.
pub(super) fn prepend_arms(found: &mut ExprMatch, arms: impl IntoIterator<Item = Arm>) {
    found.arms.splice(0..0, arms);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proc_macro2::TokenStream;
    use quote::{quote, ToTokens};
    use syn::parse2 as parse;

    fn name(text: &str) -> Ident {
        Ident::new(text, Span::call_site())
    }

    /// Built directly, a piece of syntax prints as the tokens it stands for: what `quote!`
    /// made of the same catalog text before.
    fn assert_same(built: impl ToTokens, written: TokenStream) {
        assert_eq!(built.to_token_stream().to_string(), written.to_string());
    }

    #[test]
    fn each_builder_makes_what_its_tokens_stand_for() {
        let (this, teal) = (name("Self"), name("Teal"));
        let text = "a \"quoted\" line — with a dash";
        assert_same(str_lit(text), quote! { #text });
        assert_same(str_pat(text), quote! { #text });
        let number = Literal::usize_unsuffixed(42);
        assert_same(int_lit(&number), quote! { #number });
        assert_same(bool_lit(true), quote! { true });
        assert_same(variant_expr(&this, &teal), quote! { Self::Teal });
        assert_same(variant_pat(&this, &teal), quote! { Self::Teal });
        assert_same(slice([bool_lit(true), bool_lit(false)]), quote! { &[true, false] });
        assert_same(slice([]), quote! { &[] });
        assert_same(pair(str_lit("teal"), variant_expr(&this, &teal)), quote! { ("teal", Self::Teal) });
        assert_same(option(Some(bool_lit(false))), quote! { ::core::option::Option::Some(false) });
        assert_same(option(None), quote! { ::core::option::Option::None });
        assert_same(arm(str_pat("teal"), variant_expr(&this, &teal)), quote! { "teal" => Self::Teal, });
    }

    #[test]
    fn doc_attributes_are_the_doc_lines_of_super_doc() {
        let lines = vec!["First line".to_string(), String::new(), "    indented".into(), "```rust".into()];
        let attrs = doc_attrs(&lines);
        assert_eq!(attrs.len(), 4);
        assert_same(quote! { #(#attrs)* }, super::super::doc(&lines));
        let doc = super::super::doc(&lines);
        assert_same(unit_variant(attrs, name("Teal")), quote! { #doc Teal });
    }

    #[test]
    fn arms_go_before_the_fixed_ones_of_the_opening_match() {
        let teal = || arm(variant_pat(&name("Self"), &name("Teal")), bool_lit(true));
        let mut as_value: syn::ImplItemFn =
            parse(quote! { fn f(&self) -> bool { match self { _ => false } } }).unwrap();
        prepend_arms(opening_match(&mut as_value.block).unwrap(), [teal()]);
        assert_same(as_value, quote! { fn f(&self) -> bool { match self { Self::Teal => true, _ => false } } });

        let mut in_let: syn::ImplItemFn =
            parse(quote! { fn f(&self) -> bool { let found = match self { _ => false }; found } }).unwrap();
        prepend_arms(opening_match(&mut in_let.block).unwrap(), [teal()]);
        assert_same(
            in_let,
            quote! { fn f(&self) -> bool { let found = match self { Self::Teal => true, _ => false }; found } },
        );

        let mut without: syn::ImplItemFn = parse(quote! { fn f(&self) -> bool { true } }).unwrap();
        assert!(opening_match(&mut without.block).is_err());
    }
}
