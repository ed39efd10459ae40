//! Mutant: starts each worker and joins it before starting the next, so they never overlap.

use crossbeam_channel::unbounded;
use std::thread;

/// Maps every item on `workers` threads, one after the other.
pub fn parallel_map<T, U, F>(items: Vec<T>, workers: usize, f: F) -> Vec<U>
where
    T: Send,
    U: Send,
    F: Fn(T) -> U + Sync,
{
    assert!(workers > 0);
    let count = items.len();
    let (job_sender, jobs) = unbounded();
    for job in items.into_iter().enumerate() {
        job_sender.send(job).unwrap();
    }
    drop(job_sender);
    let (result_sender, results) = unbounded();
    for _ in 0..workers {
        thread::scope(|s| {
            let (jobs, result_sender, f) = (jobs.clone(), result_sender.clone(), &f);
            // The scope ends (and joins this worker) before the next one starts.
            s.spawn(move || {
                for (index, item) in jobs {
                    result_sender.send((index, f(item))).unwrap();
                }
            });
        });
    }
    drop(result_sender);
    let mut slots: Vec<Option<U>> = (0..count).map(|_| None).collect();
    for (index, result) in results {
        slots[index] = Some(result);
    }
    slots.into_iter().map(Option::unwrap).collect()
}
