//! A first catalog for an API, drafted from its error page ([`crate::page`]): one section per
//! heading; each table rebuilt as a source table (statuses, a vocabulary, or a body's fields);
//! each JSON code block an example, with the status and headers of an `http` block just before
//! it; body shapes from the field tables and the examples; the headers the page names. Every
//! entry is traced to its section, everything guessed is marked `inferred`, and what could not
//! be placed is listed for the maintainer at the top of the file.
//!
//! The draft is checked before it is returned: it must load and validate, and each table it
//! keeps must rebuild cell for cell (a table that would not is left out, and listed).

use crate::page::{header_names, status_codes, Page, PageSection, PageTable};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// A drafted catalog file.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The catalog, as YAML text with a comment header.
    pub yaml: String,
    /// What the draft could not place, one line each (also in the file's header).
    pub unplaced: Vec<String>,
}

/// Why no draft could be made.
#[derive(Debug, Clone)]
pub enum DraftError {
    /// The id is not a catalog id.
    BadId(String),
    /// The page has no table: it is not an API's error page (or not one this can read).
    NoTables,
    /// The page shows no body: neither a field table nor a JSON example.
    NoBody,
    /// The draft does not validate (a bug in the drafter for this page): the diagnostics.
    Invalid(Vec<crate::Diagnostic>),
}

impl std::fmt::Display for DraftError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::BadId(id) => write!(
                f,
                "`{id}` is not a catalog id: use lower-case ASCII letters, digits and `_`, starting with a letter"
            ),
            Self::NoTables => f.write_str(
                "the page has no table, so there is nothing to draft a catalog from (is it an API's error page?)",
            ),
            Self::NoBody => f.write_str("the page shows no error body: no table of fields and no JSON example"),
            Self::Invalid(diagnostics) => write!(
                f,
                "the draft does not validate; please report it with the page:\n{}",
                crate::diagnostic::report(diagnostics)
            ),
        }
    }
}

/// Drafts the catalog `id` from `page`. `local_copy` is the page's path from the catalog's
/// directory, recorded so that the source-fidelity test and `drift` can find it.
pub fn draft(page: &Page, id: &str, local_copy: Option<&str>) -> Result<Draft, DraftError> {
    let valid_id = id.starts_with(|c: char| c.is_ascii_lowercase())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !valid_id {
        return Err(DraftError::BadId(id.to_string()));
    }
    if page.sections.iter().all(|s| s.tables.is_empty()) {
        return Err(DraftError::NoTables);
    }
    let mut drafter = Drafter::new(page, id, local_copy);
    drafter.sections();
    drafter.tables();
    drafter.examples();
    drafter.example_vocabularies();
    drafter.prose_headers();
    if drafter.bodies.is_empty() {
        return Err(DraftError::NoBody);
    }
    // Tables that do not rebuild cell for cell are left out, then the rest is checked again.
    loop {
        let text = drafter.yaml();
        let api = crate::load::parse_api(&format!("spec/{id}.yaml"), &text).map_err(DraftError::Invalid)?;
        let catalog = crate::validate::validate(crate::load::Loaded { dir: "spec".into(), apis: vec![api] })
            .map_err(DraftError::Invalid)?;
        let api = &catalog.apis()[0];
        let mismatched: Vec<usize> = drafter
            .section_tables
            .iter()
            .filter_map(|(&index, table)| {
                let rebuilt = api.sections[index].table.as_ref()?;
                let same = rebuilt.headers == table.header && rebuilt.rows == table.rows;
                (!same).then_some(index)
            })
            .collect();
        if mismatched.is_empty() {
            return Ok(Draft { yaml: text, unplaced: drafter.unplaced });
        }
        for index in mismatched {
            drafter.drop_table(index);
        }
    }
}

/// The draft under construction, as JSON values in catalog order.
struct Drafter<'p> {
    page: &'p Page,
    id: String,
    local_copy: Option<String>,
    /// Per page section (same index): its catalog id.
    section_ids: Vec<String>,
    /// Sections that hold a table, by index, with the page's table.
    section_tables: BTreeMap<usize, PageTable>,
    /// Per section index: the table spec (rows and columns) kept for it.
    table_specs: BTreeMap<usize, Value>,
    statuses: Vec<Map<String, Value>>,
    vocabularies: Vec<Map<String, Value>>,
    bodies: Vec<Map<String, Value>>,
    /// The bodies (by index) that examples built, member by member, from nothing: their first
    /// example's members are required until an example lacks one.
    built_from_examples: BTreeSet<usize>,
    headers: Vec<Map<String, Value>>,
    examples: Vec<Map<String, Value>>,
    unplaced: Vec<String>,
}

impl<'p> Drafter<'p> {
    fn new(page: &'p Page, id: &str, local_copy: Option<&str>) -> Self {
        Drafter {
            page,
            id: id.to_string(),
            local_copy: local_copy.map(str::to_string),
            section_ids: Vec::new(),
            section_tables: BTreeMap::new(),
            table_specs: BTreeMap::new(),
            statuses: Vec::new(),
            vocabularies: Vec::new(),
            bodies: Vec::new(),
            built_from_examples: BTreeSet::new(),
            headers: Vec::new(),
            examples: Vec::new(),
            unplaced: Vec::new(),
        }
    }

    fn section_title(&self, index: usize) -> String {
        self.page.sections[index].heading.join(" › ")
    }

    /// One catalog section per page section, with an id made from its heading.
    fn sections(&mut self) {
        let mut used = BTreeSet::new();
        for section in &self.page.sections {
            let base = slug(section.heading.last().map_or("preamble", String::as_str));
            let base = if base.is_empty() { "section".to_string() } else { base };
            let mut id = base.clone();
            let mut n = 2;
            while !used.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            self.section_ids.push(id);
        }
    }

