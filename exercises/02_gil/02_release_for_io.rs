//! # The GIL 2: release it while waiting for I/O
//!
//! A Python program that downloads ten pages on ten threads is nearly ten times faster than one
//! that downloads them one after another, GIL or no GIL: a thread waiting for the network runs
//! no Python code, so CPython releases the GIL while it waits, and the ten waits overlap. Only
//! the Python code that handles each page (parsing it) runs one thread at a time.
//!
//! Write `download_all(gil, urls, fetch, parse)`, the way CPython runs such a program:
//!
//! - start one thread per url, all of them before waiting for any (scoped threads,
//!   `std::thread::scope`, let them borrow `urls`, `fetch` and `parse`);
//! - each thread calls `fetch(url)` WITHOUT holding the GIL (it is I/O: the fetches of all the
//!   threads must be able to run at the same time, even while some other thread holds the GIL),
//! - then takes the GIL and, while holding it, calls `parse(url, body)` with what `fetch`
//!   returned (it is "Python code": no two `parse` calls may ever run at the same time, and none
//!   may run while another thread holds the GIL);
//! - return the results of `parse` in the order of `urls` (not in the order the downloads
//!   finished).
//!
//! The `Gil` below is ready-made (a `Mutex<()>` under another name); use it as it is: take it
//! with `gil.acquire()`, release it by dropping the guard.
//!
//! (The semaphores section comes back to this program, `semaphores/downloads`, with the
//! opposite question. Here every fetch runs at once and only `parse` is limited, to one at a
//! time: the GIL is a lock around the *Python code*, and it limits nothing about the I/O. There,
//! the *fetches* are limited, to at most N at once. Keep your solution: the comparison is the
//! point.)
//!
//! Check your work: `cargo run -p grader -- check gil/release_for_io`.

use std::sync::{Mutex, MutexGuard};

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
    // TODO: one thread per url; fetch without the GIL, parse with it; results in url order.
    let _ = (gil, urls, fetch, parse);
    todo!()
}
