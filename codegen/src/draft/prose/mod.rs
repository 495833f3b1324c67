//! What the page's prose names beyond its tables: statuses ("a 503 means..."), codes written
//! like the codes its tables list (`TRANSACTION_REFUSED`) or defined by headings and lists, and
//! what it says of the members of bodies. Each status or code becomes an entry traced to the
//! sentence's section, so that `lint` reports it as missing from its table.
//!
//! One module per thing read: [`statuses`], [`codes`], [`members`] and the members a nested
//! list defines ([`model_lists`]); this one walks the prose lines and hands each to them.

mod codes;
mod members;
mod model_lists;
mod statuses;

pub(super) use members::{
    is_member_word, left_out, said_of_the_request, sent_sometimes, starts_with_a_condition, when_there_is_one,
};
pub(super) use statuses::{defined_status, heading_class, heading_reason_status, statuses_in};

use super::Drafter;
use crate::model::{Status, TableRows};
use crate::page::code_spans;
use codes::{capitals_called_codes, defined_code, numbers_called_codes};
use serde_json::Value;
use statuses::{called_success, named_http_status, status_definition};
use std::collections::BTreeSet;

/// What stands between a term a line of a list defines and what it says of it.
const SEPARATORS: [&str; 4] = [": ", " — ", " – ", " - "];

/// Whether a line defines the member that holds the status (`http: the HTTP status code`,
/// `` `status` - the status again ``).
fn defines_the_status_member(line: &str) -> bool {
    SEPARATORS.iter().any(|separator| {
        line.split_once(separator).is_some_and(|(term, _)| {
            let term = term.trim().trim_matches(['`', '*']);
            is_member_word(term) && super::examples::named_for_the_status(term)
        })
    })
}

impl Drafter<'_> {
    /// Statuses and codes the prose names that no table lists.
    pub(super) fn prose(&mut self) {
        // The page outlives the drafter's borrow: its lines are read in place, not copied.
        let page = self.page;
        // Of an API with codes of digits written like statuses (`300`, `406`; Adyen's `"100"`),
        // a number in a code span is a code (`411`), not a status; of one whose codes are not
        // (`-1121`, `10003`, Marketo's `"601"`), `403` is a status still.
        let status_like: BTreeSet<u16> = self
            .vocabularies
            .iter()
            .flat_map(|v| &v.values)
            .filter(|x| x.value.len() == 3)
            .filter_map(|x| x.value.parse::<u16>().ok().filter(|code| (100..=599).contains(code)))
            .collect();
        let status_like_codes = !status_like.is_empty();
        // (The examples' bodies are copied: the draft grows while the page is read.)
        let bodies: Vec<Value> = self.examples.iter().map(|e| e.body.clone()).collect();
        let sent = crate::page::strings_by_member(&bodies);
        for (index, section) in page.sections.iter().enumerate() {
            let source = self.section_ids[index].clone();
            self.heading_status(section, &source);
            // (And the lines of a block that defines terms, as prose would: a snippet's codes.)
            let defined: Vec<String> =
                section.code_blocks.iter().filter_map(|block| block.definitions()).flatten().collect();
            for (at, line) in section.prose.iter().chain(&defined).enumerate() {
                // Most lines hold no number: no status to look for.
                let mut statuses =
                    if line.bytes().any(|b| b.is_ascii_digit()) { statuses_in(line) } else { Vec::new() };
                // Such a code that no table or example gave as a status is the code ("Errors 500
                // and 503 may be retried", of Stack Exchange's `error_id`), unless the line says it
                // is the HTTP status ("the HTTP status is always 200", beside Nextcloud's OCS 200).
                // A success the line names ("200 is success") is no status of the API's errors.
                statuses.retain(|(code, _)| !called_success(line, *code));
                // (Nor one a line defining the member that holds the status gives as one of its
                // values: Finqware's "http: the HTTP status code (200, 4xx, 5xx)".)
                if defines_the_status_member(line) {
                    statuses.retain(|(code, _)| !(200..300).contains(code));
                }
                // A line that defines a status, as a list of them does (`- 429 - Rate Limited:
                // too many requests`), names it as a table's row would, a success too.
                if let Some((code, name, _)) = status_definition(line) {
                    if !statuses.iter().any(|(known, _)| *known == code) {
                        statuses.push((code, name.filter(|name| !crate::model::is_reason_of(code, name))));
                    }
                }
                statuses.retain(|(code, _)| {
                    !status_like.contains(code)
                        || self.statuses.iter().any(|status| status.code == *code)
                        || named_http_status(line, *code)
                });
                let spanned: Vec<&str> = if status_like_codes { code_spans(line).collect() } else { Vec::new() };
                for (code, reason) in
                    statuses.into_iter().filter(|(code, _)| !spanned.contains(&code.to_string().as_str()))
                {
                    let standard = crate::model::standard_reason(code).is_some();
                    let (source, _) = self.free_source(&source, |rows| *rows == TableRows::Statuses);
                    // A line that starts with the status defines it (`**404 Not Found**: no such
                    // route`): what follows the separator is its description.
                    let defined = defined_status(line).filter(|(defined, _)| *defined == code);
                    if let Some((_, said)) = &defined {
                        if self.describe_known_status(code, said, &source) {
                            continue;
                        }
                    }
                    let (description, inferred) = match defined {
                        Some((_, said)) => (said, Vec::new()),
                        None => (format!("Status {code}, which the page names in prose"), vec!["description".into()]),
                    };
                    self.add_status(Status {
                        code,
                        reason: reason.filter(|_| !standard),
                        description,
                        source,
                        inferred,
                        ..Status::default()
                    });
                }
                // A line that defines a code (`` - `missing`: a resource does not exist ``) lists
                // it: a value of the vocabulary its style is, described by the line.
                if let Some((word, said)) = defined_code(line) {
                    self.listed_code(word, &said, &source);
                }
                // (Or an item of a list that is one code alone, written as the API's codes are:
                // Paypercut's `expired_card` under "The card or its issuer refused. For example:",
                // described by the section's first line.)
                let item = section.prose_depths.get(at).is_some_and(|depth| *depth > 0);
                let alone = line.trim().strip_prefix('`').and_then(|rest| rest.strip_suffix('`'));
                if let Some(word) = alone.filter(|word| item && members::is_member_word(word)) {
                    let said = section.prose.first().map_or_else(String::new, |first| first.replace('`', ""));
                    self.listed_code(word, &said, &source);
                }
                // (Codes named bare in a sentence about codes, in capitals.)
                for word in capitals_called_codes(line) {
                    self.listed_code(word, line, &source);
                }
                for word in code_spans(line).chain(numbers_called_codes(line)) {
                    if word.parse::<u16>().is_ok_and(|n| self.statuses.iter().any(|s| s.code == n)) {
                        continue;
                    }
                    self.prose_code(word, line, &source, &sent);
                }
            }
        }
    }
}