    fn tables(&mut self) {
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
    fn status_table(&mut self, index: usize, table: &PageTable) -> Option<Value> {
        let codes: Vec<Vec<u16>> = table.rows.iter().map(|row| status_codes(&row[0])).collect::<Option<_>>()?;
        // `200 OK`: the code's cell carries its reason phrase too.
        let reasons: Vec<Option<String>> = table.rows.iter().map(|row| reason_after_code(&row[0])).collect();
        let template = if reasons.iter().all(Option::is_some) {
            let (open, close) = wrapping(&table.rows[0][0]);
            format!("{open}{{code}} {{reason}}{close}")
        } else {
            code_template(&table.rows[0][0], &codes[0], "{code}")?
        };
        let mut columns = vec![json!({ "header": table.header[0], "cell": template })];
        let mut facts: Vec<&str> = Vec::new();
        for (c, header) in table.header.iter().enumerate().skip(1) {
            let cells: Vec<&str> = table.rows.iter().map(|row| row.get(c).map_or("", String::as_str)).collect();
            let fact = status_fact_for(header, &cells, &facts)?;
            facts.push(fact);
            columns.push(json!({ "header": header, "cell": fact_cell(fact, &cells) }));
        }
        let section = self.section_ids[index].clone();
        for ((row, codes), reason) in table.rows.iter().zip(&codes).zip(&reasons) {
            for &code in codes {
                let mut status = Map::new();
                status.insert("code".into(), json!(code));
                if let Some(reason) = reason {
                    status.insert("reason".into(), json!(reason));
                }
                let mut inferred = Vec::new();
                for (fact, cell) in facts.iter().zip(row.iter().skip(1)) {
                    if is_placeholder(cell) {
                        continue;
                    }
                    let value = match *fact {
                        "retryable" => json!(yes_no(cell)?),
                        _ => json!(unescape(cell)),
                    };
                    status.insert((*fact).into(), value);
                }
                if !status.contains_key("description") {
                    status.insert("description".into(), json!(format!("Status {code}, as the page lists it")));
                    inferred.push("description");
                }
                self.add_status(status, &section, inferred);
            }
        }
        let mut spec = json!({ "rows": "statuses", "columns": columns });
        if codes.iter().any(|c| c.len() > 1) {
            spec["join"] = json!({ "column": table.header[0], "separator": ", " });
        }
        Some(spec)
    }

    /// A table of a body's fields: a first column of names and a `Type` column.
    fn field_table(&mut self, index: usize, section: &PageSection, table: &PageTable) -> Option<Value> {
        let type_column = table.header.iter().position(|h| h.trim().eq_ignore_ascii_case("type"))?;
        let name_template = if table.rows.iter().all(|r| is_code_span(&r[0])) { "`{name}`" } else { "{name}" };
        let mut columns = vec![json!({ "header": table.header[0], "cell": name_template })];
        let mut facts: Vec<&str> = Vec::new();
        for (c, header) in table.header.iter().enumerate().skip(1) {
            let lower = header.to_lowercase();
            let fact = if c == type_column {
                "type"
            } else if lower.contains("required") {
                "required"
            } else if !facts.contains(&"description") {
                "description"
            } else {
                return None;
            };
            facts.push(fact);
            columns.push(json!({ "header": header, "cell": format!("{{{fact}}}") }));
        }
        let name = body_name(&section.heading, self.bodies.is_empty());
        let source = self.section_ids[index].clone();
        let mut fields = Vec::new();
        for row in &table.rows {
            let key = strip_code(&row[0]);
            let ty = json_type(&row[type_column].to_lowercase())?;
            let mut field = Map::new();
            field.insert("name".into(), json!(key));
            field.insert("type".into(), json!(ty));
            let description = facts
                .iter()
                .position(|f| *f == "description")
                .and_then(|i| row.get(i + 1))
                .map_or_else(String::new, |d| unescape(d));
            let required = match facts.iter().position(|f| *f == "required").and_then(|i| row.get(i + 1)) {
                Some(cell) => (yes_no(cell)?, false),
                // Without a column, a field is required unless its description says otherwise.
                None => (!description.to_lowercase().contains("optional"), true),
            };
            field.insert("required".into(), json!(required.0));
            field.insert("description".into(), json!(if description.is_empty() { key.clone() } else { description }));
            field.insert("source".into(), json!(source));
            if required.1 {
                field.insert("inferred".into(), json!(["required"]));
            }
            fields.push(Value::Object(field));
        }
        let mut body = Map::new();
        body.insert("name".into(), json!(name));
        body.insert(
            "description".into(),
            json!(format!("The body the page describes under {}.", section.heading.join(" › "))),
        );
        body.insert("root".into(), json!(self.bodies.is_empty()));
        body.insert("source".into(), json!(source));
        body.insert("inferred".into(), json!(["description", "root"]));
        body.insert("fields".into(), Value::Array(fields));
        self.bodies.push(body);
        Some(json!({ "rows": { "body": name }, "columns": columns }))
    }

    /// A table whose first column holds code spans: a vocabulary of wire strings.
    fn vocabulary_table(&mut self, index: usize, section: &PageSection, table: &PageTable) -> Option<Value> {
        if !table.rows.iter().all(|r| is_code_span(&r[0])) {
            return None;
        }
        let name = vocabulary_name(&section.heading, &self.vocabularies);
        let mut columns = vec![json!({ "header": table.header[0], "cell": "`{value}`" })];
        let mut facts: Vec<&str> = Vec::new();
        for (c, header) in table.header.iter().enumerate().skip(1) {
            let cells: Vec<&str> = table.rows.iter().map(|row| row.get(c).map_or("", String::as_str)).collect();
            let fact = value_fact_for(header, &cells, &facts)?;
            facts.push(fact);
            columns.push(json!({ "header": header, "cell": fact_cell(fact, &cells) }));
        }
        let source = self.section_ids[index].clone();
        let mut values = Vec::new();
        for row in &table.rows {
            let mut value = Map::new();
            value.insert("value".into(), json!(strip_code(&row[0])));
            for (fact, cell) in facts.iter().zip(row.iter().skip(1)) {
                if is_placeholder(cell) {
                    continue;
                }
                let fact_value = match *fact {
                    "statuses" => {
                        let codes = status_codes(cell)?;
                        for &code in &codes {
                            self.ensure_status(code, &source);
                        }
                        json!(codes)
                    }
                    "retryable" => json!(yes_no(cell)?),
                    _ => json!(unescape(cell)),
                };
                value.insert((*fact).into(), fact_value);
            }
            value.insert("source".into(), json!(source));
            values.push(Value::Object(value));
        }
        let mut vocabulary = Map::new();
        vocabulary.insert("name".into(), json!(name));
        vocabulary.insert(
            "description".into(),
            json!(format!("The values the page lists under {}.", section.heading.join(" › "))),
        );
        vocabulary.insert("source".into(), json!(source));
        vocabulary.insert("values".into(), Value::Array(values));
        self.vocabularies.push(vocabulary);
        Some(json!({ "rows": { "vocabulary": name }, "columns": columns }))
    }

    fn add_status(&mut self, mut status: Map<String, Value>, section: &str, inferred: Vec<&str>) {
        let code = status.at("code").as_u64();
        if self.statuses.iter().any(|s| s.at("code").as_u64() == code) {
            return;
        }
        status.insert("source".into(), json!(section));
        if code.and_then(|c| crate::model::standard_reason(c as u16)).is_none() && !status.contains_key("reason") {
            status.insert("reason".into(), json!(format!("Status {}", code.unwrap_or_default())));
        }
        if !inferred.is_empty() {
            status.insert("inferred".into(), json!(inferred));
        }
        self.statuses.push(status);
    }

    /// A status the page uses without listing it.
    fn ensure_status(&mut self, code: u16, section: &str) {
        let mut status = Map::new();
        status.insert("code".into(), json!(code));
        status.insert("description".into(), json!(format!("Status {code}, which the page uses without describing")));
        self.add_status(status, section, vec!["description"]);
    }

    fn ensure_header(&mut self, name: &str, description: &str, section: &str, example_value: Option<&str>) {
        if self.headers.iter().any(|h| h.at("name").as_str().is_some_and(|n| n.eq_ignore_ascii_case(name))) {
            return;
        }
        let mut header = Map::new();
        header.insert("name".into(), json!(name));
        header.insert("description".into(), json!(description));
        let mut inferred = vec!["description"];
        let lower = name.to_lowercase();
        let role = match lower.as_str() {
            "retry-after" => Some("retry_after"),
            "x-request-id" | "request-id" | "x-trace-id" => Some("request_id"),
            _ if lower.ends_with("ratelimit-limit") => Some("rate_limit_limit"),
            _ if lower.ends_with("ratelimit-remaining") => Some("rate_limit_remaining"),
            _ if lower.ends_with("ratelimit-reset") => Some("rate_limit_reset"),
            _ => None,
        };
        if let Some(role) = role {
            header.insert("role".into(), json!(role));
        }
        if role == Some("retry_after") {
            let format = match example_value {
                Some(v) if !v.trim().chars().all(|c| c.is_ascii_digit()) && v.contains('T') => "iso8601",
                Some(v) if !v.trim().chars().all(|c| c.is_ascii_digit()) => "http_date",
                _ => "delay_seconds",
            };
            header.insert("formats".into(), json!([format]));
            inferred.push("formats");
        }
        header.insert("source".into(), json!(section));
        header.insert("inferred".into(), json!(inferred));
        self.headers.push(header);
    }

    /// Each JSON code block: an example, with the status and headers of an `http` block just
    /// before it; its body shape found or made.
    fn examples(&mut self) {
        let mut used_ids = BTreeSet::new();
        for (index, section) in self.page.sections.iter().enumerate() {
            for (response, block) in section.json_responses() {
                let at = format!("{} (line {})", self.section_title(index), block.line);
                match serde_json::from_str::<Value>(&block.text) {
                    Ok(Value::Object(body)) if body.is_empty() => {
                        self.unplaced.push(format!("{at}: an empty JSON object"));
                    }
                    Ok(Value::Object(body)) => {
                        self.example(index, &mut used_ids, response.status, response.headers, body, &at);
                    }
                    Ok(_) => self.unplaced.push(format!("{at}: a JSON block that is not an object")),
                    Err(err) => self.unplaced.push(format!("{at}: a JSON block that does not parse ({err})")),
                }
            }
            for block in section.code_blocks.iter().filter(|b| !matches!(b.language.as_str(), "http" | "json")) {
                let what = match block.language.as_str() {
                    "" => "a code block".to_string(),
                    other => format!("a `{other}` code block"),
                };
                self.unplaced.push(format!(
                    "{}: {what} (line {}); its advice may belong in `recovery`",
                    self.section_title(index),
                    block.line
                ));
            }
        }
    }

    fn example(
        &mut self,
        index: usize,
        used_ids: &mut BTreeSet<String>,
        status: Option<u16>,
        headers: Vec<(String, String)>,
        body: Map<String, Value>,
        at: &str,
    ) {
        let source = self.section_ids[index].clone();
        let shape = self.shape_for(&body, &source);
        if !self.fits(&shape, &Value::Object(body.clone())) {
            self.unplaced.push(format!("{at}: an example whose values do not fit the documented types"));
            return;
        }
        let status = status.filter(|code| (100..=599).contains(code));
        if let Some(code) = status {
            self.ensure_status(code, &source);
        }
        for (name, value) in &headers {
            self.ensure_header(
                name,
                &format!("Sent with the page's example responses (`{name}`)."),
                &source,
                Some(value),
            );
        }
        let base = slug(self.page.sections[index].heading.last().map_or("example", String::as_str));
        let mut id = base.clone();
        let mut n = 2;
        while !used_ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let mut example = Map::new();
        example.insert("id".into(), json!(id));
        example.insert("title".into(), json!(format!("Example under {}", self.section_title(index))));
        example.insert("body_format".into(), json!(shape));
        if let Some(code) = status {
            example.insert("status".into(), json!(code));
        }
        if !headers.is_empty() {
            let map: Map<String, Value> = headers.into_iter().map(|(k, v)| (k, json!(v))).collect();
            example.insert("headers".into(), Value::Object(map));
        }
        example.insert("body".into(), Value::Object(body));
        example.insert("source".into(), json!(source));
        example.insert("inferred".into(), json!(["title"]));
        self.examples.push(example);
    }

    /// The root body an example follows: the one sharing most of its keys, grown by the keys it
    /// lacks; a new root body when none shares any.
    fn shape_for(&mut self, body: &Map<String, Value>, source: &str) -> String {
        let overlap = |shape: &Map<String, Value>| {
            fields_of(shape).iter().filter(|f| body.contains_key(f.at("name").as_str().unwrap_or_default())).count()
        };
        let best = self
            .bodies
            .iter()
            .enumerate()
            .filter(|(_, b)| *b.at("root") == json!(true))
            .map(|(i, b)| (overlap(b), i))
            .max()
            .filter(|(shared, _)| *shared > 0)
            .map(|(_, i)| i);
        let index = match best {
            Some(i) => i,
            None => {
                let name = self.fresh_body_name(if self.bodies.is_empty() { "ErrorBody" } else { "OtherErrorBody" });
                let mut shape = Map::new();
                shape.insert("name".into(), json!(name));
                shape.insert("description".into(), json!("An error body the page shows in an example."));
                shape.insert("root".into(), json!(true));
                shape.insert("source".into(), json!(source));
                shape.insert("inferred".into(), json!(["description", "root"]));
                shape.insert("fields".into(), json!([]));
                self.bodies.push(shape);
                self.bodies.len() - 1
            }
        };
        let name = self.bodies[index].at("name").as_str().unwrap_or_default().to_string();
        self.grow(index, body, source);
        name
    }

    /// Adds the keys a body has that the shape lacks, as fields of the types the values have
    /// (objects become shapes of their own): required when the shape is new and this is its first
    /// example (a format whose members are all optional would fit every body, and hide the formats
    /// after it), optional otherwise; a later example that lacks a member makes it optional.
    fn grow(&mut self, index: usize, body: &Map<String, Value>, source: &str) {
        let first_example = fields_of(&self.bodies[index]).is_empty() && self.built_from_examples.insert(index);
        for (key, value) in body {
            let known = fields_of(&self.bodies[index]).iter().any(|f| *f.at("name") == json!(key));
            if known {
                let ty = fields_of(&self.bodies[index])
                    .iter()
                    .find(|f| *f.at("name") == json!(key))
                    .map(|f| f.at("type").clone())
                    .unwrap_or_default();
                self.grow_nested(&ty, value, source);
                // A documented field an example sends as `null` may be null.
                if value.is_null() {
                    for field in fields_mut(&mut self.bodies[index]).filter(|f| *f.at("name") == json!(key)) {
                        field.insert("nullable".into(), json!(true));
                        push_inferred(field, "nullable");
                    }
                }
                continue;
            }
            let ty = self.infer_type(key, value, source);
            let mut field = Map::new();
            field.insert("name".into(), json!(key));
            field.insert("type".into(), ty);
            field.insert("required".into(), json!(first_example));
            field.insert("description".into(), json!(format!("`{key}`, as the examples show it")));
            field.insert("source".into(), json!(source));
            field.insert("inferred".into(), json!(["type", "required", "description"]));
            if value.is_null() {
                field.insert("nullable".into(), json!(true));
                push_inferred(&mut field, "nullable");
            }
            if let Some(Value::Array(fields)) = self.bodies[index].get_mut("fields") {
                fields.push(Value::Object(field));
            }
        }
        // A field an example lacks is not required after all.
        for field in fields_mut(&mut self.bodies[index]) {
            let key = field.at("name").as_str().unwrap_or_default().to_string();
            if *field.at("required") == json!(true) && !body.contains_key(&key) {
                field.insert("required".into(), json!(false));
                push_inferred(field, "required");
            }
        }
    }

    /// Grows the shape a field type names (directly or as array items) by a value's keys.
    fn grow_nested(&mut self, ty: &Value, value: &Value, source: &str) {
        match (ty, value) {
            (Value::Object(o), Value::Object(map)) if o.contains_key("object") => {
                let name = o["object"].as_str().unwrap_or_default();
                if let Some(index) = self.bodies.iter().position(|b| b.at("name").as_str() == Some(name)) {
                    self.grow(index, map, source);
                }
            }
            (Value::Object(o), Value::Array(items)) if o.contains_key("array") => {
                for item in items {
                    self.grow_nested(&o["array"], item, source);
                }
            }
            _ => {}
        }
    }

    fn infer_type(&mut self, key: &str, value: &Value, source: &str) -> Value {
        match value {
            Value::Bool(_) => json!("boolean"),
            Value::Number(n) if n.is_i64() || n.is_u64() => json!("integer"),
            Value::Number(_) => json!("number"),
            Value::String(_) | Value::Null => json!("string"),
            Value::Array(items) => match items.first() {
                Some(first) => {
                    let inner = self.infer_type(key, first, source);
                    for item in &items[1..] {
                        self.grow_nested(&inner, item, source);
                    }
                    json!({ "array": inner })
                }
                None => json!({ "array": "any" }),
            },
            Value::Object(map) if map.is_empty() => json!("any"),
            Value::Object(map) => {
                let name = self.fresh_body_name(&pascal(key));
                let mut shape = Map::new();
                shape.insert("name".into(), json!(name));
                shape
                    .insert("description".into(), json!(format!("The object under `{key}`, as the examples show it.")));
                shape.insert("source".into(), json!(source));
                shape.insert("inferred".into(), json!(["description"]));
                shape.insert("fields".into(), json!([]));
                self.bodies.push(shape);
                let index = self.bodies.len() - 1;
                self.grow(index, map, source);
                for field in fields_mut(&mut self.bodies[index]) {
                    field.insert("required".into(), json!(true));
                }
                json!({ "object": name })
            }
        }
    }

    fn fresh_body_name(&self, base: &str) -> String {
        let taken = |name: &str| {
            self.bodies.iter().any(|b| *b.at("name") == json!(name))
                || self.vocabularies.iter().any(|v| *v.at("name") == json!(name))
                || crate::validate::RESERVED_TYPE_NAMES.contains(&name)
        };
        let base = if base.is_empty() { "Body" } else { base };
        let mut name = base.to_string();
        let mut n = 2;
        while taken(&name) {
            name = format!("{base}{n}");
            n += 1;
        }
        name
    }

    /// Does a value fit a shape as drafted so far (types of documented fields)?
    fn fits(&self, shape: &str, value: &Value) -> bool {
        let Some(body) = self.bodies.iter().find(|b| *b.at("name") == json!(shape)) else { return false };
        let Value::Object(map) = value else { return false };
        fields_of(body).iter().all(|field| match map.get(field.at("name").as_str().unwrap_or_default()) {
            None | Some(Value::Null) => true,
            Some(v) => match &field.at("type") {
                Value::String(t) => match t.as_str() {
                    "string" => v.is_string(),
                    "integer" => v.as_i64().is_some() || v.as_u64().is_some(),
                    "number" => v.is_number(),
                    "boolean" => v.is_boolean(),
                    _ => true,
                },
                Value::Object(o) if o.contains_key("object") => {
                    o.at("object").as_str().is_some_and(|inner| self.fits(inner, v))
                }
                Value::Object(o) if o.contains_key("array") => v.is_array(),
                _ => true,
            },
        })
    }

    /// A root body's code-like field (`error`, `code`, `type`) that no table's vocabulary
    /// types: its values across the examples become a vocabulary of their own.
    fn example_vocabularies(&mut self) {
        for b in 0..self.bodies.len() {
            if *self.bodies[b].at("root") != json!(true) {
                continue;
            }
            let shape = self.bodies[b].at("name").as_str().unwrap_or_default().to_string();
            let keys: Vec<String> = fields_of(&self.bodies[b])
                .iter()
                .filter(|f| *f.at("type") == json!("string"))
                .filter_map(|f| f.at("name").as_str().map(str::to_string))
                .filter(|key| role_for(key, &json!({ "vocabulary": "" })) == Some("code"))
                .collect();
            let known: BTreeSet<String> = self
                .vocabularies
                .iter()
                .flat_map(|v| v.at("values").as_array().into_iter().flatten())
                .filter_map(|x| x.get("value").and_then(Value::as_str).map(str::to_string))
                .collect();
            let values_of = |key: &str| {
                let mut values: Vec<(String, String)> = Vec::new();
                for example in self.examples.iter().filter(|e| e.at("body_format").as_str() == Some(shape.as_str())) {
                    if let Some(value) = example.at("body").get(key).and_then(Value::as_str) {
                        if !values.iter().any(|(v, _)| v == value) {
                            let source = example.at("source").as_str().unwrap_or_default().to_string();
                            values.push((value.to_string(), source));
                        }
                    }
                }
                values
            };
            // The first code-like member whose values are codes: not sentences only (`error`
            // holding messages is the message), and none a table's (such a member takes the
            // table's vocabulary when the bodies are typed).
            let found = keys.iter().find_map(|key| {
                let values = values_of(key);
                let sentences = values.iter().all(|(v, _)| v.trim().contains(char::is_whitespace));
                let tabled = values.iter().any(|(v, _)| known.contains(v));
                (!values.is_empty() && !sentences && !tabled).then_some((key, values))
            });
            let Some((key, values)) = found else { continue };
            let base = match key.to_lowercase().as_str() {
                "type" | "errortype" | "error_type" => "ErrorType".to_string(),
                "error" | "code" | "errorcode" | "error_code" => "ErrorCode".to_string(),
                other => format!("{}Code", pascal(other)),
            };
            let name = self.fresh_body_name(&base);
            let source = values[0].1.clone();
            let entries: Vec<Value> =
                values.iter().map(|(v, section)| json!({ "value": v, "source": section })).collect();
            let mut vocabulary = Map::new();
            vocabulary.insert("name".into(), json!(name));
            vocabulary.insert("description".into(), json!(format!("The values of `{key}` the page's examples show.")));
            vocabulary.insert("source".into(), json!(source));
            vocabulary.insert("values".into(), Value::Array(entries));
            self.vocabularies.push(vocabulary);
            for field in fields_mut(&mut self.bodies[b]) {
                if field.at("name").as_str() == Some(key.as_str()) {
                    field.insert("type".into(), json!({ "vocabulary": name }));
                    push_inferred(field, "type");
                }
            }
        }
    }

    /// Header names the prose gives in code spans (`Retry-After`), described by their sentence.
    fn prose_headers(&mut self) {
        let mut found = Vec::new();
        for (index, section) in self.page.sections.iter().enumerate() {
            for line in &section.prose {
                for name in header_names(line) {
                    found.push((name.to_string(), line.clone(), self.section_ids[index].clone()));
                }
            }
        }
        for (name, line, section) in found {
            self.ensure_header(&name, &line, &section, None);
        }
    }

    fn drop_table(&mut self, index: usize) {
        self.table_specs.remove(&index);
        if let Some(table) = self.section_tables.remove(&index) {
            self.unplaced.push(format!(
                "{}: the table ({}) would not rebuild cell for cell, so the section keeps no table",
                self.section_title(index),
                table.header.join(", ")
            ));
        }
    }

    /// Vocabulary fields and roles: a string field whose example values (most of them) belong
    /// to one vocabulary takes it; names say which fields carry the code, hint, message, request id
    /// and wait.
    fn typed_bodies(&self) -> Vec<Value> {
        let mut seen: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
        for example in &self.examples {
            let shape = example.at("body_format").as_str().unwrap_or_default().to_string();
            collect_strings(self, &shape, example.at("body"), &mut seen);
        }
        // The vocabulary most of a field's example values belong to (two at least): vocabularies
        // are open, so the others still decode, and `lint` lists them as values outside the
        // table (a page's placeholder such as `ERROR_TYPE`, or a code its table forgot).
        let vocabulary_of = |values: &BTreeSet<String>| -> Option<String> {
            let known_in = |v: &Map<String, Value>| {
                let known: BTreeSet<&str> =
                    v.at("values").as_array().into_iter().flatten().filter_map(|x| x["value"].as_str()).collect();
                values.iter().filter(|s| known.contains(s.as_str())).count()
            };
            // Of vocabularies that hold as many, the first (`max_by_key` keeps the last it sees).
            let (best, known) =
                self.vocabularies.iter().rev().map(|v| (v, known_in(v))).max_by_key(|(_, known)| *known)?;
            (known == values.len() || (known >= 2 && known * 2 > values.len()))
                .then(|| best.at("name").as_str().unwrap_or_default().to_string())
        };
        // Roles only go where a client reaches from the top: roots, and objects they hold.
        let mut reachable: BTreeSet<String> = self
            .bodies
            .iter()
            .filter(|b| *b.at("root") == json!(true))
            .filter_map(|b| b.at("name").as_str())
            .map(str::to_string)
            .collect();
        loop {
            let more: Vec<String> = self
                .bodies
                .iter()
                .filter(|b| b.at("name").as_str().is_some_and(|n| reachable.contains(n)))
                .flat_map(fields_of)
                .filter_map(|f| f.at("type").get("object").and_then(Value::as_str).map(str::to_string))
                .filter(|n| !reachable.contains(n))
                .collect();
            if more.is_empty() {
                break;
            }
            reachable.extend(more);
        }
        let mut bodies = self.bodies.clone();
        for body in &mut bodies {
            let shape = body.at("name").as_str().unwrap_or_default().to_string();
            let reached = reachable.contains(&shape);
            let mut roles = BTreeSet::new();
            for field in fields_mut(body) {
                let key = field.at("name").as_str().unwrap_or_default().to_string();
                if *field.at("type") == json!("string") {
                    if let Some(vocabulary) = seen.get(&(shape.clone(), key.clone())).and_then(vocabulary_of) {
                        field.insert("type".into(), json!({ "vocabulary": vocabulary }));
                    }
                }
                let role = role_for(&key, field.at("type")).filter(|_| reached);
                if let Some(role) = role.filter(|r| roles.insert(*r)) {
                    field.insert("role".into(), json!(role));
                }
            }
        }
        bodies.into_iter().map(Value::Object).collect()
    }

    /// The catalog as YAML: a header naming what could not be placed, then the entries.
    fn yaml(&self) -> String {
        let page = self.page;
        let title = page.title.clone().unwrap_or_else(|| "Errors".to_string());
        let summary = page
            .sections
            .first()
            .and_then(|s| s.prose.first())
            .cloned()
            .unwrap_or_else(|| format!("Drafted from the page \"{title}\"."));
        let mut source = Map::new();
        source.insert("title".into(), json!(title));
        if let Some(url) = page.urls.first() {
            source.insert("url".into(), json!(url));
        }
        if let Some(copy) = &self.local_copy {
            source.insert("local_copy".into(), json!(copy));
        }
        source.insert("content_hash".into(), json!(page.content_hash));
        source.insert(
            "notes".into(),
            json!(["Drafted by `cargo xtask draft` from the page; every fact marked inferred is a guess to check."]),
        );
        let sections: Vec<Value> = self
            .page
            .sections
            .iter()
            .enumerate()
            .map(|(i, section)| {
                let mut entry = Map::new();
                entry.insert("id".into(), json!(self.section_ids[i]));
                let heading = if section.heading.is_empty() { vec![title.clone()] } else { section.heading.clone() };
                entry.insert("heading".into(), json!(heading));
                if let Some(spec) = self.table_specs.get(&i) {
                    entry.insert("table".into(), spec.clone());
                }
                Value::Object(entry)
            })
            .collect();
        let mut api = Map::new();
        api.insert("id".into(), json!(self.id));
        api.insert("name".into(), json!(name_from_id(&self.id)));
        api.insert("summary".into(), json!(summary));
        api.insert("source".into(), Value::Object(source));
        api.insert("sections".into(), Value::Array(sections));
        api.insert("statuses".into(), Value::Array(self.statuses.iter().cloned().map(Value::Object).collect()));
        if !self.vocabularies.is_empty() {
            let vocabularies = self.vocabularies.iter().cloned().map(Value::Object).collect();
            api.insert("vocabularies".into(), Value::Array(vocabularies));
        }
        api.insert("bodies".into(), Value::Array(self.typed_bodies()));
        if !self.headers.is_empty() {
            api.insert("headers".into(), Value::Array(self.headers.iter().cloned().map(Value::Object).collect()));
        }
        if !self.examples.is_empty() {
            api.insert("examples".into(), Value::Array(self.examples.iter().cloned().map(Value::Object).collect()));
        }
        let mut text = String::from("# yaml-language-server: $schema=catalog.schema.json\n");
        text.push_str(&format!(
            "# Drafted by `cargo xtask draft` from \"{title}\". Check every `inferred` fact, name the API,\n\
             # describe its recovery, and run `cargo xtask generate`.\n"
        ));
        if self.unplaced.is_empty() {
            text.push_str("# Everything on the page was placed.\n");
        } else {
            text.push_str("# Not placed (for the maintainer):\n");
            for line in &self.unplaced {
                text.push_str(&format!("# - {}\n", line.replace('\n', " ")));
            }
        }
        text.push_str(&crate::render::yaml::to_yaml(&Value::Object(api)));
        text
    }
}

/// Reading a key of a drafted entry: `null` when absent (indexing a `Map` would panic).
trait Get {
    fn at(&self, key: &str) -> &Value;
}

impl Get for Map<String, Value> {
    fn at(&self, key: &str) -> &Value {
        const NULL: &Value = &Value::Null;
        self.get(key).unwrap_or(NULL)
    }
}

fn fields_of(shape: &Map<String, Value>) -> Vec<Map<String, Value>> {
    shape.at("fields").as_array().into_iter().flatten().filter_map(|f| f.as_object().cloned()).collect()
}

fn fields_mut(shape: &mut Map<String, Value>) -> impl Iterator<Item = &mut Map<String, Value>> {
    shape.get_mut("fields").and_then(Value::as_array_mut).into_iter().flatten().filter_map(Value::as_object_mut)
}

fn push_inferred(entry: &mut Map<String, Value>, fact: &str) {
    let list = entry.entry("inferred").or_insert_with(|| json!([]));
    if let Value::Array(items) = list {
        if !items.contains(&json!(fact)) {
            items.push(json!(fact));
        }
    }
}

/// Every string value the examples give a field of a shape, by (shape, key).
fn collect_strings(
    drafter: &Drafter<'_>,
    shape: &str,
    value: &Value,
    out: &mut BTreeMap<(String, String), BTreeSet<String>>,
) {
    let (Some(body), Value::Object(map)) = (drafter.bodies.iter().find(|b| *b.at("name") == json!(shape)), value)
    else {
        return;
    };
    for field in fields_of(body) {
        let key = field.at("name").as_str().unwrap_or_default();
        match (map.get(key), &field.at("type")) {
            (Some(Value::String(s)), _) => {
                out.entry((shape.to_string(), key.to_string())).or_default().insert(s.clone());
            }
            (Some(inner), Value::Object(o)) if o.contains_key("object") => {
                collect_strings(drafter, o.at("object").as_str().unwrap_or_default(), inner, out);
            }
            _ => {}
        }
    }
}

/// The role a field's name and type suggest.
fn role_for(key: &str, ty: &Value) -> Option<&'static str> {
    let words: String = key.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_lowercase();
    let vocabulary = ty.get("vocabulary").is_some();
    match words.as_str() {
        "type" | "code" | "errorcode" | "errortype" | "error" if vocabulary => Some("code"),
        "actionrequired" | "action" | "hint" | "suggestedaction" if vocabulary => Some("hint"),
        "message" | "detail" | "errordescription" | "error" if *ty == json!("string") => Some("message"),
        "requestid" | "traceid" | "correlationid" if *ty == json!("string") => Some("request_id"),
        "retryafter" if *ty == json!("integer") || *ty == json!("number") => Some("retry_after"),
        _ => None,
    }
}

