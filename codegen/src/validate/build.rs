//! Turns a checked API into its resolved form. It runs only when the checks found nothing, so
//! every lookup here succeeds; each `expect` names the check that guarantees it.

use super::Derived;
use crate::model::{self, DecidedBy, Traced};
use crate::names;
use crate::resolved::*;
use crate::source_map::SourceMap;
use std::collections::HashMap;

/// Name-to-handle lookups of one API.
struct Handles {
    /// Document ids; a section without `document` belongs to the only document.
    documents: HashMap<String, DocumentId>,
    sections: HashMap<String, SectionId>,
    vocabularies: HashMap<String, VocabularyId>,
    shapes: HashMap<String, ShapeId>,
    unions: HashMap<String, UnionId>,
    inconsistencies: HashMap<String, InconsistencyId>,
}

impl Handles {
    fn new(api: &model::Api) -> Self {
        Handles {
            documents: index(api.source.0.iter().filter_map(|d| d.id.as_ref()), DocumentId),
            sections: index(api.sections.iter().map(|s| &s.id), SectionId),
            vocabularies: index(api.vocabularies.iter().map(|v| &v.name), VocabularyId),
            shapes: index(api.bodies.iter().map(|s| &s.name), ShapeId),
            unions: index(api.unions.iter().map(|u| &u.name), UnionId),
            inconsistencies: index(api.inconsistencies.iter().map(|x| &x.id), InconsistencyId),
        }
    }

    fn section(&self, id: &str) -> SectionId {
        *self.sections.get(id).expect("check_section: every section reference resolves")
    }

    fn document(&self, id: Option<&str>) -> DocumentId {
        id.map_or(DocumentId(0), |id| {
            *self.documents.get(id).expect("check_sections: every document reference resolves")
        })
    }

    fn trace(&self, entry: &dyn Traced) -> Trace {
        Trace {
            section: self.section(entry.source()),
            inferred: entry.inferred().to_vec(),
            inconsistencies: entry
                .inconsistencies()
                .iter()
                .map(|id| *self.inconsistencies.get(id).expect("check_trace: inconsistency references resolve"))
                .collect(),
            notes: entry.notes().to_vec(),
        }
    }

    fn field_type(&self, ty: &model::FieldType) -> FieldType {
        match ty {
            model::FieldType::String => FieldType::String,
            model::FieldType::Integer => FieldType::Integer,
            model::FieldType::Number => FieldType::Number,
            model::FieldType::Boolean => FieldType::Boolean,
            model::FieldType::Any => FieldType::Any,
            model::FieldType::Map(inner) => FieldType::Map(Box::new(self.field_type(inner))),
            model::FieldType::Vocabulary(name) => {
                FieldType::Vocabulary(*self.vocabularies.get(name).expect("check_field_type: vocabularies resolve"))
            }
            model::FieldType::Object(name) => {
                FieldType::Object(*self.shapes.get(name).expect("check_field_type: bodies resolve"))
            }
            model::FieldType::Union(name) => {
                FieldType::Union(*self.unions.get(name).expect("check_field_type: unions resolve"))
            }
            model::FieldType::Array(inner) => FieldType::Array(Box::new(self.field_type(inner))),
        }
    }
}

/// Each id with the handle of its position.
fn index<'a, T>(ids: impl Iterator<Item = &'a String>, handle: fn(usize) -> T) -> HashMap<String, T> {
    ids.enumerate().map(|(i, id)| (id.clone(), handle(i))).collect()
}

/// The name a check derived for entry `index`.
fn derived(names: &[Option<String>], index: usize, check: &str) -> String {
    names.get(index).cloned().flatten().unwrap_or_else(|| panic!("{check} names every entry of a valid catalog"))
}

