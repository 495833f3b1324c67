//! The resolved catalog: what validation hands to the renderers and the lint.
//!
//! Every reference is a typed handle (an index into its API's collection), every generated
//! name (Rust variants, fields, setters, constants, test names, schema names) is worked out
//! once, and every source table is rebuilt into its cells. Only [`crate::validate`] can build
//! a [`Catalog`], so a renderer never meets a catalog that has not passed every check.

use crate::model::{
    DecidedBy, FieldRole, HeaderDirection, HeaderRole, HeaderValueType, InconsistencyKind, Jitter, RecoveryKind,
    RetryAfterFormat, SourceDocument, StatusClass, StringFormat, TransportFailure, VocabularyType,
};
use crate::source_map::{Position, SourceMap};
use serde_json::Value;

/// Every API of a catalog directory, valid and sorted by id.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// The directory as the user knows it, e.g. `spec`.
    pub(crate) dir: String,
    pub(crate) apis: Vec<Api>,
}

impl Catalog {
    /// The catalog directory as the user knows it, e.g. `spec`.
    pub fn dir(&self) -> &str {
        &self.dir
    }

    pub fn apis(&self) -> &[Api] {
        &self.apis
    }

    /// Forgets where each entry stands in its file (the files' text and the position of every
    /// node), which only diagnostics and lint findings quote: rendering has no use for them,
    /// and at 10,000 values they are a tenth of `generate`'s peak memory. `position` and
    /// `source_line` find nothing afterwards.
    pub fn forget_positions(&mut self) {
        for api in &mut self.apis {
            api.source_map = SourceMap::default();
        }
    }
}

macro_rules! handles {
    ($($(#[$doc:meta])* $name:ident => $field:ident: $item:ty;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub(crate) usize);

        impl std::ops::Index<$name> for Api {
            type Output = $item;
            fn index(&self, handle: $name) -> &$item {
                &self.$field[handle.0]
            }
        }
    )*};
}

handles! {
    /// One of the API's source documents.
    DocumentId => documents: SourceDocument;
    /// A section of the API's source document.
    SectionId => sections: Section;
    /// One of the API's statuses.
    StatusId => statuses: Status;
    /// One of the API's vocabularies.
    VocabularyId => vocabularies: Vocabulary;
    /// One of the API's body shapes.
    ShapeId => shapes: Shape;
    /// One of the API's unions (objects chosen by a tag).
    UnionId => unions: Union;
    /// One of the API's recorded inconsistencies.
    InconsistencyId => inconsistencies: Inconsistency;
}

/// One value of one vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ValueRef {
    pub vocabulary: VocabularyId,
    pub(crate) index: usize,
}

impl std::ops::Index<ValueRef> for Api {
    type Output = VocabularyValue;
    fn index(&self, value: ValueRef) -> &VocabularyValue {
        &self[value.vocabulary].values[value.index]
    }
}

/// One API's error model.
#[derive(Debug, Clone)]
pub struct Api {
    /// Lower-case identifier: names the schema, OpenAPI document and doc page.
    pub id: String,
    /// The Rust module (the id, escaped when it is a keyword).
    pub module: String,
    pub name: String,
    pub summary: String,
    /// The catalog file as the user knows it, e.g. `spec/myapi.yaml`.
    pub file: String,
    /// The documents the facts come from (at least one).
    pub documents: Vec<SourceDocument>,
    pub sections: Vec<Section>,
    pub statuses: Vec<Status>,
    /// Whole classes the document lists as one entry (a `5xx` row).
    pub status_classes: Vec<StatusClassRow>,
    pub vocabularies: Vec<Vocabulary>,
    pub shapes: Vec<Shape>,
    pub unions: Vec<Union>,
    pub headers: Vec<Header>,
    /// Where each role's field sits in the root bodies: JSON key paths from the top level.
    pub field_roles: Vec<(FieldRole, Vec<String>)>,
    /// The formats of the `role: retry_after` body field (`delay_seconds` unless it says).
    pub body_wait_formats: Vec<RetryAfterFormat>,
    pub recovery: Recovery,
    pub examples: Vec<Example>,
    /// Responses the catalog pins beyond the document's examples.
    pub cases: Vec<Case>,
    pub inconsistencies: Vec<Inconsistency>,
    pub(crate) source_map: SourceMap,
}

