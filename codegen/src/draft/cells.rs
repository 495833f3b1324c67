//! Reading a table's cells: codes, yes/no, placeholders, markup, and the templates that write
//! them back.

use crate::model::{FieldType, StringFormat};

/// The template that writes a cell holding codes: the cell with its (first) code replaced.
pub(super) fn code_template(cell: &str, codes: &[u16], placeholder: &str) -> Option<String> {
    let first = codes.first()?.to_string();
    let at = cell.find(&first)?;
    // Joined cells are rebuilt by the table's `join`; the template writes one code.
    let end = if codes.len() > 1 { cell.rfind(|c: char| c.is_ascii_digit())? + 1 } else { at + first.len() };
    Some(format!("{}{placeholder}{}", &cell[..at], &cell[end..]))
}

/// The reason phrase a code cell writes after a single code, and the template that writes the
/// cell: `` `413 Payload Too Large` `` (`` `{code} {reason}` ``), `200 (OK)` (`{code} ({reason})`),
/// `200 - OK` (`{code} - {reason}`).
pub(super) fn reason_after_code(cell: &str) -> Option<(String, String)> {
    // Only the code marked (`` `400` Bad Request ``, CoinGecko's): the marks around the code.
    for marks in ["`", "**"] {
        let marked = cell.strip_prefix(marks).and_then(|rest| rest.split_once(marks));
        let read =
            marked.filter(|(code, _)| code.parse::<u16>().is_ok()).and_then(|(_, rest)| phrase_after(rest, "", ""));
        if let Some((phrase, template)) = read {
            return Some((phrase, template.replace("{code}", &format!("{marks}{{code}}{marks}"))));
        }
    }
    let (open, close) = wrapping(cell);
    let inner = cell.strip_prefix(open)?.strip_suffix(close)?;
    let code_len = inner.find(|c: char| !c.is_ascii_digit())?;
    inner[..code_len].parse::<u16>().ok()?;
    phrase_after(&inner[code_len..], open, close)
}

/// A cell naming a whole class of statuses (`5xx`, `` `4XX` ``): the class as written, and the
/// name after it with the template that writes a class and its name so, where the cell gives one
/// (`50X - Server Errors`: `Server Errors`, `{code} - {reason}`).
pub(super) fn class_and_name(cell: &str) -> Option<(String, Option<(String, String)>)> {
    let whole = strip_code(cell);
    if crate::model::written_status_class(&whole).is_some() {
        return Some((whole, None));
    }
    let (open, close) = wrapping(cell);
    let inner = cell.strip_prefix(open)?.strip_suffix(close)?;
    let class = inner.get(..3).filter(|class| crate::model::written_status_class(class).is_some())?;
    let name = phrase_after(&inner[class.len()..], open, close)?;
    Some((class.to_string(), Some(name)))
}

/// The name a cell of several codes gives them after the last one, and the template that
/// writes one code that way: `500, 502, 503, 504 - Server Errors` (`Server Errors`,
/// `{code} - {reason}`).
pub(super) fn group_after_codes(cell: &str) -> Option<(String, String)> {
    let (open, close) = wrapping(cell);
    let inner = cell.strip_prefix(open)?.strip_suffix(close)?;
    let codes_end = inner.rfind(|c: char| c.is_ascii_digit())? + 1;
    phrase_after(&inner[codes_end..], open, close)
}

/// A cell of a numeric code and its name in code style, as Mambu's tables write them (`4
/// INVALID_PARAMETERS`, `` `-1121 BAD_SYMBOL` ``): the code, the name, and the template that
/// writes a value's code and title so. A status and its reason phrase (`404 Not Found`) is none.
pub(super) fn numbered_name(cell: &str) -> Option<(String, String, String)> {
    // The whole cell marked, or only its code (CoinGecko's `` `10002` Missing API Key ``).
    let code_marked = cell.strip_prefix('`').and_then(|rest| rest.split_once("` ")).filter(|_| !is_code_span(cell));
    let (open, close, code, rest) = match code_marked {
        Some((code, rest)) => ("`", "", code, rest),
        None => {
            let (open, close) = wrapping(cell);
            let inner = cell.strip_prefix(open)?.strip_suffix(close)?;
            let (code, rest) = inner.split_once(' ')?;
            (open, close, code, rest)
        }
    };
    code.parse::<i64>().ok()?;
    let (separator, name) = [" - ", ": ", " "]
        .iter()
        .find_map(|sep| format!(" {rest}").strip_prefix(sep).map(|name| (*sep, name.to_string())))?;
    // One word in capitals (`SUCCESS`) or joined by `_`: a name written as a code; or, after a
    // number no status is, a phrase of capitalised words (`Plan Restricted`).
    let code_like = crate::page::code_style(&name)
        .is_some_and(|(lower, upper, separator, _)| upper && (separator == Some('_') || !lower));
    let phrase = crate::page::status_number(code).is_none() && crate::page::is_title_phrase(&name);
    let template = match code_marked {
        Some(_) => format!("`{{value}}`{separator}{{title}}"),
        None => format!("{open}{{value}}{separator}{{title}}{close}"),
    };
    (code_like || phrase).then(|| (code.to_string(), name, template))
}