/// The template that writes a cell holding codes: the cell with its (first) code replaced.
fn code_template(cell: &str, codes: &[u16], placeholder: &str) -> Option<String> {
    let first = codes.first()?.to_string();
    let at = cell.find(&first)?;
    // Joined cells are rebuilt by the table's `join`; the template writes one code.
    let end = if codes.len() > 1 { cell.rfind(|c: char| c.is_ascii_digit())? + 1 } else { at + first.len() };
    Some(format!("{}{placeholder}{}", &cell[..at], &cell[end..]))
}

/// The reason phrase a code cell writes after a single code: `` `413 Payload Too Large` ``.
fn reason_after_code(cell: &str) -> Option<String> {
    let (open, close) = wrapping(cell);
    let inner = cell.strip_prefix(open)?.strip_suffix(close)?;
    let (code, reason) = inner.split_once(' ')?;
    let reason = reason.trim();
    (code.parse::<u16>().is_ok()
        && !reason.is_empty()
        && reason.chars().all(|c| c.is_ascii_alphanumeric() || " -'".contains(c)))
    .then(|| reason.to_string())
}

/// The markup around a cell's text: a code span's backticks or bold's asterisks.
fn wrapping(cell: &str) -> (&'static str, &'static str) {
    if is_code_span(cell) {
        ("`", "`")
    } else if cell.starts_with("**") && cell.ends_with("**") && cell.len() > 4 {
        ("**", "**")
    } else {
        ("", "")
    }
}

