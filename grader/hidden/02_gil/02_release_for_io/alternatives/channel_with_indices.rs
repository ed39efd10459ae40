//! Alternative: the threads send `(index, result)` through a crossbeam channel, and the results
//! are put back in url order.

use std::sync::{Mutex, MutexGuard};
use std::thread;

/// A ready-made global interpreter lock: at most one thread holds it at a time.
#[derive(Default)]
pub struct Gil {
    lock: Mutex<()>,
}

/// Proof that this thread holds the GIL; dropping it releases the GIL.
pub struct GilGuard<'a> {
    _held: MutexGuard<'a, ()>,
}

impl Gil {
    /// Creates a GIL that no thread holds.
    pub fn new() -> Self {
        Self::default()
    }

    /// Waits until no other thread holds the GIL, then takes it.
    pub fn acquire(&self) -> GilGuard<'_> {
        GilGuard {
            _held: self
                .lock
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()),
        }
    }
}

/// Downloads every url on a thread of its own.
pub fn download_all<T, F, P>(gil: &Gil, urls: &[&str], fetch: F, parse: P) -> Vec<T>
where
    T: Send,
    F: Fn(&str) -> String + Sync,
    P: Fn(&str, String) -> T + Sync,
{
    let (fetch, parse) = (&fetch, &parse);
    let (done, results) = crossbeam_channel::unbounded();
    thread::scope(|s| {
        for (i, &url) in urls.iter().enumerate() {
            let done = done.clone();
            s.spawn(move || {
                let body = fetch(url);
                let gil = gil.acquire();
                let parsed = parse(url, body);
                drop(gil);
                done.send((i, parsed)).unwrap();
            });
        }
    });
    drop(done);
    let mut results: Vec<(usize, T)> = results.into_iter().collect();
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}
