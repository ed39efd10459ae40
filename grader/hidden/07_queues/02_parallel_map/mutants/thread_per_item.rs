//! Mutant: starts a thread for every item instead of `workers` threads.

use std::thread;

/// Maps every item on a thread of its own.
pub fn parallel_map<T, U, F>(items: Vec<T>, workers: usize, f: F) -> Vec<U>
where
    T: Send,
    U: Send,
    F: Fn(T) -> U + Sync,
{
    assert!(workers > 0);
    let f = &f;
    thread::scope(|s| {
        let handles: Vec<_> = items
            .into_iter()
            .map(|item| s.spawn(move || f(item)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}
