//! Ids and type names for drafted entries, from the page's headings and keys.

use crate::page::Page;
use std::collections::BTreeSet;

/// One catalog section id per page section, from its heading, unique in the page.
pub(super) fn section_ids(page: &Page) -> Vec<String> {
    let mut used = BTreeSet::new();
    page.sections
        .iter()
        .map(|section| {
            let base = slug_or(section.heading.last().map_or("preamble", String::as_str), "section");
            unique(&base, |id| used.insert(id.to_string()), |n| format!("{base}-{n}"))
        })
        .collect()
}

/// `base`, or the first of `numbered(2)`, `numbered(3)`... that `free` accepts.
pub(super) fn unique(base: &str, mut free: impl FnMut(&str) -> bool, numbered: impl Fn(u32) -> String) -> String {
    let mut name = base.to_string();
    let mut n = 2;
    while !free(&name) {
        name = numbered(n);
        n += 1;
    }
    name
}

/// The vocabulary, with a `variant:` for each value whose variant would be a name the
/// generated enum defines itself (`UNKNOWN` as `Unknown`) or another value's (`not-found` and
/// `not_found`): the value's name and the vocabulary's last word (`UnknownCode`), numbered
/// if that is taken too; and for each value that derives no name, signs alone (`...`, `*`):
/// their words (`Star`), else `Value`.
pub(super) fn with_free_variants(mut vocabulary: crate::model::Vocabulary) -> crate::model::Vocabulary {
    let suffix = crate::names::words(&vocabulary.name).last().map(|word| pascal(word)).unwrap_or_default();
    let mut used: BTreeSet<String> = crate::validate::RESERVED_VARIANTS.iter().map(|name| name.to_string()).collect();
    // (A value of signs alone, a table's `...` or `*`, is named by their words, else `Value`: it
    // derives no name.)
    let named = |value: &crate::model::VocabularyValue| match &value.variant {
        Some(variant) => (variant.clone(), false),
        None => match crate::names::pascal_case(vocabulary.variant_names.part(&value.value)) {
            Some(derived) => (derived, false),
            None => match symbol_words(&value.value).as_str() {
                "member" => ("Value".to_string(), true),
                words => (pascal(words), true),
            },
        },
    };
    let derived: Vec<(String, bool)> = vocabulary.values.iter().map(named).collect();
    for (value, (variant, given)) in vocabulary.values.iter_mut().zip(derived) {
        if used.insert(variant.clone()) {
            if given {
                value.variant = Some(variant);
            }
            continue;
        }
        let base = format!("{variant}{suffix}");
        let free = unique(&base, |name| !used.contains(name), |n| format!("{base}{n}"));
        used.insert(free.clone());
        value.variant = Some(free);
    }
    vocabulary
}

/// `Error Types` -> `ErrorType` (singular), unless `taken`.
/// Words after which a heading says how its list is ordered or whose it is.
const PREPOSITIONS: &[&str] = &["by", "for", "per", "from", "in", "on", "with"];

pub(super) fn vocabulary_name(heading: &[String], taken: impl Fn(&str) -> bool) -> String {
    let last = heading.last().map_or("Values", String::as_str);
    // (What the heading lists, not how: `Error codes by status` names `ErrorCode`.)
    let words: Vec<&str> = last.split_whitespace().collect();
    let listed = (1..words.len()).find(|&at| PREPOSITIONS.contains(&words[at].to_lowercase().as_str()));
    let mut name = pascal(&words[..listed.unwrap_or(words.len())].join(" "));
    // (A plural's `s`, not `Status`'s.)
    if name.ends_with('s') && !["ss", "us", "is"].iter().any(|end| name.ends_with(end)) {
        name.pop();
    }
    if name.is_empty() || crate::validate::RESERVED_TYPE_NAMES.contains(&name.as_str()) {
        name = "ErrorCode".into();
    }
    unique(&name, |n| !taken(n), |n| format!("{name}{n}"))
}

