//! How fast `draft` and `drift` read an API's error page as it grows: pages of 1,000 to 50,000
//! headings and tables of 1,000 to 10,000 rows, each timed over several runs and the median
//! printed with the ratio to the size ten times smaller (linear is 10x):
//! `cargo bench -p xtask --bench pages`. A bench binary (no criterion: a sample is a whole
//! command's work). The goal: 50,000 headings or a 10,000-row table well under a second; both
//! were quadratic (50,000 headings took 55 s to draft and 13 s to drift).

mod common;

use common::median;
use std::time::{Duration, Instant};

/// A small error page in the project's own words, which a catalog can be drafted from.
const PAGE: &str = r#"# Errors

Failed requests answer with an HTTP status and a JSON body.

## Statuses

| Status | Meaning |
| --- | --- |
| 400 | The request is malformed |
| 429 | Too many requests; wait for `Retry-After` |
| 500 | Something failed on our side |

## Body

```json
{"error": "Too many requests", "type": "RATE_LIMITED", "requestId": "req_1"}
```
"#;

fn with_headings(count: usize) -> String {
    let mut page = String::from(PAGE);
    for i in 0..count {
        page.push_str(&format!("\n## Note {i}\n\nA paragraph about note {i}.\n"));
    }
    page
}

fn with_rows(count: usize) -> String {
    let mut page = String::from(PAGE);
    page.push_str("\n## Codes\n\n| Code | Status | Meaning |\n| --- | --- | --- |\n");
    for i in 0..count {
        page.push_str(&format!("| `code_{i}` | {} | What code {i} means |\n", 400 + i % 100));
    }
    page
}

/// The same table of codes written in HTML, as some portals export it.
fn with_html_rows(count: usize) -> String {
    let mut page = String::from(PAGE);
    page.push_str(
        "\n## Codes\n\n<table>\n<thead><tr><th>Code</th><th>Status</th><th>Meaning</th></tr></thead>\n<tbody>\n",
    );
    for i in 0..count {
        page.push_str(&format!(
            "<tr><td><code>code_{i}</code></td><td>{}</td><td>What code {i} means</td></tr>\n",
            400 + i % 100
        ));
    }
    page.push_str("</tbody>\n</table>\n");
    page
}

/// The median time of `work` over enough runs for about a second (3 to 15).
fn time(work: &dyn Fn()) -> Duration {
    let once = |work: &dyn Fn()| {
        let start = Instant::now();
        work();
        start.elapsed()
    };
    let first = once(work);
    let runs = (Duration::from_secs(1).as_nanos() / first.as_nanos().max(1)).clamp(3, 15) as usize;
    median((0..runs).map(|_| once(work)).collect())
}

fn main() {
    let root = xtask::workspace_root().expect("run from the workspace");
    let catalog = codegen::load(&root.join("spec"), "spec").expect("the real catalog loads");
    let api = catalog.apis().iter().find(|api| api.id == "ofauth").expect("OFAuth is in the catalog");
    println!("| page | bytes | parse | draft | drift | all | vs 10x smaller |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    /// What grows, how a page of that size is written, and the sizes.
    type Growth = (&'static str, fn(usize) -> String, &'static [usize]);
    let sizes: [Growth; 3] = [
        ("headings", with_headings, &[1_000, 10_000, 50_000]),
        ("table rows", with_rows, &[1_000, 10_000]),
        ("HTML table rows", with_html_rows, &[1_000, 10_000]),
    ];
    for (what, make, counts) in sizes {
        let mut previous: Option<(usize, Duration)> = None;
        for &count in counts {
            let text = make(count);
            let parse = time(&|| drop(codegen::page::parse_page(&text)));
            let page = codegen::page::parse_page(&text);
            let draft = time(&|| drop(codegen::draft::draft(&page, "bench", None)));
            let drift = time(&|| drop(codegen::drift::drift(api, &page)));
            let all = parse + draft + drift;
            let ratio = match previous {
                Some((before, took)) if count == before * 10 => {
                    format!("{:.1}x", all.as_secs_f64() / took.as_secs_f64())
                }
                _ => "—".into(),
            };
            println!(
                "| {count} {what} | {} | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} ms | {ratio} |",
                text.len(),
                ms(parse),
                ms(draft),
                ms(drift),
                ms(all)
            );
            previous = Some((count, all));
        }
    }
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}
