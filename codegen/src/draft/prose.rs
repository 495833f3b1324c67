//! What the page's prose names beyond its tables: statuses ("a 503 means...") and codes written
//! like the codes its tables list (`TRANSACTION_REFUSED`). Each becomes an entry traced to the
//! sentence's section, so that `lint` reports it as missing from its table.

use super::Drafter;
use crate::model::{Status, TableRows, VocabularyType, VocabularyValue};
use crate::page::{code_spans, code_style as style};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

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

/// Whether (lower-case) words say an id is the request's ("the ID of the call", "identifies the
/// request").
pub(super) fn said_of_the_request(said: &str) -> bool {
    ["id of the request", "id of the call", "identifies the request", "identifies the call"]
        .iter()
        .any(|words| said.contains(words))
}

/// Words after a member that say it is sent only where it applies ("the `parameter` at fault
/// when there is one").
const WHEN_THERE_IS_ONE: [&str; 6] =
    ["when there is one", "if there is one", "where there is one", "when available", "if available", "where available"];

/// Where a sentence says its member is sent only where it applies: the byte at which the words
/// start.
pub(super) fn when_there_is_one(said: &str) -> Option<usize> {
    let lower = said.to_ascii_lowercase();
    WHEN_THERE_IS_ONE.iter().filter_map(|words| lower.find(words)).min()
}

/// Where a sentence says something is left out ("older servers leave `error_code` out", "`result`
/// (left out when it failed)"): the byte at which its `leave` or `left` starts.
pub(super) fn left_out(said: &str) -> Option<usize> {
    let words: Vec<(usize, &str)> = said
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - said.as_ptr() as usize, w.trim_matches(|c: char| !c.is_alphanumeric())))
        .collect();
    words.iter().enumerate().find_map(|(at, (start, word))| {
        let out = words[at + 1..].iter().take(3).any(|(_, w)| w.eq_ignore_ascii_case("out"));
        (["leave", "leaves", "left"].iter().any(|w| w.eq_ignore_ascii_case(word)) && out).then_some(*start)
    })
}

/// The members a sentence names right after a condition set off by commas ("each error has a
/// `reason` and, when a particular field caused it, that `field`"): sent only then.
pub(super) fn named_after_a_condition(said: &str) -> Vec<&str> {
    // The text before each code span, since the one before it (the parts between backticks).
    let parts: Vec<&str> = said.split('`').collect();
    let mut found = Vec::new();
    for at in (1..parts.len()).step_by(2) {
        let before = parts[at - 1].to_ascii_lowercase();
        // (The condition ends right before the member, `that` or `its` at most between them: not
        // "a `reason`, when sent, and a `field`", whose condition is the member's before.)
        let condition = [", when ", ", if ", ", where "].iter().any(|open| {
            let Some(start) = before.rfind(open) else { return false };
            let after = &before[start + open.len()..];
            after.split_once(", ").is_some_and(|(_, rest)| {
                rest.split_whitespace().count() <= 2 && !rest.starts_with("and ") && !rest.starts_with("or ")
            })
        });
        if condition {
            found.push(crate::page::unquoted(parts[at]));
        }
    }
    found
}

/// Words after which a sentence names the members a body sends only sometimes ("each entry has
/// a `code` and may have a `source`").
const MAY_HAVE: [&str; 6] = ["may have", "may also have", "can have", "may include", "may also include", "may carry"];

/// Whether (lower-case) words say a member is sent only sometimes: "only there when...",
/// "not always sent", "may be omitted", "when present", "on token requests only", "for
/// `param_error`, ...".
pub(super) fn sent_sometimes(said: &str) -> bool {
    // (Not "if any": Cloudflare's `messages`, "informational messages, if any", is always sent,
    // empty or not.)
    const PHRASES: [&str; 10] = [
        "only there",
        "only present",
        "only included",
        "only sent",
        "may be absent",
        "may be omitted",
        "not always",
        "when present",
        "if present",
        "where present",
    ];
    PHRASES.iter().any(|phrase| said.contains(phrase))
        // ("The OAuth 2.0 error, on token requests only.")
        || said.trim_end().trim_end_matches('.').ends_with(" only")
        // (Mangopay's `errors`: "For `param_error`, each parameter at fault.")
        || said.trim_start().starts_with("for `")
}

/// The statuses a prose line names, each with the reason phrase written after it, if any
/// ("A 509 Bandwidth Limit Exceeded means...").
/// Does the line call `code` the HTTP status: within the four words after `HTTP status`?
fn named_http_status(line: &str, code: u16) -> bool {
    let words: Vec<String> =
        line.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_ascii_alphanumeric()).to_lowercase()).collect();
    let code = code.to_string();
    words.windows(2).enumerate().any(|(at, pair)| {
        pair[0] == "http" && pair[1].starts_with("status") && words[at + 2..].iter().take(4).any(|w| *w == code)
    })
}