/// A cell of a status and a name after it, in capitals (`400 FAILED PRECONDITION`, as tables of
/// conditions by status write them) or one word in lower case (`400 invalid_request`, MenuPi's
/// codes): the status, the name, and the template that writes a value's status and the value so.
pub(super) fn status_and_name(cell: &str) -> Option<(String, String, String)> {
    let (open, close) = wrapping(cell);
    let inner = cell.strip_prefix(open)?.strip_suffix(close)?;
    let (status, name) = inner.split_once(' ')?;
    crate::page::status_number(status)?;
    let capitals = name.chars().any(|c| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == ' ' || c == '_');
    let lower_case_word =
        !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    (capitals || lower_case_word)
        .then(|| (status.to_string(), name.to_string(), format!("{open}{{statuses}} {{value}}{close}")))
}

/// A cell of a status and a message the API sends with it, as a table of messages by status
/// writes them (`401 - Incorrect API key provided`, `429: You exceeded your current quota,
/// please check your plan`): the status, the message, and the template that writes a value's
/// status and message so.
pub(super) fn status_and_message(cell: &str) -> Option<(u16, String, String)> {
    const SEPARATORS: &[&str] = &[" - ", " – ", " — ", ": "];
    let (open, close) = wrapping(cell);
    let inner = cell.trim().strip_prefix(open)?.strip_suffix(close)?;
    let code_len = inner.find(|c: char| !c.is_ascii_digit())?;
    let code = inner[..code_len].parse::<u16>().ok().filter(|code| (100..=599).contains(code))?;
    let rest = &inner[code_len..];
    let separator = SEPARATORS.iter().find(|separator| rest.starts_with(**separator))?;
    let message = unescape(rest[separator.len()..].trim());
    (!message.is_empty()).then(|| (code, message, format!("{open}{{statuses}}{separator}{{value}}{close}")))
}

/// What follows a code as its phrase (`(OK)`, ` - OK`, `: OK`, ` OK`), and the template that
/// writes a code and its reason so.
fn phrase_after(rest: &str, open: &str, close: &str) -> Option<(String, String)> {
    const SEPARATORS: &[&str] = &[" - ", " – ", " — ", ": ", " "];
    let separator = SEPARATORS.iter().find(|separator| rest.starts_with(**separator))?;
    let phrase = rest[separator.len()..].trim();
    let (phrase, template) = match phrase.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(inside) if *separator == " " => (inside, format!("{open}{{code}} ({{reason}}){close}")),
        _ => (phrase, format!("{open}{{code}}{separator}{{reason}}{close}")),
    };
    (!phrase.is_empty() && phrase.chars().all(|c| c.is_ascii_alphanumeric() || " -'_".contains(c)))
        .then(|| (phrase.to_string(), template))
}

/// A cell naming one code the way code tables do: a code span, or a word of letters, digits,
/// `_`, `.`, `:` and `-`, bare or bold (`INVALID_REQUEST`, `E0000011`, `**RecordNotFound**`,
/// `10003`), or a negative number (`-32602`), or one of those ending in `*` (a class of codes).
pub(super) fn is_code_cell(cell: &str) -> bool {
    let text = strip_code(cell);
    // A class of codes written with a wildcard (`08*`, PostgreSQL's), as its own entry.
    let text = text.strip_suffix('*').filter(|rest| !rest.is_empty()).unwrap_or(&text);
    is_code_span(cell)
        || (!text.is_empty()
            && text.chars().all(|c| c.is_ascii_alphanumeric() || "_.:-".contains(c))
            && (text.chars().next().is_some_and(|c| c.is_ascii_alphanumeric()) || is_negative_number(text)))
}

/// The pattern of the values a code cell stands for, where it writes a family of them rather
/// than one: a code with `*` in it (`*_NOT_FOUND`, `08*`: the cell is the pattern), digits
/// ending in `X`s (`4000X`, `5xxxx`: each `X` one digit, `4000?`), or a row of every other code
/// (`(other)`, `All others`: `*`).
pub(super) fn family_pattern(cell: &str) -> Option<String> {
    let text = strip_code(cell);
    let bare = text.trim_start_matches('(').trim_end_matches(')').trim().to_lowercase();
    const OTHERS: &[&str] = &["other", "others", "any other", "all other", "all others", "everything else", "*"];
    if OTHERS.contains(&bare.as_str()) {
        return Some("*".into());
    }
    if text.contains('*') && is_code_cell(&text.replace('*', "A")) {
        return Some(text);
    }
    let digits = text.trim_end_matches(['X', 'x']);
    let wild = text.len() - digits.len();
    if wild > 0 && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return Some(format!("{digits}{}", "?".repeat(wild)));
    }
    // (Or parts of `X`s among others, Ahrvo's `EC-AUTH-XXXX`.)
    placeholder_pattern(&text).or_else(|| range_pattern(&text))
}

