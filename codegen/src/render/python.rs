//! The Python package's per-API modules (`packages/python/src/api_error_catalog/apis/`): each
//! API's `API` (its recovery data, shipped beside the module as JSON), its vocabularies as
//! enums for matching and its body formats as `TypedDict`s, which `ApiError.body` holds when the
//! body is one of them. The package's hand-written part reads a response and decides from the
//! data, as the Rust runtime does; nothing here decides.

use super::decoding::must_be_present;
use super::text::{one_line, quoted, sentence};
use super::GENERATE_COMMAND;
use crate::model::VocabularyType;
use crate::names::constant_name;
use crate::resolved::{Api, Catalog, FieldType, Shape, Union, Vocabulary};
use std::fmt::Write;

/// Where the per-API modules go, under the packages' directory.
pub const DIR: &str = "python/src/api_error_catalog/apis";

/// `apis/<id>.py`.
pub fn module_path(api: &Api) -> String {
    format!("{DIR}/{}.py", module_name(&api.id))
}

/// `apis/<id>.json`: the recovery data the module loads.
pub fn data_path(api: &Api) -> String {
    format!("{DIR}/{}.json", api.id)
}

/// The module of one API.
pub fn render_module(api: &Api) -> String {
    let mut out = header(&api.file);
    let _ = writeln!(out, "\"\"\"{}: {}\"\"\"\n", docstring(&api.name), docstring(&api.summary));
    // Modules by private names: an API's own types may be called anything, `Api` or `Enum`.
    out.push_str("from __future__ import annotations\n\nimport enum as _enum\nimport typing as _typing\n\n");
    out.push_str("from .. import catalog as _catalog\n\n");
    let _ = writeln!(
        out,
        "#: The error catalog of {}: `API.read(status, headers, body)`, then `.recovery()`.",
        one_line(&api.name)
    );
    let _ =
        writeln!(out, "API: _typing.Final[_catalog.Api[ErrorResponse]] = _catalog.Api.packaged({})", quoted(&api.id));
    for vocabulary in &api.vocabularies {
        out.push_str("\n\n");
        render_vocabulary(&mut out, vocabulary);
    }
    // Each format a `TypedDict` of the functional form, whose keys may be any text; its types are
    // strings, so that a format may name one defined after it.
    for shape in &api.shapes {
        out.push('\n');
        render_shape(&mut out, api, shape);
    }
    for union in &api.unions {
        out.push('\n');
        render_union(&mut out, api, union);
    }
    let roots: Vec<&str> = api.roots().map(|shape| shape.name.as_str()).collect();
    match api.list_body() {
        Some(list) => {
            let _ = writeln!(out, "\n#: Any error body of {}: a list of its errors.", one_line(&api.name));
            let _ = writeln!(out, "ErrorResponse: _typing.TypeAlias = {}", quoted(&format!("list[{}]", list.name)));
        }
        // (No body documented: no value is one, and a body is never read as one.)
        None if roots.is_empty() => {
            let _ = writeln!(out, "\n#: Any error body of {}: it documents none.", one_line(&api.name));
            let _ = writeln!(out, "ErrorResponse: _typing.TypeAlias = {}", quoted("_typing.Never"));
        }
        None => {
            let _ = writeln!(out, "\n#: Any error body of {}: one of its documented formats.", one_line(&api.name));
            let _ = writeln!(out, "ErrorResponse: _typing.TypeAlias = {}", quoted(&roots.join(" | ")));
        }
    }
    out
}

/// A body format (a plain-text body: its text's type): a member that must be there is required; an optional one, or one that may be
/// `null`, may be left out or `null` (as the decoder reads them). Members the catalog does not
/// list may come too.
fn render_shape(out: &mut String, api: &Api, shape: &Shape) {
    let _ = writeln!(out, "#: {}", one_line(&sentence(&shape.description)));
    if let Some(text) = &shape.text {
        // A plain-text body: the text, as a JSON string of it.
        let _ = writeln!(out, "{}: _typing.TypeAlias = {}", shape.name, quoted(&type_of(api, &text.ty)));
        return;
    }
    let _ = writeln!(out, "{0} = _typing.TypedDict(\n    {1},\n    {{", shape.name, quoted(&shape.name));
    for field in &shape.fields {
        let ty = type_of(api, &field.ty);
        let ty = match must_be_present(field) {
            true => ty,
            false if field.ty == FieldType::Any => format!("_typing.NotRequired[{ty}]"),
            false => format!("_typing.NotRequired[{ty} | None]"),
        };
        let _ = writeln!(out, "        {}: {},", quoted(&field.wire), quoted(&ty));
    }
    out.push_str("    },\n)\n");
}