impl Api {
    /// The shapes that are whole error bodies.
    pub fn roots(&self) -> impl Iterator<Item = &Shape> {
        self.shapes.iter().filter(|s| s.root)
    }

    /// The shape whose list is the whole error body, where the body is a list of errors
    /// (validation makes it the API's only root body).
    pub fn list_body(&self) -> Option<&Shape> {
        self.roots().find(|s| s.array)
    }

    /// The format of the API's plain-text bodies, where it sends some (validation allows one):
    /// any body that is no JSON object is one.
    pub fn text_body(&self) -> Option<&Shape> {
        self.roots().find(|s| s.text.is_some())
    }

    pub fn status(&self, code: u16) -> Option<&Status> {
        self.statuses.iter().find(|s| s.code == code)
    }

    /// Whether no body can be two of the root formats at once: each pair is told apart by its
    /// JSON type (a text and an object), or by a member both require whose types share no JSON
    /// value (ElevenLabs' `detail`, an object in one format and a list in the other). Such
    /// formats are exclusive alternatives, rather than formats tried in turn.
    pub fn roots_exclusive(&self) -> bool {
        let roots: Vec<&Shape> = self.roots().collect();
        let apart = |a: &Shape, b: &Shape| {
            a.text.is_some() != b.text.is_some()
                || a.fields.iter().filter(|f| f.required).any(|f| {
                    let other = b.fields.iter().find(|g| g.required && g.wire == f.wire);
                    other.is_some_and(|g| f.json_kinds(self) & g.json_kinds(self) == 0)
                })
        };
        roots.len() > 1 && roots.iter().enumerate().all(|(i, a)| roots[i + 1..].iter().all(|b| apart(a, b)))
    }

    /// The headers responses carry.
    pub fn response_headers(&self) -> impl Iterator<Item = &Header> {
        self.headers.iter().filter(|h| h.sent_in == HeaderDirection::Response)
    }

    /// The separator of a namespace the wire may write before the code (`#`): the one of the
    /// vocabulary a field of the code role holds, where it has one.
    pub fn code_namespace(&self) -> Option<char> {
        self.shapes
            .iter()
            .flat_map(|shape| &shape.fields)
            .filter(|field| field.role == Some(crate::model::FieldRole::Code))
            .find_map(|field| match field.ty.values() {
                FieldType::Vocabulary(id) => self[*id].namespace_separator,
                _ => None,
            })
    }

    pub fn header_with_role(&self, role: HeaderRole) -> Option<&Header> {
        self.headers.iter().find(|h| h.role == Some(role))
    }

    /// The error values a rule names that are sent with `code`: how a rule reaches a status
    /// it does not name.
    pub fn rule_errors_with_status<'a>(
        &'a self,
        rule: &'a RecoveryRule,
        code: u16,
    ) -> impl Iterator<Item = &'a VocabularyValue> + 'a {
        rule.errors.iter().map(|&value| &self[value]).filter(move |value| value.statuses.contains(&code))
    }

    /// Each source document with its handle.
    pub fn document_ids(&self) -> impl Iterator<Item = (DocumentId, &SourceDocument)> {
        self.documents.iter().enumerate().map(|(i, d)| (DocumentId(i), d))
    }

    /// The rules, then the fallback.
    pub fn recovery_rules(&self) -> impl Iterator<Item = &RecoveryRule> {
        self.recovery.rules.iter().chain(std::iter::once(&self.recovery.fallback))
    }

    /// A section's heading path, joined for display.
    pub fn section_title(&self, section: SectionId) -> String {
        self[section].heading.join(" › ")
    }

    /// Where a catalog path stands in the API's file: the node, or its nearest parent.
    pub fn position(&self, path: &str) -> Option<Position> {
        self.source_map.nearest(path)
    }

    /// The text of a line of the API's file.
    pub fn source_line(&self, line: usize) -> Option<&str> {
        self.source_map.line(line)
    }

    /// Every traced entry, for checks that look at provenance across the whole API.
    pub fn traced(&self) -> impl Iterator<Item = &Trace> {
        let statuses = self.statuses.iter().map(|x| &x.trace);
        let values = self.vocabularies.iter().flat_map(|v| v.values.iter().map(|x| &x.trace));
        let shapes = self.shapes.iter().map(|x| &x.trace);
        let fields = self.shapes.iter().flat_map(|s| s.fields.iter().map(|x| &x.trace));
        let headers = self.headers.iter().map(|x| &x.trace);
        let rules = self.recovery_rules().map(|x| &x.trace);
        let examples = self.examples.iter().map(|x| &x.trace);
        statuses.chain(values).chain(shapes).chain(fields).chain(headers).chain(rules).chain(examples)
    }
}

