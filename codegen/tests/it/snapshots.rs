//! Every renderer's output on the edge-case fixture catalog, pinned with insta. The same
//! output is compiled and tested as the `edge-fixture` crate, so a snapshot that does not
//! build cannot pass unnoticed. Review changes with `cargo insta review`.

use crate::common;

#[test]
fn edge_fixture_outputs() {
    let catalog = common::load("codegen/tests/fixtures/edge/spec");
    let files = codegen::generate(&catalog).unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "docs/README.md",
            "docs/acme.md",
            "docs/match.md",
            "openapi/acme.yaml",
            "openapi/match.yaml",
            "schemas/acme.schema.json",
            "schemas/match.schema.json",
            "src/acme.rs",
            "src/lib.rs",
            "src/match_.rs",
        ]
    );
    for file in &files {
        insta::assert_snapshot!(file.path.replace('/', "__"), &file.contents);
    }
}
