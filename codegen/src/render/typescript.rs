//! The TypeScript package's per-API modules (`packages/typescript/src/apis/`, with their
//! declarations in `types/apis/`): each API's `API` (its recovery data) and its vocabularies as
//! frozen objects with a union type each; the declarations also type its body formats, which
//! `ApiError.body` holds when the body is one of them. The package's hand-written part reads a
//! response and decides from the data, as the Rust runtime does; nothing here decides.

use super::decoding::must_be_present;
use super::text::{one_line, quoted, sentence};
use super::GENERATE_COMMAND;
use crate::model::VocabularyType;
use crate::names::constant_name;
use crate::resolved::{Api, Catalog, FieldType, Shape, Union, Vocabulary};
use std::fmt::Write;

/// Where the per-API modules go, under the packages' directory.
pub const DIR: &str = "typescript/src/apis";
/// Where their declarations go.
pub const TYPES_DIR: &str = "typescript/types/apis";

/// `src/apis/<id>.js`.
pub fn module_path(api: &Api) -> String {
    format!("{DIR}/{}.js", api.id)
}

/// `types/apis/<id>.d.ts`.
pub fn declarations_path(api: &Api) -> String {
    format!("{TYPES_DIR}/{}.d.ts", api.id)
}

/// The module of one API, holding `recovery_data` (the API's `generated/recovery` document).
pub fn render_module(api: &Api, recovery_data: &serde_json::Value) -> String {
    let mut out = header(&api.file);
    let _ = writeln!(out, "// {}: {}\n", one_line(&api.name), one_line(&api.summary));
    // By the module's name: an API's own types may be called anything, `Api` included.
    out.push_str("import * as catalog from \"../catalog.js\";\n\n");
    let _ = writeln!(out, "{}", api_doc(api));
    out.push_str("export const API = new catalog.Api(");
    literal(&mut out, recovery_data, 0);
    out.push_str(");\n");
    for vocabulary in &api.vocabularies {
        out.push('\n');
        let _ = writeln!(out, "{}", doc(&vocabulary_doc(vocabulary)));
        let _ = writeln!(out, "export const {} = Object.freeze({{", vocabulary.name);
        for (name, wire) in members(vocabulary) {
            let _ = writeln!(out, "  {name}: {wire},");
        }
        out.push_str("});\n");
    }
    out
}

/// The declarations of one API's module.
pub fn render_declarations(api: &Api) -> String {
    let mut out = header(&api.file);
    out.push_str("import type * as catalog from \"../catalog.js\";\n\n");
    let _ = writeln!(out, "{}", api_doc(api));
    out.push_str("export declare const API: catalog.Api<ErrorResponse>;\n");
    for vocabulary in &api.vocabularies {
        let name = &vocabulary.name;
        out.push('\n');
        let _ = writeln!(out, "{}", doc(&vocabulary_doc(vocabulary)));
        let _ = writeln!(out, "export declare const {name}: Readonly<{{");
        for (member, wire) in members(vocabulary) {
            let _ = writeln!(out, "  {member}: {wire};");
        }
        out.push_str("}>;\n");
        let _ = writeln!(out, "{}", doc(&format!("One of the values of `{name}`.")));
        let _ = writeln!(out, "export type {name} = (typeof {name})[keyof typeof {name}];");
    }
    let roots: Vec<&str> = api.roots().map(|shape| shape.name.as_str()).collect();
    out.push('\n');
    match api.list_body() {
        Some(list) => {
            let _ =
                writeln!(out, "{}", doc(&format!("Any error body of {}: a list of its errors.", one_line(&api.name))));
            let _ = writeln!(out, "export type ErrorResponse = {}[];", list.name);
        }
        // (No body documented: no value is one, and a body is never read as one.)
        None if roots.is_empty() => {
            let line = format!("Any error body of {}: it documents none.", one_line(&api.name));
            let _ = writeln!(out, "{}", doc(&line));
            out.push_str("export type ErrorResponse = never;\n");
        }
        None => {
            let line = format!("Any error body of {}: one of its documented formats.", one_line(&api.name));
            let _ = writeln!(out, "{}", doc(&line));
            let _ = writeln!(out, "export type ErrorResponse = {};", roots.join(" | "));
        }
    }
    for shape in &api.shapes {
        out.push('\n');
        render_shape(&mut out, api, shape);
    }
    for union in &api.unions {
        out.push('\n');
        render_union(&mut out, api, union);
    }
    out
}

