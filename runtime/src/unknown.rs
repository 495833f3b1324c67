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
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnknownValue(String);

impl UnknownValue {
    /// For the generated code only (see `__private`).
    pub(crate) fn new(text: String) -> Self {
        Self(text)
    }

    /// The text as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for UnknownValue {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
