//! Statuses, vocabularies, bodies, headers and retry rules: names, references and the rules
//! each kind of entry follows.

use super::naming::{FIELD_NAMING, VARIANT_NAMING};
use super::{Checker, RESERVED_CONSTANTS, RESERVED_VARIANTS};
use crate::diagnostic::Code;
use crate::facts;
use crate::model::*;
use crate::names;
use api_error_runtime::RetryAfter;
use std::collections::{BTreeMap, BTreeSet};

const SHAPE_FACTS: &[&str] = &["description", "root", "array", "text", "extensible", "media_type"];
const HEADER_FACTS: &[&str] = &[
    "description",
    "sent_in",
    "type",
    "type_said",
    "format",
    "statuses",
    "formats",
    "default_seconds",
    "example",
    "vocabulary",
];

/// The Rust field of an extensible body that keeps the members the catalog does not list.
pub const EXTENSIONS_FIELD: &str = "extensions";

/// `type/subtype` (parameters allowed) with a JSON subtype: bodies are decoded as JSON.
fn is_json_media_type(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or_default().trim();
    let Some((kind, subtype)) = essence.split_once('/') else { return false };
    let token = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_alphanumeric() || "!#$&-^_.+".contains(c));
    token(kind) && token(subtype) && (subtype == "json" || subtype.ends_with("+json"))
}

