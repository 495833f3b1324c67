//! The catalog's data model: what one `spec/<api>.yaml` file holds.
//!
//! Every struct denies unknown keys, so a misspelt key is an error rather than a silently
//! ignored fact. Field order here is the order the renderers present things in.

mod forms;
mod schema;
mod shared;

pub use schema::format_schema;

pub use shared::{
    CatalogEnum, DecidedBy, FieldRole, HeaderRole, Jitter, Names, RecoveryKind, RetryAfterFormat, StatusClass,
    TransportFailure,
};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Whether a defaulted key holds its default, so that writing a catalog (a draft) leaves it out.
fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// One API's error model, loaded from one YAML file.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Api {
    /// Lower-case identifier; names the Rust module, the schema and the doc files.
    pub id: String,
    /// Display name, as the API's own documentation spells it.
    pub name: String,
    /// One paragraph: how the API reports errors, in the catalog's words.
    pub summary: String,
    /// The document the facts are taken from, or a list of documents when the error model
    /// spans several pages (each then has an `id` for sections to name).
    pub source: SourceDocuments,
    /// The source document's sections that facts are traced to.
    pub sections: Vec<Section>,
    /// Every HTTP status the document lists or uses.
    pub statuses: Vec<Status>,
    /// Whole classes of statuses the document lists as one entry (a `5xx` row of its status
    /// table), beside the statuses it names one by one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status_classes: Vec<StatusClassEntry>,
    /// Closed sets of wire strings: error types, codes, hints, reasons.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vocabularies: Vec<Vocabulary>,
    /// JSON object shapes; the `root` ones are complete error response bodies. None for an API
    /// that documents no error body (its statuses and headers decide).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bodies: Vec<Shape>,
    /// Objects whose member `tag` says which body shape they are (google.rpc's `details` by
    /// `@type`); a field holds one as `{ union: Name }`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unions: Vec<Union>,
    /// Response headers that matter to error handling (Retry-After, rate limits, request ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub headers: Vec<Header>,
    /// What a client should do about each error, as the document advises: rules and a
    /// fallback. Without it every error is given up on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery: Option<RecoveryAdvice>,
    /// Example error responses the document shows, body exactly as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub examples: Vec<Example>,
    /// Responses the document does not show, with the decision each must lead to: the
    /// maintainers' pins on the advice (a hint beating a type, a garbled body, an odd header).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<Case>,
    /// Places where the source document contradicts itself or a standard.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inconsistencies: Vec<Inconsistency>,
}

/// The documents an API's facts come from: one, written as a map, or several, as a list.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceDocuments(pub Vec<SourceDocument>);

/// Where the facts of an API come from.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceDocument {
    /// Short identifier that sections name in `document`; needed when there are several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The document's title.
    pub title: String,
    /// The document's own one-line description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where the document is published or indexed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Catalog-wide remarks on how the document was read (conventions, what was inferred).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// A copy of the document on disk, relative to this catalog file. When set, the source
    /// fidelity test checks that every table and JSON example of the copy is transcribed
    /// (the copy itself need not be committed; without it the check is skipped, outside CI).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_copy: Option<String>,
    /// `sha256:<hex>` of the page as the catalog was last checked against it: `cargo xtask
    /// drift` says when the page has changed since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_hash: Option<String>,
}

/// A section (heading) of the source document.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Short identifier that entries name in `source` and statements in `section`.
    pub id: String,
    /// The `id` of the source document the section belongs to; may be left out while there is
    /// only one document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// Heading path as the document writes it, outermost first.
    pub heading: Vec<String>,
    /// Present when the section is a table: how to rebuild it from catalog entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<SourceTable>,
}

/// A table of the source document, rebuilt from the catalog entries whose `source` is its
/// section, in catalog order (or from those its `entries` lists, in that order).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceTable {
    /// The catalog collection whose entries are the rows.
    pub rows: TableRows,
    /// Where the table lists other entries than those whose `source` is its section: the keys of
    /// those it lists, in its order. Statuses by code (a table of retry advice over statuses
    /// another section lists: `["400", "429"]`), a vocabulary's values and families (a family between
    /// values: `[0, 4000X, 40001]`), headers by name, a body's
    /// members by path (SuperSend's table of `error`'s members lists `request_id`, sent beside
    /// `error`: `[error.code, request_id]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entries: Option<Vec<String>>,
    /// The columns, in the document's order.
    pub columns: Vec<TableColumn>,
    /// Where one row of the document covers several entries ("500, 502, 503, 504"):
    /// consecutive rows that differ only in this column become one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join: Option<JoinRows>,
    /// Where the document heads each group of rows with a row of its own (SparkPost's `API
    /// Service | 1000-1999`, over that component's codes): the rows that head them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<RowGroups>,
}

/// Rows that head groups of a table's rows.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RowGroups {
    /// The fact whose text names each entry's group (a value's `category`): a group's row is
    /// written before the first row of its entries.
    pub by: String,
    /// Each group's row, by the group's name.
    pub rows: Vec<GroupRow>,
}

/// The row that heads one group.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupRow {
    /// The group's name, as its entries' `by` fact gives it.
    pub group: String,
    /// The row's cells, one per column, as the document writes them.
    pub cells: Vec<String>,
}

/// How rows covering several entries are written.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JoinRows {
    /// The header of the column whose cells are joined.
    pub column: String,
    /// What goes between them, e.g. ", ".
    pub separator: String,
    /// The keys are written as a span, the first and the last with `separator` between them
    /// (`500–504`), rather than each.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub span: bool,
}

/// Which catalog collection a source table's rows come from: `statuses`, `headers`,
/// `{ vocabulary: Name }` or `{ body: Name }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableRows {
    /// The headers, of either direction.
    Headers,
    Statuses,
    Vocabulary(String),
    Body(String),
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TableColumn {
    /// The column heading as the document writes it.
    pub header: String,
    /// Cell template: literal text with `{fact}` placeholders, e.g. "`{code}`". `{fact?}` is
    /// optional (empty where a row lacks the fact); `{fact?text}` shows `text` there instead.
    pub cell: String,
}

