//! What the prose says of a body's members: whether each is sent always or only sometimes
//! ("`field`, when present, ...", "may have a `source`"), and what a member is for (`` `instance`
//! identifies this occurrence ``).

use crate::draft::Drafter;
use crate::model::FieldType;
use crate::page::code_spans;

/// Whether (lower-case) words say an id is the request's ("the ID of the call", "identifies the
/// request").
pub(in crate::draft) fn said_of_the_request(said: &str) -> bool {
    [
        "id of the request",
        "id of the call",
        "id of the operation",
        "identifies the request",
        "identifies the call",
        "request's id",
        "operation's id",
    ]
    .iter()
    .any(|words| said.contains(words))
}

/// Words after a member that say it is sent only where it applies ("the `parameter` at fault
/// when there is one").
/// (Not "when there is any", of a member sent always and empty when there is none, Razorpay's
/// `metadata: {}`.)
const WHEN_THERE_IS_ONE: [&str; 12] = [
    "when there is one",
    "if there is one",
    "where there is one",
    "when there are any",
    "if there are any",
    "where there are any",
    "when available",
    "if available",
    "where available",
    "when applicable",
    "if applicable",
    "where applicable",
];

/// Where a sentence says its member is sent only where it applies: the byte at which the words
/// start.
pub(in crate::draft) fn when_there_is_one(said: &str) -> Option<usize> {
    let lower = said.to_ascii_lowercase();
    WHEN_THERE_IS_ONE.iter().filter_map(|words| lower.find(words)).min()
}

/// Where a sentence says something is left out ("older servers leave `error_code` out", "`result`
/// (left out when it failed)"): the byte at which its `leave` or `left` starts.
pub(in crate::draft) fn left_out(said: &str) -> Option<usize> {
    let words: Vec<(usize, &str)> = said
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - said.as_ptr() as usize, w.trim_matches(|c: char| !c.is_alphanumeric())))
        .collect();
    words.iter().enumerate().find_map(|(at, (start, word))| {
        let out = words[at + 1..].iter().take(3).any(|(_, w)| w.eq_ignore_ascii_case("out"));
        (["leave", "leaves", "left"].iter().any(|w| w.eq_ignore_ascii_case(word)) && out).then_some(*start)
    })
}

/// The members a sentence names right after a condition set off by commas ("each error has a
/// `reason` and, when a particular field caused it, that `field`"; "and, for validation errors,
/// `details`"), or right before one ("`errors`, present on validation failures, lists..."):
/// sent only then.
pub(super) fn named_after_a_condition(said: &str) -> Vec<&str> {
    // The text before each code span, since the one before it (the parts between backticks).
    let parts: Vec<&str> = said.split('`').collect();
    let mut found = Vec::new();
    for at in (1..parts.len()).step_by(2) {
        let before = parts[at - 1].to_ascii_lowercase();
        // (The condition ends right before the member, `that` or `its` at most between them: not
        // "a `reason`, when sent, and a `field`", whose condition is the member's before. "For
        // example" is no condition.)
        let condition = [", when ", ", if ", ", where ", ", for "].iter().any(|open| {
            let Some(start) = before.rfind(open) else { return false };
            let after = &before[start + open.len()..];
            let example = ["example", "instance"].iter().any(|word| after.starts_with(word));
            // (The member may follow words that name it, in brackets: "and, where useful, the
            // parameter at fault (`param`)".)
            !example
                && after.split_once(", ").is_some_and(|(_, rest)| {
                    let (rest, most) = match rest.trim_end().strip_suffix('(') {
                        Some(naming) => (naming, 5),
                        None => (rest, 2),
                    };
                    rest.split_whitespace().count() <= most && !rest.starts_with("and ") && !rest.starts_with("or ")
                })
        });
        // (Present on some answers, not on "every" or "all" of them.)
        let after = parts.get(at + 1).map(|after| after.to_ascii_lowercase()).unwrap_or_default();
        let present_on = [", present ", ", sent ", ", given ", ", included "].iter().any(|open| {
            after.strip_prefix(open).is_some_and(|rest| {
                let mut words = rest.split_whitespace();
                let (first, second) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
                ["on", "for", "with", "in", "when", "if"].contains(&first)
                    && !["every", "all", "each", "any", "always"].contains(&second)
            })
        });
        if condition || present_on {
            found.push(crate::page::unquoted(parts[at]));
        }
    }
    found
}

/// Words after which a sentence names the members a body sends only sometimes ("each entry has
/// a `code` and may have a `source`").
const MAY_HAVE: [&str; 6] = ["may have", "may also have", "can have", "may include", "may also include", "may carry"];

/// Words right before the one member that some bodies alone send ("a `message`, and sometimes
/// `details`"; "errors about fields add a `context` with the `fields` at fault").
const SOMETIMES_ONE: [&str; 5] = ["sometimes ", "add a ", "adds a ", "add an ", "adds an "];

/// Whether (lower-case) words say a member is sent only sometimes: "only there when...",
/// "not always sent", "may be omitted", "may come with it", "when present", "on token requests
/// only", "for `param_error`, ...".
pub(in crate::draft) fn sent_sometimes(said: &str) -> bool {
    // (Not "if any": Cloudflare's `messages`, "informational messages, if any", is always sent,
    // empty or not.)
    const PHRASES: [&str; 33] = [
        "may come with",
        "may accompany",
        "may be sent",
        "may be present",
        // (Not "unique only there".)
        "is only there",
        "are only there",
        "only there when",
        "only there if",
        "only present",
        "only included",
        "only sent",
        "may be absent",
        // ("Taken to be `about:blank` when absent.")
        "when absent",
        "if absent",
        "when omitted",
        "if omitted",
        "may be missing",
        "may be omitted",
        "not always",
        "when present",
        "if present",
        "where present",
        // (Keygen's "it may or may not be in the payload".)
        "may or may not be",
        // (Akamai's `status`, "where given, ...".)
        "where given",
        "when given",
        "if given",
        // (Member's `source.pointer`, "where it can, ...".)
        "where it can",
        "when it can",
        "where available",
        "when available",
        "if available",
        "where applicable",
        "if applicable",
    ];
    PHRASES.iter().any(|phrase| said.contains(phrase))
        // ("The OAuth 2.0 error, on token requests only.")
        || said.trim_end().trim_end_matches('.').ends_with(" only")
        // (Mangopay's `errors`: "For `param_error`, each parameter at fault.")
        || said.trim_start().starts_with("for `")
}

