//! The trait impls that every generated enum shares, as macros the generated code invokes
//! once per enum: writing them out per enum repeated some 70 lines each time.
//!
//! Expansions name everything by full path, so they compile whatever names the catalog gives
//! the enums and their neighbours (a type called `String`, `Option` or `Serialize`).

use serde_core::de::{Deserializer, Error, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// Decodes a JSON string into an open enum without allocating for the values it knows.
pub fn deserialize_wire<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: for<'a> From<&'a str> + From<String>,
{
    struct Wire<T>(PhantomData<T>);

    impl<T: for<'a> From<&'a str> + From<String>> Visitor<'_> for Wire<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: Error>(self, wire: &str) -> Result<T, E> {
            Ok(T::from(wire))
        }

        fn visit_string<E: Error>(self, wire: String) -> Result<T, E> {
            Ok(T::from(wire))
        }
    }

    deserializer.deserialize_str(Wire(PhantomData))
}

/// Implements, for an open enum of wire strings, everything that follows from its
/// `fn as_str(&self) -> &str` and its `From<&str>` (which the generated code writes, as they
/// list the values): `From<String>` (keeping the allocation for unknown values), `FromStr`
/// (infallible), `AsRef<str>`, `Display` (the wire string), `PartialEq`, `Eq` and `Hash` by wire
/// string, and serde as a plain string. The enum must have a variant
/// `Unknown(api_error_runtime::UnknownValue)`, which only the expansions and the generated
/// `From<&str>` construct.
///
/// ```
/// use api_error_runtime::UnknownValue;
///
/// #[derive(Clone, Debug)]
/// enum Color {
///     Red,
///     Unknown(UnknownValue),
/// }
///
/// impl Color {
///     fn as_str(&self) -> &str {
///         match self {
///             Self::Red => "red",
///             Self::Unknown(other) => other.as_str(),
///         }
///     }
/// }
///
/// impl From<&str> for Color {
///     fn from(wire: &str) -> Self {
///         match wire {
///             "red" => Self::Red,
///             // As the generated code does: only it makes unknown values.
///             other => Self::Unknown(api_error_runtime::__private::unknown(other)),
///         }
///     }
/// }
///
/// api_error_runtime::impl_open_enum!(Color);
///
/// let color: Color = serde_json::from_str("\"red\"").unwrap();
/// assert_eq!(color, Color::Red);
/// assert_eq!(Color::from("red"), Color::Red);
/// assert!(matches!(Color::from("teal"), Color::Unknown(_)));
/// assert_eq!("teal".parse::<Color>().unwrap().to_string(), "teal");
/// assert_eq!(serde_json::to_string(&Color::from("teal".to_string())).unwrap(), "\"teal\"");
/// ```
#[macro_export]
macro_rules! impl_open_enum {
    ($name:ident) => {
        impl ::core::convert::From<::std::string::String> for $name {
            fn from(wire: ::std::string::String) -> Self {
                match <Self as ::core::convert::From<&str>>::from(wire.as_str()) {
                    Self::Unknown(_) => Self::Unknown($crate::__private::unknown_owned(wire)),
                    known => known,
                }
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = ::core::convert::Infallible;

            // A wrapper: inlined, the caller calls `From<&str>` itself.
            #[inline]
            fn from_str(wire: &str) -> ::core::result::Result<Self, ::core::convert::Infallible> {
                ::core::result::Result::Ok(<Self as ::core::convert::From<&str>>::from(wire))
            }
        }

        impl ::core::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::cmp::PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.as_str() == other.as_str()
            }
        }

        impl ::core::cmp::Eq for $name {}

        impl ::core::hash::Hash for $name {
            fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                ::core::hash::Hash::hash(self.as_str(), state);
            }
        }

        impl $crate::serde::Serialize for $name {
            fn serialize<S: $crate::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::__private::deserialize_wire(deserializer)
            }
        }
    };
}

/// Implements, for an open enum of numbers (HTTP status codes as `u16`, an API's integer error
/// codes as `i64`), everything that follows from its `fn code(self) -> $int` and
/// `fn from_code($int) -> Self`: `PartialEq`, `Eq` and `Hash` by code, `From<$int>`, `FromStr`
/// (from the digits), `Display` (the number), and serde as a bare number. The enum is `Copy`, and its `Unknown` variant holds
/// the code, so `Unknown(c)` equals the known value with code `c`.
///
/// ```
/// #[derive(Clone, Copy, Debug)]
/// enum Status {
///     NotFound,
///     Unknown(u16),
/// }
///
/// impl Status {
///     const fn from_code(code: u16) -> Self {
///         match code {
///             404 => Self::NotFound,
///             other => Self::Unknown(other),
///         }
///     }
///     const fn code(self) -> u16 {
///         match self {
///             Self::NotFound => 404,
///             Self::Unknown(code) => code,
///         }
///     }
/// }
///
/// api_error_runtime::impl_code_enum!(Status, u16);
///
/// assert_eq!(Status::from(404), Status::NotFound);
/// assert_eq!(Status::Unknown(404), Status::NotFound);
/// assert_eq!(serde_json::to_string(&Status::NotFound).unwrap(), "404");
/// assert_eq!(serde_json::from_str::<Status>("418").unwrap().to_string(), "418");
/// assert!(serde_json::from_str::<Status>("\"404\"").is_err());
/// assert_eq!("404".parse::<Status>(), Ok(Status::NotFound));
/// assert!("4o4".parse::<Status>().is_err());
/// ```
#[macro_export]
macro_rules! impl_code_enum {
    ($name:ident, $int:ty) => {
        impl ::core::cmp::PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.code() == other.code()
            }
        }

        impl ::core::cmp::Eq for $name {}

        impl ::core::hash::Hash for $name {
            fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                ::core::hash::Hash::hash(&self.code(), state);
            }
        }

        impl ::core::convert::From<$int> for $name {
            fn from(code: $int) -> Self {
                Self::from_code(code)
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = ::core::num::ParseIntError;

            /// The value whose code the text's digits are.
            fn from_str(digits: &str) -> ::core::result::Result<Self, ::core::num::ParseIntError> {
                digits.parse::<$int>().map(Self::from_code)
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(&self.code(), f)
            }
        }

        impl $crate::serde::Serialize for $name {
            fn serialize<S: $crate::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                <$int as $crate::serde::Serialize>::serialize(&self.code(), serializer)
            }
        }

        impl<'de> $crate::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                <$int as $crate::serde::Deserialize<'de>>::deserialize(deserializer).map(Self::from_code)
            }
        }
    };
}
