//! Source tables: each column's cell template parses, names facts its rows have, and every row
//! has every fact; the table is rebuilt cell by cell on the way.

use super::Checker;
use crate::diagnostic::Code;
use crate::facts::{self, Segment};
use crate::model::{Section, SourceTable, TableRows};
use crate::resolved::Table;
use api_error_runtime::model::{ANY_ELEMENT, EACH_ELEMENT};

/// One row of a table: its catalog path and how to read its facts.
type Row<'f> = (String, RowFacts<'f>);
/// An entry a table could list: its key, whether its `source` is the table's section, its row.
type Candidate<'f> = (String, bool, Row<'f>);
type RowFacts<'f> = Box<dyn Fn(&str) -> Option<String> + 'f>;

impl<'a> Checker<'a> {
    /// Checks the table of `section` (at `path`) and rebuilds it; `None` when it has problems.
    pub(super) fn check_table(&mut self, path: &str, section: &Section, table: &SourceTable) -> Option<Table> {
        let api = self.api;
        let errors_before = self.errors.len();
        let known = facts::facts_for(&table.rows);
        // Every entry the table could list, each with its key (a status's code, a value, a
        // header's name, a member's name or path) and whether its `source` is the section.
        let candidates: Vec<Candidate<'_>> = match &table.rows {
            TableRows::Statuses => api
                .statuses
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let facts = Box::new(move |f: &str| facts::status_fact(s, f)) as RowFacts<'_>;
                    (s.code.to_string(), s.source == section.id, (format!("statuses[{i}]"), facts))
                })
                // A class entry (`5xx`) is a row of its section's table too, after the statuses.
                .chain(api.status_classes.iter().enumerate().map(|(i, c)| {
                    let facts = Box::new(move |f: &str| facts::status_class_fact(c, f)) as RowFacts<'_>;
                    (c.class.clone(), c.source == section.id, (format!("status_classes[{i}]"), facts))
                }))
                .collect(),
            TableRows::Vocabulary(name) => {
                let Some(v) = api.vocabularies.iter().position(|v| &v.name == name) else {
                    self.unknown_rows(path, "vocabulary", name, "a vocabulary defined under `vocabularies:`");
                    return None;
                };
                let vocabulary = &api.vocabularies[v];
                // A family (`4000X`) is a row of its section's table too, after the values.
                let entries = |list: &'static str, entries: &'a [crate::model::VocabularyValue]| {
                    entries.iter().enumerate().map(move |(i, x)| {
                        let facts = Box::new(move |f: &str| facts::value_fact(x, f)) as RowFacts<'_>;
                        (x.value.clone(), x.source == section.id, (format!("vocabularies[{v}].{list}[{i}]"), facts))
                    })
                };
                entries("values", &vocabulary.values).chain(entries("families", &vocabulary.families)).collect()
            }
            TableRows::Headers => (api.headers.iter().enumerate())
                .map(|(i, h)| {
                    let facts = Box::new(move |f: &str| facts::header_fact(h, f)) as RowFacts<'_>;
                    (h.name.clone(), h.source == section.id, (format!("headers[{i}]"), facts))
                })
                .collect(),
            TableRows::Body(name) => {
                let Some(b) = api.bodies.iter().position(|b| &b.name == name) else {
                    self.unknown_rows(path, "body", name, "a shape defined under `bodies:`");
                    return None;
                };
                // A table that writes its rows' `{path}`, or lists its entries, lists the members
                // of the objects the body holds too, below the member that holds each (`error`,
                // `error.code`), by their paths.
                let by_path = table.entries.is_some() || table.columns.iter().any(|c| c.cell.contains("{path"));
                let mut members: Vec<(usize, usize, String)> = Vec::new();
                match by_path {
                    true => super::recovery::walk_members(
                        &api.bodies,
                        &api.unions,
                        b,
                        &mut Vec::new(),
                        &mut Vec::new(),
                        &mut |shape, f, keys| members.push((shape, f, written_path(keys))),
                    ),
                    false => {
                        members.extend(api.bodies[b].fields.iter().enumerate().map(|(f, x)| (b, f, x.name.clone())))
                    }
                }
                members
                    .into_iter()
                    .map(|(body, index, path)| {
                        let field = &api.bodies[body].fields[index];
                        let key = path.clone();
                        let facts = move |f: &str| match f {
                            "path" => Some(path.clone()),
                            f => facts::field_fact(api, field, f),
                        };
                        let row = (format!("bodies[{body}].fields[{index}]"), Box::new(facts) as RowFacts<'_>);
                        (key, field.source == section.id, row)
                    })
                    .collect()
            }
        };
        let rows: Vec<Row<'_>> = match &table.entries {
            Some(listed) => self.listed_entries(path, &table.rows, listed, candidates),
            None => candidates.into_iter().filter(|(_, ours, _)| *ours).map(|(_, _, row)| row).collect(),
        };
        if rows.is_empty() {
            self.error(
                Code::EmptyTable,
                format!("{path}.table"),
                format!("no entry has `source: {}`, so the table has no rows", section.id),
                "set this section as the source of the entries the table lists",
            );
        }
        if table.columns.is_empty() {
            self.error(
                Code::EmptyTable,
                format!("{path}.table.columns"),
                "the table has no columns",
                "list the columns with a header and a cell template",
            );
        }
        let mut templates = Vec::new();
        for (c, column) in table.columns.iter().enumerate() {
            let at = format!("{path}.table.columns[{c}].cell");
            let segments = match facts::parse_template(&column.cell) {
                Ok(segments) => segments,
                Err(problem) => {
                    self.error(
                        Code::BadTemplate,
                        at,
                        format!("bad cell template: {problem}"),
                        "write placeholders as `{fact}`",
                    );
                    continue;
                }
            };
            for segment in &segments {
                let Segment::Fact { form, otherwise, .. } = segment else { continue };
                let names: Vec<&str> = segment.names().collect();
                if let Some(name) = names.iter().find(|name| !known.contains(name)) {
                    let help = format!("use one of: {}", known.join(", "));
                    self.error(Code::UnknownPlaceholder, &at, format!("unknown placeholder `{{{name}}}`"), help);
                    continue;
                }
                // (A form is for the facts that have forms; the others are written as they are,
                // but one at least must take it.)
                let form_problem = |form: &str| {
                    let formed = names.iter().filter(|name| facts::takes_forms(name));
                    let first = names.first().filter(|_| !names.iter().any(|name| facts::takes_forms(name)));
                    formed.chain(first).find_map(|name| facts::form_problem(name, form))
                };
                if let Some(problem) = form.as_deref().and_then(form_problem) {
                    self.error(
                        Code::BadTemplate,
                        &at,
                        format!("bad cell template: {problem}"),
                        "write `{fact}` or a form it takes",
                    );
                    continue;
                }
                if otherwise.is_some() {
                    continue;
                }
                let (name, either, placeholder) = (names[0], names.join("` or `"), names.join("|"));
                for (row_path, fact) in &rows {
                    if names.iter().all(|name| fact(name).is_none()) {
                        self.error(
                            Code::RowMissingFact,
                            row_path,
                            format!(
                                "this row of table `{}` has no `{either}` for column `{}`",
                                section.id, column.header
                            ),
                            format!(
                                "add `{name}` to the entry, or write the placeholder `{{{placeholder}?}}` if the \
                                 document leaves this cell empty"
                            ),
                        );
                    }
                }
            }
            templates.push(segments);
        }
        let joined = table.join.as_ref().and_then(|join| {
            let column = table.columns.iter().position(|c| c.header == join.column);
            if column.is_none() {
                let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
                self.error(
                    Code::UnknownReference,
                    format!("{path}.table.join.column"),
                    format!("the table has no column `{}`", join.column),
                    format!("name one of its columns: {}", headers.join(", ")),
                );
            }
            Some(Joining { column: column?, separator: join.separator.as_str(), span: join.span })
        });
        self.check_groups(path, table, &rows, known);
        if self.errors.len() > errors_before {
            return None;
        }
        // A status written with its reason takes the catalog's phrase (`413 Payload Too Large`,
        // as a document may write it), else RFC 9110's.
        let reason_of = |code: u16| {
            let listed = api.statuses.iter().find(|s| s.code == code)?;
            let text = listed.reason_phrase()?.to_string();
            Some(facts::Phrase { text, stated: listed.reason.is_some() })
        };
        // (A family written as plain words, `(other)`, without the marks the column writes
        // codes in.)
        let plain_templates: Vec<Vec<Segment>> =
            templates.iter().map(|t| facts::without_marks(t, facts::key_fact(&table.rows))).collect();
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|(_, fact)| {
                let fill = |template: &Vec<Segment>| {
                    facts::fill(template, fact, &reason_of).expect("checked above: rows have every fact")
                };
                let plain = fact(facts::WRITTEN_PLAIN).is_some();
                (if plain { &plain_templates } else { &templates }).iter().map(fill).collect()
            })
            .collect();
        // Where the joined column writes more than each row's key (`{code} - {group}`), a row of
        // entries that differ only in their key writes the keys once, joined.
        let keyed: Option<Vec<KeyedCell>> = joined.and_then(|joining| {
            let key = facts::key_fact(&table.rows);
            let template = &templates[joining.column];
            writes_more_than_key(template, key).then(|| {
                let keyed = |(_, fact): &Row<'_>| {
                    let blank = |name: &str| if name == key { Some(KEY.to_string()) } else { fact(name) };
                    let cell = facts::fill(template, blank, &reason_of).expect("checked above: rows have every fact");
                    KeyedCell {
                        without_key: cell,
                        key: fact(key).expect("every row has its key"),
                        grouped: fact("group").is_some(),
                    }
                };
                rows.iter().map(keyed).collect()
            })
        });
        // Each run of rows of one group, after the group's row (before the first of its
        // entries); rows are joined within a run, never across two groups.
        let group_of = |(_, fact): &Row<'_>| table.groups.as_ref().and_then(|groups| fact(&groups.by));
        let groups_of: Vec<Option<String>> = rows.iter().map(group_of).collect();
        let mut headed = std::collections::BTreeSet::new();
        let mut written = Vec::new();
        let mut keyed = keyed.map(Vec::into_iter);
        let mut cells = cells.into_iter();
        let mut start = 0;
        while start < groups_of.len() {
            let end = (start..groups_of.len()).find(|&at| groups_of[at] != groups_of[start]).unwrap_or(groups_of.len());
            let heading = table.groups.as_ref().and_then(|groups| {
                let group = groups_of[start].as_ref()?;
                groups.rows.iter().find(|g| &g.group == group).filter(|g| headed.insert(g.group.clone()))
            });
            written.extend(heading.map(|g| g.cells.clone()));
            let run: Vec<Vec<String>> = cells.by_ref().take(end - start).collect();
            let run_keyed = keyed.as_mut().map(|keyed| keyed.by_ref().take(end - start).collect());
            written.extend(match joined {
                Some(joining) => join_rows(run, run_keyed, joining),
                None => run,
            });
            start = end;
        }
        let cells = written;
        let headers = table.columns.iter().map(|c| c.header.clone()).collect();
        Some(Table { lists: table.rows.clone(), headers, rows: cells })
    }

    /// A table's group rows: by a fact its rows have, of as many cells as it has columns, each
    /// heading some rows, none twice (rows joined are of one group).
    fn check_groups(&mut self, path: &str, table: &SourceTable, rows: &[Row<'_>], known: &[&str]) {
        let Some(groups) = &table.groups else { return };
        let at = format!("{path}.table.groups");
        if !known.contains(&groups.by.as_str()) {
            let help = format!("use one of: {}", known.join(", "));
            self.error(Code::UnknownPlaceholder, format!("{at}.by"), format!("unknown fact `{}`", groups.by), help);
            return;
        }
        let mut seen = std::collections::BTreeSet::new();
        for (i, group) in groups.rows.iter().enumerate() {
            let at = format!("{at}.rows[{i}]");
            if group.cells.len() != table.columns.len() {
                self.error(
                    Code::BadTemplate,
                    format!("{at}.cells"),
                    format!(
                        "{} cell{}, and the table has {} columns",
                        group.cells.len(),
                        if group.cells.len() == 1 { "" } else { "s" },
                        table.columns.len()
                    ),
                    "give the row one cell per column",
                );
            }
            if !seen.insert(group.group.as_str()) {
                self.error(
                    Code::BadTemplate,
                    format!("{at}.group"),
                    format!("a second row for group `{}`", group.group),
                    "give each group one row",
                );
            }
            if !rows.iter().any(|(_, fact)| fact(&groups.by).as_deref() == Some(group.group.as_str())) {
                self.error(
                    Code::BadTemplate,
                    format!("{at}.group"),
                    format!("no row of the table has `{}: {}`, so this row heads none", groups.by, group.group),
                    format!("set `{}` on the entries of the group, or remove the row", groups.by),
                );
            }
        }
    }

    /// The entries a table lists by key (`table.entries`), of those it could list: each known,
    /// and listed once.
    fn listed_entries<'r>(
        &mut self,
        path: &str,
        rows: &TableRows,
        listed: &[String],
        mut candidates: Vec<Candidate<'r>>,
    ) -> Vec<Row<'r>> {
        let keys: Vec<String> = candidates.iter().map(|(key, _, _)| key.clone()).collect();
        let mut taken: Vec<(String, Row<'r>)> = Vec::new();
        for (i, wanted) in listed.iter().enumerate() {
            let at = format!("{path}.table.entries[{i}]");
            if taken.iter().any(|(key, _)| key == wanted) {
                self.error(Code::Duplicate, at, format!("`{wanted}` is listed twice"), "list each entry once");
                continue;
            }
            match candidates.iter().position(|(key, _, _)| key == wanted) {
                Some(found) => {
                    let (key, _, row) = candidates.remove(found);
                    taken.push((key, row));
                }
                None => {
                    let (what, help) = match rows {
                        TableRows::Statuses => ("a status the catalog lists", "name a status by its code: `429`"),
                        TableRows::Vocabulary(_) => ("a value of the vocabulary", "name a value as the wire sends it"),
                        TableRows::Headers => ("a header the catalog lists", "name a header as `headers` does"),
                        TableRows::Body(_) => {
                            ("a member of the body or of an object it holds", "name a member by its path: `error.code`")
                        }
                    };
                    let help = match keys.is_empty() {
                        true => help.to_string(),
                        false => format!("{help} (one of: {})", keys.join(", ")),
                    };
                    self.error(Code::UnknownReference, at, format!("`{wanted}` is not {what}"), help);
                }
            }
        }
        taken.into_iter().map(|(_, row)| row).collect()
    }

    fn unknown_rows(&mut self, path: &str, what: &str, name: &str, help: &str) {
        self.error(
            Code::UnknownReference,
            format!("{path}.table.rows"),
            format!("unknown {what} `{name}`"),
            format!("name {help}"),
        );
    }
}

