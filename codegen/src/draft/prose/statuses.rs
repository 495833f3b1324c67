//! Statuses the prose names: in sentences ("a 503 is worth trying again"), in lines that define
//! them (`**404 Not Found**: no such route`), and in headings (`## 429 Too Many Requests`, `## 5xx
//! Server errors`).

use super::SEPARATORS;
use crate::draft::Drafter;
use crate::model::{Status, TableRows};

/// Words after which a number is a status: "a 503", "answers 429", "HTTP 500", "401, 403 or 429".
const BEFORE_A_STATUS: &[&str] = &[
    "a",
    "an",
    "the",
    "http",
    "status",
    "code",
    "codes",
    "with",
    "and",
    "or",
    "sometimes",
    "returns",
    "return",
    "answers",
    "answer",
    "answered",
    "getting",
    "get",
    "gets",
    "receive",
    "receives",
    "received",
    "than",
    "every",
];

/// Words after which a number is a count, not a status: "500 requests".
const UNITS: &[&str] = &[
    "requests",
    "request",
    "seconds",
    "second",
    "ms",
    "milliseconds",
    "minutes",
    "minute",
    "hours",
    "hour",
    "days",
    "items",
    "characters",
    "bytes",
    "kb",
    "mb",
    "calls",
    "times",
    "per",
    "%",
    "users",
    "entries",
    "records",
];

/// Does the line call `code` the HTTP status: within the four words after `HTTP status`?
pub(super) fn named_http_status(line: &str, code: u16) -> bool {
    let words: Vec<String> =
        line.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_ascii_alphanumeric()).to_lowercase()).collect();
    let code = code.to_string();
    words.windows(2).enumerate().any(|(at, pair)| {
        pair[0] == "http" && pair[1].starts_with("status") && words[at + 2..].iter().take(4).any(|w| *w == code)
    })
}

/// Does the clause of `line` that names a 2xx status call it a success ("200 is success", "a
/// 204 means it worked"), and not a failure (Paystack's "a 200 ... yet have failed")?
pub(super) fn called_success(line: &str, code: u16) -> bool {
    if !(200..300).contains(&code) {
        return false;
    }
    let code = code.to_string();
    let words = |clause: &str| -> Vec<String> {
        clause.split(|c: char| !c.is_ascii_alphanumeric()).map(str::to_ascii_lowercase).collect()
    };
    let mut clauses = line.split([',', ';', ':', '.']).map(words).filter(|w| w.contains(&code)).peekable();
    clauses.peek().is_some()
        && clauses.all(|w| {
            // (`OK` as the reason phrase after `200` says nothing of success: Horn's error bodies
            // sent with `Code: 200 OK`.)
            let phrase = |at: usize| w[at] == "ok" && at > 0 && w[at - 1] == code;
            let success = w.iter().enumerate().any(|(at, word)| {
                ["success", "successful", "succeeded", "succeeds", "worked", "ok", "accepted"].contains(&word.as_str())
                    && !phrase(at)
            });
            // ("A 202 is not an error", of Coda's writes, carried out later.)
            let no_error =
                w.windows(3).any(|x| x == ["not", "an", "error"]) || w.windows(2).any(|x| x == ["no", "error"]);
            no_error || (success && !w.iter().any(|w| w.starts_with("fail") || w.starts_with("error")))
        })
}

