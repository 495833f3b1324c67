//! Bodies a page outlines rather than shows (see [`crate::page::outline`]): Finqware's
//! `{"type": String, "http": Integer, ...}`, a TypeScript interface, and blocks that give the
//! values a member may take (`"code": "missing_fields" | "invalid_field"`). The members become a
//! body's, typed as outlined; a code-like member's values a vocabulary's, each with the statuses
//! the block's status member gives (one value in one block is a constant, not a code).

use super::{bodies, names, Drafter};
use crate::model::{Field, FieldType, Shape, Vocabulary, VocabularyValue};
use crate::page::{OutlineMember, Outlined};
use serde_json::Value;
use std::collections::BTreeMap;

impl Drafter<'_> {
    /// Every outlined block of the page, in order: its members a root body's (the root that has
    /// most of them, or a new one where there is no root yet), its listed values a vocabulary's.
    pub(super) fn outlined_blocks(&mut self) {
        let page = self.page;
        // (Each section's outlined blocks, read once.)
        let outlines: Vec<(usize, &crate::page::CodeBlock, Outlined)> = (page.sections.iter().enumerate())
            .flat_map(|(index, section)| section.code_blocks.iter().map(move |block| (index, block)))
            .filter_map(|(index, block)| Some((index, block, block.outline()?)))
            .collect();
        // How many outlined blocks give each member a value: one value in the one block that
        // gives any is a constant (TDLib's `"@type": "error"`), not a code.
        let mut giving: BTreeMap<String, usize> = BTreeMap::new();
        for (_, _, outlined) in &outlines {
            for member in outlined.members().iter().filter(|m| m.value.iter().any(|v| code_value(v).is_some())) {
                *giving.entry(member.name.clone()).or_default() += 1;
            }
        }
        for (index, block, outlined) in &outlines {
            let (index, section) = (*index, &page.sections[*index]);
            let source = self.section_ids[index].clone();
            let members = outlined.members();
            let shares = |b: &usize| {
                let fields = &self.bodies[*b].fields;
                members.iter().filter(|m| fields.iter().any(|f| f.name == m.name)).count()
            };
            let roots = (0..self.bodies.len()).filter(|&b| self.bodies[b].root);
            let root = match roots.max_by_key(shares) {
                Some(root) if shares(&root) > 0 => root,
                Some(_) => continue,
                None => {
                    let name = self.fresh_body_name(&names::body_name(&section.heading, true));
                    let described = format!("The body the page outlines under {}.", section.heading.join(" › "));
                    self.bodies.push(bodies::drafted_root(name, described, Vec::new(), &source));
                    self.bodies.len() - 1
                }
            };
            self.outline_members(root, members, &source);
            self.outline_values(root, members, &source, &giving);
            self.unplaced.retain(|unplaced| !unplaced.contains(&format!("(line {})", block.line)));
        }
    }

    /// `members` as fields of body `b`: those it lacks added, typed as outlined; an object's
    /// members a shape of their own.
    fn outline_members(&mut self, b: usize, members: &[OutlineMember], source: &str) {
        for member in members {
            let known = self.bodies[b].fields.iter().position(|f| f.name == member.name);
            // (Objects one or another, App Store Connect's `source: JsonPointer | Parameter`: the
            // members of each, each sent only sometimes.)
            let objects: Vec<&[OutlineMember]> = member.value.iter().filter_map(object_of).collect();
            let object: Option<Vec<OutlineMember>> = match objects.as_slice() {
                [] => None,
                [one] => Some(one.to_vec()),
                several => {
                    let mut merged: Vec<OutlineMember> = Vec::new();
                    for held in several.iter().flat_map(|members| members.iter()) {
                        if !merged.iter().any(|m| m.name == held.name) {
                            merged.push(OutlineMember { optional: true, ..held.clone() });
                        }
                    }
                    Some(merged)
                }
            };
            let ty = match (object, known) {
                (Some(held), known) => {
                    // (The object's shape: the one the field holds, or a new one.)
                    let shape = known
                        .and_then(|f| match self.bodies[b].fields[f].ty.values() {
                            FieldType::Object(shape) => self.shape_index(shape),
                            _ => None,
                        })
                        .unwrap_or_else(|| {
                            let name = self.fresh_body_name(&names::singular(&names::pascal(&member.name)));
                            let described = format!("The object under `{}`, as the page outlines it.", member.name);
                            self.bodies.push(Shape {
                                name,
                                description: described,
                                source: source.to_string(),
                                inferred: vec!["description".into()],
                                ..Shape::default()
                            });
                            self.bodies.len() - 1
                        });
                    self.outline_members(shape, &held, source);
                    let object = FieldType::Object(self.bodies[shape].name.clone());
                    if member.value.iter().any(|v| matches!(v, Outlined::List(_))) {
                        FieldType::Array(Box::new(object))
                    } else {
                        object
                    }
                }
                (None, Some(_)) => continue,
                (None, None) => outlined_type(&member.value),
            };
            match known {
                Some(f) => self.bodies[b].fields[f].ty = ty,
                None => self.bodies[b].fields.push(Field {
                    name: member.name.clone(),
                    ty,
                    required: !member.optional,
                    description: (member.description.clone())
                        .unwrap_or_else(|| format!("`{}`, as the page outlines it", member.name)),
                    source: source.to_string(),
                    inferred: if member.description.is_some() { Vec::new() } else { vec!["description".into()] },
                    ..bodies::field()
                }),
            }
        }
    }

    /// The values the outline gives code-like members of body `b` (text, without spaces): a
    /// vocabulary's, each with the statuses the outline's status member gives (`"http": 400 |
    /// 404`), the member typed by it.
    fn outline_values(&mut self, b: usize, members: &[OutlineMember], source: &str, giving: &BTreeMap<String, usize>) {
        let statuses: Vec<u16> = members
            .iter()
            .filter(|m| super::examples::named_for_the_status(&m.name))
            .flat_map(|m| m.value.iter().filter_map(literal_status))
            .collect();
        for code in &statuses {
            self.ensure_status(*code, source);
        }
        for member in members.iter().filter(|m| bodies::code_like(&m.name)) {
            let values: Vec<&str> = member.value.iter().filter_map(code_value).collect();
            let Some(f) = self.bodies[b].fields.iter().position(|f| f.name == member.name) else { continue };
            let constant = values.len() == 1 && giving.get(&member.name).copied().unwrap_or_default() <= 1;
            if values.is_empty() || constant {
                continue;
            }
            let name = match &self.bodies[b].fields[f].ty {
                FieldType::Vocabulary(name) => name.clone(),
                _ => {
                    // (Named as a table's code column names its vocabulary: `ErrorCode` of `code`.)
                    let pascal = names::pascal(&member.name);
                    let named = if pascal.starts_with("Error") { pascal } else { format!("Error{pascal}") };
                    let name = names::vocabulary_name(&[named], |n| self.type_name_taken(n));
                    self.vocabularies.push(Vocabulary {
                        name: name.clone(),
                        description: format!("The values the page outlines for `{}`.", member.name),
                        source: source.to_string(),
                        ..Vocabulary::default()
                    });
                    self.bodies[b].fields[f].ty = FieldType::Vocabulary(name.clone());
                    name
                }
            };
            let Some(vocabulary) = self.vocabularies.iter_mut().find(|v| v.name == name) else { continue };
            for value in values {
                match vocabulary.values.iter_mut().find(|x| x.value == value) {
                    Some(known) => {
                        let more: Vec<u16> = statuses.iter().copied().filter(|s| !known.statuses.contains(s)).collect();
                        known.statuses.extend(more);
                    }
                    None => vocabulary.values.push(VocabularyValue {
                        value: value.to_string(),
                        statuses: statuses.clone(),
                        source: source.to_string(),
                        ..VocabularyValue::default()
                    }),
                }
            }
        }
    }
}

