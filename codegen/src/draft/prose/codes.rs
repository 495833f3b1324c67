//! Codes the prose names: code spans and numbers a sentence calls codes, written like the codes
//! the tables list; headings that each name a code; lists that define numeric codes; lines that
//! define a code span.

use super::statuses::{heading_class, statuses_in};
use super::SEPARATORS;
use crate::draft::Drafter;
use crate::model::{TableRows, VocabularyType, VocabularyValue};
use crate::page::{code_spans, code_style as style};
use std::collections::{BTreeMap, BTreeSet};

/// A section's prose that is a list of codes alone (three at least), each line one code span,
/// all written alike (`invalid_request`, `not_found`): the codes.
fn bare_codes(prose: &[String]) -> Option<Vec<&str>> {
    let codes: Vec<&str> = prose
        .iter()
        .map(|line| {
            let code = line.trim().strip_prefix('`')?.strip_suffix('`')?;
            (!code.is_empty() && !code.contains(['`', ' '])).then_some(code)
        })
        .collect::<Option<_>>()?;
    // (In one case, with one separator at most: `unauthorized` beside `invalid_request`.)
    let styles: Vec<_> = codes.iter().map(|code| style(code)).collect::<Option<_>>()?;
    let cases: BTreeSet<(bool, bool)> = styles.iter().map(|s| (s.0, s.1)).collect();
    let separators: BTreeSet<char> = styles.iter().filter_map(|s| s.2).collect();
    (codes.len() >= 3 && cases.len() == 1 && separators.len() <= 1).then_some(codes)
}

