//! Rebuilding a page's tables as source tables: a table of statuses, of a vocabulary's values,
//! or of a body's fields, each column a fact of the entries its rows become.

use super::cells::{
    cell_joins, code_template, fact_cell, is_code_span, is_placeholder, is_yes_no_column, json_type, reason_after_code,
    strip_code, unescape, wrapping, yes_no,
};
use super::{names, Drafter};
use crate::model::{Field, JoinRows, Shape, SourceTable, Status, TableColumn, TableRows, Vocabulary, VocabularyValue};
use crate::page::{status_codes, PageSection, PageTable};

/// What a column of a status table states about each status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StatusFact {
    Reason,
    Description,
    Action,
    WhenUsed,
    Retryable,
}

impl StatusFact {
    /// The fact's name in the table's cell templates (`{when_used}`).
    fn key(self) -> &'static str {
        match self {
            Self::Reason => "reason",
            Self::Description => "description",
            Self::Action => "action",
            Self::WhenUsed => "when_used",
            Self::Retryable => "retryable",
        }
    }

    /// The fact a column holds, by its header (a text column goes to the first text fact still
    /// free).
    fn of_column(header: &str, cells: &[&str], taken: &[Self]) -> Option<Self> {
        let lower = header.to_lowercase();
        let wanted = if lower.contains("retr") && is_yes_no_column(cells) {
            Self::Retryable
        } else if lower.contains("reason") || lower == "name" || lower == "status text" {
            Self::Reason
        } else if lower.contains("action") || lower.contains("what to do") || lower.contains("resolution") {
            Self::Action
        } else if lower.contains("when") {
            Self::WhenUsed
        } else {
            Self::Description
        };
        [wanted, Self::Description, Self::Action, Self::WhenUsed].into_iter().find(|f| !taken.contains(f))
    }

    /// Sets the fact a (non-placeholder) cell states; `None` when the cell cannot state it.
    fn set(self, status: &mut Status, cell: &str) -> Option<()> {
        match self {
            Self::Reason => status.reason = Some(unescape(cell)),
            Self::Description => status.description = unescape(cell),
            Self::Action => status.action = Some(unescape(cell)),
            Self::WhenUsed => status.when_used = Some(unescape(cell)),
            Self::Retryable => status.retryable = Some(yes_no(cell)?),
        }
        Some(())
    }
}

/// What a column of a vocabulary's table states about each value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ValueFact {
    Statuses,
    Retryable,
    Action,
    UserMessage,
    Message,
    Title,
    Category,
    Kind,
    Description,
}

impl ValueFact {
    fn key(self) -> &'static str {
        match self {
            Self::Statuses => "statuses",
            Self::Retryable => "retryable",
            Self::Action => "action",
            Self::UserMessage => "user_message",
            Self::Message => "message",
            Self::Title => "title",
            Self::Category => "category",
            Self::Kind => "kind",
            Self::Description => "description",
        }
    }

    fn of_column(header: &str, cells: &[&str], taken: &[Self]) -> Option<Self> {
        let lower = header.to_lowercase();
        let statuses =
            cells.iter().all(|c| is_placeholder(c) || status_codes(c).is_some_and(|codes| cell_joins(c, &codes)));
        let wanted = if lower.contains("status") && statuses {
            Self::Statuses
        } else if lower.contains("retr") && is_yes_no_column(cells) {
            Self::Retryable
        } else if lower.contains("action") || lower.contains("what to do") || lower.contains("resolution") {
            Self::Action
        } else if lower.contains("user") {
            Self::UserMessage
        } else if lower.contains("message") {
            Self::Message
        } else if lower.contains("title") || lower == "name" {
            Self::Title
        } else if lower.contains("category") {
            Self::Category
        } else if lower.contains("kind") {
            Self::Kind
        } else {
            Self::Description
        };
        [
            wanted,
            Self::Description,
            Self::Action,
            Self::Title,
            Self::Message,
            Self::Category,
            Self::Kind,
            Self::UserMessage,
        ]
        .into_iter()
        .find(|f| !taken.contains(f))
    }

    /// Sets the fact a (non-placeholder) cell states; `None` when the cell cannot state it.
    fn set(self, value: &mut VocabularyValue, cell: &str) -> Option<()> {
        let text = Some(unescape(cell));
        match self {
            Self::Statuses => value.statuses = status_codes(cell)?,
            Self::Retryable => value.retryable = Some(yes_no(cell)?),
            Self::Action => value.action = text,
            Self::UserMessage => value.user_message = text,
            Self::Message => value.message = text,
            Self::Title => value.title = text,
            Self::Category => value.category = text,
            Self::Kind => value.kind = text,
            Self::Description => value.description = text,
        }
        Some(())
    }
}