/// The pattern of a range of integer codes that runs over every number of its last digits
/// (WatchData's `-32000 to -32099`: `-320??`; `1000-1999`: `1???`); none for another range.
pub(super) fn range_pattern(text: &str) -> Option<String> {
    let number = |part: &str| {
        let part = part.trim();
        let digits = part.strip_prefix(['-', '−']).unwrap_or(part);
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| part.replace('−', "-"))
    };
    let (low, high) = [" to ", " – ", "–", " - "]
        .iter()
        .find_map(|separator| text.split_once(separator))
        .or_else(|| text.strip_prefix('-').is_none().then(|| text.split_once('-')).flatten())?;
    let (low, high) = (number(low)?, number(high)?);
    let shared = low.bytes().zip(high.bytes()).take_while(|(a, b)| a == b).count();
    let (low_rest, high_rest) = (&low[shared..], &high[shared..]);
    let full = low.len() == high.len()
        && !low_rest.is_empty()
        && low_rest.bytes().all(|b| b == b'0')
        && high_rest.bytes().all(|b| b == b'9');
    // (A negative range runs from its smaller magnitude: `-32000 to -32099`.)
    full.then(|| format!("{}{}", &low[..shared], "?".repeat(low_rest.len())))
}

/// The pattern of a code written with placeholders for its characters (VMware's `VMW-XXX-XXX`:
/// `VMW-???-???`): parts of `X`s alone, two or more, beside a part that is not.
pub(super) fn placeholder_pattern(value: &str) -> Option<String> {
    let parts: Vec<&str> = value.split(['-', '_', '.', ':']).collect();
    let placeholder = |part: &&str| part.len() >= 2 && part.bytes().all(|b| b == b'X');
    if parts.len() < 2 || !parts.iter().any(placeholder) || parts.iter().all(placeholder) {
        return None;
    }
    let mut pattern = String::new();
    let mut rest = value;
    for part in &parts {
        pattern.push_str(&if placeholder(part) { "?".repeat(part.len()) } else { part.to_string() });
        rest = &rest[part.len()..];
        if let Some(separator) = rest.chars().next() {
            pattern.push(separator);
            rest = &rest[separator.len_utf8()..];
        }
    }
    Some(pattern)
}

/// Whether a family's pattern stands for integer codes only (`4000?`, `08*`, `*`).
pub(super) fn integer_pattern(pattern: &str) -> bool {
    // (A family written with a leading zero, Haivision's `00xxxx`, is of codes sent as text:
    // no number is written so.)
    let leading_zero = pattern.len() > 1 && pattern.starts_with('0');
    !leading_zero && pattern.chars().all(|c| c.is_ascii_digit() || "-*?".contains(c))
}

