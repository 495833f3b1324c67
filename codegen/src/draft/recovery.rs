//! Recovery drafted from what the page advises: a sentence that says to retry (or not) a status,
//! a class of statuses or a code becomes a rule, and so does a table's retry column for what no
//! sentence speaks of. Every rule is marked inferred; where a sentence and a table disagree the
//! sentence's advice is drafted and `lint` reports the disagreement.

use super::prose::statuses_in;
use super::Drafter;
use crate::model::{
    BackoffAdvice, Fallback, FieldRole, FieldType, HeaderRole, RecoveryAdvice, RecoveryKind, RecoveryRule, Shape,
    StatusClass,
};
use std::collections::BTreeSet;

/// Words that say not to send a request again.
const DO_NOT: &[&str] = &[
    "never retry",
    "do not retry",
    "don't retry",
    "not be retried",
    "never worth",
    "not worth",
    "do not send",
    "don't send",
    "never send",
    "do not resend",
    "never resend",
    "is final",
    "are final",
];

/// Words that say to send it again.
const DO: &[&str] = &[
    "retry",
    "retried",
    "retrying",
    "try again",
    "trying again",
    "resend",
    "send again",
    "sending again",
    // "Wait 30 seconds before the next request."
    "before the next request",
    // "Wait a few minutes", "wait until the window resets": then send it again.
    "wait a ",
    "wait until",
    "after waiting",
];

/// What a client does before it sends a request again, when a sentence says so ("send the code
/// in the header and try again", "correct the field and retry"): a kind that is no retry of
/// its own. The words (each a word's start: matched after a space), then the kind. Not "send
/// the same": a retry that sends the same idempotency key is a retry.
const FIRST: &[(&[&str], RecoveryKind)] = &[
    (&[" correct ", " fix the ", " change the request"], RecoveryKind::FixRequest),
    (
        &[
            " send the code",
            " provide ",
            " enter ",
            " verify ",
            " confirm ",
            " authorize ",
            " sign in",
            " log in",
            " refresh the page",
        ],
        RecoveryKind::UserAction,
    ),
];

/// What a rule covers.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Scope {
    Error(String),
    Status(u16),
    Class(StatusClass),
}

/// One piece of advice: what it covers, whether it retries, and the sentence and section.
struct Advice {
    scope: Scope,
    retry: bool,
    /// The sentence speaks of waiting (`Retry-After`, a reset, "wait").
    wait: bool,
    /// What the client does first, before it tries again, where the sentence says.
    first: Option<RecoveryKind>,
    sentence: String,
    section: String,
}

/// What a sentence advises, when it says to retry or not.
struct Judged {
    /// It says not to.
    negative: bool,
    /// It speaks of waiting (`Retry-After`, a reset, "wait").
    wait: bool,
    /// What the client does first, before it tries again, where it says.
    first: Option<RecoveryKind>,
}

/// What `sentence` advises, or `None` when it says neither to retry nor not to.
fn judged(sentence: &str) -> Option<Judged> {
    let lower = sentence.to_lowercase();
    let negative = DO_NOT.iter().any(|w| lower.contains(w));
    if !negative && !DO.iter().any(|w| lower.contains(w)) {
        return None;
    }
    let wait = lower.contains("retry-after") || lower.contains("wait") || lower.contains("reset");
    let spaced = format!(" {lower}");
    let first = FIRST.iter().find(|(words, _)| words.iter().any(|w| spaced.contains(w))).map(|(_, kind)| *kind);
    Some(Judged { negative, wait, first })
}

/// The advice of the first sentence of `texts` (a row's cells) that advises, about `scope`.
fn advice_in(scope: Scope, texts: &[Option<&String>], section: &str) -> Option<Advice> {
    texts.iter().flatten().flat_map(|text| sentences(text)).find_map(|sentence| {
        let Judged { negative, wait, first } = judged(sentence)?;
        let sentence = sentence.replace(['`', '*'], "");
        Some(Advice { scope: scope.clone(), retry: !negative, wait, first, sentence, section: section.to_string() })
    })
}

/// The sentences of a prose line.
fn sentences(line: &str) -> impl Iterator<Item = &str> {
    line.split_inclusive(['.', '!', '?']).map(str::trim).filter(|s| !s.is_empty())
}