/// A class of HTTP statuses the document lists as one entry (`5xx`: every server error), and
/// what it says about them.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusClassEntry {
    /// The class as the document writes it: a digit from 1 to 5, then `xx` or `XX` (`5xx`), or
    /// `0x` (`50X`, as some tables write all the server errors).
    pub class: String,
    /// The name the document gives the class beside it (`Server Errors` in `50X - Server Errors`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// What the document says the statuses of the class mean.
    pub description: String,
    /// What the document tells clients to do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// When the API sends these statuses, where the document says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when_used: Option<String>,
    /// Whether a retry can succeed, where the document says or implies it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retryable: Option<bool>,
    /// Where the document links the entry to (its table cell is a link).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Section id this entry is taken from.
    pub source: String,
    /// Facts of this entry that the catalog inferred rather than read in the document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<String>,
    /// Ids of inconsistencies that concern this entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inconsistencies: Vec<String>,
    /// Free remarks on the entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl StatusClassEntry {
    /// The class the entry names, when `class` is written as one (`5xx`, `4XX`).
    pub fn status_class(&self) -> Option<StatusClass> {
        written_status_class(&self.class)
    }
}

/// An HTTP status code and what the document says about it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Status {
    /// The status code, 100-599.
    pub code: u16,
    /// The reason phrase; names the Rust variant. Filled in (and marked inferred) with the
    /// standard phrase when left out; needed for codes no standard names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The Rust variant of `HttpStatus` (and its schema and OpenAPI name), where the reason
    /// phrase would give another status's: DeepL's 529 `Too Many Requests`, beside 429.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// What the document says the status means.
    pub description: String,
    /// What the document tells clients to do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// When the API sends this status, where the document says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when_used: Option<String>,
    /// Whether a retry can succeed, where the document says or implies it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retryable: Option<bool>,
    /// Whether to retry in the document's words, where they hedge (`Usually no`, `Depends`):
    /// `retryable` holds what they lean to, if anything, and a table's
    /// `{retryable_said|retryable:Yes/No}` cell writes these words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retryable_said: Option<String>,
    /// Where the document links the entry to (its table cell is a link: `[404](#not-found)`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The name the document's table gives a group of statuses it lists in one row
    /// (`Server Errors` in `500, 502, 503, 504 - Server Errors`): `{group|reason}` writes it
    /// where a status has one, and the table's `join` writes the group's codes in one row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    // Provenance (see `Traced`); inlined rather than flattened so errors keep their position.
    /// Section id this entry is taken from.
    pub source: String,
    /// Facts of this entry that the catalog inferred rather than read in the document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<String>,
    /// Ids of inconsistencies that concern this entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inconsistencies: Vec<String>,
    /// Free remarks on the entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A closed vocabulary of wire values (strings, or integer codes), rendered as an open
/// (non-exhaustive) enum.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    /// Rust type name (PascalCase); also the JSON Schema `$defs` key.
    pub name: String,
    /// What the values are and which field carries them.
    pub description: String,
    /// Section id the vocabulary is taken from.
    pub source: String,
    /// The JSON type of the values on the wire: `string` (the default) or `integer`, for
    /// numeric error codes (`"code": 20429`). Integer values are written as YAML integers
    /// (`value: 20429`), in rules too (`errors: [20429]`).
    #[serde(default, rename = "type", skip_serializing_if = "is_default")]
    pub wire_type: VocabularyType,
    /// Which part of each value its Rust variant is named after, where the whole value makes a
    /// poor name (URIs): `whole` (the default), `last_segment`, `fragment` or
    /// `{ strip_prefix: "https://example.com/problems/" }`. A value's `variant` still wins.
    #[serde(default, skip_serializing_if = "is_default")]
    pub variant_names: VariantNames,
    /// What every value is, where the document says (`uri-reference` for RFC 9457 types):
    /// JSON Schema's `format` of the values this catalog does not list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<StringFormat>,
    /// Another vocabulary whose values this one's point at, e.g. each error code's type: the
    /// values name theirs in `link`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links_to: Option<String>,
    /// What ends a namespace the wire may write before a value (`"#"`: AWS's JSON protocols
    /// send `com.amazonaws.dynamodb.v20120810#ThrottlingException` for `ThrottlingException`):
    /// the value is the text after the last one, and Rust types the field `Namespaced<Name>`,
    /// which keeps the namespace. Strings only; one sign that no value holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace_separator: Option<String>,
    /// Every documented value, in the document's order. None where the document lists none
    /// (it sends a code it never lists, or writes only its form, `VMW-XXX-XXX`): every value
    /// then decodes as unknown, with its family's facts.
    pub values: Vec<VocabularyValue>,
    /// Families of values the document lists as one entry each: written with a wildcard
    /// (`4000X`, `*_NOT_FOUND`, `08*`) or standing for every value not listed (`(other)`). A
    /// family is no value the API sends, so it has no variant: codes of it the catalog does not
    /// list are unknown values, with the facts of the first family that fits them. Each is
    /// written as a value is (its
    /// `value` as the document writes it) and says which values it stands for in `matches`; its
    /// table rows follow the values' unless the table lists its `entries`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub families: Vec<VocabularyValue>,
}

/// The JSON type of a vocabulary's values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VocabularyType {
    /// JSON strings.
    #[default]
    String,
    /// JSON integers (64-bit, signed): numeric error codes.
    Integer,
}

impl VocabularyType {
    /// The JSON type's name.
    pub fn name(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Integer => "integer",
        }
    }
}