fn yes_no(cell: &str) -> Option<bool> {
    match strip_code(cell).to_lowercase().as_str() {
        "yes" | "true" | "✓" | "✔" => Some(true),
        "no" | "false" | "✗" => Some(false),
        _ => None,
    }
}

/// What a page writes in a cell that states nothing.
const PLACEHOLDERS: &[&str] = &["", "—", "–", "-", "n/a", "N/A"];

fn is_placeholder(cell: &str) -> bool {
    PLACEHOLDERS.contains(&cell.trim())
}

fn is_yes_no_column(cells: &[&str]) -> bool {
    cells.iter().all(|c| is_placeholder(c) || yes_no(c).is_some())
}

/// A column's template: `{fact}`, or `{fact?—}` where some rows hold the page's placeholder
/// (one placeholder per column; two kinds would not rebuild, and the table is then dropped).
fn fact_cell(fact: &str, cells: &[&str]) -> String {
    match cells.iter().find(|c| is_placeholder(c)) {
        Some(placeholder) => format!("{{{fact}?{}}}", placeholder.trim()),
        None => format!("{{{fact}}}"),
    }
}

/// The status fact a column holds, by its header (a text column goes to the first text fact
/// still free).
fn status_fact_for(header: &str, cells: &[&str], taken: &[&str]) -> Option<&'static str> {
    let lower = header.to_lowercase();
    let wanted = if lower.contains("retr") && is_yes_no_column(cells) {
        "retryable"
    } else if lower.contains("reason") || lower == "name" || lower == "status text" {
        "reason"
    } else if lower.contains("action") || lower.contains("what to do") || lower.contains("resolution") {
        "action"
    } else if lower.contains("when") {
        "when_used"
    } else {
        "description"
    };
    let free = |f: &str| !taken.contains(&f);
    [wanted, "description", "action", "when_used"].into_iter().find(|f| free(f))
}

