//! Rebuilding a page's tables as source tables: a table of statuses, of a vocabulary's values,
//! of a body's fields or of headers, told apart by what their headers and cells say, each column
//! a fact of the entries its rows become.

use super::bodies::drafted_root;
use super::cells::{
    class_and_name, code_template, fact_cell, family_pattern, graphql_type, graphql_types, group_after_codes, hedged,
    integer_pattern, is_code_cell, is_code_span, is_header_cell, is_known_header_cell, is_lower_case_header_cell,
    is_placeholder, is_retry_column, is_yes_no_column, key_template, numbered_name, placeholder_pattern,
    reason_after_code, said_type, status_and_message, status_and_name, status_phrases, statuses_form, statuses_said,
    strip_code, type_cell, unescape, wrapping, yes_no, yes_no_form,
};
use super::{names, Drafter, TableAt, VocabularyTable};
use crate::model::{
    Field, FieldType, GroupRow, Header, HeaderValueType, JoinRows, RowGroups, Shape, SourceTable, Status,
    StatusClassEntry, TableColumn, TableRows, Vocabulary, VocabularyType, VocabularyValue,
};
use crate::page::{status_codes, PageSection, PageTable};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// What a column of a status table states about each status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StatusFact {
    Reason,
    Description,
    Action,
    WhenUsed,
    Retryable,
    /// Yes or no, then this separator, then what to do (Cuttr's `No — fix the request`).
    RetryableThenAction(&'static str),
}

/// What sets a retry cell's yes or no apart from the advice after it.
const AFTER_YES_NO: [&str; 4] = [" — ", " – ", " - ", ": "];

/// The separator every cell puts between its yes or no and the advice after it (`No — fix the
/// request`), where all do.
fn yes_no_then_advice(cells: &[&str]) -> Option<&'static str> {
    AFTER_YES_NO.into_iter().find(|separator| {
        cells.iter().all(|cell| {
            cell.split_once(separator).is_some_and(|(said, advice)| yes_no(said).is_some() && !advice.trim().is_empty())
        })
    })
}

impl StatusFact {
    /// The column's template: yes/no in the page's words.
    fn template(self, cells: &[&str]) -> String {
        match self {
            Self::RetryableThenAction(separator) => {
                let said: Vec<&str> = cells.iter().filter_map(|cell| Some(cell.split_once(separator)?.0)).collect();
                format!("{{retryable:{}}}{separator}{{action}}", yes_no_form(&said))
            }
            // (Cells that hedge, `Usually no`, are written as said.)
            Self::Retryable if cells.iter().any(|cell| hedged(cell).is_some()) => {
                fact_cell("retryable_said|retryable", Some(&yes_no_form(cells)), cells)
            }
            _ => {
                let form = (self == Self::Retryable).then(|| yes_no_form(cells));
                fact_cell(self.key(), form.as_deref(), cells)
            }
        }
    }

    /// The fact's name in the table's cell templates (`{when_used}`).
    fn key(self) -> &'static str {
        match self {
            Self::Reason => "reason",
            Self::Description => "description",
            Self::Action => "action",
            Self::WhenUsed => "when_used",
            Self::Retryable | Self::RetryableThenAction(_) => "retryable",
        }
    }

    /// The fact a column holds, by its header (a text column goes to the first text fact still
    /// free).
    /// `reasons`: whether the column's cells are the standard reason phrases of their rows'
    /// statuses (a column headed "Status" beside the codes).
    fn of_column(header: &str, cells: &[&str], reasons: bool, taken: &[Self]) -> Option<Self> {
        let lower = header.to_lowercase();
        let wanted = if lower.contains("retr") && is_retry_column(cells) {
            Self::Retryable
        } else if let Some(separator) = yes_no_then_advice(cells).filter(|_| lower.contains("retr")) {
            Self::RetryableThenAction(separator)
        } else if reasons
            || lower.contains("reason")
            || lower == "name"
            || lower.contains("status text")
            || lower.contains("status message")
        {
            Self::Reason
        } else if says_what_to_do(&lower) {
            Self::Action
        } else if lower.contains("when") {
            Self::WhenUsed
        } else {
            Self::Description
        };
        [wanted, Self::Description, Self::Action, Self::WhenUsed].into_iter().find(|f| !taken.contains(f))
    }

    /// Sets the fact a (non-placeholder) cell states; `None` when the cell cannot state it.
    fn set(self, status: &mut Status, cell: &str) -> Option<()> {
        match self {
            Self::Reason => status.reason = Some(unescape(cell)),
            Self::Description => status.description = unescape(cell),
            Self::Action => status.action = Some(unescape(cell)),
            Self::WhenUsed => status.when_used = Some(unescape(cell)),
            Self::Retryable => match hedged(cell) {
                Some(leaning) => {
                    status.retryable = leaning;
                    status.retryable_said = Some(unescape(cell));
                }
                None => status.retryable = Some(yes_no(cell)?),
            },
            Self::RetryableThenAction(separator) => {
                let (said, advice) = cell.split_once(separator)?;
                status.retryable = Some(yes_no(said)?);
                status.action = Some(unescape(advice));
            }
        }
        Some(())
    }
}

/// The one wording some cells use (`None` where none does); no wording where they use two.
fn one_wording<'w>(mut words: impl Iterator<Item = &'w str>) -> Option<Option<&'w str>> {
    let Some(first) = words.next() else { return Some(None) };
    words.all(|w| w == first).then_some(Some(first))
}

/// Does a member's description close with the errors it is sent for, in brackets (`More about
/// the error (for validation errors)`)?
fn condition_in_brackets(said: &str) -> bool {
    let inside = said.trim_end().trim_end_matches('.').strip_suffix(')').and_then(|rest| rest.rsplit_once('('));
    inside.is_some_and(|(_, inside)| ["for ", "only ", "when ", "if ", "on "].iter().any(|w| inside.starts_with(w)))
}

/// Does a column's header say it tells clients what to do (`Action`, `Resolution`, `Guidance`,
/// `How to fix`)?
fn says_what_to_do(header: &str) -> bool {
    ["action", "what to do", "resolution", "guidance", "how to fix", "remedy", "solution"]
        .iter()
        .any(|w| header.contains(w))
}

/// What a column of a vocabulary's table states about each value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ValueFact {
    Statuses,
    /// Statuses, and in a row that gives none the description in their place (Haivision's
    /// `00xxxx | Command line API errors` among `01xxxx | 400 Bad Request`).
    StatusesOrDescription,
    Retryable,
    Action,
    UserMessage,
    Message,
    Title,
    Category,
    Kind,
    Description,
}

impl ValueFact {
    /// The column's template: yes/no in the page's words, statuses as the page joins them
    /// (and, where some cells say them in words of their own, those words).
    fn template(self, cells: &[&str]) -> String {
        if self == Self::StatusesOrDescription {
            let statuses: Vec<&str> = cells.iter().copied().filter(|cell| !in_words(cell)).collect();
            let cell = Self::Statuses.template(&statuses);
            return match cell.contains("{statuses_said|statuses") {
                true => cell.replacen("{statuses_said|statuses", "{statuses_said|statuses|description", 1),
                false => cell.replacen("{statuses", "{statuses|description", 1),
            };
        }
        let listed: Vec<&str> = cells.iter().copied().filter(|cell| statuses_said(cell).is_none()).collect();
        let form = match self {
            Self::Retryable => Some(yes_no_form(cells)),
            Self::Statuses => statuses_form(&listed),
            _ => None,
        };
        // (Cells that hedge, `Usually no`, are written as said.)
        let key = match self {
            Self::Retryable if cells.iter().any(|cell| hedged(cell).is_some()) => "retryable_said|retryable",
            _ => self.key(),
        };
        let cell = fact_cell(key, form.as_deref(), cells);
        match self == Self::Statuses && listed.len() < cells.len() {
            true => cell.replacen("{statuses", "{statuses_said|statuses", 1),
            false => cell,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Self::Statuses | Self::StatusesOrDescription => "statuses",
            Self::Retryable => "retryable",
            Self::Action => "action",
            Self::UserMessage => "user_message",
            Self::Message => "message",
            Self::Title => "title",
            Self::Category => "category",
            Self::Kind => "kind",
            Self::Description => "description",
        }
    }

    fn of_column(header: &str, cells: &[&str], taken: &[Self]) -> Option<Self> {
        let lower = header.to_lowercase();
        let statuses = is_statuses_column(cells);
        // A column of statuses headed `Status`, `HTTP status`, `HTTP` or (beside the codes' own
        // column) a code (Rackspace's `Associated error code`, beside its fault elements).
        let wanted = if (lower.contains("status") || lower.contains("http") || lower.contains("code")) && statuses {
            Self::Statuses
        } else if lower.contains("retr") && (is_yes_no_column(cells) || is_retry_column(cells)) {
            Self::Retryable
        } else if says_what_to_do(&lower) {
            Self::Action
        } else if lower.contains("user") {
            Self::UserMessage
        } else if lower.contains("message") {
            Self::Message
        } else if lower.contains("title") || lower == "name" {
            Self::Title
        } else if lower.contains("category") {
            Self::Category
        } else if lower.contains("kind") {
            Self::Kind
        } else {
            Self::Description
        };
        [
            wanted,
            Self::Description,
            Self::Action,
            Self::Title,
            Self::Message,
            Self::Category,
            Self::Kind,
            Self::UserMessage,
        ]
        .into_iter()
        .find(|f| !taken.contains(f))
    }

    /// Sets the fact a (non-placeholder) cell states; `None` when the cell cannot state it.
    fn set(self, value: &mut VocabularyValue, cell: &str) -> Option<()> {
        let text = Some(unescape(cell));
        match self {
            Self::Statuses => match status_codes(cell) {
                Some(statuses) => value.statuses = statuses,
                None => {
                    value.statuses = statuses_said(cell)?;
                    value.statuses_said = text;
                }
            },
            Self::StatusesOrDescription if in_words(cell) => value.description = text,
            Self::StatusesOrDescription => Self::Statuses.set(value, cell)?,
            Self::Retryable => match hedged(cell) {
                Some(leaning) => {
                    value.retryable = leaning;
                    value.retryable_said = text;
                }
                None => value.retryable = Some(yes_no(cell)?),
            },
            Self::Action => value.action = text,
            Self::UserMessage => value.user_message = text,
            Self::Message => value.message = text,
            Self::Title => value.title = text,
            Self::Category => value.category = text,
            Self::Kind => value.kind = text,
            Self::Description => value.description = text,
        }
        Some(())
    }
}

/// Whether a column's cells are statuses: most listed, the others said in words (`4xx (502 when
/// ...)`, `5xx`).
/// A key template that writes a status and its phrase as two placeholders (`{code} - {reason}`)
/// written as one, the phrase a form of the code (`{code: - reason}`): a row with no phrase, a
/// class (`5xx`), is then written bare.
fn with_phrase_form(template: &str) -> Option<String> {
    let code_at = template.find("{code}")?;
    let reason_at = template.find("{reason}")?;
    let between = template.get(code_at + "{code}".len()..reason_at)?;
    let form = if between == " " { "reason".to_string() } else { format!("{between}reason") };
    let written = format!("{{code:{form}}}");
    Some(format!("{}{written}{}", &template[..code_at], &template[reason_at + "{reason}".len()..]))
}

/// A column with no header and nothing in any cell (MultiTech's third, `| 400 | Bad Request | |`):
/// rebuilt empty, as the page has it.
fn empty_column(table: &PageTable, c: usize) -> bool {
    table.header[c].trim().is_empty()
        && table.rows.iter().all(|row| row.get(c).is_none_or(|cell| cell.trim().is_empty()))
}

/// A cell in words alone, that names no status.
fn in_words(cell: &str) -> bool {
    !is_placeholder(cell) && status_codes(cell).is_none() && statuses_said(cell).is_none()
}

/// Whether a column's cells are statuses but for a few in words, which name none (Haivision's
/// `Command line API errors` above `400 Bad Request`).
fn is_statuses_column_with_words(cells: &[&str]) -> bool {
    let statuses: Vec<&str> = cells.iter().copied().filter(|cell| !in_words(cell)).collect();
    let words = cells.len() - statuses.len();
    words > 0 && words * 4 <= cells.len() && is_statuses_column(&statuses)
}

fn is_statuses_column(cells: &[&str]) -> bool {
    let listed = cells.iter().filter(|c| is_placeholder(c) || status_codes(c).is_some()).count();
    let said = cells.iter().filter(|c| statuses_said(c).is_some()).count();
    listed + said == cells.len() && listed > said
}

/// What a column of a field table states about each field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldFact {
    Type,
    Required,
    /// When the member is sent, in words (`always`, `when known`).
    Presence,
    Nullable,
    Description,
    /// A value of each member, a column of examples or defaults.
    Example,
}

impl FieldFact {
    fn key(self) -> &'static str {
        match self {
            Self::Type => "type",
            Self::Required => "required",
            Self::Presence => "presence",
            Self::Nullable => "nullable",
            Self::Description => "description",
            Self::Example => "example",
        }
    }
}

/// Whether a field table's column says, member by member, when each is sent: headed so
/// (`Always set`, `Presence`, `Sent`), its cells yes or always for some members and a condition
/// of a few words for others (`when known`, `usually`).
fn is_presence_column(header: &str, cells: &[&str]) -> bool {
    let header = header.to_lowercase();
    let named = ["always", "presen", "sent", "set", "included", "returned"].iter().any(|w| header.contains(w));
    let always = |cell: &&str| presence_required(cell);
    let short = cells.iter().all(|cell| !cell.trim().is_empty() && cell.split_whitespace().count() <= 5);
    named && short && cells.iter().any(always) && !cells.iter().all(always)
}

/// Whether a presence cell says the member is always sent (`yes`, `always`).
fn presence_required(cell: &str) -> bool {
    yes_no(cell) == Some(true) || strip_code(cell).eq_ignore_ascii_case("always")
}

/// Whether no two of `items` are equal (a column whose cells tell its rows apart).
fn all_distinct<T: Ord>(items: &[T]) -> bool {
    items.iter().collect::<BTreeSet<_>>().len() == items.len()
}

/// The cells of column `c`, a placeholder's empty text where a row is short.
/// A list item that defines a member: its name in code or bold, its JSON type in brackets, then
/// what it is after a colon or a dash (`` `error.code` (string): a code for programs ``), as
/// the cells of a field table's row.
fn field_item(line: &str) -> Option<Vec<String>> {
    let (name, rest) = match (line.strip_prefix("**"), line.strip_prefix('`')) {
        (Some(bold), _) => bold.split_once("**")?,
        (None, Some(code)) => code.split_once('`')?,
        (None, None) => return None,
    };
    let named = super::prose::is_member_word(name);
    // (Or its type after a colon, then a point and what it is: AnyMaster's "`code`: integer. The
    // HTTP status".)
    let typed_after_colon = || {
        let (ty, description) = rest.strip_prefix(':')?.trim_start().split_once(". ")?;
        Some((ty, description))
    };
    let (ty, description) = match rest.trim_start().strip_prefix('(') {
        Some(bracketed) => {
            let (ty, rest) = bracketed.split_once(')')?;
            let rest = rest.trim_start();
            let marks = [":", " - ", "- ", "– ", "— "];
            (ty, marks.iter().find_map(|mark| rest.strip_prefix(mark.trim_start()))?)
        }
        None => typed_after_colon()?,
    };
    let description = description.trim();
    (named && is_type_cell(ty) && !description.is_empty())
        .then(|| vec![format!("`{name}`"), ty.trim().to_string(), description.to_string()])
}

/// Whether a table's `new` row says nothing of its value but what `old`, an earlier table's row
/// of it, says: each fact it gives is the same there.
fn says_no_other(new: &VocabularyValue, old: &VocabularyValue) -> bool {
    let same = |a: &Option<String>, b: &Option<String>| a.is_none() || a == b;
    same(&new.description, &old.description)
        && same(&new.title, &old.title)
        && same(&new.kind, &old.kind)
        && same(&new.category, &old.category)
        && same(&new.statuses_said, &old.statuses_said)
        && same(&new.action, &old.action)
        && same(&new.message, &old.message)
        && same(&new.user_message, &old.user_message)
        && same(&new.link, &old.link)
        && same(&new.url, &old.url)
        && (new.retryable.is_none() || new.retryable == old.retryable)
        && (new.statuses.is_empty() || new.statuses == old.statuses)
}