/// Where an entry comes from, and what about it the catalog inferred or disputes.
#[derive(Debug, Clone)]
pub struct Trace {
    pub section: SectionId,
    /// Facts of the entry that the catalog inferred rather than read.
    pub inferred: Vec<String>,
    pub inconsistencies: Vec<InconsistencyId>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub id: String,
    /// The document the section belongs to.
    pub document: DocumentId,
    pub heading: Vec<String>,
    /// The document's table in this section, rebuilt from the catalog.
    pub table: Option<Table>,
}

impl Section {
    /// Whether the section's table lists these entries (`TableRows::Statuses`, a vocabulary's).
    pub fn lists(&self, rows: &crate::model::TableRows) -> bool {
        self.table.as_ref().is_some_and(|table| table.lists == *rows)
    }
}

/// A source-document table, cell by cell, as the catalog rebuilds it.
#[derive(Debug, Clone)]
pub struct Table {
    /// Whose entries the rows are: the statuses, a vocabulary's values, a body's fields, the
    /// headers.
    pub lists: crate::model::TableRows,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone)]
pub struct Status {
    pub code: u16,
    pub reason: String,
    /// The Rust variant of `HttpStatus` (and its schema and OpenAPI name).
    pub variant: String,
    pub description: String,
    pub action: Option<String>,
    pub when_used: Option<String>,
    pub retryable: Option<bool>,
    /// Whether to retry in the document's words, where they hedge (`Usually no`).
    pub retryable_said: Option<String>,
    pub trace: Trace,
}

/// A class of statuses the document lists as one entry (`5xx`).
#[derive(Debug, Clone)]
pub struct StatusClassRow {
    pub class: StatusClass,
    /// As the document writes it: `5xx`, `5XX`, `50X`.
    pub written: String,
    /// The name the document gives it (`Server Errors`).
    pub name: Option<String>,
    pub description: String,
    pub action: Option<String>,
    pub when_used: Option<String>,
    pub retryable: Option<bool>,
    pub trace: Trace,
}

impl StatusClassRow {
    /// Does the class hold `code`?
    pub fn holds(&self, code: u16) -> bool {
        StatusClass::of(code) == Some(self.class)
    }
}

impl Status {
    /// The status class (RFC 9110 §15).
    pub fn class(&self) -> &'static str {
        crate::model::status_class(self.code)
    }
}

#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// The Rust type and schema name.
    pub name: String,
    /// The JSON Schema name of its documented values (`Known<Name>`).
    pub known_name: String,
    /// The JSON Schema title of its open branch (`Unknown<Name>`).
    pub unknown_name: String,
    pub description: String,
    pub section: SectionId,
    /// The values' JSON type.
    pub wire_type: VocabularyType,
    pub format: Option<StringFormat>,
    /// The vocabulary the values link to, and the Rust method that follows the link.
    pub links_to: Option<(VocabularyId, String)>,
    /// What ends a namespace the wire may write before a value (`#`).
    pub namespace_separator: Option<char>,
    pub values: Vec<VocabularyValue>,
    /// Families the document lists as one entry (`4000X`), which no variant stands for.
    pub families: Vec<ValueFamily>,
}

