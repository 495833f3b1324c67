//! The catalog's decisions as a `tower::retry::Policy` (feature `tower`): a `tower` stack that
//! sends `http::Request`s and gets `http::Response`s with bodies already read (as `Bytes`, a
//! `Vec<u8>`, a `String`) retries what the API's catalog says to retry, waits as it says, and
//! stops where it says.
//!
//! ```
//! use api_error_runtime::model::Model;
//! use api_error_runtime::tower::CatalogRetry;
//! use api_error_runtime::{ErrorModel, RecoveryKind, RecoveryRule, RecoveryTable, RetryPolicy};
//! # #[derive(serde::Deserialize)] struct Body {}
//! # impl ErrorModel for Body {
//! #     const MODEL: &'static Model = &Model::new("Demo", &[], &[], RecoveryTable::new(
//! #         &[RecoveryRule::new("busy", RecoveryKind::RetryNow, "", "").statuses(&[503])],
//! #         RecoveryRule::new("fallback", RecoveryKind::GiveUp, "", "")));
//! # }
//!
//! let retry = CatalogRetry::<Body>::new(RetryPolicy::default());
//! let request = http::Request::get("http://127.0.0.1/").body(Vec::<u8>::new()).unwrap();
//! let busy: Result<http::Response<Vec<u8>>, std::io::Error> =
//!     Ok(http::Response::builder().status(503).body(Vec::new()).unwrap());
//! assert_eq!(retry.decide(&request, &busy).map(|r| r.kind()), Some(RecoveryKind::RetryNow));
//! // In a stack: `tower::retry::RetryLayer::new(retry)`.
//! ```

use crate::budget::RetryBudget;
use crate::recovery::{Recovery, RecoveryKind, RetryPolicy};
use crate::request::Request;
use crate::transport::TransportFailure;
use crate::{ApiError, ErrorModel};
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::SystemTime;

/// An error of an HTTP stack that may be a failure of the transport, as [`CatalogRetry`] asks
/// it: I/O errors, reqwest's (feature `reqwest`), and boxed errors whose chain of sources holds
/// one (what `tower` layers box errors into).
pub trait TransportError {
    /// The transport failure this error is, if it is one.
    fn transport_failure(&self) -> Option<TransportFailure>;
}

impl TransportError for std::io::Error {
    fn transport_failure(&self) -> Option<TransportFailure> {
        TransportFailure::of_io_error(self)
    }
}

#[cfg(feature = "reqwest")]
impl TransportError for reqwest::Error {
    fn transport_failure(&self) -> Option<TransportFailure> {
        TransportFailure::of_reqwest(self)
    }
}

impl TransportError for Box<dyn std::error::Error + Send + Sync> {
    fn transport_failure(&self) -> Option<TransportFailure> {
        let this: &(dyn std::error::Error + 'static) = self.as_ref();
        std::iter::successors(Some(this), |error| error.source()).find_map(|error| {
            #[cfg(feature = "reqwest")]
            if let Some(found) = error.downcast_ref::<reqwest::Error>().and_then(TransportFailure::of_reqwest) {
                return Some(found);
            }
            error.downcast_ref::<std::io::Error>().and_then(TransportFailure::of_io_error)
        })
    }
}

/// A `tower::retry::Policy` that decides each outcome by the catalog of `B`'s API: an error
/// response as [`ApiError::recovery`] does, a transport failure as
/// [`ApiError::transport_recovery`] does, both for the request at hand
/// ([`Recovery::for_request`]: by its method, or an idempotency key header), then
/// [`Recovery::next_attempt`] with the policy, and the shared [`RetryBudget`] where one is given.
/// It retries the kinds that send the request again as it is (`retry_after_wait`,
/// `retry_with_backoff`, `retry_now`); refreshing credentials is the client's to do. Sleeps with
/// tokio's timer, so it runs inside a tokio runtime.
pub struct CatalogRetry<B> {
    policy: RetryPolicy,
    budget: Option<Arc<RetryBudget>>,
    idempotency_key: Option<http::HeaderName>,
    /// Attempts made of the current request: `tower` clones the policy for each request.
    attempts: u32,
    model: PhantomData<fn() -> B>,
}

impl<B> Clone for CatalogRetry<B> {
    fn clone(&self) -> Self {
        Self {
            policy: self.policy,
            budget: self.budget.clone(),
            idempotency_key: self.idempotency_key.clone(),
            attempts: self.attempts,
            model: PhantomData,
        }
    }
}

impl<B> std::fmt::Debug for CatalogRetry<B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CatalogRetry")
            .field("policy", &self.policy)
            .field("budget", &self.budget)
            .field("idempotency_key", &self.idempotency_key)
            .field("attempts", &self.attempts)
            .finish()
    }
}