pub(super) fn build(api: model::Api, file: String, source_map: SourceMap, mut derived_names: Derived) -> Api {
    // The checks' index of values by wire string, if they made one; else made here.
    let by_wire = derived_names.values_by_wire.take().unwrap_or_else(|| super::recovery::values_by_wire(&api));
    let handles = Handles::new(&api);
    let d = &derived_names;
    let sections = api
        .sections
        .iter()
        .zip(derived_names.tables.iter().cloned())
        .map(|(section, table)| Section {
            id: section.id.clone(),
            document: handles.document(section.document.as_deref()),
            heading: section.heading.clone(),
            table,
        })
        .collect();
    let statuses = api
        .statuses
        .iter()
        .enumerate()
        .map(|(i, s)| Status {
            code: s.code,
            reason: s.reason_phrase().expect("check_statuses: every status has a reason phrase").to_string(),
            variant: derived(&d.status_variants, i, "check_statuses"),
            description: s.description.clone(),
            action: s.action.clone(),
            when_used: s.when_used.clone(),
            retryable: s.retryable,
            retryable_said: s.retryable_said.clone(),
            trace: {
                let mut trace = handles.trace(s);
                // A phrase the generator filled in is a fact the document did not state.
                if s.reason.is_none() && !trace.inferred.iter().any(|f| f == "reason") {
                    trace.inferred.push("reason".into());
                }
                trace
            },
        })
        .collect();
    let status_classes = api
        .status_classes
        .iter()
        .filter_map(|entry| {
            Some(StatusClassRow {
                class: entry.status_class()?,
                written: entry.class.clone(),
                name: entry.reason.clone(),
                description: entry.description.clone(),
                action: entry.action.clone(),
                when_used: entry.when_used.clone(),
                retryable: entry.retryable,
                trace: handles.trace(entry),
            })
        })
        .collect();
    let vocabularies = api
        .vocabularies
        .iter()
        .enumerate()
        .map(|(v, vocabulary)| Vocabulary {
            name: vocabulary.name.clone(),
            known_name: names::known_name(&vocabulary.name),
            unknown_name: names::unknown_name(&vocabulary.name),
            description: vocabulary.description.clone(),
            section: handles.section(&vocabulary.source),
            wire_type: vocabulary.wire_type,
            format: vocabulary.format,
            links_to: vocabulary.links_to.as_ref().map(|target| {
                let id = *handles.vocabularies.get(target).expect("check_links: linked vocabularies resolve");
                (id, names::snake_case(target).expect("check_links: a linked vocabulary names a method"))
            }),
            namespace_separator: vocabulary.namespace_separator.as_deref().and_then(|s| s.chars().next()),
            values: vocabulary
                .values
                .iter()
                .enumerate()
                .map(|(i, x)| VocabularyValue {
                    wire: x.value.clone(),
                    code: match vocabulary.wire_type {
                        model::VocabularyType::Integer => super::entries::integer_code(&x.value),
                        model::VocabularyType::String => None,
                    },
                    variant: derived(&d.value_variants[v], i, "check_vocabularies"),
                    description: x.description.clone(),
                    title: x.title.clone(),
                    kind: x.kind.clone(),
                    category: x.category.clone(),
                    statuses: x.statuses.clone(),
                    statuses_said: x.statuses_said.clone(),
                    action: x.action.clone(),
                    message: x.message.clone(),
                    user_message: x.user_message.clone(),
                    retryable: api.value_retryable(x).map(|(retryable, _)| retryable),
                    retryable_said: x.retryable_said.clone(),
                    link: x.link.as_ref().map(|wire| {
                        let target = vocabulary.links_to.as_ref().expect("check_links: a link has a vocabulary");
                        let vocabulary = *handles.vocabularies.get(target).expect("check_links: it resolves");
                        let index = api.vocabularies[vocabulary.0]
                            .values
                            .iter()
                            .position(|v| &v.value == wire)
                            .expect("check_links: a link names a value of the vocabulary");
                        ValueRef { vocabulary, index }
                    }),
                    trace: {
                        let mut trace = handles.trace(x);
                        if api.value_retryable(x).is_some_and(|(_, inherited)| inherited) {
                            if !trace.inferred.iter().any(|f| f == "retryable") {
                                trace.inferred.push("retryable".into());
                            }
                            trace.notes.push("Retryable as its statuses are.".into());
                        }
                        trace
                    },
                })
                .collect(),
            families: (vocabulary.families.iter())
                .map(|x| ValueFamily {
                    written: x.value.clone(),
                    pattern: x.family_pattern().to_string(),
                    description: x.description.clone(),
                    title: x.title.clone(),
                    kind: x.kind.clone(),
                    category: x.category.clone(),
                    statuses: x.statuses.clone(),
                    action: x.action.clone(),
                    message: x.message.clone(),
                    user_message: x.user_message.clone(),
                    retryable: x.retryable,
                    trace: handles.trace(x),
                })
                .collect(),
        })
        .collect();
    let shapes = api
        .bodies
        .iter()
        .enumerate()
        .map(|(b, shape)| Shape {
            name: shape.name.clone(),
            description: shape.description.clone(),
            root: shape.root,
            array: shape.array,
            text: shape.text.as_ref().map(|text| TextBody { ty: handles.field_type(&text.ty), role: text.role }),
            extensions: shape.extensible.then(|| super::entries::EXTENSIONS_FIELD.to_string()),
            media_type: shape.media_type.clone().unwrap_or_else(|| {
                let default = if shape.text.is_some() { TEXT_MEDIA_TYPE } else { DEFAULT_MEDIA_TYPE };
                default.to_string()
            }),
            fields: shape
                .fields
                .iter()
                .enumerate()
                .map(|(f, field)| {
                    let rust_name = derived(&d.field_names[b], f, "check_bodies");
                    Field {
                        wire: field.name.clone(),
                        setter: names::setter_name(&rust_name),
                        rust_name,
                        ty: handles.field_type(&field.ty),
                        required: field.required,
                        presence: field.presence.clone(),
                        type_said: field.type_said.clone(),
                        example: field.example.clone(),
                        nullable: field.nullable,
                        format: field.format,
                        role: field.role,
                        description: field.description.clone(),
                        trace: handles.trace(field),
                    }
                })
                .collect(),
            trace: handles.trace(shape),
        })
        .collect();
    let unions = api
        .unions
        .iter()
        .map(|union| Union {
            name: union.name.clone(),
            description: union.description.clone(),
            tag: union.tag.clone(),
            variants: union
                .variants
                .iter()
                .map(|variant| UnionVariant {
                    tag: variant.tag.clone(),
                    shape: *handles.shapes.get(&variant.body).expect("check_unions: variant bodies resolve"),
                    variant: variant.rust_name().to_string(),
                })
                .collect(),
            trace: handles.trace(union),
        })
        .collect();
    let headers = api
        .headers
        .iter()
        .enumerate()
        .map(|(h, header)| Header {
            name: header.name.clone(),
            constant: derived(&d.header_constants, h, "check_headers"),
            description: header.description.clone(),
            sent_in: header.sent_in,
            value_type: header.value_type,
            type_said: header.type_said.clone(),
            format: header.format,
            role: header.role,
            vocabulary: header.vocabulary.as_ref().and_then(|name| handles.vocabularies.get(name).copied()),
            statuses: header.statuses.clone(),
            formats: header.formats.clone(),
            default_seconds: header.default_seconds,
            trace: handles.trace(header),
        })
        .collect();
    let recovery = recovery(&api, &handles, &by_wire);
    let field_roles = field_roles(&api);
    // Validation holds every `retry_after` field of the API to one list.
    let body_wait_formats = api
        .bodies
        .iter()
        .flat_map(|shape| &shape.fields)
        .find(|field| field.role == Some(model::FieldRole::RetryAfter))
        .map_or_else(|| vec![model::RetryAfterFormat::DelaySeconds], |field| field.wait_formats().to_vec());
    let decision = |d: &model::Decision| Decision {
        kind: d.kind,
        rule: d.rule.clone(),
        status: d.status,
        // Validated to be whole milliseconds.
        wait_ms: d.wait_seconds.and_then(super::recovery::whole_milliseconds),
        then: d.then,
        retry_waits_ms: d
            .retry_waits
            .as_ref()
            .map(|waits| waits.iter().filter_map(|&seconds| super::recovery::whole_milliseconds(seconds)).collect()),
    };
    let examples = api
        .examples
        .iter()
        .enumerate()
        .map(|(e, example)| Example {
            id: example.id.clone(),
            name: derived(&d.example_names, e, "check_examples"),
            title: example.title.clone(),
            shape: *handles.shapes.get(&example.body_format).expect("check_examples: body formats resolve"),
            status: example.status,
            status_in_prose: example.status_in_prose,
            headers: example.headers.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            body_sent: match (&example.body, api.shape(&example.body_format).is_some_and(|s| s.text.is_some())) {
                (serde_json::Value::String(text), true) => text.clone(),
                (body, _) => serde_json::to_string_pretty(body).expect("a JSON value always serializes"),
            },
            body: example.body.clone(),
            decision: example.decision.as_ref().map(decision),
            trace: handles.trace(example),
        })
        .collect();
    let cases = api
        .cases
        .iter()
        .enumerate()
        .map(|(c, case)| Case {
            id: case.id.clone(),
            name: derived(&d.case_names, c, "check_cases"),
            why: case.why.clone(),
            source: case.source.as_ref().map(|section| (handles.section(section), case.inferred.clone())),
            input: match (case.status, case.transport) {
                (None, Some(failure)) => CaseInput::Transport(failure),
                (status, _) => CaseInput::Response {
                    status: status.expect("check_cases: a case has a status or a transport failure"),
                    headers: case.headers.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
                    body: match (&case.body, &case.body_text) {
                        (Some(json), _) => json.to_string(),
                        (None, Some(text)) => text.clone(),
                        (None, None) => String::new(),
                    },
                },
            },
            request: case.request.as_ref().map(|request| CaseRequest {
                method: request.method.clone(),
                idempotency_key: request.idempotency_key,
            }),
            decision: decision(&case.decision),
        })
        .collect();
    let inconsistencies = api
        .inconsistencies
        .iter()
        .map(|x| Inconsistency {
            id: x.id.clone(),
            kind: x.kind,
            summary: x.summary.clone(),
            statements: x
                .statements
                .iter()
                .map(|s| Statement { section: handles.section(&s.section), says: s.says.clone() })
                .collect(),
            resolution: x.resolution.clone(),
        })
        .collect();
    Api {
        module: names::escape_keyword(api.id.clone()),
        id: api.id,
        name: api.name,
        summary: api.summary,
        file,
        documents: api.source.0,
        sections,
        statuses,
        status_classes,
        vocabularies,
        shapes,
        unions,
        headers,
        field_roles,
        body_wait_formats,
        recovery,
        examples,
        cases,
        inconsistencies,
        source_map,
    }
}