/// A joined cell written without its key, and the keys it joins.
type KeysJoined = (String, Vec<String>);

/// A member's path as a table writes it, from the keys to it: `error.details[].field` (any
/// element, `[*]`, written as each, `[]`); a list's own path without the elements' marks after
/// it (`error.details`).
fn written_path(keys: &[String]) -> String {
    let element = |key: &String| key == EACH_ELEMENT || key == ANY_ELEMENT;
    let own = keys.iter().rposition(|key| !element(key)).map_or(0, |last| last + 1);
    let mut path = String::new();
    for key in &keys[..own] {
        match key.as_str() {
            EACH_ELEMENT | ANY_ELEMENT => path.push_str(EACH_ELEMENT),
            _ if path.is_empty() => path.push_str(key),
            _ => {
                path.push('.');
                path.push_str(key);
            }
        }
    }
    path
}

/// How a table's rows covering several entries are joined: in which column, with what between
/// the keys, and whether as a span (the first and the last).
#[derive(Clone, Copy)]
struct Joining<'t> {
    column: usize,
    separator: &'t str,
    span: bool,
}

/// A row's cell in the joined column, for rows whose cell writes more than their key.
struct KeyedCell {
    /// The cell with its key left out ([`KEY`] in its place).
    without_key: String,
    key: String,
    /// Whether the row's entry belongs to a group the page names (a status's `group`): it
    /// joins only rows of that group.
    grouped: bool,
}

