//! Mutant: joins each thread before starting the next.

use std::sync::Arc;
use std::thread;

pub fn spawn_workers<T, F>(n: usize, f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    let f = Arc::new(f);
    (0..n)
        .map(|i| {
            let f = Arc::clone(&f);
            thread::spawn(move || f(i)).join().unwrap()
        })
        .collect()
}