impl Drafter<'_> {
    /// Codes a table of statuses names in its other cells, in the style of the codes an example
    /// sends (TomTom's `429 | Too many requests (`TooManyRequests`)`, beside an example's
    /// `BadRequest`): values of that vocabulary, sent with the row's statuses, described by the
    /// cell. Two such codes in the table at least, one of them known.
    pub(in crate::draft) fn status_table_codes(&mut self) {
        let tables: Vec<(String, Vec<CellCode>)> = self
            .table_specs
            .iter()
            .filter(|(_, spec)| spec.rows == TableRows::Statuses)
            .filter_map(|(&at, _)| {
                let table = self.section_tables.get(&at)?;
                let rows = table.rows.iter().filter_map(|row| {
                    let statuses = crate::page::status_codes(row.first()?)?;
                    let cells = row.iter().skip(1).flat_map(|cell| code_spans(cell).map(move |span| (span, cell)));
                    Some(cells.map(move |(span, cell)| CellCode {
                        statuses: statuses.clone(),
                        cell: cell.replace('`', ""),
                        code: span.to_string(),
                    }))
                });
                Some((self.table_section_id(at), rows.flatten().collect()))
            })
            .collect();
        for (source, named) in tables {
            let known = |drafter: &Self, span: &str| {
                drafter.vocabularies.iter().find(|v| v.values.iter().any(|x| x.value == span)).map(|v| v.name.clone())
            };
            let Some(vocabulary) = named.iter().find_map(|named| known(self, &named.code)) else { continue };
            let written = (self.vocabularies.iter().find(|v| v.name == vocabulary))
                .and_then(|v| v.values.first())
                .and_then(|value| style(&value.value));
            let alike: Vec<_> =
                named.iter().filter(|named| written.is_some() && style(&named.code) == written).collect();
            if alike.len() < 2 {
                continue;
            }
            let Some(vocabulary) = self.vocabularies.iter_mut().find(|v| v.name == vocabulary) else { continue };
            for named in alike {
                match vocabulary.values.iter_mut().find(|x| x.value == named.code) {
                    Some(value) => {
                        let new: Vec<u16> =
                            named.statuses.iter().copied().filter(|s| !value.statuses.contains(s)).collect();
                        value.statuses.extend(new);
                    }
                    None => vocabulary.values.push(VocabularyValue {
                        value: named.code.clone(),
                        description: Some(named.cell.clone()),
                        statuses: named.statuses.clone(),
                        source: source.clone(),
                        ..VocabularyValue::default()
                    }),
                }
            }
        }
    }

    /// Headings that each name a code (`### -1121 BAD_SYMBOL`, `### 010 - Not allowed`, `###
    /// missing_api_key`), two at least and no table of integer codes beside them: a vocabulary of
    /// the codes, each described by its section's lines, where lines labelled `Status:`,
    /// `Message:` or `Suggested action:` give those facts.
    pub(in crate::draft) fn heading_codes(&mut self) {
        let page = self.page;
        // (A code two headings name is the first one's.)
        let mut seen = BTreeSet::new();
        // The status a heading gives its code beside it (`UNAUTHENTICATED — 401`), by section.
        let mut heading_statuses = BTreeMap::new();
        let named: Vec<(usize, String, Option<String>)> = page
            .sections
            .iter()
            .enumerate()
            .flat_map(|(index, section)| -> Vec<(usize, String, Option<String>)> {
                let Some(heading) = section.heading.last() else { return Vec::new() };
                if let Some((code, status)) = code_and_status_heading(heading) {
                    heading_statuses.insert(index, status);
                    return vec![(index, code, None)];
                }
                // (Codes that share a section: `invalid_api_key or missing_api_key`.)
                if let Some(codes) = codes_heading(heading) {
                    return codes.into_iter().map(|code| (index, code, None)).collect();
                }
                heading_code(section, heading).map(|(code, name)| (index, code, name)).into_iter().collect()
            })
            .filter(|(_, code, _)| seen.insert(code.clone()))
            .collect();
        // A heading of one lower-case word among sibling headings of codes written in lower case
        // (Meilisearch's `internal`, beside `index_not_found`): a code too.
        let parent = |index: usize| page.sections[index].heading.split_last().map(|(_, parent)| parent);
        let lower_codes = |at: Option<&[String]>| {
            let lower = |code: &String| code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
            named.iter().filter(|(index, code, _)| parent(*index) == at && lower(code)).count()
        };
        let words: Vec<(usize, String, Option<String>)> = (page.sections.iter().enumerate())
            .filter_map(|(index, section)| {
                let word = section.heading.last()?.trim();
                let one_word = !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
                (one_word && !seen.contains(word) && lower_codes(parent(index)) >= 2)
                    .then(|| (index, word.to_string(), None))
            })
            .collect();
        let mut named = named;
        named.extend(words);
        named.sort_by_key(|(index, _, _)| *index);
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
                let beside = heading_statuses.get(&index).copied();
                if let Some(code) = beside.or(above).filter(|_| !labels_a_status) {
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
                        // (A line naming another code written as this one is, Moveworks's "may
                        // also answer `SERVICE_UNAVAILABLE`", is about that code.)
                        None if names_another_code(line, &value.value) => {}
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
        let name = crate::draft::names::vocabulary_name(&[title], |n| {
            self.vocabularies.iter().any(|v| v.name == n) || self.bodies.iter().any(|b| b.name == n)
        });
        self.heading_vocabularies.insert(name.clone());
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
    pub(in crate::draft) fn list_codes(&mut self) {
        let page = self.page;
        // (The numbers the examples send apart from the status, read once: see below.)
        let apart: BTreeSet<String> =
            self.members_apart_from_the_status().into_values().flatten().map(|n| n.to_string()).collect();
        for (index, section) in page.sections.iter().enumerate() {
            let known = |code: &str| self.vocabularies.iter().flat_map(|v| &v.values).any(|x| x.value == code);
            // (Or a list of codes alone, each a code span, written alike: Mortgage Guidelines's
            // `invalid_request`, `unauthorized`, ... under "Common codes".)
            if let Some(codes) = bare_codes(&section.prose).filter(|codes| codes.iter().all(|code| !known(code))) {
                let source = &self.section_ids[index];
                let values: Vec<VocabularyValue> = (codes.into_iter())
                    .map(|code| VocabularyValue { value: code.into(), source: source.clone(), ..Default::default() })
                    .collect();
                self.listed_vocabulary(index, values, VocabularyType::String);
                continue;
            }
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
            let source = &self.section_ids[index];
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
            let wire_type = if text { VocabularyType::String } else { VocabularyType::Integer };
            self.listed_vocabulary(index, values, wire_type);
        }
    }

    /// The vocabulary of the codes a list in section `index` gives, named after its heading.
    fn listed_vocabulary(&mut self, index: usize, values: Vec<VocabularyValue>, wire_type: VocabularyType) {
        let heading = &self.page.sections[index].heading;
        let name = crate::draft::names::vocabulary_name(heading, |n| {
            self.vocabularies.iter().any(|v| v.name == n) || self.bodies.iter().any(|b| b.name == n)
        });
        self.vocabularies.push(crate::model::Vocabulary {
            name,
            description: format!("The codes the page lists under {}.", heading.join(" › ")),
            source: self.section_ids[index].clone(),
            wire_type,
            values,
            ..crate::model::Vocabulary::default()
        });
    }

    /// A code a line of a list defines: a value of the vocabulary one of whose values is
    /// written alike (`missing` beside `missing_field`), traced to the list's section.
    pub(super) fn listed_code(&mut self, word: &str, said: &str, source: &str) {
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
        let alike = |v: &&crate::model::Vocabulary| {
            v.values.iter().any(|x| style(&x.value).is_some_and(|style| crate::page::written_alike(style, written)))
        };
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
    pub(super) fn prose_code(&mut self, word: &str, line: &str, source: &str, sent: &BTreeMap<&str, BTreeSet<&str>>) {
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
        // The status in brackets right after the code ("`RateLimitExceeded` (429)"): its status.
        let spanned = format!("`{word}`");
        let status_after = line.find(&spanned).and_then(|at| {
            let inner = line[at + spanned.len()..].trim_start().strip_prefix('(')?.split(')').next()?;
            crate::page::status_number(inner.trim())
        });
        if known {
            if let Some(code) = status_after {
                let values = self.vocabularies.iter_mut().flat_map(|v| &mut v.values).filter(|x| x.value == word);
                let mut given = false;
                for value in values.filter(|x| x.statuses.is_empty()) {
                    value.statuses.push(code);
                    given = true;
                }
                if given {
                    self.ensure_status(code, source);
                }
            }
            return;
        }
        // (An identifier's name is a parameter, not a code: ElevenLabs' `voice_id`. Nor is a word
        // named as a member is, after its last `_`: Paypercut's `advice_code` beside a member
        // `decline_code`.)
        let members = self.bodies.iter().flat_map(|b| &b.fields).map(|f| f.name.as_str());
        if crate::page::names_an_identifier(word)
            || crate::page::named_like_a_member(word, members)
            || (word.contains(' ') && categorized.is_none())
        {
            return;
        }
        // (The vocabulary of a member the line names before the code, in the code's style: "the
        // `category` is `SERVICE_UNAVAILABLE`", of Deepgram's two formats, each with its codes.)
        let vocabulary_of = |name: &str| {
            self.bodies.iter().flat_map(|b| &b.fields).find(|f| f.name == name).and_then(|f| match f.ty.values() {
                crate::model::FieldType::Vocabulary(v) => Some(v.clone()),
                _ => None,
            })
        };
        // (Or of the member the words right after the code name: "a `storageZone.not_found` error
        // key", of bunny.net's `ErrorKey`.)
        let named_after = line
            .find(&spanned)
            .and_then(|at| {
                // (Plain words: a clause that starts after the code names nothing of it.)
                let words: Vec<&str> = (line[at + spanned.len()..].split_whitespace().take(3))
                    .take_while(|w| w.bytes().all(|b| b.is_ascii_alphanumeric()))
                    .collect();
                let bare_members: Vec<(String, &str)> = (self.bodies.iter().flat_map(|b| &b.fields))
                    .map(|f| (crate::draft::names::bare(&f.name), f.name.as_str()))
                    .collect();
                (1..=words.len()).rev().find_map(|n| {
                    let said = crate::draft::names::bare(&words[..n].join(""));
                    let member = bare_members.iter().find(|(bare, _)| *bare == said)?;
                    vocabulary_of(member.1)
                })
            })
            .filter(|name| {
                let integer =
                    self.vocabularies.iter().any(|v| &v.name == name && v.wire_type == VocabularyType::Integer);
                !integer || word.parse::<i64>().is_ok()
            });
        let named_before = line.find(&spanned).and_then(|at| {
            let members: Vec<&str> = code_spans(&line[..at]).collect();
            let written = style(word)?;
            members.into_iter().rev().filter_map(vocabulary_of).find(|name| {
                self.vocabularies
                    .iter()
                    .any(|v| &v.name == name && v.values.iter().any(|x| style(&x.value) == Some(written)))
            })
        });
        // (Or of the member the words right before it name: "carries the code `rate_limited`",
        // of Member's `errors[].code`.)
        let named_in_words_before = line.find(&spanned).and_then(|at| {
            // (After an article: "of media type `application/problem+json`" names no member.)
            let mut before = line[..at].split_whitespace().rev();
            let (last, article) = (before.next()?, before.next()?);
            if !last.bytes().all(|b| b.is_ascii_alphabetic()) || !["the", "a", "an", "its"].contains(&article) {
                return None;
            }
            let members = self.bodies.iter().flat_map(|b| &b.fields);
            let member =
                members.filter(|f| crate::draft::names::bare(&f.name) == last.to_lowercase()).find_map(|f| match f
                    .ty
                    .values()
                {
                    crate::model::FieldType::Vocabulary(v) => Some(v.clone()),
                    _ => None,
                })?;
            // (Not on a page with a table of codes: one its table lacks is a contradiction `lint`
            // reports, Contentful's "answers with the type `UnknownSpace`".)
            let tabled = !self.vocabulary_tables.is_empty();
            let integer = self.vocabularies.iter().any(|v| v.name == member && v.wire_type == VocabularyType::Integer);
            (!tabled && (!integer || word.parse::<i64>().is_ok())).then_some(member)
        });
        let vocabulary = match style(word) {
            _ if categorized.is_some() => categorized,
            _ if named_before.is_some() => named_before,
            _ if named_after.is_some() => named_after,
            _ if named_in_words_before.is_some() => named_in_words_before,
            Some(written) => {
                let like = |v: &&crate::model::Vocabulary| {
                    v.values.iter().filter(|x| style(&x.value) == Some(written)).count()
                };
                // (Or a digit shorter, in a line that says a call fails with it or names it a
                // code: WeChat's "calls fail with `45009`" beside `103001`.)
                let said_to_fail = ["fail", "error", "code"].iter().any(|w| line.to_lowercase().contains(w));
                let as_long = |v: &&crate::model::Vocabulary| {
                    let values = || v.values.iter().map(|x| x.value.as_str());
                    crate::page::number_like_codes(word, values())
                        || (said_to_fail
                            && word.bytes().all(|b| b.is_ascii_digit())
                            && crate::page::number_like_codes(&format!("{word}0"), values()))
                };
                self.vocabularies.iter().filter(|v| like(v) >= 2 && as_long(v)).max_by_key(like).map(|v| v.name.clone())
            }
            // Numbers joined by dots, as a vocabulary's codes are (`403.001` beside `400.002`).
            None if crate::page::dotted_digits(word).is_some() => {
                let shape = crate::page::dotted_digits(word);
                let alike = |v: &&crate::model::Vocabulary| {
                    v.values.iter().filter(|x| crate::page::dotted_digits(&x.value) == shape).count() >= 2
                };
                self.vocabularies.iter().find(alike).map(|v| v.name.clone())
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
                statuses: status_after.into_iter().collect(),
                source: source.clone(),
                inferred: vec!["description".into()],
                ..VocabularyValue::default()
            });
        }
        if let Some(code) = status_after {
            self.ensure_status(code, &source);
        }
    }

    /// Codes a code sample tests a member of codes for (`case 'PERSISTED_QUERY_NOT_FOUND':` in a
    /// `switch (error.extensions?.code)`, `if err.code == "rate_limited"`) that the draft lacks:
    /// values of that member's vocabulary, traced to the sample's section (where `lint` finds a
    /// code the table forgot).
    pub(in crate::draft) fn sample_codes(&mut self) {
        let page = self.page;
        // (Members are typed with their vocabularies as the catalog is made.)
        let bodies = self.typed_bodies();
        for (index, section) in page.sections.iter().enumerate() {
            let samples = section.code_blocks.iter().filter(|b| !matches!(b.language.as_str(), "json" | "http"));
            for block in samples {
                for (subject, word) in tested_values(&block.text) {
                    let vocabulary =
                        (bodies.iter().flat_map(|b| &b.fields)).find(|f| f.name == subject).and_then(|f| {
                            match f.ty.values() {
                                crate::model::FieldType::Vocabulary(name) => Some(name.clone()),
                                _ => None,
                            }
                        });
                    let Some(name) = vocabulary else { continue };
                    let Some(at) = self.vocabularies.iter().position(|v| v.name == name) else { continue };
                    let integer = self.vocabularies[at].wire_type == VocabularyType::Integer;
                    if self.vocabularies[at].values.iter().any(|x| x.value == word)
                        || (integer && word.parse::<i64>().is_err())
                    {
                        continue;
                    }
                    let listed = TableRows::Vocabulary(name);
                    let (source, _) = self.free_source(&self.section_ids[index], |rows| *rows == listed);
                    let description = format!(
                        "The code sample under {} (line {}) tests `{subject}` for it.",
                        self.section_title(index),
                        block.line
                    );
                    self.vocabularies[at].values.push(VocabularyValue {
                        value: word,
                        description: Some(description),
                        source,
                        inferred: vec!["description".into()],
                        ..VocabularyValue::default()
                    });
                }
            }
        }
    }
}

/// The values a code sample compares a member with, each with the member's name (the last name
/// of the path it reads): the labels of a `switch` on it (`case 'X':`), and the right side of
/// an equality test (`err.code === "X"`, `error["code"] == 'X'`).
fn tested_values(code: &str) -> Vec<(String, String)> {
    // The name a path ends in: `error.extensions?.code` and `err["code"]` read `code`.
    let last_name = |path: &str| {
        let name = path.trim().trim_end_matches([')', ']', '"', '\'']).rsplit(['.', '[', '"', '\'', '(']).next()?;
        let name = name.trim();
        (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')).then(|| name.to_string())
    };
    // A quoted literal at the start of `text`, and what follows it.
    let literal = |text: &str| {
        let text = text.trim_start();
        let quote = text.chars().next().filter(|c| ['\'', '"', '`'].contains(c))?;
        let inner = &text[1..];
        let end = inner.find(quote)?;
        let word = &inner[..end];
        (!word.is_empty() && !word.contains(char::is_whitespace)).then(|| word.to_string())
    };
    let mut found = Vec::new();
    let mut subject: Option<String> = None;
    for line in code.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("switch") {
            let inner = rest.trim_start().strip_prefix('(').and_then(|r| r.rsplit_once(')')).map(|(inner, _)| inner);
            subject = inner.and_then(last_name);
        }
        if let (Some(rest), Some(subject)) = (line.strip_prefix("case "), &subject) {
            if let Some(word) = literal(rest) {
                found.push((subject.clone(), word));
            }
        }
        for (at, _) in line.match_indices("==") {
            let (before, after) = (&line[..at], line[at..].trim_start_matches('='));
            if before.ends_with(['!', '=', '<', '>']) {
                continue;
            }
            let path = before.trim_end().rsplit([' ', '(', '!', '&', '|']).next().unwrap_or_default();
            if let (Some(name), Some(word)) = (last_name(path), literal(after)) {
                found.push((name, word));
            }
        }
    }
    found
}

/// A code span in a cell of a table of statuses, with the row's statuses and the cell's text.
struct CellCode {
    statuses: Vec<u16>,
    cell: String,
    code: String,
}

/// Numbers a sentence calls codes outside code spans ("Code 613 also means too many calls",
/// "error code 190"), not a status code ("status code 429", "HTTP code 404").
pub(super) fn numbers_called_codes(line: &str) -> impl Iterator<Item = &str> {
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

/// The words in capitals a line calls codes outside code spans ("The usual codes are
/// UNAUTHENTICATED, RATE_LIMITED and VALIDATION_ERROR"): where it says `code` and names two such
/// words joined by `_` at least (an acronym, `HTTP`, alone is none).
pub(super) fn capitals_called_codes(line: &str) -> Vec<&str> {
    const ACRONYMS: [&str; 12] =
        ["HTTP", "HTTPS", "JSON", "API", "URL", "URI", "REST", "UTC", "ISO", "XML", "UUID", "GMT"];
    let outside: Vec<&str> = line.split('`').step_by(2).collect();
    let said = outside.join(" ").to_ascii_lowercase();
    if !said.split(|c: char| !c.is_ascii_alphabetic()).any(|w| w == "code" || w == "codes") {
        return Vec::new();
    }
    let words: Vec<&str> = (outside.iter())
        .flat_map(|part| part.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')))
        .filter(|w| w.len() >= 4 && !ACRONYMS.contains(w))
        .filter(|w| style(w).is_some_and(|(lower, upper, _, _)| upper && !lower))
        .collect();
    match words.iter().filter(|w| w.contains('_')).count() >= 2 {
        true => words,
        false => Vec::new(),
    }
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

/// A heading of two codes or more, joined by `or`, `and` or commas (`invalid_api_key or
/// missing_api_key`): each as [`word_heading`] reads one.
fn codes_heading(heading: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> =
        heading.split(", ").flat_map(|part| part.split(" or ")).flat_map(|part| part.split(" and ")).collect();
    let codes: Option<Vec<String>> = parts.iter().map(|part| word_heading(part.trim())).collect();
    codes.filter(|codes| codes.len() >= 2)
}

/// The code a heading names, with the name it gives the code, if any: a numeric code and its
/// name (`-1121 BAD_SYMBOL`), a code alone (`missing_api_key`), or a heading that names the error
/// over a line that gives its code (Omise's `### Brand Not Supported` over `error code:
/// brand_not_supported`). A heading of statuses (`400 and 401 errors`) names none.
fn heading_code(section: &crate::page::PageSection, heading: &str) -> Option<(String, Option<String>)> {
    if !statuses_in(heading).is_empty() || heading_class(heading).is_some() {
        return None;
    }
    let labelled_code = || {
        section.prose.iter().find_map(|line| match labelled(line.trim_start_matches(['-', '*', '+', ' '])) {
            Some(Label::Code(code)) => Some((code, Some(heading.to_string()))),
            _ => None,
        })
    };
    match code_heading(heading) {
        Some((code, name)) => Some((code, Some(name))),
        None => word_heading(heading).map(|code| (code, None)).or_else(labelled_code),
    }
}

/// Whether `line` names in a code span a code other than `code`, written in its style.
fn names_another_code(line: &str, code: &str) -> bool {
    let Some(own) = style(code) else { return false };
    code_spans(line).any(|span| span != code && style(span) == Some(own))
}

/// A heading of a code and the status it is sent with, set apart by a dash, a colon or
/// brackets (`UNAUTHENTICATED — 401`, `` `not_found` (404) ``, `429 - RATE_LIMITED`).
fn code_and_status_heading(heading: &str) -> Option<(String, u16)> {
    let text = heading.trim();
    // (Or a status, then a code of words joined by `_`, with no mark between: Moveworks's `400
    // INPUT_VALIDATION_FAILED`. A reason written so, `404 NOT_FOUND`, is still the code's name.)
    let bare = || {
        let (status, code) = text.split_once(' ')?;
        let code = code.trim().trim_matches('`');
        let joined = code.contains('_') && !code.contains(char::is_whitespace);
        (joined && style(code).is_some()).then_some((status, code))
    };
    let (first, second) = [" — ", " – ", " - ", ": ", " ("]
        .iter()
        .find_map(|separator| text.split_once(separator))
        .map(|(first, second)| (first.trim(), second.trim().trim_end_matches(')').trim()))
        .or_else(bare)?;
    // (A status alone, or with its reason phrase: `401 Unauthorized`.)
    let status = |part: &str| {
        let mut words = part.trim_matches('`').split_whitespace();
        let code = crate::page::status_number(words.next()?)?;
        words.all(|w| w.starts_with(|c: char| c.is_ascii_uppercase())).then_some(code)
    };
    // (A code as a heading of one is written, or in capitals: `Not Found` is a reason, no code.)
    let code = |part: &str| {
        let capitals =
            || (style(part).is_some() && !part.contains(|c: char| c.is_ascii_lowercase())).then(|| part.to_string());
        word_heading(part).or_else(capitals).filter(|code| code.contains(|c: char| c.is_ascii_alphabetic()))
    };
    match (status(first), status(second)) {
        (None, Some(status)) => Some((code(first)?, status)),
        (Some(status), None) => Some((code(second)?, status)),
        _ => None,
    }
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
    // (Or a name in capitals that ends a sentence of its own: Oz Forensics' `1 – NOT ALLOWED. The
    // method called is not allowed`.)
    let capitals = || {
        let (name, said) = rest.split_once(". ")?;
        let words = name.split_whitespace().count();
        let shouted = name.chars().all(|c| c.is_ascii_uppercase() || c == ' ' || c == '_');
        ((1..=5).contains(&words) && shouted).then(|| (Some(name.trim().to_string()), said.trim().to_string()))
    };
    let (title, said) = named.or_else(capitals).unwrap_or((None, rest.to_string()));
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

/// A line that starts with a code span and says what it means after a separator (`` - `missing`:
/// a resource does not exist ``): the code, and what follows the separator.
pub(super) fn defined_code(line: &str) -> Option<(&str, String)> {
    let rest = line.trim_start_matches(['-', '*', ' ']).strip_prefix('`')?;
    let (word, after) = rest.split_once('`')?;
    let after = after.trim_start_matches('*');
    let said = SEPARATORS.iter().find_map(|sep| after.strip_prefix(sep))?;
    let said = said.replace('`', "").trim().to_string();
    (!said.is_empty() && !word.contains(' ')).then_some((crate::page::unquoted(word), said))
}

#[cfg(test)]
mod tests {
    use super::{
        bare_codes, capitals_called_codes, code_and_status_heading, code_heading, codes_heading, defined_code,
        numbered_line, tested_values,
    };

    #[test]
    fn a_code_sample_tests_a_member_for_codes() {
        let sample =
            "switch (error.extensions?.code) {\n  case 'UNAUTHENTICATED':\n    break;\n  case \"GONE\": return;\n}\n\
                      if (err.code === 'rate_limited' || err[\"type\"] == \"api_error\") {}\nif (a != 'x') {}";
        let found = tested_values(sample);
        let pairs: Vec<(&str, &str)> = found.iter().map(|(m, w)| (m.as_str(), w.as_str())).collect();
        assert_eq!(
            pairs,
            [("code", "UNAUTHENTICATED"), ("code", "GONE"), ("code", "rate_limited"), ("type", "api_error")]
        );
    }

    #[test]
    fn a_list_of_codes_alone_is_a_list_of_codes() {
        let lines = |lines: &[&str]| lines.iter().map(|line| line.to_string()).collect::<Vec<_>>();
        let listed = lines(&["`invalid_request`", "`unauthorized`", "`not_found`"]);
        assert_eq!(bare_codes(&listed), Some(vec!["invalid_request", "unauthorized", "not_found"]));
        assert_eq!(bare_codes(&lines(&["`a_b`", "`c_d`"])), None, "two are too few");
        assert_eq!(bare_codes(&lines(&["`a_b`", "`C_D`", "`e_f`"])), None, "two cases");
        assert_eq!(bare_codes(&lines(&["`a_b`", "`c_d`", "Then retry."])), None, "a sentence among them");
    }

    #[test]
    fn codes_in_capitals_a_sentence_about_codes_names() {
        let line = "The usual codes are UNAUTHENTICATED, RATE_LIMITED, VALIDATION_ERROR and UPSTREAM_ERROR.";
        assert_eq!(
            capitals_called_codes(line),
            ["UNAUTHENTICATED", "RATE_LIMITED", "VALIDATION_ERROR", "UPSTREAM_ERROR"]
        );
        assert!(capitals_called_codes("Send HTTP and JSON; see `RATE_LIMITED` and `BAD_INPUT`.").is_empty(), "no code");
        assert!(capitals_called_codes("Codes come over HTTP as JSON, RATE_LIMITED for one.").is_empty(), "one alone");
    }

    #[test]
    fn a_heading_of_a_code_and_its_status() {
        let named = |code: &str, status: u16| Some((code.to_string(), status));
        assert_eq!(code_and_status_heading("UNAUTHENTICATED — 401"), named("UNAUTHENTICATED", 401));
        assert_eq!(code_and_status_heading("`not_found` (404)"), named("not_found", 404));
        assert_eq!(code_and_status_heading("429 - RATE_LIMITED"), named("RATE_LIMITED", 429));
        assert_eq!(code_and_status_heading("404 - Not Found"), None, "a status and its reason");
        assert_eq!(
            code_and_status_heading("401 Unauthorized - `authentication_failed`"),
            named("authentication_failed", 401)
        );
        assert_eq!(code_and_status_heading("Errors — 2024"), None);
        assert_eq!(code_and_status_heading("RATE_LIMITED"), None);
        // (A status, then a code with no mark between.)
        assert_eq!(code_and_status_heading("400 INPUT_VALIDATION_FAILED"), named("INPUT_VALIDATION_FAILED", 400));
        assert_eq!(code_and_status_heading("503 Service Unavailable"), None, "a status and its reason");
    }

    #[test]
    fn a_heading_of_several_codes_names_each() {
        let codes = |list: &[&str]| Some(list.iter().map(|c| c.to_string()).collect::<Vec<_>>());
        assert_eq!(codes_heading("invalid_api_key or missing_api_key"), codes(&["invalid_api_key", "missing_api_key"]));
        assert_eq!(codes_heading("`A_B`, `C_D` and `E_F`"), codes(&["A_B", "C_D", "E_F"]));
        assert_eq!(codes_heading("invalid_api_key"), None, "one code");
        assert_eq!(codes_heading("Errors and warnings"), None);
    }

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
        assert_eq!(
            numbered_line("202 – CAPACITY EXCEEDED. The queue is full."),
            line("202", Some("CAPACITY EXCEEDED"), "The queue is full.")
        );
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
    fn a_line_that_starts_with_a_code_span_defines_it() {
        assert_eq!(
            defined_code("- `missing`: a resource does not exist."),
            Some(("missing", "a resource does not exist.".into()))
        );
        assert_eq!(defined_code("`\"gone\"` — no longer here"), Some(("gone", "no longer here".into())));
        assert_eq!(defined_code("Send `missing` when: never"), None, "not first on the line");
    }
}