/// Does the clause of `line` that names a 2xx status call it a success ("200 is success", "a
/// 204 means it worked"), and not a failure (Paystack's "a 200 ... yet have failed")?
fn called_success(line: &str, code: u16) -> bool {
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
            let success = w
                .iter()
                .any(|w| ["success", "successful", "succeeded", "succeeds", "worked", "ok"].contains(&w.as_str()));
            success && !w.iter().any(|w| w.starts_with("fail") || w.starts_with("error"))
        })
}

pub(super) fn statuses_in(line: &str) -> Vec<(u16, Option<String>)> {
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
        if denied {
            previous_was_status = false;
            continue;
        }
        let after = words.get(i + 1).map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '%'));
        // "100 requests" and "250 a minute" count; "413 Request Entity Too Large" names a status.
        let unit_after_article = || {
            after.is_some_and(|w| w == "a" || w == "an")
                && words.get(i + 2).is_some_and(|w| UNITS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
        };
        let counted = after.is_some_and(|w| UNITS.contains(&w)) || unit_after_article();
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
        found.push((code, (!reason.is_empty()).then(|| reason.join(" "))));
        previous_was_status = word.ends_with(',');
    }
    found
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
            for line in &section.prose {
                // Most lines hold no number: no status to look for.
                let mut statuses =
                    if line.bytes().any(|b| b.is_ascii_digit()) { statuses_in(line) } else { Vec::new() };
                // Such a code that no table or example gave as a status is the code ("Errors 500
                // and 503 may be retried", of Stack Exchange's `error_id`), unless the line says it
                // is the HTTP status ("the HTTP status is always 200", beside Nextcloud's OCS 200).
                // A success the line names ("200 is success") is no status of the API's errors.
                statuses.retain(|(code, _)| !called_success(line, *code));
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
                for word in code_spans(line).chain(numbers_called_codes(line)) {
                    if word.parse::<u16>().is_ok_and(|n| self.statuses.iter().any(|s| s.code == n)) {
                        continue;
                    }
                    self.prose_code(word, line, &source, &sent);
                }
            }
        }
    }

    /// Sentences about one member, that start with its name (`` `instance` identifies this
    /// occurrence; quote it when you contact support. ``) or are the one member a line names and
    /// says identifies the request: its description, where only the examples had given one (and
    /// so its role, where the sentence says it is for support or the request's id).
    pub(super) fn prose_descriptions(&mut self) {
        let page = self.page;
        for line in page.sections.iter().flat_map(|section| &section.prose) {
            // (Or a line whose one code span names the member it says identifies the request:
            // Plivo's "Keep `api_id`: it identifies the request".)
            let about_the_request = || {
                let mut spans = code_spans(line);
                let member = spans.next().filter(|_| spans.next().is_none())?;
                said_of_the_request(&line.to_lowercase()).then(|| (member.to_string(), line.clone()))
            };
            let (member, sentence) = match line.strip_prefix('`').and_then(|rest| rest.split_once('`')) {
                Some((member, _)) => {
                    // The line's first sentence (a member's name may hold a `.`, so not split
                    // before it).
                    let sentence = match line[member.len() + 2..].split_once(". ") {
                        Some((first, _)) => format!("`{member}`{first}."),
                        None => line.clone(),
                    };
                    (member.to_string(), sentence)
                }
                None => match about_the_request() {
                    Some(found) => found,
                    None => continue,
                },
            };
            let fields = self.bodies.iter_mut().flat_map(|body| &mut body.fields);
            for field in fields.filter(|f| f.name == member && f.inferred.iter().any(|i| i == "description")) {
                field.description = sentence.replace('`', "");
                field.inferred.retain(|fact| fact != "description");
            }
        }
    }

    /// Sentences that say which members are required or optional (`` `error` is required;
    /// `error_description` and `error_uri` are optional ``): the members they name take what the
    /// page says, where only the examples had said it.
    pub(super) fn prose_requirements(&mut self) {
        let page = self.page;
        for line in page.sections.iter().flat_map(|section| &section.prose) {
            // Most lines say neither word.
            let lower = line.to_lowercase();
            let may_have = MAY_HAVE.iter().any(|words| lower.contains(words));
            if !["required", "optional"].iter().any(|word| lower.contains(word))
                && !sent_sometimes(&lower)
                && !may_have
                && left_out(line).is_none()
                && when_there_is_one(line).is_none()
                && named_after_a_condition(line).is_empty()
            {
                continue;
            }
            // (The member the clause before named first, for one that starts `it`.)
            let mut previous: Option<&str> = None;
            for clause in line.split("; ").flat_map(|part| part.split(". ")) {
                let first_named = code_spans(clause).next();
                let before = std::mem::replace(&mut previous, first_named);
                // What the members are, not what was done to them ("`meta` was drafted optional").
                let lower = clause.to_lowercase();
                let says = |word: &str| [" is ", " are "].iter().any(|verb| lower.contains(&format!("{verb}{word}")));
                // ("`field` is only there when one field caused the error.")
                let sometimes = sent_sometimes(&lower);
                // ("Each entry has a `code` ... and may have a `source`": those named after it.)
                let may_have = MAY_HAVE.iter().filter_map(|words| lower.find(words)).min();
                // (The member named last before the words: "the `parameter` at fault when there
                // is one" is about `parameter`, as "`result` (left out ...)" is about `result`.)
                let left_out = left_out(clause).or_else(|| when_there_is_one(clause));
                let conditioned = named_after_a_condition(clause);
                let required = match (says("optional") || says("not required") || sometimes, says("required")) {
                    (true, _) => false,
                    (false, true) => true,
                    (false, false) if may_have.is_some() || left_out.is_some() || !conditioned.is_empty() => false,
                    (false, false) => continue,
                };
                // Where words said which members are sent only sometimes, those members.
                let targeted = !required && !sometimes;
                let named: Vec<&str> = match (may_have.and_then(|at| clause.get(at..)), left_out) {
                    (Some(after), _) if targeted => code_spans(after).collect(),
                    // The member named last before `left out`, else the one it names (`leave
                    // `error_code` out`): not every member of the sentence.
                    (_, Some(at)) if targeted => {
                        let before = code_spans(&clause[..at]).last();
                        before.or_else(|| code_spans(&clause[at..]).next()).into_iter().collect()
                    }
                    _ if targeted && may_have.is_none() && !conditioned.is_empty() => conditioned,
                    // ("`errors` maps each field to its problem; it is only sent for `Invalid
                    // Parameters`": the member the clause before named.)
                    _ if ["it ", "this member ", "that member "].iter().any(|w| lower.trim_start().starts_with(w)) => {
                        before.into_iter().collect()
                    }
                    _ => code_spans(clause).collect(),
                };
                let fields = self.bodies.iter_mut().flat_map(|body| &mut body.fields);
                for field in
                    fields.filter(|f| named.contains(&f.name.as_str()) && f.inferred.iter().any(|i| i == "required"))
                {
                    field.required = required;
                    field.inferred.retain(|fact| fact != "required");
                }
            }
        }
    }

    /// Headings that each name a code (`### -1121 BAD_SYMBOL`, `### 010 - Not allowed`, `###
    /// missing_api_key`), two at least and no table of integer codes beside them: a vocabulary of
    /// the codes, each described by its section's lines, where lines labelled `Status:`,
    /// `Message:` or `Suggested action:` give those facts.
    pub(super) fn heading_codes(&mut self) {
        let page = self.page;
        // (A code two headings name is the first one's.)
        let mut seen = BTreeSet::new();
        let named: Vec<(usize, String, Option<String>)> = page
            .sections
            .iter()
            .enumerate()
            .filter_map(|(index, section)| {
                let heading = section.heading.last()?;
                // (A heading of statuses, `400 and 401 errors`, names none.)
                if !statuses_in(heading).is_empty() || heading_class(heading).is_some() {
                    return None;
                }
                // Or a heading that names the error, over a line that gives its code (Omise's
                // `### Brand Not Supported` over `error code: brand_not_supported`).
                let labelled_code = || {
                    section.prose.iter().find_map(|line| {
                        match labelled(line.trim_start_matches(['-', '*', '+', ' '])) {
                            Some(Label::Code(code)) => Some((code, Some(heading.clone()))),
                            _ => None,
                        }
                    })
                };
                let (code, name) = match code_heading(heading) {
                    Some((code, name)) => (code, Some(name)),
                    None => match word_heading(heading) {
                        Some(code) => (code, None),
                        None => labelled_code()?,
                    },
                };
                Some((index, code, name))
            })
            .filter(|(_, code, _)| seen.insert(code.clone()))
            .collect();
        let integer_table = self.vocabularies.iter().any(|v| v.wire_type == VocabularyType::Integer);
        if named.len() < 2 || integer_table {
            return;
        }
        // Strings where one is written with a leading zero (`010`) or an example sends one as a
        // JSON string (`"errorCode": "101"`); else numbers (`-1121`).
        let shown = |code: &str| {
            let quoted = format!("\"{code}\"");
            page.sections.iter().flat_map(|s| s.json_responses()).any(|(_, block)| block.text.contains(&quoted))
        };
        let text = named
            .iter()
            .any(|(_, code, _)| code.len() > 1 && code.starts_with('0') || code.parse::<i64>().is_err() || shown(code));
        let mut statuses = Vec::new();
        let values = named
            .into_iter()
            .map(|(index, code, name)| {
                let source = self.section_ids[index].clone();
                let mut value = VocabularyValue {
                    value: code,
                    variant: name.as_deref().and_then(crate::names::pascal_case),
                    title: name,
                    source: source.clone(),
                    ..VocabularyValue::default()
                };
                let mut lines = Vec::new();
                // (A status the headings above it name, where no line labels one: Omise's `## 400
                // Bad Request` over its codes.)
                let above =
                    page.sections[index].heading.iter().rev().skip(1).find_map(|h| match statuses_in(h).as_slice() {
                        [(code, _)] => Some(*code),
                        _ => None,
                    });
                let labels_a_status = page.sections[index].prose.iter().any(|line| {
                    matches!(labelled(line.trim_start_matches(['-', '*', '+', ' '])), Some(Label::Status(_)))
                });
                if let Some(code) = above.filter(|_| !labels_a_status) {
                    statuses.push((code, source.clone()));
                    value.statuses.push(code);
                }
                for line in &page.sections[index].prose {
                    let line = line.trim_start_matches(['-', '*', '+', ' ']);
                    match labelled(line) {
                        Some(Label::Code(_)) => {}
                        Some(Label::Status(codes)) => {
                            statuses.extend(codes.iter().map(|&code| (code, source.clone())));
                            value.statuses.extend(codes);
                        }
                        Some(Label::Message(said)) => value.message = Some(said),
                        Some(Label::Action(said)) => value.action = Some(said),
                        None if !line.is_empty() => lines.push(line.replace('`', "")),
                        None => {}
                    }
                }
                value.description = (!lines.is_empty()).then(|| lines.join("\n"));
                value
            })
            .collect();
        for (code, source) in statuses {
            self.ensure_status(code, &source);
        }
        let title = page.title.clone().unwrap_or_else(|| "Error codes".into());
        let name = super::names::vocabulary_name(&[title], |n| {
            self.vocabularies.iter().any(|v| v.name == n) || self.bodies.iter().any(|b| b.name == n)
        });
        self.vocabularies.push(crate::model::Vocabulary {
            name,
            description: "The codes the page names in its headings.".into(),
            source: self.section_ids.first().cloned().unwrap_or_default(),
            wire_type: if text { VocabularyType::String } else { VocabularyType::Integer },
            values,
            ..crate::model::Vocabulary::default()
        });
    }

    /// Lines of a section, three at least, that each define a numeric code no table or heading
    /// gave (Last.fm's list: `**9** Invalid session key: authenticate again`): a vocabulary of
    /// integer codes, each titled by the name the line gives it and described by the rest.
    pub(super) fn list_codes(&mut self) {
        let page = self.page;
        // (The numbers the examples send apart from the status, read once: see below.)
        let apart: BTreeSet<String> =
            self.members_apart_from_the_status().into_values().flatten().map(|n| n.to_string()).collect();
        for (index, section) in page.sections.iter().enumerate() {
            let known = |code: &str| self.vocabularies.iter().flat_map(|v| &v.values).any(|x| x.value == code);
            let mut listed: Vec<(String, Option<String>, String)> =
                section.prose.iter().filter_map(|line| numbered_line(line)).filter(|(code, ..)| !known(code)).collect();
            if listed.len() < 3 {
                continue;
            }
            // Numbers a status could be are codes only where an example sends one of the list's
            // numbers in a member apart from the status (Flickr's `"code": 100`).
            let status_like = |code: &String| crate::page::status_number(code).is_some();
            let sent_apart = listed.iter().any(|(code, ..)| apart.contains(code));
            if !sent_apart {
                listed.retain(|(code, ..)| !status_like(code));
            }
            let mut codes: Vec<&String> = listed.iter().map(|(code, ..)| code).collect();
            codes.dedup();
            if codes.len() < 3 || codes.len() != listed.len() {
                continue;
            }
            let source = self.section_ids[index].clone();
            let text = codes.iter().any(|code| code.len() > 1 && code.starts_with('0'));
            let values = listed
                .into_iter()
                .map(|(code, title, said)| VocabularyValue {
                    value: code,
                    variant: title.as_deref().and_then(crate::names::pascal_case),
                    title,
                    description: Some(said),
                    source: source.clone(),
                    ..VocabularyValue::default()
                })
                .collect();
            let name = super::names::vocabulary_name(&section.heading, |n| {
                self.vocabularies.iter().any(|v| v.name == n) || self.bodies.iter().any(|b| b.name == n)
            });
            self.vocabularies.push(crate::model::Vocabulary {
                name,
                description: format!("The codes the page lists under {}.", section.heading.join(" › ")),
                source,
                wire_type: if text { VocabularyType::String } else { VocabularyType::Integer },
                values,
                ..crate::model::Vocabulary::default()
            });
        }
    }

    /// A heading that names a status (`## 429 Too Many Requests`) or a class of them (`## 5xx
    /// Server errors`): the section is about it, and its first sentence says what it means.
    fn heading_status(&mut self, section: &crate::page::PageSection, source: &str) {
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
        // A heading that is an error status's reason phrase alone (tastytrade's `## Too Many
        // Requests`) is about that status.
        if named.is_empty() {
            let heading = heading.trim().trim_matches(['`', '*']);
            named.extend(crate::model::status_of_reason(heading).filter(|code| *code >= 400).map(|code| (code, None)));
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
    fn describe_known_status(&mut self, code: u16, said: &str, source: &str) -> bool {
        let Some(known) = self.statuses.iter_mut().find(|s| s.code == code) else { return false };
        if known.inferred.iter().any(|f| f == "description") && !said.is_empty() {
            known.description = said.to_string();
            known.source = source.to_string();
            known.inferred.retain(|f| f != "description");
        }
        true
    }

    /// A code a line of a list defines: a value of the vocabulary one of whose values is
    /// written alike (`missing` beside `missing_field`), traced to the list's section.
    fn listed_code(&mut self, word: &str, said: &str, source: &str) {
        let Some(written) = style(word) else { return };
        // A value only an example gave so far (NewsAPI's `apiKeyMissing`) is the list's, and
        // described by it.
        let sent_only = (self.vocabularies.iter())
            .find(|v| v.values.iter().any(|x| x.value == word && x.description.is_none()))
            .map(|v| v.name.clone());
        if let Some(name) = sent_only {
            let listed = TableRows::Vocabulary(name.clone());
            // (A page of one section, whose table lists the values: a catalog section of its own.)
            let (source, _) = self.free_source(source, |rows| *rows == listed);
            let vocabulary = self.vocabularies.iter_mut().find(|v| v.name == name);
            if let Some(value) = vocabulary.and_then(|v| v.values.iter_mut().find(|x| x.value == word)) {
                value.description = Some(said.to_string());
                value.source = source;
            }
            return;
        }
        let known = self.vocabularies.iter().flat_map(|v| &v.values).any(|v| v.value == word)
            || self.bodies.iter().flat_map(|b| &b.fields).any(|f| f.name == word);
        let alike = |v: &&crate::model::Vocabulary| v.values.iter().any(|x| style(&x.value) == Some(written));
        let Some(name) = self.vocabularies.iter().find(alike).map(|v| v.name.clone()).filter(|_| !known) else {
            return;
        };
        let listed = TableRows::Vocabulary(name.clone());
        // (A page of one section, whose table lists the values: a catalog section of its own.)
        let (source, _) = self.free_source(source, |rows| *rows == listed);
        if let Some(vocabulary) = self.vocabularies.iter_mut().find(|v| v.name == name) {
            vocabulary.values.push(VocabularyValue {
                value: word.to_string(),
                description: Some(said.to_string()),
                source,
                ..VocabularyValue::default()
            });
        }
    }

    /// A code span written like one vocabulary's codes (two of them at least) that nothing in
    /// the draft names: a value of that vocabulary, traced to the sentence. A value the
    /// examples send only in members that send none of the vocabulary's codes is another
    /// member's (`Failure`, of `status`, beside the codes of `reason`).
    fn prose_code(&mut self, word: &str, line: &str, source: &str, sent: &BTreeMap<&str, BTreeSet<&str>>) {
        let member = |name: &str| self.bodies.iter().flat_map(|b| &b.fields).any(|f| f.name == name);
        // A value, a member, or a path of members (`error.type`).
        let known =
            self.vocabularies.iter().flat_map(|v| &v.values).any(|v| v.value == word) || word.split('.').all(member);
        // A code written `Category:Message` of a category a vocabulary's codes have (`EOrder:Rate
        // limit exceeded` beside `EOrder:Insufficient funds`), spaces and all, or in dotted parts
        // (`error.recipient.account.closed` beside `error.quote.expired`).
        let categorized = crate::page::code_category(word).and_then(|category| {
            let of = |v: &&crate::model::Vocabulary| {
                crate::page::code_categories(v.values.iter().map(|x| x.value.as_str())).contains(&category)
            };
            self.vocabularies.iter().find(of).map(|v| v.name.clone())
        });
        // (An identifier's name is a parameter, not a code: ElevenLabs' `voice_id`.)
        if known || crate::page::names_an_identifier(word) || (word.contains(' ') && categorized.is_none()) {
            return;
        }
        let vocabulary = match style(word) {
            _ if categorized.is_some() => categorized,
            Some(written) => {
                let like = |v: &&crate::model::Vocabulary| {
                    v.values.iter().filter(|x| style(&x.value) == Some(written)).count()
                };
                let as_long = |v: &&crate::model::Vocabulary| {
                    crate::page::number_like_codes(word, v.values.iter().map(|x| x.value.as_str()))
                };
                self.vocabularies.iter().filter(|v| like(v) >= 2 && as_long(v)).max_by_key(like).map(|v| v.name.clone())
            }
            // A negative number, of the integer codes that are negative (`-1125`: no status is).
            None if word.strip_prefix('-').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) => {
                self.vocabularies
                    .iter()
                    .filter(|v| v.wire_type == VocabularyType::Integer)
                    .find(|v| v.values.iter().any(|x| x.value.starts_with('-')))
                    .map(|v| v.name.clone())
            }
            // An address under the path a vocabulary's values share (problem types' URIs).
            None => self
                .vocabularies
                .iter()
                .find(|v| {
                    crate::page::shared_path(v.values.iter().map(|x| x.value.as_str()))
                        .is_some_and(|path| word.len() > path.len() && word.starts_with(path))
                })
                .map(|v| v.name.clone()),
        };
        let Some(vocabulary) = vocabulary else { return };
        let codes = self.vocabularies.iter().find(|v| v.name == vocabulary).map_or(&[][..], |v| &v.values[..]);
        if crate::page::sent_beside_the_codes(word, sent, |sent| codes.iter().any(|x| x.value == sent)) {
            return;
        }
        let listed = TableRows::Vocabulary(vocabulary.clone());
        // (A page of one section, whose table lists the values: a catalog section of its own.)
        let (source, _) = self.free_source(source, |rows| *rows == listed);
        let vocabulary = self.vocabularies.iter_mut().find(|v| v.name == vocabulary);
        if let Some(vocabulary) = vocabulary {
            vocabulary.values.push(VocabularyValue {
                value: word.to_string(),
                description: Some(line.replace('`', "")),
                source,
                inferred: vec!["description".into()],
                ..VocabularyValue::default()
            });
        }
    }
}