impl Checker<'_> {
    pub(super) fn check_statuses(&mut self) {
        let api = self.api;
        let mut codes = BTreeSet::new();
        let mut variants: BTreeMap<String, u16> = BTreeMap::new();
        for (i, status) in api.statuses.iter().enumerate() {
            let path = format!("statuses[{i}]");
            if !(100..=599).contains(&status.code) {
                self.error(
                    Code::BadStatusCode,
                    format!("{path}.code"),
                    format!("{} is not an HTTP status code", status.code),
                    "HTTP status codes run from 100 to 599",
                );
            }
            if !codes.insert(status.code) {
                self.error(
                    Code::Duplicate,
                    format!("{path}.code"),
                    format!("status {} is listed twice", status.code),
                    "keep one entry per status code",
                );
            }
            let reason = status.reason_phrase().unwrap_or_default();
            if status.reason_phrase().is_none() && (100..=599).contains(&status.code) {
                self.error(
                    Code::Empty,
                    path.clone(),
                    format!("status {} has no standard reason phrase, and the entry gives none", status.code),
                    "add `reason:` with the phrase the document (or the API) uses for it",
                );
            }
            // Named by `variant`, or after the phrase.
            let variant = match status.variant.as_deref() {
                // (An explicit name is checked as a value's `variant` is.)
                Some(explicit) => self.rust_name(&path, reason, Some(explicit), &VARIANT_NAMING),
                None => self.status_variant(&path, status, reason),
            };
            self.derived.status_variants.push(variant.clone());
            if let Some(variant) = variant {
                // What names the variant, where it is.
                let (key, named) = match status.variant {
                    Some(_) => ("variant", format!("`variant` names the variant `{variant}`")),
                    None => ("reason", format!("reason `{reason}` gives the variant `{variant}`")),
                };
                let taken_by = variants.get(&variant).copied();
                if RESERVED_VARIANTS.contains(&variant.as_str()) {
                    self.error(
                        Code::ReservedName,
                        format!("{path}.{key}"),
                        format!("{named}, which `HttpStatus` defines itself"),
                        "use the RFC 9110 reason phrase of the code, or set `variant:` to another name",
                    );
                } else if let Some(other) = taken_by {
                    self.error(
                        Code::NameCollision,
                        format!("{path}.{key}"),
                        format!("{named}, as status {other} does"),
                        "give each status a distinct reason phrase, or set `variant:` on one of them",
                    );
                } else {
                    variants.insert(variant, status.code);
                }
            }
            self.check_trace(&path, status, facts::STATUS_FACTS, &|f| facts::status_fact(status, f).is_some());
        }
        let mut classes = BTreeSet::new();
        for (i, entry) in api.status_classes.iter().enumerate() {
            let path = format!("status_classes[{i}]");
            match entry.status_class() {
                None => self.error(
                    Code::BadStatusCode,
                    format!("{path}.class"),
                    format!("`{}` is not a class of HTTP statuses", entry.class),
                    "write the class's digit, then `xx` (or `0x`), as the document does: `4xx`, `5XX`, `50X`",
                ),
                Some(class) if !classes.insert(class) => self.error(
                    Code::Duplicate,
                    format!("{path}.class"),
                    format!("the class `{}` is listed twice", entry.class),
                    "keep one entry per class",
                ),
                Some(_) => {}
            }
            self.check_trace(&path, entry, facts::STATUS_FACTS, &|f| facts::status_class_fact(entry, f).is_some());
        }
    }

    /// `links_to` names another vocabulary, whose method name is free on the linking enum, and
    /// every `link` names one of its values.
    fn check_links(&mut self) {
        let api = self.api;
        for (v, vocabulary) in api.vocabularies.iter().enumerate() {
            let path = format!("vocabularies[{v}]");
            let target = match &vocabulary.links_to {
                Some(name) if name == &vocabulary.name || api.vocabulary(name).is_none() => {
                    let names: Vec<&str> =
                        api.vocabularies.iter().map(|x| x.name.as_str()).filter(|n| *n != vocabulary.name).collect();
                    self.error(
                        Code::UnknownReference,
                        format!("{path}.links_to"),
                        format!("`{name}` is not another vocabulary of this API"),
                        format!("name one of: {}", names.join(", ")),
                    );
                    None
                }
                Some(name) => {
                    if let Some(method) = crate::model::taken_link_method(name) {
                        self.error(
                            Code::ReservedName,
                            format!("{path}.links_to"),
                            format!(
                                "the link would be the method `{method}`, which is taken (a method of the generated \
                                 enum, or a Rust keyword)"
                            ),
                            "rename the linked vocabulary",
                        );
                    }
                    api.vocabulary(name)
                }
                None => None,
            };
            for (i, value) in vocabulary.values.iter().enumerate() {
                let Some(link) = &value.link else { continue };
                let at = format!("{path}.values[{i}].link");
                match target {
                    None if vocabulary.links_to.is_none() => self.error(
                        Code::UnknownReference,
                        at,
                        format!("`link: {link}` needs the vocabulary to say which one it links to"),
                        "add `links_to: <vocabulary name>` to the vocabulary",
                    ),
                    Some(target) if !target.values.iter().any(|x| &x.value == link) => self.error(
                        Code::UnknownReference,
                        at,
                        format!("`{link}` is not a value of `{}`", target.name),
                        format!("name one of the values of `{}`", target.name),
                    ),
                    _ => {}
                }
            }
        }
    }

    pub(super) fn check_vocabularies(&mut self) {
        let api = self.api;
        let mut types = BTreeSet::new();
        for (i, shape) in api.bodies.iter().enumerate() {
            self.check_type_name(&mut types, &shape.name, &format!("bodies[{i}].name"));
        }
        for (u, union) in api.unions.iter().enumerate() {
            self.check_type_name(&mut types, &union.name, &format!("unions[{u}].name"));
        }
        for (v, vocabulary) in api.vocabularies.iter().enumerate() {
            let path = format!("vocabularies[{v}]");
            self.check_type_name(&mut types, &vocabulary.name, &format!("{path}.name"));
            self.check_section(&format!("{path}.source"), &vocabulary.source);
            // (A vocabulary may list no values: the document names none, Broadcom's `errorCode`,
            // or only their forms, `VMW-XXX-XXX`. Every value then decodes as unknown, with its
            // family's facts.)
            let mut wire = BTreeSet::new();
            let mut variants: BTreeMap<String, &str> = BTreeMap::new();
            let mut derived = Vec::new();
            if let (VocabularyType::Integer, Some(format)) = (vocabulary.wire_type, vocabulary.format) {
                self.error(
                    Code::VocabularyType,
                    format!("{path}.format"),
                    format!("`format: {}` is for strings, and `{}` holds integers", format.name(), vocabulary.name),
                    "remove `format`, or make the vocabulary `type: string`",
                );
            }
            let separator = vocabulary.namespace_separator.as_deref();
            let one_sign = separator.is_some_and(|s| {
                let mut chars = s.chars();
                chars.next().is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace() && c != '_')
                    && chars.next().is_none()
            });
            if separator.is_some() && (!one_sign || vocabulary.wire_type == VocabularyType::Integer) {
                self.error(
                    Code::VocabularyType,
                    format!("{path}.namespace_separator"),
                    match vocabulary.wire_type {
                        VocabularyType::Integer => format!("`{}` holds integers, which have no namespace", vocabulary.name),
                        VocabularyType::String => format!(
                            "`{}` is not one sign apart from letters, digits, `_` and spaces",
                            separator.unwrap_or_default()
                        ),
                    },
                    "write the one sign that ends the namespace (`namespace_separator: \"#\"`), on a vocabulary of strings",
                );
            }
            for (i, value) in vocabulary.values.iter().enumerate() {
                let at = format!("{path}.values[{i}]");
                if let Some(separator) = separator.filter(|s| one_sign && value.value.contains(*s)) {
                    self.error(
                        Code::VocabularyType,
                        format!("{at}.value"),
                        format!("`{}` holds the namespace's separator `{separator}`", value.value),
                        "write the value without its namespace: the runtime reads the text after the last separator",
                    );
                }
                if vocabulary.wire_type == VocabularyType::Integer && integer_code(&value.value).is_none() {
                    self.error(
                        Code::VocabularyType,
                        format!("{at}.value"),
                        format!("`{}` is no 64-bit integer code, and `{}` is `type: integer`", value.value, vocabulary.name),
                        "write the code as digits (a `-` before a negative one), no leading zeros, from -2^63 to 2^63 - 1 (e.g. `value: 20429`); or make the vocabulary `type: string`",
                    );
                }
                // A duplicate would also collide as a variant; one error is enough.
                let variant = match self.unique(&mut wire, &value.value, &format!("{at}.value"), "value") {
                    true => {
                        let named_after = vocabulary.variant_names.part(&value.value);
                        self.rust_name(&at, named_after, value.variant.as_deref(), &VARIANT_NAMING)
                    }
                    false => None,
                };
                derived.push(variant.clone());
                if let Some(variant) = variant {
                    if RESERVED_VARIANTS.contains(&variant.as_str()) {
                        let reserved = RESERVED_VARIANTS.join(", ");
                        let (key, message) = match value.variant {
                            Some(_) => ("variant", format!("`{variant}` is a name the generated enum defines itself ({reserved})")),
                            None => ("value", format!("`{}` would become the variant `{variant}`, which the generated enum defines itself ({reserved})", value.value)),
                        };
                        self.error(
                            Code::ReservedName,
                            format!("{at}.{key}"),
                            message,
                            "set `variant:` to another name",
                        );
                    } else if let Some(other) = variants.insert(variant.clone(), &value.value) {
                        self.error(
                            Code::NameCollision,
                            format!("{at}.value"),
                            format!("`{}` and `{other}` both become the variant `{variant}`", value.value),
                            "set `variant:` on one of them to tell them apart",
                        );
                    }
                }
                for (s, code) in value.statuses.iter().enumerate() {
                    self.check_status_ref(&format!("{at}.statuses[{s}]"), *code);
                }
                if value.matches.is_some() {
                    self.error(
                        Code::ValueFamily,
                        format!("{at}.matches"),
                        format!("`{}` is a value, and only a family stands for other values", value.value),
                        "move the entry under `families:`, or remove `matches`",
                    );
                }
                if value.plain {
                    self.error(
                        Code::ValueFamily,
                        format!("{at}.plain"),
                        format!("`{}` is a value, and only a family is written as plain words", value.value),
                        "move the entry under `families:`, or remove `plain`",
                    );
                }
                let inherits = api.value_retryable(value).is_some_and(|(_, inherited)| inherited);
                self.check_trace(&at, value, facts::VALUE_FACTS, &|f| {
                    facts::value_fact(value, f).is_some() || (f == "retryable" && inherits)
                });
            }
            self.derived.value_variants.push(derived);
            self.check_families(&path, vocabulary, &mut wire);
        }
        self.check_links();
        // The JSON Schema names each vocabulary's documented values and its open branch, and
        // each union's branches.
        for (v, vocabulary) in api.vocabularies.iter().enumerate() {
            let derived = [
                (names::known_name(&vocabulary.name), "the known values"),
                (names::unknown_name(&vocabulary.name), "the other values"),
            ];
            self.check_schema_names(&types, &format!("vocabularies[{v}].name"), &vocabulary.name, derived);
        }
        for (u, union) in api.unions.iter().enumerate() {
            let variants =
                union.variants.iter().map(|v| (names::union_variant_name(&union.name, v.rust_name()), "a branch"));
            let derived = variants.chain([(names::unknown_name(&union.name), "a branch")]);
            self.check_schema_names(&types, &format!("unions[{u}].name"), &union.name, derived);
        }
    }

    /// A vocabulary's families: each a pattern with a wildcard (of digits and wildcards in an
    /// integer vocabulary), written unlike every value and family before it, without a variant.
    fn check_families<'v>(
        &mut self,
        path: &str,
        vocabulary: &'v crate::model::Vocabulary,
        written: &mut BTreeSet<&'v str>,
    ) {
        for (i, family) in vocabulary.families.iter().enumerate() {
            let at = format!("{path}.families[{i}]");
            let pattern = family.family_pattern();
            let pattern_at = format!("{at}.{}", if family.matches.is_some() { "matches" } else { "value" });
            if !pattern.contains(['*', '?']) {
                self.error(
                    Code::ValueFamily,
                    &pattern_at,
                    format!("`{pattern}` has no wildcard, so the family stands for one value only"),
                    "write `*` for any run of characters and `?` for any one (`matches: \"4000?\"` for `4000X`), or list the value under `values:`",
                );
            } else if vocabulary.wire_type == VocabularyType::Integer
                && !pattern.chars().all(|c| c.is_ascii_digit() || "-*?".contains(c))
            {
                self.error(
                    Code::ValueFamily,
                    &pattern_at,
                    format!("`{pattern}` is no pattern of integer codes, and `{}` is `type: integer`", vocabulary.name),
                    "write digits and the wildcards `*` and `?` (`matches: \"4000?\"`)",
                );
            }
            if family.variant.is_some() {
                self.error(
                    Code::ValueFamily,
                    format!("{at}.variant"),
                    "a family is no value the API sends, so it has no variant",
                    "remove `variant`",
                );
            }
            self.unique(written, &family.value, &format!("{at}.value"), "value");
            for (s, code) in family.statuses.iter().enumerate() {
                self.check_status_ref(&format!("{at}.statuses[{s}]"), *code);
            }
            self.check_trace(&at, family, facts::VALUE_FACTS, &|f| facts::value_fact(family, f).is_some());
        }
    }

    /// The JSON Schema's names derived from the type `owner` (each with what it names) are not
    /// types of the catalog already.
    fn check_schema_names(
        &mut self,
        types: &BTreeSet<String>,
        path: &str,
        owner: &str,
        derived: impl IntoIterator<Item = (String, &'static str)>,
    ) {
        for (derived, what) in derived {
            if types.contains(&derived) {
                self.error(
                    Code::NameCollision,
                    path,
                    format!("the JSON Schema names {what} of `{owner}` `{derived}`, which is already a type of this catalog"),
                    format!("rename `{derived}` or `{owner}`"),
                );
            }
        }
    }

    pub(super) fn check_bodies(&mut self) {
        let api = self.api;
        // (No body at all is an API that documents none: its statuses and headers decide.)
        if !api.bodies.is_empty() && api.roots().next().is_none() {
            self.error(
                Code::Empty,
                "bodies",
                "no body is marked `root: true`",
                "mark the shapes that are whole error response bodies with `root: true`",
            );
        }
        // Decoding takes the first root body, in catalog order, that fits: one whose members
        // are all optional (or may be `null`) fits any object, and hides the ones after it.
        let roots: Vec<(usize, &Shape)> = api.bodies.iter().enumerate().filter(|(_, s)| s.root).collect();
        if let Some(((b, hiding), after)) = roots.split_last().and_then(|(_, before)| {
            let present = |f: &Field| must_be_present(f.required, f.nullable, f.ty == FieldType::Any);
            let at = before.iter().position(|(_, s)| s.text.is_none() && !s.fields.iter().any(present))?;
            Some((before[at], &roots[at + 1..]))
        }) {
            let hidden: Vec<String> = after.iter().map(|(_, s)| format!("`{}`", s.name)).collect();
            self.error(
                Code::HiddenFormat,
                format!("bodies[{b}].fields"),
                format!(
                    "every member of `{0}` may be left out: every body decodes as `{0}`, and {1}, after it, {2} never chosen",
                    hiding.name,
                    hidden.join(", "),
                    if hidden.len() == 1 { "is" } else { "are" }
                ),
                "make `required: true` the members each of its bodies has, or move it after the others",
            );
        }
        for (b, shape) in api.bodies.iter().enumerate() {
            let path = format!("bodies[{b}]");
            self.check_trace(&path, shape, SHAPE_FACTS, &|_| true);
            if let Some(text) = &shape.text {
                self.check_text_body(&path, shape, text);
            } else if shape.fields.is_empty() && !shape.extensible {
                // (An open body may list none: ShipBob's lists of messages, each under the name
                // of a field of the request, are members no catalog can name.)
                self.error(
                    Code::Empty,
                    format!("{path}.fields"),
                    "the shape has no fields",
                    "list its JSON keys under `fields:`",
                );
            }
            let mut wire = BTreeSet::new();
            let mut rust: BTreeMap<String, &str> = BTreeMap::new();
            let mut setters: BTreeMap<String, &str> = BTreeMap::new();
            let mut derived = Vec::new();
            for (f, field) in shape.fields.iter().enumerate() {
                let at = format!("{path}.fields[{f}]");
                self.unique(&mut wire, &field.name, &format!("{at}.name"), "field name");
                let rust_name = self.rust_name(&at, &field.name, field.rust_name.as_deref(), &FIELD_NAMING);
                derived.push(rust_name.clone());
                if let Some(name) = rust_name {
                    if let Some(other) = rust.insert(name.clone(), &field.name) {
                        self.error(
                            Code::NameCollision,
                            format!("{at}.name"),
                            format!("`{}` and `{other}` both become the Rust field `{name}`", field.name),
                            "set `rust_name:` on one of them to tell them apart",
                        );
                    } else if !field.required {
                        // Only optional fields get a setter.
                        let setter = names::setter_name(&name);
                        if let Some(other) = setters.insert(setter.clone(), &field.name) {
                            self.error(
                                Code::NameCollision,
                                format!("{at}.name"),
                                format!("`{}` and `{other}` both get the setter `{setter}`", field.name),
                                "set `rust_name:` on one of them to tell them apart",
                            );
                        }
                    }
                }
                self.check_field_type(&format!("{at}.type"), &field.ty);
                if let Some(format) = field.format {
                    let holds_text = match &field.ty {
                        FieldType::String => true,
                        FieldType::Vocabulary(name) => {
                            api.vocabulary(name).is_none_or(|v| v.wire_type == VocabularyType::String)
                        }
                        _ => false,
                    };
                    if !holds_text {
                        self.error(
                            Code::BodyFormat,
                            format!("{at}.format"),
                            format!(
                                "`format: {}` is for strings, and `{}` does not hold one",
                                format.name(),
                                field.name
                            ),
                            "remove `format`, or give the field a string type",
                        );
                    }
                }
                self.check_trace(&at, field, facts::FIELD_FACTS, &|_| true);
            }
            if shape.extensible && rust.contains_key(EXTENSIONS_FIELD) {
                self.error(
                    Code::NameCollision,
                    format!("{path}.extensible"),
                    format!("an extensible body keeps unlisted members in `{EXTENSIONS_FIELD}`, which a field takes"),
                    "set `rust_name:` on that field",
                );
            }
            match (&shape.media_type, shape.root) {
                (Some(_), false) => self.error(
                    Code::BodyFormat,
                    format!("{path}.media_type"),
                    "only a root body is sent with a media type of its own",
                    "remove `media_type`, or make the body `root: true`",
                ),
                (Some(media_type), true) if shape.text.is_some() && is_json_media_type(media_type) => self.error(
                    Code::BodyFormat,
                    format!("{path}.media_type"),
                    format!("`{media_type}` is a JSON media type, and the body is plain text"),
                    "write the text's media type (`text/plain` when left out), or remove `text` for a JSON body",
                ),
                (Some(media_type), true) if shape.text.is_none() && !is_json_media_type(media_type) => self.error(
                    Code::BodyFormat,
                    format!("{path}.media_type"),
                    format!("`{media_type}` is not a JSON media type"),
                    "write `type/subtype` where the subtype is `json` or ends in `+json`, e.g. `application/problem+json`",
                ),
                _ => {}
            }
            if shape.array && !shape.root {
                self.error(
                    Code::BodyFormat,
                    format!("{path}.array"),
                    "only a whole body is sent as a list of objects; a member that is a list is a field of type `array`",
                    "remove `array`, or make the body `root: true`",
                );
            }
            // A list is read whole, as no other format is: the API has no other. Any body that is
            // no JSON object is the text of the one plain-text format.
            let apart = match (&shape.text, shape.array) {
                (_, true) => Some(("array", "a body that is a list of objects is its API's one body format", "root")),
                (Some(_), false) => Some(("text", "an API has one plain-text body format", "one")),
                (None, false) => None,
            };
            if let Some((key, what, kind)) = apart.filter(|_| shape.root) {
                let others: Vec<String> = (roots.iter())
                    .filter(|(r, s)| *r != b && (shape.array || s.text.is_some()))
                    .map(|(_, s)| format!("`{}`", s.name))
                    .collect();
                if !others.is_empty() {
                    let are = if others.len() == 1 { "is" } else { "are" };
                    self.error(
                        Code::BodyFormat,
                        format!("{path}.{key}"),
                        format!("{what}, and {} {are} {kind} too", others.join(", ")),
                        "describe the API's other bodies in a catalog of their own, or drop `root` from them",
                    );
                }
            }
            self.derived.field_names.push(derived);
        }
        self.check_shape_cycles();
    }

    /// A plain-text body: a whole body of no members, its text a string or a vocabulary's value.
    fn check_text_body(&mut self, path: &str, shape: &Shape, text: &TextBody) {
        let misplaced = [
            (
                !shape.root,
                "text",
                "only a whole body is sent as plain text",
                "remove `text`, or make the body `root: true`",
            ),
            (
                shape.array,
                "array",
                "a plain-text body is no list",
                "remove `array`, or `text` for a body that is a JSON list",
            ),
            (
                !shape.fields.is_empty(),
                "fields",
                "a plain-text body has no members: its text is its one value",
                "remove `fields`, or `text` for a JSON body",
            ),
            (shape.extensible, "extensible", "a plain-text body has no members to extend", "remove `extensible`"),
        ];
        for (wrong, key, message, help) in misplaced {
            if wrong {
                self.error(Code::BodyFormat, format!("{path}.{key}"), message, help);
            }
        }
        // (A vocabulary of integer codes reads numbers, and a text is a string, even of digits.)
        let of_strings = |name: &str| self.api.vocabulary(name).is_none_or(|v| v.wire_type == VocabularyType::String);
        match &text.ty {
            FieldType::String => {}
            FieldType::Vocabulary(name) if of_strings(name) => {
                self.check_field_type(&format!("{path}.text.type"), &text.ty)
            }
            _ => self.error(
                Code::BodyFormat,
                format!("{path}.text.type"),
                "the text of a plain-text body is a string, or a value of a vocabulary of strings",
                "write `type: string`, or `type: { vocabulary: Name }` of a vocabulary without `type: integer`",
            ),
        }
    }

    /// The variant a status's reason phrase gives, with what keeps it from giving one reported.
    fn status_variant(&mut self, path: &str, status: &crate::model::Status, reason: &str) -> Option<String> {
        let ascii = self.ascii_source(
            &format!("{path}.reason"),
            reason,
            "the reason phrase",
            "use the RFC 9110 reason phrase, which is ASCII",
        );
        let variant = names::pascal_case(reason).filter(|_| ascii);
        // Without any phrase, E0502 (or the bad code) is reported already.
        if variant.is_none() && ascii && status.reason_phrase().is_some() {
            self.error(
                Code::Unnameable,
                format!("{path}.reason"),
                "the reason phrase has no letters to name a variant",
                "use the RFC 9110 reason phrase, e.g. `Not Found`, or leave `reason` out to have it filled in",
            );
        }
        variant
    }

    /// Each union: a tag, and variants each naming a body that is not a whole body and has no
    /// member of the tag's name (the tag is the union's), under tags and Rust names of their own.
    pub(super) fn check_unions(&mut self) {
        let api = self.api;
        for (u, union) in api.unions.iter().enumerate() {
            let path = format!("unions[{u}]");
            self.check_section(&format!("{path}.source"), &union.source);
            if union.tag.trim().is_empty() {
                self.error(
                    Code::EmptyName,
                    format!("{path}.tag"),
                    "the tag member has no name",
                    "name the member whose text says which shape an object is, e.g. `@type`",
                );
            }
            if union.variants.is_empty() {
                self.error(
                    Code::Empty,
                    format!("{path}.variants"),
                    "the union has no variants",
                    "list its shapes under `variants:`, each `{ tag: ..., body: ... }`",
                );
            }
            let mut tags = BTreeSet::new();
            let mut variants = BTreeSet::new();
            for (v, variant) in union.variants.iter().enumerate() {
                let at = format!("{path}.variants[{v}]");
                if variant.tag.is_empty() {
                    self.error(
                        Code::EmptyName,
                        format!("{at}.tag"),
                        "the variant's tag is empty",
                        "give the text the tag member has for this shape",
                    );
                } else {
                    self.unique(&mut tags, &variant.tag, &format!("{at}.tag"), "union tag");
                }
                let name = variant.rust_name();
                let key = if variant.variant.is_some() { "variant" } else { "body" };
                if !names::is_type_name(name) {
                    self.error(
                        Code::InvalidName,
                        format!("{at}.{key}"),
                        format!("`{name}` is not a PascalCase variant name"),
                        "set `variant:` to the Rust name you want",
                    );
                } else if RESERVED_VARIANTS.contains(&name) || name == UNION_TAG_CONSTANT {
                    self.error(
                        Code::ReservedName,
                        format!("{at}.{key}"),
                        format!("`{name}` is a name the generated enum defines itself"),
                        "set `variant:` to another name",
                    );
                } else if !variants.insert(name.to_string()) {
                    self.error(
                        Code::NameCollision,
                        format!("{at}.{key}"),
                        format!("two variants of `{}` are named `{name}`", union.name),
                        "set `variant:` on one of them",
                    );
                }
                match api.shape(&variant.body) {
                    None => self.error(
                        Code::UnknownReference,
                        format!("{at}.body"),
                        format!("unknown body `{}`", variant.body),
                        "name a shape defined under `bodies:`",
                    ),
                    Some(shape) if shape.root => self.error(
                        Code::UnionVariant,
                        format!("{at}.body"),
                        format!("`{}` is a whole error body, not a part of one", shape.name),
                        "name a body shape without `root: true`",
                    ),
                    Some(shape) => {
                        if let Some(field) = shape.fields.iter().find(|f| f.name == union.tag) {
                            self.error(
                                Code::UnionVariant,
                                format!("{at}.body"),
                                format!("`{}` has a member `{}`, which is the union's tag", shape.name, field.name),
                                format!(
                                    "drop `{}` from `{}`: the union reads and writes the tag",
                                    field.name, shape.name
                                ),
                            );
                        }
                    }
                }
            }
            self.check_trace(&path, union, &["description", "tag"], &|_| true);
        }
    }

    fn check_field_type(&mut self, path: &str, ty: &FieldType) {
        match ty {
            FieldType::Union(name) if self.api.union(name).is_none() => self.error(
                Code::UnknownReference,
                path,
                format!("unknown union `{name}`"),
                "name a union defined under `unions:`",
            ),
            FieldType::Vocabulary(name) if self.api.vocabulary(name).is_none() => self.error(
                Code::UnknownReference,
                path,
                format!("unknown vocabulary `{name}`"),
                "name a vocabulary defined under `vocabularies:`",
            ),
            FieldType::Object(name) if self.api.shape(name).is_none() => self.error(
                Code::UnknownReference,
                path,
                format!("unknown body `{name}`"),
                "name a shape defined under `bodies:`",
            ),
            FieldType::Array(inner) => self.check_field_type(&format!("{path}.array"), inner),
            FieldType::Map(inner) => self.check_field_type(&format!("{path}.map"), inner),
            _ => {}
        }
    }

    /// A shape holding itself directly (not through an array) would be infinitely large.
    fn check_shape_cycles(&mut self) {
        let api = self.api;
        for (b, shape) in api.bodies.iter().enumerate() {
            let mut stack = vec![shape.name.as_str()];
            let mut visited = BTreeSet::new();
            while let Some(name) = stack.pop() {
                let Some(current) = api.shape(name) else { continue };
                for field in &current.fields {
                    // An object of a union is one of its variants' shapes.
                    let targets: Vec<&str> = match &field.ty {
                        FieldType::Object(target) => vec![target.as_str()],
                        FieldType::Union(union) => {
                            api.union(union).into_iter().flat_map(|u| &u.variants).map(|v| v.body.as_str()).collect()
                        }
                        _ => Vec::new(),
                    };
                    for target in targets {
                        if target == shape.name {
                            self.error(
                                Code::ShapeCycle,
                                format!("bodies[{b}]"),
                                format!("`{}` contains itself through `{}.{}`", shape.name, current.name, field.name),
                                "break the cycle with an array or map field",
                            );
                            stack.clear();
                            break;
                        }
                        if visited.insert(target) {
                            stack.push(target);
                        }
                    }
                }
            }
        }
    }

    pub(super) fn check_headers(&mut self) {
        let api = self.api;
        let mut seen = BTreeSet::new();
        let mut constants: BTreeMap<String, &str> = BTreeMap::new();
        let mut roles = BTreeSet::new();
        for (h, header) in api.headers.iter().enumerate() {
            let path = format!("headers[{h}]");
            let lower = header.name.to_ascii_lowercase();
            let constant = names::screaming_snake_case(&header.name);
            self.derived.header_constants.push(constant.clone());
            if header.name.trim().is_empty() || !header.name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                self.error(
                    Code::InvalidName,
                    format!("{path}.name"),
                    format!("`{}` is not a header name", header.name),
                    "use ASCII letters, digits and `-`",
                );
            } else if !seen.insert(lower) {
                self.error(
                    Code::Duplicate,
                    format!("{path}.name"),
                    format!("header `{}` is listed twice (names are case-insensitive)", header.name),
                    "keep one entry per header",
                );
            } else if let Some(constant) = constant {
                if RESERVED_CONSTANTS.contains(&constant.as_str()) {
                    self.error(
                        Code::ReservedName,
                        format!("{path}.name"),
                        format!(
                            "`{}` becomes the constant `{constant}`, which the `headers` module defines itself",
                            header.name
                        ),
                        format!("header names may not become {}", RESERVED_CONSTANTS.join(" or ")),
                    );
                } else if let Some(other) = constants.insert(constant.clone(), &header.name) {
                    self.error(
                        Code::NameCollision,
                        format!("{path}.name"),
                        format!("`{}` and `{other}` both become the constant `{constant}`", header.name),
                        "header names that differ only in punctuation cannot both be described",
                    );
                }
            } else {
                self.error(
                    Code::Unnameable,
                    format!("{path}.name"),
                    format!("`{}` has no ASCII letter or digit to name its constant", header.name),
                    "use the header name as the API sends it, e.g. `Retry-After`",
                );
            }
            if let Some(role) = header.role {
                if !roles.insert(format!("{role:?}")) {
                    self.error(
                        Code::HeaderRole,
                        format!("{path}.role"),
                        "two headers have the same role",
                        "give a role to one header only",
                    );
                }
            }
            match (&header.vocabulary, header.role) {
                (Some(name), Some(HeaderRole::Code)) if api.vocabulary(name).is_none() => self.error(
                    Code::UnknownReference,
                    format!("{path}.vocabulary"),
                    format!("unknown vocabulary `{name}`"),
                    "name a vocabulary defined under `vocabularies:`",
                ),
                (Some(_), role) if role != Some(HeaderRole::Code) => self.error(
                    Code::HeaderRole,
                    format!("{path}.vocabulary"),
                    "`vocabulary` names the codes of a header with `role: code`",
                    "remove `vocabulary`, or give the header `role: code`",
                ),
                _ => {}
            }
            let is_retry_after = header.role == Some(HeaderRole::RetryAfter);
            if is_retry_after && header.formats.is_empty() {
                self.error(
                    Code::HeaderRole,
                    format!("{path}.formats"),
                    "a retry_after header needs its value formats",
                    "list them, e.g. `formats: [delay_seconds]`",
                );
            }
            let is_reset = header.role == Some(HeaderRole::RateLimitReset);
            let formats_path = format!("{path}.formats");
            if is_retry_after || is_reset {
                self.check_bare_numbers(Code::HeaderRole, &formats_path, &header.formats);
            }
            if is_retry_after {
                let rfc = RetryAfter::is_rfc9110_header(&header.name);
                if let Some(clash) = header
                    .formats
                    .iter()
                    .find(|f| rfc && super::recovery::bare_number(**f) && **f != RetryAfterFormat::DelaySeconds)
                {
                    self.error(
                        Code::HeaderRole,
                        &formats_path,
                        format!(
                            "`Retry-After` is read in seconds, as RFC 9110 says, so it cannot be `{}`",
                            clash.as_str()
                        ),
                        "name the header as the API sends it (`Retry-After-Ms`), or list `delay_seconds`",
                    );
                }
            }
            if !is_retry_after && header.default_seconds.is_some() {
                self.error(
                    Code::HeaderRole,
                    &path,
                    "`default_seconds` only applies to the header with `role: retry_after`",
                    "remove it or set the role",
                );
            }
            if !is_retry_after && !is_reset && !header.formats.is_empty() {
                self.error(
                    Code::HeaderRole,
                    &path,
                    "`formats` only apply to the headers with `role: retry_after` or `rate_limit_reset`",
                    "remove them or set the role",
                );
            }
            for (s, code) in header.statuses.iter().enumerate() {
                self.check_status_ref(&format!("{path}.statuses[{s}]"), *code);
            }
            self.check_header_value(&path, header);
            self.check_trace(&path, header, HEADER_FACTS, &|f| match f {
                "statuses" => !header.statuses.is_empty(),
                "formats" => !header.formats.is_empty(),
                "default_seconds" => header.default_seconds.is_some(),
                "example" => header.example.is_some(),
                "type_said" => header.type_said.is_some(),
                _ => true,
            });
        }
    }

    /// A request header has no role or statuses; a typed value fits the header's role; a
    /// `format` is for text.
    fn check_header_value(&mut self, path: &str, header: &Header) {
        if header.sent_in == HeaderDirection::Request && (header.role.is_some() || !header.statuses.is_empty()) {
            self.error(
                Code::HeaderRole,
                path,
                "a request header has no `role` or `statuses`: those describe responses",
                "remove them, or make it a response header (leave out `sent_in`)",
            );
        }
        let fits = header
            .role
            .is_none_or(|role| header_role_types(role).is_some_and(|types| types.contains(&header.value_type)));
        if !fits {
            self.error(
                Code::HeaderRole,
                format!("{path}.type"),
                format!(
                    "a header with a role is read as its role says; `type: {}` does not fit",
                    header.value_type.name()
                ),
                "leave out `type` on headers with a role",
            );
        }
        // (An integer wait is a count of seconds or milliseconds: its formats say no other.)
        let seconds =
            |f: &RetryAfterFormat| matches!(f, RetryAfterFormat::DelaySeconds | RetryAfterFormat::DelayMilliseconds);
        if fits
            && header.role == Some(HeaderRole::RetryAfter)
            && header.value_type == HeaderValueType::Integer
            && !header.formats.iter().all(seconds)
        {
            self.error(
                Code::HeaderRole,
                format!("{path}.type"),
                "an integer wait is a count of seconds or milliseconds, and `formats` names another",
                "leave out `type`, or keep only `delay_seconds` or `delay_milliseconds` in `formats`",
            );
        }
        if header.format.is_some() && header.value_type != HeaderValueType::String {
            self.error(
                Code::BodyFormat,
                format!("{path}.format"),
                format!("`format` is for text values, and this header is `{}`", header.value_type.name()),
                "remove `format`, or the `type`",
            );
        }
    }
}