/// The member a line names first and then calls optional before anything else ("`details`:
/// (optional) what failed", "`hint` - Optional. ...").
fn labelled_optional(line: &str) -> Option<&str> {
    let (member, rest) = line.strip_prefix('`')?.split_once('`')?;
    let rest = rest.trim_start_matches([':', ' ', '-', '–', '—']).to_lowercase();
    let rest = rest.trim_start_matches('(');
    (rest.starts_with("optional") && is_member_word(member)).then_some(member)
}

/// The members a line calls optional right before their names ("an optional `errors` array").
fn called_optional(line: &str) -> Vec<&str> {
    let parts: Vec<&str> = line.split('`').collect();
    (1..parts.len())
        .step_by(2)
        .filter(|&at| parts[at - 1].to_lowercase().trim_end().ends_with("optional") && is_member_word(parts[at]))
        .map(|at| parts[at])
        .collect()
}

/// Does a paragraph start with the errors or the times its term comes with ("For validation
/// errors, ...", "Only when ...")?
pub(in crate::draft) fn starts_with_a_condition(lower: &str) -> bool {
    let opening = lower.split(',').next().unwrap_or_default();
    (lower.starts_with("for ") && opening.contains("error") && opening.len() < lower.len())
        || ["only ", "when ", "if "].iter().any(|w| lower.starts_with(w))
}

/// The term a line stands for alone: one word (a member's name as written), or one word and its
/// JSON type (`type string`, `ErrorCode (string)`, Keygen's `**source.parameter** string`), with
/// the type where the line gives one (it may say the member is optional: `Details (string,
/// optional)`).
fn term_line(line: &str) -> Option<(&str, Option<crate::draft::cells::TypeCell>, Presence)> {
    let (word, typed) = match line.split_once(' ') {
        Some((word, ty)) => (word, Some(ty)),
        None => (line, None),
    };
    let word = word.trim_matches(['`', '*']);
    if !is_member_word(word) {
        return None;
    }
    let Some(typed) = typed else { return Some((word, None, Presence::Unmarked)) };
    // (Marked after the type or alone, in bold or not: the RO-Crate reference's `**code** string
    // **required**`, Broadcom's `reason Optional`.)
    let typed = typed.replace('*', "");
    let lower = typed.trim().to_lowercase();
    let (typed, presence) = match lower.rsplit_once(' ').map_or(("", lower.as_str()), |(ty, last)| (ty, last)) {
        (ty, "required") => (ty, Presence::Required),
        (ty, "optional") => (ty, Presence::Optional),
        _ => (lower.as_str(), Presence::Unmarked),
    };
    if typed.is_empty() {
        return (presence != Presence::Unmarked).then_some((word, None, presence));
    }
    let cell = line_type(typed)?;
    let presence = if cell.optional.is_some() { Presence::Optional } else { presence };
    Some((word, Some(cell), presence))
}

/// What a term's line says of whether its member is sent.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Presence {
    Required,
    Optional,
    Unmarked,
}

/// A member's name as written: letters, digits, `_`, `.` and `-`.
pub(in crate::draft) fn is_member_word(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
}

/// A line that is a JSON type (`integer`, `(string)`, `string (optional)`): whether it says the
/// member is optional.
fn type_line(line: &str) -> Option<bool> {
    line_type(line).map(|cell| cell.optional.is_some())
}

/// The JSON type a line is (see [`type_line`]).
fn line_type(line: &str) -> Option<crate::draft::cells::TypeCell> {
    let ty = line.trim();
    let ty = ty.strip_prefix('(').and_then(|ty| ty.strip_suffix(')')).unwrap_or(ty);
    // (With its type parameters, Keygen's `object<string, any>`: the type they are of.)
    let parameterised =
        ty.split_once('<').filter(|(outer, rest)| ["object", "array"].contains(outer) && rest.ends_with('>'));
    let ty = parameterised.map_or(ty, |(outer, _)| outer);
    crate::draft::cells::type_cell(ty)
}

/// A line of a section's prose, and the term it defines where a line of the term alone stands
/// above it (or the section's heading does).
#[derive(Debug, PartialEq)]
struct Defined<'s> {
    term: Option<&'s str>,
    line: &'s str,
    /// The term's type says the member is optional (`**Details** (string, optional)`).
    optional: bool,
}

/// Each line of a section's prose, with the term it defines where a line of the term alone
/// stands above it (a bold `**type**`, then what it is; or the term and its JSON type, Resova's
/// `**type** string`): the term line itself is no line of its own. A term is one word, a member's
/// name as written.
fn defined_terms(prose: &[String]) -> Vec<Defined<'_>> {
    // (Where some terms are marked required, a typed term marked neither way is optional, as
    // references drawn from OpenAPI schemas mark them: `**details** object`.)
    let marks_required = prose.iter().any(|line| term_line(line).is_some_and(|(_, _, p)| p == Presence::Required));
    let mut lines = Vec::new();
    let mut term: Option<(&str, bool, &str)> = None;
    for line in prose {
        match term.take() {
            None => match term_line(line) {
                Some((word, typed, presence)) => {
                    let unmarked_typed = presence == Presence::Unmarked && typed.is_some();
                    let optional = presence == Presence::Optional || (marks_required && unmarked_typed);
                    term = Some((word, optional, line));
                }
                None => lines.push(Defined { term: None, line, optional: false }),
            },
            Some((word, optional, _)) => lines.push(Defined { term: Some(word), line, optional }),
        }
    }
    // (A term last, with nothing under it, is a line as written.)
    lines.extend(term.map(|(_, _, line)| Defined { term: None, line, optional: false }));
    lines
}

/// [`defined_terms`] of a section, or, for a section headed by a member's name whose prose opens
/// with its JSON type (Sierra's `### description`, then `string (optional)`), every line after
/// the type, of that member.
fn section_terms(section: &crate::page::PageSection) -> Vec<Defined<'_>> {
    let heading = section.heading.last().map(|h| h.trim_matches(['`', '*']));
    let typed = section.prose.split_first().and_then(|(first, rest)| Some((type_line(first)?, rest)));
    match (heading.filter(|h| is_member_word(h)), typed) {
        (Some(term), Some((optional, rest))) => {
            rest.iter().map(|line| Defined { term: Some(term), line, optional }).collect()
        }
        _ => defined_terms(&section.prose),
    }
}

