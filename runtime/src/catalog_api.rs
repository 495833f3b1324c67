//! The APIs of a generated crate as data, for code that handles several of them by id.

use crate::{ApiErrorInfo, Example, Recovery};
use std::time::SystemTime;

/// Reads a response (status, headers in any case, body bytes) as one API's error; never fails.
pub type ReadResponse = fn(u16, &[(&str, &str)], &[u8]) -> Box<dyn ApiErrorInfo>;

/// Decides a response (status, headers, body bytes, the moment waits count from) without
/// keeping it: [`ApiError::decide`](crate::ApiError::decide) for one API.
pub type DecideResponse = fn(u16, &[(&str, &str)], &[u8], SystemTime) -> Recovery;

/// One API of a generated crate: its id and name, the documentation's examples, and how to
/// read one of its error responses. Each generated crate lists its APIs in `APIS`.
///
/// ```
/// use api_error_runtime::model::Model;
/// use api_error_runtime::{ApiError, CatalogApi, ErrorModel, RecoveryKind, RecoveryRule, RecoveryTable};
/// use std::time::SystemTime;
///
/// #[derive(Debug, serde::Deserialize)]
/// struct Body {}
///
/// impl ErrorModel for Body {
///     const MODEL: &'static Model = &Model::new(
///         "Demo",
///         &[],
///         &[],
///         RecoveryTable::new(&[], RecoveryRule::new("fallback", RecoveryKind::GiveUp, "Give up.", "Errors")),
///     );
/// }
///
/// const APIS: &[CatalogApi] = &[CatalogApi::new("demo", "Demo", &[], |status, headers, body| {
///     Box::new(ApiError::<Body>::from_response(status, headers.iter().copied(), body))
/// })];
///
/// let api = APIS.iter().find(|api| api.id == "demo").unwrap();
/// let error = (api.read)(503, &[], b"<html>busy</html>");
/// assert_eq!(error.status(), 503);
/// assert_eq!(error.recovery(SystemTime::now()).kind(), RecoveryKind::GiveUp);
/// // Without `deciding`, a decision reads the whole error first.
/// assert_eq!(api.decide(503, &[], b"<html>busy</html>", SystemTime::now()).kind(), RecoveryKind::GiveUp);
/// ```
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct CatalogApi {
    /// The catalog's id of the API (its module's name, unless that is a Rust keyword).
    pub id: &'static str,
    /// The API's name, as its documentation spells it.
    pub name: &'static str,
    /// The documentation's example responses, with the decisions they lead to.
    pub examples: &'static [Example],
    /// Reads a response as this API's error.
    pub read: ReadResponse,
    /// Decides a response without reading the whole error, where the entry says how.
    deciding: Option<DecideResponse>,
}

impl CatalogApi {
    /// An entry, as generated crates write them.
    pub const fn new(id: &'static str, name: &'static str, examples: &'static [Example], read: ReadResponse) -> Self {
        Self { id, name, examples, read, deciding: None }
    }

    /// The entry, deciding responses with `decide` (the generated entries give
    /// [`ApiError::decide`](crate::ApiError::decide)).
    #[must_use]
    pub const fn deciding(mut self, decide: DecideResponse) -> Self {
        self.deciding = Some(decide);
        self
    }

    /// What to do about a response of this API: the same decision as
    /// `(api.read)(status, headers, body).recovery(now)`, reading no more than it needs where
    /// the entry says how ([`CatalogApi::deciding`]).
    pub fn decide(&self, status: u16, headers: &[(&str, &str)], body: &[u8], now: SystemTime) -> Recovery {
        match self.deciding {
            Some(decide) => decide(status, headers, body, now),
            None => (self.read)(status, headers, body).recovery(now),
        }
    }
}
