//! A budget of retries shared by the requests of a client, so that a failing dependency is not
//! sent several times the load it already cannot carry.

use crate::recovery::Recovery;
use crate::transport::TransportFailure;
use std::sync::atomic::{AtomicU32, Ordering};

/// A token bucket of retries shared by every request of a client, as the AWS SDKs' retry quota
/// and gRPC's retry throttling: each retry takes tokens (a retry after a timeout more, since a
/// timeout holds the server longest), each success gives some back, and while the bucket cannot
/// pay for a retry, failing requests are not retried. Opt-in: one budget per client, shared
/// (behind an `Arc`, or a `static`) by its requests; thread-safe and lock-free.
///
/// The defaults are the AWS SDKs' standard mode: 500 tokens, 5 per retry, 10 per retry after a
/// timeout, and 5 back when a retry succeeded, or 1 when a first attempt did.
///
/// ```
/// use api_error_runtime::{RecoveryKind, RecoveryRule, RecoveryTable, RetryBudget, RetryPolicy, TransportFailure};
///
/// const TABLE: RecoveryTable =
///     RecoveryTable::new(&[], RecoveryRule::new("fallback", RecoveryKind::GiveUp, "", ""));
/// let budget = RetryBudget::new(12);
/// let timeout = TABLE.transport_recovery(TransportFailure::Timeout);
/// // A retry after a timeout costs 10 of the 12 tokens: the next one finds the bucket short.
/// assert!(budget.try_acquire(&timeout));
/// assert!(!budget.try_acquire(&timeout));
/// budget.record_success(2); // the retry succeeded: a retry's cost (5) comes back
/// assert_eq!(budget.available(), 7);
/// ```
#[derive(Debug)]
pub struct RetryBudget {
    tokens: AtomicU32,
    capacity: u32,
    retry_cost: u32,
    timeout_cost: u32,
    success_refund: u32,
}

impl RetryBudget {
    /// A full budget of `capacity` tokens, with the AWS SDKs' costs (5 a retry, 10 after a
    /// timeout, 1 back for a first attempt that succeeded).
    pub const fn new(capacity: u32) -> Self {
        Self { tokens: AtomicU32::new(capacity), capacity, retry_cost: 5, timeout_cost: 10, success_refund: 1 }
    }

    /// The AWS SDKs' standard retry quota: 500 tokens.
    pub const fn standard() -> Self {
        Self::new(500)
    }

    /// What a retry costs (a retry after a timeout: [`RetryBudget::timeout_cost`]).
    #[must_use]
    pub const fn retry_cost(mut self, tokens: u32) -> Self {
        self.retry_cost = tokens;
        self
    }

    /// What a retry after a timeout costs.
    #[must_use]
    pub const fn timeout_cost(mut self, tokens: u32) -> Self {
        self.timeout_cost = tokens;
        self
    }

    /// What a request that succeeded at its first attempt gives back.
    #[must_use]
    pub const fn success_refund(mut self, tokens: u32) -> Self {
        self.success_refund = tokens;
        self
    }

    /// The tokens left.
    pub fn available(&self) -> u32 {
        self.tokens.load(Ordering::Relaxed)
    }

    /// What retrying after this decision costs: more after a timeout.
    pub fn cost_of(&self, recovery: &Recovery) -> u32 {
        match recovery.transport_failure() {
            Some(TransportFailure::Timeout) => self.timeout_cost,
            _ => self.retry_cost,
        }
    }

    /// Takes the tokens a retry after this decision costs, if the budget has them: `true` when
    /// the retry may go ahead. Ask it after [`Recovery::next_attempt`] said when; a `false`
    /// means stop, as a `None` from it would.
    pub fn try_acquire(&self, recovery: &Recovery) -> bool {
        let cost = self.cost_of(recovery);
        self.tokens.fetch_update(Ordering::AcqRel, Ordering::Acquire, |left| left.checked_sub(cost)).is_ok()
    }

    /// A request succeeded after `attempts_made` attempts (the first included): a retry that
    /// succeeded gives back the cost of a retry ([`RetryBudget::retry_cost`], as the AWS SDKs
    /// do, a timeout's retry too), a first attempt [`RetryBudget::success_refund`]; never past
    /// the capacity.
    pub fn record_success(&self, attempts_made: u32) {
        let refund = if attempts_made > 1 { self.retry_cost } else { self.success_refund };
        let _ = self.tokens.fetch_update(Ordering::AcqRel, Ordering::Acquire, |left| {
            Some(left.saturating_add(refund).min(self.capacity))
        });
    }
}

impl Default for RetryBudget {
    fn default() -> Self {
        Self::standard()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{RecoveryKind, RecoveryRule, RecoveryTable};
    use std::sync::Arc;

    const TABLE: RecoveryTable = RecoveryTable::new(&[], RecoveryRule::new("fallback", RecoveryKind::GiveUp, "", ""));

    #[test]
    fn retries_drain_the_budget_and_successes_refill_it_up_to_its_capacity() {
        let budget = RetryBudget::new(20);
        let refused = TABLE.transport_recovery(TransportFailure::Connect);
        let granted = (0..10).filter(|_| budget.try_acquire(&refused)).count();
        assert_eq!((granted, budget.available()), (4, 0));
        budget.record_success(1);
        assert_eq!(budget.available(), 1);
        for _ in 0..10 {
            budget.record_success(3);
        }
        assert_eq!(budget.available(), 20);
    }

    #[test]
    fn threads_sharing_a_budget_never_spend_more_than_it_holds() {
        let budget = Arc::new(RetryBudget::new(1_000).retry_cost(3));
        let refused = TABLE.transport_recovery(TransportFailure::Connect);
        let granted: usize = (0..4)
            .map(|_| {
                let budget = Arc::clone(&budget);
                std::thread::spawn(move || (0..200).filter(|_| budget.try_acquire(&refused)).count())
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|thread| thread.join().unwrap())
            .sum();
        assert_eq!((granted, budget.available()), (333, 1));
    }
}