/// Words after an object's name that say what members it has ("`source` has a `pointer`").
const HAS: [&str; 4] = [" has ", " holds ", " contains ", " carries "];

/// A sentence that starts with an object member and says which members it has ("`source` has a
/// `pointer`, a JSON Pointer into the body, or a `parameter`, the query parameter at fault"):
/// the object's name, the members named after the verb, and whether the sentence offers them as
/// alternatives (each then sent only sometimes).
fn members_said_held(line: &str) -> Option<(&str, Vec<&str>, bool)> {
    let (object, rest) = line.strip_prefix('`')?.split_once('`')?;
    let after = HAS.iter().find_map(|verb| rest.strip_prefix(verb))?;
    let members: Vec<&str> = code_spans(after)
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    let alternatives = after.contains(" or ") || after.contains(" either ");
    (!members.is_empty()).then_some((object, members, alternatives))
}

/// The values a line lists for the member above it, as schema references write them
/// ("Possible values: [`invalid_request`, `invalid_client`]", "Enum: ...").
fn possible_values(line: &str) -> Option<Vec<String>> {
    let lower = line.trim_start_matches(['*', ' ']).to_lowercase();
    const LABELS: [&str; 5] = ["possible values", "allowed values", "valid values", "enum", "one of"];
    let label = LABELS.iter().find(|label| lower.starts_with(*label))?;
    let rest = line.trim_start_matches(['*', ' '])[label.len()..].trim_start_matches(['*', ':', ' ']);
    let spans: Vec<String> = code_spans(rest).map(|span| crate::page::unquoted(span).to_string()).collect();
    let values = match spans.is_empty() {
        true => (rest.trim().trim_start_matches('[').trim_end_matches(['.', ']']).split(','))
            .map(|value| value.trim().trim_matches('"').to_string())
            .collect(),
        false => spans,
    };
    (!values.is_empty() && values.iter().all(|value| is_member_word(value))).then_some(values)
}