/// Which part of a wire value names its Rust variant.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum VariantNames {
    /// The whole value.
    #[default]
    Whole,
    /// What follows the last `/` (a trailing `/` ignored), or the whole value without one.
    LastSegment,
    /// What follows `#`, or the whole value without one.
    Fragment,
    /// The value without this prefix, or the whole value when it does not start with it.
    StripPrefix(String),
}

impl VariantNames {
    /// The part of `value` a variant name is derived from.
    pub fn part<'a>(&self, value: &'a str) -> &'a str {
        let part = match self {
            Self::Whole => value,
            Self::LastSegment => value.trim_end_matches('/').rsplit('/').next().unwrap_or(value),
            Self::Fragment => value.split_once('#').map_or(value, |(_, fragment)| fragment),
            Self::StripPrefix(prefix) => value.strip_prefix(prefix.as_str()).unwrap_or(value),
        };
        if part.trim().is_empty() {
            value
        } else {
            part
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VocabularyValue {
    /// The value exactly as sent: a string, or an integer in a `type: integer` vocabulary
    /// (kept here as its decimal digits).
    #[serde(deserialize_with = "forms::wire_text")]
    #[schemars(with = "forms::WireText")]
    pub value: String,
    /// Rust variant name; derived from `value` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
    /// Of a family only (under `families:`): the values it stands for, as a pattern in which `*`
    /// is any run of characters and `?` any one (`4000?` for `4000X`; `*` for a row of every
    /// other value). When absent, `value` is the pattern.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matches: Option<String>,
    /// Of a family only: the document writes it as plain words, without the marks its table's
    /// column writes the values in (`(other)` in a column of `` `UNAUTHENTICATED` ``); its key
    /// cell leaves out the marks on either side of `{value}`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub plain: bool,
    /// What the value means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The document's heading or label for this value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What sort of value this is, where a vocabulary mixes sorts (e.g. code or message).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The document's grouping of the value (e.g. authentication, rate limiting).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// HTTP statuses the value is sent with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<u16>,
    /// The statuses in the document's words, where a list of them cannot say it (`4xx (502
    /// when the upstream answered 5xx)`): a table's `{statuses_said|statuses}` cell writes these
    /// words for this value. `statuses` holds those the words name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statuses_said: Option<String>,
    /// What the document tells clients to do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The server's human-readable message sent with this value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The text the document suggests showing to end users.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_message: Option<String>,
    /// Whether a retry can succeed, where the document says or implies it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retryable: Option<bool>,
    /// Whether to retry in the document's words, where they hedge (`Usually no`, `Depends`):
    /// `retryable` holds what they lean to, if anything, and a table's
    /// `{retryable_said|retryable:Yes/No}` cell writes these words for this value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retryable_said: Option<String>,
    /// The value of the vocabulary named in `links_to` this one belongs to.
    #[serde(default, deserialize_with = "forms::some_wire_text", skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<forms::WireText>")]
    pub link: Option<String>,
    /// Where the document links the value to (its table cell is a link: `` [`invalid`](#invalid) ``).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    // Provenance (see `Traced`); inlined rather than flattened so errors keep their position.
    /// Section id this entry is taken from.
    pub source: String,
    /// Facts of this entry that the catalog inferred rather than read in the document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<String>,
    /// Ids of inconsistencies that concern this entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inconsistencies: Vec<String>,
    /// Free remarks on the entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl VocabularyValue {
    /// Of a family: the pattern of the values it stands for (`matches`, else `value`).
    pub fn family_pattern(&self) -> &str {
        self.matches.as_deref().unwrap_or(&self.value)
    }
}

/// Whether a family of `pattern` names `text` as one of a kind: it stands for it, and is no row of
/// every other value (`*`), which says of a value only that the table lacks it.
pub fn family_names(pattern: &str, text: &str) -> bool {
    pattern != "*" && family_matches(pattern, text)
}

pub use api_error_runtime::model::family_matches;

/// A JSON object shape.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Shape {
    /// Rust struct name (PascalCase); also the JSON Schema `$defs` key.
    pub name: String,
    /// What the object is and when it is sent.
    pub description: String,
    /// True for shapes that are whole error response bodies.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub root: bool,
    /// For a root body: the body is a JSON array of such objects, one per error
    /// (`[{"errorCode": "NOT_FOUND", "message": "..."}]`), not one object. Rules read the first
    /// element that carries a fact. An API whose body is such a list has no other body format.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub array: bool,
    /// For a root body sent as plain text rather than JSON (Trello's `invalid token`): what the
    /// text is. The whole text, without the white space around it, is the body's one value,
    /// typed and read as a JSON string of it would be. Such a body has no `fields`, its
    /// `media_type` is `text/plain` unless said, and it is its API's only body format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<TextBody>,
    /// The body may carry members the catalog does not list (RFC 9457's extension members,
    /// say): generated code keeps them and writes them back, and schemas accept them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub extensible: bool,
    /// The media type of a root body, where it is not `application/json` (for example
    /// `application/problem+json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// The object's keys, in the document's order (none for a plain-text body).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    // Provenance (see `Traced`); inlined rather than flattened so errors keep their position.
    /// Section id this entry is taken from.
    pub source: String,
    /// Facts of this entry that the catalog inferred rather than read in the document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<String>,
    /// Ids of inconsistencies that concern this entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inconsistencies: Vec<String>,
    /// Free remarks on the entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// What the text of a plain-text body is.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextBody {
    /// `string`, or a vocabulary whose values the text is (`{ vocabulary: Name }`).
    #[serde(rename = "type")]
    pub ty: FieldType,
    /// What the text tells a client, as a field's `role` does: `code` or `hint` (of a
    /// vocabulary), `message`, `request_id` or `support_reference` (of a string).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Names<FieldRole>>")]
    pub role: Option<FieldRole>,
}