/// Numbers a sentence calls codes outside code spans ("Code 613 also means too many calls",
/// "error code 190"), not a status code ("status code 429", "HTTP code 404").
fn numbers_called_codes(line: &str) -> impl Iterator<Item = &str> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let bare = |word: &str| word.trim_matches(|c: char| !c.is_ascii_alphanumeric()).to_ascii_lowercase();
    let mut found = Vec::new();
    for (i, pair) in words.windows(2).enumerate() {
        let called = matches!(bare(pair[0]).as_str(), "code" | "codes" | "subcode");
        let of_a_status =
            i.checked_sub(1).is_some_and(|p| ["status", "http", "response"].contains(&bare(words[p]).as_str()));
        let number = pair[1].trim_end_matches(|c: char| ",.;:)".contains(c));
        let digits = number.strip_prefix('-').unwrap_or(number);
        if called && !of_a_status && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            found.push(number);
        }
    }
    found.into_iter()
}

/// A heading that is one code, written as codes are (`missing_api_key`, `` `RATE_LIMITED` ``):
/// a code span, or a word of letters, digits and `_` with a `_` in it (a heading of one plain
/// word, `Overview`, is no code).
fn word_heading(heading: &str) -> Option<String> {
    let text = heading.trim();
    let spanned = text.strip_prefix('`').and_then(|t| t.strip_suffix('`'));
    let word = spanned.unwrap_or(text);
    let code_like = style(word).is_some() && (spanned.is_some() || word.contains('_'));
    code_like.then(|| word.to_string())
}

