use std::fmt;

/// The text of a value the catalog does not know, as received.
///
/// Open enums hold it in their `Unknown` variant. It is opaque on purpose: read it with
/// [`UnknownValue::as_str`], but do not match on it. A client that matched
/// `Unknown(s) if s == "NEW_CODE"` would silently stop matching the day the catalog learns
/// `NEW_CODE` and decodes it as a named variant; compare with `as_str()` on the enum instead,
/// which keeps working either way.
///
/// Only the generated enums make one (from their `From<&str>`), so an `Unknown` always holds
/// text that no named variant claims.
///
/// ```
/// use api_error_runtime::UnknownValue;
///
/// fn log_unknown(value: &UnknownValue) -> String {
///     format!("unrecognised value {value}")
/// }
/// # let _ = log_unknown;
/// ```
#[derive(Clone)]
pub struct UnknownValue(Text);

/// How many bytes of text an [`UnknownValue`] keeps without allocating.
const INLINE: usize = 22;

/// The text, inline when it is short. Unknown values are mostly short codes, and keeping them
/// off the heap makes looking one up cheaper than hashing it. (smol_str does the same, but its
/// releases need a newer Rust than this crate's minimum, and this needs nothing but safe code.)
#[derive(Clone)]
enum Text {
    /// The first `len` bytes of `bytes`, copied from a `str` (so always UTF-8).
    Inline {
        len: u8,
        bytes: [u8; INLINE],
    },
    Heap(Box<str>),
}

impl UnknownValue {
    /// For the generated code only (see `__private`).
    pub(crate) fn from_text(text: &str) -> Self {
        match Self::inline(text) {
            Some(inline) => inline,
            None => Self(Text::Heap(text.into())),
        }
    }

    /// For the generated code only (see `__private`): keeps the allocation of a long text.
    pub(crate) fn from_owned(text: String) -> Self {
        match Self::inline(&text) {
            Some(inline) => inline,
            None => Self(Text::Heap(text.into_boxed_str())),
        }
    }

    fn inline(text: &str) -> Option<Self> {
        let mut bytes = [0; INLINE];
        bytes.get_mut(..text.len())?.copy_from_slice(text.as_bytes());
        // INLINE fits in a u8, and `get_mut` has checked the length against it.
        let len = u8::try_from(text.len()).ok()?;
        Some(Self(Text::Inline { len, bytes }))
    }

    /// The text as received.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // The bytes were copied from a `str` whole, so they are UTF-8 and the fallback is
            // never taken; `from_utf8` keeps this crate free of `unsafe`.
            Text::Inline { len, bytes } => std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default(),
            Text::Heap(text) => text,
        }
    }
}

impl AsRef<str> for UnknownValue {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("UnknownValue").field(&self.as_str()).finish()
    }
}

// Equality, order and hash are the text's, wherever it is kept.
impl PartialEq for UnknownValue {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for UnknownValue {}

impl PartialOrd for UnknownValue {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for UnknownValue {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for UnknownValue {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Any text, short or long, ASCII or not, comes back as it went in, by either door.
        #[test]
        fn keeps_the_text(text in ".{0,40}") {
            let (copied, owned) = (UnknownValue::from_text(&text), UnknownValue::from_owned(text.clone()));
            proptest::prop_assert_eq!(copied.as_str(), text.as_str());
            proptest::prop_assert_eq!(owned.as_str(), text.as_str());
        }

        /// Equality and order are the text's, whichever way each side is kept.
        #[test]
        fn compares_as_text(a in ".{0,30}", b in ".{0,30}") {
            let (left, right) = (UnknownValue::from_text(&a), UnknownValue::from_owned(b.clone()));
            proptest::prop_assert_eq!(left == right, a == b);
            proptest::prop_assert_eq!(left.cmp(&right), a.cmp(&b));
        }
    }

    #[test]
    fn short_text_is_inline_and_long_text_on_the_heap() {
        let short = "x".repeat(INLINE);
        let long = "x".repeat(INLINE + 1);
        assert!(matches!(UnknownValue::from_text(&short).0, Text::Inline { .. }));
        assert!(matches!(UnknownValue::from_text(&long).0, Text::Heap(_)));
        assert_eq!(format!("{:?}", UnknownValue::from_text("teal")), r#"UnknownValue("teal")"#);
    }

    #[test]
    fn an_open_enum_stays_as_small_as_a_string() {
        assert_eq!(std::mem::size_of::<UnknownValue>(), std::mem::size_of::<String>());
    }
}