impl Shape {
    /// The type of a whole body of this shape: the object, a list of them for `array`, or the
    /// text's type for a plain-text body.
    pub fn body_type(&self) -> FieldType {
        let object = FieldType::Object(self.name.clone());
        match (&self.text, self.array) {
            (Some(text), _) => text.ty.clone(),
            (None, true) => FieldType::Array(Box::new(object)),
            (None, false) => object,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// The JSON key, exactly as sent.
    pub name: String,
    /// Rust field name (snake_case); derived from `name` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rust_name: Option<String>,
    /// The JSON type of the value.
    #[serde(rename = "type")]
    pub ty: FieldType,
    /// Whether every body of this shape carries the key.
    pub required: bool,
    /// When the key is sent, in the document's words, where its table says so member by member
    /// (`always`, `when known`, `usually`): `required` says it for code, this as the document
    /// does (a table's `{presence}` cells write it back).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presence: Option<String>,
    /// The type in the document's words, where the catalog's types cannot say it (CAIL Health's
    /// `string or array of strings`, typed `any`): a table's `{type_said|type}` cell writes these
    /// words for this field, and the reference docs show them beside its type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_said: Option<String>,
    /// A value of the member as the document's field table gives it, in a column of examples or
    /// defaults (MyFitnessPal's `subscribe/3` for `error`): a `{example}` cell writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    /// Whether the value may be `null` (as sent, not just absent).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub nullable: bool,
    /// What a string holds, where the document says (`date-time`, `uri`...): JSON Schema's
    /// `format`, for validators and code generators in other languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<StringFormat>,
    /// What the field tells a client (the error code, a hint, the request id...), so that the
    /// generated code can find it even in a body that does not decode. A role goes on a field
    /// of a root body, or of an object one holds at any depth (a nested envelope such as
    /// `{"error": {"code": ...}}`) or in an array (`{"errors": [{"code": ...}]}`: the first
    /// element that has the field gives the fact), but not among the values of a map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Names<FieldRole>>")]
    pub role: Option<FieldRole>,
    /// For `role: retry_after`: the formats the wait is sent in, tried in order (`delay_seconds`
    /// when absent): a number of seconds (fractions too) or milliseconds, a duration with units
    /// (`"1.5s"`), a moment (seconds since the epoch, an HTTP-date, ISO 8601). Every
    /// `retry_after` field of an API lists the same.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<Names<RetryAfterFormat>>")]
    pub formats: Vec<RetryAfterFormat>,
    /// For an array whose elements carry a `code` or `hint` (GitHub's `errors[].code`): which
    /// elements rules read. `first` (the default): the first element that has the value decides;
    /// `any`: a rule covers the body when any element has one of its values (the first still
    /// gives the body's code, as shown to people).
    #[serde(default, skip_serializing_if = "is_default")]
    pub elements: Elements,
    /// What the value means.
    pub description: String,
    // Provenance (see `Traced`); inlined rather than flattened so errors keep their position.
    /// Section id this entry is taken from.
    pub source: String,
    /// Facts of this entry that the catalog inferred rather than read in the document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<String>,
    /// Ids of inconsistencies that concern this entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inconsistencies: Vec<String>,
    /// Free remarks on the entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// An object chosen by a tag: the member `tag` names which body shape the rest of it is, and a
/// tag the catalog does not list is kept as it came (open to types added later).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Union {
    /// Rust type name (PascalCase); also the JSON Schema `$defs` key.
    pub name: String,
    /// What the objects are and which field holds them.
    pub description: String,
    /// The member whose text names the shape, as sent (`@type`, `kind`).
    pub tag: String,
    /// The shapes, each with its tag, in the document's order.
    pub variants: Vec<UnionVariant>,
    // Provenance (see `Traced`); inlined rather than flattened so errors keep their position.
    /// Section id this entry is taken from.
    pub source: String,
    /// Facts of this entry that the catalog inferred rather than read in the document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<String>,
    /// Ids of inconsistencies that concern this entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inconsistencies: Vec<String>,
    /// Free remarks on the entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// One shape of a union.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnionVariant {
    /// The tag's text for this shape, exactly as sent.
    pub tag: String,
    /// The body shape (not a whole body) the object is, its tag aside.
    pub body: String,
    /// Rust variant name; the body's name when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
}

impl UnionVariant {
    /// The Rust variant's name: its own, or the body's.
    pub fn rust_name(&self) -> &str {
        self.variant.as_deref().unwrap_or(&self.body)
    }
}

/// Must a member be there for its body to fit? When it is required and may not be `null`: a
/// required member that may be `null` may be left out too (serde's derive reads an `Option` as
/// `None` when absent), and a free-form one holds its `null` itself. The one rule the validator,
/// the Rust decoder and the recovery data follow.
pub fn must_be_present(required: bool, nullable: bool, free_form: bool) -> bool {
    required && (!nullable || free_form)
}

/// The JSON type of a field: `string`, `integer`, `number`, `boolean`, `any`,
/// `{ vocabulary: Name }`, `{ object: Name }`, `{ union: Name }`, `{ array: <type> }` or
/// `{ map: <type> }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldType {
    String,
    Integer,
    Number,
    Boolean,
    /// Any JSON value: free-form data the document does not describe.
    Any,
    /// An object whose keys are free and whose values all have this type.
    Map(Box<FieldType>),
    /// A value (a string, or an integer code) from the named vocabulary.
    Vocabulary(String),
    /// An object of the named shape.
    Object(String),
    /// An object of one of the named union's shapes, by its tag.
    Union(String),
    Array(Box<FieldType>),
}

impl FieldType {
    /// The type of the values a field holds: its own, or its elements' for a list (of lists):
    /// a role on `"error": ["EAPI:Invalid key"]` reads the elements.
    pub fn values(&self) -> &FieldType {
        match self {
            FieldType::Array(inner) => inner.values(),
            other => other,
        }
    }
}

/// JSON Schema's string formats (draft 2020-12, section 7.3) that error documents use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum StringFormat {
    DateTime,
    Date,
    Time,
    Duration,
    Email,
    Hostname,
    Ipv4,
    Ipv6,
    Uri,
    UriReference,
    Iri,
    IriReference,
    UriTemplate,
    Uuid,
    Regex,
}

