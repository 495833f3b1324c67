//! How a body is decoded into one of an API's formats: which members must be there, whether the
//! formats are read in one pass, and the same as data. A building block shared by the Rust
//! decoder (`rust::serde_impls`) and the recovery data (`recovery`), from which the other
//! languages' packages tell a documented body from another as the Rust decoder does.

use crate::resolved::{Api, Field, FieldType, Shape};
use serde_json::{json, Map, Value};

/// Does the field's Rust type carry `null` as `None`? (`any` carries it as `Value::Null`.)
pub fn holds_null(field: &Field) -> bool {
    field.nullable && field.ty != FieldType::Any
}

/// Does a format fit only when the member is there? (`model::must_be_present`.)
pub fn must_be_present(field: &Field) -> bool {
    crate::model::must_be_present(field.required, field.nullable, field.ty == FieldType::Any)
}

/// One member of the body, as the formats that declare it read it.
pub struct Member<'a> {
    pub wire: &'a str,
    pub ty: &'a FieldType,
    /// The Rust name of the first field that declares it, which names its variable.
    pub rust_name: &'a str,
}

/// The formats one pass decodes, and every member of them read once: `None` where one pass
/// cannot decode them: a member typed differently by two formats, which one pass cannot read
/// before it knows the format, or a format that keeps extension members (the members it does not
/// declare, other formats' included).
pub struct OnePass<'a> {
    /// The formats that can be chosen, in catalog order.
    pub roots: &'a [&'a Shape],
    pub members: Vec<Member<'a>>,
    /// The index in `members` of each field of each format.
    pub indices: Vec<Vec<usize>>,
}

/// How `roots`, in catalog order, are read in one pass, or `None` (see [`OnePass`]).
pub fn one_pass<'a>(roots: &'a [&'a Shape]) -> Option<OnePass<'a>> {
    // A plain-text format is read from a string, which a pass over an object's members is not.
    // (No format, of an API that documents no body, is no pass either.)
    if roots.is_empty() || roots.iter().any(|shape| shape.text.is_some()) {
        return None;
    }
    // A format with no member that must be there always fits: the ones after it are never chosen.
    let last = roots.iter().position(|shape| !shape.fields.iter().any(must_be_present)).unwrap_or(roots.len() - 1);
    let roots = &roots[..=last];
    if roots.iter().any(|shape| shape.extensions.is_some()) {
        return None;
    }
    let mut members: Vec<Member> = Vec::new();
    let mut indices: Vec<Vec<usize>> = Vec::new();
    for shape in roots {
        let mut shape_indices = Vec::new();
        for field in &shape.fields {
            let index = match members.iter().position(|m| m.wire == field.wire) {
                Some(index) if *members[index].ty != field.ty => return None,
                Some(index) => index,
                None => {
                    members.push(Member { wire: &field.wire, ty: &field.ty, rust_name: &field.rust_name });
                    members.len() - 1
                }
            };
            shape_indices.push(index);
        }
        indices.push(shape_indices);
    }
    Some(OnePass { roots, members, indices })
}

/// The body formats as data (`body` in `recovery/<api>.json`): how the formats are chosen, each
/// format's members (key, JSON type, required, nullable; `extensible` when it keeps the members
/// it does not declare) and each tagged union's variants by tag.
///
/// `decoding` is `one_pass` (every member of the formats read once, each present one of the type
/// its formats give it, then the first format whose members that must be there are, non-`null`),
/// `in_turn` (the first format that fits on its own) or `list` (an array whose every element fits
/// the one format); `formats` lists the formats that can be chosen, in catalog order. `text`,
/// where the API sends plain text, names the format of such bodies: a body that is no JSON object
/// is read as the JSON string of its text, which that format's own `text` types.
pub fn body_data(api: &Api) -> Value {
    let roots: Vec<&Shape> = api.roots().collect();
    let (decoding, formats): (&str, Vec<&Shape>) = match one_pass(&roots) {
        _ if api.list_body().is_some() => ("list", roots.clone()),
        Some(pass) if roots.len() > 1 => ("one_pass", pass.roots.to_vec()),
        _ => ("in_turn", roots.clone()),
    };
    let shapes: Map<String, Value> = api
        .shapes
        .iter()
        .map(|shape| {
            let fields: Vec<Value> = shape
                .fields
                .iter()
                .map(|field| {
                    json!({
                        "key": field.wire,
                        "type": type_data(api, &field.ty),
                        "required": field.required,
                        "nullable": field.nullable,
                    })
                })
                .collect();
            let mut data = json!({ "fields": fields, "extensible": shape.extensions.is_some() });
            if let Some(text) = &shape.text {
                data["text"] = type_data(api, &text.ty);
            }
            (shape.name.clone(), data)
        })
        .collect();
    let unions: Map<String, Value> = api
        .unions
        .iter()
        .map(|union| {
            let variants: Map<String, Value> =
                union.variants.iter().map(|v| (v.tag.clone(), json!(api[v.shape].name))).collect();
            (union.name.clone(), json!({ "tag": union.tag, "variants": variants }))
        })
        .collect();
    let mut data = json!({
        "decoding": decoding,
        "formats": formats.iter().map(|shape| shape.name.as_str()).collect::<Vec<_>>(),
        "shapes": shapes,
        "unions": unions,
    });
    if let Some(text) = api.text_body() {
        data["text"] = json!(text.name);
    }
    data
}

/// A member's type as data: its JSON type (a vocabulary's values' own), or the shape, union,
/// array or map it is.
fn type_data(api: &Api, ty: &FieldType) -> Value {
    match ty {
        FieldType::Object(id) => json!({ "object": api[*id].name }),
        FieldType::Union(id) => json!({ "union": api[*id].name }),
        FieldType::Array(inner) => json!({ "array": type_data(api, inner) }),
        FieldType::Map(inner) => json!({ "map": type_data(api, inner) }),
        scalar => json!(scalar.json_name(api)),
    }
}