/// The value types a header of each role may have. `None` for a role added to the runtime and
/// not yet here, which no header then fits (a test over `HeaderRole::ALL` fails until it is).
fn header_role_types(role: HeaderRole) -> Option<&'static [HeaderValueType]> {
    Some(match role {
        HeaderRole::RateLimitLimit | HeaderRole::RateLimitRemaining | HeaderRole::RateLimitReset => {
            &[HeaderValueType::String, HeaderValueType::Integer]
        }
        // (A `Retry-After` of seconds may be documented as an integer.)
        HeaderRole::RetryAfter => &[HeaderValueType::String, HeaderValueType::Integer],
        HeaderRole::RequestId => &[HeaderValueType::String],
        HeaderRole::Code => &[HeaderValueType::String, HeaderValueType::Integer],
        _ => return None,
    })
}

/// The constant a union's enum names its tag member with.
pub(crate) const UNION_TAG_CONSTANT: &str = "TAG";

/// The code an integer vocabulary's value stands for: its decimal digits, with a `-` for a
/// negative one, no leading zeros, and within 64 bits; `None` for any other text (which the
/// wire would never send as that integer).
pub(crate) fn integer_code(text: &str) -> Option<i64> {
    text.parse::<i64>().ok().filter(|code| code.to_string() == text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_header_role_has_its_value_types() {
        for &role in HeaderRole::ALL {
            assert!(header_role_types(role).is_some_and(|types| !types.is_empty()), "{role:?}");
        }
    }

    #[test]
    fn an_integer_code_is_the_digits_the_wire_would_send() {
        assert_eq!(integer_code("20429"), Some(20429));
        assert_eq!(integer_code("-1"), Some(-1));
        assert_eq!(integer_code("9223372036854775807"), Some(i64::MAX));
        for refused in ["020429", "+5", "-0", " 1", "1.0", "9223372036854775808", "", "twenty"] {
            assert_eq!(integer_code(refused), None, "{refused}");
        }
    }
}