impl StringFormat {
    pub const ALL: [StringFormat; 15] = [
        Self::DateTime,
        Self::Date,
        Self::Time,
        Self::Duration,
        Self::Email,
        Self::Hostname,
        Self::Ipv4,
        Self::Ipv6,
        Self::Uri,
        Self::UriReference,
        Self::Iri,
        Self::IriReference,
        Self::UriTemplate,
        Self::Uuid,
        Self::Regex,
    ];

    /// The format JSON Schema names so (`date-time`).
    pub fn named(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|format| format.name() == name)
    }

    /// The name JSON Schema gives it, e.g. `date-time`.
    pub fn name(self) -> &'static str {
        match self {
            Self::DateTime => "date-time",
            Self::Date => "date",
            Self::Time => "time",
            Self::Duration => "duration",
            Self::Email => "email",
            Self::Hostname => "hostname",
            Self::Ipv4 => "ipv4",
            Self::Ipv6 => "ipv6",
            Self::Uri => "uri",
            Self::UriReference => "uri-reference",
            Self::Iri => "iri",
            Self::IriReference => "iri-reference",
            Self::UriTemplate => "uri-template",
            Self::Uuid => "uuid",
            Self::Regex => "regex",
        }
    }
}

/// A response header the document describes.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// The header name as the document writes it.
    pub name: String,
    /// What the header carries.
    pub description: String,
    /// Whether clients send the header with requests (an idempotency key, say) or read it in
    /// responses (the default).
    #[serde(default, skip_serializing_if = "is_default")]
    pub sent_in: HeaderDirection,
    /// What the value is, where it is not text: the generated code parses it.
    #[serde(default, rename = "type", skip_serializing_if = "is_default")]
    pub value_type: HeaderValueType,
    /// The type in the document's words, where the catalog's types cannot say it (Ensembl's
    /// `Seconds`, `MIME Type`): a table's `{type_said}` cell writes these words back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_said: Option<String>,
    /// What a text value holds, where the document says (`date-time`, `uuid`...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<StringFormat>,
    /// What a client uses the header for; lets renderers add typed helpers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Names<HeaderRole>>")]
    pub role: Option<HeaderRole>,
    /// For `role: code`: the vocabulary whose values the header sends (rules name them as
    /// they name a body's codes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vocabulary: Option<String>,
    /// Statuses the header is documented with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<u16>,
    /// Value formats the document allows (for `retry_after`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<Names<RetryAfterFormat>>")]
    pub formats: Vec<RetryAfterFormat>,
    /// Seconds to assume when the header is missing, where the document says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_seconds: Option<u64>,
    /// A value the document shows for the header (its table's "Sample value" column), as
    /// written there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    // Provenance (see `Traced`); inlined rather than flattened so errors keep their position.
    /// Section id this entry is taken from.
    pub source: String,
    /// Facts of this entry that the catalog inferred rather than read in the document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<String>,
    /// Ids of inconsistencies that concern this entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inconsistencies: Vec<String>,
    /// Free remarks on the entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Which messages carry a header.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HeaderDirection {
    #[default]
    Response,
    Request,
}

/// The type of a header's value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HeaderValueType {
    #[default]
    String,
    Integer,
    Number,
    /// `true` or `false`, in any case.
    Boolean,
}

impl Field {
    /// The formats a `role: retry_after` field's wait is read in: its own, or delay-seconds.
    pub fn wait_formats(&self) -> &[RetryAfterFormat] {
        match self.formats.as_slice() {
            [] => &[RetryAfterFormat::DelaySeconds],
            formats => formats,
        }
    }
}

impl HeaderValueType {
    pub fn name(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Integer => "integer",
            Self::Number => "number",
            Self::Boolean => "boolean",
        }
    }
}

/// What to do about errors: rules, tried in precedence order (conditions alone, hint, error
/// value, status, status class; within a level, rules with conditions first), and the fallback
/// for responses no rule covers.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecoveryAdvice {
    /// The order the levels are tried in, where the document orders them otherwise than the
    /// runtime's default (`condition`, `hint`, `error_value`, `status`, `status_class`): each
    /// once; the fallback comes after them. A document that says to branch on the error's
    /// type before anything else lists `error_value` before `hint`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Vec<Names<DecidedBy>>>")]
    pub precedence: Option<Vec<DecidedBy>>,
    /// The rules. No two rules of one level may cover the same response.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<RecoveryRule>,
    /// What to do when no rule covers a response.
    pub fallback: Fallback,
}