/// Cells of integer codes: each a number or a family of numbers (`4000X`), one a number at least.
fn integer_codes(cells: &[&str]) -> bool {
    let integer = |cell: &&str| strip_code(cell).parse::<i64>().is_ok();
    cells.iter().any(integer)
        && cells.iter().all(|cell| integer(cell) || family_pattern(cell).is_some_and(|p| integer_pattern(&p)))
}

/// A cell writing a family of codes as plain words, without marks (`(other)`, `4000X`).
fn plain_family(cell: &str) -> bool {
    family_pattern(cell).is_some() && wrapping(cell) == ("", "")
}

fn column(table: &PageTable, c: usize) -> Vec<&str> {
    table.rows.iter().map(|row| row.get(c).map_or("", String::as_str)).collect()
}

/// What the page's examples send that tells what a table lists.
struct Sent {
    /// The members they send numbers of their own in (see [`members_apart_from_the_status`]).
    apart: BTreeMap<String, BTreeSet<u64>>,
    /// The texts they send in code style, at any depth (`insufficient_balance`).
    texts: BTreeSet<String>,
    /// The names of the members they send text in, at any depth (`id` of `"id": "{string}"`).
    text_members: BTreeSet<String>,
}

/// The numbers a cell joins (`1, 4`), two at least.
fn joined_numbers(cell: &str) -> Option<Vec<String>> {
    let parts: Vec<String> = strip_code(cell).split(',').map(|part| part.trim().to_string()).collect();
    let numbers = parts.len() > 1 && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    numbers.then_some(parts)
}

/// `table` with a row for each of the codes a cell of column `key` joins (`1, 4`), the rest of
/// the row repeated, and how the table joins them back; `None` when no cell joins codes.
fn codes_apart(table: &PageTable, key: usize) -> Option<(PageTable, JoinRows)> {
    if !table.rows.iter().any(|row| row.get(key).is_some_and(|cell| joined_numbers(cell).is_some())) {
        return None;
    }
    let mut apart = PageTable { header: table.header.clone(), rows: Vec::new(), line: table.line };
    for row in &table.rows {
        match joined_numbers(&row[key]) {
            Some(codes) => apart.rows.extend(codes.into_iter().map(|code| {
                let mut one = row.clone();
                one[key] = code;
                one
            })),
            None => apart.rows.push(row.clone()),
        }
    }
    // (Joined as the page joins them: `1, 4` or `1,4`.)
    let joined = table.rows.iter().map(|row| strip_code(&row[key])).find(|cell| joined_numbers(cell).is_some());
    let separator = joined.as_deref().map_or_else(|| ", ".into(), between_numbers);
    Some((apart, JoinRows { column: table.header[key].clone(), separator, span: false }))
}

/// The texts in code style `bodies` send, at any depth.
pub(super) fn texts_sent(bodies: &[(Option<u16>, Value)]) -> BTreeSet<String> {
    fn walk(value: &Value, found: &mut BTreeSet<String>) {
        match value {
            Value::String(text) if is_code_name(text) => {
                found.insert(text.clone());
            }
            Value::Array(items) => items.iter().for_each(|item| walk(item, found)),
            Value::Object(members) => members.values().for_each(|member| walk(member, found)),
            _ => {}
        }
    }
    let mut found = BTreeSet::new();
    bodies.iter().for_each(|(_, body)| walk(body, &mut found));
    found
}

/// What a table lists, read from its headers and cells rather than its place on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TableKind {
    /// Statuses, one per code of the column (the first whose cells are all statuses).
    Statuses { key: usize },
    /// A vocabulary's values, the codes of column `key` (integers when every one is a number).
    Codes { key: usize, integer: bool },
    /// Integer codes, each with its name in the first column (`4 INVALID_PARAMETERS`).
    NamedCodes,
    /// Names in capitals, each after its status in the first column, a status shared by several
    /// (`400 FAILED PRECONDITION`, `400 INVALID ARGUMENT`): a vocabulary of the names, each value
    /// with its status.
    StatusNames,
    /// The messages the API sends, each with its status in the first column (`401 - Incorrect
    /// API key provided`), a status repeated for each of its messages: a vocabulary of the
    /// messages, each value with its status.
    Messages,
    /// A body's members: a `Type` column, or a first column headed like members.
    Fields,
    /// Response headers.
    Headers,
}

impl TableKind {
    /// `apart`: the members the examples send numbers in that are not their status (see
    /// [`members_apart_from_the_status`]).
    fn of(table: &PageTable, sent: &Sent) -> Option<Self> {
        Self::by_columns(table, sent).map(|kind| kind.told_apart_by_names(table))
    }

    /// Codes that several rows share (ipstack's `101`, of a missing key and of one not valid),
    /// beside a column of names in code style that tells every row apart: the rows are the
    /// names' (each linked to its code, see [`Drafter::linked_column`]).
    fn told_apart_by_names(self, table: &PageTable) -> Self {
        let Self::Codes { key, .. } = self else { return self };
        if all_distinct(&column(table, key)) {
            return self;
        }
        let names = (0..table.header.len()).filter(|&c| c != key).find(|&c| {
            let cells = column(table, c);
            all_distinct(&cells) && cells.iter().all(|cell| is_code_name(cell))
        });
        names.map_or(self, |key| Self::Codes { key, integer: false })
    }

    /// [`Self::of`], before rows that share a code are told apart.
    fn by_columns(table: &PageTable, sent: &Sent) -> Option<Self> {
        let apart = &sent.apart;
        let first_header = table.header[0].trim().to_lowercase();
        let first = column(table, 0);
        let all = |test: fn(&str) -> bool| first.iter().all(|c| test(c));
        // Header names, or a column headed "Header" of names (`Ratelimit` has no `-`), or names
        // written in lower case (`x-ratelimit-limit-requests`) of which one is a known header's.
        let lower_case_headers = all(is_lower_case_header_cell) && first.iter().any(|c| is_known_header_cell(c));
        // (Not codes written with placeholders, Ahrvo's `EC-AUTH-XXXX`.)
        let families = all(|cell| family_pattern(cell).is_some());
        if (all(is_header_cell) && !families)
            || (first_header.contains("header") && all(is_code_cell))
            || lower_case_headers
        {
            return Some(Self::Headers);
        }
        // A `Type` column of JSON types (an API's "Type" of error is a code column).
        let has_type_column = table.header.iter().enumerate().any(|(c, h)| {
            let cells = column(table, c);
            is_type_header(h) && (cells.iter().all(|cell| is_type_cell(cell)) || graphql_types(&cells))
        });
        // Statuses, or a class of them (`5xx`), beside at least one status.
        let statuses = |c: usize| {
            let cells = column(table, c);
            cells.iter().all(|cell| status_codes(cell).is_some() || status_class_cell(cell).is_some())
                && cells.iter().any(|cell| status_codes(cell).is_some())
        };
        // (A column of each row's status says the rows are codes: Azure DevOps's `Type key`.)
        let member_words = ["field", "property", "member", "attribute", "parameter", "key"];
        let with_statuses = (1..table.header.len()).any(statuses);
        if has_type_column
            || (member_words.iter().any(|w| first_header.contains(w)) && all(is_code_cell) && !with_statuses)
        {
            return Some(Self::Fields);
        }
        // (Before statuses: `100 INVALID_LOAN_ACCOUNT_ID` is a code, not a status and its reason.)
        let named: Option<Vec<_>> = first.iter().map(|cell| numbered_name(cell)).collect();
        if named.is_some_and(|named| named.iter().all(|(_, _, template)| *template == named[0].2)) {
            return Some(Self::NamedCodes);
        }
        // (`400 FAILED PRECONDITION` beside `400 INVALID ARGUMENT`: conditions, not reasons.)
        let status_names: Option<Vec<_>> = first.iter().map(|cell| status_and_name(cell)).collect();
        if let Some(named) = status_names {
            let statuses: Vec<&String> = named.iter().map(|(status, _, _)| status).collect();
            let names: Vec<&String> = named.iter().map(|(_, name, _)| name).collect();
            // (Or codes in snake case, each after its status: `400 invalid_request`.)
            let snake = names.iter().all(|n| !n.contains(char::is_uppercase)) && names.iter().any(|n| n.contains('_'));
            if (!all_distinct(&statuses) || snake) && all_distinct(&names) {
                return Some(Self::StatusNames);
            }
        }
        // Statuses, each followed by a message and repeated for another: each row is a message.
        let messages: Option<Vec<_>> = first.iter().map(|cell| status_and_message(cell)).collect();
        if let Some(messages) = messages {
            let statuses: std::collections::BTreeSet<u16> = messages.iter().map(|(code, _, _)| *code).collect();
            let one_form = messages.iter().all(|(_, _, template)| *template == messages[0].2);
            // (Each message once: a status's reason written on two rows is no message of its own.)
            let texts: BTreeSet<&String> = messages.iter().map(|(_, text, _)| text).collect();
            if one_form && statuses.len() < messages.len() && texts.len() == messages.len() {
                return Some(Self::Messages);
            }
        }
        // Numbers that look like statuses in a column headed with a member that sends other
        // numbers than the status (Stack Exchange's `error_id`, 502 in a 400): that member's codes.
        let sent_in_column = |values: &BTreeSet<u64>| {
            first.iter().any(|cell| strip_code(cell).parse().is_ok_and(|n: u64| values.contains(&n)))
        };
        // (Unless another column gives the numbers' reason phrases: OneLogin's `code` and `type`,
        // `401` and `Unauthorized`, repeat the status. Most rows, as a page may write a phrase
        // of its own.)
        let reasons_beside = (1..table.header.len()).any(|c| {
            let phrased = |row: &&Vec<String>| {
                let code = strip_code(&row[0]).parse().ok();
                code.is_some_and(|code| {
                    row.get(c).is_some_and(|cell| crate::model::is_reason_of(code, &strip_code(cell)))
                })
            };
            let phrased = table.rows.iter().filter(phrased).count();
            phrased >= 2 && phrased * 5 >= table.rows.len() * 4
        });
        // (Numbers each: not a class, `5xx`, among them.)
        let integers = first.iter().all(|cell| strip_code(cell).parse::<i64>().is_ok());
        if statuses(0)
            && integers
            && !reasons_beside
            && apart
                .iter()
                .any(|(member, values)| column_names_member(&table.header[0], member) && sent_in_column(values))
        {
            return Some(Self::Codes { key: 0, integer: true });
        }
        // (A table of the classes of statuses alone, `1xx` to `5xx`, each on a row of its own.)
        if first.len() >= 2 && all(|cell| status_class_cell(cell).is_some()) {
            return Some(Self::Statuses { key: 0 });
        }
        if statuses(0) {
            // The first column after the statuses whose cells pass `test`.
            let column_where =
                |test: &dyn Fn(usize, &[&str]) -> bool| (1..table.header.len()).find(|&c| test(c, &column(table, c)));
            // Statuses that repeat, beside a column of codes: a table of codes, by status.
            // (A code that is a status is one of them where the column's others are not, and its
            // header names a code: AfterShip's `meta.code`, `401` among `40000`, `40001`.)
            let codes = column_where(&|c, cells| {
                let statuses = cells.iter().filter(|cell| status_codes(cell).is_some()).count();
                let header = table.header[c].to_lowercase();
                // (Or a column headed as the application's codes beside statuses that repeat:
                // MailUp's `Application Code`, `100` to `302`, which numbers of statuses would be.)
                let apart = header.contains("code")
                    && !header.contains("http")
                    && !header.contains("status")
                    && !all_distinct(&first);
                let few = statuses == 0 || (header.contains("code") && statuses * 2 < cells.len()) || apart;
                cells.iter().all(|cell| is_code_cell(cell)) && few && all_distinct(cells)
            });
            // Or a column the page marks as its codes: code spans, or headed `Code` (a status
            // table's other columns are words: a reason, a description), or one of whose codes
            // an example sends (NairaSMS's `Type`, `insufficient_balance`).
            let marked_codes = |c: usize| {
                let header = table.header[c].to_lowercase();
                column(table, c).iter().all(|cell| is_code_span(cell))
                    || (header.contains("code") && !header.contains("status"))
                    || column(table, c).iter().any(|cell| sent.texts.contains(&strip_code(cell)))
            };
            // (Of numbers, integers: HERE's `errorCode` 401300; the examples may send them as text.)
            let numbers = |c: usize| integer_codes(&column(table, c));
            // Statuses and codes that both repeat, beside a column that tells the rows apart
            // (KugelAudio's messages, several to a `VALIDATION_ERROR`): a row per message, each
            // linked to its code.
            let repeated_codes =
                || column_where(&|_, cells| cells.iter().all(|cell| is_code_span(cell)) && !all_distinct(cells));
            let told_apart = || {
                column_where(&|_, cells| {
                    all_distinct(cells) && cells.iter().all(|cell| !is_code_span(cell) && status_codes(cell).is_none())
                })
            };
            // Or, statuses that repeat beside a column of names that tells the rows apart
            // (TrueLayer's `Invalid Parameters` and `Invalid State`, both 400s): the names are
            // the codes.
            let names_apart =
                || column_where(&|_, cells| all_distinct(cells) && cells.iter().all(|cell| is_name_cell(cell)));
            // Or numbers, one or several to a row (`1, 4`), in a column headed as a member the
            // examples send text in (Yandex's `ID`, of `errors[].id`): that member's codes.
            let ids = column_where(&|c, cells| {
                let numbers = |cell: &&str| {
                    joined_numbers(cell).is_some() || (!cell.is_empty() && cell.chars().all(|c| c.is_ascii_digit()))
                };
                sent.text_members.iter().any(|member| column_names_member(&table.header[c], member))
                    && cells.iter().all(numbers)
                    && all_distinct(cells)
                    && !statuses(c)
            });
            if let Some(key) = ids.filter(|_| codes.is_none()) {
                return Some(Self::Codes { key, integer: false });
            }
            return match codes {
                Some(key) if !all_distinct(&first) || marked_codes(key) => {
                    Some(Self::Codes { key, integer: numbers(key) })
                }
                None if !all_distinct(&first) && repeated_codes().is_some() => {
                    told_apart().map(|key| Self::Codes { key, integer: false }).or(Some(Self::Statuses { key: 0 }))
                }
                None if !all_distinct(&first) => {
                    names_apart().map(|key| Self::Codes { key, integer: false }).or(Some(Self::Statuses { key: 0 }))
                }
                _ => Some(Self::Statuses { key: 0 }),
            };
        }
        // (A table of figures alone, no word in any cell, describes nothing: Reltio's waits by
        // attempt, `Iteration | Waiting time, seconds`.)
        let figure = |cell: &String| strip_code(cell).replace([',', '.'], "").parse::<i64>().is_ok();
        if table.rows.iter().all(|row| row.iter().all(figure)) {
            return None;
        }
        // (Families among them, `*_NOT_FOUND` and `(other)`, beside a code at least; or
        // families alone, written with placeholders, which another table's codes join.)
        let placeholders = all(|cell| placeholder_pattern(&strip_code(cell)).is_some());
        if all(|cell| is_code_cell(cell) || family_pattern(cell).is_some()) && (!families || placeholders) {
            return Some(Self::Codes { key: 0, integer: integer_codes(&first) });
        }
        // Codes in a later column headed so, in code style, beside the names of their kinds
        // (Opendoor's `Error Type | Error Code`: `Syntax Error`, `GRAPHQL_PARSE_FAILED`).
        let coded = (1..table.header.len()).find(|&c| {
            let cells = column(table, c);
            table.header[c].to_lowercase().contains("code")
                && cells.iter().all(|cell| is_code_span(cell))
                && all_distinct(&cells)
        });
        if let Some(key) = coded.filter(|_| !(1..table.header.len()).any(statuses)) {
            return Some(Self::Codes { key, integer: integer_codes(&column(table, key)) });
        }
        (1..table.header.len()).find(|&c| statuses(c)).map(|key| Self::Statuses { key })
    }
}

