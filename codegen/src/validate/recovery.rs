//! What a client needs to decide: the roles of body fields, and the recovery rules. Rules are
//! checked to be unambiguous (no two of one level cover the same response) and to have what
//! their kind needs, so that the runtime's fixed precedence always yields one answer.

use super::Checker;
use crate::diagnostic::Code;
use crate::model::{
    DecidedBy, Elements, FieldRole, FieldType, HeaderDirection, HeaderRole, Jitter, RecoveryAdvice, RecoveryKind,
    RecoveryRule, RetryAfterFormat, Shape, StatusClass, Union, Vocabulary,
};
use api_error_runtime::model::{ANY_ELEMENT, EACH_ELEMENT};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Facts of a rule that `inferred` may list.
const RULE_FACTS: &[&str] = &[
    "kind",
    "backoff",
    "max_attempts",
    "if_no_wait",
    "statuses",
    "except",
    "when",
    "transport",
    "safe_to_resend",
    "then",
];
const FALLBACK_FACTS: &[&str] = &["kind"];
/// The id the fallback answers to in example decisions and the exported data.
pub const FALLBACK_ID: &str = "fallback";

/// The vocabularies carried by fields of a role, by name.
pub(super) fn role_vocabularies(api: &crate::model::Api, role: FieldRole) -> BTreeSet<&str> {
    let bodies = &api.bodies;
    let fields = bodies.iter().flat_map(|shape| &shape.fields).map(|field| (field.role, field.ty.values()));
    let texts = bodies.iter().filter_map(|shape| shape.text.as_ref()).map(|text| (text.role, &text.ty));
    let mut found: BTreeSet<&str> = fields
        .chain(texts)
        .filter(|(carried, _)| *carried == Some(role))
        .filter_map(|(_, ty)| match ty {
            FieldType::Vocabulary(name) => Some(name.as_str()),
            _ => None,
        })
        .collect();
    // The codes a header sends (Azure's `x-ms-error-code`).
    if role == FieldRole::Code {
        let headers = api.headers.iter().filter(|header| header.role == Some(HeaderRole::Code));
        found.extend(headers.filter_map(|header| header.vocabulary.as_deref()));
    }
    found
}

/// A field with a role, reached from a root body through object fields: the JSON keys from the
/// top of the body, and where the field is (body and field index; no field for the text of a
/// plain-text body, whose path has no key).
pub(super) struct RolePath {
    pub role: FieldRole,
    pub keys: Vec<String>,
    pub shape: usize,
    pub field: Option<usize>,
}

/// Every role field a client can reach from the top of an error body, in catalog order: on a
/// root body, or in an object (at any depth) a root body's fields hold, as nested envelopes
/// (`{"error": {"code": ...}}`) do, or the elements of an array hold (`{"errors": [{"code":
/// ...}]}`: the path goes through [`EACH_ELEMENT`], and the first element that has the field
/// gives the fact). A map's values have no fixed key, so nothing under a map is reached.
pub(super) fn role_paths(bodies: &[Shape], unions: &[Union]) -> Vec<RolePath> {
    let mut out = Vec::new();
    for (r, root) in bodies.iter().enumerate().filter(|(_, b)| b.root) {
        if let Some(role) = root.text.as_ref().and_then(|text| text.role) {
            out.push(RolePath { role, keys: Vec::new(), shape: r, field: None });
        }
        // A body that is a list of such objects: the first element that has the fact gives it.
        let mut keys = if root.array { vec![EACH_ELEMENT.to_string()] } else { Vec::new() };
        walk_members(bodies, unions, r, &mut keys, &mut Vec::new(), &mut |shape, f, keys| {
            if let Some(role) = bodies[shape].fields[f].role {
                out.push(RolePath { role, keys: keys.to_vec(), shape, field: Some(f) });
            }
        });
    }
    out
}

/// Each member of body `shape` (its index and its field's), with the JSON keys to it after
/// `keys`, each followed, depth first, by the members of the object it holds, as nested
/// envelopes (`{"error": {"code": ...}}`) do, or the elements of an array hold (`{"errors":
/// [{"code": ...}]}`: the keys go through [`EACH_ELEMENT`], or [`ANY_ELEMENT`] where any element
/// counts), or of each shape a union may be (the tag adds no key). A map's values have no fixed
/// key, so nothing under a map is visited; a shape already on the path (`on_path`) is not
/// visited again (validation reports the cycle).
pub(super) fn walk_members(
    bodies: &[Shape],
    unions: &[Union],
    shape: usize,
    keys: &mut Vec<String>,
    on_path: &mut Vec<usize>,
    visit: &mut dyn FnMut(usize, usize, &[String]),
) {
    on_path.push(shape);
    for (f, field) in bodies[shape].fields.iter().enumerate() {
        keys.push(field.name.clone());
        let depth = keys.len();
        // Through arrays, to the object their elements are, or to the values with the role
        // (`"error": ["EAPI:Invalid key"]`): the first element's, or any's.
        let element = match field.elements {
            Elements::First => EACH_ELEMENT,
            Elements::Any => ANY_ELEMENT,
        };
        let mut ty = &field.ty;
        while let FieldType::Array(inner) = ty {
            keys.push(element.to_string());
            ty = inner;
        }
        visit(shape, f, keys);
        let shapes: Vec<&str> = match ty {
            FieldType::Object(name) => vec![name.as_str()],
            FieldType::Union(name) => {
                unions.iter().filter(|u| &u.name == name).flat_map(|u| &u.variants).map(|v| v.body.as_str()).collect()
            }
            _ => Vec::new(),
        };
        for name in shapes {
            if let Some(inner) = bodies.iter().position(|b| b.name == name).filter(|i| !on_path.contains(i)) {
                walk_members(bodies, unions, inner, keys, on_path, visit);
            }
        }
        keys.truncate(depth - 1);
    }
    on_path.pop();
}

