//! The catalogs, mutated by proptest with `xtask::fuzz`'s mutations: whatever the text, codegen
//! does not panic, refuses with a position for every problem, or renders what it accepts.
//! (`cargo xtask fuzz` also compiles what it accepts; CI runs it for a bounded time.)

use proptest::prelude::*;
use xtask::fuzz::{hold_to_contract, Mutation, Outcome};
use xtask::workspace_root;

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => any::<usize>().prop_map(Mutation::DeleteLine),
        1 => any::<usize>().prop_map(Mutation::DuplicateLine),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(at, hostile)| Mutation::Insert { at, hostile }),
        1 => any::<usize>().prop_map(Mutation::Truncate),
        // Mostly values: they get past the parser and reach validation and rendering.
        4 => (any::<usize>(), any::<usize>(), any::<bool>())
            .prop_map(|(line, hostile, quoted)| Mutation::ReplaceValue { line, hostile, quoted }),
    ]
}

/// The real catalogs and the edge-case fixture's.
fn catalogs() -> Vec<String> {
    let root = workspace_root().unwrap();
    let mut texts = Vec::new();
    for dir in ["spec", "codegen/tests/fixtures/edge/spec"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "yaml") {
                texts.push(std::fs::read_to_string(path).unwrap());
            }
        }
    }
    texts.sort();
    texts
}

#[test]
fn the_unmutated_catalogs_are_accepted() {
    for text in catalogs() {
        assert!(matches!(hold_to_contract("spec/x.yaml", &text), Ok(Outcome::Accepted(..))));
    }
}

#[test]
fn mutations_change_the_text() {
    let text = "a: 1\nb: 2\n";
    assert_eq!(Mutation::DeleteLine(1).apply(text), "a: 1\n");
    assert_eq!(Mutation::ReplaceValue { line: 1, hostile: 0, quoted: true }.apply(text), "a: 1\nb: \"-\"\n");
    assert_eq!(Mutation::Truncate(3).apply(text), "a: ");
}

proptest! {
    // 256 cases by default (`PROPTEST_CASES` to run more); each renders a whole catalog.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_mutant_is_refused_with_positions_or_renders(
        which in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..=3),
    ) {
        let catalogs = catalogs();
        let text = mutations.iter().fold(which.get(&catalogs).clone(), |text, m| m.apply(&text));
        if let Err(violation) = hold_to_contract("spec/mutant.yaml", &text) {
            prop_assert!(false, "{violation}\n--- mutant ({mutations:?}):\n{text}");
        }
    }
}