/// A Rust name for a member named by symbols alone: their words joined by `_` (`*` is `star`,
/// `$$` is `dollar_dollar`); `member` where no symbol has a word.
pub(super) fn symbol_words(name: &str) -> String {
    let words: Vec<&str> = name
        .chars()
        .filter_map(|c| {
            Some(match c {
                '*' => "star",
                '$' => "dollar",
                '@' => "at",
                '#' => "hash",
                '%' => "percent",
                '&' => "and",
                '+' => "plus",
                '~' => "tilde",
                '!' => "bang",
                '?' => "question",
                '^' => "caret",
                '=' => "equals",
                _ => return None,
            })
        })
        .collect();
    if words.is_empty() {
        "member".into()
    } else {
        words.join("_")
    }
}

/// The first body is the error body; others are named after their heading.
pub(super) fn body_name(heading: &[String], first: bool) -> String {
    if first {
        return "ErrorBody".into();
    }
    let name = pascal(heading.last().map_or("Body", String::as_str));
    if crate::validate::RESERVED_TYPE_NAMES.contains(&name.as_str()) {
        format!("{name}Body")
    } else {
        name
    }
}

/// `Details` -> `Detail`, `entries` -> `entry`: a list's name for one of its items.
pub(super) fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies") {
        format!("{stem}y")
    } else if word.ends_with('s') && !word.ends_with("ss") {
        word[..word.len() - 1].to_string()
    } else {
        word.to_string()
    }
}

pub(super) use crate::names::bare;

pub(super) fn pascal(text: &str) -> String {
    crate::names::pascal_case(text).unwrap_or_default()
}

pub(super) fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// [`slug`], or `fallback` where the text has no letter or digit of ASCII to make one of (a
/// heading in Chinese, `错误响应示例`).
pub(super) fn slug_or(text: &str, fallback: &str) -> String {
    let slug = slug(text);
    if slug.is_empty() {
        fallback.to_string()
    } else {
        slug
    }
}

/// `my_api` -> `My Api`: a placeholder name the maintainer replaces.
pub(super) fn name_from_id(id: &str) -> String {
    id.split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::{vocabulary_name, with_free_variants};
    use crate::model::{Vocabulary, VocabularyValue};

    #[test]
    fn values_whose_variants_are_taken_get_free_ones() {
        let value = |value: &str| VocabularyValue { value: value.into(), ..VocabularyValue::default() };
        let vocabulary = Vocabulary {
            name: "ErrorCode".into(),
            values: vec![value("UNKNOWN"), value("not_found"), value("not-found"), value("ALL"), value("ok")],
            ..Vocabulary::default()
        };
        let variants: Vec<Option<String>> =
            with_free_variants(vocabulary).values.into_iter().map(|value| value.variant).collect();
        let named = |name: &str| Some(name.to_string());
        // `Unknown` is the enum's own (`ALL` is its constant; the value `ALL` is `All`); `not-found`
        // would be `NotFound` again.
        assert_eq!(variants, [named("UnknownCode"), None, named("NotFoundCode"), None, None]);
        // Values of signs alone, which derive no name.
        let signs = Vocabulary {
            name: "ErrorCode".into(),
            values: vec![value("..."), value("*"), value("—")],
            ..Vocabulary::default()
        };
        let variants: Vec<Option<String>> =
            with_free_variants(signs).values.into_iter().map(|value| value.variant).collect();
        assert_eq!(variants, [named("Value"), named("Star"), named("ValueCode")]);
    }

    #[test]
    fn a_member_named_by_symbols_alone_gets_their_words() {
        assert_eq!(super::symbol_words("*"), "star");
        assert_eq!(super::symbol_words("$$"), "dollar_dollar");
        assert_eq!(super::symbol_words("·"), "member");
    }

    #[test]
    fn a_vocabulary_is_named_after_what_its_heading_lists() {
        let name = |heading: &str| vocabulary_name(&[heading.to_string()], |_| false);
        assert_eq!(name("Error codes by status"), "ErrorCode");
        assert_eq!(name("Decline codes"), "DeclineCode");
        assert_eq!(name("Status"), "Status", "no plural");
        assert_eq!(name("Errors"), "ErrorCode", "`Error` is reserved");
        assert_eq!(name("Codes for payments"), "Code");
    }
}