impl Drafter<'_> {
    /// Values a schema reference lists under a member's term ("**error** string **required**",
    /// then "Possible values: [...]", PrivX's): values of that member's vocabulary, made where
    /// it has none yet.
    pub(in crate::draft) fn possible_values(&mut self) {
        let page = self.page;
        for (index, section) in page.sections.iter().enumerate() {
            let mut term: Option<&str> = None;
            for line in &section.prose {
                if let Some((word, Some(_), _)) = term_line(line) {
                    term = Some(word);
                    continue;
                }
                let (Some(member), Some(values)) = (term, possible_values(line)) else { continue };
                let source = self.section_ids[index].clone();
                self.listed_values_of(member, &values, &source);
            }
        }
    }

    /// `values`, listed for `member`: added to its vocabulary, or made its vocabulary where it is
    /// text.
    fn listed_values_of(&mut self, member: &str, values: &[String], source: &str) {
        for (body, at) in self.named_members(&[member]) {
            let field = &self.bodies[body].fields[at];
            let name = match field.ty.values() {
                FieldType::Vocabulary(name) => name.clone(),
                // (A member of text itself, not a list of them.)
                FieldType::String if field.ty == FieldType::String => {
                    let base = format!("{}Code", crate::draft::names::pascal(member));
                    let name = self.fresh_body_name(&base);
                    self.vocabularies.push(crate::model::Vocabulary {
                        name: name.clone(),
                        description: format!("The values the page lists for `{member}`."),
                        source: source.to_string(),
                        ..crate::model::Vocabulary::default()
                    });
                    let field = &mut self.bodies[body].fields[at];
                    field.ty = FieldType::Vocabulary(name.clone());
                    name
                }
                _ => continue,
            };
            let Some(vocabulary) = self.vocabularies.iter_mut().find(|v| v.name == name) else { continue };
            for value in values {
                if !vocabulary.values.iter().any(|x| x.value == *value) {
                    vocabulary.values.push(crate::model::VocabularyValue {
                        value: value.clone(),
                        source: source.to_string(),
                        ..crate::model::VocabularyValue::default()
                    });
                }
            }
        }
    }

    /// Members the prose says an object has that no example sent (Klaviyo's "`source` has a
    /// `pointer` ..., or a `parameter` ...": only `pointer` shown): members of its shape, text,
    /// described by the sentence. Members offered as alternatives are each sent only sometimes.
    pub(in crate::draft) fn prose_members(&mut self) {
        let page = self.page;
        for (index, section) in page.sections.iter().enumerate() {
            for line in &section.prose {
                let Some((object, members, alternatives)) = members_said_held(line) else { continue };
                let shapes: Vec<String> = self
                    .bodies
                    .iter()
                    .flat_map(|body| &body.fields)
                    .filter(|field| field.name == object)
                    .filter_map(|field| match &field.ty {
                        crate::model::FieldType::Object(shape) => Some(shape.clone()),
                        _ => None,
                    })
                    .collect();
                for shape in shapes {
                    let listed = crate::model::TableRows::Body(shape.clone());
                    let (source, _) = self.free_source(&self.section_ids[index], |rows| *rows == listed);
                    let Some(body) = self.bodies.iter_mut().find(|body| body.name == shape) else { continue };
                    for &member in &members {
                        match body.fields.iter_mut().find(|field| field.name == member) {
                            Some(known) if alternatives && known.inferred.iter().any(|i| i == "required") => {
                                known.required = false;
                                known.inferred.retain(|fact| fact != "required");
                            }
                            Some(_) => {}
                            None => body.fields.push(crate::model::Field {
                                name: member.to_string(),
                                required: !alternatives,
                                description: line.replace('`', ""),
                                source: source.clone(),
                                inferred: vec!["type".into()],
                                ..crate::draft::bodies::field()
                            }),
                        }
                    }
                }
            }
        }
    }

    /// A page that shows no body, neither an example nor a table of members, but says what an
    /// error response holds (Frisbii's "An error response may hold a `Message` field describing
    /// the error"): a body of those members, of a type the page does not give (`any`), each sent
    /// only sometimes where the sentence says it may be.
    pub(in crate::draft) fn prose_body(&mut self) {
        if !self.bodies.is_empty() {
            return;
        }
        let page = self.page;
        for (index, section) in page.sections.iter().enumerate() {
            for clause in section.prose.iter().flat_map(|line| line.split(". ")) {
                let Some((members, sometimes)) = members_a_response_holds(clause) else { continue };
                let source = self.section_ids[index].clone();
                let fields = members.into_iter().map(|name| crate::model::Field {
                    name: name.to_string(),
                    ty: FieldType::Any,
                    required: !sometimes,
                    description: clause.replace('`', ""),
                    source: source.clone(),
                    inferred: vec!["type".into()],
                    ..crate::draft::bodies::field()
                });
                let name = self.fresh_body_name(&crate::draft::names::body_name(&section.heading, true));
                let described = format!("The body the page describes under {}.", section.heading.join(" › "));
                let body = crate::draft::bodies::drafted_root(name, described, fields.collect(), &source);
                self.bodies.push(body);
                return;
            }
        }
    }

    /// Members a term names by a path from an object the examples send (Keygen's
    /// `**data.attributes.source.parameter** string`, of `source`, which its example sends with a
    /// `pointer` only): members of that object's shape, of the term's type, described by the
    /// paragraph under it. (Its requirement is read with the others', from that paragraph.)
    pub(in crate::draft) fn term_members(&mut self) {
        let page = self.page;
        for (index, section) in page.sections.iter().enumerate() {
            for (at, line) in section.prose.iter().enumerate() {
                let Some((term, Some(typed), _)) = term_line(line) else { continue };
                let ty = typed.ty;
                let Some((holder_path, member)) = term.rsplit_once('.') else { continue };
                let holders = self.named_members(&[holder_path]);
                let shapes: Vec<String> = (holders.iter())
                    .filter_map(|&(body, at)| match self.bodies[body].fields[at].ty.values() {
                        FieldType::Object(shape) => Some(shape.clone()),
                        _ => None,
                    })
                    .collect();
                let description = section.prose.get(at + 1).map_or_else(String::new, |said| said.replace('`', ""));
                for shape in shapes {
                    let Some(body) = self.bodies.iter_mut().find(|body| body.name == shape) else { continue };
                    if body.fields.iter().any(|field| field.name == member) {
                        continue;
                    }
                    body.fields.push(crate::model::Field {
                        name: member.to_string(),
                        ty: ty.clone(),
                        required: true,
                        description: description.clone(),
                        source: self.section_ids[index].clone(),
                        inferred: vec!["required".into()],
                        ..crate::draft::bodies::field()
                    });
                }
            }
        }
    }

    /// Sentences about one member, that start with its name (`` `instance` identifies this
    /// occurrence; quote it when you contact support. ``) or are the one member a line names and
    /// says identifies the request: its description, where only the examples had given one (and
    /// so its role, where the sentence says it is for support or the request's id).
    pub(in crate::draft) fn prose_descriptions(&mut self) {
        let page = self.page;
        let lines = page.sections.iter().enumerate().flat_map(|(index, section)| {
            section_terms(section).into_iter().map(move |defined| (index, defined.term, defined.line))
        });
        for (index, term, line) in lines {
            // (Or a line whose one code span names the member it says identifies the request:
            // Plivo's "Keep `api_id`: it identifies the request".)
            let about_the_request = || {
                let mut spans = code_spans(line);
                let member = spans.next().filter(|_| spans.next().is_none())?;
                said_of_the_request(&line.to_lowercase()).then(|| (member.to_string(), line.to_string()))
            };
            let (member, sentence) = match line.strip_prefix('`').and_then(|rest| rest.split_once('`')) {
                // (A paragraph under a term of its own: its first sentence.)
                _ if term.is_some() => {
                    let first = line.split_once(". ").map_or(line.to_string(), |(first, _)| format!("{first}."));
                    (term.unwrap_or_default().to_string(), first)
                }
                Some((member, _)) => {
                    // The line's first sentence (a member's name may hold a `.`, so not split
                    // before it).
                    let sentence = match line[member.len() + 2..].split_once(". ") {
                        Some((first, _)) => format!("`{member}`{first}."),
                        None => line.to_string(),
                    };
                    (member.to_string(), sentence)
                }
                None => match about_the_request() {
                    Some(found) => found,
                    None => continue,
                },
            };
            let fields = self.bodies.iter_mut().flat_map(|body| &mut body.fields);
            let mut vocabularies = Vec::new();
            for field in fields.filter(|f| f.name == member && f.inferred.iter().any(|i| i == "description")) {
                field.description = sentence.replace('`', "");
                field.inferred.retain(|fact| fact != "description");
                if let FieldType::Vocabulary(name) = field.ty.values() {
                    vocabularies.push(name.clone());
                }
            }
            // The values the paragraph under a term lists, written as its vocabulary's are
            // (Resova's `type`: "One of: 'api_error', 'authentication_error', ..."), are its too.
            if term.is_some() && !vocabularies.is_empty() {
                let source = &self.section_ids[index];
                for vocabulary in self.vocabularies.iter_mut().filter(|v| vocabularies.contains(&v.name)) {
                    let values = &mut vocabulary.values;
                    crate::draft::bodies::add_listed_values(values, line, &member, source, crate::page::written_alike);
                }
            }
        }
    }

    /// Sentences that say which members are required or optional (`` `error` is required;
    /// `error_description` and `error_uri` are optional ``): the members they name take what the
    /// page says, where only the examples had said it.
    pub(in crate::draft) fn prose_requirements(&mut self) {
        // (Of members, none yet: nothing to say of them.)
        if self.bodies.is_empty() {
            return;
        }
        let page = self.page;
        let lines = page
            .sections
            .iter()
            .enumerate()
            .flat_map(|(index, section)| section_terms(section).into_iter().map(move |defined| (index, defined)));
        for (index, Defined { term, line, optional }) in lines {
            // (A term whose type says it is optional: `**Details** (string, optional)`.)
            if let Some(term) = term.filter(|_| optional) {
                self.say_required(&[term], false);
            }
            // (A line that names a member, then says it is optional first: "`details`: (optional)
            // what failed".)
            if let Some(member) = labelled_optional(line) {
                self.say_required(&[member], false);
                continue;
            }
            // (A member called optional before its name: "an optional `errors` array".)
            let called = called_optional(line);
            if !called.is_empty() {
                self.say_required(&called, false);
            }
            // Most lines say neither word.
            let lower = line.to_lowercase();
            let may_have = MAY_HAVE.iter().chain(&SOMETIMES_ONE).any(|words| lower.contains(words));
            // (A paragraph under a term that starts with the errors it comes with: "For validation
            // errors, what failed".)
            let for_some = term.is_some() && starts_with_a_condition(&lower);
            if !for_some
                && !["required", "optional", "absent"].iter().any(|word| lower.contains(word))
                && !sent_sometimes(&lower)
                && !may_have
                && left_out(line).is_none()
                && when_there_is_one(line).is_none()
                && named_after_a_condition(line).is_empty()
            {
                continue;
            }
            // (The member the clause before named first, for one that starts `it`.)
            let mut previous: Option<&str> = None;
            for (nth, clause) in line.split("; ").flat_map(|part| part.split(". ")).enumerate() {
                // (The condition opens the paragraph's first clause.)
                let for_some = for_some && nth == 0;
                let first_named = code_spans(clause).next();
                let before = std::mem::replace(&mut previous, first_named);
                // What the members are, not what was done to them ("`meta` was drafted optional").
                let lower = clause.to_lowercase();
                // ("`error` and `message` are both optional".)
                // (And "treat both as optional".)
                let verbs = [" is ", " are ", " are both ", " are all ", " is also ", " are also ", " as "];
                let says = |word: &str| verbs.iter().any(|verb| lower.contains(&format!("{verb}{word}")));
                // ("`field` is only there when one field caused the error"; not "it may come with
                // status 200 OK or with 401", of the reply rather than a member.)
                let of_the_reply = code_spans(clause).next().is_none() && !super::statuses_in(clause).is_empty();
                let sometimes = sent_sometimes(&lower) && !of_the_reply;
                // ("Each entry has a `code` ... and may have a `source`": those named after it.)
                let may_have = MAY_HAVE.iter().filter_map(|words| lower.find(words)).min();
                let sometimes_one = SOMETIMES_ONE
                    .iter()
                    .filter_map(|words| lower.find(words).map(|at| at + words.len()))
                    .min()
                    .and_then(|at| code_spans(&clause[at..]).next().filter(|_| clause[at..].starts_with('`')));
                // (The member named last before the words: "the `parameter` at fault when there
                // is one" is about `parameter`, as "`result` (left out ...)" is about `result`.)
                let left_out = left_out(clause).or_else(|| when_there_is_one(clause));
                let conditioned = named_after_a_condition(clause);
                // (A paragraph under a term that starts `Optional:` says it of the term.)
                let labelled = |word: &str| term.is_some() && lower.trim_start().starts_with(word);
                let required = match (
                    says("optional")
                        || says("not required")
                        || says("absent")
                        || sometimes
                        || labelled("optional")
                        || for_some,
                    says("required") || labelled("required"),
                ) {
                    (true, _) => false,
                    (false, true) => true,
                    (false, false)
                        if may_have.is_some()
                            || sometimes_one.is_some()
                            || left_out.is_some()
                            || !conditioned.is_empty() =>
                    {
                        false
                    }
                    (false, false) => continue,
                };
                // Where words said which members are sent only sometimes, those members.
                let targeted = !required && !sometimes;
                // (Or after an opening phrase: "Depending on the kind of error, it may ...".)
                let it = ["it ", "this member ", "that member "].iter().any(|w| lower.trim_start().starts_with(w))
                    || lower.contains(", it ");
                // ("`detail` is always there; every other member is optional": the members the
                // section's table lists that the line does not name.)
                let the_others =
                    ["every other", "all other", "the others", "the rest"].iter().any(|w| lower.contains(w));
                let others: Vec<String> = match the_others && !required {
                    true => {
                        let spans: Vec<&str> = code_spans(line).collect();
                        let tabled: Vec<&String> = (self.table_specs.iter())
                            .filter(|((at, _), _)| *at == index)
                            .filter_map(|(_, spec)| match &spec.rows {
                                crate::model::TableRows::Body(name) => Some(name),
                                _ => None,
                            })
                            .collect();
                        // (And the members of the objects they hold, which a table listing them by
                        // path, `source.pointer`, lists too.)
                        let reached =
                            crate::draft::bodies::reached_from(&self.bodies, tabled.iter().map(|name| name.as_str()));
                        let listed = self.bodies.iter().filter(|body| reached.contains(body.name.as_str()));
                        let fields = listed.flat_map(|body| &body.fields);
                        let unnamed = fields.filter(|f| !spans.contains(&f.name.as_str()));
                        unnamed.map(|f| f.name.clone()).collect()
                    }
                    false => Vec::new(),
                };
                let named: Vec<&str> = match (may_have.and_then(|at| clause.get(at..)), left_out) {
                    _ if !others.is_empty() => others.iter().map(String::as_str).collect(),
                    // (Said under a term of its own, of it: "**type** ... It is optional".)
                    _ if term.is_some() && (it || labelled("optional") || labelled("required") || for_some) => {
                        term.into_iter().collect()
                    }
                    (Some(after), _) if targeted => code_spans(after).collect(),
                    _ if targeted && sometimes_one.is_some() => sometimes_one.into_iter().collect(),
                    // The member named last before `left out` (or "when there is one"), else the
                    // one it names; the one a `leave` names after it (`leave `error_code` out`,
                    // Keygen's "carries an `errors` property, and leaves out the `data`
                    // property"): not every member of the sentence.
                    (_, Some(at)) if targeted => {
                        let leaves = clause[at..].get(..5).is_some_and(|w| w.eq_ignore_ascii_case("leave"));
                        let before = code_spans(&clause[..at]).last().filter(|_| !leaves);
                        before.or_else(|| code_spans(&clause[at..]).next()).into_iter().collect()
                    }
                    _ if targeted && may_have.is_none() && !conditioned.is_empty() => conditioned,
                    // ("`errors` maps each field to its problem; it is only sent for `Invalid
                    // Parameters`": the member the clause before named.)
                    _ if it => before.into_iter().collect(),
                    _ => code_spans(clause).collect(),
                };
                self.say_required(&named, required);
            }
        }
    }

    /// Members a comment in an example says are optional (Kalinklo's `"details": { /* optional;
    /// sent with 400s and 422s */ }`).
    pub(in crate::draft) fn commented_requirements(&mut self) {
        let blocks = self.page.sections.iter().flat_map(|section| &section.code_blocks);
        let said: Vec<String> =
            blocks.filter(|b| b.language == "json").flat_map(|b| b.members_said_optional()).collect();
        self.say_required(&said.iter().map(String::as_str).collect::<Vec<_>>(), false);
    }

    /// Members the prose says may be sent as another JSON type too ("`message` can instead be
    /// an array of strings", as Nuvlyx's 422s send it): typed `any`, as a table's type cell of
    /// both would type them.
    pub(in crate::draft) fn prose_types(&mut self) {
        let page = self.page;
        let clauses = page.sections.iter().flat_map(|section| &section.prose).flat_map(|line| line.split(". "));
        let said: Vec<(&str, &str)> =
            clauses.filter_map(|clause| Some((code_spans(clause).next()?, another_type_said(clause)?))).collect();
        for (member, other) in said {
            for (body, at) in self.named_members(&[member]) {
                let kind = match &self.bodies[body].fields[at].ty {
                    FieldType::Vocabulary(name) => {
                        let integer = |v: &&crate::model::Vocabulary| {
                            v.name == *name && v.wire_type == crate::model::VocabularyType::Integer
                        };
                        Some(if self.vocabularies.iter().any(|v| integer(&v)) { "number" } else { "string" })
                    }
                    ty => json_kind(ty),
                };
                // (Not of a member of that type already: "`details` can also be an object".)
                if kind != Some(other) {
                    self.bodies[body].fields[at].ty = FieldType::Any;
                }
            }
        }
    }

    /// A body outlined in a code span of the prose (GEODNET's `{ code, msg, data? }`): its
    /// members the examples do not send are the body's too, of a type the page does not give
    /// (`any`), and, as the examples lack them, sent only sometimes; a name marked `?` is sent
    /// only sometimes.
    pub(in crate::draft) fn members_outlined_in_prose(&mut self) {
        let page = self.page;
        for (index, section) in page.sections.iter().enumerate() {
            for outline in section.prose.iter().flat_map(|line| code_spans(line)).filter_map(outlined) {
                // (The root body that sends most of the outline's members, one at least.)
                let sends = |b: &usize| {
                    outline.iter().filter(|(name, _)| self.bodies[*b].fields.iter().any(|f| &f.name == name)).count()
                };
                let roots = (0..self.bodies.len()).filter(|&b| self.bodies[b].root);
                let Some(body) = roots.max_by_key(sends).filter(|b| sends(b) > 0) else { continue };
                let source = self.section_ids[index].clone();
                for (name, sometimes) in outline {
                    let fields = &mut self.bodies[body].fields;
                    match fields.iter_mut().find(|f| f.name == name) {
                        Some(field) if sometimes => field.required = false,
                        Some(_) => {}
                        None => fields.push(crate::model::Field {
                            name,
                            ty: FieldType::Any,
                            required: false,
                            description: "Outlined in the page's prose, without a type.".into(),
                            source: source.clone(),
                            inferred: vec!["type".into()],
                            ..crate::draft::bodies::field()
                        }),
                    }
                }
            }
        }
    }

    /// The members `named` are required or not, as the page says, where only the examples had
    /// said it.
    pub(in crate::draft) fn say_required(&mut self, named: &[&str], required: bool) {
        // (A member named by its path that is its object's one member, "where it can,
        // `source.pointer` points at the field": what is sent only sometimes is the object.)
        let only_member = |path: &str| {
            let found = self.named_members(&[path]);
            !found.is_empty() && found.iter().all(|&(body, _)| self.bodies[body].fields.len() == 1)
        };
        let named: Vec<&str> = (named.iter())
            .map(|name| match name.rsplit_once('.') {
                Some((holder, _)) if !required && only_member(name) => holder,
                _ => name,
            })
            .collect();
        for (body, at) in self.named_members(&named) {
            let field = &mut self.bodies[body].fields[at];
            if field.inferred.iter().any(|i| i == "required") {
                field.required = required;
                field.inferred.retain(|fact| fact != "required");
            }
        }
    }

    /// Members a code's row names by their path, where the rows name different members of one
    /// object (Travelmode's `details.required` beside one code, `details.field` beside another):
    /// each sent with some codes and not others, so not required where only the examples said
    /// it. (One member that rows name, Discourse's `extras.wait_seconds`, is its object's.)
    pub(in crate::draft) fn members_some_codes_name(&mut self) {
        let values = self.vocabularies.iter().flat_map(|v| &v.values);
        let rows: Vec<Vec<&str>> = values
            .filter_map(|value| value.description.as_deref())
            .map(|said| code_spans(said).filter(|span| span.contains('.')).collect::<Vec<_>>())
            .filter(|paths| !paths.is_empty())
            .collect();
        fn holder(path: &str) -> &str {
            path.rsplit_once('.').map_or("", |(holder, _)| holder)
        }
        let mut sometimes: Vec<&str> = Vec::new();
        for path in rows.iter().flatten() {
            let naming_holder = rows.iter().filter(|row| row.iter().any(|p| holder(p) == holder(path)));
            if naming_holder.clone().any(|row| !row.contains(path)) && !sometimes.contains(path) {
                sometimes.push(path);
            }
        }
        for (body, at) in self.named_members(&sometimes) {
            let field = &mut self.bodies[body].fields[at];
            if field.inferred.iter().any(|i| i == "required") {
                field.required = false;
            }
        }
    }

    /// The members (body, field) a sentence names: by name, in any body, or by the path from the
    /// member that holds them (`error.details`: the `details` of the objects an `error` holds).
    fn named_members(&self, named: &[&str]) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for name in named {
            // (A path the bodies do not have is read by its end: Keygen's terms name
            // `data.attributes.source.pointer` for what its errors send as `source.pointer`.)
            let mut path = *name;
            loop {
                let at_path = self.members_at(path);
                match path.split_once('.') {
                    Some((_, shorter)) if at_path.is_empty() => path = shorter,
                    _ => {
                        found.extend(at_path);
                        break;
                    }
                }
            }
        }
        found
    }

    /// The members `name` names: a member's name, or its path from the object holding it
    /// (`source.pointer`), in any body.
    fn members_at(&self, name: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let (holder, leaf) = match name.rsplit_once('.') {
            Some((path, leaf)) => (path.rsplit('.').next(), leaf),
            None => (None, name),
        };
        let held: Vec<&str> = match holder {
            Some(holder) => (self.bodies.iter().flat_map(|body| &body.fields))
                .filter(|f| f.name == holder)
                .filter_map(|f| match f.ty.values() {
                    FieldType::Object(shape) => Some(shape.as_str()),
                    _ => None,
                })
                .collect(),
            None => Vec::new(),
        };
        for (b, body) in self.bodies.iter().enumerate() {
            if holder.is_some() && !held.contains(&body.name.as_str()) {
                continue;
            }
            found.extend(body.fields.iter().position(|f| f.name == leaf).map(|f| (b, f)));
        }
        found
    }
}

