//! Solution: start `n` threads at once and collect what they return.

use std::sync::Arc;
use std::thread;

/// Runs f(0), f(1), …, f(n - 1), each on its own thread, all at the same time,
/// and returns their results in index order.
pub fn spawn_workers<T, F>(n: usize, f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    let f = Arc::new(f);
    // Every thread is started before any is joined, so they all run at once. The handles stay
    // in index order, which is the order of the results whatever the order of finishing.
    let handles: Vec<_> = (0..n)
        .map(|i| {
            let f = Arc::clone(&f);
            thread::spawn(move || f(i))
        })
        .collect();
    handles
        .into_iter()
        .map(|handle| match handle.join() {
            Ok(value) => value,
            // A worker's panic is passed on to the caller as it was.
            Err(payload) => std::panic::resume_unwind(payload),
        })
        .collect()
}
