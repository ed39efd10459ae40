//! Mutant: starts one worker thread whatever `workers` says.

use std::sync::mpsc;
use std::thread;

/// Maps every item on one worker.
pub fn parallel_map<T, U, F>(items: Vec<T>, workers: usize, f: F) -> Vec<U>
where
    T: Send,
    U: Send,
    F: Fn(T) -> U + Sync,
{
    assert!(workers > 0);
    let (sender, results) = mpsc::channel();
    thread::scope(|s| {
        let f = &f;
        s.spawn(move || {
            for item in items {
                sender.send(f(item)).unwrap();
            }
        });
    });
    results.into_iter().collect()
}
