//! Header values of the types catalogs give them, read the one way every generated crate
//! reads them: surrounding blanks ignored, anything else that does not fit is `None`.

/// A whole number, e.g. `42` or `-1`.
///
/// ```
/// assert_eq!(api_error_runtime::header_value::integer(" 42 "), Some(42));
/// assert_eq!(api_error_runtime::header_value::integer("4.2"), None);
/// ```
pub fn integer(value: &str) -> Option<i64> {
    value.trim().parse().ok()
}

/// A finite number, e.g. `0.5`.
///
/// ```
/// assert_eq!(api_error_runtime::header_value::number("0.5"), Some(0.5));
/// assert_eq!(api_error_runtime::header_value::number("NaN"), None);
/// ```
pub fn number(value: &str) -> Option<f64> {
    value.trim().parse::<f64>().ok().filter(|n| n.is_finite())
}

/// `true` or `false`, in any case.
///
/// ```
/// assert_eq!(api_error_runtime::header_value::boolean("True"), Some(true));
/// assert_eq!(api_error_runtime::header_value::boolean("1"), None);
/// ```
pub fn boolean(value: &str) -> Option<bool> {
    let value = value.trim();
    if value.eq_ignore_ascii_case("true") {
        Some(true)
    } else if value.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}
