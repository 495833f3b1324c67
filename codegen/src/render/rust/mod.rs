//! The generated crate: `src/lib.rs` (one `pub mod` per API, and the runtime's types
//! re-exported), and per API `src/<api>.rs` (its enums, structs and constants),
//! `src/<api>/serde_impls.rs` and `src/<api>/tests.rs`.
//!
//! Generated code names everything by full path (`::core::option::Option`,
//! `::api_error_runtime::serde::Serialize`, `::api_error_runtime::RecoveryRule`), so that any name
//! the catalog gives a type compiles beside it. What is the same for every API lives in the
//! hand-written `api-error-runtime` crate.

mod doc_examples;
mod enums;
pub mod features;
mod items;
mod serde_impls;
mod shapes;
mod syntax;
mod tests;
mod types;
mod unions;

use super::text::{listed, markdown as md, one_line};
use super::{OutputFile, GENERATE_COMMAND};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::CatalogEnum;
use crate::resolved::{Api, Catalog, Shape, Trace};
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

/// Renders `src/lib.rs` and, per API, `src/<api>.rs` with its `serde_impls.rs` and `tests.rs`.
pub fn render_crate(catalog: &Catalog, crate_name: &str) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let from = format!("{}/", catalog.dir());
    let mut files = vec![OutputFile {
        path: "src/lib.rs".into(),
        contents: format_file(
            "src/lib.rs",
            &from,
            lib_docs(catalog, crate_name),
            &[Piece::whole(|| quoted(lib_items(catalog)))],
        )?,
    }];
    for api in catalog.apis() {
        for file in api_files(api, crate_name, VALUES_PER_PART) {
            let contents = format_file(&file.path, &api.file, file.docs, &file.pieces)?;
            files.push(OutputFile { path: file.path, contents });
        }
    }
    Ok(files)
}

/// One or more top-level items of a generated file, or one part of an item too large to format
/// at once, made when called. A file is formatted a piece at a time, on as many threads as the
/// machine has: the whole module of a 10,000-value vocabulary as one token stream and one syntax
/// tree took a third of a gigabyte and, on one thread, three quarters of the generator's time
/// (BENCHMARKS.md). Token streams and syntax trees cannot cross threads, so each piece is made
/// on the thread that formats it.
struct Piece<'a> {
    make: Box<dyn Fn() -> syn::Result<Vec<syn::Item>> + Send + Sync + 'a>,
    part: Part,
}

impl<'a> Piece<'a> {
    fn whole(make: impl Fn() -> syn::Result<Vec<syn::Item>> + Send + Sync + 'a) -> Self {
        Self { make: Box::new(make), part: Part::Whole }
    }

    fn part(part: Part, make: impl Fn() -> syn::Result<Vec<syn::Item>> + Send + Sync + 'a) -> Self {
        Self { make: Box::new(make), part }
    }
}

/// Where a piece stands in an item formatted in parts. Each part is the item with a slice of
/// its list (an enum's variants, an `impl`'s items); their texts are joined by dropping the
/// opening line (`pub enum Name {`, `impl Name {`) of all but the first and the closing `}` of
/// all but the last. prettyplease prints variants and `impl` items one after another, each on
/// lines of its own, so the join is the text of the whole item (a unit test holds it to that).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Whole,
    First,
    Middle,
    Last,
}

impl Part {
    /// The part at `index` of an item in `count` parts.
    fn of(index: usize, count: usize) -> Self {
        match (index, count) {
            (_, 0 | 1) => Part::Whole,
            (0, _) => Part::First,
            (index, count) if index + 1 == count => Part::Last,
            _ => Part::Middle,
        }
    }

