//! How catalog names become Rust names. Wire strings are never derived from Rust names: the
//! generated code writes every wire string literally.

/// Words that cannot be plain Rust identifiers (strict and reserved keywords, 2021 edition and
/// later). `self`, `Self`, `super` and `crate` cannot even be raw identifiers, so the generated
/// code appends `_` instead of using `r#`.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate", "do", "dyn", "else",
    "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro", "match", "mod",
    "move", "mut", "override", "priv", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait",
    "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

/// Appends `_` to keywords so the name is a valid identifier.
pub fn escape_keyword(name: String) -> String {
    if is_keyword(&name) {
        name + "_"
    } else {
        name
    }
}

/// Splits a wire string into words: on anything not alphanumeric, and where a lower-case letter
/// or digit is followed by an upper-case one (`requestId` -> `request`, `Id`).
pub fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut previous: Option<char> = None;
    for c in text.chars() {
        if !c.is_ascii_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            previous = None;
            continue;
        }
        let boundary =
            matches!(previous, Some(p) if (p.is_ascii_lowercase() || p.is_ascii_digit()) && c.is_ascii_uppercase());
        if boundary && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        current.push(c);
        previous = Some(c);
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// `SESSION_EXPIRED` -> `SessionExpired`, `Queue is full` -> `QueueIsFull`.
/// Returns `None` when the text has no ASCII letter or digit to build a name from.
pub fn pascal_case(text: &str) -> Option<String> {
    let mut out = String::new();
    for word in words(text) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars.map(|c| c.to_ascii_lowercase()));
        }
    }
    if out.is_empty() {
        return None;
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'V');
    }
    Some(escape_keyword(out))
}

/// `requestId` -> `request_id`, `type` -> `type_`.
pub fn snake_case(text: &str) -> Option<String> {
    let mut out = words(text).iter().map(|w| w.to_ascii_lowercase()).collect::<Vec<_>>().join("_");
    if out.is_empty() {
        return None;
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, '_');
    }
    Some(escape_keyword(out))
}

/// `retry-after` -> `RETRY_AFTER`.
pub fn screaming_snake_case(text: &str) -> Option<String> {
    snake_case(text).map(|s| s.trim_end_matches('_').to_ascii_uppercase())
}

/// A vocabulary value's constant in the packages for other languages: the Rust variant in upper
/// snake case (`RateLimitExceeded` is `RATE_LIMIT_EXCEEDED`), never starting with a digit.
pub fn constant_name(variant: &str) -> String {
    let name = screaming_snake_case(variant).unwrap_or_else(|| variant.to_uppercase());
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{name}")
    } else {
        name
    }
}

/// A name's letters and digits, lower-case, whatever the page's spelling: `Error code`,
/// `error_code` and `errorCode` are all `errorcode`.
pub fn bare(text: &str) -> String {
    text.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_lowercase()
}

/// Does the text hold letters or digits outside ASCII, which derived Rust names would drop?
pub fn has_non_ascii_alphanumeric(text: &str) -> bool {
    text.chars().any(|c| c.is_alphanumeric() && !c.is_ascii())
}

/// Is `name` usable as a Rust field name as written (snake_case ASCII identifier)?
pub fn is_field_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !is_keyword(name)
        && name != "_"
        // rustc's snake case has no doubled underscore (and `with_<name>` must not get one).
        && !name.trim_start_matches('_').contains("__")
}

/// The builder method that sets an optional field: `with_<field>`, without a keyword's `_` or
/// a digit's leading `_` (`with__2fa` would not be snake case).
pub fn setter_name(field: &str) -> String {
    format!("with_{}", field.trim_matches('_'))
}

/// Is `name` usable as a Rust type name as written (PascalCase ASCII identifier)?
pub fn is_type_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
        && !is_keyword(name)
}

/// The name an example (or a vocabulary, in its lookup test's name) goes by in generated code:
/// its tests and its OpenAPI component. `None` when the id has no ASCII letter or digit.
pub fn example_name(id: &str) -> Option<String> {
    // No keyword or digit escape: the name only ever follows a prefix (`example_<name>`).
    let words: Vec<String> = words(id).iter().map(|w| w.to_ascii_lowercase()).collect();
    (!words.is_empty()).then(|| words.join("_"))
}

/// The JSON Schema `$defs` name of the documented values of the open enum `name`.
pub fn known_name(name: &str) -> String {
    format!("Known{name}")
}

/// The JSON Schema title of the open enum's branch for values the catalog does not know.
pub fn unknown_name(name: &str) -> String {
    format!("Unknown{name}")
}

/// The JSON Schema name of a union's branch for one variant: `DetailErrorInfo`.
pub fn union_variant_name(union: &str, variant: &str) -> String {
    format!("{union}{variant}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pascal_case_of_wire_strings() {
        assert_eq!(pascal_case("SESSION_EXPIRED").unwrap(), "SessionExpired");
        assert_eq!(pascal_case("otp_expired").unwrap(), "OtpExpired");
        assert_eq!(pascal_case("Queue is full").unwrap(), "QueueIsFull");
        assert_eq!(pascal_case("requestId").unwrap(), "RequestId");
        assert_eq!(pascal_case("self").unwrap(), "Self_");
        assert_eq!(pascal_case("404 page").unwrap(), "V404Page");
        assert_eq!(pascal_case("--"), None);
    }

    #[test]
    fn field_names_and_their_setters_are_snake_case() {
        assert!(is_field_name("_2fa") && is_field_name("type_"));
        assert!(!is_field_name("a__b") && !is_field_name("_a__b"));
        assert_eq!(setter_name("_2fa"), "with_2fa");
        assert_eq!(setter_name("type_"), "with_type");
    }

    #[test]
    fn snake_case_of_field_names() {
        assert_eq!(snake_case("requestId").unwrap(), "request_id");
        assert_eq!(snake_case("type").unwrap(), "type_");
        assert_eq!(snake_case("X-RateLimit-Limit").unwrap(), "x_rate_limit_limit");
        assert_eq!(screaming_snake_case("Retry-After").unwrap(), "RETRY_AFTER");
        assert_eq!(snake_case("2fa").unwrap(), "_2fa");
    }

    #[test]
    fn example_names_drop_the_keyword_suffix() {
        // `example_type_round_trips` needs no raw-identifier escape.
        assert_eq!(example_name("type").as_deref(), Some("type"));
        assert_eq!(example_name("rate-limit exceeded").as_deref(), Some("rate_limit_exceeded"));
        assert_eq!(example_name("—"), None);
        // `example__65536_round_trips` would not be snake case.
        assert_eq!(example_name("65536").as_deref(), Some("65536"));
    }
}