/// A fact a line of a code's section gives under a label (`Status: 401`, `**Message:** ...`).
enum Label {
    Code(String),
    Status(Vec<u16>),
    Message(String),
    Action(String),
}

/// The fact a line labels, where it does.
fn labelled(line: &str) -> Option<Label> {
    let (label, said) = line.split_once(':')?;
    let said = said.trim_start_matches('*').trim().replace('`', "");
    if said.is_empty() {
        return None;
    }
    match label.trim().trim_matches('*').trim().to_lowercase().as_str() {
        "status" | "status code" | "http status" | "http status code" => {
            crate::page::status_codes(&said).map(Label::Status)
        }
        "message" | "error message" | "default message" => Some(Label::Message(said)),
        // (One word, a code: not a sentence that starts "Code: ...".)
        "code" | "error code" | "error_code" if !said.contains(char::is_whitespace) => Some(Label::Code(said)),
        "suggested action" | "action" | "solution" | "what to do" | "resolution" | "fix" => Some(Label::Action(said)),
        _ => None,
    }
}

/// A heading that names a numeric code and what the page calls it (`-1121 BAD_SYMBOL`, `010 -
/// Not allowed`, `100 - Required object 'amount' is not provided`): the code as written (its
/// leading zeros kept) and the name. A status and its own reason phrase (`429 Too Many
/// Requests`) is a status's heading, not a code's.
fn code_heading(heading: &str) -> Option<(String, String)> {
    let text = heading.trim().trim_matches(['`', '*']);
    let digits = text.strip_prefix('-').unwrap_or(text);
    let len = text.len() - digits.len() + digits.find(|c: char| !c.is_ascii_digit())?;
    let code = text[..len].parse::<i64>().ok().map(|_| text[..len].to_string())?;
    // The number ends at a space or a separator (`11xx` is no code).
    let name = text[len..].trim_start_matches(['`', '*']);
    if !name.starts_with([' ', ':', '-', '—', '–']) {
        return None;
    }
    let name = name.trim_start();
    let name =
        [" - ", "- ", ": ", "— ", "– "].iter().find_map(|sep| name.strip_prefix(sep.trim_start())).unwrap_or(name);
    let name = name.trim().trim_matches(['`', '*']).trim();
    let named = !name.is_empty() && name.split_whitespace().count() <= 6;
    // A status and its reason, alone or before a case of it (`400 Bad Request - Unsupported grant
    // type`), heads a status's section, not a code's.
    let status = code.parse::<u16>().ok().and_then(crate::model::standard_reason);
    let a_status = status.is_some_and(|reason| {
        let lower = name.to_ascii_lowercase();
        let reason = reason.to_ascii_lowercase();
        lower == reason
            || lower.strip_prefix(&reason).is_some_and(|rest| rest.trim_start().starts_with(['-', ':', '—', '–']))
    });
    (named && !a_status).then(|| (code, name.to_string()))
}