/// The statuses a prose line names, each with the reason phrase written after it, if any
/// ("A 509 Bandwidth Limit Exceeded means...").
pub(in crate::draft) fn statuses_in(line: &str) -> Vec<(u16, Option<String>)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    // Per word, whether its sentence speaks of statuses ("The HTTP status is 401 for
    // authentication errors, 400 for requests that are not valid"): its numbers are statuses.
    let mut of_statuses = vec![false; words.len()];
    let mut start = 0;
    for end in 0..words.len() {
        if words[end].ends_with(['.', '!', '?']) || end + 1 == words.len() {
            let sentence = &words[start..=end];
            let speaks = sentence.iter().any(|w| {
                let w = w.trim_matches(|c: char| !c.is_ascii_alphanumeric()).to_ascii_lowercase();
                w == "status" || w == "http" || w == "statuses"
            });
            of_statuses[start..=end].fill(speaks);
            start = end + 1;
        }
    }
    let mut found: Vec<(u16, Option<String>)> = Vec::new();
    let mut previous_was_status = false;
    for (i, word) in words.iter().enumerate() {
        let bare = word.trim_matches(|c: char| "`*(),.;:".contains(c));
        let Some(code) = crate::page::status_number(bare) else {
            previous_was_status = false;
            continue;
        };
        let word_at = |back: usize| {
            i.checked_sub(back).map(|p| words[p].trim_matches(|c: char| !c.is_ascii_alphanumeric()).to_lowercase())
        };
        let before = word_at(1);
        // A status the line denies ("a 403, not a 429"; "instead of 429") is not the API's.
        let article = matches!(before.as_deref(), Some("a" | "an"));
        let skipped = usize::from(article);
        let denied = matches!(
            (word_at(1 + skipped).as_deref(), word_at(2 + skipped).as_deref()),
            (Some("not"), _) | (Some("of"), Some("instead")) | (Some("than"), Some("rather"))
        );
        // ("a validation error has code `100` and status `422`": the API's code, not a status
        // code.)
        // (But Horn's `Code: 403 Forbidden` names the status, by its reason after it.)
        let a_code = before.as_deref() == Some("code")
            && !word_at(2).is_some_and(|w| ["status", "http", "response", "return"].contains(&w.as_str()))
            && standard_reason_after(&words[i + 1..], code).is_none();
        if denied || a_code {
            previous_was_status = false;
            continue;
        }
        let after = words.get(i + 1).map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '%'));
        // "100 requests" and "250 a minute" count; "413 Request Entity Too Large" names a status.
        let unit_after_article = || {
            after.is_some_and(|w| w == "a" || w == "an")
                && words.get(i + 2).is_some_and(|w| UNITS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
        };
        // (Not the words of the next clause: "HTTP status 400; a request whose key is wrong...")
        let clause_ends = word.ends_with([';', ',', ':', '.']);
        let counted = !clause_ends && (after.is_some_and(|w| UNITS.contains(&w)) || unit_after_article());
        let reason_follows = after.is_some_and(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
        // (Not the bounds of a range: "a status from 400 to 599". A number in a code span may be
        // a code: the caller tells, by the API's codes.)
        let in_a_sentence_of_statuses =
            of_statuses[i] && !before.as_deref().is_some_and(|b| ["from", "to", "through", "between"].contains(&b));
        // ("400 and 401 errors": a status joined to one the words after it name.)
        let joined_to_a_status = || {
            after.is_some_and(|w| ["and", "or", "&"].contains(&w))
                && words.get(i + 2).is_some_and(|next| {
                    crate::page::status_number(next.trim_matches(|c: char| "`*(),.;:".contains(c))).is_some()
                })
                && words.get(i + 3).is_some_and(|w| {
                    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                    ["error", "errors", "response", "responses", "status", "statuses", "codes"].contains(&w)
                })
        };
        let named = previous_was_status
            || joined_to_a_status()
            || in_a_sentence_of_statuses
            || before.as_deref().is_some_and(|b| BEFORE_A_STATUS.contains(&b))
            || reason_follows
            || after.is_some_and(|w| ["error", "errors", "response", "responses", "status"].contains(&w));
        if !named || counted {
            previous_was_status = false;
            continue;
        }
        let reason: Vec<&str> = words[i + 1..]
            .iter()
            .take_while(|w| {
                w.starts_with(|c: char| c.is_ascii_uppercase()) && w.chars().all(|c| c.is_ascii_alphabetic())
            })
            .take(5)
            .copied()
            .collect();
        // (RFC 9110's phrase written without its spaces, `BadRequest`, is that phrase.)
        let reason = match standard_reason_after(&words[i + 1..], code) {
            Some(standard) => Some(standard.to_string()),
            None => (!reason.is_empty()).then(|| reason.join(" ")),
        };
        found.push((code, reason));
        previous_was_status = word.ends_with(',');
    }
    found
}