/// Every vocabulary value by its wire string, as (vocabulary, value) indices: rules of large
/// catalogs name thousands of values, which checking and resolving look up here.
pub(super) fn values_by_wire(api: &crate::model::Api) -> HashMap<String, Vec<(usize, usize)>> {
    let mut found: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for (v, vocabulary) in api.vocabularies.iter().enumerate() {
        for (index, value) in vocabulary.values.iter().enumerate() {
            found.entry(value.value.clone()).or_default().push((v, index));
        }
    }
    found
}

/// Which level a rule decides at: the runtime's precedence, by what the rule names first. A rule
/// that names nothing is refused before it gets here; it would decide at the status-class level
/// with no class.
pub(super) fn level(rule: &RecoveryRule) -> DecidedBy {
    match DecidedBy::of_scope(
        !rule.transport.is_empty(),
        !rule.when.is_empty(),
        !rule.hints.is_empty(),
        !rule.errors.is_empty(),
        !rule.statuses.is_empty(),
        !rule.status_classes.is_empty(),
    ) {
        DecidedBy::Fallback => DecidedBy::StatusClass,
        level => level,
    }
}

/// Do the status scopes of two rules share a status? An empty scope holds every status.
fn scopes_overlap(a: &RecoveryRule, b: &RecoveryRule) -> bool {
    let open = |r: &RecoveryRule| r.statuses.is_empty() && r.status_classes.is_empty();
    let in_scope = |r: &RecoveryRule, code: u16| {
        r.statuses.contains(&code) || StatusClass::of(code).is_some_and(|c| r.status_classes.contains(&c))
    };
    open(a)
        || open(b)
        || a.statuses.iter().any(|&code| in_scope(b, code))
        || b.statuses.iter().any(|&code| in_scope(a, code))
        || a.status_classes.iter().any(|c| b.status_classes.contains(c))
}

