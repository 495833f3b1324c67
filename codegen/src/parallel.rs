//! Jobs shared between the machine's cores: reading a catalog's files, formatting a generated
//! file's pieces. std's scoped threads are enough for an ordered map over a few dozen jobs;
//! rayon would add its five crates to every build of the generator for the same.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` of each job, in the jobs' order, run on as many threads as the machine has (or one,
/// for a single job). A panic in `f` is passed on.
pub(crate) fn map<T: Sync, R: Send>(jobs: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from).min(jobs.len());
    if threads <= 1 {
        return jobs.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        // Each thread takes the next job when it is free, so one long job does not hold up
        // the short ones behind it.
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(index) else { return done };
            done.push((index, f(job)));
        }
    };
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    results.sort_unstable_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    /// Results come back in the jobs' order, whichever thread ran each and however long it took.
    #[test]
    fn results_keep_the_jobs_order() {
        let jobs: Vec<u64> = (0..50).collect();
        let results = super::map(&jobs, |&job| {
            std::thread::sleep(std::time::Duration::from_micros((50 - job) * 20));
            job * 2
        });
        assert_eq!(results, jobs.iter().map(|job| job * 2).collect::<Vec<_>>());
    }
}
