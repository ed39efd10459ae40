//! Mutant: collects results by polling `is_finished` every millisecond, in the order the threads
//! finished.

use std::sync::Arc;
use std::thread;
use std::time::Duration;

pub fn spawn_workers<T, F>(n: usize, f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    let f = Arc::new(f);
    let mut handles: Vec<_> = (0..n)
        .map(|i| {
            let f = Arc::clone(&f);
            thread::spawn(move || f(i))
        })
        .collect();
    let mut results = Vec::with_capacity(n);
    while !handles.is_empty() {
        if let Some(done) = handles.iter().position(|h| h.is_finished()) {
            results.push(handles.remove(done).join().unwrap());
        } else {
            thread::sleep(Duration::from_millis(1));
        }
    }
    results
}