impl Checker<'_> {
    pub(super) fn check_field_roles(&mut self) {
        let api = self.api;
        let reachable: BTreeSet<(usize, usize)> =
            role_paths(&api.bodies, &api.unions).iter().filter_map(|path| Some((path.shape, path.field?))).collect();
        // The formats of the first `retry_after` field, which the others must list too.
        let mut wait_formats: Option<(String, &[RetryAfterFormat])> = None;
        for (s, shape) in api.bodies.iter().enumerate() {
            if let Some(role) = shape.text.as_ref().and_then(|text| text.role.map(|role| (role, &text.ty))) {
                self.check_text_role(&format!("bodies[{s}].text.role"), role);
            }
            let mut seen = BTreeSet::new();
            for (f, field) in shape.fields.iter().enumerate() {
                let formats_path = format!("bodies[{s}].fields[{f}].formats");
                if !field.formats.is_empty() && field.role != Some(FieldRole::RetryAfter) {
                    self.error(
                        Code::FieldRole,
                        &formats_path,
                        "`formats` says how a wait is written, for a `role: retry_after` field",
                        "remove `formats`, or give the field `role: retry_after`",
                    );
                }
                if field.elements == Elements::Any && !matches!(field.ty, FieldType::Array(_)) {
                    self.error(
                        Code::FieldRole,
                        format!("bodies[{s}].fields[{f}].elements"),
                        format!("`elements` says which elements of an array rules read; `{}` is no array", field.name),
                        "remove `elements`, or put it on the array field whose elements carry the code or hint",
                    );
                }
                if field.role == Some(FieldRole::RetryAfter) {
                    self.check_wait_formats(&formats_path, &field.formats, &field.ty);
                    let formats = field.wait_formats();
                    match &wait_formats {
                        Some((first, listed)) if *listed != formats => self.error(
                            Code::FieldRole,
                            &formats_path,
                            format!("the wait fields of one API are read alike; `{first}` lists other formats"),
                            "list the same `formats` on every `role: retry_after` field",
                        ),
                        Some(_) => {}
                        None => wait_formats = Some((format!("{}.{}", shape.name, field.name), formats)),
                    }
                }
                let Some(role) = field.role else { continue };
                let path = format!("bodies[{s}].fields[{f}].role");
                let (wanted, fits) =
                    field_role_types(role).unwrap_or(("a type this codegen knows for the role", |_| false));
                // A list of such values has the role too: its elements are read.
                if !fits(field.ty.values()) {
                    self.error(
                        Code::FieldRole,
                        &path,
                        format!("a `{}` field must be {wanted}", role.as_str()),
                        "change the field's type or drop its role",
                    );
                }
                if !reachable.contains(&(s, f)) {
                    self.error(
                        Code::FieldRole,
                        &path,
                        format!("`{}` is not a field a client reaches from the top of an error body", field.name),
                        "put the role on a field of a root body (`root: true`), or of an object one holds \
                         or its arrays hold (not the values of a map)",
                    );
                }
                if !seen.insert(role) {
                    self.error(
                        Code::FieldRole,
                        &path,
                        format!(
                            "`{}` has role `{}`, which another field of `{}` has",
                            field.name,
                            role.as_str(),
                            shape.name
                        ),
                        "give each role to one field per body",
                    );
                }
            }
        }
        let codes = role_vocabularies(api, FieldRole::Code);
        for name in role_vocabularies(api, FieldRole::Hint).intersection(&codes) {
            let v = api.vocabularies.iter().position(|v| &v.name == name).unwrap_or(0);
            self.error(
                Code::FieldRole,
                format!("vocabularies[{v}].name"),
                format!("`{name}` is carried by a `code` field and by a `hint` field"),
                "a vocabulary holds either error codes or hints; split it",
            );
        }
    }

    /// A `retry_after` field's formats fit its type (a number is read in seconds, milliseconds
    /// or epoch seconds), and name at most one of the formats that are bare numbers.
    fn check_wait_formats(&mut self, path: &str, formats: &[RetryAfterFormat], ty: &FieldType) {
        if matches!(ty, FieldType::Integer | FieldType::Number) {
            if let Some(text_only) = formats.iter().find(|f| !bare_number(**f)) {
                self.error(
                    Code::FieldRole,
                    path,
                    format!("a number cannot be written as `{}`", text_only.as_str()),
                    "make the field a string, or list `delay_seconds`, `delay_milliseconds`, `epoch_seconds` or `epoch_milliseconds`",
                );
            }
        }
        self.check_bare_numbers(Code::FieldRole, path, formats);
    }

    /// At most one format that reads a bare number: `150` is seconds, milliseconds or a moment.
    pub(super) fn check_bare_numbers(&mut self, code: Code, path: &str, formats: &[RetryAfterFormat]) {
        let bare: Vec<&str> = formats.iter().filter(|f| bare_number(**f)).map(|f| f.as_str()).collect();
        if bare.len() > 1 {
            self.error(
                code,
                path,
                format!("`{}` all read a bare number, so which one a value is cannot be told", bare.join("`, `")),
                "keep the one the documentation means",
            );
        }
    }

    pub(super) fn check_recovery(&mut self) {
        let Some(advice) = &self.api.recovery else { return };
        let codes = role_vocabularies(self.api, FieldRole::Code);
        let hints = role_vocabularies(self.api, FieldRole::Hint);
        // The roles a client reaches, which conditions may read (the code also from a header).
        let mut roles: BTreeSet<FieldRole> =
            role_paths(&self.api.bodies, &self.api.unions).iter().map(|p| p.role).collect();
        if self.api.header_with_role(HeaderRole::Code).is_some() {
            roles.insert(FieldRole::Code);
        }
        let mut ids = BTreeSet::new();
        for (r, rule) in advice.rules.iter().enumerate() {
            let path = format!("recovery.rules[{r}]");
            if self.unique(&mut ids, &rule.id, &format!("{path}.id"), "recovery rule id") && rule.id == FALLBACK_ID {
                self.error(
                    Code::ReservedName,
                    format!("{path}.id"),
                    "`fallback` is the id of `recovery.fallback`",
                    "give the rule another id",
                );
            }
            self.check_scope(&path, rule, &codes, &hints);
            self.check_waits(&path, rule);
            self.check_trace(&path, rule, RULE_FACTS, &|f| match f {
                "backoff" => rule.backoff.is_some(),
                "max_attempts" => rule.max_attempts.is_some(),
                "if_no_wait" => rule.if_no_wait.is_some(),
                "statuses" => !rule.statuses.is_empty(),
                "except" => !rule.except.is_empty(),
                "when" => !rule.when.is_empty(),
                "transport" => !rule.transport.is_empty(),
                "safe_to_resend" => rule.safe_to_resend,
                "then" => rule.then.is_some(),
                _ => true,
            });
            self.check_conditions(&path, rule, &roles);
            self.check_escalation(&path, rule, &roles);
        }
        self.check_ambiguity(advice);
        self.check_precedence(advice);
        let fallback = &advice.fallback;
        if fallback.kind.retries() {
            self.error(
                Code::RetryDelay,
                "recovery.fallback.kind",
                format!(
                    "the fallback cannot `{}`: it would retry every response no rule covers",
                    fallback.kind.as_str()
                ),
                "write a rule for the responses to retry, and give the fallback a kind that does not retry",
            );
        }
        self.check_trace("recovery.fallback", fallback, FALLBACK_FACTS, &|_| true);
    }

    fn check_scope(&mut self, path: &str, rule: &RecoveryRule, codes: &BTreeSet<&str>, hints: &BTreeSet<&str>) {
        if !rule.transport.is_empty() {
            return self.check_transport_scope(path, rule);
        }
        let scoped = !(rule.hints.is_empty()
            && rule.errors.is_empty()
            && rule.statuses.is_empty()
            && rule.status_classes.is_empty());
        if !scoped && rule.when.is_empty() {
            self.error(
                Code::Empty,
                path,
                "the rule applies to nothing",
                "list the `hints`, `errors`, `statuses` or `status_classes` it covers, the conditions (`when`) it \
                 needs, or the `transport` failures",
            );
        }
        if !rule.hints.is_empty() && !rule.errors.is_empty() {
            self.error(
                Code::RecoveryScope,
                format!("{path}.errors"),
                "the rule names both hints and error values, which decide at different levels",
                "split it into a hint rule and an error rule",
            );
        }
        if rule.hints.is_empty()
            && rule.errors.is_empty()
            && !rule.statuses.is_empty()
            && !rule.status_classes.is_empty()
        {
            self.error(
                Code::RecoveryScope,
                format!("{path}.status_classes"),
                "the rule names both statuses and status classes, which decide at different levels",
                "split it into a status rule and a status-class rule",
            );
        }
        for (s, code) in rule.statuses.iter().enumerate() {
            self.check_status_ref(&format!("{path}.statuses[{s}]"), *code);
        }
        for (i, wire) in rule.hints.iter().enumerate() {
            self.check_value_in(&format!("{path}.hints[{i}]"), wire, hints, "hint");
        }
        for (i, wire) in rule.errors.iter().enumerate() {
            self.check_value_in(&format!("{path}.errors[{i}]"), wire, codes, "code");
        }
        let both: BTreeSet<&str> = codes.union(hints).copied().collect();
        for (i, wire) in rule.except.iter().enumerate() {
            self.check_value_in(&format!("{path}.except[{i}]"), wire, &both, "code` or `hint");
        }
    }

    /// A stated precedence lists each level a response is decided at once, and nothing else.
    fn check_precedence(&mut self, advice: &RecoveryAdvice) {
        let Some(levels) = &advice.precedence else { return };
        let expected = api_error_runtime::RecoveryTable::PRECEDENCE;
        for (i, level) in levels.iter().enumerate() {
            if !expected.contains(level) {
                self.error(
                    Code::Precedence,
                    format!("recovery.precedence[{i}]"),
                    format!("`{}` is no level a response is decided at", level.as_str()),
                    "list `condition`, `hint`, `error_value`, `status` and `status_class`; the fallback comes after them",
                );
            } else if levels[..i].contains(level) {
                self.error(
                    Code::Precedence,
                    format!("recovery.precedence[{i}]"),
                    format!("`{}` is listed twice", level.as_str()),
                    "list each level once",
                );
            }
        }
        let missing: Vec<&str> = expected.iter().filter(|l| !levels.contains(l)).map(|l| l.as_str()).collect();
        if !missing.is_empty() {
            self.error(
                Code::Precedence,
                "recovery.precedence",
                format!("the precedence leaves out `{}`", missing.join("`, `")),
                "list every level, in the order the document tries them",
            );
        }
    }

    /// What comes after a recovery that did not help does not retry, and quotes a reference the
    /// responses carry.
    fn check_escalation(&mut self, path: &str, rule: &RecoveryRule, roles: &BTreeSet<FieldRole>) {
        let Some(then) = &rule.then else { return };
        if then.kind.retries() {
            self.error(
                Code::Escalation,
                format!("{path}.then.kind"),
                format!("what comes after the recovery did not help cannot `{}` again", then.kind.as_str()),
                "choose a kind that does not retry, such as `contact_support` or `give_up`",
            );
        }
        let Some(role) = then.quote else { return };
        let carried = match role {
            FieldRole::RequestId => roles.contains(&role) || self.api.header_with_role(HeaderRole::RequestId).is_some(),
            FieldRole::SupportReference => roles.contains(&role),
            other => {
                self.error(
                    Code::Escalation,
                    format!("{path}.then.quote"),
                    format!("`{}` is no reference to quote", other.as_str()),
                    "quote `request_id` or `support_reference`",
                );
                return;
            }
        };
        if !carried {
            self.error(
                Code::Escalation,
                format!("{path}.then.quote"),
                format!("no field or header carries the `{}`", role.as_str()),
                format!("give the field (or header) that carries it `role: {}`", role.as_str()),
            );
        }
    }

    /// A rule of failures without a response names nothing a response carries, and waits by its
    /// own backoff: no server says how long.
    fn check_transport_scope(&mut self, path: &str, rule: &RecoveryRule) {
        let response_scope = [
            ("hints", rule.hints.is_empty()),
            ("errors", rule.errors.is_empty()),
            ("statuses", rule.statuses.is_empty()),
            ("status_classes", rule.status_classes.is_empty()),
            ("except", rule.except.is_empty()),
            ("when", rule.when.is_empty()),
        ];
        for (key, _) in response_scope.iter().filter(|(_, empty)| !empty) {
            self.error(
                Code::TransportRule,
                format!("{path}.{key}"),
                format!("the rule covers failures without a response, which carry no `{key}`"),
                "split it into a rule for the responses and a rule for the `transport` failures",
            );
        }
        if rule.safe_to_resend {
            self.error(
                Code::TransportRule,
                format!("{path}.safe_to_resend"),
                "no response came to say that the server did not act",
                "remove `safe_to_resend`: a failure that never reached the server is safe to resend already",
            );
        }
        if rule.kind == RecoveryKind::RetryAfterWait {
            self.error(
                Code::TransportRule,
                format!("{path}.kind"),
                "no response came, so no server says how long to wait",
                "use `retry_with_backoff` (with `backoff: client` where the document gives no numbers), or another kind",
            );
        }
    }

    /// Each condition tests one thing one way: a response header the catalog describes, or the
    /// body fact of a role rules read (`code`, `hint`, `message`) that a field carries.
    fn check_conditions(&mut self, path: &str, rule: &RecoveryRule, roles: &BTreeSet<FieldRole>) {
        let api = self.api;
        for (c, condition) in rule.when.iter().enumerate() {
            let at = format!("{path}.when[{c}]");
            match (&condition.header, condition.field) {
                (Some(_), Some(_)) | (None, None) => self.error(
                    Code::RecoveryCondition,
                    &at,
                    "a condition tests one thing: a `header` or a `field`",
                    "write `{ header: <name>, equals: ... }` or `{ field: message, contains: ... }`",
                ),
                (Some(name), None) => {
                    let described = api.headers.iter().find(|h| h.name.eq_ignore_ascii_case(name));
                    if described.is_some_and(|h| h.sent_in == HeaderDirection::Request) {
                        self.error(
                            Code::RecoveryCondition,
                            format!("{at}.header"),
                            format!("`{name}` is a header clients send, which no response carries"),
                            "test a header of the response",
                        );
                    } else if described.is_none() {
                        let listed: Vec<&str> = api
                            .headers
                            .iter()
                            .filter(|h| h.sent_in == HeaderDirection::Response)
                            .map(|h| h.name.as_str())
                            .collect();
                        self.error(
                            Code::RecoveryCondition,
                            format!("{at}.header"),
                            format!("`{name}` is not a response header of this catalog"),
                            match listed.is_empty() {
                                true => "describe the header under `headers:` first".to_string(),
                                false => {
                                    format!("describe it under `headers:`, or test one of `{}`", listed.join("`, `"))
                                }
                            },
                        );
                    }
                }
                (None, Some(role)) => {
                    if !matches!(role, FieldRole::Code | FieldRole::Hint | FieldRole::Message) {
                        self.error(
                            Code::RecoveryCondition,
                            format!("{at}.field"),
                            format!(
                                "rules read the `code`, `hint` and `message` of a body, not its `{}`",
                                role.as_str()
                            ),
                            "test `code`, `hint` or `message`",
                        );
                    } else if !roles.contains(&role) {
                        self.error(
                            Code::RecoveryCondition,
                            format!("{at}.field"),
                            format!("no field a client can reach has `role: {}`", role.as_str()),
                            format!("give the field the condition reads `role: {}`", role.as_str()),
                        );
                    }
                }
            }
            match (&condition.equals, &condition.contains) {
                (Some(_), Some(_)) | (None, None) => self.error(
                    Code::RecoveryCondition,
                    &at,
                    "a condition tests its value one way: `equals` or `contains`",
                    "keep one of `equals` and `contains`",
                ),
                (Some(text), None) | (None, Some(text)) if text.trim().is_empty() => self.error(
                    Code::RecoveryCondition,
                    &at,
                    "the condition compares with empty text",
                    "give the text the value must be or hold",
                ),
                _ => {}
            }
        }
    }

    /// `wire` must be a value of one of `vocabularies`, the ones a field of `role` carries.
    fn check_value_in(&mut self, path: &str, wire: &str, vocabularies: &BTreeSet<&str>, role: &str) {
        let api = self.api;
        let holders = self.derived.values_by_wire.get_or_insert_with(|| values_by_wire(api));
        let found: Vec<&Vocabulary> =
            holders.get(wire).into_iter().flatten().map(|&(v, _)| &api.vocabularies[v]).collect();
        if found.iter().any(|v| vocabularies.contains(v.name.as_str())) {
            return;
        }
        match found.first() {
            Some(other) => self.error(
                Code::RecoveryScope,
                path,
                format!("`{wire}` is a value of `{}`, which no `role: {role}` field (or header) carries", other.name),
                format!(
                    "give the field (or header) that carries `{}` the role `{role}`, or name another value",
                    other.name
                ),
            ),
            None => self.error(
                Code::UnknownReference,
                path,
                format!("`{wire}` is not a value of any vocabulary"),
                "use a wire string listed under `vocabularies:`",
            ),
        }
    }

    fn check_waits(&mut self, path: &str, rule: &RecoveryRule) {
        let api = self.api;
        let retries = rule.kind.retries();
        if rule.kind == RecoveryKind::RetryWithBackoff && rule.backoff.is_none() {
            self.error(
                Code::RetryDelay,
                format!("{path}.kind"),
                "`retry_with_backoff` needs a `backoff`",
                "add `backoff: { first_delay_ms: ... }` (and `multiplier`, `max_delay_ms`, `jitter` where the document gives them)",
            );
        }
        let keys = [
            ("backoff", rule.backoff.is_some()),
            ("max_attempts", rule.max_attempts.is_some()),
            ("safe_to_resend", rule.safe_to_resend),
        ];
        for (key, present) in keys {
            if present && !retries {
                self.error(
                    Code::RetryDelay,
                    format!("{path}.{key}"),
                    format!("a `{}` rule does not retry, so `{key}` means nothing", rule.kind.as_str()),
                    format!("remove `{key}`, or give the rule a kind that retries"),
                );
            }
        }
        if rule.max_attempts == Some(0) {
            self.error(
                Code::RetryDelay,
                format!("{path}.max_attempts"),
                "`max_attempts` counts the first attempt too, so it is at least 1",
                "write the number of attempts in all",
            );
        }
        if let Some(backoff) = rule.backoff.as_ref().and_then(|b| b.delays()) {
            match (backoff.jitter, backoff.jitter_ms) {
                (Jitter::Additive, None) => self.error(
                    Code::RetryDelay,
                    format!("{path}.backoff.jitter"),
                    "additive jitter needs how much it adds at most",
                    "add `jitter_ms:` (Google's \"up to 1,000 random milliseconds\" is `jitter_ms: 1000`)",
                ),
                (jitter, Some(_)) if jitter != Jitter::Additive => self.error(
                    Code::RetryDelay,
                    format!("{path}.backoff.jitter_ms"),
                    format!("`jitter_ms` is for `jitter: additive`; this backoff's jitter is `{}`", jitter.as_str()),
                    "remove `jitter_ms`, or make the jitter `additive`",
                ),
                _ => {}
            }
            if !(backoff.multiplier.is_finite() && backoff.multiplier >= 1.0) {
                self.error(
                    Code::RetryDelay,
                    format!("{path}.backoff.multiplier"),
                    format!("the multiplier {} would not make delays grow", backoff.multiplier),
                    "use a number of at least 1 (1 for a fixed delay)",
                );
            }
            if backoff.max_delay_ms.is_some_and(|max| max < backoff.first_delay_ms) {
                self.error(
                    Code::RetryDelay,
                    format!("{path}.backoff.max_delay_ms"),
                    "the longest delay is shorter than the first",
                    "make `max_delay_ms` at least `first_delay_ms`",
                );
            }
        }
        match (rule.kind, rule.if_no_wait) {
            (RecoveryKind::RetryAfterWait, if_no_wait) => {
                let header = api.header_with_role(HeaderRole::RetryAfter);
                let field = api.bodies.iter().flat_map(|s| &s.fields).any(|f| f.role == Some(FieldRole::RetryAfter));
                if header.is_none() && !field {
                    self.error(
                        Code::RetryDelay,
                        format!("{path}.kind"),
                        "the rule waits as the server says, but nothing says how long",
                        "describe the header (`role: retry_after`) or the body field (`role: retry_after`) that gives the wait",
                    );
                }
                let default = header.is_some_and(|h| h.default_seconds.is_some());
                if !default && rule.backoff.is_none() && if_no_wait.is_none() {
                    self.error(
                        Code::RetryDelay,
                        format!("{path}.kind"),
                        "the rule does not say what to do when a response gives no wait",
                        "add `if_no_wait` (such as `give_up`), a `backoff`, or the header's `default_seconds`",
                    );
                }
                if if_no_wait == Some(RecoveryKind::RetryAfterWait) {
                    self.error(
                        Code::RetryDelay,
                        format!("{path}.if_no_wait"),
                        "with no wait, the rule cannot wait for one",
                        "choose another kind, such as `give_up` or `retry_with_backoff`",
                    );
                }
                if if_no_wait == Some(RecoveryKind::RetryWithBackoff) && rule.backoff.is_none() {
                    self.error(
                        Code::RetryDelay,
                        format!("{path}.if_no_wait"),
                        "`retry_with_backoff` needs the rule's `backoff`",
                        "add a `backoff` to the rule",
                    );
                }
            }
            (kind, Some(_)) => self.error(
                Code::RetryDelay,
                format!("{path}.if_no_wait"),
                format!("only `retry_after_wait` rules wait for the server; this one is `{}`", kind.as_str()),
                "remove `if_no_wait`",
            ),
            _ => {}
        }
    }

    /// No two rules of one level may cover the same response.
    fn check_ambiguity(&mut self, advice: &RecoveryAdvice) {
        let rules = &advice.rules;
        // Which rules name each hint or error value: value rules only meet the rules that share
        // one (comparing every pair would grow with the square of the rules).
        let mut naming: HashMap<&str, Vec<usize>> = HashMap::new();
        for (r, rule) in rules.iter().enumerate() {
            for value in rule.hints.iter().chain(&rule.errors) {
                naming.entry(value.as_str()).or_default().push(r);
            }
        }
        for (b, later) in rules.iter().enumerate() {
            let candidates: Vec<usize> = match level(later) {
                DecidedBy::Hint | DecidedBy::ErrorValue => {
                    let sharing: HashSet<usize> = later
                        .hints
                        .iter()
                        .chain(&later.errors)
                        .flat_map(|value| naming[value.as_str()].iter().copied())
                        .filter(|&r| r < b)
                        .collect();
                    let mut sharing: Vec<usize> = sharing.into_iter().collect();
                    sharing.sort_unstable();
                    sharing
                }
                _ => (0..b).collect(),
            };
            for earlier in candidates.into_iter().map(|r| &rules[r]) {
                // Of one level, the rules with conditions go first, in catalog order: which of
                // two conditions holds is the response's to say, so only rules without any can
                // be ambiguous.
                if level(earlier) != level(later) || !earlier.when.is_empty() || !later.when.is_empty() {
                    continue;
                }
                let shared: Vec<String> = match level(later) {
                    DecidedBy::Hint => later
                        .hints
                        .iter()
                        .filter(|h| earlier.hints.contains(h))
                        .map(|h| format!("hint `{h}`"))
                        .collect(),
                    DecidedBy::ErrorValue => {
                        let earlier_errors: HashSet<&String> = earlier.errors.iter().collect();
                        later.errors.iter().filter(|e| earlier_errors.contains(e)).map(|e| format!("`{e}`")).collect()
                    }
                    DecidedBy::Transport => later
                        .transport
                        .iter()
                        .filter(|f| earlier.transport.contains(f))
                        .map(|f| format!("transport failure `{}`", f.as_str()))
                        .collect(),
                    DecidedBy::Status => later
                        .statuses
                        .iter()
                        .filter(|s| earlier.statuses.contains(s))
                        .map(|s| format!("status {s}"))
                        .collect(),
                    _ => later
                        .status_classes
                        .iter()
                        .filter(|c| earlier.status_classes.contains(c))
                        .map(|c| format!("every {}", c.range()))
                        .collect(),
                };
                // Status and class rules have no narrower scope; hint and value rules may.
                let narrowable = matches!(level(later), DecidedBy::Hint | DecidedBy::ErrorValue);
                let overlap = !shared.is_empty() && (!narrowable || scopes_overlap(earlier, later));
                if overlap {
                    self.error(
                        Code::RecoveryAmbiguous,
                        format!("recovery.rules[{b}]"),
                        format!(
                            "rules `{}` and `{}` both cover {}: which one decides is not said",
                            earlier.id,
                            later.id,
                            shared.join(", ")
                        ),
                        match level(later) {
                            DecidedBy::Transport => "name each failure in one rule",
                            _ => "narrow one with `statuses` or `except`, or merge them",
                        },
                    );
                }
            }
        }
    }

    pub(super) fn check_decisions(&mut self) {
        let api = self.api;
        for (e, example) in api.examples.iter().enumerate() {
            let Some(decision) = &example.decision else { continue };
            self.check_decision(&format!("examples[{e}].decision"), decision, example.status.is_some(), false);
        }
        for (c, case) in api.cases.iter().enumerate() {
            let transport = case.transport.is_some() && case.status.is_none();
            self.check_decision(&format!("cases[{c}].decision"), &case.decision, true, transport);
            let Some(request) = &case.request else { continue };
            // A token (RFC 9110, section 5.6.2), as a method is.
            let token = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
            if request.method.is_empty() || !request.method.bytes().all(token) {
                self.error(
                    Code::ExampleDecision,
                    format!("cases[{c}].request.method"),
                    format!("`{}` is not an HTTP method", request.method),
                    "write the method as it is sent, such as `POST`",
                );
            }
        }
    }

    /// The rule a decision names exists and has its kind (for a failure without a response, a
    /// runtime default may decide); a status only where the response has none; a wait only for
    /// kinds that retry. (The generated tests check the rest.)
    fn check_decision(&mut self, path: &str, decision: &crate::model::Decision, has_status: bool, transport: bool) {
        let api = self.api;
        // Without `recovery`, the fallback gives up.
        let rule = if decision.rule == FALLBACK_ID {
            Some((api.recovery.as_ref().map_or(RecoveryKind::GiveUp, |advice| advice.fallback.kind), None, None))
        } else {
            let mut rules = api.recovery.iter().flat_map(|advice| &advice.rules);
            // A failure without a response may be decided by the runtime's default for it.
            let defaults = api_error_runtime::RecoveryTable::TRANSPORT_DEFAULTS.iter();
            let found =
                rules.find(|r| r.id == decision.rule).map(|r| (r.kind, r.if_no_wait, r.then.as_ref().map(|t| t.kind)));
            let found = found.or_else(|| {
                let mut defaults = defaults.filter(|_| transport);
                defaults.find(|r| r.id == decision.rule).map(|r| (r.kind, r.if_no_wait, None))
            });
            if found.is_none() {
                self.error(
                    Code::ExampleDecision,
                    format!("{path}.rule"),
                    format!("unknown recovery rule `{}`", decision.rule),
                    match transport {
                        true => {
                            "use the id of a rule under `recovery.rules`, or of the runtime's default \
                                 (`transport-retry`, `transport-tls`)"
                        }
                        false => "use the id of a rule under `recovery.rules`, or `fallback`",
                    },
                );
            }
            found
        };
        if let Some((_, _, then)) = rule.filter(|_| decision.then.is_some()) {
            if decision.then != then {
                self.error(
                    Code::Escalation,
                    format!("{path}.then"),
                    match then {
                        Some(then) => format!("rule `{}` says `{}` comes next", decision.rule, then.as_str()),
                        None => format!("rule `{}` says nothing of what comes next", decision.rule),
                    },
                    "name the rule's `then.kind`, or remove `then`",
                );
            }
        }
        if let Some((kind, if_no_wait, _)) = rule {
            let without_wait = kind == RecoveryKind::RetryAfterWait
                && (Some(decision.kind) == if_no_wait || decision.kind == RecoveryKind::GiveUp);
            // A retry of a request that may have taken effect and is not idempotent.
            let not_resent = decision.kind == RecoveryKind::CheckOutcome && kind.retries();
            if decision.kind != kind && !without_wait && !not_resent {
                self.error(
                    Code::ExampleDecision,
                    format!("{path}.kind"),
                    format!("rule `{}` says `{}`, not `{}`", decision.rule, kind.as_str(), decision.kind.as_str()),
                    "name the rule that decides, with its kind",
                );
            }
        }
        if let Some(status) = decision.status {
            if has_status {
                self.error(
                    Code::ExampleDecision,
                    format!("{path}.status"),
                    "the response has a status already",
                    "remove the decision's `status`",
                );
            } else {
                self.check_status_ref(&format!("{path}.status"), status);
            }
        }
        if let Some(seconds) = decision.wait_seconds.filter(|&s| whole_milliseconds(s).is_none()) {
            self.error(
                Code::ExampleDecision,
                format!("{path}.wait_seconds"),
                format!("a wait of {seconds} s is not a whole number of milliseconds of at least zero"),
                "write seconds to the millisecond at most, such as `2` or `0.25`",
            );
        }
        for (r, &seconds) in decision.retry_waits.iter().flatten().enumerate() {
            if whole_milliseconds(seconds).is_none() {
                self.error(
                    Code::ExampleDecision,
                    format!("{path}.retry_waits[{r}]"),
                    format!("a wait of {seconds} s is not a whole number of milliseconds of at least zero"),
                    "write seconds to the millisecond at most, such as `2` or `0.25`",
                );
            }
        }
        if decision.retry_waits.as_ref().is_some_and(|waits| !waits.is_empty()) && !decision.kind.retries() {
            self.error(
                Code::ExampleDecision,
                format!("{path}.retry_waits"),
                format!("`{}` does not retry, so it makes no retries", decision.kind.as_str()),
                "write `retry_waits: []`, or remove it",
            );
        }
        if decision.wait_seconds.is_some() && !decision.kind.retries() {
            self.error(
                Code::ExampleDecision,
                format!("{path}.wait_seconds"),
                format!("`{}` does not retry, so there is no wait", decision.kind.as_str()),
                "remove `wait_seconds`",
            );
        }
    }
}