#[cfg(test)]
mod heading_tests {
    use super::code_heading;

    #[test]
    fn a_heading_of_an_integer_code_and_its_name_names_a_code() {
        let named = |code: &str, name: &str| Some((code.to_string(), name.to_string()));
        assert_eq!(code_heading("-1121 BAD_SYMBOL"), named("-1121", "BAD_SYMBOL"));
        assert_eq!(code_heading("`10003` - Invalid token"), named("10003", "Invalid token"));
        assert_eq!(code_heading("20: Rate limited"), named("20", "Rate limited"));
        assert_eq!(code_heading("010 - Not allowed"), named("010", "Not allowed"));
        assert_eq!(code_heading("400 Bad Request - Unsupported grant type"), None, "a status's case");
        assert_eq!(code_heading("401 Unauthorized"), None);
        assert_eq!(code_heading("101 - Invalid card number"), named("101", "Invalid card number"));
        // A range of codes, a status, a bare number, a long sentence: no code.
        for heading in
            ["11xx - Request issues", "429 Too Many Requests", "-1000", "2024 was a year of many changes here"]
        {
            assert_eq!(code_heading(heading), None, "{heading}");
        }
    }
}

/// What stands between a term a line of a list defines and what it says of it.
const SEPARATORS: [&str; 4] = [": ", " — ", " – ", " - "];