/// One piece of recovery advice. Its level is the first of `hints`, `errors`, `statuses`
/// and `status_classes` it names (the condition level when it names none but has `when`);
/// hint and error rules may add `statuses` to narrow them.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecoveryRule {
    /// Short identifier of the rule.
    pub id: String,
    /// Values of a vocabulary carried by a `role: hint` field.
    #[serde(default, deserialize_with = "forms::wire_texts", skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<forms::WireText>")]
    pub hints: Vec<String>,
    /// Values of a vocabulary carried by a `role: code` field.
    #[serde(default, deserialize_with = "forms::wire_texts", skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<forms::WireText>")]
    pub errors: Vec<String>,
    /// Statuses the rule covers (or, with `hints` or `errors`, narrows them to).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<u16>,
    /// Whole status classes the rule covers, where the document says "any 5xx", say.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<Names<StatusClass>>")]
    pub status_classes: Vec<StatusClass>,
    /// Error values or hints the rule never covers: they fall through to the next level.
    #[serde(default, deserialize_with = "forms::wire_texts", skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<forms::WireText>")]
    pub except: Vec<String>,
    /// Tests of the response that must all hold for the rule to cover it: a header's value
    /// (`{ header: X-RateLimit-Remaining, equals: "0" }`) or a body fact's
    /// (`{ field: message, contains: secondary rate limit }`). Within its level, the rules with
    /// conditions go before those without, in catalog order (the first whose conditions hold
    /// decides); a rule with conditions and no other scope decides before every level (the
    /// server saying outright what to do).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub when: Vec<Condition>,
    /// Failures that come with no response (a timeout, a refused connection), which the
    /// document advises on: the rule covers those and no response, and names nothing else.
    /// Failures no rule names get the runtime's default (retry with the client's backoff; fix
    /// the configuration after a failed TLS handshake).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<Names<TransportFailure>>")]
    pub transport: Vec<TransportFailure>,
    /// What to do.
    #[schemars(with = "Names<RecoveryKind>")]
    pub kind: RecoveryKind,
    /// What comes next when the rule's recovery did not help (its retries ran out, or the user
    /// acted and the error came back): `{ kind: contact_support, quote: request_id, advice: ... }`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub then: Option<EscalationAdvice>,
    /// For a rule that retries: the document says the server did not act on a request that got
    /// such a response (a 429 answered before any processing), so sending it again is safe even
    /// when the request is not idempotent. Without it, a retry after a server error (5xx) or a
    /// transport failure that may have reached the server is for idempotent requests only.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub safe_to_resend: bool,
    /// The delays between attempts, for the kinds that retry: `{ first_delay_ms: ... }`, or
    /// `client` where the document says to back off but gives no numbers (the client's policy
    /// then chooses them, rather than the catalog inventing them).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backoff: Option<BackoffAdvice>,
    /// Attempts in all, the first included, where the document caps them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_attempts: Option<u32>,
    /// For `retry_after_wait`: what to do when the response says no wait and the document
    /// gives no default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Names<RecoveryKind>>")]
    pub if_no_wait: Option<RecoveryKind>,
    /// The document's advice, in a sentence.
    pub advice: String,
    // Provenance (see `Traced`); inlined rather than flattened so errors keep their position.
    /// Section id this entry is taken from.
    pub source: String,
    /// Facts of this entry that the catalog inferred rather than read in the document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<String>,
    /// Ids of inconsistencies that concern this entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inconsistencies: Vec<String>,
    /// Free remarks on the entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// What to do when a rule's recovery did not help.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EscalationAdvice {
    /// What to do then: a kind that does not retry (`contact_support`, `give_up`...).
    #[schemars(with = "Names<RecoveryKind>")]
    pub kind: RecoveryKind,
    /// The fact to quote: `request_id` or `support_reference`, which a field or header carries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Names<FieldRole>>")]
    pub quote: Option<FieldRole>,
    /// The document's advice for then, in a sentence.
    pub advice: String,
}

/// Which elements of an array rules read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Elements {
    /// The first element that has the value gives it.
    #[default]
    First,
    /// Every element's value counts: a rule covers the body when any is one of its values.
    Any,
}

/// A test of a response: one subject (`header` or `field`) and one test (`equals` or
/// `contains`), comparing ASCII letters in any case, the value's surrounding whitespace ignored.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// A response header the catalog describes, by name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
    /// A body fact, by the role of the field that carries it: `code`, `hint` or `message`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Names<FieldRole>>")]
    pub field: Option<FieldRole>,
    /// The value is this text.
    #[serde(default, deserialize_with = "forms::some_scalar_text", skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<forms::ScalarText>")]
    pub equals: Option<String>,
    /// The value holds this text.
    #[serde(default, deserialize_with = "forms::some_scalar_text", skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<forms::ScalarText>")]
    pub contains: Option<String>,
}

/// What to do when no rule covers a response.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fallback {
    /// What to do.
    #[schemars(with = "Names<RecoveryKind>")]
    pub kind: RecoveryKind,
    /// The document's advice, in a sentence.
    pub advice: String,
    // Provenance (see `Traced`); inlined rather than flattened so errors keep their position.
    /// Section id this entry is taken from.
    pub source: String,
    /// Facts of this entry that the catalog inferred rather than read in the document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<String>,
    /// Ids of inconsistencies that concern this entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inconsistencies: Vec<String>,
    /// Free remarks on the entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A rule's delays: the document's numbers, or left to the client's policy.
#[derive(Debug, Clone, PartialEq)]
pub enum BackoffAdvice {
    /// The document says to back off and gives no numbers.
    Client,
    /// The document's numbers.
    Delays(BackoffSpec),
}

impl BackoffAdvice {
    /// The document's numbers, where it gives them.
    pub fn delays(&self) -> Option<&BackoffSpec> {
        match self {
            Self::Delays(delays) => Some(delays),
            Self::Client => None,
        }
    }
}

/// Delays that grow by a factor on each retry.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BackoffSpec {
    /// The delay before the first retry, in milliseconds.
    pub first_delay_ms: u64,
    /// The factor between consecutive delays (1 for a fixed delay); 2 when absent.
    #[serde(default = "default_multiplier")]
    pub multiplier: f64,
    /// The longest delay, in milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_delay_ms: Option<u64>,
    /// How to randomise the delays.
    #[serde(default, skip_serializing_if = "is_default")]
    // schemars states no default the field's `skip_serializing_if` would skip: say it here.
    #[schemars(with = "Names<Jitter>", extend("default" = "none"))]
    pub jitter: Jitter,
    /// For `jitter: additive`: the most added to each delay, in milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jitter_ms: Option<u64>,
}

fn default_multiplier() -> f64 {
    2.0
}

