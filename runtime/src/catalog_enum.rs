//! The closed sets that catalogs name (recovery kinds, field and header roles, wait formats,
//! status classes, jitter, precedence levels), each defined once, here: the catalog format
//! (codegen) reads and describes these same types, and the generated code names their variants.

/// Defines an enum whose values catalogs name, with everything the catalog format, the
/// generated code and the exported data read off it: `ALL`, `as_str` (the catalog name),
/// `label` (the value in words), `from_name`, [`CatalogEnum`](crate::model::CatalogEnum),
/// `Display`, and serde impls that read and write the catalog name.
///
/// Each variant is written `Variant = "catalog_name", "in words"`, after its doc comment, so
/// that adding a value is one line here and nowhere else.
macro_rules! catalog_enum {
    // A type of the crate root.
    (
        $(#[$attr:meta])*
        pub enum $name:ident { $($variants:tt)+ }
    ) => {
        $crate::catalog_enum::catalog_enum! { @define [stringify!($name)] $(#[$attr])* pub enum $name { $($variants)+ } }
    };
    // A type of a public module: `pub enum FieldRole in model { ... }`.
    (
        $(#[$attr:meta])*
        pub enum $name:ident in $module:ident { $($variants:tt)+ }
    ) => {
        $crate::catalog_enum::catalog_enum! {
            @define [concat!(stringify!($module), "::", stringify!($name))] $(#[$attr])* pub enum $name { $($variants)+ }
        }
    };
    (
        @define [$path:expr]
        $(#[$attr:meta])*
        pub enum $name:ident {
            $(
                $(#[doc = $doc:literal])+
                $variant:ident = $wire:literal, $label:literal;
            )+
        }
    ) => {
        $(#[$attr])*
        pub enum $name {
            $(
                $(#[doc = $doc])+
                $variant,
            )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The value's name in catalogs and in the exported recovery data.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $wire,)+
                }
            }

            /// The value in words, as the generated documentation writes it.
            pub const fn label(self) -> &'static str {
                match self {
                    $(Self::$variant => $label,)+
                }
            }

            /// The value of a catalog name, if it is one.
            pub fn from_name(name: &str) -> ::core::option::Option<Self> {
                match name {
                    $($wire => ::core::option::Option::Some(Self::$variant),)+
                    _ => ::core::option::Option::None,
                }
            }
        }

        impl $crate::model::CatalogEnum for $name {
            const TYPE_NAME: &'static str = stringify!($name);
            const PATH: &'static str = $path;
            const ALL: &'static [Self] = Self::ALL;
            const NAMES: &'static [&'static str] = &[$($wire),+];

            fn name(self) -> &'static str {
                self.as_str()
            }

            fn from_name(name: &str) -> ::core::option::Option<Self> {
                // The inherent function: one `match` on the names.
                <$name>::from_name(name)
            }

            fn variant_name(self) -> &'static str {
                match self {
                    $(Self::$variant => stringify!($variant),)+
                }
            }

            fn doc(self) -> &'static str {
                match self {
                    $(Self::$variant => concat!($($doc, "\n"),+),)+
                }
            }
        }

        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde_core::Serialize for $name {
            fn serialize<S: ::serde_core::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde_core::Deserialize<'de> for $name {
            fn deserialize<D: ::serde_core::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                deserializer.deserialize_str($crate::catalog_enum::NameVisitor::<Self>(::core::marker::PhantomData))
            }
        }
    };
}

pub(crate) use catalog_enum;

/// Reads a catalog name as a value of `T`; an unknown name is an error that lists the names,
/// as serde's derive words it.
pub(crate) struct NameVisitor<T>(pub(crate) std::marker::PhantomData<T>);

impl<T: crate::model::CatalogEnum> serde_core::de::Visitor<'_> for NameVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a {} (one of {})", T::TYPE_NAME, T::NAMES.join(", "))
    }

    fn visit_str<E: serde_core::de::Error>(self, name: &str) -> Result<T, E> {
        T::from_name(name).ok_or_else(|| E::unknown_variant(name, T::NAMES))
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{CatalogEnum, FieldRole, HeaderRole};
    use crate::{DecidedBy, Jitter, RecoveryKind, RetryAfterFormat, StatusClass};

    /// Every value of `T` reads back from its catalog name, through serde too, and has a name,
    /// a variant name and documentation of its own.
    fn names_round_trip<T: CatalogEnum + serde_core::Serialize + serde_core::de::DeserializeOwned>() {
        assert_eq!(T::ALL.len(), T::NAMES.len(), "{}", T::TYPE_NAME);
        let mut variants = std::collections::BTreeSet::new();
        for (&value, &name) in T::ALL.iter().zip(T::NAMES) {
            assert_eq!(value.name(), name);
            assert_eq!(T::from_name(name), Some(value));
            assert_eq!(serde_json::to_string(&value).unwrap(), format!("\"{name}\""));
            assert_eq!(serde_json::from_str::<T>(&format!("\"{name}\"")).unwrap(), value);
            assert!(!value.doc().trim().is_empty(), "{value:?} has no documentation");
            assert!(variants.insert(value.variant_name()), "{value:?}'s variant name is taken");
            assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'), "{name}");
        }
        assert_eq!(T::from_name("no_such_value"), None);
        let error = serde_json::from_str::<T>("\"no_such_value\"").unwrap_err().to_string();
        assert!(error.starts_with("unknown variant `no_such_value`, expected one of"), "{error}");
    }

    #[test]
    fn every_catalog_enum_reads_and_writes_its_catalog_names() {
        names_round_trip::<RecoveryKind>();
        names_round_trip::<StatusClass>();
        names_round_trip::<Jitter>();
        names_round_trip::<FieldRole>();
        names_round_trip::<HeaderRole>();
        names_round_trip::<RetryAfterFormat>();
        names_round_trip::<DecidedBy>();
    }

    #[test]
    fn the_macro_fills_each_table_by_variant() {
        assert_eq!(RecoveryKind::RetryAfterWait.variant_name(), "RetryAfterWait");
        assert_eq!(RecoveryKind::GiveUp.as_str(), "give_up");
        assert_eq!(RecoveryKind::RefreshCredentials.label(), "refresh credentials, then retry once");
        assert_eq!(StatusClass::ClientError.to_string(), "client_error");
        assert_eq!(FieldRole::SupportReference.doc().trim(), "A reference code to quote to support (a string field).");
        assert_eq!(Jitter::default(), Jitter::None);
        assert_eq!(RecoveryKind::ALL.iter().filter(|kind| kind.retries()).count(), 4);
    }

    #[test]
    fn precedence_is_the_order_of_decided_by() {
        let levels: Vec<DecidedBy> = (0u8..64)
            .map(|bits| {
                let named = |bit: u8| bits & bit != 0;
                DecidedBy::of_scope(named(32), named(16), named(8), named(4), named(2), named(1))
            })
            .collect();
        // Transport failures are a level of their own, whatever else a rule names.
        assert!(levels[32..].iter().all(|&level| level == DecidedBy::Transport));
        // The highest level named wins: a hint over everything, then errors, statuses, classes;
        // conditions alone make the condition level, and beside any of those change nothing.
        for with_conditions in [0, 16] {
            let levels = &levels[with_conditions..with_conditions + 16];
            assert!(levels[8..].iter().all(|&level| level == DecidedBy::Hint));
            assert!(levels[4..8].iter().all(|&level| level == DecidedBy::ErrorValue));
            assert_eq!(&levels[1..4], [DecidedBy::StatusClass, DecidedBy::Status, DecidedBy::Status]);
        }
        assert_eq!((levels[0], levels[16]), (DecidedBy::Fallback, DecidedBy::Condition));
        let mut sorted = DecidedBy::ALL.to_vec();
        sorted.sort();
        assert_eq!(sorted, DecidedBy::ALL, "ALL is in precedence order");
        // `RecoveryTable::rule_for` indexes its ranks by a level's discriminant.
        for (at, &level) in DecidedBy::ALL.iter().enumerate() {
            assert_eq!(level as usize, at, "{level:?}");
        }
    }
}