impl Drafter<'_> {
    /// Every table of every section, rebuilt by what it lists: statuses, a vocabulary, a body's
    /// fields or headers; what is none of them is listed as unplaced.
    pub(super) fn tables(&mut self) {
        let sent = Sent {
            apart: self.members_apart_from_the_status(),
            texts: self.texts_sent.clone(),
            // (The members of the page's bodies that send text, whatever text.)
            text_members: crate::page::strings_by_member(self.page_bodies.iter().map(|(_, body)| body))
                .into_keys()
                .map(str::to_string)
                .collect(),
        };
        for (index, section) in self.page.sections.iter().enumerate() {
            for (nth, table) in section.tables.iter().enumerate() {
                if table.rows.is_empty() || table.rows.iter().any(Vec::is_empty) {
                    self.unplaced.push(format!("{}: a table without rows", self.section_title(index)));
                    continue;
                }
                let source = self.table_section_id((index, nth));
                // Rows that head groups of the others (SparkPost's components over their codes)
                // set apart: the table is read without them and their column.
                let original = table;
                let grouped = RowsGrouped::of(original);
                // (Or rows in bold that head each class of statuses, Aipix's `**4xx range
                // codes**`: the table is read without them.)
                let headed = grouped.is_none().then(|| ClassesHeaded::of(original)).flatten();
                // (Or rows in bold that head groups of codes in the codes' own column, IntelliSMS's
                // `**User specific (200-299)**`.)
                let bold = (grouped.is_none() && headed.is_none()).then(|| BoldHeads::of(original)).flatten();
                let table = match (&grouped, &headed, &bold) {
                    (Some(grouped), _, _) => &grouped.members,
                    (None, Some(headed), _) => &headed.members,
                    (None, None, Some(bold)) => &bold.members,
                    (None, None, None) => original,
                };
                // A key column of links (`[404](#not-found)`) is read by the links' text; each
                // entry keeps its link as its `url`.
                // (Only when the links are the key column; a table is otherwise read as written.)
                let linked = unlinked(table).and_then(|(view, column, targets)| {
                    let kind = TableKind::of(&view, &sent)?;
                    let keyed =
                        matches!(kind, TableKind::Statuses { key } | TableKind::Codes { key, .. } if key == column);
                    keyed.then_some((view, column, targets, kind))
                });
                let (read, kind) = match &linked {
                    Some((view, _, _, kind)) => (view, Some(*kind)),
                    None => (table, TableKind::of(table, &sent)),
                };
                // Codes joined in a cell (`1, 4`): a row each, joined back by the table. (Not
                // in a table of groups, whose rows are counted as written.)
                let apart = match kind {
                    Some(TableKind::Codes { key, .. }) if grouped.is_none() => codes_apart(read, key),
                    _ => None,
                };
                let (read, joined) = match &apart {
                    Some((apart, join)) => (apart, Some(join.clone())),
                    None => (read, None),
                };
                // Bodies written in the key column's cells (`{ "errorCode": "INVALID_JSON" }`).
                let cell_bodies = match kind {
                    Some(TableKind::Codes { key, .. }) => bodies_in_cells(&column(read, key)),
                    _ => None,
                };
                let kept = match kind {
                    Some(TableKind::Statuses { key }) => self.status_table(&source, read, key),
                    Some(TableKind::Fields) => self.field_table(&source, section, read),
                    // Bodies written in the cells (`{ "errorCode": "INVALID_JSON" }`): their one
                    // member's codes, and a body of that member where the page shows none.
                    Some(TableKind::Codes { key, .. }) if cell_bodies.is_some() => {
                        cell_bodies.and_then(|(member, codes, template)| {
                            let keys = codes.into_iter().map(|code| (code, Vec::new())).collect();
                            let spec = self.vocabulary_table(&source, section, read, (key, keys, template), false)?;
                            self.body_of_cells(&member, &spec, &source);
                            Some(spec)
                        })
                    }
                    Some(TableKind::Codes { key, integer }) => {
                        let keys = read.rows.iter().map(|row| (strip_code(&row[key]), Vec::new())).collect();
                        // (A family written as plain words, `(other)`, among codes in marks is
                        // written so alone: `plain`.)
                        let cells = column(read, key);
                        let marked: Vec<&str> = cells.iter().copied().filter(|cell| !plain_family(cell)).collect();
                        let template = key_template(if marked.is_empty() { &cells } else { &marked }, "value");
                        self.vocabulary_table(&source, section, read, (key, keys, template), integer)
                    }
                    Some(TableKind::NamedCodes) => self.named_code_table(&source, section, read),
                    Some(TableKind::StatusNames) => self.status_name_table(&source, section, read),
                    Some(TableKind::Messages) => {
                        let messages: Option<Vec<_>> =
                            read.rows.iter().map(|row| status_and_message(&row[0])).collect();
                        messages.and_then(|messages| {
                            let template = messages[0].2.clone();
                            let keys = messages.into_iter().map(|(code, message, _)| (message, vec![code])).collect();
                            self.vocabulary_table(&source, section, read, (0, keys, template), false)
                        })
                    }
                    Some(TableKind::Headers) => self.header_table(&source, read),
                    None => None,
                };
                let kept = match joined {
                    Some(join) => kept.map(|spec| SourceTable { join: Some(join), ..spec }),
                    None => kept,
                };
                let kept = match (kept, &linked) {
                    (Some(spec), Some((view, column, targets, _))) => {
                        Some(self.linked(spec, view, *column, targets, &source))
                    }
                    (kept, _) => kept,
                };
                let kept = match (kept, &bold, kind) {
                    (Some(spec), Some(bold), Some(TableKind::Codes { key, .. })) => {
                        self.bold_grouped(spec, read, key, bold, &source)
                    }
                    (_, Some(_), _) => None,
                    (kept, None, _) => kept,
                };
                let kept = match (kept, &headed, kind) {
                    (Some(mut spec), Some(headed), Some(TableKind::Statuses { key: 0 })) => {
                        let rows = headed
                            .heads
                            .iter()
                            .map(|(class, cells)| GroupRow { group: class.clone(), cells: cells.clone() });
                        spec.groups = Some(RowGroups { by: "class".into(), rows: rows.collect() });
                        Some(spec)
                    }
                    (_, Some(_), _) => None,
                    (kept, None, _) => kept,
                };
                let kept = match (kept, &grouped, kind) {
                    (Some(spec), Some(grouped), Some(TableKind::Codes { key, .. })) => {
                        self.grouped(spec, read, key, grouped, &source)
                    }
                    // (Groups of statuses, fields or headers the catalog does not write.)
                    (Some(_), Some(_), _) => None,
                    (kept, None, _) | (kept @ None, _, _) => kept,
                };
                match kept {
                    Some(spec) => {
                        self.table_specs.insert((index, nth), spec);
                        self.section_tables.insert((index, nth), original.clone());
                    }
                    None => {
                        let unplaced = format!(
                            "{}: a table with columns {} is neither statuses, a vocabulary, fields nor headers",
                            self.section_title(index),
                            table.header.join(", ")
                        );
                        self.leave_table_out(index, &original.header, unplaced);
                    }
                }
            }
        }
    }

    /// A table of codes read without its group rows, given them back: each value's `category`
    /// is its group's name, the groups' column written empty on the values' rows. `None` where
    /// a value has a category already (a column of the table gave it).
    fn grouped(
        &mut self,
        spec: SourceTable,
        read: &PageTable,
        key: usize,
        grouped: &RowsGrouped,
        source: &str,
    ) -> Option<SourceTable> {
        let group_of = grouped.group_of.iter().map(Some);
        let mut spec = self.categorized(spec, read, key, group_of, &grouped.heads, source)?;
        spec.columns.insert(0, TableColumn { header: grouped.header.clone(), cell: grouped.blank.clone() });
        Some(spec)
    }

    /// A table of codes read without its rows in bold that head groups, given them back (see
    /// [`Self::categorized`]).
    fn bold_grouped(
        &mut self,
        spec: SourceTable,
        read: &PageTable,
        key: usize,
        bold: &BoldHeads,
        source: &str,
    ) -> Option<SourceTable> {
        let group_of = bold.group_of.iter().map(|head| head.map(|head| &bold.heads[head].0));
        self.categorized(spec, read, key, group_of, &bold.heads, source)
    }

    /// The group rows of a table of codes, each value of a group (`group_of`, row by row; none
    /// for a row before the first group) given the group's name as its `category`. `None` where
    /// a value has another category already (a column of the table gave it).
    fn categorized<'g>(
        &mut self,
        mut spec: SourceTable,
        read: &PageTable,
        key: usize,
        group_of: impl Iterator<Item = Option<&'g String>>,
        heads: &[(String, Vec<String>)],
        source: &str,
    ) -> Option<SourceTable> {
        let TableRows::Vocabulary(name) = &spec.rows else { return None };
        let vocabulary = self.vocabularies.iter_mut().find(|v| &v.name == name)?;
        for (row, group) in read.rows.iter().zip(group_of) {
            let Some(group) = group else { continue };
            let code = strip_code(&row[key]);
            let mut entries = vocabulary.values.iter_mut().chain(&mut vocabulary.families);
            let value = entries.find(|v| v.source == source && v.value == code)?;
            if value.category.as_ref().is_some_and(|category| category != group) {
                return None;
            }
            value.category = Some(group.clone());
        }
        let rows = heads.iter().map(|(group, cells)| GroupRow { group: group.clone(), cells: cells.clone() });
        spec.groups = Some(RowGroups { by: "category".into(), rows: rows.collect() });
        Some(spec)
    }

    /// The root body a table's cells show (`{ "errorCode": ... }`), of their one member typed by
    /// the table's vocabulary, where the page has no body yet.
    fn body_of_cells(&mut self, member: &str, spec: &SourceTable, source: &str) {
        let TableRows::Vocabulary(vocabulary) = &spec.rows else { return };
        if self.bodies.iter().any(|b| b.root) || !self.page_bodies.is_empty() {
            return;
        }
        let name = self.fresh_body_name("ErrorBody");
        let field = Field {
            name: member.to_string(),
            ty: FieldType::Vocabulary(vocabulary.clone()),
            required: true,
            description: format!("`{member}`, as the table's bodies show it"),
            source: source.to_string(),
            inferred: vec!["description".into()],
            ..super::bodies::field()
        };
        self.bodies.push(drafted_root(
            name,
            "The body the page's table shows in its cells.".into(),
            vec![field],
            source,
        ));
    }

    /// A table read by its key column's link texts: the column written back as links, and each
    /// row's entries given the row's link as their `url`.
    fn linked(
        &mut self,
        mut spec: SourceTable,
        table: &PageTable,
        key: usize,
        targets: &[String],
        source: &str,
    ) -> SourceTable {
        spec.columns[key].cell = format!("[{}]({{url}})", spec.columns[key].cell);
        for (row, target) in table.rows.iter().zip(targets) {
            match &spec.rows {
                TableRows::Statuses => {
                    let codes = status_codes(&row[key]).unwrap_or_default();
                    for status in self.statuses.iter_mut().filter(|s| s.source == source && codes.contains(&s.code)) {
                        status.url = Some(target.clone());
                    }
                    let class = status_class_cell(&row[key]);
                    for entry in self
                        .status_classes
                        .iter_mut()
                        .filter(|c| c.source == source && Some(&c.class) == class.as_ref())
                    {
                        entry.url = Some(target.clone());
                    }
                }
                TableRows::Vocabulary(name) => {
                    let value = strip_code(&row[key]);
                    let values = self.vocabularies.iter_mut().filter(|v| &v.name == name).flat_map(|v| &mut v.values);
                    for entry in values.filter(|v| v.source == source && v.value == value) {
                        entry.url = Some(target.clone());
                    }
                }
                _ => {}
            }
        }
        spec
    }

    /// A table whose column `key` holds status codes: one status per code.
    fn status_table(&mut self, source: &str, table: &PageTable, key: usize) -> Option<SourceTable> {
        // A row of a whole class (`5xx`) is an entry of its own; the other rows name statuses.
        let (class_rows, status_rows): (Vec<&Vec<String>>, Vec<&Vec<String>>) =
            table.rows.iter().partition(|row| status_class_cell(&row[key]).is_some());
        let codes: Vec<Vec<u16>> = status_rows.iter().map(|row| status_codes(&row[key])).collect::<Option<_>>()?;
        // `200 OK`: the code's cell carries its reason phrase too; a cell of several codes, the
        // name of their group (`500, 502, 503, 504 - Server Errors`).
        let reasons: Vec<Option<(String, String)>> = status_rows
            .iter()
            .zip(&codes)
            .map(|(row, codes)| match codes.len() {
                1 => reason_after_code(&row[key]),
                _ => group_after_codes(&row[key]),
            })
            .collect();
        // A class's name, written as the statuses' reasons are (`50X - Server Errors`).
        let class_names: Vec<Option<(String, String)>> =
            class_rows.iter().map(|row| class_and_name(&row[key]).and_then(|(_, name)| name)).collect();
        let grouped = codes.iter().any(|codes| codes.len() > 1);
        // Some codes written with their reason and the others bare (DeepL's `456 Quota Exceeded`
        // beside `400`): the reason where the catalog states it. (Statuses joined bare, Unsplash's
        // `500, 503`, are each written bare, then joined; a group's label is what it cannot write.)
        let labelled_group = codes.iter().zip(&reasons).any(|(codes, reason)| codes.len() > 1 && reason.is_some());
        let stated = match labelled_group || !class_rows.is_empty() {
            true => None,
            false => stated_reason_template(&status_rows, &reasons, key),
        };
        // The template, and whether it writes each row's phrase (a reason, or a group's name).
        let (template, labelled) = match reasons.first() {
            _ if stated.is_some() => (stated.clone().unwrap_or_default(), true),
            Some(Some((_, template))) if reasons.iter().all(|r| r.as_ref().is_some_and(|(_, t)| t == template)) => {
                // A class is written so too, its name where the statuses' reasons are; or bare
                // (Ahrvo's `5xx` below `200 OK`): each status then with its phrase, the class as
                // it is (`{code:reason}`).
                let bare_classes = !class_names.is_empty() && class_names.iter().all(Option::is_none);
                if bare_classes && !grouped {
                    (with_phrase_form(template)?, true)
                } else if !class_names.iter().all(|name| name.as_ref().is_some_and(|(_, t)| t == template)) {
                    return None;
                } else if grouped {
                    (template.replace("{reason}", "{group|reason}"), true)
                } else {
                    (template.clone(), true)
                }
            }
            // (A table of classes alone, Reeleezee's `1xx` to `5xx`: each as written.)
            _ => match status_rows.first() {
                Some(row) => (code_template(&row[key], &codes[0], "{code}")?, false),
                None => (key_template(&column(table, key), "code"), false),
            },
        };
        let mut columns = Vec::new();
        let mut facts: Vec<(usize, StatusFact)> = Vec::new();
        let mut taken: Vec<StatusFact> = Vec::new();
        // Reasons in the code's cell, or one row for several statuses (whose one reason phrase
        // cannot be each status's own): no column is the reason.
        if reasons.iter().all(Option::is_some) || codes.iter().any(|c| c.len() > 1) || stated.is_some() {
            taken.push(StatusFact::Reason);
        }
        for (c, header) in table.header.iter().enumerate() {
            if c == key {
                columns.push(TableColumn { header: header.clone(), cell: template.clone() });
                continue;
            }
            if empty_column(table, c) {
                columns.push(TableColumn { header: String::new(), cell: String::new() });
                continue;
            }
            let cells = column(table, c);
            let reasons = status_rows.iter().zip(&codes).all(|(row, codes)| match codes.as_slice() {
                [code] => crate::model::standard_reason(*code).is_some_and(|r| row[c].trim().eq_ignore_ascii_case(r)),
                _ => false,
            });
            let fact = StatusFact::of_column(header, &cells, reasons, &taken)?;
            taken.push(fact);
            // (A retry column that gives the advice too leaves no column the action.)
            if matches!(fact, StatusFact::RetryableThenAction(_)) {
                taken.push(StatusFact::Action);
            }
            facts.push((c, fact));
            columns.push(TableColumn { header: header.clone(), cell: fact.template(&cells) });
        }
        let section = source.to_string();
        for (row, name) in class_rows.iter().zip(&class_names) {
            // The facts go through a status, which holds the same ones.
            let mut facts_of = Status::default();
            for &(c, fact) in &facts {
                let cell = row.get(c).map_or("", String::as_str);
                if !is_placeholder(cell) {
                    fact.set(&mut facts_of, cell)?;
                }
            }
            let class = status_class_cell(&row[key])?;
            let mut entry = StatusClassEntry {
                reason: name.as_ref().map(|(name, _)| name.clone()),
                description: facts_of.description,
                action: facts_of.action,
                when_used: facts_of.when_used,
                retryable: facts_of.retryable,
                source: section.clone(),
                ..StatusClassEntry::default()
            };
            if entry.description.is_empty() {
                entry.description = format!("The {class} statuses, as the page lists them");
                entry.inferred.push("description".into());
            }
            entry.class = class;
            self.status_classes.push(entry);
        }
        // Statuses another section's table lists already (a table of retry advice after a table of
        // meanings): this table lists them by code, and gives them the facts it adds.
        let listed_elsewhere = |drafter: &Self, code: u16| {
            !drafter.undescribed_statuses.contains(&code)
                && drafter.statuses.iter().any(|s| s.code == code && s.source != section)
        };
        let elsewhere = codes.iter().flatten().any(|&code| listed_elsewhere(self, code));
        for ((row, codes), reason) in status_rows.iter().zip(&codes).zip(&reasons) {
            for &code in codes {
                let phrase = reason.as_ref().map(|(phrase, _)| phrase.clone());
                // One code's phrase is its reason; several codes' is their group's name, where
                // the column writes it.
                let (reason, group) =
                    if codes.len() > 1 { (None, phrase.filter(|_| labelled)) } else { (phrase, None) };
                let mut status = Status { code, reason, group, source: section.clone(), ..Status::default() };
                for &(c, fact) in &facts {
                    let cell = row.get(c).map_or("", String::as_str);
                    if !is_placeholder(cell) {
                        fact.set(&mut status, cell)?;
                    }
                }
                if status.description.is_empty() {
                    status.description = format!("Status {code}, as the page lists it");
                    status.inferred.push("description".into());
                }
                match listed_elsewhere(self, code) {
                    true => self.add_status_facts(status),
                    false => self.add_listed_status(status),
                }
            }
        }
        let entries = elsewhere.then(|| {
            let statuses = codes.iter().flatten().map(u16::to_string);
            statuses.chain(class_rows.iter().filter_map(|row| status_class_cell(&row[key]))).collect()
        });
        // (A span, `500–504`, writes its first and last status.)
        let span = status_rows.iter().any(|row| {
            strip_code(&row[key])
                .split([',', '/'])
                .any(|part| crate::page::status_span(part.split_whitespace().next().unwrap_or("")).is_some())
        });
        let join = codes.iter().any(|c| c.len() > 1).then(|| JoinRows {
            column: table.header[key].clone(),
            separator: joined_by(&status_rows, key),
            span,
        });
        Some(SourceTable { entries, rows: TableRows::Statuses, columns, join, groups: None })
    }

    /// Lists that define a body's members, an item each, read as a field table would be
    /// (StableSea's "`error.code` (string): a code for programs ..."); the catalog keeps no
    /// table for them, as the page has none to rebuild.
    pub(super) fn field_lists(&mut self) {
        let page = self.page;
        for (index, section) in page.sections.iter().enumerate() {
            // (Items after a line that opens with a condition, "When the input fails validation,
            // the body also holds:", are sent only then.)
            let mut rows: Vec<Vec<String>> = Vec::new();
            let mut sometimes: Vec<String> = Vec::new();
            let (mut intro, mut conditional): (Option<&String>, bool) = (None, false);
            // (Items of a list in an item, members of the member it defines, are not the body's.)
            let depths = section.prose_depths.iter().copied().chain(std::iter::repeat(0));
            let outermost = section
                .prose
                .iter()
                .zip(depths.clone())
                .filter(|(line, _)| field_item(line).is_some())
                .map(|(_, d)| d)
                .min();
            for (line, depth) in section.prose.iter().zip(depths) {
                if outermost.is_some_and(|outermost| depth > outermost) {
                    continue;
                }
                match field_item(line) {
                    Some(row) => {
                        // (The line before the items, read once they come.)
                        if let Some(intro) = intro.take() {
                            conditional = super::prose::starts_with_a_condition(&intro.to_lowercase());
                        }
                        if conditional {
                            sometimes.push(strip_code(&row[0]));
                        }
                        rows.push(row);
                    }
                    None => (intro, conditional) = (Some(line), false),
                }
            }
            if rows.len() < 2 {
                continue;
            }
            let header = ["Field", "Type", "Description"].map(String::from).to_vec();
            let table = PageTable { header, rows, line: section.line };
            let source = self.section_ids[index].clone();
            // (What it would rebuild is no table of the page's.)
            if self.field_table(&source, section, &table).is_some() {
                self.say_required(&sometimes.iter().map(String::as_str).collect::<Vec<_>>(), false);
            }
        }
    }

    /// The facts a second table gives a status another lists (`status`, read from that table's
    /// row): each where the status lacks it. One it has otherwise keeps the first table's, and
    /// the second does not rebuild (it is left out then).
    fn add_status_facts(&mut self, status: Status) {
        let Some(known) = self.statuses.iter_mut().find(|s| s.code == status.code) else { return };
        if known.retryable.is_none() && known.retryable_said.is_none() {
            known.retryable = status.retryable;
            known.retryable_said = status.retryable_said;
        }
        known.action = known.action.take().or(status.action);
        known.when_used = known.when_used.take().or(status.when_used);
        known.url = known.url.take().or(status.url);
        if known.reason.is_none() {
            known.reason = status.reason;
        }
    }

    /// A table of a body's fields: a first column of names, with a `Type`, `Required` and
    /// description column in any order. A table about a member of a body drafted before
    /// (`### The innerError object`) is that member's shape; any other is a root body.
    fn field_table(&mut self, source: &str, section: &PageSection, table: &PageTable) -> Option<SourceTable> {
        // Names that end with `?` for members sent only sometimes, as TypeScript writes them
        // (Eludris's `data?`): the `?` is no part of the name.
        let names = column(table, 0);
        let question_marked = names.iter().any(|cell| strip_code(cell).ends_with('?'));
        // Or names followed by `required` for those always sent (Nova Gestão's `code required`).
        let required_marked = !question_marked && names.iter().any(|cell| strip_code(cell).ends_with(" required"));
        let mut key_cell = key_template(&names, "name");
        if question_marked {
            key_cell = key_cell.replace("{name}", "{name}{required:/\\?}");
        }
        if required_marked {
            key_cell = key_cell.replace("{name}", "{name}{required: required/}");
        }
        // (Types as GraphQL writes them, `String!`: each as said, a `!` saying the member is
        // always there.)
        let graphql = (1..table.header.len())
            .find(|&c| is_type_header(&table.header[c]) && graphql_types(&column(table, c)))
            .is_some();
        let mut columns = vec![TableColumn { header: table.header[0].clone(), cell: key_cell }];
        let mut facts: Vec<FieldFact> = Vec::new();
        let mut optional_words: Option<&str> = None;
        let mut formats_written = false;
        let mut null_words: Option<&str> = None;
        let mut types_said = false;
        for (c, header) in table.header.iter().enumerate().skip(1) {
            let cells = column(table, c);
            let lower = header.trim().to_lowercase();
            let (fact, form) = if is_type_header(&lower) && graphql_types(&cells) {
                types_said = true;
                (FieldFact::Type, None)
            } else if is_type_header(&lower) && cells.iter().all(|cell| is_type_cell(cell)) {
                let capitalized = cells.iter().all(|cell| strip_code(cell).starts_with(char::is_uppercase));
                // (`string or array of strings`: types the catalog's cannot say, written as said.)
                types_said = cells.iter().any(|cell| said_type(cell).is_some());
                // (`string<uri>`: a format the cells write after the type.)
                formats_written = cells.iter().any(|cell| type_cell(cell).is_some_and(|cell| cell.format.is_some()));
                if formats_written && capitalized {
                    return None;
                }
                // (`object or null`: the words a member that may be `null` has after its type.)
                null_words = one_wording(cells.iter().filter_map(|cell| type_cell(cell)?.nullable))?;
                // (`array, optional`: the words a member sent only sometimes has after its type.)
                optional_words = one_wording(cells.iter().filter_map(|cell| type_cell(cell)?.optional))?;
                (FieldFact::Type, capitalized.then(|| crate::facts::CAPITALIZED.to_string()))
            } else if lower.contains("required") && is_yes_no_column(&cells) {
                (FieldFact::Required, Some(yes_no_form(&cells)))
            } else if lower.contains("null") && is_yes_no_column(&cells) {
                // (Cartesia's `Nullable`: `error_code` is sent, as `null` where no code applies.)
                (FieldFact::Nullable, Some(yes_no_form(&cells)))
            } else if !facts.contains(&FieldFact::Presence) && is_presence_column(header, &cells) {
                (FieldFact::Presence, None)
            } else if !facts.contains(&FieldFact::Example) && ["example", "default"].iter().any(|w| lower.contains(w)) {
                // (A column of values, some rows empty: `{example?}`.)
                (FieldFact::Example, None)
            } else if !facts.contains(&FieldFact::Description) {
                (FieldFact::Description, None)
            } else {
                return None;
            };
            facts.push(fact);
            let key = match fact {
                FieldFact::Type if formats_written => "type_format",
                FieldFact::Type if types_said => "type_said|type",
                _ => fact.key(),
            };
            let placeholders: &[&str] = if fact == FieldFact::Example { &cells } else { &[] };
            let mut cell = fact_cell(key, form.as_deref(), placeholders);
            if let Some(words) = null_words.filter(|_| fact == FieldFact::Type) {
                cell.push_str(&format!("{{nullable:{words}/}}"));
            }
            if let Some(words) = optional_words.filter(|_| fact == FieldFact::Type) {
                cell.push_str(&format!("{{required:/{words}}}"));
            }
            columns.push(TableColumn { header: header.clone(), cell });
        }
        let column_of = |fact: FieldFact| facts.iter().position(|f| *f == fact).map(|i| i + 1);
        let (type_column, description_column, required_column) =
            (column_of(FieldFact::Type), column_of(FieldFact::Description), column_of(FieldFact::Required));
        let presence_column = column_of(FieldFact::Presence);
        let example_column = column_of(FieldFact::Example);
        let nullable_column = column_of(FieldFact::Nullable);
        let source = source.to_string();
        // ("Optional.", "not always sent", "only sent when...")
        let said_optional = |description: &str| {
            let said = description.to_lowercase();
            said.contains("optional")
                || super::prose::sent_sometimes(&said)
                || super::prose::left_out(&said).is_some()
                || super::prose::when_there_is_one(&said).is_some()
                || condition_in_brackets(&said)
        };
        let marks_optional = description_column
            .is_some_and(|c| table.rows.iter().any(|row| row.get(c).is_some_and(|d| said_optional(d))));
        let mut fields = Vec::new();
        if (question_marked || required_marked) && (required_column.is_some() || optional_words.is_some()) {
            return None;
        }
        for row in &table.rows {
            let written = strip_code(&row[0]);
            let marked = written.strip_suffix('?').filter(|_| question_marked);
            let said_required = written.strip_suffix(" required").filter(|_| required_marked);
            let key = marked.or(said_required).unwrap_or(&written).to_string();
            let mut inferred = Vec::new();
            let typed = type_column.and_then(|c| row.get(c)).and_then(|cell| type_cell(cell));
            let graphql_typed =
                type_column.and_then(|c| row.get(c)).filter(|_| graphql).and_then(|cell| graphql_type(cell));
            let said = type_column.and_then(|c| row.get(c)).and_then(|cell| {
                let said = graphql_typed.as_ref().map(|(ty, _)| ty.clone()).or_else(|| said_type(cell))?;
                Some((cell, said))
            });
            let ty = match (type_column.and_then(|c| row.get(c)), &said) {
                (Some(_), Some((_, said))) => said.clone(),
                (Some(cell), None) => type_cell(cell)?.ty,
                // Without a column, the examples say (until then, text).
                (None, _) => {
                    inferred.push("type".into());
                    FieldType::String
                }
            };
            let description = description_column.and_then(|c| row.get(c)).map_or_else(String::new, |d| unescape(d));
            let presence = presence_column.and_then(|c| row.get(c)).map(|cell| unescape(cell));
            let said_in_type = typed.as_ref().filter(|_| optional_words.is_some());
            let required = match (required_column.and_then(|c| row.get(c)), &presence) {
                _ if question_marked => marked.is_none(),
                _ if required_marked => said_required.is_some(),
                (Some(cell), _) => yes_no(cell)?,
                _ if graphql => graphql_typed.as_ref().is_some_and(|(_, non_null)| *non_null),
                (None, _) if said_in_type.is_some() => said_in_type.is_some_and(|typed| typed.optional.is_none()),
                (None, Some(presence)) => presence_required(presence),
                // Without a column, a field is required unless its description says otherwise;
                // a guess, unless the table marks some fields optional (then it says which are).
                (None, None) => {
                    if !marks_optional {
                        inferred.push("required".into());
                    }
                    !said_optional(&description)
                }
            };
            let nullable = match nullable_column.and_then(|c| row.get(c)) {
                Some(cell) => yes_no(cell)?,
                None => typed.as_ref().is_some_and(|typed| typed.nullable.is_some()),
            };
            fields.push(Field {
                name: key.clone(),
                ty,
                required,
                presence,
                type_said: said.map(|(cell, _)| unescape(&strip_code(cell))),
                example: example_column
                    .and_then(|c| row.get(c))
                    .filter(|cell| !is_placeholder(cell))
                    .map(|cell| unescape(cell)),
                nullable,
                format: typed.and_then(|typed| typed.format),
                description: if description.is_empty() { key } else { description },
                source: source.clone(),
                inferred,
                ..super::bodies::field()
            });
        }
        // Members the examples type: every one without a `Type` column, else those the column
        // calls an object (of what members, a nested table or the examples say), unless its
        // description says it is keyed by the request's data (Jira's `errors`, "by field name"),
        // and those it calls a list whose description names two members or more of its
        // elements ("each with `reason`, `message` and `field`"; not "each an object whose
        // `@type` says which kind it is", a list of objects of several shapes).
        // A list the examples show as objects of the same members (Zuora's `reasons`, each a
        // `code` and a `message`) is typed by them too.
        let untyped: Vec<String> = fields
            .iter()
            .filter(|f| {
                let list_of_named_members = || crate::page::code_spans(&f.description).nth(1).is_some();
                type_column.is_none()
                    || match &f.ty {
                        FieldType::Map(items) => **items == FieldType::Any && !keyed_by_data(&f.description),
                        FieldType::Array(items) => {
                            **items == FieldType::Any
                                && (list_of_named_members()
                                    // (A member named by its path, `error.details`, by its own name.)
                                    || (sent_as_objects_alike(&self.page_bodies, f.name.rsplit('.').next().unwrap_or_default())
                                        && !of_several_kinds(&f.description)))
                        }
                        _ => false,
                    }
            })
            .map(|f| f.name.clone())
            .collect();
        let described = self.member_described_by(&section.heading);
        let nested = match described {
            Some(_) => None,
            None => self.member_the_examples_nest(&section.heading, &fields),
        };
        // A table of what one kind of error sends in a member every kind has (Eludris's
        // `RateLimitedError`, the `retry_after` of `data`): more members of that member's object.
        if let (None, None) = (&described, &nested) {
            if let Some(name) = self.members_of_a_held_object(section, &fields) {
                return Some(SourceTable {
                    entries: None,
                    rows: TableRows::Body(name),
                    columns,
                    join: None,
                    groups: None,
                });
            }
        }
        let name = match (described, nested) {
            (Some((body, member)), _) => {
                // Named after the member (`details` -> `Detail`), else after the heading.
                let by_member = names::singular(&names::pascal(&member));
                let by_heading = names::singular(&names::pascal(section.heading.last().map_or("", String::as_str)));
                let base =
                    if self.type_name_taken(&by_member) && !by_heading.is_empty() { by_heading } else { by_member };
                let name = self.fresh_body_name(&base);
                self.untyped.remove(&(body, member.clone()));
                let field = self.bodies[body].fields.iter_mut().find(|f| f.name == member)?;
                field.inferred.retain(|f| f != "type");
                field.ty = match &field.ty {
                    FieldType::Array(_) => FieldType::Array(Box::new(FieldType::Object(name.clone()))),
                    _ => FieldType::Object(name.clone()),
                };
                self.bodies.push(member_shape(&name, &member, section, fields, source));
                name
            }
            // A member only a later example shows (`parameters`, under a heading "Response
            // parameters"): its shape, which the examples grow when they reach it.
            (None, Some(member)) => {
                let name = self.fresh_body_name(&names::singular(&names::pascal(&member)));
                self.bodies.push(member_shape(&name, &member, section, fields, source));
                self.described_members.insert(member, name.clone());
                name
            }
            // A page that shows no body, and says the errors come as a list in a member (DIDx's
            // "a list in the `errors` member"): the table gives each element's members, and the
            // body holds the list.
            (None, None)
                if self.page_bodies.is_empty() && section.prose.iter().any(|l| list_member_said(l).is_some()) =>
            {
                let (line, member) =
                    section.prose.iter().find_map(|line| Some((line, list_member_said(line)?.to_string())))?;
                let root = self.fresh_body_name(&names::body_name(&section.heading, self.bodies.is_empty()));
                let name = self.fresh_body_name(&names::singular(&names::pascal(&member)));
                let list = Field {
                    name: member.clone(),
                    ty: FieldType::Array(Box::new(FieldType::Object(name.clone()))),
                    required: true,
                    description: unescape(line),
                    source: source.clone(),
                    inferred: vec!["required".into()],
                    ..super::bodies::field()
                };
                let described = format!("The body the page describes under {}.", section.heading.join(" › "));
                self.bodies.push(drafted_root(root, described, vec![list], &source));
                self.bodies.push(member_shape(&name, &member, section, fields, source));
                name
            }
            (None, None) => {
                let name = self.fresh_body_name(&names::body_name(&section.heading, self.bodies.is_empty()));
                let described = format!("The body the page describes under {}.", section.heading.join(" › "));
                self.bodies.push(drafted_root(name.clone(), described, fields, &source));
                name
            }
        };
        let body = self.bodies.len() - 1;
        self.untyped.extend(untyped.into_iter().map(|member| (body, member)));
        // Members named by their path (`error.code`, `source.pointer`): each in the object its
        // path goes through, the table listing them by path.
        if self.bodies[body].fields.iter().any(|f| f.name.contains('.')) {
            // (Every member a path under one, Tekmerion's `error.code`, `error.message`: a table
            // of that object's members, which says nothing of the body's others; the first
            // example sends those as it does any new body's.)
            let holders: BTreeSet<&str> =
                self.bodies[body].fields.iter().map(|f| f.name.split('.').next().unwrap_or_default()).collect();
            if holders.len() == 1 && self.bodies[body].fields.iter().all(|f| f.name.contains('.')) {
                self.new_envelopes.insert(body);
            }
            let at = self.page.sections.iter().position(|s| std::ptr::eq(s, section))?;
            self.nest_by_path(body, &super::prose_section_id(&self.section_ids[at]));
            columns[0].cell = key_template(&column(table, 0), "path");
        }
        Some(SourceTable { entries: None, rows: TableRows::Body(name), columns, join: None, groups: None })
    }

    /// Members a table of an object's members lists that the examples send beside that object,
    /// never in it (SuperSend's `request_id`, listed among `error`'s members): each left to the
    /// body that holds the object, given the table's words, and the table listing that body's
    /// members by path (`error.code`, `request_id`).
    pub(super) fn members_sent_beside(&mut self) {
        let ats: Vec<TableAt> = self.table_specs.keys().copied().collect();
        for at in ats {
            let TableRows::Body(name) = &self.table_specs[&at].rows else { continue };
            let Some(shape) = self.bodies.iter().position(|b| &b.name == name && !b.root) else { continue };
            // The one root that holds the object, and its member that does.
            let held = |f: &Field| matches!(&f.ty, FieldType::Object(inner) if inner == name);
            let mut holders = self.bodies.iter().enumerate().filter(|(_, b)| b.root && b.fields.iter().any(held));
            let (Some((root, holder)), None) = (holders.next(), holders.next()) else { continue };
            let Some(member) = holder.fields.iter().find(|f| held(f)).map(|f| f.name.clone()) else { continue };
            let sent = |inside: bool, name: &str| {
                self.page_bodies.iter().filter_map(|(_, body)| body.as_object()).any(|body| match inside {
                    true => {
                        body.get(&member).and_then(Value::as_object).is_some_and(|object| object.contains_key(name))
                    }
                    false => body.contains_key(&member) && body.contains_key(name),
                })
            };
            let section = self.table_section_id(at);
            let listed: Vec<&Field> = self.bodies[shape].fields.iter().filter(|f| f.source == section).collect();
            let beside: Vec<String> = listed
                .iter()
                .filter(|f| !sent(true, &f.name) && sent(false, &f.name))
                .filter(|f| self.bodies[root].fields.iter().any(|other| other.name == f.name))
                .map(|f| f.name.clone())
                .collect();
            if beside.is_empty() {
                continue;
            }
            let paths: Vec<String> = listed
                .iter()
                .map(|f| match beside.contains(&f.name) {
                    true => f.name.clone(),
                    false => format!("{member}.{}", f.name),
                })
                .collect();
            for moved in &beside {
                let Some(i) = self.bodies[shape].fields.iter().position(|f| &f.name == moved) else { continue };
                let listed = self.bodies[shape].fields.remove(i);
                let Some(sent) = self.bodies[root].fields.iter_mut().find(|f| &f.name == moved) else { continue };
                sent.description = listed.description;
                sent.inferred.retain(|fact| fact != "description");
                sent.role = sent.role.or(listed.role);
            }
            if let Some(spec) = self.table_specs.get_mut(&at) {
                spec.rows = TableRows::Body(self.bodies[root].name.clone());
                spec.entries = Some(paths);
            }
        }
    }

    /// Moves each member of body `body` named by a path (`error.details[].field`) into the
    /// object its path goes through, made where no member of the table holds it (traced to
    /// `elsewhere`, a section that lists no members, as the table does not list it): the members
    /// keep their order, each path's first holder standing where its first member stood.
    fn nest_by_path(&mut self, body: usize, elsewhere: &str) {
        let fields = std::mem::take(&mut self.bodies[body].fields);
        let mut top: Vec<Field> = Vec::new();
        // Per holder's path (`error`, `error.details[]`), its shape's index and its fields.
        let mut held: BTreeMap<String, (String, Vec<Field>)> = BTreeMap::new();
        let mut order: Vec<String> = Vec::new();
        for mut field in fields {
            let full = field.name.clone();
            let Some((holder, leaf)) = full.rsplit_once('.') else {
                top.push(field);
                continue;
            };
            // Each holder on the way, from the body down (`error`, then `error.details[]`).
            let mut path = String::new();
            for segment in holder.split('.') {
                let parent = path.clone();
                path = if path.is_empty() { segment.to_string() } else { format!("{path}.{segment}") };
                if held.contains_key(&path) {
                    continue;
                }
                let member = segment.trim_end_matches("[]");
                let list = segment.ends_with("[]");
                let shape = self.fresh_body_name(&names::singular(&names::pascal(member)));
                self.bodies.push(Shape { name: shape.clone(), ..Shape::default() });
                let ty = FieldType::Object(shape.clone());
                let ty = if list { FieldType::Array(Box::new(ty)) } else { ty };
                // The member that holds it, listed by the table (`error.details`, `array`) or made.
                // (Where the examples would type it: the body, or the object of its parent path.)
                let owner = match parent.is_empty() {
                    true => Some(body),
                    false => self.shape_index(&held[&parent].0),
                };
                let siblings =
                    if parent.is_empty() { &mut top } else { &mut held.get_mut(&parent).expect("made above").1 };
                match siblings.iter_mut().find(|f| f.name == member || f.name.ends_with(&format!(".{member}"))) {
                    Some(listed) => {
                        listed.ty = ty;
                        listed.inferred.retain(|fact| fact != "type");
                        // (Typed by the table's members, not by the examples.)
                        self.untyped.remove(&(body, listed.name.clone()));
                        if let Some(owner) = owner {
                            self.untyped.remove(&(owner, member.to_string()));
                        }
                    }
                    None => siblings.push(Field {
                        name: member.to_string(),
                        ty,
                        required: true,
                        description: format!("The `{member}` object the table's members are in"),
                        source: elsewhere.to_string(),
                        inferred: vec!["required".into(), "description".into()],
                        ..super::bodies::field()
                    }),
                }
                held.insert(path.clone(), (shape, Vec::new()));
                order.push(path.clone());
            }
            field.name = leaf.to_string();
            let untyped = self.untyped.remove(&(body, full.clone()));
            held.get_mut(holder).expect("made above").1.push(field);
            if untyped {
                let shape = held[holder].0.clone();
                if let Some(index) = self.shape_index(&shape) {
                    self.untyped.insert((index, leaf.to_string()));
                }
            }
        }
        // A holder listed by its own row is named by its path too (`error.details`): by its name.
        for field in top.iter_mut().chain(held.values_mut().flat_map(|(_, fields)| fields.iter_mut())) {
            if let Some((_, name)) = field.name.rsplit_once('.') {
                field.name = name.to_string();
            }
        }
        let source = self.bodies[body].source.clone();
        for path in order {
            let (shape, fields) = held.remove(&path).expect("made above");
            let index = self.shape_index(&shape).expect("pushed above");
            self.bodies[index] = Shape {
                name: shape,
                description: format!("The `{path}` object the table describes."),
                fields,
                source: source.clone(),
                inferred: vec!["description".into()],
                ..Shape::default()
            };
        }
        self.bodies[body].fields = top;
    }

    /// The member of a body drafted so far that a heading names (`The innerError object`,
    /// `Detail entries` for `details`): an object or a list of them whose members the table
    /// under it gives.
    fn member_described_by(&self, heading: &[String]) -> Option<(usize, String)> {
        let words = heading_words(heading);
        self.bodies.iter().enumerate().find_map(|(b, body)| {
            body.fields.iter().find_map(|field| {
                // Only a member whose table left its members open: `object`, `array`, or no type.
                let open = self.untyped.contains(&(b, field.name.clone()))
                    || match &field.ty {
                        FieldType::Map(_) | FieldType::Any => true,
                        FieldType::Array(inner) => matches!(inner.as_ref(), FieldType::Any | FieldType::Map(_)),
                        _ => false,
                    };
                // (Or whose type names the heading's schema: the Department for Education's
                // `errors`, `array (ErrorViewModel)`, under `## ErrorViewModel`.)
                let schema_named = field.type_said.as_deref().is_some_and(|said| {
                    let schema = said.rsplit_once(" (").and_then(|(_, name)| name.strip_suffix(')'));
                    schema.is_some_and(|schema| heading.last().is_some_and(|h| strip_code(h).trim() == schema))
                });
                (open && (names_member(&words, &field.name) || schema_named)).then(|| (b, field.name.clone()))
            })
        })
    }

    /// Where the examples send a table's `fields` together in one member's object, and a table
    /// before typed that member (Eludris's `data`, typed by its format's table; then a table of
    /// what a rate-limited error sends in it, headed by the error): `fields` join the object,
    /// each sent with some errors only, as are those another such table gave it. The object's
    /// name; `None` (nothing changed) where the examples send them so in no member a body has.
    fn members_of_a_held_object(&mut self, section: &PageSection, fields: &[Field]) -> Option<String> {
        let all_in = |object: &Map<String, Value>| fields.iter().all(|f| object.contains_key(&f.name));
        let holds = |key: &str, value: &Value, holder: &Map<String, Value>| {
            let object = value.as_object()?;
            (all_in(object) && !all_in(holder)).then(|| key.to_string())
        };
        let member = self.page_bodies.iter().find_map(|(_, body)| nested_member(body, &holds))?;
        let (body, at) = self.bodies.iter().enumerate().find_map(|(b, shape)| {
            let at = shape.fields.iter().position(|f| f.name == member)?;
            Some((b, at))
        })?;
        let shape = match &self.bodies[body].fields[at].ty {
            // (Another such table typed it: it holds different members for different errors.)
            FieldType::Object(name) => {
                let index = self.shape_index(name)?;
                for field in &mut self.bodies[index].fields {
                    field.required = false;
                    super::bodies::push_inferred(&mut field.inferred, "required");
                }
                index
            }
            FieldType::Map(_) | FieldType::Any => {
                let name = self.fresh_body_name(&names::singular(&names::pascal(&member)));
                let source = fields.first().map_or_else(String::new, |f| f.source.clone());
                self.bodies.push(member_shape(&name, &member, section, Vec::new(), source));
                self.untyped.remove(&(body, member.clone()));
                let field = &mut self.bodies[body].fields[at];
                field.inferred.retain(|f| f != "type");
                field.ty = FieldType::Object(name);
                self.bodies.len() - 1
            }
            _ => return None,
        };
        let added = fields.iter().cloned().map(|mut field| {
            field.required = false;
            super::bodies::push_inferred(&mut field.inferred, "required");
            field
        });
        self.bodies[shape].fields.extend(added);
        Some(self.bodies[shape].name.clone())
    }

    /// The member, at any depth of the page's JSON examples, that a heading names and whose
    /// object (or first element's) shares more members with the table's `fields` than the
    /// object holding it does.
    fn member_the_examples_nest(&self, heading: &[String], fields: &[Field]) -> Option<String> {
        let words = heading_words(heading);
        let shared = |object: &Map<String, Value>| fields.iter().filter(|f| object.contains_key(&f.name)).count();
        let fits = |key: &str, value: &Value, holder: &Map<String, Value>| {
            let object = match value {
                Value::Array(items) => items.first()?.as_object()?,
                other => other.as_object()?,
            };
            (shared(object) > shared(holder) && names_member(&words, key)).then(|| key.to_string())
        };
        self.page_bodies.iter().find_map(|(_, body)| nested_member(body, &fits))
    }

    /// A table of a vocabulary's values, of wire strings or of integers: column `key` holds each
    /// row's value (and the statuses it gives it, where the cell writes them too: a table of
    /// messages by status), written back by `key_template`.
    fn vocabulary_table(
        &mut self,
        source: &str,
        section: &PageSection,
        table: &PageTable,
        (key, keys, key_template): (usize, Vec<(String, Vec<u16>)>, String),
        integer: bool,
    ) -> Option<SourceTable> {
        // (Integer codes are digits as the wire sends them: `010` or `5xx` is none.)
        let wire_integer = |key: &String| key.parse::<i64>().is_ok_and(|n| n.to_string() == *key);
        if integer && !keys.iter().all(|(key, _)| wire_integer(key) || family_pattern(key).is_some()) {
            return None;
        }
        // A table with the columns of an earlier one of codes lists more of the same codes (one
        // table per operation, as Firebase's page has them): one vocabulary, a table per section.
        // Code columns headed each its way are alike (`PostgreSQL code` and `Code`).
        // So is a table of the earlier one's code column and some of its other columns (Lettr's
        // codes of a 429, without the `HTTP Status` the prose gives them).
        let same_columns = |header: &[String], earlier_key: usize| {
            let codes = |h: &String| h.to_lowercase().contains("code");
            let alike = header.len() == table.header.len()
                && earlier_key == key
                && header
                    .iter()
                    .zip(&table.header)
                    .enumerate()
                    .all(|(c, (a, b))| a == b || (c == key && codes(a) && codes(b)));
            let fewer = header[earlier_key] == table.header[key] && table.header.iter().all(|h| header.contains(h));
            // Or the one key column and all other columns of either but one (Derive's codes by
            // range, one table giving a `Message`, the next an `HTTP status` in its place;
            // Goldsky's with a `Retry?` column added).
            let shared = table.header.iter().filter(|h| header.contains(h)).count();
            let most = header[earlier_key].eq_ignore_ascii_case(&table.header[key])
                && shared > 1
                && shared + 1 >= header.len().min(table.header.len());
            alike || fewer || most
        };
        let same_codes = self.vocabulary_tables.iter().find_map(|(name, earlier)| {
            let vocabulary = self.vocabularies.iter().find(|v| &v.name == name)?;
            let fresh = keys.iter().all(|(k, _)| !vocabulary.values.iter().any(|v| &v.value == k));
            let same_type = (vocabulary.wire_type == VocabularyType::Integer) == integer;
            (same_columns(&earlier.columns, earlier.key) && fresh && same_type).then(|| name.clone())
        });
        // A section headed by one status (Stytch's `## 400 Bad Request` over a table of its
        // `error_type`s): its codes are sent with that status, and the vocabulary is named after
        // the key column (the status is no name for codes other sections list too).
        let heading_status = match section.heading.last().map(|h| super::prose::statuses_in(h)).as_deref() {
            Some([(code, _)]) => Some(*code),
            _ => None,
        };
        // Or whose line introducing a table names one status ("answered `429 Too Many Requests`
        // with one of these codes:").
        let introduced_status = heading_status.or_else(|| introduced_status(section));
        let (mut name, named_by_heading) = match &same_codes {
            Some(name) => (name.clone(), None),
            None => {
                // (A heading that names no type, `Errors`, gives way to the key column's header:
                // `ErrorMessage` for a table keyed by its messages.)
                let heading_names_none = section.heading.last().is_none_or(|h| {
                    let name = names::pascal(h);
                    let name = name.strip_suffix('s').unwrap_or(&name);
                    name.is_empty() || crate::validate::RESERVED_TYPE_NAMES.contains(&name)
                });
                let named_by = match heading_status {
                    Some(_) => vec![table.header[key].clone()],
                    None if heading_names_none => {
                        let header = strip_code(&table.header[key]);
                        let lower = header.to_lowercase();
                        vec![if lower.starts_with("error") { header } else { format!("Error {header}") }]
                    }
                    None => section.heading.clone(),
                };
                let name = names::vocabulary_name(&named_by, |n| self.type_name_taken(n));
                (name, Some(named_by).filter(|named_by| *named_by == section.heading))
            }
        };
        let mut columns = Vec::new();
        let mut facts: Vec<(usize, ValueFact)> = Vec::new();
        let linked = self.linked_column(table, key);
        for (c, header) in table.header.iter().enumerate() {
            if c == key {
                columns.push(TableColumn { header: header.clone(), cell: key_template.clone() });
                continue;
            }
            if empty_column(table, c) {
                columns.push(TableColumn { header: String::new(), cell: String::new() });
                continue;
            }
            if linked.is_some_and(|(linked, _)| linked == c) {
                let cell = super::cells::key_template(&column(table, c), "link");
                columns.push(TableColumn { header: header.clone(), cell });
                continue;
            }
            let cells = column(table, c);
            let taken: Vec<ValueFact> = facts.iter().map(|(_, f)| *f).collect();
            // (A first column of statuses before the codes' is theirs, whatever its header:
            // NairaSMS's `Option`.)
            // (A column of statuses with a few cells in words, in a table of two columns, gives
            // those rows their description.)
            let fact = match c == 0 && key != 0 && is_statuses_column(&cells) {
                true => ValueFact::Statuses,
                false if table.header.len() == 2 && is_statuses_column_with_words(&cells) => {
                    ValueFact::StatusesOrDescription
                }
                false => ValueFact::of_column(header, &cells, &taken)?,
            };
            facts.push((c, fact));
            columns.push(TableColumn { header: header.clone(), cell: fact.template(&cells) });
        }
        let source = source.to_string();
        // Codes that each start with their status (Bitstamp's `400.002`: the status, a dot, a
        // number), every one of the table's: each is sent with it.
        let prefixed = keys.iter().all(|(key, _)| crate::page::status_prefix(key).is_some());
        // Families between the values (`0`, `4000X`, `40001`): the table lists its rows' keys, as
        // its rows would otherwise come values first.
        let row_keys: Vec<String> = keys.iter().map(|(key, _)| key.clone()).collect();
        let mut families_first = row_keys.iter().skip_while(|key| family_pattern(key).is_none());
        let entries = families_first.any(|key| family_pattern(key).is_none()).then(|| row_keys.clone());
        let (mut values, mut families) = (Vec::new(), Vec::new());
        for (row, (key_value, mut statuses)) in table.rows.iter().zip(keys) {
            let mut inferred = Vec::new();
            if statuses.is_empty() && prefixed {
                statuses.extend(crate::page::status_prefix(&key_value));
                inferred.push("statuses".to_string());
            }
            if statuses.is_empty() {
                statuses.extend(introduced_status);
            }
            let mut value = VocabularyValue {
                value: key_value,
                statuses,
                source: source.clone(),
                inferred,
                ..VocabularyValue::default()
            };
            for &(c, fact) in &facts {
                let cell = row.get(c).map_or("", String::as_str);
                if !is_placeholder(cell) {
                    fact.set(&mut value, cell)?;
                }
            }
            value.link = linked.and_then(|(c, _)| row.get(c)).map(|cell| strip_code(cell));
            for &code in &value.statuses {
                self.ensure_status(code, &source);
            }
            // A family of codes (`4000X`, `(other)`) is no value the API sends.
            match family_pattern(&value.value) {
                Some(pattern) => {
                    value.matches = (pattern != value.value).then_some(pattern);
                    let cell = row.get(key).map_or("", String::as_str);
                    value.plain = plain_family(cell) && key_template != "{value}";
                    families.push(value);
                }
                None => values.push(value),
            }
        }
        // Statuses written with their reason (`413 Payload Too Large`): the page's phrase, where
        // it is not RFC 9110's, is the status's reason, which the column writes back.
        // A column that writes some statuses bare (`: stated reason`) states the phrases of the
        // others, RFC 9110's too.
        let form_of = |c: usize| {
            let statuses: Vec<&str> = column(table, c).into_iter().filter(|cell| !in_words(cell)).collect();
            statuses_form(&statuses).filter(|form| form.contains("reason"))
        };
        let statuses_columns =
            facts.iter().filter(|(_, f)| matches!(f, ValueFact::Statuses | ValueFact::StatusesOrDescription));
        for (c, form) in statuses_columns.filter_map(|&(c, _)| Some((c, form_of(c)?))) {
            let stated = form.contains("stated");
            for (code, phrase) in table.rows.iter().filter_map(|row| row.get(c)).flat_map(|cell| status_phrases(cell)) {
                let standard = crate::model::standard_reason(code) == Some(phrase.as_str());
                if let Some(status) = self.statuses.iter_mut().find(|s| s.code == code && s.reason.is_none()) {
                    status.reason = (stated || !standard).then_some(phrase);
                    self.undescribed_statuses.remove(&code);
                }
            }
        }
        // Tables of the same codes, each under a heading of its own below one they share (`Error
        // codes` › `Payment errors`, › `Invalid request errors`): the vocabulary is named after
        // the heading they share, not the first one's own.
        let shared_heading = same_codes.as_ref().and_then(|name| {
            let earlier = self.vocabulary_tables.get(name)?.named_by.as_ref()?;
            let parent = section.heading.split_last().map(|(_, parent)| parent)?;
            let siblings = !parent.is_empty() && earlier.len() == section.heading.len() && earlier.starts_with(parent);
            siblings.then(|| parent.to_vec())
        });
        if let Some(parent) = shared_heading {
            let renamed = names::vocabulary_name(&parent, |n| n != name && self.type_name_taken(n));
            self.rename_vocabulary(&name, &renamed, parent);
            name = renamed;
        }
        // A table of codes an earlier table lists some of, saying the same of each (PingPong's
        // sub-codes, `40001` among them, after its table of statuses and their codes): more
        // values of that vocabulary, and the table lists its rows' keys.
        let wire = if integer { VocabularyType::Integer } else { VocabularyType::String };
        let overlapping = (same_codes.is_none() && linked.is_none())
            .then(|| {
                self.vocabularies.iter().position(|v| {
                    let shared = values
                        .iter()
                        .filter_map(|new| Some((new, v.values.iter().find(|old| old.value == new.value)?)));
                    let shared: Vec<_> = shared.collect();
                    v.wire_type == wire
                        && self.vocabulary_tables.contains_key(&v.name)
                        && !shared.is_empty()
                        && shared.iter().all(|(new, old)| says_no_other(new, old))
                })
            })
            .flatten();
        if let Some(vocabulary) = overlapping.map(|v| &mut self.vocabularies[v]) {
            let listed: BTreeSet<String> = vocabulary.values.iter().map(|v| v.value.clone()).collect();
            vocabulary.values.extend(values.into_iter().filter(|v| !listed.contains(&v.value)));
            vocabulary.families.extend(families);
            vocabulary.description =
                format!("{} and {}.", vocabulary.description.trim_end_matches('.'), section.heading.join(" › "));
            let rows = TableRows::Vocabulary(vocabulary.name.clone());
            return Some(SourceTable { entries: Some(row_keys), rows, columns, join: None, groups: None });
        }
        if let Some(vocabulary) = same_codes.and(self.vocabularies.iter_mut().find(|v| v.name == name)) {
            vocabulary.description =
                format!("{} and {}.", vocabulary.description.trim_end_matches('.'), section.heading.join(" › "));
            vocabulary.values.extend(values);
            vocabulary.families.extend(families);
            return Some(SourceTable { entries, rows: TableRows::Vocabulary(name), columns, join: None, groups: None });
        }
        let first_table = VocabularyTable { columns: table.header.clone(), key, named_by: named_by_heading };
        self.vocabulary_tables.insert(name.clone(), first_table);
        let links_to = linked.map(|(c, integer)| {
            let wire_type = if integer { VocabularyType::Integer } else { VocabularyType::String };
            self.linked_vocabulary((&table.header[c], wire_type), &values, &source, &name)
        });
        self.vocabularies.push(Vocabulary {
            name: name.clone(),
            description: format!("The values the page lists under {}.", section.heading.join(" › ")),
            source,
            wire_type: if integer { VocabularyType::Integer } else { VocabularyType::String },
            values,
            families,
            links_to,
            ..Vocabulary::default()
        });
        Some(SourceTable { entries, rows: TableRows::Vocabulary(name), columns, join: None, groups: None })
    }

    /// A table of families alone (Ahrvo's `Format | Definition`: `EC-AUTH-XXXX`, `EC-VA-XXXX`)
    /// beside a vocabulary of codes of those families: its families are that vocabulary's.
    pub(super) fn families_of_other_tables(&mut self) {
        let alone: Vec<String> = (self.vocabularies.iter())
            .filter(|v| v.values.is_empty() && !v.families.is_empty() && self.vocabulary_tables.contains_key(&v.name))
            .map(|v| v.name.clone())
            .collect();
        for name in alone {
            let Some(at) = self.vocabularies.iter().position(|v| v.name == name) else { continue };
            let families = &self.vocabularies[at].families;
            let of_them = |value: &VocabularyValue| {
                families.iter().any(|f| crate::model::family_names(f.family_pattern(), &value.value))
            };
            let Some(joined) = (self.vocabularies.iter())
                .find(|v| {
                    v.name != name && v.wire_type == self.vocabularies[at].wire_type && v.values.iter().any(of_them)
                })
                .map(|v| v.name.clone())
            else {
                continue;
            };
            let alone = self.vocabularies.remove(at);
            if let Some(vocabulary) = self.vocabularies.iter_mut().find(|v| v.name == joined) {
                vocabulary.families.extend(alone.families);
            }
            for spec in self.table_specs.values_mut() {
                if matches!(&spec.rows, TableRows::Vocabulary(rows) if *rows == name) {
                    spec.rows = TableRows::Vocabulary(joined.clone());
                }
            }
            self.vocabulary_tables.remove(&name);
        }
    }

    /// Calls vocabulary `old` `new` wherever the draft names it so far: the vocabulary, the
    /// vocabularies linked to it, the tables it rebuilds; its first table is now named by
    /// `heading`.
    fn rename_vocabulary(&mut self, old: &str, new: &str, heading: Vec<String>) {
        for vocabulary in &mut self.vocabularies {
            if vocabulary.name == old {
                vocabulary.name = new.to_string();
            }
            if vocabulary.links_to.as_deref() == Some(old) {
                vocabulary.links_to = Some(new.to_string());
            }
        }
        for spec in self.table_specs.values_mut() {
            if matches!(&spec.rows, TableRows::Vocabulary(name) if name == old) {
                spec.rows = TableRows::Vocabulary(new.to_string());
            }
        }
        if let Some(mut table) = self.vocabulary_tables.remove(old) {
            table.named_by = Some(heading);
            self.vocabulary_tables.insert(new.to_string(), table);
        }
    }

    /// A table of integer codes each written with its name (`4 INVALID_PARAMETERS`): each code
    /// a value, titled by its name.
    fn named_code_table(&mut self, source: &str, section: &PageSection, table: &PageTable) -> Option<SourceTable> {
        let named: Vec<(String, String, String)> = column(table, 0).iter().filter_map(|c| numbered_name(c)).collect();
        let keys = named.iter().map(|(code, _, _)| (code.clone(), Vec::new())).collect();
        let template = named.first()?.2.clone();
        let kept = self.vocabulary_table(source, section, table, (0, keys, template), true)?;
        let TableRows::Vocabulary(name) = &kept.rows else { return None };
        let vocabulary = self.vocabularies.iter_mut().find(|v| &v.name == name)?;
        // (A name two codes share, CoinGecko's `Invalid API Key`, names no variant.)
        let variants: Vec<Option<String>> =
            named.iter().map(|(_, title, _)| crate::names::pascal_case(title)).collect();
        let taken = |variant: &String| {
            variants.iter().flatten().filter(|v| *v == variant).count() > 1
                || vocabulary.values.iter().any(|v| v.variant.as_ref() == Some(variant))
        };
        let variants: Vec<Option<String>> = variants.iter().map(|v| v.clone().filter(|v| !taken(v))).collect();
        for ((code, title, _), variant) in named.into_iter().zip(variants) {
            let value = vocabulary.values.iter_mut().rev().find(|v| v.value == code && v.source == source)?;
            value.variant = variant;
            value.title = Some(title);
        }
        Some(kept)
    }

    /// Codes whose description closes with their statuses in brackets, where no column gave any
    /// (Salty's "Bad input: ... (mostly 400)", "... (409 / 422)"): sent with those statuses.
    pub(super) fn statuses_closing_descriptions(&mut self) {
        let mut used: Vec<(u16, String)> = Vec::new();
        let tabled: Vec<String> = self.vocabulary_tables.keys().cloned().collect();
        for vocabulary in self.vocabularies.iter_mut().filter(|v| tabled.contains(&v.name)) {
            for value in vocabulary.values.iter_mut().filter(|value| value.statuses.is_empty()) {
                let Some(statuses) = value.description.as_deref().and_then(closing_statuses) else { continue };
                used.extend(statuses.iter().map(|&code| (code, value.source.clone())));
                value.statuses = statuses;
            }
        }
        for (code, source) in used {
            self.ensure_status(code, &source);
        }
    }

    /// A table of names in capitals, each after its status (see [`TableKind::StatusNames`]): each
    /// name a value, with its status.
    fn status_name_table(&mut self, source: &str, section: &PageSection, table: &PageTable) -> Option<SourceTable> {
        let named: Vec<(String, String, String)> =
            column(table, 0).iter().map(|cell| status_and_name(cell)).collect::<Option<_>>()?;
        let template = named.first()?.2.clone();
        let keys =
            named.into_iter().map(|(status, name, _)| (name, status_codes(&status).unwrap_or_default())).collect();
        self.vocabulary_table(source, section, table, (0, keys, template), false)
    }

    /// Beside a table's codes, a column of names in code style that the examples send in a
    /// member of their own, the column's header (Xero's `ErrorNumber` and `Type`,
    /// `ValidationException`): each code's name in another vocabulary, which that member holds.
    /// Or a column of integer codes that several rows share, told apart by their names (ipstack's
    /// `101`, of `missing_access_key` and `invalid_access_key`), which a member sends apart from
    /// the status, and not every one an error status: each name's code. With whether the
    /// column's codes are integers.
    fn linked_column(&self, table: &PageTable, key: usize) -> Option<(usize, bool)> {
        let sent = crate::page::strings_by_member(self.page_bodies.iter().map(|(_, body)| body));
        // (Numbers a member sends apart from the status: a column of statuses links to none.)
        let sent_numbers = self.members_apart_from_the_status();
        (0..table.header.len()).filter(|&c| c != key).find_map(|c| {
            let cells = column(table, c);
            let names = cells.iter().all(|cell| is_code_name(cell));
            let named_member = |member: &str| column_names_member(&table.header[c], member);
            if names {
                let values = sent.iter().find(|(member, _)| named_member(member)).map(|(_, values)| values);
                let sent =
                    values.is_some_and(|values| cells.iter().any(|cell| values.contains(strip_code(cell).as_str())));
                return sent.then_some((c, false));
            }
            let numbers: Option<Vec<u64>> = cells.iter().map(|cell| strip_code(cell).parse().ok()).collect();
            let shared = numbers.as_ref().is_some_and(|numbers| !all_distinct(numbers));
            // (Error statuses all, Hunter's `code` of each error, are the rows' statuses.)
            let statuses = numbers.as_ref().is_some_and(|numbers| numbers.iter().all(|n| (400..600).contains(n)));
            let values =
                sent_numbers.iter().find(|(member, _)| named_member(member.as_str())).map(|(_, values)| values);
            let sent = values.zip(numbers).is_some_and(|(values, numbers)| numbers.iter().any(|n| values.contains(n)));
            (shared && !statuses && sent).then_some((c, true))
        })
    }

    /// The vocabulary of the names a table's codes link to (see [`Self::linked_column`]), named
    /// after the column, in the order the table first gives them.
    /// (Named apart from `beside`, the vocabulary of the table's rows, which is pushed after it.)
    fn linked_vocabulary(
        &mut self,
        (header, wire_type): (&str, VocabularyType),
        values: &[VocabularyValue],
        source: &str,
        beside: &str,
    ) -> String {
        // (`Type` and `Category` would be methods the enums have: `ErrorType`, `ErrorCategory`.)
        let base = names::singular(&names::pascal(&strip_code(header)));
        let base = match crate::model::taken_link_method(&base) {
            Some(_) => format!("Error{base}"),
            None => base,
        };
        let name = names::unique(&base, |n| n != beside && !self.type_name_taken(n), |n| format!("{base}{n}"));
        let mut linked: Vec<VocabularyValue> = Vec::new();
        for link in values.iter().filter_map(|v| v.link.as_ref()) {
            if !linked.iter().any(|v| &v.value == link) {
                linked.push(VocabularyValue {
                    value: link.clone(),
                    source: source.to_string(),
                    ..VocabularyValue::default()
                });
            }
        }
        self.vocabularies.push(Vocabulary {
            name: name.clone(),
            description: format!("The {} the page gives each code.", strip_code(header)),
            source: source.to_string(),
            wire_type,
            values: linked,
            ..Vocabulary::default()
        });
        name
    }

    /// A table of headers: their names and what they carry (and a `Type` column, if any).
    fn header_table(&mut self, source: &str, table: &PageTable) -> Option<SourceTable> {
        let mut columns =
            vec![TableColumn { header: table.header[0].clone(), cell: key_template(&column(table, 0), "name") }];
        // A column of values the page shows (`Sample value`, `Example`), one of the values'
        // types (`integer`) and one of what each header carries.
        let (mut described, mut shown, mut typed, mut types_said) = (None, None, None, None);
        for (c, header) in table.header.iter().enumerate().skip(1) {
            let lower = header.to_lowercase();
            let cells = column(table, c);
            let types = cells.iter().all(|cell| header_value_type(cell).is_some());
            // (A header the section's examples send, which the table may not list, has no
            // example of its own: the cell is optional.)
            let (slot, cell) = match () {
                _ if lower.contains("example") || lower.contains("sample") => (&mut shown, "{example?}".to_string()),
                _ if is_type_header(&lower) && types => {
                    let capitalized = cells.iter().all(|cell| strip_code(cell).starts_with(char::is_uppercase));
                    let form = capitalized.then(|| crate::facts::CAPITALIZED.to_string());
                    (&mut typed, fact_cell("type", form.as_deref(), &cells))
                }
                // Types the catalog's cannot say, or units (Ensembl's `Float`, `Seconds`, `MIME
                // Type`): kept as said.
                _ if is_type_header(&lower) && cells.iter().all(|cell| is_type_word(cell)) => {
                    (&mut types_said, "{type_said}".to_string())
                }
                _ => (&mut described, "{description}".to_string()),
            };
            if slot.replace(c).is_some() {
                return None;
            }
            columns.push(TableColumn { header: header.clone(), cell });
        }
        let source = source.to_string();
        for row in &table.rows {
            let name = strip_code(&row[0]);
            if self.headers.iter().any(|h| h.name.eq_ignore_ascii_case(&name)) {
                return None;
            }
            let description = described.and_then(|c| row.get(c)).map_or_else(|| name.clone(), |d| unescape(d));
            let example = shown.and_then(|c| row.get(c)).map(|value| unescape(value));
            let said = types_said.and_then(|c| row.get(c)).map(|cell| unescape(cell));
            let value_type = (typed.and_then(|c| row.get(c)))
                .or(said.as_ref())
                .and_then(|cell| header_value_type(cell))
                .unwrap_or_default();
            let header = Header {
                name,
                description,
                example: example.clone(),
                value_type,
                type_said: said,
                source: source.clone(),
                ..Header::default()
            };
            self.add_header(header, example.as_deref().map(strip_code).as_deref());
        }
        Some(SourceTable { entries: None, rows: TableRows::Headers, columns, join: None, groups: None })
    }
}