/// A family of values written as one entry (see [`crate::model::Vocabulary::families`]).
#[derive(Debug, Clone)]
pub struct ValueFamily {
    /// As the document writes it (`4000X`, `(other)`).
    pub written: String,
    /// The pattern of the values it stands for: `*` any run of characters, `?` any one.
    pub pattern: String,
    pub description: Option<String>,
    pub title: Option<String>,
    pub kind: Option<String>,
    pub category: Option<String>,
    pub statuses: Vec<u16>,
    pub action: Option<String>,
    pub message: Option<String>,
    pub user_message: Option<String>,
    pub retryable: Option<bool>,
    pub trace: Trace,
}

impl ValueFamily {
    /// Whether the family names `wire` as one of a kind (see [`crate::model::family_names`]).
    pub fn names(&self, wire: &str) -> bool {
        crate::model::family_names(&self.pattern, wire)
    }
}

#[derive(Debug, Clone)]
pub struct VocabularyValue {
    /// The wire string, or an integer code's decimal digits.
    pub wire: String,
    /// The integer code, in a `type: integer` vocabulary.
    pub code: Option<i64>,
    /// The Rust variant.
    pub variant: String,
    pub description: Option<String>,
    pub title: Option<String>,
    pub kind: Option<String>,
    pub category: Option<String>,
    pub statuses: Vec<u16>,
    /// The statuses in the document's words, where a list cannot say them (see
    /// [`crate::model::VocabularyValue::statuses_said`]).
    pub statuses_said: Option<String>,
    pub action: Option<String>,
    pub message: Option<String>,
    pub user_message: Option<String>,
    pub retryable: Option<bool>,
    /// Whether to retry in the document's words, where they hedge (see
    /// [`crate::model::VocabularyValue::retryable_said`]).
    pub retryable_said: Option<String>,
    /// The value of the linked vocabulary this one belongs to.
    pub link: Option<ValueRef>,
    pub trace: Trace,
}

#[derive(Debug, Clone)]
pub struct Shape {
    /// The Rust type and schema name.
    pub name: String,
    pub description: String,
    pub root: bool,
    /// A root body sent as a JSON array of such objects.
    pub array: bool,
    /// A root body sent as plain text: what its text is (the shape has no fields).
    pub text: Option<TextBody>,
    pub fields: Vec<Field>,
    /// For an extensible body: the Rust field that keeps the members the catalog does not list.
    pub extensions: Option<String>,
    /// The media type of a root body.
    pub media_type: String,
    pub trace: Trace,
}

#[derive(Debug, Clone)]
pub struct Field {
    /// The JSON key.
    pub wire: String,
    /// The Rust field.
    pub rust_name: String,
    /// The builder method that sets an optional field (`with_<name>`).
    pub setter: String,
    pub ty: FieldType,
    pub required: bool,
    /// When the key is sent, in the document's words (see [`crate::model::Field::presence`]).
    pub presence: Option<String>,
    /// The type in the document's words (see [`crate::model::Field::type_said`]).
    pub type_said: Option<String>,
    /// A value of the member, as the document's table gives it.
    pub example: Option<String>,
    /// The value may be `null`.
    pub nullable: bool,
    pub format: Option<StringFormat>,
    pub role: Option<FieldRole>,
    pub description: String,
    pub trace: Trace,
}

impl Field {
    /// The JSON types the field's value may have, one bit each (null, boolean, number, string,
    /// array, object): two fields whose sets share no bit hold no value alike. An integer is
    /// a number.
    pub fn json_kinds(&self, api: &Api) -> u8 {
        const NULL: u8 = 1;
        let kinds = match self.ty.json_name(api) {
            "boolean" => 2,
            "integer" | "number" => 4,
            "string" => 8,
            "array" => 16,
            "object" => 32,
            _ => u8::MAX,
        };
        if self.nullable {
            kinds | NULL
        } else {
            kinds
        }
    }
}

/// An object chosen by a tag: the member `tag` names which shape the rest of it is.
#[derive(Debug, Clone)]
pub struct Union {
    /// The Rust type and schema name.
    pub name: String,
    pub description: String,
    /// The member that names the shape.
    pub tag: String,
    pub variants: Vec<UnionVariant>,
    pub trace: Trace,
}