/// The members of the object an outlined value is, or of its list's elements.
fn object_of(outlined: &Outlined) -> Option<&[OutlineMember]> {
    match outlined {
        Outlined::Object(members) => Some(members),
        Outlined::List(element) => object_of(element),
        _ => None,
    }
}

/// The JSON type of what a member holds, as outlined: a type's name (`String`, `integer`), the
/// type of the values written, a list of either; any JSON value where the alternatives differ.
fn outlined_type(value: &[Outlined]) -> FieldType {
    let one = |outlined: &Outlined| -> FieldType {
        match outlined {
            Outlined::Type(word) => super::cells::type_cell(word).map_or(FieldType::Any, |cell| cell.ty),
            Outlined::Literal(Value::String(_)) => FieldType::String,
            Outlined::Literal(Value::Number(n)) if n.is_i64() || n.is_u64() => FieldType::Integer,
            Outlined::Literal(Value::Number(_)) => FieldType::Number,
            Outlined::Literal(Value::Bool(_)) => FieldType::Boolean,
            Outlined::List(element) => FieldType::Array(Box::new(outlined_type(std::slice::from_ref(element)))),
            _ => FieldType::Any,
        }
    };
    let mut types = value.iter().map(one);
    let first = types.next().unwrap_or(FieldType::Any);
    if types.all(|ty| ty == first) {
        first
    } else {
        FieldType::Any
    }
}

/// A status an outlined value writes (`404`).
fn literal_status(outlined: &Outlined) -> Option<u16> {
    match outlined {
        Outlined::Literal(Value::Number(n)) => {
            n.as_u64().and_then(|n| u16::try_from(n).ok()).filter(|n| (100..=599).contains(n))
        }
        _ => None,
    }
}

/// A code an outlined value writes: text without spaces.
fn code_value(outlined: &Outlined) -> Option<&str> {
    match outlined {
        Outlined::Literal(Value::String(text)) if !text.is_empty() && !text.contains(char::is_whitespace) => Some(text),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::outlined_type;
    use crate::model::FieldType;
    use crate::page::Outlined;
    use serde_json::json;

    #[test]
    fn an_outlined_member_is_typed_by_what_it_holds() {
        assert_eq!(outlined_type(&[Outlined::Type("String".into())]), FieldType::String);
        assert_eq!(outlined_type(&[Outlined::Literal(json!(400)), Outlined::Literal(json!(404))]), FieldType::Integer);
        assert_eq!(outlined_type(&[Outlined::Literal(json!(1)), Outlined::Literal(json!("a"))]), FieldType::Any);
        let list = Outlined::List(Box::new(Outlined::Type("string".into())));
        assert_eq!(outlined_type(&[list]), FieldType::Array(Box::new(FieldType::String)));
        assert_eq!(outlined_type(&[Outlined::Type("Detail".into())]), FieldType::Any, "a type the page names");
    }
}