/// A table whose first column names a group on a row of its own (`API Service | 1000-1999 | |`),
/// its other cells blank but one at most, and is blank on the rows under it.
struct RowsGrouped {
    /// The rows under the groups' rows, without the first column.
    members: PageTable,
    /// Each of those rows' group.
    group_of: Vec<String>,
    /// The groups' rows, by group, as written.
    heads: Vec<(String, Vec<String>)>,
    /// The first column's header, and what its blank cells hold.
    header: String,
    blank: String,
}

impl RowsGrouped {
    fn of(table: &PageTable) -> Option<Self> {
        let first = column(table, 0);
        let is_head = |row: &Vec<String>| {
            !is_placeholder(&row[0]) && row.iter().skip(2).all(|cell| is_placeholder(cell)) && row.len() > 2
        };
        // (The first row heads a group; blanks alike; a group's name once.)
        let blanks: BTreeSet<&str> = table.rows.iter().filter(|row| !is_head(row)).map(|row| row[0].as_str()).collect();
        if !table.rows.first().is_some_and(is_head) || blanks.len() != 1 || first.iter().any(|c| c.contains('|')) {
            return None;
        }
        let blank = blanks.into_iter().next().filter(|blank| is_placeholder(blank))?.to_string();
        let (mut group_of, mut heads, mut rows) = (Vec::new(), Vec::<(String, Vec<String>)>::new(), Vec::new());
        for row in &table.rows {
            if is_head(row) {
                let name = unescape(&row[0]);
                if heads.iter().any(|(known, _)| *known == name) {
                    return None;
                }
                heads.push((name, row.clone()));
            } else {
                group_of.push(heads.last()?.0.clone());
                rows.push(row[1..].to_vec());
            }
        }
        // Two rows under the groups at least, and every group over one.
        let headed = |name: &String| group_of.contains(name);
        if rows.len() < 2 || !heads.iter().all(|(name, _)| headed(name)) {
            return None;
        }
        let members = PageTable { header: table.header[1..].to_vec(), rows, line: table.line };
        Some(Self { members, group_of, heads, header: table.header[0].clone(), blank })
    }
}