/// One shape of a union.
#[derive(Debug, Clone)]
pub struct UnionVariant {
    /// The tag's text.
    pub tag: String,
    pub shape: ShapeId,
    /// The Rust variant (and the schema branch's title).
    pub variant: String,
}

/// The media type of a root body that does not name one.
pub const DEFAULT_MEDIA_TYPE: &str = "application/json";
/// The media type of a plain-text body, unless the catalog says.
pub const TEXT_MEDIA_TYPE: &str = "text/plain";

/// What the text of a plain-text body is: a string or a vocabulary's value, and its role.
#[derive(Debug, Clone)]
pub struct TextBody {
    pub ty: FieldType,
    pub role: Option<FieldRole>,
}

/// A field's type, its references resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldType {
    String,
    Integer,
    Number,
    Boolean,
    Any,
    Vocabulary(VocabularyId),
    Object(ShapeId),
    Union(UnionId),
    Array(Box<FieldType>),
    Map(Box<FieldType>),
}

impl VocabularyValue {
    /// The value as JSON sends it: a string, or an integer code.
    pub fn json(&self) -> Value {
        match self.code {
            Some(code) => code.into(),
            None => self.wire.as_str().into(),
        }
    }
}

impl FieldType {
    /// The type of the values a field holds: its own, or its elements' for a list (of lists).
    pub fn values(&self) -> &FieldType {
        match self {
            FieldType::Array(inner) => inner.values(),
            other => other,
        }
    }

    /// The JSON type on the wire.
    pub fn json_name(&self, api: &Api) -> &'static str {
        match self {
            FieldType::Vocabulary(id) => api[*id].wire_type.name(),
            FieldType::String => "string",
            FieldType::Integer => "integer",
            FieldType::Number => "number",
            FieldType::Boolean => "boolean",
            FieldType::Any => "any",
            FieldType::Object(_) | FieldType::Union(_) | FieldType::Map(_) => "object",
            FieldType::Array(_) => "array",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Header {
    pub name: String,
    /// The Rust constant holding the name.
    pub constant: String,
    pub description: String,
    pub sent_in: HeaderDirection,
    pub value_type: HeaderValueType,
    /// The type in the document's words (see [`crate::model::Header::type_said`]).
    pub type_said: Option<String>,
    pub format: Option<StringFormat>,
    pub role: Option<HeaderRole>,
    /// For a header of the code: the vocabulary of the codes it sends.
    pub vocabulary: Option<VocabularyId>,
    pub statuses: Vec<u16>,
    pub formats: Vec<RetryAfterFormat>,
    pub default_seconds: Option<u64>,
    pub trace: Trace,
}

/// What to do about errors: the rules and the fallback.
#[derive(Debug, Clone)]
pub struct Recovery {
    /// The levels a response is tried at, in order (the fallback after them).
    pub precedence: Vec<DecidedBy>,
    pub rules: Vec<RecoveryRule>,
    /// A rule of level `Fallback`, with id `fallback`, that covers everything.
    pub fallback: RecoveryRule,
}

#[derive(Debug, Clone)]
pub struct RecoveryRule {
    pub id: String,
    pub level: DecidedBy,
    pub hints: Vec<ValueRef>,
    pub errors: Vec<ValueRef>,
    pub statuses: Vec<u16>,
    pub status_classes: Vec<StatusClass>,
    pub except: Vec<ValueRef>,
    pub kind: RecoveryKind,
    pub backoff: Option<Backoff>,
    /// The document says to back off but gives no numbers: the client's policy chooses them.
    pub client_backoff: bool,
    pub max_attempts: Option<u32>,
    pub if_no_wait: Option<RecoveryKind>,
    /// Conditions that must all hold.
    pub when: Vec<Condition>,
    /// The failures without a response the rule covers (then it names nothing else).
    pub transport: Vec<TransportFailure>,
    /// The server did not act on the request: resending is safe whatever the request.
    pub safe_to_resend: bool,
    /// What comes next when the recovery did not help.
    pub then: Option<Escalation>,
    pub advice: String,
    pub trace: Trace,
}

/// What to do when a rule's recovery did not help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Escalation {
    pub kind: RecoveryKind,
    /// `RequestId` or `SupportReference`.
    pub quote: Option<FieldRole>,
    pub advice: String,
}

/// A test a rule needs a response to pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    pub subject: ConditionSubject,
    pub test: ConditionTest,
}