/// A negative integer, as some APIs' codes are (`-32602`, JSON-RPC's).
fn is_negative_number(text: &str) -> bool {
    text.strip_prefix('-').is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// A cell naming an HTTP header: `Retry-After`, `` `X-RateLimit-Limit` ``.
pub(super) fn is_header_cell(cell: &str) -> bool {
    let text = strip_code(cell);
    crate::page::header_names(&text).next() == Some(text.as_str()) || text.eq_ignore_ascii_case("request-id")
}

/// A cell naming a header the way a page of lower-case names writes it: words of lower-case
/// letters and digits joined by `-` (`x-ratelimit-limit-requests`, `retry-after`).
pub(super) fn is_lower_case_header_cell(cell: &str) -> bool {
    let text = strip_code(cell);
    let words: Vec<&str> = text.split('-').collect();
    words.len() >= 2
        && words.iter().all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
}

/// A cell naming a header no body member is named like: `Retry-After`, a request id, a rate
/// limit's figure, an `X-` header (in any case).
pub(super) fn is_known_header_cell(cell: &str) -> bool {
    let bare = super::names::bare(&strip_code(cell));
    strip_code(cell).to_lowercase().starts_with("x-")
        || ["retryafter", "requestid", "ratelimit"].iter().any(|known| bare.contains(known))
}

/// The words a yes/no column writes (`Yes/No`, `✓/✗`), as a cell form: the page's own for
/// whichever it shows, the usual partner for the other.
pub(super) fn yes_no_form(cells: &[&str]) -> String {
    let word = |wanted: bool| cells.iter().map(|c| strip_code(c)).find(|c| yes_no(c) == Some(wanted));
    let partner = |word: &str, wanted: bool| -> String {
        const PAIRS: &[(&str, &str)] = &[
            ("Yes", "No"),
            ("yes", "no"),
            ("YES", "NO"),
            ("true", "false"),
            ("True", "False"),
            ("✓", "✗"),
            ("✔", "✘"),
            ("✅", "❌"),
            ("✔️", "✖️"),
            ("Required", "Optional"),
            ("required", "optional"),
            ("Y", "N"),
        ];
        PAIRS
            .iter()
            .find_map(|(yes, no)| match wanted {
                true if *no == word => Some(yes.to_string()),
                false if *yes == word => Some(no.to_string()),
                _ => None,
            })
            .unwrap_or_else(|| if wanted { "Yes".into() } else { "No".into() })
    };
    let (yes, no) = match (word(true), word(false)) {
        (Some(yes), Some(no)) => (yes, no),
        (Some(yes), None) => (yes.clone(), partner(&yes, false)),
        (None, Some(no)) => (partner(&no, true), no),
        (None, None) => ("Yes".into(), "No".into()),
    };
    format!("{yes}/{no}")
}

/// The markup around a cell's text: a code span's backticks (and the quotes of a JSON string
/// in it: `` `"invalid_json"` ``) or bold's asterisks.
pub(super) fn wrapping(cell: &str) -> (&'static str, &'static str) {
    if is_code_span(cell) {
        let inner = &cell[1..cell.len() - 1];
        if crate::page::unquoted(inner).len() < inner.len() {
            ("`\"", "\"`")
        } else {
            ("`", "`")
        }
    } else if cell.starts_with("**") && cell.ends_with("**") && cell.len() > 4 {
        ("**", "**")
    } else {
        ("", "")
    }
}

pub(super) fn yes_no(cell: &str) -> Option<bool> {
    match strip_code(cell).to_lowercase().as_str() {
        // (`Y` and `N` in capitals only: MyFitnessPal's `Required` column.)
        _ if cell.trim() == "Y" => Some(true),
        _ if cell.trim() == "N" => Some(false),
        "yes" | "true" | "✓" | "✔" | "✅" | "✔️" | "required" => Some(true),
        "no" | "false" | "✗" | "✘" | "❌" | "✖️" | "✖" | "optional" => Some(false),
        _ => None,
    }
}

/// What a page writes in a cell that states nothing.
const PLACEHOLDERS: &[&str] = &["", "—", "–", "-", "n/a", "N/A"];

pub(super) fn is_placeholder(cell: &str) -> bool {
    PLACEHOLDERS.contains(&cell.trim())
}

pub(super) fn is_yes_no_column(cells: &[&str]) -> bool {
    cells.iter().all(|c| is_placeholder(c) || yes_no(c).is_some())
}

/// A retry cell that hedges (OrgX's `Usually no`, `Depends`): what it leans to, if anything.
pub(super) fn hedged(cell: &str) -> Option<Option<bool>> {
    match strip_code(cell).trim().trim_end_matches('.').to_lowercase().as_str() {
        "usually no" | "generally no" | "mostly no" | "rarely" | "not usually" => Some(Some(false)),
        "usually yes" | "generally yes" | "mostly yes" | "usually" | "often" => Some(Some(true)),
        "depends" | "it depends" | "sometimes" | "maybe" | "conditionally" => Some(None),
        // A yes or no, or a hedge, with a qualification after it (Goldsky's `Yes, after a
        // pause`; Ardent's `No. Fix the request first`, `Usually no. Fetch the state`).
        said => {
            let (answer, _) = qualified(said)?;
            yes_no(answer).map(Some).or_else(|| hedged(answer))
        }
    }
}

/// A retry cell's answer and the words that qualify it, set apart by a sign (`Yes, with backoff`,
/// `No. Fix the body`): both, where words follow.
fn qualified(said: &str) -> Option<(&str, &str)> {
    let at = said.find([',', '(', ';', ':', '.', '\u{2013}', '\u{2014}']).or_else(|| said.find(" -"))?;
    let (answer, rest) = said.split_at(at);
    let rest = rest.trim_start_matches([',', '(', ';', ':', '.', '-', '\u{2013}', '\u{2014}', ' ']);
    rest.chars().any(char::is_alphanumeric).then_some((answer, rest))
}

/// A column of yes or no, some cells of which may hedge (`Usually no`), one a plain yes or no at
/// least, with words after it or not (`Yes, with backoff`).
pub(super) fn is_retry_column(cells: &[&str]) -> bool {
    let plain = |cell: &&str| {
        let said = strip_code(cell).to_lowercase();
        yes_no(cell).is_some() || qualified(said.trim()).is_some_and(|(answer, _)| yes_no(answer).is_some())
    };
    cells.iter().any(plain) && cells.iter().all(|c| is_placeholder(c) || yes_no(c).is_some() || hedged(c).is_some())
}

/// A column's template: `{fact}` (`{fact:form}` with a form), or `{fact?—}` where some rows hold
/// the page's placeholder (one placeholder per column; two kinds would not rebuild, and the table
/// is then dropped).
pub(super) fn fact_cell(fact: &str, form: Option<&str>, cells: &[&str]) -> String {
    let fact = match form {
        Some(form) => format!("{fact}:{form}"),
        None => fact.to_string(),
    };
    match cells.iter().find(|c| is_placeholder(c)) {
        Some(placeholder) => format!("{{{fact}?{}}}", placeholder.trim()),
        None => format!("{{{fact}}}"),
    }
}

/// The statuses a cell writes with their reason phrases (`400 Bad Request, 413 Payload Too
/// Large`): each code, and the words after it.
pub(super) fn status_phrases(cell: &str) -> Vec<(u16, String)> {
    strip_code(cell)
        .split([',', '/'])
        .filter_map(|part| {
            let (code, phrase) = part.trim().split_once(' ')?;
            let code: u16 = code.trim_end_matches(':').parse().ok().filter(|c| (100..=599).contains(c))?;
            let phrase = phrase.trim_start_matches(['-', '—', '–', ' ', '(']).trim();
            Some((code, phrase.strip_suffix(')').filter(|_| !phrase.contains('(')).unwrap_or(phrase).to_string()))
        })
        .filter(|(_, phrase)| !phrase.is_empty())
        .collect()
}

/// How a column of statuses writes them (`401, 403`, `400 Bad Request`), as a form of the
/// `statuses` fact; `None` for the default `500/503`.
///
/// Written with reasons, the text between a code and its reason is the form's (`400: Bad
/// Request` is `: reason`); a column that also writes bare codes (`404`) writes the reason where
/// the catalog states it (`: stated reason`).
pub(super) fn statuses_form(cells: &[&str]) -> Option<String> {
    let written: Vec<&str> = cells.iter().copied().filter(|c| !is_placeholder(c)).collect();
    let separators: Vec<Option<String>> = written.iter().map(|cell| reason_separator(cell)).collect();
    let separator = separators.iter().flatten().next();
    if let Some(separator) = separator {
        let one_way = separators.iter().flatten().all(|s| s == separator);
        let stated = if separators.iter().any(Option::is_none) { "stated " } else { "" };
        let between = if separator == " " || !one_way { "" } else { separator.as_str() };
        let closing = if one_way && separator.contains('(') { ")" } else { "" };
        Some(format!("{between}{stated}reason{closing}"))
    } else if written.iter().any(|c| c.contains(", ")) {
        Some(", ".into())
    } else {
        None
    }
}

/// The statuses a cell names in words of its own, which no list of statuses writes (`4xx (502
/// when the upstream answered 5xx)`): it starts with a status or a class of them; the statuses
/// its words name (none, for a class alone).
pub(super) fn statuses_said(cell: &str) -> Option<Vec<u16>> {
    let text = strip_code(cell);
    let first = text.split_whitespace().next()?.trim_matches(|c: char| !c.is_ascii_alphanumeric());
    let class = first.len() == 3 && first.ends_with("xx") && first.starts_with(['1', '2', '3', '4', '5']);
    if crate::page::status_codes(&text).is_some() || !(class || crate::page::status_number(first).is_some()) {
        return None;
    }
    let named = text.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_ascii_digit()));
    Some(named.filter_map(crate::page::status_number).collect())
}