/// A table of statuses some rows of which, all in bold, head each class of them (Aipix's
/// `**4xx range codes** | **Codes from 400 to 499 ...**` above `400 – Bad Request`): each class
/// once, over statuses of that class alone.
struct ClassesHeaded {
    /// The table without the heads' rows.
    members: PageTable,
    /// Each head's class, as the catalog names it (`client error`), and its row as written.
    heads: Vec<(String, Vec<String>)>,
}

impl ClassesHeaded {
    fn of(table: &PageTable) -> Option<Self> {
        let bold = BoldHeads::read(table)?;
        // Each head names a class, each class once.
        let class_of = |row: &Vec<String>| crate::model::written_status_class(&class_and_name(&row[0])?.0);
        let classes: Vec<crate::model::StatusClass> =
            bold.heads.iter().map(|(_, row)| class_of(row)).collect::<Option<_>>()?;
        let heads: Vec<(String, Vec<String>)> =
            classes.iter().zip(&bold.heads).map(|(class, (_, row))| (class.label().to_string(), row.clone())).collect();
        if classes.iter().enumerate().any(|(at, class)| classes[..at].contains(class)) {
            return None;
        }
        // (Rows before the first head are of no class's; each after one, of its class.)
        for (row, group) in bold.members.rows.iter().zip(&bold.group_of) {
            let codes = status_codes(&row[0])?;
            if group
                .map(|head| classes[head])
                .is_some_and(|class| !codes.iter().all(|&code| crate::model::StatusClass::of(code) == Some(class)))
            {
                return None;
            }
        }
        (bold.members.rows.len() >= 2).then_some(Self { members: bold.members, heads })
    }
}

