//! The cargo features of the generated crate: one per API, all on by default, so that a client
//! of one API compiles one module (`default-features = false, features = ["<id>"]`).
//!
//! The crate's `Cargo.toml` is written by hand (its dependencies, benches, other features), so
//! the features are a block of it between two marker lines, which `cargo xtask generate`
//! rewrites and `check` compares, as rust-analyzer's codegen keeps the generated parts of its
//! hand-written files.

use crate::render::text::one_line;
use crate::render::GENERATE_COMMAND;
use crate::resolved::{Api, Catalog};

/// The line that opens the generated block (after `[features]`).
pub const BEGIN: &str = "# @generated begin:";
/// The line that closes it.
pub const END: &str = "# @generated end";

/// The feature that compiles an API's module.
pub fn feature_name(api: &Api) -> &str {
    &api.id
}

/// The lines from `BEGIN` to `END`, both included: `default` with every API, then a feature
/// per API, named after its id.
pub fn render_block(catalog: &Catalog) -> String {
    let names: Vec<String> = catalog.apis().iter().map(|api| format!("{:?}", feature_name(api))).collect();
    let mut block = format!(
        "{BEGIN} a feature per API of {}/, all on by default; written by `{GENERATE_COMMAND}`, do not edit down to the end line.\n",
        catalog.dir()
    );
    block.push_str(&format!("default = [{}]\n", names.join(", ")));
    for api in catalog.apis() {
        // Ids are lower-case identifiers (validation), so each is a bare TOML key. A comment
        // holds no control character.
        let name: String = one_line(&api.name).chars().filter(|c| !c.is_control()).collect();
        block.push_str(&format!("# {name}\n{} = []\n", feature_name(api)));
    }
    block.push_str(END);
    block.push('\n');
    block
}

/// `manifest` with its generated block replaced by `block`; an error, saying what to add, when
/// it has no block (or an unclosed one).
pub fn splice(manifest: &str, block: &str) -> Result<String, String> {
    let line_at = |from: usize, marker: &str| {
        let mut offset = from;
        for line in manifest[from..].split_inclusive('\n') {
            if line.trim_end().starts_with(marker) {
                return Some((offset, offset + line.len()));
            }
            offset += line.len();
        }
        None
    };
    let missing = || {
        format!(
            "it has no generated block of features: add the lines `{BEGIN}` and `{END}` under `[features]`, and run `{GENERATE_COMMAND}`"
        )
    };
    let (begin, _) = line_at(0, BEGIN).ok_or_else(missing)?;
    let (_, end) = line_at(begin, END).ok_or_else(|| format!("its line `{BEGIN}` is never closed by `{END}`"))?;
    let mut spliced = String::with_capacity(manifest.len() + block.len());
    spliced.push_str(&manifest[..begin]);
    spliced.push_str(block);
    spliced.push_str(&manifest[end..]);
    Ok(spliced)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str =
        "[package]\nname = \"x\"\n\n[features]\n# @generated begin: old\nold = []\n# @generated end\nhttp = []\n";

    #[test]
    fn the_block_is_replaced_and_the_rest_kept() {
        let block = format!("{BEGIN} new\nnew = []\n{END}\n");
        let spliced = splice(MANIFEST, &block).unwrap();
        assert_eq!(
            spliced,
            "[package]\nname = \"x\"\n\n[features]\n# @generated begin: new\nnew = []\n# @generated end\nhttp = []\n"
        );
        assert_eq!(splice(&spliced, &block).unwrap(), spliced);
    }

    #[test]
    fn a_manifest_without_a_whole_block_is_refused() {
        let block = format!("{BEGIN}\n{END}\n");
        assert!(splice("[features]\nhttp = []\n", &block).unwrap_err().contains("add the lines"));
        assert!(splice("[features]\n# @generated begin: x\n", &block).unwrap_err().contains("never closed"));
    }
}