/// The members a clause says an error response holds ("An error response may hold a `Message`
/// field", "the body contains `code` and `message`"), and whether it says they may be there
/// (each then sent only sometimes).
fn members_a_response_holds(clause: &str) -> Option<(Vec<&str>, bool)> {
    let lower = clause.to_lowercase();
    let verbs = [" holds ", " hold ", " contains ", " contain ", " includes ", " include ", " carries ", " carry "];
    let (at, verb) = verbs.iter().filter_map(|verb| Some((lower.find(verb)?, verb))).min()?;
    let subject = &lower[..at];
    let about_errors = subject.contains("error") && ["response", "body", "payload"].iter().any(|w| subject.contains(w));
    let members: Vec<&str> = code_spans(&clause[at + verb.len()..]).filter(|name| is_member_word(name)).collect();
    let sometimes = ["may", "might", "can"].iter().any(|w| subject.split_whitespace().any(|word| word == *w));
    (about_errors && !members.is_empty()).then_some((members, sometimes))
}

/// The members a code span outlines as a body (`{ code, msg, data? }`), each with whether it is
/// marked as sent only sometimes; two at least, each a name.
fn outlined(span: &str) -> Option<Vec<(String, bool)>> {
    let inner = span.trim().strip_prefix('{')?.strip_suffix('}')?;
    let members: Option<Vec<(String, bool)>> = inner
        .split(',')
        .map(|part| {
            let part = part.trim();
            let (name, sometimes) = part.strip_suffix('?').map_or((part, false), |name| (name, true));
            let word = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            word.then(|| (name.to_string(), sometimes))
        })
        .collect();
    members.filter(|members| members.len() > 1)
}