/// A table of codes some rows of which, in bold and otherwise blank, head groups of the codes
/// below them in the codes' own column (IntelliSMS's `**User specific (200-299)**`): each group
/// once; rows before the first are of none.
struct BoldHeads {
    /// The table without the heads' rows.
    members: PageTable,
    /// Each of those rows' group, if any: the place of its head in `heads`.
    group_of: Vec<Option<usize>>,
    /// The heads' rows, by group, as written.
    heads: Vec<(String, Vec<String>)>,
}

impl BoldHeads {
    /// Two heads at least, each over a row.
    fn of(table: &PageTable) -> Option<Self> {
        let read = Self::read(table)?;
        let headed = |head: usize| read.group_of.contains(&Some(head));
        (read.heads.len() >= 2 && read.members.rows.len() >= 2 && (0..read.heads.len()).all(headed)).then_some(read)
    }

    /// The rows in bold, otherwise blank, and the rows under each, whatever their number: one
    /// head at least, each once (of codes, above; of classes of statuses, [`ClassesHeaded`]).
    fn read(table: &PageTable) -> Option<Self> {
        let head = |row: &Vec<String>| {
            let bold = |cell: &String| wrapping(cell) == ("**", "**");
            (bold(&row[0]) && row.iter().skip(1).all(|cell| cell.trim().is_empty() || bold(cell)))
                .then(|| unescape(&strip_code(&row[0])))
        };
        let (mut heads, mut rows, mut group_of) = (Vec::<(String, Vec<String>)>::new(), Vec::new(), Vec::new());
        for row in &table.rows {
            match head(row) {
                Some(name) if heads.iter().any(|(known, _)| *known == name) => return None,
                Some(name) => heads.push((name, row.clone())),
                None => {
                    group_of.push(heads.len().checked_sub(1));
                    rows.push(row.clone());
                }
            }
        }
        let members = PageTable { header: table.header.clone(), rows, line: table.line };
        (!heads.is_empty()).then_some(Self { members, group_of, heads })
    }
}