/// What stands for a row's key in a cell written without it.
const KEY: &str = "\u{0}";

/// Does the joined column's template write more than the row's key (once, as it is):
/// `{code} - {group|reason}`?
fn writes_more_than_key(template: &[Segment], key: &str) -> bool {
    let plain_key =
        |s: &Segment| matches!(s, Segment::Fact { name, form: None, or, .. } if name == key && or.is_empty());
    let facts = template.iter().filter(|s| matches!(s, Segment::Fact { .. }));
    template.iter().filter(|s| plain_key(s)).count() == 1 && facts.count() > 1
}

/// Merges consecutive rows that differ only in `column`, joining that column's cells with
/// `separator`: one row of the document covering several entries ("500, 502, 503"). Where
/// `keyed` gives each row's cell with its key left out, and the key, rows whose cells are the
/// same but for the key write the keys once: "500, 502, 503, 504 - Server Errors"; a row of a
/// named group joins only rows of its group ("500 Server error" is a row of its own beside
/// "502/503/504 Gateway errors").
fn join_rows(rows: Vec<Vec<String>>, keyed: Option<Vec<KeyedCell>>, joining: Joining<'_>) -> Vec<Vec<String>> {
    let Joining { column, separator, span } = joining;
    // Keys or cells joined: each, or (a span) the first and the last.
    let write = |all: &[String]| match (span, all) {
        (true, [first, .., last]) => format!("{first}{separator}{last}"),
        _ => all.join(separator),
    };
    // Each merged row, with its cell without the key and the keys it joins, where known,
    // whether its entries are a named group's, and the cells it joins whole.
    let mut merged: Vec<(Vec<String>, Option<KeysJoined>, bool)> = Vec::new();
    let mut whole: Vec<Vec<String>> = Vec::new();
    let mut keyed = keyed.map(Vec::into_iter);
    for row in rows {
        let keyed = keyed.as_mut().and_then(Iterator::next);
        let grouped = keyed.as_ref().is_some_and(|k| k.grouped);
        let same_otherwise =
            |last: &Vec<String>| last.iter().zip(&row).enumerate().all(|(i, (a, b))| i == column || a == b);
        let same_label = |joined: &Option<KeysJoined>| match (joined, &keyed) {
            (Some((without_key, _)), Some(cell)) => cell.without_key == *without_key,
            _ => false,
        };
        match merged.last_mut() {
            Some((last, joined, last_grouped))
                if same_otherwise(last) && (same_label(joined) || !(grouped || *last_grouped)) =>
            {
                match (joined.as_mut(), keyed) {
                    (Some((without_key, keys)), Some(cell)) if cell.without_key == *without_key => {
                        keys.push(cell.key);
                        last[column] = without_key.replace(KEY, &write(keys));
                    }
                    // Cells joined whole: the keys are no longer written once.
                    _ => {
                        let cells = whole.last_mut().expect("one per merged row");
                        cells.push(row[column].clone());
                        last[column] = write(cells);
                        *joined = None;
                    }
                }
            }
            _ => {
                whole.push(vec![row[column].clone()]);
                merged.push((row, keyed.map(|cell| (cell.without_key, vec![cell.key])), grouped));
            }
        }
    }
    merged.into_iter().map(|(row, ..)| row).collect()
}