/// Where each role's field sits: a top-level key of a root body, or (for a support reference)
/// Where each role's field sits: the JSON key paths from the top of a root body, in catalog
/// order, without repeats.
fn field_roles(api: &model::Api) -> Vec<(model::FieldRole, Vec<String>)> {
    let mut paths: Vec<(model::FieldRole, Vec<String>)> = Vec::new();
    for path in super::recovery::role_paths(&api.bodies, &api.unions) {
        if !paths.iter().any(|(role, keys)| *role == path.role && *keys == path.keys) {
            paths.push((path.role, path.keys));
        }
    }
    paths
}

/// The rules with their values resolved in the vocabularies of their role, and the fallback
/// (giving up, when the catalog has no `recovery`).
fn recovery(api: &model::Api, handles: &Handles, by_wire: &HashMap<String, Vec<(usize, usize)>>) -> Recovery {
    let codes = super::recovery::role_vocabularies(api, model::FieldRole::Code);
    let hints = super::recovery::role_vocabularies(api, model::FieldRole::Hint);
    let resolve = |wires: &[String], vocabularies: &[&std::collections::BTreeSet<&str>]| -> Vec<ValueRef> {
        wires
            .iter()
            .map(|wire| {
                let carried = |&&(v, _): &&(usize, usize)| {
                    vocabularies.iter().any(|set| set.contains(api.vocabularies[v].name.as_str()))
                };
                let found = by_wire
                    .get(wire.as_str())
                    .and_then(|values| values.iter().find(carried))
                    .map(|&(v, index)| ValueRef { vocabulary: VocabularyId(v), index });
                found.expect("check_recovery: rule values are values of their role's vocabularies")
            })
            .collect()
    };
    let Some(advice) = &api.recovery else {
        let first = api.sections.first().expect("check_bodies: a valid catalog has a section");
        let trace = Trace {
            section: handles.section(&first.id),
            inferred: vec!["kind".to_string()],
            inconsistencies: Vec::new(),
            notes: vec!["The catalog has no `recovery`, so every error is given up on.".to_string()],
        };
        let advice = "The catalog gives no recovery advice for this API.";
        let precedence = api_error_runtime::RecoveryTable::PRECEDENCE.to_vec();
        return Recovery {
            precedence,
            rules: Vec::new(),
            fallback: fallback(model::RecoveryKind::GiveUp, advice, trace),
        };
    };
    let rules = advice
        .rules
        .iter()
        .map(|rule| RecoveryRule {
            id: rule.id.clone(),
            level: super::recovery::level(rule),
            hints: resolve(&rule.hints, &[&hints]),
            errors: resolve(&rule.errors, &[&codes]),
            statuses: rule.statuses.clone(),
            status_classes: rule.status_classes.clone(),
            except: resolve(&rule.except, &[&codes, &hints]),
            kind: rule.kind,
            client_backoff: rule.backoff == Some(model::BackoffAdvice::Client),
            backoff: rule.backoff.as_ref().and_then(|b| b.delays()).map(|b| Backoff {
                first_delay_ms: b.first_delay_ms,
                multiplier: b.multiplier,
                max_delay_ms: b.max_delay_ms,
                jitter: b.jitter,
                jitter_ms: b.jitter_ms,
            }),
            max_attempts: rule.max_attempts,
            if_no_wait: rule.if_no_wait,
            when: rule.when.iter().map(|condition| resolve_condition(api, condition)).collect(),
            transport: rule.transport.clone(),
            safe_to_resend: rule.safe_to_resend,
            then: rule.then.as_ref().map(|then| Escalation {
                kind: then.kind,
                quote: then.quote,
                advice: then.advice.clone(),
            }),
            advice: rule.advice.clone(),
            trace: handles.trace(rule),
        })
        .collect();
    let given = &advice.fallback;
    let precedence = advice.precedence.clone().unwrap_or_else(|| api_error_runtime::RecoveryTable::PRECEDENCE.to_vec());
    Recovery { precedence, rules, fallback: fallback(given.kind, &given.advice, handles.trace(given)) }
}