/// The table with its first column of links (every cell `[text](target)`) read as their text,
/// that column, and its targets row by row; `None` when no column is all links.
fn unlinked(table: &PageTable) -> Option<(PageTable, usize, Vec<String>)> {
    let is_link = |cell: &String| crate::page::link_cell(cell).is_some();
    let column = (0..table.header.len()).find(|&c| table.rows.iter().all(|row| row.get(c).is_some_and(is_link)))?;
    let mut unlinked = table.clone();
    let mut targets = Vec::new();
    for row in &mut unlinked.rows {
        let (text, target) =
            crate::page::link_cell(&row[column]).map(|(t, u)| (t.to_string(), u.to_string())).unwrap_or_default();
        row[column] = text;
        targets.push(target);
    }
    Some((unlinked, column, targets))
}

/// How the page joins several statuses in one cell: the text between the first cell's first two
/// codes (`, ` in "500, 502", `/` in "502/504").
fn joined_by(rows: &[&Vec<String>], key: usize) -> String {
    let joined =
        rows.iter().map(|row| strip_code(&row[key])).find(|cell| status_codes(cell).is_some_and(|c| c.len() > 1));
    joined.as_deref().map_or_else(|| ", ".into(), between_numbers)
}

/// What a cell writes between its first two numbers (`, ` of `500, 502`, `,` of `1,4`), `, ` where
/// it writes nothing there.
fn between_numbers(cell: &str) -> String {
    let between = cell.find(|c: char| !c.is_ascii_digit()).and_then(|first_end| {
        let rest = &cell[first_end..];
        Some(&rest[..rest.find(|c: char| c.is_ascii_digit())?])
    });
    between.filter(|s| !s.is_empty()).unwrap_or(", ").to_string()
}

/// The one status a section's one line introducing a list names (it ends in `:`).
fn introduced_status(section: &PageSection) -> Option<u16> {
    let mut naming = section.prose.iter().filter(|line| line.trim_end().ends_with(':')).filter_map(|line| {
        let statuses = super::prose::statuses_in(line);
        (!statuses.is_empty()).then_some(statuses)
    });
    match (naming.next().as_deref(), naming.next()) {
        (Some([(code, _)]), None) => Some(*code),
        _ => None,
    }
}

/// The one member a line names in a code span and says holds a list (`errors come as a list in
/// the `errors` member`, `an `errors` array`).
fn list_member_said(line: &str) -> Option<&str> {
    let lower = line.to_lowercase();
    let words = lower.split(|c: char| !c.is_ascii_alphanumeric());
    let says_list = words.into_iter().any(|w| ["list", "array"].contains(&w));
    let mut spans = crate::page::code_spans(line);
    match (spans.next(), spans.next()) {
        (Some(member), None) if says_list && crate::page::code_style(member).is_some() => Some(member),
        _ => None,
    }
}

/// Cells that each show a body of one member whose value is a code, written alike (`` `{
/// "errorCode": "INVALID_JSON" }` ``): the member, each cell's code, and the template that writes
/// a cell back.
fn bodies_in_cells(cells: &[&str]) -> Option<(String, Vec<String>, String)> {
    let mut member = None;
    let mut codes = Vec::new();
    let mut template = None;
    for cell in cells {
        let inner = cell.trim().strip_prefix('`')?.strip_suffix('`')?;
        let Ok(Value::Object(body)) = serde_json::from_str::<Value>(inner) else { return None };
        let [(key, Value::String(code))] = body.iter().collect::<Vec<_>>()[..] else { return None };
        // (Written alike: the cell is the template with the code in its place.)
        let quoted = format!("\"{code}\"");
        let at = inner.rfind(&quoted)?;
        let written = format!(
            "`{}\"{{value}}\"{}`",
            inner[..at].replace('{', "{{").replace('}', "}}"),
            inner[at + quoted.len()..].replace('{', "{{").replace('}', "}}")
        );
        if member.get_or_insert_with(|| key.clone()) != key
            || template.get_or_insert_with(|| written.clone()) != &written
        {
            return None;
        }
        codes.push(code.clone());
    }
    Some((member?, codes, template?))
}

/// A cell of a headers table's `Type` column that names a type or a unit in a word or two
/// (`Float`, `MIME Type`, `Seconds`), not a sentence.
fn is_type_word(cell: &str) -> bool {
    let text = strip_code(cell);
    let words = text.split_whitespace().count();
    (1..=2).contains(&words) && text.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
}

/// The value type a header table's `Type` cell names (`integer`, `String`).
fn header_value_type(cell: &str) -> Option<HeaderValueType> {
    let types = [HeaderValueType::String, HeaderValueType::Integer, HeaderValueType::Number, HeaderValueType::Boolean];
    types.into_iter().find(|ty| strip_code(cell).eq_ignore_ascii_case(ty.name()))
}

/// A column header that names the members' JSON types: `Type`, `Value Type`, `Data type`.
/// A type cell: a JSON type (see [`type_cell`]), or types the catalog's cannot say.
fn is_type_cell(cell: &str) -> bool {
    type_cell(cell).is_some() || said_type(cell).is_some()
}

fn is_type_header(header: &str) -> bool {
    let lower = header.trim().to_lowercase();
    lower == "type" || lower.ends_with(" type")
}

/// The statuses a description names in the brackets that close it, and nothing else but words
/// like `mostly` and `or` (`(mostly 400)`, `(409 / 422)`, `(429)`).
fn closing_statuses(description: &str) -> Option<Vec<u16>> {
    const BETWEEN: [&str; 9] = ["/", ",", "or", "and", "mostly", "usually", "often", "typically", "sometimes"];
    let inside = description.trim_end().strip_suffix(')')?.rsplit_once('(')?.1;
    let mut statuses = Vec::new();
    for word in inside.split_whitespace().map(|w| w.trim_end_matches(',')) {
        match crate::page::status_number(word) {
            Some(code) => statuses.push(code),
            None if BETWEEN.contains(&word.to_lowercase().as_str()) => {}
            None => return None,
        }
    }
    (!statuses.is_empty()).then_some(statuses)
}

/// A cell naming a whole class of statuses as pages write one (`5xx`, `` `4XX` ``, or with its
/// name as the statuses' cells write their reasons: `50X - Server Errors`): the class.
fn status_class_cell(cell: &str) -> Option<String> {
    class_and_name(cell).map(|(class, _)| class)
}

/// A cell of a code written as a name (`ValidationException`, `` `404_not_found` ``): in code
/// style, with a letter, and no status.
fn is_code_name(cell: &str) -> bool {
    is_code_cell(cell) && strip_code(cell).chars().any(|c| c.is_ascii_alphabetic()) && status_codes(cell).is_none()
}