/// What a column of a field table states about each field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldFact {
    Type,
    Required,
    Description,
}

impl FieldFact {
    fn key(self) -> &'static str {
        match self {
            Self::Type => "type",
            Self::Required => "required",
            Self::Description => "description",
        }
    }
}

/// The cells of column `c`, a placeholder's empty text where a row is short.
fn column(table: &PageTable, c: usize) -> Vec<&str> {
    table.rows.iter().map(|row| row.get(c).map_or("", String::as_str)).collect()
}

impl Drafter<'_> {
    /// Each section's first table, rebuilt as statuses, a body's fields or a vocabulary; what
    /// is none of them is listed as unplaced.
    pub(super) fn tables(&mut self) {
        for (index, section) in self.page.sections.iter().enumerate() {
            for (t, table) in section.tables.iter().enumerate() {
                if t > 0 {
                    self.unplaced.push(format!(
                        "{}: table {} of the section (a section holds one source table; split the heading to keep it)",
                        self.section_title(index),
                        t + 1
                    ));
                    continue;
                }
                if table.rows.is_empty() || table.rows.iter().any(Vec::is_empty) {
                    self.unplaced.push(format!("{}: a table without rows", self.section_title(index)));
                    continue;
                }
                let kept = self
                    .status_table(index, table)
                    .or_else(|| self.field_table(index, section, table))
                    .or_else(|| self.vocabulary_table(index, section, table));
                match kept {
                    Some(spec) => {
                        self.table_specs.insert(index, spec);
                        self.section_tables.insert(index, table.clone());
                    }
                    None => self.unplaced.push(format!(
                        "{}: a table with columns {} is neither statuses, a vocabulary nor fields",
                        self.section_title(index),
                        table.header.join(", ")
                    )),
                }
            }
        }
    }

    /// A table whose first column holds status codes: one status per code.
    fn status_table(&mut self, index: usize, table: &PageTable) -> Option<SourceTable> {
        let codes: Vec<Vec<u16>> = table.rows.iter().map(|row| status_codes(&row[0])).collect::<Option<_>>()?;
        // `200 OK`: the code's cell carries its reason phrase too.
        let reasons: Vec<Option<String>> = table.rows.iter().map(|row| reason_after_code(&row[0])).collect();
        let template = if reasons.iter().all(Option::is_some) {
            let (open, close) = wrapping(&table.rows[0][0]);
            format!("{open}{{code}} {{reason}}{close}")
        } else {
            code_template(&table.rows[0][0], &codes[0], "{code}")?
        };
        let mut columns = vec![TableColumn { header: table.header[0].clone(), cell: template }];
        let mut facts: Vec<StatusFact> = Vec::new();
        for (c, header) in table.header.iter().enumerate().skip(1) {
            let cells = column(table, c);
            let fact = StatusFact::of_column(header, &cells, &facts)?;
            facts.push(fact);
            columns.push(TableColumn { header: header.clone(), cell: fact_cell(fact.key(), &cells) });
        }
        let section = self.section_ids[index].clone();
        for ((row, codes), reason) in table.rows.iter().zip(&codes).zip(&reasons) {
            for &code in codes {
                let mut status = Status { code, reason: reason.clone(), source: section.clone(), ..Status::default() };
                for (fact, cell) in facts.iter().zip(row.iter().skip(1)) {
                    if !is_placeholder(cell) {
                        fact.set(&mut status, cell)?;
                    }
                }
                if status.description.is_empty() {
                    status.description = format!("Status {code}, as the page lists it");
                    status.inferred.push("description".into());
                }
                self.add_status(status);
            }
        }
        let join = codes
            .iter()
            .any(|c| c.len() > 1)
            .then(|| JoinRows { column: table.header[0].clone(), separator: ", ".into() });
        Some(SourceTable { rows: TableRows::Statuses, columns, join })
    }

    /// A table of a body's fields: a first column of names and a `Type` column.
    fn field_table(&mut self, index: usize, section: &PageSection, table: &PageTable) -> Option<SourceTable> {
        let type_column = table.header.iter().position(|h| h.trim().eq_ignore_ascii_case("type"))?;
        let name_template = if table.rows.iter().all(|r| is_code_span(&r[0])) { "`{name}`" } else { "{name}" };
        let mut columns = vec![TableColumn { header: table.header[0].clone(), cell: name_template.into() }];
        let mut facts: Vec<FieldFact> = Vec::new();
        for (c, header) in table.header.iter().enumerate().skip(1) {
            let fact = if c == type_column {
                FieldFact::Type
            } else if header.to_lowercase().contains("required") {
                FieldFact::Required
            } else if !facts.contains(&FieldFact::Description) {
                FieldFact::Description
            } else {
                return None;
            };
            facts.push(fact);
            columns.push(TableColumn { header: header.clone(), cell: format!("{{{}}}", fact.key()) });
        }
        let name = names::body_name(&section.heading, self.bodies.is_empty());
        let source = self.section_ids[index].clone();
        let column_of = |fact: FieldFact| facts.iter().position(|f| *f == fact).map(|i| i + 1);
        let (description_column, required_column) = (column_of(FieldFact::Description), column_of(FieldFact::Required));
        let mut fields = Vec::new();
        for row in &table.rows {
            let key = strip_code(&row[0]);
            let ty = json_type(&row[type_column].to_lowercase())?;
            let description = description_column.and_then(|c| row.get(c)).map_or_else(String::new, |d| unescape(d));
            let mut inferred = Vec::new();
            let required = match required_column.and_then(|c| row.get(c)) {
                Some(cell) => yes_no(cell)?,
                // Without a column, a field is required unless its description says otherwise.
                None => {
                    inferred.push("required".into());
                    !description.to_lowercase().contains("optional")
                }
            };
            fields.push(Field {
                name: key.clone(),
                ty,
                required,
                description: if description.is_empty() { key } else { description },
                source: source.clone(),
                inferred,
                ..super::bodies::field()
            });
        }
        self.bodies.push(Shape {
            name: name.clone(),
            description: format!("The body the page describes under {}.", section.heading.join(" › ")),
            root: self.bodies.is_empty(),
            fields,
            source,
            inferred: vec!["description".into(), "root".into()],
            ..Shape::default()
        });
        Some(SourceTable { rows: TableRows::Body(name), columns, join: None })
    }

    /// A table whose first column holds code spans: a vocabulary of wire strings.
    fn vocabulary_table(&mut self, index: usize, section: &PageSection, table: &PageTable) -> Option<SourceTable> {
        if !table.rows.iter().all(|r| is_code_span(&r[0])) {
            return None;
        }
        let name = names::vocabulary_name(&section.heading, |n| self.vocabularies.iter().any(|v| v.name == n));
        let mut columns = vec![TableColumn { header: table.header[0].clone(), cell: "`{value}`".into() }];
        let mut facts: Vec<ValueFact> = Vec::new();
        for (c, header) in table.header.iter().enumerate().skip(1) {
            let cells = column(table, c);
            let fact = ValueFact::of_column(header, &cells, &facts)?;
            facts.push(fact);
            columns.push(TableColumn { header: header.clone(), cell: fact_cell(fact.key(), &cells) });
        }
        let source = self.section_ids[index].clone();
        let mut values = Vec::new();
        for row in &table.rows {
            let mut value =
                VocabularyValue { value: strip_code(&row[0]), source: source.clone(), ..VocabularyValue::default() };
            for (fact, cell) in facts.iter().zip(row.iter().skip(1)) {
                if !is_placeholder(cell) {
                    fact.set(&mut value, cell)?;
                }
            }
            for &code in &value.statuses {
                self.ensure_status(code, &source);
            }
            values.push(value);
        }
        self.vocabularies.push(Vocabulary {
            name: name.clone(),
            description: format!("The values the page lists under {}.", section.heading.join(" › ")),
            source,
            values,
            ..Vocabulary::default()
        });
        Some(SourceTable { rows: TableRows::Vocabulary(name), columns, join: None })
    }
}
