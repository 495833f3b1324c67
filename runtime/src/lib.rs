//! The runtime that every generated API error module builds on: the code that is the same for
//! every API, written and tested once. The generated crate (`api-error-catalog`) depends on it
//! and re-exports its types, so clients need only that one dependency.
//!
//! - [`StatusClass`]: the class of an HTTP status code.
//! - [`RetryRule`] and [`RetryDelay`]: an API's retry advice as data, with [`RetryRule::backoff_delay`].
//! - [`RetryAfter`] and [`RetryAfterFormat`]: `Retry-After` values in the formats an API documents.
//! - [`Example`]: a response taken from an API's documentation.
//! - [`impl_open_enum!`] and [`impl_status_enum!`]: the trait impls of the generated enums.
//!
//! ```
//! use api_error_runtime::{RetryAfter, RetryAfterFormat, StatusClass};
//! use std::time::Duration;
//!
//! assert_eq!(StatusClass::of(503), Some(StatusClass::ServerError));
//! let wait = RetryAfter::parse("120", &[RetryAfterFormat::DelaySeconds]);
//! assert_eq!(wait, Some(RetryAfter::Delay(Duration::from_secs(120))));
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod example;
mod open_enum;
mod retry;
mod retry_after;
mod status;

pub use example::Example;
pub use retry::{RetryDelay, RetryRule};
pub use retry_after::{RetryAfter, RetryAfterFormat};
pub use status::StatusClass;

/// What the macros' expansions refer to; not part of the API.
#[doc(hidden)]
pub mod __private {
    pub use crate::open_enum::deserialize_wire;
    pub use serde;
}