/// A wait in seconds as whole milliseconds, where it is one (at least zero, and no finer than a
/// millisecond: a `Duration` of it is then exact in every language).
pub(crate) fn whole_milliseconds(seconds: f64) -> Option<u64> {
    let milliseconds = seconds * 1000.0;
    let whole = milliseconds.round();
    (seconds.is_finite() && seconds >= 0.0 && (milliseconds - whole).abs() < 1e-6 && whole < 2f64.powi(53))
        .then_some(whole as u64)
}

/// Does the format read a bare number (`150`)?
pub(super) fn bare_number(format: RetryAfterFormat) -> bool {
    matches!(
        format,
        RetryAfterFormat::DelaySeconds
            | RetryAfterFormat::DelayMilliseconds
            | RetryAfterFormat::EpochSeconds
            | RetryAfterFormat::EpochMilliseconds
    )
}

/// Whether a field's type fits a role.
type FieldTest = fn(&FieldType) -> bool;

/// The type a field of each role must have, in words, and the test of it. `None` for a role
/// added to the runtime and not yet here (a test over `FieldRole::ALL` fails until it is).
impl Checker<'_> {
    /// The role of a plain-text body's text fits its type; a wait is no such text.
    fn check_text_role(&mut self, path: &str, (role, ty): (FieldRole, &FieldType)) {
        let fits = field_role_types(role).filter(|_| role != FieldRole::RetryAfter);
        match fits {
            Some((_, fits)) if fits(ty) => {}
            Some((wanted, _)) => self.error(
                Code::FieldRole,
                path,
                format!("the text of a `{}` body must be {wanted}", role.as_str()),
                "change the text's type or drop its role",
            ),
            None => self.error(
                Code::FieldRole,
                path,
                format!("the text of a plain-text body is no `{}`", role.as_str()),
                "give it the role `code`, `hint`, `message`, `request_id` or `support_reference`",
            ),
        }
    }
}

fn field_role_types(role: FieldRole) -> Option<(&'static str, FieldTest)> {
    Some(match role {
        FieldRole::Code | FieldRole::Hint => {
            ("a vocabulary (`{ vocabulary: Name }`)", |ty| matches!(ty, FieldType::Vocabulary(_)))
        }
        // A free-form message (a string, or an object of the fields at fault) gives its text.
        FieldRole::Message => {
            ("a string, or any value (its text when it is one)", |ty| matches!(ty, FieldType::String | FieldType::Any))
        }
        FieldRole::RequestId | FieldRole::SupportReference => ("a string", |ty| *ty == FieldType::String),
        FieldRole::RetryAfter => ("an integer, a number, or text (see `formats`)", |ty| {
            matches!(ty, FieldType::Integer | FieldType::Number | FieldType::String)
        }),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_role_has_its_type() {
        for &role in FieldRole::ALL {
            let (wanted, fits) = field_role_types(role).unwrap_or_else(|| panic!("{role:?} has no type"));
            assert!(!wanted.is_empty());
            let types = [FieldType::String, FieldType::Integer, FieldType::Vocabulary("Codes".into())];
            assert!(types.iter().any(fits), "no field fits {role:?}");
        }
    }
}
