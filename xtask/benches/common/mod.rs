//! What the bench binaries share.

use std::time::Duration;

/// The median of some timings (the upper one of an even count).
pub fn median(mut times: Vec<Duration>) -> Duration {
    assert!(!times.is_empty(), "a median of no timings");
    times.sort();
    times[times.len() / 2]
}