/// A tagged union: each listed shape, or an object of another tag, as it came.
fn render_union(out: &mut String, api: &Api, union: &Union) {
    let _ = writeln!(out, "#: {} Told apart by `{}`.", one_line(&sentence(&union.description)), one_line(&union.tag));
    let mut branches: Vec<&str> = union.variants.iter().map(|v| api[v.shape].name.as_str()).collect();
    branches.push("dict[str, object]");
    let _ = writeln!(out, "{}: _typing.TypeAlias = {}", union.name, quoted(&branches.join(" | ")));
}

/// A member's Python type (an open vocabulary's: any value of its JSON type).
fn type_of(api: &Api, ty: &FieldType) -> String {
    match ty {
        FieldType::String => "str".into(),
        FieldType::Integer => "int".into(),
        FieldType::Number => "float".into(),
        FieldType::Boolean => "bool".into(),
        FieldType::Any => "object".into(),
        FieldType::Vocabulary(id) => match api[*id].wire_type {
            VocabularyType::String => "str".into(),
            VocabularyType::Integer => "int".into(),
        },
        FieldType::Object(id) => api[*id].name.clone(),
        FieldType::Union(id) => api[*id].name.clone(),
        FieldType::Array(inner) => format!("list[{}]", type_of(api, inner)),
        FieldType::Map(inner) => format!("dict[str, {}]", type_of(api, inner)),
    }
}

fn render_vocabulary(out: &mut String, vocabulary: &Vocabulary) {
    let base = match vocabulary.wire_type {
        VocabularyType::String => "str, _enum.Enum",
        VocabularyType::Integer => "_enum.IntEnum",
    };
    let _ = writeln!(out, "class {}({base}):", vocabulary.name);
    let _ = writeln!(
        out,
        "    \"\"\"{} The values the catalog knows; a response may send others, which `ApiError` keeps as sent.\"\"\"\n",
        docstring(&sentence(&vocabulary.description))
    );
    for value in &vocabulary.values {
        let name = constant_name(&value.variant);
        let wire = match value.code {
            Some(code) => code.to_string(),
            None => quoted(&value.wire),
        };
        let _ = writeln!(out, "    {name} = {wire}");
    }
}

/// `apis/__init__.py`: every API's module, by id.
pub fn render_index(catalog: &Catalog) -> String {
    let mut out = header(catalog.dir());
    out.push_str("\"\"\"The APIs of the catalog, one module each.\"\"\"\n\n");
    let ids: Vec<String> = catalog.apis().iter().map(|api| module_name(&api.id)).collect();
    let _ = writeln!(out, "from . import {}\n", ids.join(", "));
    let _ = writeln!(out, "__all__ = [{}]", ids.iter().map(|id| quoted(id)).collect::<Vec<_>>().join(", "));
    out
}

/// Python's hard keywords: an API of such an id cannot be imported by it.
const KEYWORDS: &[&str] = &[
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
    "return", "try", "while", "with", "yield",
];

/// The module of an API: its id, with `_` after a keyword (`class_`), as PEP 8 has it.
pub fn module_name(id: &str) -> String {
    if KEYWORDS.contains(&id) {
        format!("{id}_")
    } else {
        id.to_owned()
    }
}

fn header(source: &str) -> String {
    format!("# Generated by `{GENERATE_COMMAND}` from {source}. Do not edit by hand.\n")
}

/// Text inside a triple-quoted docstring: no backslash or quote can end it early.
fn docstring(text: &str) -> String {
    let text = text.replace('\\', "\\\\").replace('"', "\\\"").replace(['\n', '\r'], " ");
    text.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::module_name;

    #[test]
    fn an_api_named_like_a_keyword_gets_a_module_python_can_import() {
        assert_eq!(module_name("class"), "class_");
        assert_eq!(module_name("async"), "async_");
        // Soft keywords are names like any other.
        assert_eq!(module_name("match"), "match");
        assert_eq!(module_name("billing"), "billing");
    }
}
