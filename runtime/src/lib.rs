//! The runtime that every generated API error module builds on: the code that is the same for
//! every API, written and tested once. Clients depend on the generated crate
//! (`api-error-catalog`), which re-exports what they use from here.
//!
//! For clients, at this crate's root:
//!
//! - [`ApiError`]: one error response read leniently (never fails, never panics), and
//!   [`ApiError::recovery`], which says what to do next as a [`Recovery`] (its [`RecoveryKind`],
//!   its wait, the [`RecoveryRule`] that decided it); [`ApiError::decide`], the same decision
//!   without the error value, reading only what it needs. [`ApiErrorInfo`] is what every API's error
//!   answers behind `dyn`; [`ErrorModel`] is the bound of code generic over every API's
//!   `ApiError<B>`.
//! - [`RetryAfter`], [`Reading`], [`RateLimit`], [`BodyProblem`]: what the headers said and why a
//!   body did not decode.
//! - [`CatalogApi`] and [`Example`]: each generated crate's `APIS` and the documents' examples.
//! - [`StatusClass`], [`UnknownValue`], [`Backoff`], [`Jitter`], [`DecidedBy`], [`WaitSource`].
//! - [`Namespaced`]: a code the wire writes after a namespace (`aws.example#Throttled`), typed.
//! - [`RecoveryTable::rule_for`] over an [`Observed`] response, for deciding without an
//!   `ApiError`; a rule's [`Condition`]s (a [`ConditionSubject`] and a [`ConditionTest`]).
//! - [`TransportFailure`] and [`RecoveryTable::transport_recovery`] (or
//!   `ApiError::transport_recovery`): what to do when no response came.
//! - [`Request`] and [`Recovery::for_request`]: no retry of a request that may have taken
//!   effect and is not safe to send twice.
//! - [`RetryPolicy`] (what the client decides where the catalog does not) and [`RetryBudget`]
//!   (retries shared by a client's requests, opt-in).
//!
//! For the generated code: [`model`] (each API's [`model::Model`], field and header roles, and
//! [`model::CatalogEnum`], the one definition of each set of names the catalog format shares with
//! this crate), [`impl_open_enum!`] and [`impl_code_enum!`].
//!
//! Feature `http` adds `ApiError::from_http` for the `http` crate's types; `reqwest` adds
//! `ApiError::from_reqwest` and `TransportFailure::of_reqwest`; `tower` adds
//! `tower::CatalogRetry`, the catalog's decisions as a `tower::retry::Policy`.
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

mod api_error;
mod budget;
mod catalog_api;
mod catalog_enum;
mod example;
mod fact_scan;
mod facts;
pub mod header_value;
mod headers;
#[cfg(feature = "http")]
mod http;
mod members;
pub mod model;
mod namespaced;
mod open_enum;
mod recovery;
mod request;
#[cfg(feature = "reqwest")]
mod reqwest;
mod retry_after;
mod status;
mod tagged;
#[cfg(feature = "tower")]
pub mod tower;
mod transport;
mod unknown;

pub use api_error::{ApiError, ApiErrorInfo, BodyProblem};
pub use budget::RetryBudget;
pub use catalog_api::CatalogApi;
pub use example::{Example, ExampleDecision};
pub use headers::{RateLimit, Reading, ResponseHeader};
pub use model::ErrorModel;
pub use namespaced::{Namespace, Namespaced};
pub use recovery::{
    Backoff, Condition, ConditionSubject, ConditionTest, DecidedBy, Escalation, Jitter, Observed, Recovery,
    RecoveryKind, RecoveryRule, RecoveryTable, RetryPolicy, WaitSource,
};
pub use request::Request;
pub use retry_after::{RetryAfter, RetryAfterFormat};
pub use status::StatusClass;
pub use transport::TransportFailure;
pub use unknown::UnknownValue;

/// serde's traits (from `serde_core`, which `serde` re-exports), which the generated types
/// implement: written out by the generator, they need neither serde's derive nor a dependency of
/// the generated crate's own.
pub use serde_core as serde;

/// JSON values, for body fields the catalog leaves free (`any`) and the extension members of
/// extensible bodies, JSON numbers for its `number` fields (which keep a whole number whole:
/// `404` is written back as `404`, not `404.0`), and the error of a body that does not decode:
/// serde_json's own types, so clients need no separate dependency on it.
pub mod json {
    pub use serde_json::{Error, Map, Number, Value};
}

/// What the macros' expansions and the generated code refer to; not part of the API.
#[doc(hidden)]
pub mod __private {
    pub use crate::members::{read_member, Key, MemberKey, MemberOrExtension};
    pub use crate::open_enum::deserialize_wire;
    pub use crate::tagged::{serialize_tagged, tagged_object, tagged_variant};

    /// An unknown value of an open enum (only the generated `From<&str>` makes one).
    pub fn unknown(text: &str) -> crate::UnknownValue {
        crate::UnknownValue::from_text(text)
    }

    /// The decision of `rule` for a response with no wait, for doc examples.
    pub fn decide(rule: &'static crate::RecoveryRule) -> crate::Recovery {
        crate::Recovery::decide(rule, rule.level(), None, None, None, crate::Recovery::DEFAULT_MAX_WAIT)
    }

    /// An unknown value, keeping the allocation.
    pub fn unknown_owned(text: String) -> crate::UnknownValue {
        crate::UnknownValue::from_owned(text)
    }
}
