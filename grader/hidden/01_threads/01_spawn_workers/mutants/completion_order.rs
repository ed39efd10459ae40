//! Mutant: returns the results in the order the threads finished.

use std::sync::{Arc, mpsc};
use std::thread;

pub fn spawn_workers<T, F>(n: usize, f: F) -> Vec<T>
where
    T: Send + 'static,
    F: Fn(usize) -> T + Send + Sync + 'static,
{
    let f = Arc::new(f);
    let (done, results) = mpsc::channel();
    for i in 0..n {
        let f = Arc::clone(&f);
        let done = done.clone();
        thread::spawn(move || {
            let _ = done.send(f(i));
        });
    }
    drop(done);
    results.iter().take(n).collect()
}
