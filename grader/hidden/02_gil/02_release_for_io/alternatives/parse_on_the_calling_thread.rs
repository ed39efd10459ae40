//! Alternative: the threads only fetch; the calling thread parses each body in url order,
//! taking the GIL for each parse.

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

/// Downloads every url on a thread of its own; parses on the calling thread.
pub fn download_all<T, F, P>(gil: &Gil, urls: &[&str], fetch: F, parse: P) -> Vec<T>
where
    T: Send,
    F: Fn(&str) -> String + Sync,
    P: Fn(&str, String) -> T + Sync,
{
    let fetch = &fetch;
    let bodies: Vec<String> = thread::scope(|s| {
        let handles: Vec<_> = urls
            .iter()
            .map(|&url| s.spawn(move || fetch(url)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    urls.iter()
        .zip(bodies)
        .map(|(url, body)| {
            let _gil = gil.acquire();
            parse(url, body)
        })
        .collect()
}