/// The text between a status cell's first code and the reason after it (`: ` of `400: Bad
/// Request`), or `None` for a code written bare.
fn reason_separator(cell: &str) -> Option<String> {
    let text = strip_code(cell);
    let text = text.trim();
    let after = text.trim_start_matches(|c: char| c.is_ascii_digit());
    let start = after.find(|c: char| c.is_ascii_alphabetic())?;
    let between = &after[..start];
    // (Only a separator: not `, 404 Not Found` after a first bare code. A parenthesis opened
    // closes the cell: `401 (Unauthorized)`.)
    let closed = !between.contains('(') || text.ends_with(')');
    (closed && between.chars().all(|c| " :-—–(".contains(c))).then(|| between.to_string()).filter(|b| !b.is_empty())
}

/// The JSON type a field table's `Type` cell names.
pub(super) fn json_type(cell: &str) -> Option<FieldType> {
    Some(match strip_code(cell).trim() {
        "string" => FieldType::String,
        "integer" | "int" => FieldType::Integer,
        "number" | "float" => FieldType::Number,
        "boolean" | "bool" => FieldType::Boolean,
        "any" => FieldType::Any,
        // Until a table or an example says more: an object of free members, a list of anything.
        "object" => FieldType::Map(Box::new(FieldType::Any)),
        "array" => FieldType::Array(Box::new(FieldType::Any)),
        _ => return None,
    })
}

/// The words a type cell may end with for a member sent only sometimes (SuiteOp's `array,
/// optional`).
const OPTIONAL_AFTER_TYPE: [&str; 2] = [", optional", " (optional)"];

/// What a field table's type cell says of a member.
#[derive(Debug, PartialEq)]
pub(super) struct TypeCell {
    pub ty: FieldType,
    /// A string's format, in angle brackets after the type (`string<uri>`, as references drawn
    /// from OpenAPI write it).
    pub format: Option<StringFormat>,
    /// The words after the type that say the member is optional (`array, optional`).
    pub optional: Option<&'static str>,
    /// The words after the type that say the member may be `null` (`object or null`).
    pub nullable: Option<&'static str>,
}

/// The words a type cell may end with for a member that may be `null` (Evermont's `object or
/// null`).
const NULL_AFTER_TYPE: [&str; 3] = [" or null", " | null", "|null"];

/// A type cell's JSON type, the format after it, and the words that say the member is
/// optional or may be `null`, where it has them (`array, optional`, `string<date-time>`,
/// `object or null`).
pub(super) fn type_cell(cell: &str) -> Option<TypeCell> {
    // (A bar the Markdown cell escapes, `object \| null`, is a bar of the type's words.)
    let lower = strip_code(cell).replace("\\|", "|").to_lowercase();
    let optional = OPTIONAL_AFTER_TYPE.into_iter().find(|words| lower.ends_with(words));
    let typed = lower.strip_suffix(optional.unwrap_or_default()).unwrap_or(&lower);
    let nullable = NULL_AFTER_TYPE.into_iter().find(|words| typed.ends_with(words));
    let typed = typed.strip_suffix(nullable.unwrap_or_default()).unwrap_or(typed);
    let (typed, format) = match typed.strip_suffix('>').and_then(|rest| rest.split_once('<')) {
        Some((typed, format)) => (typed, Some(StringFormat::named(format)?)),
        None => (typed, None),
    };
    let ty = json_type(typed)?;
    (format.is_none() || ty == FieldType::String).then_some(TypeCell { ty, format, optional, nullable })
}

