//! How entries get their Rust names: derived from wire text or given explicitly, and checked
//! to be valid, ASCII and not reserved.

use super::{Checker, RESERVED_TYPE_NAMES};
use crate::diagnostic::Code;
use crate::names;
use std::collections::BTreeSet;

/// How a kind of entry gets its Rust name.
pub(super) struct Naming {
    /// The key that overrides the derived name.
    override_key: &'static str,
    /// The key holding the wire text the name is derived from.
    wire_key: &'static str,
    wire_what: &'static str,
    item: &'static str,
    style: &'static str,
    style_help: &'static str,
    fix_help: &'static str,
    valid: fn(&str) -> bool,
    derive: fn(&str) -> Option<String>,
}

pub(super) const VARIANT_NAMING: Naming = Naming {
    override_key: "variant",
    wire_key: "value",
    wire_what: "the value",
    item: "a variant",
    style: "PascalCase variant name",
    style_help: "use ASCII letters and digits starting with an upper-case letter",
    fix_help: "set `variant:` to the Rust name you want",
    valid: names::is_type_name,
    derive: names::pascal_case,
};

pub(super) const FIELD_NAMING: Naming = Naming {
    override_key: "rust_name",
    wire_key: "name",
    wire_what: "the JSON key",
    item: "a Rust field",
    style: "snake_case field name",
    style_help: "use lower-case ASCII letters, digits and `_`",
    fix_help: "set `rust_name:` to the Rust field name you want",
    valid: names::is_field_name,
    derive: names::snake_case,
};

impl Checker<'_> {
    /// Rust names derived from `text` would drop letters outside ASCII: report it.
    pub(super) fn ascii_source(&mut self, path: &str, text: &str, what: &str, help: &str) -> bool {
        if names::has_non_ascii_alphanumeric(text) {
            self.error(
                Code::NonAsciiName,
                path,
                format!("{what} `{text}` is not ASCII, so the Rust name made from it would lose letters"),
                help,
            );
            false
        } else {
            true
        }
    }

    /// The Rust name of a value or field: its valid override, else one derived from its wire
    /// text. `None` (with the problem reported) when neither gives a name.
    pub(super) fn rust_name(
        &mut self,
        at: &str,
        wire: &str,
        explicit: Option<&str>,
        naming: &Naming,
    ) -> Option<String> {
        let wire_path = format!("{at}.{}", naming.wire_key);
        match explicit {
            Some(name) if !(naming.valid)(name) => {
                self.error(
                    Code::InvalidName,
                    format!("{at}.{}", naming.override_key),
                    format!("`{name}` is not a {}", naming.style),
                    naming.style_help,
                );
                None
            }
            Some(name) => Some(name.to_string()),
            None if !self.ascii_source(&wire_path, wire, naming.wire_what, naming.fix_help) => None,
            None => {
                let derived = (naming.derive)(wire);
                if derived.is_none() && !wire.trim().is_empty() {
                    self.error(
                        Code::Unnameable,
                        wire_path,
                        format!("`{wire}` has no ASCII letter or digit to name {}", naming.item),
                        naming.fix_help,
                    );
                }
                derived
            }
        }
    }

    /// Type names of vocabularies and shapes must be valid, distinct and not reserved.
    pub(super) fn check_type_name(&mut self, seen: &mut BTreeSet<String>, name: &str, path: &str) {
        if !names::is_type_name(name) {
            self.error(
                Code::InvalidName,
                path,
                format!("`{name}` is not a PascalCase type name"),
                "use ASCII letters and digits starting with an upper-case letter, e.g. `ErrorType`",
            );
        } else if RESERVED_TYPE_NAMES.contains(&name) {
            self.error(
                Code::ReservedName,
                path,
                format!("`{name}` is a name the generated code, or the models generated from its schemas, take"),
                format!("choose another name (reserved: {})", RESERVED_TYPE_NAMES.join(", ")),
            );
        } else if !seen.insert(name.to_string()) {
            self.error(
                Code::Duplicate,
                path,
                format!("the type name `{name}` is used twice"),
                "vocabularies and bodies share one namespace; rename one",
            );
        }
    }
}