/// RFC 9110's reason phrase of `code`, where the words after it write it, spaced or not
/// (`Not Found`, `NotFound`), in any case.
fn standard_reason_after(after: &[&str], code: u16) -> Option<&'static str> {
    let squashed = |text: &str| -> String {
        text.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
    };
    let standard = crate::model::standard_reason(code)?;
    let words = standard.split_whitespace().count();
    let written: String = after.iter().take(words).map(|w| squashed(w)).collect();
    (written == squashed(standard) || after.first().is_some_and(|first| squashed(first) == squashed(standard)))
        .then_some(standard)
}

/// The error status a heading names by its reason phrase alone (`Too Many Requests`), or by a
/// response named after it, the phrase without its spaces, after the page's name (`Tote API:
/// TooManyRequests`, as OpenAPI names its responses).
pub(in crate::draft) fn heading_reason_status(heading: &str) -> Option<u16> {
    let heading = heading.trim().trim_matches(['`', '*']);
    let named = heading.rsplit_once(": ").map_or(heading, |(_, name)| name).trim_matches(['`', '*']);
    let spaced = crate::model::status_of_reason(heading);
    let squashed = || {
        let word = named.bytes().all(|b| b.is_ascii_alphanumeric()).then_some(named)?;
        (400..=599).find(|&code| standard_reason_after(&[word], code).is_some())
    };
    spaced.filter(|code| *code >= 400).or_else(squashed)
}

/// A line that starts with a status and says what it means after a separator (`**400 Bad
/// Request**: the body is not JSON`, `404 - Not found. No such route`): the status, and what
/// follows the separator.
pub(in crate::draft) fn defined_status(line: &str) -> Option<(u16, String)> {
    status_definition(line).map(|(code, _, said)| (code, said))
}

/// [`defined_status`], with the name the line gives the status, if any (`Rate Limited` of `429
/// - Rate Limited: too many requests`, whose first separator comes before the name).
pub(super) fn status_definition(line: &str) -> Option<(u16, Option<String>, String)> {
    let text = line.trim_start_matches(|c: char| "-*` ".contains(c));
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let code = crate::page::status_number(&digits)?;
    let rest = &text[digits.len()..];
    // (Or a status in marks of its own, then what it means with no separator: SlideVids's "`400`
    // the request's payload is not valid".)
    let marked = |rest: &str| {
        let opened = line.trim_start_matches(['-', '*', '+', ' ']).starts_with('`');
        let said = rest.strip_prefix('`')?.strip_prefix(' ')?.trim();
        let starts_as_words = said.starts_with(|c: char| c.is_alphabetic()) && said.split_whitespace().count() >= 2;
        (opened && starts_as_words && !said.contains('`')).then(|| said.to_string())
    };
    let Some(at) = SEPARATORS.iter().filter_map(|sep| rest.find(sep).map(|at| (at, sep.len()))).min() else {
        return marked(rest).map(|said| (code, None, said));
    };
    let said = rest[at.0 + at.1..].replace('`', "").trim().to_string();
    // Only a short name stands between the code and the separator (`Bad Request**`).
    let name = rest[..at.0].trim_matches(|c: char| "*` ".contains(c));
    if name.split_whitespace().count() > 5 || said.is_empty() {
        return None;
    }
    let named_after = || {
        let (name, after) = SEPARATORS.iter().find_map(|sep| said.split_once(sep))?;
        let short = name.split_whitespace().count() <= 4 && name.starts_with(|c: char| c.is_ascii_uppercase());
        (short && !after.trim().is_empty()).then(|| (name.trim().to_string(), after.trim().to_string()))
    };
    Some(match (name.is_empty(), named_after()) {
        (false, _) => (code, Some(name.to_string()), said),
        (true, Some((name, after))) => (code, Some(name), after),
        (true, None) => (code, None, said),
    })
}

