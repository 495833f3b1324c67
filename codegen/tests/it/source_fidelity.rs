//! The catalog against the source documents it transcribes (`../shared/seeds/`, beside the
//! workspace): every table is rebuilt with the same rows and cells, and every JSON example
//! (with its status line and headers) is in the catalog, in the document's order.
//!
//! The documents are not part of the repository. Without them this test says so and passes,
//! except in CI (`CI` set), where their absence is a failure.

use crate::common;

use serde_json::Value;
use std::path::PathBuf;

const SEEDS: &[(&str, &str)] = &[("ofauth", "000_c0a495cef62deb44.txt"), ("fanfare", "003_e5801114c329a4d9.txt")];

fn seed(name: &str) -> Option<String> {
    let path: PathBuf = common::workspace().join("../shared/seeds").join(name);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("skipped: {} is not there", path.display());
            None
        }
        Err(err) => panic!("{}: {err}", path.display()),
    }
}

/// Markdown tables as rows of trimmed cells (header first, separator dropped).
fn tables(markdown: &str) -> Vec<Vec<Vec<String>>> {
    let mut tables = Vec::new();
    let mut current: Vec<Vec<String>> = Vec::new();
    for line in markdown.lines().map(str::trim).chain(std::iter::once("")) {
        if line.starts_with('|') {
            let cells: Vec<String> = line.trim_matches('|').split(" | ").map(|c| c.trim().to_string()).collect();
            if !cells.iter().all(|c| c.chars().all(|ch| ch == '-' || ch == ':')) {
                current.push(cells);
            }
        } else if !current.is_empty() {
            tables.push(std::mem::take(&mut current));
        }
    }
    tables
}

/// Fenced code blocks as (language, text).
fn code_blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut open: Option<(String, String)> = None;
    for line in markdown.lines() {
        let trimmed = line.trim();
        match (&mut open, trimmed.strip_prefix("```")) {
            (None, Some(info)) => {
                open = Some((info.split_whitespace().next().unwrap_or("").to_string(), String::new()))
            }
            (Some(_), Some(_)) => blocks.push(open.take().unwrap()),
            (Some((_, text)), None) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, None) => {}
        }
    }
    blocks
}

/// A documented response: the JSON body and, where an `http` block precedes it, its status
/// and headers.
#[derive(Debug, PartialEq)]
struct Response {
    body: Value,
    status: Option<u16>,
    headers: Vec<(String, String)>,
}

fn responses(markdown: &str) -> Vec<Response> {
    let mut found = Vec::new();
    let mut pending: Option<(u16, Vec<(String, String)>)> = None;
    for (language, text) in code_blocks(markdown) {
        match language.as_str() {
            "http" => {
                let mut lines = text.lines();
                let status =
                    lines.next().and_then(|l| l.split_whitespace().nth(1)).and_then(|c| c.parse().ok()).unwrap();
                let headers =
                    lines.filter_map(|l| l.split_once(": ")).map(|(k, v)| (k.to_string(), v.to_string())).collect();
                pending = Some((status, headers));
            }
            "json" => {
                let body: Value = serde_json::from_str(&text).unwrap();
                let (status, headers) = match pending.take() {
                    Some((status, headers)) => (Some(status), headers),
                    None => (None, Vec::new()),
                };
                found.push(Response { body, status, headers });
            }
            _ => {}
        }
    }
    found
}

/// Each source document that is present, with the catalog API transcribing it.
fn documents(catalog: &codegen::Catalog) -> Vec<(&codegen::resolved::Api, String)> {
    SEEDS
        .iter()
        .filter_map(|(id, file)| Some((catalog.apis().iter().find(|a| &a.id == id).unwrap(), seed(file)?)))
        .collect()
}

#[test]
fn every_source_table_is_rebuilt_with_the_same_rows_and_cells() {
    let catalog = common::load("spec");
    for (api, source) in documents(&catalog) {
        let id = &api.id;
        let markdown = codegen::render::markdown::render_api(api);
        let rebuilt_part = markdown
            .split("## Tables of the source document")
            .nth(1)
            .and_then(|rest| rest.split("\n## ").next())
            .unwrap();
        let expected = tables(&source);
        assert!(expected.len() >= 3, "{id}: found only {} tables in the document", expected.len());
        assert_eq!(tables(rebuilt_part), expected, "{id}: rebuilt tables differ from the document's");
    }
}

#[test]
fn every_documented_response_is_a_catalog_example() {
    let catalog = common::load("spec");
    for (api, source) in documents(&catalog) {
        let id = &api.id;
        let documented = responses(&source);
        assert_eq!(documented.len(), api.examples.len(), "{id}: example count");
        for (doc, example) in documented.iter().zip(&api.examples) {
            assert_eq!(example.body, doc.body, "{id}/{}: body", example.id);
            // A status line before the body is the example's status; a status the text gives
            // instead is marked `status_in_prose`, and then no status line may precede it.
            if example.status_in_prose {
                assert!(example.status.is_some() && doc.status.is_none(), "{id}/{}: status in prose", example.id);
            } else {
                assert_eq!(example.status, doc.status, "{id}/{}: status", example.id);
            }
            let headers: Vec<(String, String)> = example.headers.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            let mut documented_headers = doc.headers.clone();
            documented_headers.sort();
            assert_eq!(headers, documented_headers, "{id}/{}: headers", example.id);
        }
    }
}