/// A body format as an interface (a plain-text body: its text's type): a member that must be there is required; an optional one, or
/// one that may be `null`, may be left out or `null` (as the decoder reads them).
fn render_shape(out: &mut String, api: &Api, shape: &Shape) {
    let _ = writeln!(out, "{}", doc(&shape.description));
    if let Some(text) = &shape.text {
        // A plain-text body: the text, as a JSON string of it.
        let _ = writeln!(out, "export type {} = {};", shape.name, type_of(api, &text.ty));
        return;
    }
    let _ = writeln!(out, "export interface {} {{", shape.name);
    for field in &shape.fields {
        if !field.description.trim().is_empty() {
            let _ = writeln!(out, "  {}", doc(&field.description));
        }
        let ty = type_of(api, &field.ty);
        let key = quoted(&field.wire);
        match must_be_present(field) {
            true => {
                let _ = writeln!(out, "  {key}: {ty};");
            }
            false if field.ty == FieldType::Any => {
                let _ = writeln!(out, "  {key}?: {ty};");
            }
            false => {
                let _ = writeln!(out, "  {key}?: {ty} | null;");
            }
        }
    }
    if shape.extensions.is_some() {
        out.push_str("  /** Members the catalog does not list, as they came. */\n");
        out.push_str("  [member: string]: unknown;\n");
    }
    out.push_str("}\n");
}

/// A tagged union: each listed shape with its tag, or an object of another tag, as it came.
fn render_union(out: &mut String, api: &Api, union: &Union) {
    let _ = writeln!(out, "{}", doc(&union.description));
    let _ = write!(out, "export type {} =", union.name);
    for variant in &union.variants {
        let _ =
            write!(out, "\n  | ({} & {{ {}: {} }})", api[variant.shape].name, quoted(&union.tag), quoted(&variant.tag));
    }
    out.push_str("\n  | { [member: string]: unknown };\n");
}

/// A member's TypeScript type. An open vocabulary takes any value of its JSON type beside the
/// ones it lists; integers past 2^53 come as `bigint`, so that no digit is lost.
fn type_of(api: &Api, ty: &FieldType) -> String {
    match ty {
        FieldType::String => "string".into(),
        FieldType::Integer | FieldType::Number => "number | bigint".into(),
        FieldType::Boolean => "boolean".into(),
        FieldType::Any => "unknown".into(),
        FieldType::Vocabulary(id) => match api[*id].wire_type {
            VocabularyType::String => format!("{} | (string & {{}})", api[*id].name),
            VocabularyType::Integer => format!("{} | (number & {{}}) | bigint", api[*id].name),
        },
        FieldType::Object(id) => api[*id].name.clone(),
        FieldType::Union(id) => api[*id].name.clone(),
        FieldType::Array(inner) => format!("Array<{}>", type_of(api, inner)),
        FieldType::Map(inner) => format!("{{ [key: string]: {} }}", type_of(api, inner)),
    }
}

/// `src/apis/index.js` and `types/apis/index.d.ts` alike: every API's module, by id.
pub fn render_index(catalog: &Catalog) -> String {
    let mut out = header(catalog.dir());
    out.push_str("// The APIs of the catalog, one module each.\n\n");
    for api in catalog.apis() {
        let _ = writeln!(out, "export * as {0} from \"./{0}.js\";", api.id);
    }
    out
}

fn header(source: &str) -> String {
    format!("// Generated by `{GENERATE_COMMAND}` from {source}. Do not edit by hand.\n")
}

fn api_doc(api: &Api) -> String {
    doc(&format!(
        "The error catalog of {}: `API.read(status, headers, body)`, then `.recovery()`.",
        one_line(&api.name)
    ))
}

fn vocabulary_doc(vocabulary: &Vocabulary) -> String {
    format!(
        "{} The values the catalog knows; a response may send others, which `ApiError` keeps as sent.",
        sentence(&vocabulary.description)
    )
}

/// Each value's constant name and its literal: the wire string, or the integer code.
fn members(vocabulary: &Vocabulary) -> impl Iterator<Item = (String, String)> + '_ {
    vocabulary.values.iter().map(|value| {
        let wire = match value.code {
            Some(code) => code.to_string(),
            None => quoted(&value.wire),
        };
        (constant_name(&value.variant), wire)
    })
}

/// `value` as a JavaScript literal, indented as JSON is: JSON's own text, but for a `__proto__`
/// key (one may come from an example body), which an object literal would take as its
/// prototype and a computed key keeps as data.
fn literal(out: &mut String, value: &serde_json::Value, depth: usize) {
    use serde_json::Value;
    let indent = |out: &mut String, depth: usize| out.extend(std::iter::repeat_n("  ", depth));
    match value {
        Value::Array(items) if !items.is_empty() => {
            out.push_str("[\n");
            for (index, item) in items.iter().enumerate() {
                indent(out, depth + 1);
                literal(out, item, depth + 1);
                out.push_str(if index + 1 < items.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push(']');
        }
        Value::Object(members) if !members.is_empty() => {
            out.push_str("{\n");
            for (index, (key, member)) in members.iter().enumerate() {
                indent(out, depth + 1);
                if key == "__proto__" {
                    let _ = write!(out, "[{}]: ", quoted(key));
                } else {
                    let _ = write!(out, "{}: ", quoted(key));
                }
                literal(out, member, depth + 1);
                out.push_str(if index + 1 < members.len() { ",\n" } else { "\n" });
            }
            indent(out, depth);
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// A one-line JSDoc comment that no `*/` in the text can end early.
fn doc(text: &str) -> String {
    format!("/** {} */", one_line(text).replace("*/", "*\\/"))
}