/// A condition, its header named as the catalog describes it.
fn resolve_condition(api: &model::Api, condition: &model::Condition) -> Condition {
    let subject = match (&condition.header, condition.field) {
        (Some(name), _) => ConditionSubject::Header(
            api.headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case(name))
                .map_or_else(|| name.clone(), |h| h.name.clone()),
        ),
        (None, field) => ConditionSubject::Field(field.expect("check_conditions: a condition has a subject")),
    };
    let test = match (&condition.equals, &condition.contains) {
        (Some(text), _) => ConditionTest::Equals(text.clone()),
        (None, text) => ConditionTest::Contains(text.clone().expect("check_conditions: a condition has a test")),
    };
    Condition { subject, test }
}

/// The fallback as a rule that covers every response.
fn fallback(kind: model::RecoveryKind, advice: &str, trace: Trace) -> RecoveryRule {
    RecoveryRule {
        id: super::recovery::FALLBACK_ID.to_string(),
        level: DecidedBy::Fallback,
        hints: Vec::new(),
        errors: Vec::new(),
        statuses: Vec::new(),
        status_classes: Vec::new(),
        except: Vec::new(),
        kind,
        backoff: None,
        client_backoff: false,
        max_attempts: None,
        if_no_wait: None,
        when: Vec::new(),
        transport: Vec::new(),
        safe_to_resend: false,
        then: None,
        advice: advice.to_string(),
        trace,
    }
}