/// What a condition tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConditionSubject {
    /// A response header, by the name the catalog describes it under.
    Header(String),
    /// The body fact of a role (`code`, `hint`, `message`).
    Field(FieldRole),
}

/// How a condition tests its subject (ASCII letters in any case, trimmed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConditionTest {
    Equals(String),
    Contains(String),
}

impl RecoveryRule {
    /// Does the rule name this status, or its class?
    pub fn covers_status(&self, code: u16) -> bool {
        self.statuses.contains(&code) || StatusClass::of(code).is_some_and(|class| self.status_classes.contains(&class))
    }

    /// Is the kind the catalog's reading rather than the document's word?
    pub fn kind_inferred(&self) -> bool {
        self.trace.inferred.iter().any(|fact| fact == "kind")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Backoff {
    pub first_delay_ms: u64,
    pub multiplier: f64,
    pub max_delay_ms: Option<u64>,
    pub jitter: Jitter,
    /// For additive jitter: the most added to each delay.
    pub jitter_ms: Option<u64>,
}

/// The decision an example leads to.
#[derive(Debug, Clone)]
pub struct Decision {
    pub kind: RecoveryKind,
    /// The rule's id, or `fallback`.
    pub rule: String,
    /// The status to decide with, where the example has none.
    pub status: Option<u16>,
    /// The wait, in milliseconds.
    pub wait_ms: Option<u64>,
    /// The waits before each retry with the default policy, in milliseconds, where pinned.
    pub retry_waits_ms: Option<Vec<u64>>,
    /// What comes next when the recovery does not help, where pinned.
    pub then: Option<RecoveryKind>,
}

#[derive(Debug, Clone)]
pub struct Example {
    pub id: String,
    /// The example's name in generated code: its test and its OpenAPI component.
    pub name: String,
    pub title: String,
    /// The root body it follows.
    pub shape: ShapeId,
    pub status: Option<u16>,
    /// The document gives the status in its text, not in a status line.
    pub status_in_prose: bool,
    /// Response headers, in the catalog's order.
    pub headers: Vec<(String, String)>,
    /// The body as JSON: of a plain-text body, its text as a JSON string.
    pub body: Value,
    /// The body as sent, as the crate embeds and the docs show it: pretty-printed JSON, or the
    /// text of a plain-text body.
    pub body_sent: String,
    pub decision: Option<Decision>,
    pub trace: Trace,
}

/// A pinned response and its decision.
#[derive(Debug, Clone)]
pub struct Case {
    pub id: String,
    /// The case's name in generated code (its test).
    pub name: String,
    pub why: String,
    /// The section whose words the case follows, and the facts it chose; `None`: the catalog's own.
    pub source: Option<(SectionId, Vec<String>)>,
    pub input: CaseInput,
    /// The request the decision is for, where the case gives it.
    pub request: Option<CaseRequest>,
    pub decision: Decision,
}

/// The request of a pinned case.
#[derive(Debug, Clone)]
pub struct CaseRequest {
    pub method: String,
    pub idempotency_key: bool,
}

/// What a pinned case gives the client to decide on.
#[derive(Debug, Clone)]
pub enum CaseInput {
    /// A response.
    Response {
        status: u16,
        headers: Vec<(String, String)>,
        /// The body bytes, as text (compact JSON for a JSON body).
        body: String,
    },
    /// A request that got no response.
    Transport(TransportFailure),
}

#[derive(Debug, Clone)]
pub struct Inconsistency {
    pub id: String,
    pub kind: InconsistencyKind,
    pub summary: String,
    pub statements: Vec<Statement>,
    pub resolution: String,
}

#[derive(Debug, Clone)]
pub struct Statement {
    pub section: SectionId,
    pub says: String,
}
