//! Members defined by a nested list, as API references generated from OpenAPI write a model
//! (Sweuze's `ErrorResponse`): an item per member, its name alone, with items below it that give
//! its type (`Type: string`), say `required`, and say what it is; the members of an object, or
//! of a list of objects, are items below those.

use super::is_member_word;
use crate::draft::cells::type_cell;
use crate::draft::{bodies, names, Drafter};
use crate::model::{Field, FieldType};

/// A member as the list defines it.
#[derive(Debug, PartialEq)]
struct Listed<'p> {
    name: &'p str,
    /// The JSON type its `Type:` item gives (of its elements, for a list); `any` without one.
    ty: FieldType,
    /// The `Type:` item says it is a list (`array object[]`, `string[]`).
    list: bool,
    required: bool,
    description: &'p str,
    /// The members of its object (or of its elements' objects).
    members: Vec<Listed<'p>>,
}

/// The items of one nested list (each with how deep it is), read as members: an item whose
/// text is a member's name, and whose items one level down give its type or say it is required.
fn listed_members<'p>(items: &[(usize, &'p str)]) -> Vec<Listed<'p>> {
    let mut members = Vec::new();
    let mut at = 0;
    while at < items.len() {
        let (depth, name) = items[at];
        // The items below this one: those deeper, up to the next at its depth or above.
        let below = items[at + 1..].iter().take_while(|(d, _)| *d > depth).count();
        let under = &items[at + 1..at + 1 + below];
        at += 1 + below;
        // (Its own items are one level down; the deeper ones are theirs.)
        let own: Vec<&str> = under.iter().filter(|(d, _)| *d == depth + 1).map(|(_, text)| *text).collect();
        let typed = own.iter().find_map(|item| item.strip_prefix("Type:")).map(str::trim);
        let required = own.iter().any(|item| item.eq_ignore_ascii_case("required"));
        if !is_member_word(name) || (typed.is_none() && !required) {
            continue;
        }
        let said = |item: &&str| !item.starts_with("Type:") && !item.eq_ignore_ascii_case("required");
        let description = own.iter().find(|item| said(item) && !is_member_word(item)).copied().unwrap_or_default();
        let (ty, list) = typed.map_or((FieldType::Any, false), listed_type);
        members.push(Listed { name, ty, list, required, description, members: listed_members(under) });
    }
    members
}

/// The type a `Type:` item gives, and whether it is a list: `string`; `array object[] ·
/// FieldViolation[]` (a list of objects); `string[]`.
fn listed_type(typed: &str) -> (FieldType, bool) {
    let mut words = typed.split_whitespace();
    let first = words.next().unwrap_or_default();
    let (first, list) = match first.strip_suffix("[]") {
        Some(element) => (element, true),
        None if first.eq_ignore_ascii_case("array") => {
            let element = words.next().map_or("", |w| w.trim_end_matches("[]"));
            (element, true)
        }
        None => (first, false),
    };
    let ty = type_cell(first).map_or(FieldType::Any, |cell| cell.ty);
    (ty, list)
}

impl Drafter<'_> {
    /// Bodies a section's nested list defines, where the page shows no body: a root body of the
    /// list's members, and a shape for the members of each object among them.
    pub(in crate::draft) fn model_lists(&mut self) {
        if !self.bodies.is_empty() {
            return;
        }
        let page = self.page;
        for (index, section) in page.sections.iter().enumerate() {
            let depth = |line: usize| section.prose_depths.get(line).copied().unwrap_or(0);
            let items: Vec<(usize, &str)> = (section.prose.iter().enumerate())
                .filter(|&(line, _)| depth(line) > 0)
                .map(|(line, text)| (depth(line), text.as_str()))
                .collect();
            let members = listed_members(&items);
            if members.is_empty() {
                continue;
            }
            let source = self.section_ids[index].clone();
            let name = self.fresh_body_name(&names::body_name(&section.heading, true));
            let fields = self.listed_fields(&members, &source);
            let described = format!("The body the page describes under {}.", section.heading.join(" › "));
            self.bodies.push(bodies::drafted_root(name, described, fields, &source));
            return;
        }
    }

    /// The fields of `members`, each object's members a shape of its own (named after it).
    fn listed_fields(&mut self, members: &[Listed<'_>], source: &str) -> Vec<Field> {
        let mut fields = Vec::new();
        for member in members {
            let ty = match member.members.is_empty() {
                true => member.ty.clone(),
                false => {
                    let shape = self.fresh_body_name(&names::singular(&names::pascal(member.name)));
                    let held = self.listed_fields(&member.members, source);
                    let described = format!("The object under `{}`, as the page lists its members.", member.name);
                    let body = crate::model::Shape {
                        name: shape.clone(),
                        description: described,
                        fields: held,
                        source: source.to_string(),
                        inferred: vec!["description".into()],
                        ..crate::model::Shape::default()
                    };
                    self.bodies.push(body);
                    FieldType::Object(shape)
                }
            };
            fields.push(Field {
                name: member.name.to_string(),
                ty: if member.list { FieldType::Array(Box::new(ty)) } else { ty },
                required: member.required,
                description: member.description.to_string(),
                source: source.to_string(),
                ..bodies::field()
            });
        }
        fields
    }
}

#[cfg(test)]
mod tests {
    use super::{listed_members, listed_type, Listed};
    use crate::model::FieldType;

    #[test]
    fn a_nested_list_defines_members_and_the_members_of_their_objects() {
        let items = [
            (1, "message"),
            (2, "Type: string"),
            (2, "required"),
            (2, "What went wrong"),
            (1, "code"),
            (2, "Type: string"),
            (1, "fields"),
            (2, "Type: array object[] · FieldViolation[]"),
            (2, "Fields that failed"),
            (2, "path"),
            (3, "Type: string"),
            (3, "required"),
            (1, "A sentence"),
        ];
        let members = listed_members(&items);
        let names: Vec<(&str, bool, bool)> = members.iter().map(|m| (m.name, m.required, m.list)).collect();
        assert_eq!(names, [("message", true, false), ("code", false, false), ("fields", false, true)]);
        assert_eq!((members[0].ty.clone(), members[0].description), (FieldType::String, "What went wrong"));
        let path = Listed {
            name: "path",
            ty: FieldType::String,
            list: false,
            required: true,
            description: "",
            members: Vec::new(),
        };
        assert_eq!(members[2].members, [path]);
        assert_eq!(members[2].description, "Fields that failed");
        assert_eq!(listed_type("string[]"), (FieldType::String, true));
        assert_eq!(listed_type("integer"), (FieldType::Integer, false));
    }
}
