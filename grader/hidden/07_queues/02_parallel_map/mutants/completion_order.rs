//! Mutant: returns the results in the order they were finished, not in the order of the items.

use crossbeam_channel::unbounded;
use std::thread;

/// Maps every item on `workers` threads.
pub fn parallel_map<T, U, F>(items: Vec<T>, workers: usize, f: F) -> Vec<U>
where
    T: Send,
    U: Send,
    F: Fn(T) -> U + Sync,
{
    assert!(workers > 0);
    let (job_sender, jobs) = unbounded();
    for item in items {
        job_sender.send(item).unwrap();
    }
    drop(job_sender);
    let (result_sender, results) = unbounded();
    thread::scope(|s| {
        for _ in 0..workers {
            let (jobs, result_sender, f) = (jobs.clone(), result_sender.clone(), &f);
            s.spawn(move || {
                for item in jobs {
                    result_sender.send(f(item)).unwrap();
                }
            });
        }
    });
    drop(result_sender);
    results.into_iter().collect()
}
