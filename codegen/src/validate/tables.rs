//! Source tables: each column's cell template parses, names facts its rows have, and every row
//! has every fact; the table is rebuilt cell by cell on the way.

use super::Checker;
use crate::diagnostic::Code;
use crate::facts::{self, Segment};
use crate::model::{Section, SourceTable, TableRows};
use crate::resolved::Table;

/// One row of a table: its catalog path and how to read its facts.
type Row<'f> = (String, RowFacts<'f>);
type RowFacts<'f> = Box<dyn Fn(&str) -> Option<String> + 'f>;

impl Checker<'_> {
    /// Checks the table of `section` (at `path`) and rebuilds it; `None` when it has problems.
    pub(super) fn check_table(&mut self, path: &str, section: &Section, table: &SourceTable) -> Option<Table> {
        let api = self.api;
        let errors_before = self.errors.len();
        let known = facts::facts_for(&table.rows);
        let rows: Vec<Row<'_>> = match &table.rows {
            TableRows::Statuses => api
                .statuses
                .iter()
                .enumerate()
                .filter(|(_, s)| s.source == section.id)
                .map(|(i, s)| {
                    (format!("statuses[{i}]"), Box::new(move |f: &str| facts::status_fact(s, f)) as RowFacts<'_>)
                })
                .collect(),
            TableRows::Vocabulary(name) => {
                let Some(v) = api.vocabularies.iter().position(|v| &v.name == name) else {
                    self.unknown_rows(path, "vocabulary", name, "a vocabulary defined under `vocabularies:`");
                    return None;
                };
                api.vocabularies[v]
                    .values
                    .iter()
                    .enumerate()
                    .filter(|(_, x)| x.source == section.id)
                    .map(|(i, x)| {
                        (
                            format!("vocabularies[{v}].values[{i}]"),
                            Box::new(move |f: &str| facts::value_fact(x, f)) as RowFacts<'_>,
                        )
                    })
                    .collect()
            }
            TableRows::Body(name) => {
                let Some(b) = api.bodies.iter().position(|b| &b.name == name) else {
                    self.unknown_rows(path, "body", name, "a shape defined under `bodies:`");
                    return None;
                };
                api.bodies[b]
                    .fields
                    .iter()
                    .enumerate()
                    .filter(|(_, x)| x.source == section.id)
                    .map(|(i, x)| {
                        (
                            format!("bodies[{b}].fields[{i}]"),
                            Box::new(move |f: &str| facts::field_fact(x, f)) as RowFacts<'_>,
                        )
                    })
                    .collect()
            }
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
                let Segment::Fact(name) = segment else { continue };
                if !known.contains(&name.as_str()) {
                    let help = format!("use one of: {}", known.join(", "));
                    self.error(Code::UnknownPlaceholder, &at, format!("unknown placeholder `{{{name}}}`"), help);
                    continue;
                }
                for (row_path, fact) in &rows {
                    if fact(name).is_none() {
                        self.error(
                            Code::RowMissingFact,
                            row_path,
                            format!(
                                "this row of table `{}` has no `{name}` for column `{}`",
                                section.id, column.header
                            ),
                            format!("add `{name}` to the entry, or take the column out of the table"),
                        );
                    }
                }
            }
            templates.push(segments);
        }
        if self.errors.len() > errors_before {
            return None;
        }
        let cells = rows.iter().map(|(_, fact)| {
            let fill =
                |template: &Vec<Segment>| facts::fill(template, fact).expect("checked above: rows have every fact");
            templates.iter().map(fill).collect()
        });
        Some(Table { headers: table.columns.iter().map(|c| c.header.clone()).collect(), rows: cells.collect() })
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
