//! Every error serde finds in a parsed YAML tree, not just the first.
//!
//! serde's derived deserializers stop at the first problem. To report the others in the same
//! run, the node each error is at is cut out of the tree (a key from its mapping, an element from
//! its sequence) and the rest is deserialized again, until it passes or nothing is left to cut.
//! An error that only a cut caused is not reported, and the object it is about is cut instead:
//! a "missing field" for a key that was cut, and any error of an object an unknown key was cut
//! from (its missing key is most likely that one, misspelt). Paths are given in the file's own indices, however many elements were cut before.

use serde::de::DeserializeOwned;
use serde_yaml::Value;
use std::collections::BTreeMap;

/// More errors than a person reads in one go; also bounds the work on a hostile file.
const MAX_ERRORS: usize = 100;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Key(String),
    Index(usize),
}

/// `(catalog path, message)` for every error, in the order deserialization meets them.
pub fn every_error<T: DeserializeOwned>(mut tree: Value) -> Vec<(String, String)> {
    let mut found = Vec::new();
    // Per sequence (by its path in the file's indices): the indices cut from it.
    let mut cut_elements: BTreeMap<Vec<Step>, Vec<usize>> = BTreeMap::new();
    // Keys cut from mappings, by the mapping's path in the file's indices.
    let mut cut_keys: Vec<(Vec<Step>, String)> = Vec::new();
    // Mappings an unknown key was cut from: a key missing there is most likely that one, misspelt.
    let mut misspelt_in: Vec<Vec<Step>> = Vec::new();
    while found.len() < MAX_ERRORS {
        let err = match serde_path_to_error::deserialize::<_, T>(tree.clone()) {
            Ok(_) => break,
            Err(err) => err,
        };
        let message = err.inner().to_string();
        let current: Vec<Step> = err
            .path()
            .iter()
            .filter_map(|segment| match segment {
                serde_path_to_error::Segment::Seq { index } => Some(Step::Index(*index)),
                serde_path_to_error::Segment::Map { key } => Some(Step::Key(key.clone())),
                serde_path_to_error::Segment::Enum { .. } | serde_path_to_error::Segment::Unknown => None,
            })
            .collect();
        let mut original = in_file_indices(&current, &cut_elements);
        let mut target = current;
        // An object an unknown key was cut from may now fail as a whole (a missing key, most
        // likely that one misspelt; a map form left empty): one error was enough there.
        if misspelt_in.contains(&original) && !message.starts_with("unknown field") {
            if !cut(&mut tree, &target, &original, &mut cut_elements, &mut cut_keys) {
                break;
            }
            continue;
        }
        let field = message.split('`').nth(1).map(str::to_string);
        match field {
            // serde names the key itself: cut it, and the error is about it.
            Some(key) if message.starts_with("unknown field") => {
                if original.last() != Some(&Step::Key(key.clone())) {
                    target.push(Step::Key(key.clone()));
                    original.push(Step::Key(key));
                }
                misspelt_in.push(original[..original.len() - 1].to_vec());
            }
            Some(key) if message.starts_with("missing field") => {
                let caused_by_a_cut =
                    cut_keys.contains(&(original.clone(), key.clone())) || misspelt_in.contains(&original);
                if !caused_by_a_cut {
                    found.push((display(&original), message));
                }
                // The object lacking the key goes; it cannot be read without it.
                if !cut(&mut tree, &target, &original, &mut cut_elements, &mut cut_keys) {
                    break;
                }
                continue;
            }
            _ => {}
        }
        found.push((display(&original), message));
        if !cut(&mut tree, &target, &original, &mut cut_elements, &mut cut_keys) {
            break;
        }
    }
    found
}

/// Maps a path in the cut tree's indices to the file's indices.
fn in_file_indices(current: &[Step], cut_elements: &BTreeMap<Vec<Step>, Vec<usize>>) -> Vec<Step> {
    let mut original = Vec::new();
    for step in current {
        let step = match step {
            Step::Index(index) => {
                let cut = cut_elements.get(&original).map(Vec::as_slice).unwrap_or_default();
                // The index-th element among those still there.
                let mut remaining = *index;
                let mut file_index = 0;
                loop {
                    if !cut.contains(&file_index) {
                        if remaining == 0 {
                            break;
                        }
                        remaining -= 1;
                    }
                    file_index += 1;
                }
                Step::Index(file_index)
            }
            key => key.clone(),
        };
        original.push(step);
    }
    original
}

/// Removes the node at `target` (cut-tree indices), recording it under `original` (file
/// indices). False when there is nothing to cut: the root, or a path the tree does not have.
fn cut(
    tree: &mut Value,
    target: &[Step],
    original: &[Step],
    cut_elements: &mut BTreeMap<Vec<Step>, Vec<usize>>,
    cut_keys: &mut Vec<(Vec<Step>, String)>,
) -> bool {
    let Some((last, parent_path)) = target.split_last() else { return false };
    let mut parent = &mut *tree;
    for step in parent_path {
        let next = match (step, parent) {
            (Step::Key(key), Value::Mapping(map)) => map.get_mut(key.as_str()),
            (Step::Index(index), Value::Sequence(items)) => items.get_mut(*index),
            _ => None,
        };
        match next {
            Some(next) => parent = next,
            None => return false,
        }
    }
    let original_parent = original[..original.len() - 1].to_vec();
    match (last, parent) {
        (Step::Key(key), Value::Mapping(map)) => {
            cut_keys.push((original_parent, key.clone()));
            map.remove(key.as_str()).is_some()
        }
        (Step::Index(index), Value::Sequence(items)) if *index < items.len() => {
            items.remove(*index);
            if let Some(Step::Index(file_index)) = original.last() {
                cut_elements.entry(original_parent).or_default().push(*file_index);
            }
            true
        }
        _ => false,
    }
}

/// `statuses[0].code`, as diagnostics write catalog paths.
fn display(path: &[Step]) -> String {
    let mut text = String::new();
    for step in path {
        match step {
            Step::Key(key) if text.is_empty() => text.push_str(key),
            Step::Key(key) => {
                text.push('.');
                text.push_str(key);
            }
            Step::Index(index) => text.push_str(&format!("[{index}]")),
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        name: String,
        items: Vec<Item>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        code: u16,
        #[serde(default)]
        note: Option<String>,
    }

    fn errors(yaml: &str) -> Vec<(String, String)> {
        every_error::<Doc>(serde_yaml::from_str(yaml).unwrap())
    }

    #[test]
    fn each_error_is_found_at_its_place_in_the_file() {
        let found = errors(
            "name: n\nitems:\n  - { code: x }\n  - { code: 1 }\n  - { cod: 2 }\n  - { code: 3, note: [a] }\n  - {}\n",
        );
        let paths: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["items[0].code", "items[2].cod", "items[3].note", "items[4]"], "{found:?}");
        assert!(found[1].1.starts_with("unknown field `cod`"));
        assert!(found[3].1.starts_with("missing field `code`"));
    }

    #[test]
    fn a_missing_field_caused_by_a_cut_is_not_reported() {
        let found = errors("name: 3\nitems: 4\n");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|(_, m)| m.starts_with("invalid type")), "{found:?}");
        assert_eq!(errors("name: n\nitems: []\n"), vec![]);
    }

    #[test]
    fn a_tree_that_is_not_a_mapping_gives_one_error() {
        assert_eq!(every_error::<Doc>(serde_yaml::from_str("[1, 2]").unwrap()).len(), 1);
    }
}