#[cfg(test)]
mod tests {
    use super::{join_rows, Joining, KeyedCell};

    #[test]
    fn rows_that_differ_only_in_the_joined_column_merge() {
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let rows = vec![row(&["500", "Retry"]), row(&["502", "Retry"]), row(&["404", "Fix"]), row(&["503", "Retry"])];
        assert_eq!(
            join_rows(rows, None, Joining { column: 0, separator: ", ", span: false }),
            vec![row(&["500, 502", "Retry"]), row(&["404", "Fix"]), row(&["503", "Retry"])]
        );
    }

    #[test]
    fn a_label_after_the_keys_is_written_once() {
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let rows = vec![
            row(&["429 - Too Many Requests", "Slow down."]),
            row(&["500 - Server Errors", "Rare."]),
            row(&["502 - Server Errors", "Rare."]),
            row(&["503 - Server Errors", "Rare."]),
        ];
        let keyed = ["429", "500", "502", "503"]
            .iter()
            .zip([
                "\u{0} - Too Many Requests",
                "\u{0} - Server Errors",
                "\u{0} - Server Errors",
                "\u{0} - Server Errors",
            ])
            .map(|(key, cell)| KeyedCell { without_key: cell.to_string(), key: key.to_string(), grouped: false })
            .collect();
        assert_eq!(
            join_rows(rows, Some(keyed), Joining { column: 0, separator: ", ", span: false }),
            vec![row(&["429 - Too Many Requests", "Slow down."]), row(&["500, 502, 503 - Server Errors", "Rare."])]
        );
    }