    /// The text of this part in the joined item, or `None` when the text has no opening or
    /// closing line where the part needs one (a generator bug).
    fn trim(self, text: &str) -> Option<std::borrow::Cow<'_, str>> {
        // A part with nothing in its list prints on one line: `impl Name {}`.
        if let Some(opening) = text.strip_suffix("{}\n").filter(|opening| !opening.contains('\n')) {
            return Some(match self {
                Part::Whole => text.into(),
                Part::First => format!("{opening}{{\n").into(),
                Part::Middle => "".into(),
                Part::Last => "}\n".into(),
            });
        }
        let mut text = text;
        if matches!(self, Part::Middle | Part::Last) {
            let (opening, rest) = text.split_once('\n')?;
            if !opening.ends_with('{') {
                return None;
            }
            text = rest;
        }
        if matches!(self, Part::First | Part::Middle) {
            text = text.strip_suffix("}\n")?;
        }
        Some(text.into())
    }
}

/// The items of tokens written with `quote!`.
fn quoted(tokens: TokenStream) -> syn::Result<Vec<syn::Item>> {
    syn::parse2::<syn::File>(tokens).map(|file| file.items)
}

/// Formats a file with prettyplease (the same bytes whatever rustfmt is installed), behind the
/// generated-file header: its inner attributes (`docs`), then each piece in order. prettyplease
/// prints a file's items one after another with nothing between them, so formatting the pieces
/// apart gives the bytes formatting them together would.
fn format_file(path: &str, from: &str, docs: TokenStream, pieces: &[Piece<'_>]) -> Result<String, Vec<Diagnostic>> {
    // prettyplease formats generated files; `cargo fmt` would reformat them differently.
    let head = format_tokens(path, quote! { #![cfg_attr(rustfmt, rustfmt::skip)] #docs })?;
    let header = format!("// @generated by `{GENERATE_COMMAND}` from {from}. Do not edit by hand.\n\n{head}");
    let pieces = format_pieces(path, pieces)?;
    // Sized once: a text grown by doubling held up to twice its bytes (a 6 MiB module).
    let mut text = String::with_capacity(header.len() + pieces.iter().map(String::len).sum::<usize>());
    text.push_str(&header);
    for piece in pieces {
        text.push_str(&piece);
    }
    Ok(text)
}

/// Each piece formatted, in order, the work shared between the machine's threads.
fn format_pieces(path: &str, pieces: &[Piece<'_>]) -> Result<Vec<String>, Vec<Diagnostic>> {
    let format = |piece: &Piece<'_>| {
        let text = format_items(path, (piece.make)())?;
        if piece.part == Part::Whole {
            return Ok(text);
        }
        let trimmed = piece.part.trim(&text).map(std::borrow::Cow::into_owned);
        trimmed.ok_or_else(|| generator_bug(path, format!("a {:?} part of an item has no line to join at", piece.part)))
    };
    crate::parallel::map(pieces, format).into_iter().collect()
}

fn format_tokens(path: &str, tokens: TokenStream) -> Result<String, Vec<Diagnostic>> {
    format_file_of(path, syn::parse2(tokens))
}

fn format_items(path: &str, items: syn::Result<Vec<syn::Item>>) -> Result<String, Vec<Diagnostic>> {
    format_file_of(path, items.map(|items| syn::File { shebang: None, frontmatter: None, attrs: Vec::new(), items }))
}

/// A piece that could not be made (tokens that do not parse, a skeleton without the place for
/// its list) is a generator bug, reported not panicked.
fn format_file_of(path: &str, file: syn::Result<syn::File>) -> Result<String, Vec<Diagnostic>> {
    let file =
        file.map_err(|err| generator_bug(path, format!("the generator produced Rust that does not parse: {err}")))?;
    Ok(prettyplease::unparse(&file))
}

fn generator_bug(path: &str, message: String) -> Vec<Diagnostic> {
    vec![Diagnostic::in_file(Code::Parse, path, message)
        .with_help("this is a bug in codegen; please report it with the catalog")]
}

/// An identifier the resolved model has checked.
fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// Doc text as one attribute per line: an attribute holding a line break would be printed
/// as a `/** */` block, which a `*/` in catalog text would end early; a lone carriage return,
/// which rustc refuses in doc comments, breaks the line too.
///
/// Catalog text is prose to rustdoc, never code, which it would compile as a doctest: lines
/// lose their indentation (four spaces open an indented code block) and a fence (three or
/// more backticks or tildes opening a line) is escaped to show as written.
fn doc_lines(lines: &[String]) -> impl Iterator<Item = String> + '_ {
    lines.iter().flat_map(|text| {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        text.split('\n').map(doc_line).collect::<Vec<_>>()
    })
}

fn doc_line(line: &str) -> String {
    let line = line.trim_start();
    let fence = match line.chars().next() {
        Some(c @ ('`' | '~')) => line.chars().take_while(|&x| x == c).count(),
        _ => 0,
    };
    if fence >= 3 {
        let escaped: String = line[..fence].chars().flat_map(|c| ['\\', c]).collect();
        format!(" {escaped}{}", &line[fence..])
    } else if line.is_empty() {
        String::new()
    } else {
        format!(" {line}")
    }
}

/// `#[doc]` attributes, so prettyplease prints `/// line`.
fn doc(lines: &[String]) -> TokenStream {
    let attrs = doc_lines(lines).map(|text| quote! { #[doc = #text] });
    quote! { #(#attrs)* }
}

/// `#![doc]` attributes, printed as `//! line`.
fn inner_doc(lines: &[String]) -> TokenStream {
    let attrs = doc_lines(lines).map(|text| quote! { #![doc = #text] });
    quote! { #(#attrs)* }
}

/// Numbers without a type suffix (`401`, not `401u16`): the context gives the type.
fn numbers<T: Copy + Into<u64>>(values: &[T]) -> Vec<Literal> {
    values.iter().map(|v| Literal::u64_unsuffixed((*v).into())).collect()
}

/// `::api_error_runtime::RecoveryKind::RetryAfterWait`: a value of one of the runtime's catalog
/// enums, by the path and variant name the runtime's own definition gives.
fn runtime_value<T: CatalogEnum>(value: T) -> TokenStream {
    let path = T::PATH.split("::").map(ident);
    let variant = ident(value.variant_name());
    quote! { ::api_error_runtime #(::#path)*::#variant }
}

/// A `Duration` of whole seconds where it is one (`from_secs(60)`), else of milliseconds.
fn duration(milliseconds: u64) -> TokenStream {
    match milliseconds % 1000 {
        0 => {
            let seconds = Literal::u64_unsuffixed(milliseconds / 1000);
            quote! { ::std::time::Duration::from_secs(#seconds) }
        }
        _ => {
            let milliseconds = Literal::u64_unsuffixed(milliseconds);
            quote! { ::std::time::Duration::from_millis(#milliseconds) }
        }
    }
}

/// `::core::option::Option::Some(value)` or `None`.
fn option(value: Option<TokenStream>) -> TokenStream {
    match value {
        Some(value) => quote! { ::core::option::Option::Some(#value) },
        None => quote! { ::core::option::Option::None },
    }
}

/// Bullet lines saying where an entry comes from and what about it is inferred or disputed.
fn provenance_lines(api: &Api, trace: &Trace) -> Vec<String> {
    let mut lines = vec![format!("- Source: {}.", md(&api.section_title(trace.section)))];
    if !trace.inferred.is_empty() {
        lines.push(format!(
            "- Not stated by the documentation (the catalog's own reading): {}.",
            md(&trace.inferred.join(", "))
        ));
    }
    for &id in &trace.inconsistencies {
        let x = &api[id];
        lines.push(format!("- Inconsistency ({}): {}", x.kind.label(), md(&one_line(&x.summary))));
    }
    lines.extend(trace.notes.iter().map(|note| format!("- Note: {}", md(&one_line(note)))));
    lines
}

/// `src/lib.rs`'s inner docs and attributes.
fn lib_docs(catalog: &Catalog, crate_name: &str) -> TokenStream {
    let intro = vec![
        format!("Typed error models of HTTP APIs, generated from the YAML catalog in `{}/`: for any", catalog.dir()),
        "error response of these APIs, what it says and what a client should do next.".to_string(),
        String::new(),
        "Start from an API's module: its `Error::from_response` reads a response (never fails, never".into(),
        "panics), and `recovery` says what to do. One module per API:".into(),
        String::new(),
    ];
    let intro = inner_doc(&intro);
    let intro_end = inner_doc(&[
        String::new(),
        "Each module is behind a cargo feature named after the API's id, all on by default: a client".into(),
        "of one API can leave out the others (`default-features = false, features = [\"<id>\"]`).".into(),
        String::new(),
    ]);
    // The list names only the modules compiled, and the example needs the module it uses.
    let listed = catalog.apis().iter().map(|api| {
        let line = format!("- [`{}`] ({})", api.module, md(&one_line(&api.name)));
        doc_examples::inner_doc_verbatim(&[line], Some(features::feature_name(api)))
    });
    let example = catalog.apis().first().map(|api| {
        let lines = doc_examples::crate_example(catalog, crate_name);
        doc_examples::inner_doc_verbatim(&lines, Some(features::feature_name(api)))
    });
    let rest = inner_doc(&[
        String::new(),
        "# Unknown values".into(),
        String::new(),
        "Every enum is `#[non_exhaustive]` and has an `Unknown` variant: decoding a value the".into(),
        "catalog does not know never fails, and the original text is kept and serialized back".into(),
        "unchanged. Match the variants you handle and end with a wildcard arm.".into(),
        String::new(),
        "The types every API shares come from the `api-error-runtime` crate, re-exported here;".into(),
        "[`model`] is what the generated modules build on.".into(),
    ]);
    quote! {
        #intro
        #(#listed)*
        #intro_end
        #example
        #rest
        #![forbid(unsafe_code)]
        #![warn(missing_docs)]
    }
}

/// `src/lib.rs`'s items: a module per API, the runtime's types, and the registry of APIs.
fn lib_items(catalog: &Catalog) -> TokenStream {
    let modules = catalog.apis().iter().map(|api| {
        let name = ident(&api.module);
        let titles: Vec<String> = api.documents.iter().map(|d| md(&d.title)).collect();
        let doc = doc(&[format!("{}: {}", md(&api.name), titles.join("; "))]);
        let feature = features::feature_name(api);
        quote! { #doc #[cfg(feature = #feature)] pub mod #name; }
    });
    let entries = catalog.apis().iter().map(|api| {
        let (id, name, module) = (&api.id, &api.name, ident(&api.module));
        let feature = features::feature_name(api);
        quote! {
            #[cfg(feature = #feature)]
            ::api_error_runtime::CatalogApi::new(#id, #name, #module::EXAMPLES, |status, headers, body| {
                ::std::boxed::Box::new(#module::Error::from_response(status, headers.iter().copied(), body))
            })
            .deciding(|status, headers, body, now| #module::Error::decide(status, headers, body, now))
        }
    });
    quote! {
        #(#modules)*
        pub use ::api_error_runtime::{
            ApiError, ApiErrorInfo, Backoff, BodyProblem, CatalogApi, Condition, ConditionSubject, ConditionTest,
            DecidedBy, ErrorModel, Example, ExampleDecision, Jitter, Namespace, Namespaced, Observed, RateLimit,
            Reading, Recovery, RecoveryKind, RecoveryRule, RecoveryTable, Request, ResponseHeader, RetryAfter,
            RetryAfterFormat, RetryBudget, RetryPolicy, StatusClass, TransportFailure, UnknownValue, WaitSource,
        };
        pub use ::api_error_runtime::model;
        /// The runtime every API's module builds on, whole: what features add (`tower` with feature
        /// `tower`) is found here.
        pub use ::api_error_runtime as runtime;

        /// Every API of this crate whose feature is on, in catalog order, for code that handles
        /// several by id: each reads a response as its own [`Error`](ApiError) behind
        /// [`ApiErrorInfo`].
        pub const APIS: &[CatalogApi] = &[#(#entries),*];
    }
}

/// The module's inner docs: the API and its source documents.
fn module_docs(api: &Api, crate_name: &str) -> TokenStream {
    let documents: Vec<String> = api
        .documents
        .iter()
        .map(|d| {
            let url = d.url.as_deref().map(|u| format!(" (<{u}>)")).unwrap_or_default();
            format!("\"{}\"{url}", md(&d.title))
        })
        .collect();
    let summary = inner_doc(&[format!("{}: {}", md(&api.name), md(api.summary.trim())), String::new()]);
    let example = doc_examples::inner_doc_verbatim(&doc_examples::module_example(api, crate_name), None);
    let source =
        inner_doc(&[String::new(), format!("Source: the {} documentation, {}.", md(&api.name), listed(&documents))]);
    quote! { #summary #example #source }
}

/// A vocabulary's enum is formatted in parts of this many variants, and the tests in pieces of
/// this many tests: at 10,000 values, each whole as one syntax tree, two at a time on two cores,
/// was most of the generator's peak memory.
const VALUES_PER_PART: usize = 500;

/// One file of an API's module, before formatting.
struct ApiFile<'a> {
    path: String,
    docs: TokenStream,
    pieces: Vec<Piece<'a>>,
}

/// An API's module in three files, one job each (as pbjson writes `.serde.rs` beside prost's
/// types): `src/<api>.rs`, the types and constants clients use; `src/<api>/serde_impls.rs`,
/// their serde impls; `src/<api>/tests.rs`, a test per example and pinned case.
fn api_files<'a>(api: &'a Api, crate_name: &str, values_per_part: usize) -> [ApiFile<'a>; 3] {
    let module = &api.module;
    let name = md(&api.name);
    [
        ApiFile {
            path: format!("src/{module}.rs"),
            docs: module_docs(api, crate_name),
            pieces: api_items(api, values_per_part),
        },
        ApiFile {
            path: format!("src/{module}/serde_impls.rs"),
            docs: inner_doc(&[format!(
                "serde's `Serialize` and `Deserialize` for the {name} body types, written out by the generator \
                 (no derive), so that the crate compiles no proc-macro."
            )]),
            pieces: serde_items(api),
        },
        ApiFile {
            path: format!("src/{module}/tests.rs"),
            docs: inner_doc(&[format!(
                "A test per {name} example (it round-trips and leads to its decision) and per pinned case."
            )]),
            pieces: tests::example_tests(api, values_per_part),
        },
    ]
}

/// The module's items, in the order they are printed, then its two child modules.
fn api_items(api: &Api, values_per_part: usize) -> Vec<Piece<'_>> {
    let mut pieces = vec![Piece::whole(|| enums::status_enum(api))];
    pieces.extend(api.vocabularies.iter().flat_map(|v| enums::vocabulary_enum(api, v, values_per_part)));
    pieces.extend(api.shapes.iter().map(|s| Piece::whole(move || quoted(shapes::shape_struct(api, s)))));
    pieces.extend(api.unions.iter().map(|u| Piece::whole(move || quoted(unions::union_enum(api, u)))));
    pieces.push(Piece::whole(|| {
        let roots: Vec<_> = api.roots().collect();
        quoted(shapes::error_response(api, serde_impls::decoding(&roots)))
    }));
    pieces.push(Piece::whole(|| quoted(items::headers(api))));
    pieces.push(Piece::whole(|| quoted(items::recovery(api))));
    pieces.push(Piece::whole(|| quoted(items::examples(api))));
    pieces.push(Piece::whole(|| {
        quoted(quote! {
            mod serde_impls;
            #[cfg(test)]
            mod tests;
        })
    }));
    pieces
}

/// The serde impls of every body struct and union, then of `ErrorResponse` when it is an enum of
/// formats.
fn serde_items(api: &Api) -> Vec<Piece<'_>> {
    let mut pieces: Vec<Piece<'_>> =
        api.shapes.iter().map(|s| Piece::whole(move || quoted(serde_impls::shape(api, s)))).collect();
    pieces.extend(api.unions.iter().map(|u| Piece::whole(move || quoted(unions::union_serde(u)))));
    let roots: Vec<&Shape> = api.roots().collect();
    match roots.as_slice() {
        &[list] if list.array => pieces.push(Piece::whole(move || quoted(serde_impls::error_response_list(list)))),
        [_] => {}
        _ => pieces.push(Piece::whole(move || quoted(serde_impls::error_response(api, &roots)))),
    }
    pieces
}

#[cfg(test)]
mod piecewise {
    use super::*;

    /// Formatting a file a piece at a time relies on prettyplease printing items one after
    /// another with nothing between them, and an item in parts on printing its variants or
    /// `impl` items one after another: for every API of the edge-case catalog, the pieces
    /// formatted apart must give the bytes of the same items formatted as one file, and the
    /// vocabularies in parts of three values the bytes of the vocabularies whole.
    #[test]
    fn pieces_format_to_the_bytes_of_the_whole_file() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/edge/spec");
        let catalog = crate::load(&dir, "spec").unwrap_or_else(|e| panic!("{}", crate::diagnostic::report(&e)));
        let mut parted = 0;
        for api in catalog.apis() {
            let (whole_files, parted_files) =
                (api_files(api, "edge_fixture", usize::MAX), api_files(api, "edge_fixture", 3));
            assert!(whole_files[0].pieces.len() > 5, "{} is formatted in pieces", api.id);
            for (file, parts) in whole_files.iter().zip(&parted_files) {
                assert!(file.pieces.iter().all(|piece| piece.part == Part::Whole));
                let docs = &file.docs;
                let whole: Vec<syn::Item> = file.pieces.iter().flat_map(|piece| (piece.make)().unwrap()).collect();
                let at_once =
                    format_tokens("whole", quote! { #![cfg_attr(rustfmt, rustfmt::skip)] #docs #(#whole)* }).unwrap();
                let piecewise = format_file("pieces", "", file.docs.clone(), &file.pieces).unwrap();
                let (_header, body) = piecewise.split_once("\n\n").unwrap();
                assert_eq!(body, at_once, "{}", file.path);

                parted += parts.pieces.iter().filter(|piece| piece.part == Part::Middle).count();
                assert_eq!(
                    format_file("pieces", "", parts.docs.clone(), &parts.pieces).unwrap(),
                    piecewise,
                    "{}",
                    file.path
                );
            }
        }
        assert!(parted > 10, "only {parted} middle parts: the catalog has too few values to test parts");
    }

    #[test]
    fn a_part_without_its_opening_or_closing_line_is_refused() {
        let trim = |part: Part, text: &str| part.trim(text).map(|trimmed| trimmed.into_owned());
        let some = |text: &str| Some(text.to_string());
        assert_eq!(trim(Part::Middle, "impl A {\n    fn f() {}\n}\n"), some("    fn f() {}\n"));
        assert_eq!(trim(Part::First, "impl A {\n    fn f() {}\n}\n"), some("impl A {\n    fn f() {}\n"));
        assert_eq!(trim(Part::Last, "enum A {\n    B,\n}\n"), some("    B,\n}\n"));
        assert_eq!(trim(Part::Whole, "enum A {}\n"), some("enum A {}\n"));
        // An empty part.
        assert_eq!(trim(Part::Last, "impl A {}\n"), some("}\n"));
        assert_eq!(trim(Part::Middle, "impl A {}\n"), some(""));
        assert_eq!(trim(Part::First, "impl A {}\n"), some("impl A {\n"));
        assert_eq!(trim(Part::Last, "const A: u8 = 1;\n"), None);
        assert_eq!(trim(Part::First, "enum A {\n    B,\n"), None);
        let parts: Vec<Part> = (0..4).map(|index| Part::of(index, 4)).collect();
        assert_eq!(parts, [Part::First, Part::Middle, Part::Middle, Part::Last]);
        assert_eq!(Part::of(0, 1), Part::Whole);
    }
}