/// The vocabulary-value fact a column holds, by its header.
fn value_fact_for(header: &str, cells: &[&str], taken: &[&str]) -> Option<&'static str> {
    let lower = header.to_lowercase();
    let statuses =
        cells.iter().all(|c| is_placeholder(c) || status_codes(c).is_some_and(|codes| cell_joins(c, &codes)));
    let wanted = if lower.contains("status") && statuses {
        "statuses"
    } else if lower.contains("retr") && is_yes_no_column(cells) {
        "retryable"
    } else if lower.contains("action") || lower.contains("what to do") || lower.contains("resolution") {
        "action"
    } else if lower.contains("user") {
        "user_message"
    } else if lower.contains("message") {
        "message"
    } else if lower.contains("title") || lower == "name" {
        "title"
    } else if lower.contains("category") {
        "category"
    } else if lower.contains("kind") {
        "kind"
    } else {
        "description"
    };
    let free = |f: &str| !taken.contains(&f);
    [wanted, "description", "action", "title", "message", "category", "kind", "user_message"]
        .into_iter()
        .find(|f| free(f))
}

/// Statuses render as `500/503`: does the cell write them so?
fn cell_joins(cell: &str, codes: &[u16]) -> bool {
    cell == codes.iter().map(u16::to_string).collect::<Vec<_>>().join("/")
}