/// The JSON type a clause says the member it names may be sent as too ("`message` can instead
/// be an array of strings": `array`), as [`json_kind`] names it.
fn another_type_said(clause: &str) -> Option<&'static str> {
    let lower = clause.to_lowercase();
    let kinds = [
        ("array", "array"),
        ("list", "array"),
        ("object", "object"),
        ("number", "number"),
        ("integer", "number"),
        ("string", "string"),
        ("boolean", "boolean"),
    ];
    ["can instead be", "may instead be", "can also be", "may also be"].iter().find_map(|words| {
        let (_, after) = lower.split_once(words)?;
        let word = after.split_whitespace().find(|w| !["a", "an"].contains(w))?;
        kinds.iter().find(|(said, _)| word.trim_end_matches([',', '.']) == *said).map(|(_, kind)| *kind)
    })
}

/// The JSON type of a member's values, as [`another_type_said`] names it; `None` for `any`.
fn json_kind(ty: &FieldType) -> Option<&'static str> {
    match ty {
        FieldType::String | FieldType::Vocabulary(_) => Some("string"), // (a vocabulary of text)
        FieldType::Integer | FieldType::Number => Some("number"),
        FieldType::Boolean => Some("boolean"),
        FieldType::Map(_) | FieldType::Object(_) | FieldType::Union(_) => Some("object"),
        FieldType::Array(_) => Some("array"),
        FieldType::Any => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{
        another_type_said, called_optional, defined_terms, labelled_optional, left_out, members_a_response_holds,
        members_said_held, named_after_a_condition, outlined, section_terms, sent_sometimes, when_there_is_one,
        Presence,
    };

    #[test]
    fn a_member_may_be_called_optional_before_its_name() {
        assert_eq!(called_optional("It also holds an optional `errors` array, and a `title`."), ["errors"]);
        assert_eq!(called_optional("Optional `details`; `code` is required"), ["details"]);
        assert!(called_optional("The `errors` array is there").is_empty());
    }

    #[test]
    fn a_clause_may_say_what_an_error_response_holds() {
        let said = members_a_response_holds("An error response may hold a `Message` field describing the error");
        assert_eq!(said, Some((vec!["Message"], true)));
        let said = members_a_response_holds("The error body contains `code` and `message`");
        assert_eq!(said, Some((vec!["code", "message"], false)));
        assert_eq!(members_a_response_holds("The list holds `items`"), None, "no error's");
        assert_eq!(members_a_response_holds("An error response holds the details"), None, "no member");
    }

    #[test]
    fn a_code_span_may_outline_a_body() {
        let members = |names: &[(&str, bool)]| names.iter().map(|&(n, s)| (n.to_string(), s)).collect::<Vec<_>>();
        assert_eq!(outlined("{ code, msg, data? }"), Some(members(&[("code", false), ("msg", false), ("data", true)])));
        assert_eq!(outlined("{ code }"), None, "one member");
        assert_eq!(outlined("{ \"code\": 1 }"), None, "JSON, not an outline");
        assert_eq!(outlined("code, msg"), None);
    }

    #[test]
    fn a_clause_may_say_a_member_is_sent_as_another_type_too() {
        assert_eq!(another_type_said("For a 422, `message` can instead be an array of strings"), Some("array"));
        assert_eq!(another_type_said("`code` may also be an integer."), Some("number"));
        assert_eq!(another_type_said("`details` can also be empty"), None);
        assert_eq!(another_type_said("`message` is a string"), None);
    }

    #[test]
    fn a_line_of_a_term_alone_names_what_the_line_under_it_defines() {
        let prose: Vec<String> =
            ["message", "For developers.", "`type`", "Groups errors. It is optional.", "A sentence.", "param"]
                .map(String::from)
                .to_vec();
        fn terms(prose: &[String]) -> Vec<(Option<&str>, &str, bool)> {
            defined_terms(prose).into_iter().map(|d| (d.term, d.line, d.optional)).collect()
        }
        assert_eq!(
            terms(&prose),
            [
                (Some("message"), "For developers.", false),
                (Some("type"), "Groups errors. It is optional.", false),
                (None, "A sentence.", false),
                (None, "param", false),
            ]
        );
        let typed: Vec<String> =
            ["**type** string", "The kind of error.", "**type of error**", "A heading."].map(String::from).to_vec();
        assert_eq!(
            terms(&typed),
            [
                (Some("type"), "The kind of error.", false),
                (None, "**type of error**", false),
                (None, "A heading.", false)
            ]
        );
        let optional: Vec<String> = ["**Details** (string, optional)", "More."].map(String::from).to_vec();
        assert_eq!(terms(&optional), [(Some("Details"), "More.", true)]);
    }

    #[test]
    fn a_line_may_call_the_member_it_names_optional_first() {
        assert_eq!(labelled_optional("`details`: (optional) what failed"), Some("details"));
        assert_eq!(labelled_optional("`hint` - Optional. A hint."), Some("hint"));
        assert_eq!(labelled_optional("`code`: the status again; never optional"), None);
        assert_eq!(labelled_optional("Every member is optional"), None);
    }

    #[test]
    fn a_section_headed_by_a_member_over_its_type_defines_it() {
        let section = |heading: &str, prose: &[&str]| crate::page::PageSection {
            heading: vec!["The ErrorCode object".into(), heading.into()],
            line: 1,
            prose: prose.iter().map(|line| line.to_string()).collect(),
            ..crate::page::PageSection::default()
        };
        let described = section("description", &["string (optional)", "What the error was."]);
        let terms: Vec<_> = section_terms(&described).into_iter().map(|d| (d.term, d.line, d.optional)).collect();
        assert_eq!(terms, [(Some("description"), "What the error was.", true)]);
        let prose = section("Retrying", &["Wait a while.", "Then retry."]);
        assert!(section_terms(&prose).iter().all(|d| d.term.is_none()), "no type line under the heading");
    }

    #[test]
    fn a_sentence_that_says_what_members_an_object_has() {
        assert_eq!(
            members_said_held("`source` has a `pointer`, a JSON Pointer, or a `parameter`, the one at fault."),
            Some(("source", vec!["pointer", "parameter"], true))
        );
        assert_eq!(members_said_held("`meta` holds `limit` and `used`."), Some(("meta", vec!["limit", "used"], false)));
        assert_eq!(members_said_held("Each error has a `code`."), None, "no object named first");
        assert_eq!(members_said_held("`source` has no members of note."), None);
        assert_eq!(members_said_held("`code` has `\"invalid value\"` at most."), None, "a value, not a member");
    }

    #[test]
    fn a_line_may_list_the_values_of_the_member_above_it() {
        let values = |line: &str| super::possible_values(line);
        let listed = |words: &[&str]| Some(words.iter().map(|w| w.to_string()).collect::<Vec<_>>());
        assert_eq!(
            values("Possible values: [`invalid_request`, `invalid_client`]"),
            listed(&["invalid_request", "invalid_client"])
        );
        assert_eq!(values("Enum: a, b, c"), listed(&["a", "b", "c"]));
        assert_eq!(values("Possible values depend on the endpoint."), None);
        assert_eq!(values("The code."), None);
    }

    #[test]
    fn a_term_line_may_say_whether_its_member_is_sent() {
        fn presence(line: &str) -> Option<(&str, bool, Presence)> {
            super::term_line(line).map(|(word, typed, presence)| (word, typed.is_some(), presence))
        }
        assert_eq!(presence("**code** string **required**"), Some(("code", true, Presence::Required)));
        assert_eq!(presence("**details** object"), Some(("details", true, Presence::Unmarked)));
        assert_eq!(presence("reason Optional"), Some(("reason", false, Presence::Optional)));
        assert_eq!(presence("`hint` (string, optional)"), Some(("hint", true, Presence::Optional)));
        assert_eq!(presence("code is what to branch on"), None);
        // Unmarked beside terms marked required: optional.
        let prose: Vec<String> =
            ["**code** string **required**", "The code.", "**details** object", "More."].map(String::from).into();
        let optional: Vec<(Option<&str>, bool)> =
            super::defined_terms(&prose).iter().map(|defined| (defined.term, defined.optional)).collect();
        assert_eq!(optional, [(Some("code"), false), (Some("details"), true)]);
    }

    #[test]
    fn words_that_say_a_member_is_sent_sometimes() {
        assert!(sent_sometimes("`field`, when present, names the field at fault."));
        assert!(sent_sometimes("for `param_error`, each parameter at fault."));
        assert!(!sent_sometimes("informational messages, if any."), "always sent, maybe empty");
        assert!(!sent_sometimes("the field at fault."));
        let left = |said: &'static str| left_out(said).map(|at| &said[at..]);
        assert_eq!(
            left("Older servers leave `error_code` out; fall back."),
            Some("leave `error_code` out; fall back.")
        );
        assert_eq!(left("`result` (left out when it failed)"), Some("(left out when it failed)"));
        assert_eq!(left("Leave the rest to the server; it works things out."), None);
        let when = |said: &'static str| when_there_is_one(said).map(|at| &said[at..]);
        assert_eq!(when("and the `parameter` at fault when there is one"), Some("when there is one"));
        assert_eq!(when("the `parameter` at fault"), None);
        assert_eq!(
            named_after_a_condition("Each has a `reason` for people and, when a field caused it, that `field`."),
            ["field"]
        );
        assert!(named_after_a_condition("Each has a `reason`, when sent, and a `field`.").is_empty());
        assert_eq!(named_after_a_condition("a `code` and, for validation errors, `details`."), ["details"]);
        assert!(named_after_a_condition("a `code` and, for example, `details`.").is_empty());
        assert_eq!(
            named_after_a_condition("its code (`code`) and, where useful, the parameter at fault (`param`)."),
            ["param"]
        );
        assert!(named_after_a_condition("a `code` and, where useful, the few words that say it all (`x`).").is_empty());
        assert_eq!(
            named_after_a_condition("`code` names it, and `errors`, present on validation failures, lists them."),
            ["errors"]
        );
        assert!(named_after_a_condition("`code`, present on every answer, names it.").is_empty());
    }
}
