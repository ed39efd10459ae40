//! Mutant: the calling thread takes the GIL first, as CPython's main thread holds it, and keeps it
//! while it waits for its threads, which wait for the GIL to parse: none of them can go on.

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

/// Downloads every url on a thread of its own and returns what `parse` made of each, in the
/// order of `urls`.
pub fn download_all<T, F, P>(gil: &Gil, urls: &[&str], fetch: F, parse: P) -> Vec<T>
where
    T: Send,
    F: Fn(&str) -> String + Sync,
    P: Fn(&str, String) -> T + Sync,
{
    let (fetch, parse) = (&fetch, &parse);
    // The calling thread runs "Python code" too, so it holds the GIL like CPython's main thread.
    let _caller = gil.acquire();
    thread::scope(|s| {
        // Start every thread before joining any: joining inside this loop would run the
        // downloads one after another.
        let handles: Vec<_> = urls
            .iter()
            .map(|&url| {
                s.spawn(move || {
                    // Waiting for the network needs no GIL: other threads run meanwhile.
                    let body = fetch(url);
                    // "Python code" runs only with the GIL held.
                    let _gil = gil.acquire();
                    parse(url, body)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p))
            })
            .collect()
    })
}
