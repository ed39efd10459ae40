//! Mutant: the workers share an mpsc receiver behind a Mutex and hold its lock while they run f.
//!
//! `while let Ok(job) = queue.lock().unwrap().recv() { .. f(item) .. }` keeps the guard alive for
//! the whole loop body, so only one call of f runs at a time.

use std::sync::{Mutex, mpsc};
use std::thread;

/// Maps every item on `workers` threads.
pub fn parallel_map<T, U, F>(items: Vec<T>, workers: usize, f: F) -> Vec<U>
where
    T: Send,
    U: Send,
    F: Fn(T) -> U + Sync,
{
    assert!(workers > 0);
    let count = items.len();
    let (job_sender, jobs) = mpsc::channel();
    for job in items.into_iter().enumerate() {
        job_sender.send(job).unwrap();
    }
    drop(job_sender);
    let queue = Mutex::new(jobs);
    let (result_sender, results) = mpsc::channel();
    thread::scope(|s| {
        for _ in 0..workers {
            let (queue, result_sender, f) = (&queue, result_sender.clone(), &f);
            s.spawn(move || {
                while let Ok((index, item)) = queue.lock().unwrap().recv() {
                    result_sender.send((index, f(item))).unwrap();
                }
            });
        }
    });
    drop(result_sender);
    let mut got: Vec<(usize, U)> = results.into_iter().collect();
    got.sort_by_key(|(index, _)| *index);
    assert_eq!(got.len(), count);
    got.into_iter().map(|(_, result)| result).collect()
}