/// A line that defines a numeric code that is no status (`2 Invalid service: this service does
/// not exist`, `` `13`: Invalid method signature ``, `16 - Temporary error`): the code, the name
/// the line gives it before a separator (a few capitalised words), and what it says of it.
fn numbered_line(line: &str) -> Option<(String, Option<String>, String)> {
    let (first, rest) = line.trim().split_once(' ')?;
    let number = first.trim_matches(|c| c == '`' || c == ':');
    let digits = number.strip_prefix('-').unwrap_or(number);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = rest.trim_start_matches(['`', ':', '-', '—', '–']).trim();
    let named = SEPARATORS.iter().find_map(|sep| {
        let (name, said) = rest.split_once(sep)?;
        let words = name.split_whitespace().count();
        let title = (1..=5).contains(&words) && name.starts_with(|c: char| c.is_ascii_uppercase());
        title.then(|| (Some(name.trim().to_string()), said.trim().to_string()))
    });
    let (title, said) = named.unwrap_or((None, rest.to_string()));
    // A status's line (`404 Not Found: no such route`, `404: no such route`) is no code's; a
    // number a status could be, named otherwise (Flickr's `100: Invalid API Key`), may be one.
    if let Some(code) = crate::page::status_number(number) {
        let reason = |title: &String| {
            let standard = crate::model::standard_reason(code).map(str::to_ascii_lowercase);
            crate::model::is_reason_of(code, title)
                || standard.is_some_and(|standard| title.to_ascii_lowercase().starts_with(&standard))
        };
        if title.as_ref().is_none_or(reason) {
            return None;
        }
    }
    // (What follows a name is a sentence of its own: `this service does not exist`.)
    let mut said = said.replace('`', "");
    if let Some(first) = said.get(..1).filter(|_| title.is_some()) {
        said.replace_range(..1, &first.to_ascii_uppercase());
    }
    (!said.is_empty()).then(|| (number.to_string(), title, said))
}