impl<B: ErrorModel> CatalogRetry<B> {
    /// A policy deciding by `B`'s catalog, with `policy` where the catalog says nothing.
    pub fn new(policy: RetryPolicy) -> Self {
        Self { policy, budget: None, idempotency_key: None, attempts: 0, model: PhantomData }
    }

    /// Retries take tokens of `budget`, shared with the client's other requests.
    #[must_use]
    pub fn budget(mut self, budget: Arc<RetryBudget>) -> Self {
        self.budget = Some(budget);
        self
    }

    /// A request carrying this header (Stripe's `Idempotency-Key`) is idempotent, whatever its
    /// method.
    #[must_use]
    pub fn idempotency_key(mut self, header: http::HeaderName) -> Self {
        self.idempotency_key = Some(header);
        self
    }

    /// The decision for one outcome of `request`, or `None` for a success (a status below 400)
    /// and for an error that is no transport failure: what `retry` acts on.
    pub fn decide<ReqB, ResB: AsRef<[u8]>, E: TransportError>(
        &self,
        request: &http::Request<ReqB>,
        result: &Result<http::Response<ResB>, E>,
    ) -> Option<Recovery> {
        let recovery = match result {
            Ok(response) if response.status().as_u16() < 400 => return None,
            // Only the decision is needed: read no more of the response than it reads.
            Ok(response) => ApiError::<B>::decide(
                response.status().as_u16(),
                response.headers(),
                response.body().as_ref(),
                SystemTime::now(),
            ),
            Err(error) => ApiError::<B>::transport_recovery(error.transport_failure()?),
        };
        let sent = Request::of_method(request.method().as_str());
        let keyed = self.idempotency_key.as_ref().is_some_and(|key| request.headers().contains_key(key));
        Some(recovery.for_request(if keyed { sent.with_idempotency_key() } else { sent }))
    }
}

impl<B, ReqB, ResB, E> tower::retry::Policy<http::Request<ReqB>, http::Response<ResB>, E> for CatalogRetry<B>
where
    B: ErrorModel,
    ReqB: Clone,
    ResB: AsRef<[u8]>,
    E: TransportError,
{
    type Future = tokio::time::Sleep;

    fn retry(
        &mut self,
        request: &mut http::Request<ReqB>,
        result: &mut Result<http::Response<ResB>, E>,
    ) -> Option<Self::Future> {
        self.attempts += 1;
        let Some(recovery) = self.decide(request, result) else {
            if result.is_ok() {
                if let Some(budget) = &self.budget {
                    budget.record_success(self.attempts);
                }
            }
            return None;
        };
        let resends = matches!(
            recovery.kind(),
            RecoveryKind::RetryAfterWait | RecoveryKind::RetryWithBackoff | RecoveryKind::RetryNow
        );
        let wait = recovery.next_attempt(self.attempts, &self.policy, random()).filter(|_| resends)?;
        if self.budget.as_ref().is_some_and(|budget| !budget.try_acquire(&recovery)) {
            return None;
        }
        Some(tokio::time::sleep(wait))
    }

    fn clone_request(&mut self, request: &http::Request<ReqB>) -> Option<http::Request<ReqB>> {
        let mut clone = http::Request::new(request.body().clone());
        *clone.method_mut() = request.method().clone();
        *clone.uri_mut() = request.uri().clone();
        *clone.version_mut() = request.version();
        *clone.headers_mut() = request.headers().clone();
        Some(clone)
    }
}

/// A number from 0 to 1 for the jitter. std's `RandomState` is seeded randomly per process and
/// moves on with each one made: enough to spread clients' retries apart, without a dependency
/// on `rand` for one number per retry.
fn random() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u8(0);
    (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::random;

    #[test]
    fn the_jitter_number_is_within_zero_and_one_and_varies() {
        let draws: Vec<f64> = (0..64).map(|_| random()).collect();
        assert!(draws.iter().all(|r| (0.0..1.0).contains(r)));
        let first = draws[0];
        assert!(draws.iter().any(|&r| r != first), "64 draws alike");
    }
}