/// The decision an example response must lead to; the generated tests check it.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// What to do.
    #[schemars(with = "Names<RecoveryKind>")]
    pub kind: RecoveryKind,
    /// The id of the rule that decides (`fallback` for the fallback).
    pub rule: String,
    /// The status to decide with, for an example that has none; without either, the decision
    /// must be the same for every status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The wait, in seconds, where the response's headers or body (or the rule's backoff) give it
    /// one: to the millisecond, so `0.5` for half a second.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_seconds: Option<f64>,
    /// The waits, in seconds, before each retry a client makes with the default `RetryPolicy`
    /// and no jitter (`next_attempt(1)`, `next_attempt(2)`…), after which it stops: `[]` for a
    /// decision that stops at once. Rust, Python and TypeScript are checked against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_waits: Option<Vec<f64>>,
    /// What comes next when the recovery does not help, where the rule says (its `then.kind`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Names<RecoveryKind>>")]
    pub then: Option<RecoveryKind>,
}

/// An example response from the document.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// Short identifier; names the generated round-trip test.
    pub id: String,
    /// What the example shows.
    pub title: String,
    /// The root shape the body follows.
    pub body_format: String,
    /// HTTP status, where the document gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// True when the document states the status in its text rather than in a status line
    /// before the body (the docs then show none).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub status_in_prose: bool,
    /// Response headers, where the document gives them, in its order.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, String>,
    /// The JSON body, exactly as the document writes it.
    pub body: Value,
    /// The decision the example leads to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    // Provenance (see `Traced`); inlined rather than flattened so errors keep their position.
    /// Section id this entry is taken from.
    pub source: String,
    /// Facts of this entry that the catalog inferred rather than read in the document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<String>,
    /// Ids of inconsistencies that concern this entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inconsistencies: Vec<String>,
    /// Free remarks on the entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A response the document does not show, pinned with the decision it must lead to. Unlike an
/// example, its body need not follow a body format, or be JSON at all.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Short identifier; names the generated test.
    pub id: String,
    /// What the case pins, and why the decision is right.
    pub why: String,
    /// The HTTP status (or, for a request that got no response, `transport`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// How the request failed when no response came, in place of a status, headers and body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Names<TransportFailure>>")]
    pub transport: Option<TransportFailure>,
    /// Response headers, in any case, documented or not.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub headers: BTreeMap<String, String>,
    /// The request the decision is for, where it matters: a retry of a request that may have
    /// taken effect and is not idempotent becomes `check_outcome`. Without it, the decision is
    /// the one for an idempotent request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<CaseRequest>,
    /// A JSON body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Value>,
    /// A body given as text: one that is not JSON, or is broken JSON. Without `body` or
    /// `body_text` the response has an empty body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_text: Option<String>,
    /// The decision it leads to (without `status`: the case has its own).
    pub decision: Decision,
    /// The section whose words the case follows, where the document speaks of such a response;
    /// without it, the case is the catalog's own (a hostile body, a header in odd case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Facts of the case the catalog chose rather than read in its `source`: `status`,
    /// `headers`, `body`, `request`, `decision`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inferred: Vec<String>,
}

/// The request of a pinned case.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CaseRequest {
    /// Its method (`POST`): GET, HEAD, OPTIONS, TRACE, PUT and DELETE are idempotent.
    pub method: String,
    /// It carries an idempotency key the API honours, which makes it idempotent.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub idempotency_key: bool,
}

/// A place where the document contradicts itself (or a standard), recorded as stated.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Inconsistency {
    /// Short identifier that entries name in `inconsistencies`.
    pub id: String,
    /// What sort of conflict it is.
    pub kind: InconsistencyKind,
    /// The conflict, in a sentence.
    pub summary: String,
    /// What the document says, and where; at least one statement.
    pub statements: Vec<Statement>,
    /// What the catalog records, given the conflict.
    pub resolution: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InconsistencyKind {
    /// A value used in prose, code or an example but missing from the table meant to list it.
    MissingFromTable,
    /// Two passages say different things.
    Contradiction,
    /// A body field or shape that the documented format does not describe.
    UndocumentedShape,
    /// The document departs from an HTTP standard.
    StandardDeviation,
    /// A fact the document leaves open.
    Gap,
    /// A part of the document the catalog cannot hold (a table of figures no entry's facts
    /// rebuild): recorded, a statement quoting it (see [`table_quote`]), so that the checks
    /// against the document pass it by.
    LeftOut,
}

impl InconsistencyKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::MissingFromTable => "missing from table",
            Self::Contradiction => "contradiction",
            Self::UndocumentedShape => "undocumented shape",
            Self::StandardDeviation => "standard deviation",
            Self::Gap => "gap",
            Self::LeftOut => "left out",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Section id of the passage.
    pub section: String,
    /// What the passage says, in the catalog's words.
    pub says: String,
}

/// How a statement of a `left_out` inconsistency quotes a table: by its header row.
pub fn table_quote(header: &[String]) -> String {
    format!("table: | {} |", header.join(" | "))
}

impl Api {
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }
    pub fn status(&self, code: u16) -> Option<&Status> {
        self.statuses.iter().find(|s| s.code == code)
    }
    pub fn vocabulary(&self, name: &str) -> Option<&Vocabulary> {
        self.vocabularies.iter().find(|v| v.name == name)
    }
    pub fn shape(&self, name: &str) -> Option<&Shape> {
        self.bodies.iter().find(|s| s.name == name)
    }
    pub fn union(&self, name: &str) -> Option<&Union> {
        self.unions.iter().find(|u| u.name == name)
    }
    pub fn roots(&self) -> impl Iterator<Item = &Shape> {
        self.bodies.iter().filter(|s| s.root)
    }
    pub fn header_with_role(&self, role: HeaderRole) -> Option<&Header> {
        self.headers.iter().find(|h| h.role == Some(role))
    }
}

/// The class a text names as documents write classes: a digit from 1 to 5, then `xx` in any
/// case (`5xx`, `4XX`), or `0x` (`50X`: a table's row for the server errors, whatever the last
/// digit).
pub fn written_status_class(text: &str) -> Option<StatusClass> {
    match text.as_bytes() {
        [digit @ b'1'..=b'5', x, y]
            if (x.eq_ignore_ascii_case(&b'x') || *x == b'0') && y.eq_ignore_ascii_case(&b'x') =>
        {
            StatusClass::of(u16::from(digit - b'0') * 100)
        }
        _ => None,
    }
}

