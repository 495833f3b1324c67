//! Finds where a catalog path (`vocabularies[0].values[3].statuses[1]`) stands in the YAML
//! text, so that validation errors, found on the parsed model, can point at a line and column.
//!
//! serde_yaml exposes no positions for parsed values, but it stamps an error with the position
//! of the node being read when the error is raised. So the text is read once more, walking the
//! path and failing on purpose at the target node; the failure carries its position.

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// `a.b[2][0].c` -> [Key a, Key b, Index 2, Index 0, Key c]. `None` for a malformed path.
fn steps(path: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !key.is_empty() {
            steps.push(Step::Key(key.to_string()));
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let end = inner.find(']')?;
            steps.push(Step::Index(inner[..end].parse().ok()?));
            rest = &inner[end + 1..];
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(steps)
}

/// The marker message of the deliberate failure.
const FOUND: &str = "\u{0}located";

/// Reads one node: fails at the end of the path, otherwise descends into the next step.
struct Walk<'p>(&'p [Step]);

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML node")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((Step::Key(wanted), rest)) = self.0.split_first() else {
            return if self.0.is_empty() { Err(de::Error::custom(FOUND)) } else { Ok(()) };
        };
        while let Some(key) = map.next_key::<String>()? {
            if &key == wanted {
                return map.next_value_seed(Walk(rest));
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some((Step::Index(wanted), rest)) = self.0.split_first() else {
            return if self.0.is_empty() { Err(de::Error::custom(FOUND)) } else { Ok(()) };
        };
        for _ in 0..*wanted {
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
        }
        seq.next_element_seed(Walk(rest)).map(|_| ())
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.scalar()
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.scalar()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.scalar()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.scalar()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.scalar()
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.scalar()
    }
}

impl Walk<'_> {
    fn scalar<E: de::Error>(self) -> Result<(), E> {
        if self.0.is_empty() {
            Err(E::custom(FOUND))
        } else {
            Ok(())
        }
    }
}

/// The 1-based line and column of the node at `path` in `text`, if it is there.
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let steps = steps(path)?;
    let deserializer = serde_yaml::Deserializer::from_str(text);
    let error = Walk(&steps).deserialize(deserializer).err()?;
    // serde_yaml prefixes the message with the path it was reading.
    if !error.to_string().contains(FOUND) {
        return None;
    }
    let location = error.location()?;
    Some((location.line(), location.column()))
}

/// Like [`locate`], but for a path that is not in the text (a missing key), the position of
/// the nearest enclosing node that is.
pub fn locate_nearest(text: &str, path: &str) -> Option<(usize, usize)> {
    let mut path = path;
    loop {
        if let Some(found) = locate(text, path) {
            return Some(found);
        }
        let cut = path.rfind(['.', '['])?;
        path = &path[..cut];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "id: x\nstatuses:\n  - code: 400\n    reason: Bad\n  - { code: 401, reason: Unauth }\nbody: { a: [1, 2] }\n";

    #[test]
    fn paths_resolve_to_the_node() {
        assert_eq!(locate(TEXT, "id"), Some((1, 5)));
        assert_eq!(locate(TEXT, "statuses"), Some((3, 3)));
        assert_eq!(locate(TEXT, "statuses[0]"), Some((3, 5)));
        assert_eq!(locate(TEXT, "statuses[0].reason"), Some((4, 13)));
        assert_eq!(locate(TEXT, "statuses[1].code"), Some((5, 13)));
        assert_eq!(locate(TEXT, "body.a[1]"), Some((6, 16)));
    }

    #[test]
    fn missing_or_malformed_paths_have_no_position() {
        assert_eq!(locate(TEXT, "statuses[7]"), None);
        assert_eq!(locate(TEXT, "nothing.here"), None);
        assert_eq!(locate(TEXT, "statuses[x]"), None);
        assert_eq!(locate("{ unclosed", "id"), None);
    }

    #[test]
    fn a_missing_key_points_at_its_parent() {
        assert_eq!(locate_nearest(TEXT, "statuses[0].description"), Some((3, 5)));
        assert_eq!(locate_nearest(TEXT, "statuses[1].code"), Some((5, 13)));
        assert_eq!(locate_nearest(TEXT, "nothing.here"), None);
    }

    #[test]
    fn steps_split_keys_and_indexes() {
        assert_eq!(
            steps("a.b[2][0].c").unwrap(),
            vec![Step::Key("a".into()), Step::Key("b".into()), Step::Index(2), Step::Index(0), Step::Key("c".into())]
        );
    }
}
