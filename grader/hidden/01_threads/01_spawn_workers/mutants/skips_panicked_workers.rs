//! Mutant: leaves out the result of a worker that panicked instead of panicking.

use std::sync::Arc;
use std::thread;

pub fn spawn_workers<T, F>(n: usize, f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    let f = Arc::new(f);
    let handles: Vec<_> = (0..n)
        .map(|i| {
            let f = Arc::clone(&f);
            thread::spawn(move || f(i))
        })
        .collect();
    handles.into_iter().filter_map(|h| h.join().ok()).collect()
}