/// The class of an HTTP status code, for display.
pub fn status_class(code: u16) -> &'static str {
    StatusClass::of(code).map_or("server error", StatusClass::label)
}

impl Api {
    /// Whether a value is retryable: as it says, else as its statuses all say (a fact stated
    /// once, on the statuses, is not repeated on each value). The flag says it was inherited.
    pub fn value_retryable(&self, value: &VocabularyValue) -> Option<(bool, bool)> {
        if let Some(stated) = value.retryable {
            return Some((stated, false));
        }
        let mut said = value.statuses.iter().map(|code| self.statuses.iter().find(|s| s.code == *code)?.retryable);
        let first = said.next()??;
        said.all(|other| other == Some(first)).then_some((first, true))
    }
}

impl Status {
    /// The reason phrase the catalog gives, else the standard one.
    pub fn reason_phrase(&self) -> Option<&str> {
        self.reason.as_deref().or_else(|| standard_reason(self.code))
    }
}

/// Methods the generated vocabulary enums have, or would shadow, that a link may not take.
const RESERVED_METHODS: &[&str] = &[
    "as_str",
    "is_unknown",
    "index",
    "code",
    "from_code",
    "family_pattern",
    "family_index",
    "entry_index",
    "description",
    "title",
    "kind",
    "category",
    "action",
    "message",
    "user_message",
    "statuses",
    "retryable",
    "clone",
    "fmt",
    "eq",
    "ne",
    "hash",
    "from",
    "into",
    "from_str",
    "to_string",
    "serialize",
    "deserialize",
    "as_ref",
    "cmp",
    "partial_cmp",
    "default",
];

/// The method a link to the vocabulary `name` would be on the linking enum, where it is taken:
/// one of the enums' own (`category`, `as_str`...) or a Rust keyword.
pub fn taken_link_method(name: &str) -> Option<String> {
    let method = crate::names::snake_case(name).unwrap_or_default();
    let taken = RESERVED_METHODS.contains(&method.as_str()) || crate::names::escape_keyword(method.clone()) != method;
    taken.then_some(method)
}

/// A value as the wire wrote it, without the namespace before the last `separator` of a
/// vocabulary that has one (`ThrottlingException` of
/// `com.amazonaws.dynamodb.v20120810#ThrottlingException`).
pub fn without_namespace(wire: &str, separator: Option<char>) -> &str {
    match separator.and_then(|separator| wire.rsplit_once(separator)) {
        Some((_, value)) => value,
        None => wire,
    }
}

/// The status whose reason phrase `phrase` is, as [`is_reason_of`] reads it (`too many
/// requests` is 429). A lookup, as a page may have tens of thousands of headings to ask about.
pub fn status_of_reason(phrase: &str) -> Option<u16> {
    static BY_PHRASE: std::sync::OnceLock<std::collections::HashMap<String, u16>> = std::sync::OnceLock::new();
    let by_phrase = BY_PHRASE.get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        for code in 100..=599 {
            for reason in standard_reason(code).into_iter().chain(former_reasons(code).iter().copied()) {
                map.entry(reason.to_ascii_lowercase()).or_insert(code);
            }
        }
        map
    });
    by_phrase.get(&phrase.to_ascii_lowercase()).copied()
}

/// The phrases RFC 9110 renamed, which pages still write.
fn former_reasons(code: u16) -> &'static [&'static str] {
    match code {
        413 => &["Payload Too Large", "Request Entity Too Large"],
        414 => &["Request-URI Too Long"],
        416 => &["Requested Range Not Satisfiable"],
        422 => &["Unprocessable Entity"],
        _ => &[],
    }
}

/// Is `phrase` the reason phrase of `code`, as RFC 9110 words it or as pages still write a
/// phrase it has renamed (`Unprocessable Entity`, `Payload Too Large`), in any case?
pub fn is_reason_of(code: u16, phrase: &str) -> bool {
    standard_reason(code)
        .into_iter()
        .chain(former_reasons(code).iter().copied())
        .any(|reason| reason.eq_ignore_ascii_case(phrase))
}

/// The reason phrase of a registered status code, as RFC 9110 (and the RFCs it points to for
/// 102, 103, 207, 208, 226, 428, 429, 431, 451, 506-511) name it. Written out here rather than
/// taken from the `http` crate, which still gives RFC 7231's older names for 413 and 422.
pub fn standard_reason(code: u16) -> Option<&'static str> {
    Some(match code {
        100 => "Continue",
        101 => "Switching Protocols",
        102 => "Processing",
        103 => "Early Hints",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        203 => "Non-Authoritative Information",
        204 => "No Content",
        205 => "Reset Content",
        206 => "Partial Content",
        207 => "Multi-Status",
        208 => "Already Reported",
        226 => "IM Used",
        300 => "Multiple Choices",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        305 => "Use Proxy",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        510 => "Not Extended",
        511 => "Network Authentication Required",
        _ => return None,
    })
}

/// Provenance that every catalog entry carries.
pub trait Traced {
    fn source(&self) -> &str;
    fn inferred(&self) -> &[String];
    fn inconsistencies(&self) -> &[String];
    fn notes(&self) -> &[String];
}

macro_rules! impl_traced {
    ($($ty:ty),*) => {$(
        impl Traced for $ty {
            fn source(&self) -> &str { &self.source }
            fn inferred(&self) -> &[String] { &self.inferred }
            fn inconsistencies(&self) -> &[String] { &self.inconsistencies }
            fn notes(&self) -> &[String] { &self.notes }
        }
    )*};
}
impl_traced!(Status, StatusClassEntry, VocabularyValue, Shape, Union, Field, Header, RecoveryRule, Fallback, Example);