impl Drafter<'_> {
    /// Whether the server says how long to wait: a `Retry-After` header or a wait field (a rate
    /// limit's reset alone is what a `retry_after_wait` rule falls back on, not a wait of its own).
    fn has_wait(&self, bodies: &[Shape]) -> bool {
        self.headers.iter().any(|h| h.role == Some(HeaderRole::RetryAfter))
            || bodies.iter().flat_map(|b| &b.fields).any(|f| f.role == Some(FieldRole::RetryAfter))
    }

    /// The advice of every sentence that says to retry or not, about what it names.
    fn advice(&self, codes: &BTreeSet<String>) -> Vec<Advice> {
        let mut found = Vec::new();
        for (index, section) in self.page.sections.iter().enumerate() {
            for line in &section.prose {
                // Most lines advise nothing: one look at the line before its sentences.
                let lower = line.to_lowercase();
                if !DO.iter().chain(DO_NOT).any(|w| lower.contains(w)) {
                    continue;
                }
                for sentence in sentences(line) {
                    let Some(Judged { negative, wait, first }) = judged(sentence) else { continue };
                    let lower = sentence.to_lowercase();
                    // What comes after "other than" or "except" is advised the other way.
                    let turn = ["other than", "except"].iter().filter_map(|w| lower.find(w)).min();
                    let turned = |at: usize| turn.is_some_and(|t| at > t);
                    let mut scopes: Vec<(Scope, usize)> = Vec::new();
                    for (code, _) in statuses_in(sentence) {
                        let text = code.to_string();
                        let at = sentence.find(&text).unwrap_or(0);
                        // A number of the codes that no table or example gave as a status is
                        // the code (Stack Exchange's `error_id` 503).
                        // A number that the reading of the prose did not take for a status is none.
                        let status = self.statuses.iter().any(|status| status.code == code);
                        let scope = match (status, codes.contains(&text)) {
                            (true, _) => Scope::Status(code),
                            (false, true) => Scope::Error(text),
                            (false, false) => continue,
                        };
                        scopes.push((scope, at));
                    }
                    for (class, word) in [(StatusClass::ClientError, "4xx"), (StatusClass::ServerError, "5xx")] {
                        if let Some(at) = lower.find(word) {
                            scopes.push((Scope::Class(class), at));
                        }
                    }
                    for (i, word) in sentence.split('`').enumerate().filter(|(i, _)| i % 2 == 1) {
                        if codes.contains(word) {
                            let at = sentence.split('`').take(i).map(|p| p.len() + 1).sum();
                            scopes.push((Scope::Error(word.to_string()), at));
                        }
                    }
                    // A sentence that names a code speaks of that code: the statuses it names are
                    // the code's ("`two_factor` comes with a 403: ..."), not advised on their own.
                    if scopes.iter().any(|(scope, _)| matches!(scope, Scope::Error(_))) {
                        scopes.retain(|(scope, _)| !matches!(scope, Scope::Status(_)));
                    }
                    // A sentence that names nothing advises on what its section's heading names
                    // (`## 429 Too Many Requests`: "Slow down, and retry with backoff.").
                    // Or, first, what the line it is in defines (`**503 Service Unavailable**:
                    // ... Retry later.`).
                    if scopes.is_empty() {
                        let defined = super::prose::defined_status(line).map(|(code, _)| Scope::Status(code));
                        scopes.extend(defined.or_else(|| heading_scope(section)).map(|scope| (scope, 0)));
                    }
                    for (scope, at) in scopes {
                        found.push(Advice {
                            scope,
                            retry: !negative ^ turned(at),
                            wait,
                            first,
                            sentence: sentence.replace('`', ""),
                            section: self.section_ids[index].clone(),
                        });
                    }
                }
            }
        }
        found
    }

    /// The advice of the sentences in a table's cells about its row: a status's description or
    /// action, a code's (of the code's vocabulary), and a message's (of a vocabulary of messages
    /// by status: each of its statuses, where all its messages that advise agree).
    fn cell_advice(&self, code_vocabulary: Option<&str>) -> Vec<Advice> {
        let mut found = Vec::new();
        // (A description the draft made up, or took from a sentence of prose, is no cell's.)
        let said = |inferred: &[String]| !inferred.iter().any(|f| f == "description");
        for status in self.statuses.iter().filter(|s| said(&s.inferred)) {
            let texts = [Some(&status.description), status.action.as_ref()];
            found.extend(advice_in(Scope::Status(status.code), &texts, &status.source));
        }
        for vocabulary in &self.vocabularies {
            let codes = Some(vocabulary.name.as_str()) == code_vocabulary;
            for value in vocabulary.values.iter().filter(|v| codes && said(&v.inferred)) {
                let texts = [value.description.as_ref(), value.action.as_ref()];
                found.extend(advice_in(Scope::Error(value.value.clone()), &texts, &value.source));
            }
        }
        // A vocabulary of messages advises on their statuses, where its messages of a status
        // that advise agree.
        let mut by_status: Vec<Advice> = Vec::new();
        let mut torn = BTreeSet::new();
        for vocabulary in self.vocabularies.iter().filter(|v| Some(v.name.as_str()) != code_vocabulary) {
            for value in vocabulary.values.iter().filter(|v| !v.statuses.is_empty() && said(&v.inferred)) {
                let texts = [value.description.as_ref(), value.action.as_ref()];
                for &code in &value.statuses {
                    let Some(advice) = advice_in(Scope::Status(code), &texts, &value.source) else { break };
                    match by_status.iter().find(|a| a.scope == advice.scope) {
                        Some(other) if other.retry != advice.retry => {
                            torn.insert(advice.scope);
                        }
                        Some(_) => {}
                        None => by_status.push(advice),
                    }
                }
            }
        }
        found.extend(by_status.into_iter().filter(|a| !torn.contains(&a.scope)));
        found
    }

    /// The recovery the page advises, or none when it advises nothing; `bodies` as typed for
    /// the catalog (their roles say which member holds the code).
    pub(super) fn recovery(&self, bodies: &[Shape]) -> Option<RecoveryAdvice> {
        // The vocabulary of the member with the code role, if the draft has one.
        let code_vocabulary = bodies.iter().flat_map(|b| &b.fields).find_map(|f| match (&f.role, f.ty.values()) {
            (Some(FieldRole::Code), FieldType::Vocabulary(name)) => Some(name.clone()),
            _ => None,
        });
        let codes: BTreeSet<String> = self
            .vocabularies
            .iter()
            .filter(|v| Some(&v.name) == code_vocabulary.as_ref())
            .flat_map(|v| v.values.iter().map(|x| x.value.clone()))
            .collect();
        let mut advice = self.advice(&codes);
        // A table's retry column, for what no sentence advises on.
        let advised: BTreeSet<Scope> = advice.iter().map(|a| a.scope.clone()).collect();
        for status in &self.statuses {
            if let Some(retry) = status.retryable.filter(|_| !advised.contains(&Scope::Status(status.code))) {
                // One sentence for the table, so that its rows of one kind make one rule.
                let sentence = format!("The table under `{}` says which statuses are retried.", status.source);
                advice.push(Advice {
                    scope: Scope::Status(status.code),
                    retry,
                    wait: false,
                    first: None,
                    sentence,
                    section: status.source.clone(),
                });
            }
        }
        for value in
            self.vocabularies.iter().filter(|v| Some(&v.name) == code_vocabulary.as_ref()).flat_map(|v| &v.values)
        {
            let scope = Scope::Error(value.value.clone());
            if let Some(retry) = value.retryable.filter(|_| !advised.contains(&scope)) {
                let sentence = format!("The table under `{}` says which codes are retried.", value.source);
                // Its row may say to wait first ("wait until `X-RateLimit-Reset`").
                let said = [&value.description, &value.action, &value.message].into_iter().flatten();
                let wait = said
                    .map(|text| text.to_lowercase())
                    .any(|t| t.contains("wait") || t.contains("reset") || t.contains("retry-after"));
                advice.push(Advice { scope, retry, wait, first: None, sentence, section: value.source.clone() });
            }
        }
        // Last, what the cells of a status's or a code's row say ("Retry later.").
        advice.extend(self.cell_advice(code_vocabulary.as_deref()));
        // (Advice on a status the draft lists nowhere, as a page cut short may give, names
        // nothing a rule can cover.)
        advice.retain(|a| !matches!(a.scope, Scope::Status(code) if !self.statuses.iter().any(|s| s.code == code)));
        if advice.is_empty() {
            return None;
        }
        let waits = self.has_wait(bodies);
        // One rule per scope: the first advice on it; rules of one kind, level and section merged.
        let mut seen = BTreeSet::new();
        let mut rules: Vec<RecoveryRule> = Vec::new();
        for item in advice.into_iter().filter(|a| seen.insert(a.scope.clone())) {
            let kind = match (&item.scope, item.retry) {
                (_, true) => match item.first {
                    Some(first) => first,
                    None if item.wait && waits => RecoveryKind::RetryAfterWait,
                    None => RecoveryKind::RetryWithBackoff,
                },
                (Scope::Status(code), false) if *code < 500 => RecoveryKind::FixRequest,
                (Scope::Class(StatusClass::ClientError), false) => RecoveryKind::FixRequest,
                (_, false) => RecoveryKind::GiveUp,
            };
            let level = |scope: &Scope| match scope {
                Scope::Error(_) => 0,
                Scope::Status(_) => 1,
                Scope::Class(_) => 2,
            };
            let same = rules.iter_mut().find(|r| {
                r.kind == kind && r.source == item.section && r.advice == item.sentence && {
                    let existing = if !r.errors.is_empty() {
                        0
                    } else if !r.statuses.is_empty() {
                        1
                    } else {
                        2
                    };
                    existing == level(&item.scope)
                }
            });
            let rule = match same {
                Some(rule) => rule,
                None => {
                    rules.push(new_rule(kind, &item.sentence, &item.section, waits));
                    rules.last_mut().expect("just pushed")
                }
            };
            match item.scope {
                Scope::Error(value) => rule.errors.push(value),
                Scope::Status(code) => rule.statuses.push(code),
                Scope::Class(class) => rule.status_classes.push(class),
            }
        }
        let mut ids = BTreeSet::new();
        for rule in &mut rules {
            let what = if !rule.errors.is_empty() {
                "errors"
            } else if !rule.statuses.is_empty() {
                "statuses"
            } else {
                "classes"
            };
            let base = format!("{}-{what}", rule.kind.as_str().replace('_', "-"));
            rule.id = super::names::unique(&base, |id| ids.insert(id.to_string()), |n| format!("{base}-{n}"));
        }
        Some(RecoveryAdvice {
            precedence: None,
            rules,
            fallback: Fallback {
                kind: RecoveryKind::GiveUp,
                advice: "The page advises nothing for other responses.".into(),
                source: self.section_ids.first().cloned().unwrap_or_default(),
                inferred: vec!["kind".into()],
                inconsistencies: Vec::new(),
                notes: Vec::new(),
            },
        })
    }
}

