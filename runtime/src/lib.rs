//! The runtime that every generated API error module builds on: the code that is the same for
//! every API, written and tested once. The generated crate (`api-error-catalog`) depends on it
//! and re-exports its types, so clients need only that one dependency.
//!
//! - [`ApiError`]: one error response read leniently (never fails, never panics), with
//!   [`ApiError::recovery`] saying what to do next; [`ApiErrorInfo`] is what every API's
//!   error answers, for clients of several APIs.
//! - [`Recovery`], [`RecoveryKind`], [`RecoveryRule`], [`RecoveryTable`], [`Backoff`]: an
//!   API's advice as data, and the decision for one response.
//! - [`Model`] and [`ErrorModel`]: what each API's catalog says about reading its responses.
//! - [`RetryAfter`] and [`RetryAfterFormat`]: `Retry-After` values in RFC 9110's forms and the
//!   dialects an API uses.
//! - [`CatalogApi`]: one API of a generated crate as data (each crate lists its `APIS`).
//! - [`StatusClass`], [`Example`], [`UnknownValue`], and [`impl_open_enum!`] and
//!   [`impl_status_enum!`] (the trait impls of the generated enums).
//!
//! Feature `http` adds `ApiError::from_http` for the `http` crate's types.
//!
//! ```
//! use api_error_runtime::{RetryAfter, StatusClass};
//! use std::time::Duration;
//!
//! assert_eq!(StatusClass::of(503), Some(StatusClass::ServerError));
//! assert_eq!(RetryAfter::read("120", &[]), Some(RetryAfter::Delay(Duration::from_secs(120))));
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod catalog_api;
mod example;
mod field_watch;
pub mod header_value;
#[cfg(feature = "http")]
mod http;
mod members;
mod open_enum;
mod recovery;
mod response;
mod retry_after;
mod status;
mod unknown;

pub use catalog_api::{CatalogApi, ReadResponse};
pub use example::{Example, ExampleDecision};
pub use recovery::{Backoff, DecidedBy, Jitter, Recovery, RecoveryKind, RecoveryRule, RecoveryTable, WaitSource};
pub use response::{
    ApiError, ApiErrorInfo, BodyProblem, DecodedBody, ErrorModel, FieldRole, HeaderRole, Model, RateLimit, Reading,
};
pub use retry_after::{RetryAfter, RetryAfterFormat};
pub use status::StatusClass;
pub use unknown::UnknownValue;

/// serde's traits (from `serde_core`, which `serde` re-exports), which the generated types
/// implement: written out by the generator, they need neither serde's derive nor a dependency of
/// the generated crate's own.
pub use serde_core as serde;

/// JSON values, for body fields the catalog leaves free (`any`) and the extension members of
/// extensible bodies, and the error of a body that does not decode: serde_json's own types, so
/// clients need no separate dependency on it.
pub mod json {
    pub use serde_json::{Error, Map, Value};
}

/// What the macros' expansions and the generated code refer to; not part of the API.
#[doc(hidden)]
pub mod __private {
    pub use crate::members::{read_member, Key, MemberKey, MemberOrExtension};
    pub use crate::open_enum::deserialize_wire;

    /// An unknown value of an open enum (only the generated `From<&str>` makes one).
    pub fn unknown(text: &str) -> crate::UnknownValue {
        crate::UnknownValue::from_text(text)
    }

    /// The decision of `rule` for a response with no wait, for doc examples.
    pub fn decide(rule: &'static crate::RecoveryRule) -> crate::Recovery {
        crate::Recovery::decide(rule, rule.level(), None, None, crate::Recovery::DEFAULT_MAX_WAIT)
    }

    /// An unknown value, keeping the allocation.
    pub fn unknown_owned(text: String) -> crate::UnknownValue {
        crate::UnknownValue::from_owned(text)
    }
}