/// A line that starts with a status and says what it means after a separator (`**400 Bad
/// Request**: the body is not JSON`, `404 - Not found. No such route`): the status, and what
/// follows the separator.
pub(super) fn defined_status(line: &str) -> Option<(u16, String)> {
    status_definition(line).map(|(code, _, said)| (code, said))
}

/// [`defined_status`], with the name the line gives the status, if any (`Rate Limited` of `429
/// - Rate Limited: too many requests`, whose first separator comes before the name).
fn status_definition(line: &str) -> Option<(u16, Option<String>, String)> {
    let text = line.trim_start_matches(|c: char| "-*` ".contains(c));
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let code = crate::page::status_number(&digits)?;
    let rest = &text[digits.len()..];
    let at = SEPARATORS.iter().filter_map(|sep| rest.find(sep).map(|at| (at, sep.len()))).min()?;
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

/// A line that starts with a code span and says what it means after a separator (`` - `missing`:
/// a resource does not exist ``): the code, and what follows the separator.
fn defined_code(line: &str) -> Option<(&str, String)> {
    let rest = line.trim_start_matches(['-', '*', ' ']).strip_prefix('`')?;
    let (word, after) = rest.split_once('`')?;
    let after = after.trim_start_matches('*');
    let said = SEPARATORS.iter().find_map(|sep| after.strip_prefix(sep))?;
    let said = said.replace('`', "").trim().to_string();
    (!said.is_empty() && !word.contains(' ')).then_some((crate::page::unquoted(word), said))
}

/// The class of statuses a heading is about (`5xx Server errors`, `` `4XX` ``), as written: its
/// first word, and the only class it names (`4xx and 5xx status codes` is about neither alone).
pub(super) fn heading_class(heading: &str) -> Option<String> {
    fn is_class(word: &str) -> Option<&str> {
        let word = word.trim_matches(|c: char| "`*:,".contains(c));
        crate::model::written_status_class(word).map(|_| word)
    }
    let classes: Vec<&str> = heading.split_whitespace().filter_map(is_class).collect();
    let first = heading.split_whitespace().next().and_then(is_class)?;
    (classes.len() == 1).then(|| first.to_string())
}

#[cfg(test)]
mod tests {
    use super::{
        called_success, defined_code, defined_status, heading_class, left_out, named_after_a_condition, numbered_line,
        sent_sometimes, status_definition, statuses_in, when_there_is_one,
    };

    #[test]
    fn a_line_that_starts_with_a_number_and_a_name_defines_a_code() {
        let line = |code: &str, title: Option<&str>, said: &str| {
            Some((code.to_string(), title.map(str::to_string), said.to_string()))
        };
        assert_eq!(
            numbered_line("2 Invalid service: this service does not exist."),
            line("2", Some("Invalid service"), "This service does not exist.")
        );
        assert_eq!(numbered_line("`13`: Invalid method signature."), line("13", None, "Invalid method signature."));
        assert_eq!(numbered_line("-1 - Unknown failure"), line("-1", None, "Unknown failure"));
        assert_eq!(numbered_line("404 Not Found: no such route"), None, "a status's line");
        assert_eq!(numbered_line("429: Too many requests - slow down"), None);
        assert_eq!(numbered_line("500 Internal Server Error - retry"), None);
        assert_eq!(
            numbered_line("100: Invalid API Key - The key is not valid."),
            line("100", Some("Invalid API Key"), "The key is not valid.")
        );
        // (Read alone, a sentence may start so: a section lists three such lines at least.)
        assert_eq!(
            numbered_line("10 requests a second is the limit"),
            line("10", None, "requests a second is the limit")
        );
        assert_eq!(numbered_line("Errors 8 and 11 may be retried."), None);
    }

    #[test]
    fn a_success_the_line_names_is_no_status_of_the_errors() {
        assert!(called_success("The status says whether it worked: 200 is success, and 400 a failure.", 200));
        assert!(!called_success("A transaction may come back with a 200, yet have failed.", 200));
        assert!(!called_success("200 is success, and 400 a failure.", 400), "not a 2xx");
        assert!(!called_success("With OCS version 1 the HTTP status is always 200", 200));
    }

    #[test]
    fn words_that_say_a_member_is_sent_sometimes() {
        assert!(sent_sometimes("`field`, when present, names the field at fault."));
        assert!(sent_sometimes("for `param_error`, each parameter at fault."));
        assert!(!sent_sometimes("informational messages, if any."), "always sent, maybe empty");
        assert!(!sent_sometimes("the field at fault."));
        let left = |said: &'static str| left_out(said).map(|at| &said[at..]);
        assert_eq!(
            left("Older servers leave `error_code` out; fall back."),
            Some("leave `error_code` out; fall back.")
        );
        assert_eq!(left("`result` (left out when it failed)"), Some("(left out when it failed)"));
        assert_eq!(left("Leave the rest to the server; it works things out."), None);
        let when = |said: &'static str| when_there_is_one(said).map(|at| &said[at..]);
        assert_eq!(when("and the `parameter` at fault when there is one"), Some("when there is one"));
        assert_eq!(when("the `parameter` at fault"), None);
        assert_eq!(
            named_after_a_condition("Each has a `reason` for people and, when a field caused it, that `field`."),
            ["field"]
        );
        assert!(named_after_a_condition("Each has a `reason`, when sent, and a `field`.").is_empty());
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
        assert_eq!(
            defined_code("- `missing`: a resource does not exist."),
            Some(("missing", "a resource does not exist.".into()))
        );
        assert_eq!(defined_code("`\"gone\"` — no longer here"), Some(("gone", "no longer here".into())));
        assert_eq!(defined_code("Send `missing` when: never"), None, "not first on the line");
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
        assert!(codes("Between 100 and 200 users").is_empty());
        // A number in a code span of a sentence of statuses is one (the caller drops the API's
        // codes).
        assert_eq!(codes("They come back as HTTP errors: `413` when too large, `414` when too long."), [413, 414]);
    }
}