/// A rule of `kind` with nothing in scope yet, marked inferred.
fn new_rule(kind: RecoveryKind, advice: &str, section: &str, waits: bool) -> RecoveryRule {
    let retries = kind.retries();
    RecoveryRule {
        id: String::new(),
        hints: Vec::new(),
        errors: Vec::new(),
        statuses: Vec::new(),
        status_classes: Vec::new(),
        except: Vec::new(),
        when: Vec::new(),
        transport: Vec::new(),
        kind,
        then: None,
        safe_to_resend: false,
        backoff: retries.then_some(BackoffAdvice::Client),
        max_attempts: None,
        if_no_wait: (kind == RecoveryKind::RetryAfterWait && waits).then_some(RecoveryKind::RetryWithBackoff),
        advice: advice.to_string(),
        source: section.to_string(),
        inferred: vec!["kind".into()],
        inconsistencies: Vec::new(),
        notes: Vec::new(),
    }
}

/// What a section's heading names, when it names a status or a class of them.
fn heading_scope(section: &crate::page::PageSection) -> Option<Scope> {
    let heading = section.heading.last()?;
    if let Some(class) = super::prose::heading_class(heading) {
        // Advice speaks of the error classes only, as a sentence's `4xx` and `5xx` do.
        return crate::model::written_status_class(&class)
            .filter(|class| matches!(class, StatusClass::ClientError | StatusClass::ServerError))
            .map(Scope::Class);
    }
    match super::prose::statuses_in(heading).as_slice() {
        [(code, _)] => Some(Scope::Status(*code)),
        _ => None,
    }
}