/// A type as GraphQL writes it (`String!`, `[String!]!`, `Int`, `ErrorCode!`): the JSON type it
/// stands for, and whether it is marked non-null (`!`, a member always there). A type of the
/// schema's own (`ErrorCode`, `FieldErrors`) stands for any JSON value: the page does not say
/// what it is.
pub(super) fn graphql_type(cell: &str) -> Option<(FieldType, bool)> {
    let text = strip_code(cell);
    let text = text.trim();
    let (inner, non_null) = match text.strip_suffix('!') {
        Some(inner) => (inner, true),
        None => (text, false),
    };
    if let Some(element) = inner.strip_prefix('[').and_then(|rest| rest.strip_suffix(']')) {
        let (element, _) = graphql_type(element)?;
        return Some((FieldType::Array(Box::new(element)), non_null));
    }
    let ty = match inner {
        "String" | "ID" => FieldType::String,
        "Int" => FieldType::Integer,
        "Float" => FieldType::Number,
        "Boolean" => FieldType::Boolean,
        name if name.starts_with(|c: char| c.is_ascii_uppercase())
            && name.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            FieldType::Any
        }
        _ => return None,
    };
    Some((ty, non_null))
}

/// Whether a column's cells write GraphQL's types: each one, and one at least marked as GraphQL
/// marks them (non-null `!`, a list in brackets) or a scalar JSON has no name for (`Int`, `ID`).
pub(super) fn graphql_types(cells: &[&str]) -> bool {
    let marked = |cell: &&str| {
        let text = strip_code(cell);
        text.ends_with('!') || text.starts_with('[') || ["Int", "Float", "ID"].contains(&text.trim())
    };
    cells.iter().all(|cell| graphql_type(cell).is_some()) && cells.iter().any(marked)
}

/// The JSON type of a type cell the catalog writes as said (`{type_said|type}`), as its types
/// cannot say it: types one or another (CAIL Health's `string or array of strings`, OrgX's
/// `string or object`: any JSON value), or a platform's name for a type (Ayom's .NET `Int32`:
/// an integer).
pub(super) fn said_type(cell: &str) -> Option<FieldType> {
    if type_cell(cell).is_some() {
        return None;
    }
    let lower = strip_code(cell).trim().to_lowercase();
    let platform = match lower.as_str() {
        "int16" | "int32" | "int64" | "uint16" | "uint32" | "uint64" | "long" | "short" => Some(FieldType::Integer),
        "double" | "single" | "decimal" => Some(FieldType::Number),
        "datetime" | "datetimeoffset" | "guid" | "uri" => Some(FieldType::String),
        "map" | "dictionary" => Some(FieldType::Map(Box::new(FieldType::Any))),
        _ => None,
    };
    if platform.is_some() {
        return platform;
    }
    // (A list as TypeScript writes it, Superbank's `string[]`.)
    if let Some(element) = lower.strip_suffix("[]").and_then(json_type) {
        return Some(FieldType::Array(Box::new(element)));
    }
    // (A type and its format in brackets, VMware's `string (date-time)`.)
    let formatted = lower.strip_suffix(')').and_then(|rest| rest.split_once(" ("));
    if let Some((typed, _)) = formatted.filter(|(_, format)| StringFormat::named(format).is_some()) {
        return json_type(typed).filter(|ty| *ty == FieldType::String);
    }
    // (Or an array or object and the name of its schema in brackets, the Department for
    // Education's `array (ErrorViewModel)`: of that JSON type.)
    let named = |name: &str| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if let Some((typed, _)) = formatted.filter(|(_, name)| named(name)) {
        return json_type(typed).filter(|ty| matches!(ty, FieldType::Array(_) | FieldType::Map(_)));
    }
    let one_type = |part: &str| {
        let part = part.trim();
        let listed = ["array of ", "list of "].iter().find_map(|of| part.strip_prefix(of));
        let element = listed.map(|items| items.strip_suffix('s').unwrap_or(items));
        json_type(element.unwrap_or(part)).is_some()
    };
    let parts: Vec<&str> = lower.split(" or ").collect();
    (parts.len() >= 2 && parts.iter().all(|part| one_type(part))).then_some(FieldType::Any)
}

pub(super) fn is_code_span(cell: &str) -> bool {
    cell.len() > 2 && cell.starts_with('`') && cell.ends_with('`') && !cell[1..cell.len() - 1].contains('`')
}

/// A cell's text without the markup around it: a code span's backticks, bold's asterisks.
pub(super) fn strip_code(cell: &str) -> String {
    let cell = cell.trim();
    let (open, close) = wrapping(cell);
    let inner = &cell[open.len()..cell.len() - close.len()];
    // (A negative number typeset with the minus sign, `−32700`, is the wire's `-32700`; the key
    // column's template writes the sign back.)
    match inner.strip_prefix(crate::facts::MINUS_SIGN) {
        Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => format!("-{digits}"),
        _ => inner.to_string(),
    }
}