/// The class of statuses a heading is about (`5xx Server errors`, `` `4XX` ``), as written: its
/// first word, and the only class it names (`4xx and 5xx status codes` is about neither alone).
pub(in crate::draft) fn heading_class(heading: &str) -> Option<String> {
    fn is_class(word: &str) -> Option<&str> {
        let word = word.trim_matches(|c: char| "`*:,".contains(c));
        crate::model::written_status_class(word).map(|_| word)
    }
    let classes: Vec<&str> = heading.split_whitespace().filter_map(is_class).collect();
    let first = heading.split_whitespace().next().and_then(is_class)?;
    (classes.len() == 1).then(|| first.to_string())
}

impl Drafter<'_> {
    /// A heading that names a status (`## 429 Too Many Requests`) or a class of them (`## 5xx
    /// Server errors`): the section is about it, and its first sentence says what it means.
    pub(super) fn heading_status(&mut self, section: &crate::page::PageSection, source: &str) {
        let Some(heading) = section.heading.last() else { return };
        // Traced to the section, unless its table lists statuses (the entry is no row of it).
        let (source, _) = self.free_source(source, |rows| *rows == TableRows::Statuses);
        let source = source.as_str();
        // (Not a line about another status: Stytch's "A request that Stytch gives up on answers
        // 408", after the table of its 500 section.)
        let of_the_heading = |line: &&String| {
            let named = statuses_in(heading);
            statuses_in(line).iter().all(|(code, _)| named.iter().any(|(ours, _)| ours == code))
        };
        let said = section.prose.first().filter(of_the_heading).map(|line| line.replace('`', ""));
        let description = |fallback: String| said.clone().filter(|s| !s.is_empty()).unwrap_or(fallback);
        let inferred = if said.is_some() { Vec::new() } else { vec!["description".to_string()] };
        if let Some(class) = heading_class(heading) {
            if !self.status_classes.iter().any(|c| c.class.eq_ignore_ascii_case(&class)) {
                self.status_classes.push(crate::model::StatusClassEntry {
                    description: description(format!("The {class} statuses, which the page names in a heading")),
                    class,
                    source: source.to_string(),
                    inferred: inferred.clone(),
                    ..crate::model::StatusClassEntry::default()
                });
            }
            return;
        }
        let mut named = statuses_in(heading);
        // (Or that defines one by its reason phrase, as a list's line would: bol.com's `### 401 -
        // Unauthorized`; not Adyen's `### 101 - Invalid card number`, a code.)
        if named.is_empty() {
            let defined = status_definition(heading).and_then(|(code, name, said)| {
                let phrase = name.unwrap_or(said);
                let phrase = phrase.trim_end_matches('.');
                crate::model::is_reason_of(code, phrase).then_some((code, None))
            });
            named.extend(defined);
        }
        // A heading that is an error status's reason phrase alone (tastytrade's `## Too Many
        // Requests`), or names a response after it (Tote's `TooManyRequests`), is about that
        // status.
        if named.is_empty() {
            named.extend(heading_reason_status(heading).map(|code| (code, None)));
        }
        for (code, reason) in named {
            let standard = crate::model::standard_reason(code).is_some();
            if self.statuses.iter().any(|s| s.code == code) {
                if let Some(said) = &said {
                    self.describe_known_status(code, said, source);
                }
                continue;
            }
            self.add_status(Status {
                code,
                reason: reason.filter(|_| !standard),
                description: description(format!("Status {code}, which the page names in a heading")),
                source: source.to_string(),
                inferred: inferred.clone(),
                ..Status::default()
            });
        }
    }

    /// Gives a status the draft has (an example sent it first, without a word on it) what the
    /// page says of it, where its description is a placeholder. Whether the draft has it.
    pub(super) fn describe_known_status(&mut self, code: u16, said: &str, source: &str) -> bool {
        let Some(known) = self.statuses.iter_mut().find(|s| s.code == code) else { return false };
        if known.inferred.iter().any(|f| f == "description") && !said.is_empty() {
            known.description = said.to_string();
            known.source = source.to_string();
            known.inferred.retain(|f| f != "description");
            self.undescribed_statuses.remove(&code);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::{called_success, defined_status, heading_class, status_definition, statuses_in};

    #[test]
    fn a_success_the_line_names_is_no_status_of_the_errors() {
        assert!(called_success("The status says whether it worked: 200 is success, and 400 a failure.", 200));
        assert!(!called_success("A transaction may come back with a 200, yet have failed.", 200));
        assert!(!called_success("200 is success, and 400 a failure.", 400), "not a 2xx");
        assert!(!called_success("With OCS version 1 the HTTP status is always 200", 200));
        assert!(!called_success("Code: 200 OK", 200), "the reason phrase alone");
        assert_eq!(super::heading_reason_status("Tote API: TooManyRequests"), Some(429));
        assert_eq!(super::heading_reason_status("Too Many Requests"), Some(429));
        assert_eq!(super::heading_reason_status("Errors: OK"), None, "no error's");
        assert!(called_success("A 200 OK means the request worked.", 200));
        assert!(called_success("Writes are accepted with a 202 and done later: a 202 is not an error.", 202));
    }

    #[test]
    fn a_line_or_a_heading_that_starts_with_a_status_is_about_it() {
        assert_eq!(
            defined_status("**400 Bad Request**: the body is not JSON."),
            Some((400, "the body is not JSON.".into()))
        );
        assert_eq!(defined_status("- 404 - Not found. No such route"), Some((404, "Not found. No such route".into())));
        assert_eq!(defined_status("Send 400 requests: then wait."), None, "a count, not a status first");
        assert_eq!(defined_status("**429 Too Many Requests**"), None, "no separator, nothing said");
        assert_eq!(defined_status("`409` an idempotency conflict"), Some((409, "an idempotency conflict".into())));
        assert_eq!(defined_status("`409` or `429`"), None, "no words of its own");
        assert_eq!(
            status_definition("429 - Rate Limited: too many requests in the window."),
            Some((429, Some("Rate Limited".into()), "too many requests in the window.".into()))
        );
        assert_eq!(
            status_definition("200 - OK: the request worked."),
            Some((200, Some("OK".into()), "the request worked.".into()))
        );
        assert_eq!(heading_class("5xx Server errors").as_deref(), Some("5xx"));
        assert_eq!(heading_class("`4XX`").as_deref(), Some("4XX"));
        assert_eq!(heading_class("4xx and 5xx status codes"), None, "two classes");
        assert_eq!(heading_class("Server errors (5xx)"), None, "not the first word");
    }

    #[test]
    fn statuses_are_numbers_a_sentence_names_as_statuses() {
        let codes = |line: &str| statuses_in(line).into_iter().map(|(c, _)| c).collect::<Vec<_>>();
        assert!(codes("5,000 requests an hour and 250 a minute.").is_empty());
        assert_eq!(codes("It answers 413 Request Entity Too Large."), [413]);
        assert_eq!(codes("A 503 is worth trying again."), [503]);
        assert_eq!(codes("Clients that keep getting 401, 403 or 429 answers are banned."), [401, 403, 429]);
        assert_eq!(codes("It answers 429, and sometimes 503, with a header."), [429, 503]);
        assert_eq!(
            statuses_in("A 509 Bandwidth Limit Exceeded means the cap."),
            [(509, Some("Bandwidth Limit Exceeded".into()))]
        );
        assert!(codes("Send at most 500 requests a minute.").is_empty());
        assert!(codes("The window is 300 seconds long, and 1,500 in all.").is_empty());
        assert!(codes("Ids such as 4041 are not statuses; nor is 200ms.").is_empty());
        assert_eq!(codes("Over the limit the answer is a 403 error, not a 429."), [403], "a status denied");
        assert_eq!(codes("It sends 400 errors instead of 422 or rather than a 409."), [400]);
        assert_eq!(codes("400 and 401 errors"), [400, 401]);
        assert_eq!(codes("A validation error has code `100` and status `422`."), [422], "the API's own code");
        assert_eq!(codes("It answers with HTTP status code 429."), [429]);
        assert_eq!(codes("Errors get HTTP status 400; a request without a key gets 401."), [400, 401]);
        assert!(codes("Between 100 and 200 users").is_empty());
        // A number in a code span of a sentence of statuses is one (the caller drops the API's
        // codes).
        assert_eq!(codes("They come back as HTTP errors: `413` when too large, `414` when too long."), [413, 414]);
    }
}