/// A cell that names something, as a title does: a few capitalised words, no sentence
/// (`Invalid Parameters`, `Idempotency-Key Reuse`, `Unauthenticated`).
fn is_name_cell(cell: &str) -> bool {
    let words: Vec<&str> = cell.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        && !cell.trim_end().ends_with(['.', '!', '?', ':'])
}

/// Does a member's description say that its keys are the request's data rather than members
/// of its own ("messages by field name", "one entry per field", "nested as the request nests
/// them"), or that it is another system's object passed on as it came ("the error the provider
/// returned, as it returned it")? Such an object is a map, whatever keys its examples show.
pub(super) fn keyed_by_data(description: &str) -> bool {
    let description = description.to_lowercase();
    let keyed = [
        "by field",
        "by name",
        "keyed",
        "per field",
        "each field",
        "each argument",
        "each parameter",
        "per parameter",
        "by parameter",
        "nested as",
        "map of",
        // ("A list of the fields and their validation messages": an object, keyed so.)
        "fields and their",
    ];
    let passed_on =
        ["as it returned", "as returned", "as it came", "verbatim", "as-is", "unmodified", "passed through"];
    keyed.iter().chain(&passed_on).any(|phrase| description.contains(phrase))
}

/// The members a line says are keyed by the request's data (see [`keyed_by_data`]): those its
/// clause that says so names, else the last one the clause before it named ("and
/// `field-errors`, which maps the name of each field at fault to its problem"), not every member
/// of the line.
pub(super) fn said_keyed_by_data(line: &str) -> Vec<&str> {
    let mut named = Vec::new();
    let mut before: Option<&str> = None;
    // (An array "one for each parameter" holds an element for each, not a member: AnyMaster's
    // "`data`: array. The validation errors, one for each parameter". A line's "a list of
    // `errors`" says nothing so of Close's `field-errors`, which "maps the name of each field".)
    let listed = line.to_lowercase().contains("array");
    for clause in line.split([',', ';']).flat_map(|part| part.split(". ")) {
        let spans: Vec<&str> = crate::page::code_spans(clause).collect();
        let clause_lower = clause.to_lowercase();
        let one_per_element = listed && (clause_lower.contains("each ") || clause_lower.contains("per "));
        if keyed_by_data(clause) && !one_per_element {
            match spans.as_slice() {
                [] => named.extend(before),
                _ => named.extend(&spans),
            }
        }
        before = spans.last().copied().or(before);
    }
    named
}

/// The shape of a member a field table describes (under `section`).
fn member_shape(name: &str, member: &str, section: &PageSection, fields: Vec<Field>, source: String) -> Shape {
    Shape {
        name: name.to_string(),
        description: format!("The `{member}` object the page describes under {}.", section.heading.join(" › ")),
        fields,
        source,
        inferred: vec!["description".into()],
        ..Shape::default()
    }
}

/// The words of a heading's last part, lower-case: `Detail entries` -> `detail`, `entries`.
fn heading_words(heading: &[String]) -> Vec<String> {
    heading
        .last()
        .map(String::as_str)
        .unwrap_or_default()
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '_' && c != '-')
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether one of a heading's words names a member, or one of its elements (`detail` for
/// `details`).
fn names_member(words: &[String], member: &str) -> bool {
    let name = member.to_lowercase();
    words.iter().any(|w| *w == name || names::singular(&name) == *w)
}

/// The first member of `json`, depth first, that `found` accepts beside the object holding it.
fn nested_member(json: &Value, found: &impl Fn(&str, &Value, &Map<String, Value>) -> Option<String>) -> Option<String> {
    match json {
        Value::Object(map) => {
            map.iter().find_map(|(key, value)| found(key, value, map).or_else(|| nested_member(value, found)))
        }
        Value::Array(items) => items.iter().find_map(|item| nested_member(item, found)),
        _ => None,
    }
}

/// The code column's template where some rows write a code with its reason, all one way
/// (`456 Quota Exceeded`, `{code} {reason}`), and the others a bare code: `{code:stated reason}`
/// (with the text between them before `stated`, where it is not a space).
fn stated_reason_template(rows: &[&Vec<String>], reasons: &[Option<(String, String)>], key: usize) -> Option<String> {
    let templates: Vec<&String> = reasons.iter().flatten().map(|(_, template)| template).collect();
    let first = templates.first()?;
    // (A bare code, or bare codes joined: `500, 503`.)
    let bare = |(row, reason): (&&Vec<String>, &Option<(String, String)>)| {
        let cell = row[key].trim();
        reason.is_none() && !cell.is_empty() && cell.chars().all(|c| c.is_ascii_digit() || ", /".contains(c))
    };
    let mixed = templates.len() < reasons.len() && rows.iter().zip(reasons).filter(|(_, r)| r.is_none()).all(bare);
    if !mixed || templates.iter().any(|t| t != first) {
        return None;
    }
    let between = first.strip_prefix("{code}")?.strip_suffix("{reason}")?;
    match between {
        "" => None,
        " " => Some("{code:stated reason}".to_string()),
        between => Some(format!("{{code:{between}stated reason}}")),
    }
}

/// Whether a list's description says its elements are of several kinds ("each an object whose
/// `@type` says which kind it is"): the examples show some of them.
fn of_several_kinds(description: &str) -> bool {
    let said = description.to_lowercase();
    ["which kind", "which type", "several kinds", "many kinds"].iter().any(|words| said.contains(words))
}

/// Whether the page's `bodies` send `member`, at any depth, as lists of objects that all have
/// the same members, one list at least.
fn sent_as_objects_alike(bodies: &[(Option<u16>, Value)], member: &str) -> bool {
    fn walk<'v>(json: &'v Value, member: &str, out: &mut Vec<&'v Value>) {
        match json {
            Value::Object(map) => {
                for (key, value) in map {
                    match value {
                        Value::Array(items) if key == member => out.extend(items),
                        _ => walk(value, member, out),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|item| walk(item, member, out)),
            _ => {}
        }
    }
    let mut elements = Vec::new();
    for (_, body) in bodies {
        walk(body, member, &mut elements);
    }
    fn keys(element: &Value) -> Option<BTreeSet<&String>> {
        element.as_object().map(|map| map.keys().collect())
    }
    let first = elements.first().and_then(|first| keys(first)).filter(|keys| !keys.is_empty());
    first.is_some_and(|first| elements.iter().all(|element| keys(element).as_ref() == Some(&first)))
}

/// Whether a column's header names a member: the member itself (`error_id`), or the end of its
/// name (`Subcode` of `error_subcode`) where that is more than a bare `code` or `status`.
fn column_names_member(header: &str, member: &str) -> bool {
    let (header, member) = (names::bare(&strip_code(header)), names::bare(member));
    header == member
        || (header.len() >= 4 && !["code", "status"].contains(&header.as_str()) && member.ends_with(&header))
}

/// The members the page's `bodies` send whole numbers in that are numbers of their own, with
/// those numbers: not their response's status at least once (`"error_id": 502` in a 400), or
/// sent only in examples without a status (Meta's `error_subcode`). A member that repeats the
/// status in the examples that have one (`error_code`), or is named for it, is the status.
pub(super) fn members_apart_from_the_status(bodies: &[(Option<u16>, Value)]) -> BTreeMap<String, BTreeSet<u64>> {
    let sent = numbers_sent(bodies, false);
    let with_a_status: BTreeSet<&str> =
        sent.iter().filter(|(_, _, was)| was.is_some()).map(|(name, _, _)| name.as_str()).collect();
    // (Sent only without a status, numbers that are all registered error statuses say nothing
    // of their own: Reltio's `"errorCode": 401`, its table of statuses headed `Error Code`.)
    let error_status = |number: &u64| {
        u16::try_from(*number)
            .is_ok_and(|code| (400..=599).contains(&code) && crate::model::standard_reason(code).is_some())
    };
    let mut unshown: BTreeMap<&str, bool> = BTreeMap::new();
    for (name, number, was) in &sent {
        if was.is_none() && !with_a_status.contains(name.as_str()) {
            *unshown.entry(name.as_str()).or_insert(true) &= error_status(number);
        }
    }
    let mut apart: BTreeMap<String, BTreeSet<u64>> = BTreeMap::new();
    for (name, number, was) in &sent {
        let own = *was == Some(false) || unshown.get(name.as_str()).is_some_and(|statuses_only| !statuses_only);
        if own && !names::bare(name).contains("status") {
            apart.entry(name.clone()).or_default().insert(*number);
        }
    }
    apart
}

/// The members the examples send numbers in beside another status, which they cannot repeat
/// (Sierra's `code` 113, beside `httpStatus` 401): each with the numbers.
pub(super) fn numbers_beside_another_status(bodies: &[(Option<u16>, Value)]) -> BTreeMap<String, BTreeSet<u64>> {
    let mut beside: BTreeMap<String, BTreeSet<u64>> = BTreeMap::new();
    for (name, number, was) in numbers_sent(bodies, true) {
        if was == Some(false) && !names::bare(&name).contains("status") {
            beside.entry(name).or_default().insert(number);
        }
    }
    beside
}

/// Each member the examples send as a whole number, the number, and whether it was the status
/// (`None`: no status line, nor, with `status_members`, a member named for it).
fn numbers_sent(bodies: &[(Option<u16>, Value)], status_members: bool) -> Vec<(String, u64, Option<bool>)> {
    fn walk(json: &Value, status: Option<u64>, out: &mut Vec<(String, u64, Option<bool>)>) {
        match json {
            Value::Object(map) => {
                for (key, value) in map {
                    if let Some(number) = value.as_u64() {
                        out.push((key.clone(), number, status.map(|status| number == status)));
                    }
                    walk(value, status, out);
                }
            }
            Value::Array(items) => items.iter().for_each(|item| walk(item, status, out)),
            _ => {}
        }
    }
    // (Without a status line, the status a member named for it sends: Sierra's `httpStatus`.)
    fn status_member(json: &Value) -> Option<u64> {
        let map = json.as_object()?;
        let named = |key: &&String| super::examples::named_for_the_status(key);
        map.iter().find(|(key, _)| named(key)).and_then(|(_, v)| v.as_u64()).filter(|n| (100..=599).contains(n))
    }
    let mut sent = Vec::new();
    for (status, body) in bodies {
        let status = status.map(u64::from).or_else(|| status_member(body).filter(|_| status_members));
        walk(body, status, &mut sent);
    }
    sent
}

#[cfg(test)]
mod tests {
    use super::{
        bodies_in_cells, closing_statuses, codes_apart, is_name_cell, joined_numbers, said_keyed_by_data,
        yes_no_then_advice, RowsGrouped,
    };
    use crate::page::PageTable;

    #[test]
    fn codes_joined_in_a_cell_are_a_row_each() {
        assert_eq!(joined_numbers("1, 4"), Some(vec!["1".to_string(), "4".to_string()]));
        assert_eq!(joined_numbers("`7`"), None, "one code");
        assert_eq!(joined_numbers("1, four"), None);
        let row = |cells: [&str; 2]| cells.map(String::from).to_vec();
        let table =
            PageTable { header: row(["HTTP", "ID"]), rows: vec![row(["401", "0"]), row(["400", "1, 4"])], line: 1 };
        let (apart, join) = codes_apart(&table, 1).unwrap();
        assert_eq!(apart.rows, [row(["401", "0"]), row(["400", "1"]), row(["400", "4"])]);
        assert_eq!((join.column.as_str(), join.separator.as_str(), join.span), ("ID", ", ", false));
        assert!(codes_apart(&table, 0).is_none(), "no cell of the statuses joins codes");
        let tight = PageTable { rows: vec![row(["400", "1,4"])], ..table };
        assert_eq!(codes_apart(&tight, 1).unwrap().1.separator, ",", "as the page joins them");
    }

    #[test]
    fn a_retry_cell_may_give_its_advice_after_yes_or_no() {
        assert_eq!(yes_no_then_advice(&["No — fix the request", "Yes — with backoff"]), Some(" — "));
        assert_eq!(yes_no_then_advice(&["No: fix it", "Yes: later"]), Some(": "));
        assert_eq!(yes_no_then_advice(&["No — fix the request", "Depends — read it again"]), None);
        assert_eq!(yes_no_then_advice(&["No", "Yes"]), None, "no advice");
    }

    #[test]
    fn statuses_in_the_brackets_that_close_a_description() {
        assert_eq!(closing_statuses("Bad input: a missing field (mostly 400)"), Some(vec![400]));
        assert_eq!(closing_statuses("A conflict with a request in flight (409 / 422)"), Some(vec![409, 422]));
        assert_eq!(closing_statuses("Authenticated, but not allowed (unused in v1)"), None);
        assert_eq!(closing_statuses("Too many requests (429) for now"), None, "not closing it");
        assert_eq!(closing_statuses("Retry (in 5 seconds)"), None);
    }

    #[test]
    fn cells_that_each_show_a_body_of_one_code() {
        let cells = ["`{ \"errorCode\": \"INVALID_JSON\" }`", "`{ \"errorCode\": \"RATE_LIMIT_EXCEEDED\" }`"];
        let (member, codes, template) = bodies_in_cells(&cells).expect("bodies");
        assert_eq!(member, "errorCode");
        assert_eq!(codes, ["INVALID_JSON", "RATE_LIMIT_EXCEEDED"]);
        assert_eq!(template, "`{{ \"errorCode\": \"{value}\" }}`");
        assert!(bodies_in_cells(&["`{ \"a\": \"X\" }`", "`{ \"b\": \"Y\" }`"]).is_none(), "two members");
        assert!(bodies_in_cells(&["`{ \"a\": 1 }`"]).is_none(), "no code");
        assert!(bodies_in_cells(&["`INVALID_JSON`"]).is_none());
    }

    #[test]
    fn rows_that_head_groups_are_set_apart_with_their_column() {
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let table = |rows: Vec<Vec<String>>| PageTable { header: row(&["Component", "Code", "Notes"]), rows, line: 1 };
        let grouped = RowsGrouped::of(&table(vec![
            row(&["API", "1000-1999", ""]),
            row(&["", "1000", "OK"]),
            row(&["", "1100", "denied"]),
            row(&["Sending", "", ""]),
            row(&["", "7001", "bad domain"]),
        ]))
        .expect("grouped");
        assert_eq!(grouped.members.header, row(&["Code", "Notes"]));
        assert_eq!(
            grouped.members.rows,
            [row(&["1000", "OK"]), row(&["1100", "denied"]), row(&["7001", "bad domain"])]
        );
        assert_eq!(grouped.group_of, ["API", "API", "Sending"]);
        assert_eq!(grouped.heads.len(), 2);
        assert_eq!(grouped.blank, "");
        // A first column of each row's own text, or a group over no rows, is no grouping.
        assert!(RowsGrouped::of(&table(vec![row(&["API", "1000", "OK"]), row(&["Sending", "7001", "bad"])])).is_none());
        let empty_group =
            vec![row(&["API", "", ""]), row(&["", "1000", "OK"]), row(&["", "1001", "OK"]), row(&["Sending", "", ""])];
        assert!(RowsGrouped::of(&table(empty_group)).is_none());
    }

    #[test]
    fn the_member_a_line_says_is_keyed_by_field() {
        assert_eq!(
            said_keyed_by_data("It has an `error`, `errors` and `field-errors`, which maps each field to its problem."),
            ["field-errors"]
        );
        assert_eq!(said_keyed_by_data("`errors` is keyed by field name; `code` is not."), ["errors"]);
        assert!(said_keyed_by_data("`errors` lists the problems.").is_empty());
    }

    #[test]
    fn a_status_and_its_phrase_are_one_placeholder_where_classes_are_written_bare() {
        assert_eq!(super::with_phrase_form("{code} {reason}").as_deref(), Some("{code:reason}"));
        assert_eq!(super::with_phrase_form("**{code} - {reason}**").as_deref(), Some("**{code: - reason}**"));
        assert_eq!(super::with_phrase_form("{code}"), None);
    }

    #[test]
    fn a_cell_that_names_as_a_title_does() {
        assert!(is_name_cell("Invalid Parameters"));
        assert!(is_name_cell("Idempotency-Key Reuse"));
        assert!(is_name_cell("Unauthenticated"));
        assert!(!is_name_cell("Check the payment id."));
        assert!(!is_name_cell("the token expired"));
    }
}