/// The template of a key column (`{value}`, `{name}`) that writes each cell's markup back:
/// `` `{value}` `` when every cell is a code span, `**{value}**` when every one is bold.
pub(super) fn key_template(cells: &[&str], fact: &str) -> String {
    let (open, close) = cells.first().map_or(("", ""), |first| wrapping(first));
    let (open, close) = if cells.iter().all(|c| wrapping(c) == (open, close)) { (open, close) } else { ("", "") };
    let minus_signed = |cell: &&str| strip_code(cell).starts_with('-') && !cell.contains('-');
    let form = if cells.iter().any(minus_signed) { format!(":{}", crate::facts::MINUS_SIGN) } else { String::new() };
    format!("{open}{{{fact}{form}}}{close}")
}

/// Cell text as the catalog states it: the table syntax's escapes undone.
pub(super) fn unescape(cell: &str) -> String {
    cell.replace("\\|", "|").replace("<br>", "\n").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::{
        class_and_name, family_pattern, graphql_type, graphql_types, hedged, is_retry_column, is_yes_no_column,
        numbered_name, said_type, status_and_name, statuses_said, type_cell, yes_no, yes_no_form, TypeCell,
    };
    use crate::model::{FieldType, StringFormat};

    #[test]
    fn a_range_over_every_number_of_its_last_digits_is_a_family() {
        assert_eq!(family_pattern("-32000 to -32099").as_deref(), Some("-320??"));
        assert_eq!(family_pattern("1000-1999").as_deref(), Some("1???"));
        assert_eq!(family_pattern("`5000 – 5099`").as_deref(), Some("50??"));
        assert_eq!(family_pattern("1000-1500"), None, "not every number of its last digits");
        assert_eq!(family_pattern("400 - Bad request"), None);
    }

    #[test]
    fn a_type_cell_may_write_graphql_types() {
        assert_eq!(graphql_type("String!"), Some((FieldType::String, true)));
        assert_eq!(graphql_type("`[String!]`"), Some((FieldType::Array(Box::new(FieldType::String)), false)));
        assert_eq!(graphql_type("ErrorCode!"), Some((FieldType::Any, true)));
        assert_eq!(graphql_type("Int"), Some((FieldType::Integer, false)));
        assert_eq!(graphql_type("string or null"), None);
        assert!(graphql_types(&["String!", "ErrorCode!", "FieldErrors"]));
        assert!(!graphql_types(&["ValidationError", "NotFound"]), "names of kinds of error, no types");
    }

    #[test]
    fn a_retry_column_may_hedge() {
        assert!(is_retry_column(&["No", "Usually no", "Depends", "Yes"]));
        assert!(!is_retry_column(&["Usually no", "Depends"]), "no plain yes or no");
        assert!(!is_retry_column(&["No", "Only on Tuesdays"]));
        // A code written with placeholders for its characters.
        assert_eq!(super::placeholder_pattern("VMW-XXX-XXX").as_deref(), Some("VMW-???-???"));
        assert_eq!(super::placeholder_pattern("ERR_XX").as_deref(), Some("ERR_??"));
        assert_eq!(super::placeholder_pattern("XXX-XXX"), None, "placeholders alone");
        assert_eq!(super::placeholder_pattern("MAX_X"), None, "one X is a letter");
        assert_eq!(super::placeholder_pattern("INVALID_REQUEST"), None);
        assert_eq!(super::family_pattern("`EC-AUTH-XXXX`").as_deref(), Some("EC-AUTH-????"));
        assert_eq!(hedged("Usually no"), Some(Some(false)));
        assert_eq!(hedged("Yes, after a pause"), Some(Some(true)));
        assert_eq!(hedged("No (the request is wrong)"), Some(Some(false)));
        assert_eq!(hedged("No"), None, "a plain no is no hedge");
        assert_eq!(hedged("Now, or later"), None);
        assert_eq!(hedged("No. Fix the request first"), Some(Some(false)));
        assert_eq!(hedged("Usually no. Fetch the state and decide"), Some(Some(false)));
        assert!(is_retry_column(&["No. Fix it", "Usually no. Look", "Yes, with backoff"]), "answers with words");
        assert_eq!(hedged("Depends."), Some(None));
        assert_eq!(hedged("No"), None);
        // (`Y` and `N` in capitals, as MyFitnessPal's `Required` column writes them.)
        assert!(is_yes_no_column(&["Y", "N", ""]));
        assert_eq!(yes_no_form(&["Y", "N"]), "Y/N");
        assert_eq!(yes_no("y"), None, "a lower-case letter says nothing");
    }

    #[test]
    fn a_type_cell_may_say_types_the_catalog_cannot() {
        assert_eq!(said_type("string or array of strings"), Some(FieldType::Any));
        assert_eq!(said_type("`string or object`"), Some(FieldType::Any));
        assert_eq!(said_type("Int32"), Some(FieldType::Integer));
        assert_eq!(said_type("object or null"), None, "a type that may be null");
        assert_eq!(said_type("string"), None);
        assert_eq!(said_type("string (date-time)"), Some(FieldType::String), "its format in brackets");
        assert_eq!(said_type("string[]"), Some(FieldType::Array(Box::new(FieldType::String))));
        assert!(type_cell("object \\| null").is_some_and(|cell| cell.nullable.is_some()), "null after an escaped bar");
        assert_eq!(said_type("integer (date-time)"), None);
        assert_eq!(said_type("String"), None, "a JSON type, capitalized");
        assert_eq!(said_type("string or a URL"), None);
    }

    #[test]
    fn a_code_cell_may_write_a_family_of_codes() {
        assert_eq!(family_pattern("4000X").as_deref(), Some("4000?"));
        assert_eq!(family_pattern("`5xxxx`").as_deref(), Some("5????"));
        assert_eq!(family_pattern("`*_NOT_FOUND`").as_deref(), Some("*_NOT_FOUND"));
        assert_eq!(family_pattern("08*").as_deref(), Some("08*"));
        assert_eq!(family_pattern("(other)").as_deref(), Some("*"));
        assert_eq!(family_pattern("All others").as_deref(), Some("*"));
        assert_eq!(family_pattern("40001"), None);
        assert_eq!(family_pattern("XX"), None, "no digits before the wildcards");
        assert_eq!(family_pattern("E1XXX"), None, "a letter before the digits: a code of its own");
        assert_eq!(family_pattern("INVALID_X"), None);
        assert_eq!(family_pattern("**bold**"), None);
    }

    #[test]
    fn a_type_cell_may_say_the_member_is_optional_and_its_format() {
        let string = TypeCell { ty: FieldType::String, format: None, optional: None, nullable: None };
        assert_eq!(type_cell("string"), Some(string));
        assert_eq!(type_cell("`array`, optional").and_then(|cell| cell.optional), Some(", optional"));
        let integer = TypeCell { ty: FieldType::Integer, format: None, optional: Some(" (optional)"), nullable: None };
        assert_eq!(type_cell("Integer (optional)"), Some(integer));
        assert_eq!(type_cell("string, nullable"), None);
        assert_eq!(type_cell("string<uri>").and_then(|cell| cell.format), Some(StringFormat::Uri));
        assert_eq!(type_cell("string<date-time>, optional").and_then(|cell| cell.format), Some(StringFormat::DateTime));
        assert_eq!(type_cell("integer<int32>"), None, "no string format");
        assert_eq!(type_cell("string<colour>"), None);
        assert_eq!(type_cell("object or null").and_then(|cell| cell.nullable), Some(" or null"));
    }

    #[test]
    fn a_class_with_its_name_as_a_status_with_its_reason() {
        assert_eq!(class_and_name("`5xx`"), Some(("5xx".into(), None)));
        let named = class_and_name("50X - Server Errors");
        assert_eq!(named, Some(("50X".into(), Some(("Server Errors".into(), "{code} - {reason}".into())))));
        assert_eq!(class_and_name("500 - Server Error"), None, "a status is no class");
        assert_eq!(class_and_name("5xx errors!"), None, "no name a reason could be");
    }

    #[test]
    fn a_name_in_capitals_after_its_status() {
        let named = status_and_name("400 FAILED PRECONDITION");
        assert_eq!(named, Some(("400".into(), "FAILED PRECONDITION".into(), "{statuses} {value}".into())));
        assert_eq!(status_and_name("`409 ALREADY_EXISTS`").map(|(_, _, t)| t), Some("`{statuses} {value}`".into()));
        assert_eq!(status_and_name("400 Bad Request"), None, "a reason phrase");
        assert_eq!(status_and_name("4000 INVALID"), None, "no status");
    }

    #[test]
    fn statuses_said_in_words_of_a_cell_of_its_own() {
        assert_eq!(statuses_said("4xx (502 when the upstream answered 5xx)"), Some(vec![502]));
        assert_eq!(statuses_said("429, or 503 when overloaded"), Some(vec![429, 503]));
        assert_eq!(statuses_said("401, 403"), None, "a list of statuses");
        assert_eq!(statuses_said("when known"), None);
    }

    #[test]
    fn a_cell_of_a_number_and_a_name_in_code_style_names_a_code() {
        let named = |code: &str, name: &str, template: &str| Some((code.into(), name.into(), template.into()));
        assert_eq!(numbered_name("4 INVALID_PARAMETERS"), named("4", "INVALID_PARAMETERS", "{value} {title}"));
        assert_eq!(numbered_name("0 SUCCESS"), named("0", "SUCCESS", "{value} {title}"));
        assert_eq!(numbered_name("`-1121 - BAD_SYMBOL`"), named("-1121", "BAD_SYMBOL", "`{value} - {title}`"));
        assert_eq!(numbered_name("404 Not Found"), None, "a status and its reason");
        assert_eq!(numbered_name("429 Too many requests"), None);
        assert_eq!(numbered_name("INVALID_PARAMETERS"), None);
        assert_eq!(numbered_name("`10002` Missing API Key"), named("10002", "Missing API Key", "`{value}` {title}"));
        assert_eq!(numbered_name("10005 Plan Restricted"), named("10005", "Plan Restricted", "{value} {title}"));
        assert_eq!(numbered_name("`400` Bad Request"), None, "a status");
    }
}