    #[test]
    fn a_span_writes_its_first_and_last_key() {
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let rows = vec![row(&["429", "Wait"]), row(&["500", "Retry"]), row(&["501", "Retry"]), row(&["502", "Retry"])];
        assert_eq!(
            join_rows(rows, None, Joining { column: 0, separator: "–", span: true }),
            vec![row(&["429", "Wait"]), row(&["500–502", "Retry"])]
        );
    }

    #[test]
    fn a_row_of_a_named_group_joins_only_its_group() {
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let rows = vec![
            row(&["500 Server error", "Retry"]),
            row(&["502 Gateway errors", "Retry"]),
            row(&["503 Gateway errors", "Retry"]),
        ];
        let keyed = [
            ("500", "\u{0} Server error", false),
            ("502", "\u{0} Gateway errors", true),
            ("503", "\u{0} Gateway errors", true),
        ]
        .iter()
        .map(|(key, cell, grouped)| KeyedCell {
            without_key: cell.to_string(),
            key: key.to_string(),
            grouped: *grouped,
        })
        .collect();
        assert_eq!(
            join_rows(rows, Some(keyed), Joining { column: 0, separator: "/", span: false }),
            vec![row(&["500 Server error", "Retry"]), row(&["502/503 Gateway errors", "Retry"])]
        );
    }
}