/// The JSON type a field table's `Type` cell names.
fn json_type(cell: &str) -> Option<&'static str> {
    Some(match strip_code(cell).trim() {
        "string" => "string",
        "integer" | "int" => "integer",
        "number" | "float" => "number",
        "boolean" | "bool" => "boolean",
        "any" => "any",
        _ => return None,
    })
}

fn is_code_span(cell: &str) -> bool {
    cell.len() > 2 && cell.starts_with('`') && cell.ends_with('`') && !cell[1..cell.len() - 1].contains('`')
}

fn strip_code(cell: &str) -> String {
    if is_code_span(cell) {
        cell[1..cell.len() - 1].to_string()
    } else {
        cell.trim().to_string()
    }
}

/// Cell text as the catalog states it: the table syntax's escapes undone.
fn unescape(cell: &str) -> String {
    cell.replace("\\|", "|").replace("<br>", "\n").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
}

/// `Error Types` -> `ErrorType` (singular), unique among the vocabularies.
fn vocabulary_name(heading: &[String], taken: &[Map<String, Value>]) -> String {
    let last = heading.last().map_or("Values", String::as_str);
    let mut name = pascal(last);
    if name.ends_with('s') && !name.ends_with("ss") {
        name.pop();
    }
    if name.is_empty() || crate::validate::RESERVED_TYPE_NAMES.contains(&name.as_str()) {
        name = "ErrorCode".into();
    }
    let mut unique = name.clone();
    let mut n = 2;
    while taken.iter().any(|v| *v.at("name") == json!(unique)) {
        unique = format!("{name}{n}");
        n += 1;
    }
    unique
}

/// The first body is the error body; others are named after their heading.
fn body_name(heading: &[String], first: bool) -> String {
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

fn pascal(text: &str) -> String {
    crate::names::pascal_case(text).unwrap_or_default()
}

fn slug(text: &str) -> String {
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

/// `my_api` -> `My Api`: a placeholder name the maintainer replaces.
fn name_from_id(id: &str) -> String {
    id.split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
