//! Codes written after a namespace (AWS's JSON protocols send
//! `com.amazonaws.dynamodb.v20120810#ThrottlingException` where their documentation lists
//! `ThrottlingException`): typed by the code after the last separator, with the namespace kept,
//! so that a body decodes to the code's known value and encodes back as it came.

use serde_core::de::{Deserializer, Error, Visitor};
use serde_core::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::marker::PhantomData;

/// An open enum of codes that the wire may write after a namespace and [`Namespace::SEPARATOR`].
/// The generated code implements it for such a vocabulary's enum.
pub trait Namespace: for<'a> From<&'a str> + AsRef<str> {
    /// What ends the namespace: the code is the text after the last one (`#`).
    const SEPARATOR: char;
}

/// A code as the wire wrote it: the code, typed, and the namespace before it, where there was
/// one.
///
/// ```
/// use api_error_runtime::{Namespace, Namespaced};
///
/// #[derive(Clone, Debug, PartialEq)]
/// enum Code {
///     Throttled,
///     Unknown(String),
/// }
/// impl From<&str> for Code {
///     fn from(wire: &str) -> Self {
///         match wire {
///             "Throttled" => Self::Throttled,
///             other => Self::Unknown(other.to_string()),
///         }
///     }
/// }
/// impl AsRef<str> for Code {
///     fn as_ref(&self) -> &str {
///         match self {
///             Self::Throttled => "Throttled",
///             Self::Unknown(other) => other,
///         }
///     }
/// }
/// impl Namespace for Code {
///     const SEPARATOR: char = '#';
/// }
///
/// let code: Namespaced<Code> = serde_json::from_str("\"aws.example#Throttled\"").unwrap();
/// assert_eq!(code.code(), &Code::Throttled);
/// assert_eq!(code.namespace(), Some("aws.example"));
/// assert_eq!(serde_json::to_string(&code).unwrap(), "\"aws.example#Throttled\"");
/// let bare = Namespaced::from(Code::Throttled);
/// assert_eq!(serde_json::to_string(&bare).unwrap(), "\"Throttled\"");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Namespaced<T> {
    namespace: Option<String>,
    code: T,
}

impl<T: Namespace> Namespaced<T> {
    /// Reads a code as the wire writes it, with or without a namespace.
    pub fn parse(wire: &str) -> Self {
        match wire.rsplit_once(T::SEPARATOR) {
            Some((namespace, code)) => Self { namespace: Some(namespace.to_string()), code: T::from(code) },
            None => Self { namespace: None, code: T::from(wire) },
        }
    }

    /// The code after the namespace.
    pub fn code(&self) -> &T {
        &self.code
    }

    /// The namespace the wire wrote before the code, if it wrote one.
    pub fn namespace(&self) -> Option<&str> {
        self.namespace.as_deref()
    }

    /// The code, without its namespace.
    pub fn into_code(self) -> T {
        self.code
    }
}

impl<T> From<T> for Namespaced<T> {
    /// A code without a namespace.
    fn from(code: T) -> Self {
        Self { namespace: None, code }
    }
}

impl<T: Namespace> fmt::Display for Namespaced<T> {
    /// As the wire wrote it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(namespace) = &self.namespace {
            write!(f, "{namespace}{}", T::SEPARATOR)?;
        }
        f.write_str(self.code.as_ref())
    }
}

impl<T: Namespace> Serialize for Namespaced<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.namespace {
            Some(_) => serializer.collect_str(self),
            None => serializer.serialize_str(self.code.as_ref()),
        }
    }
}

impl<'de, T: Namespace> Deserialize<'de> for Namespaced<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Wire<T>(PhantomData<T>);

        impl<T: Namespace> Visitor<'_> for Wire<T> {
            type Value = Namespaced<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }

            fn visit_str<E: Error>(self, wire: &str) -> Result<Namespaced<T>, E> {
                Ok(Namespaced::parse(wire))
            }
        }

        deserializer.deserialize_str(Wire(PhantomData))
    }
}

/// The code of a code the wire may write after a namespace: the text after the last
/// `separator` (all of it without one).
pub(crate) fn bare_code(code: &str, separator: Option<char>) -> &str {
    match separator.and_then(|separator| code.rsplit_once(separator)) {
        Some((_, bare)) => bare,
        None => code,
    }
}

#[cfg(test)]
mod tests {
    use super::bare_code;

    #[test]
    fn the_code_is_what_follows_the_last_separator() {
        assert_eq!(bare_code("com.amazonaws.dynamodb.v20120810#Throttled", Some('#')), "Throttled");
        assert_eq!(bare_code("a#b#Throttled", Some('#')), "Throttled");
        assert_eq!(bare_code("Throttled", Some('#')), "Throttled");
        assert_eq!(bare_code("ns#", Some('#')), "");
        assert_eq!(bare_code("ns#Throttled", None), "ns#Throttled");
    }
}
