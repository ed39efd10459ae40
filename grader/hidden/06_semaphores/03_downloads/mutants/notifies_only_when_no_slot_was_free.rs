//! Mutant: a finished download wakes a waiting thread only when no slot was free before it gave
//! its own back: when two come back at once, the second wakes nobody and a thread stays asleep
//! with a slot free.

use std::sync::{Condvar, Mutex, MutexGuard};
use std::thread;

/// At most `free` holders at once: the first exercise's semaphore, cut down to what this needs.
struct Slots {
    free: Mutex<usize>,
    released: Condvar,
}

/// A slot taken from [`Slots`]; dropping it gives the slot back.
struct Slot<'a> {
    slots: &'a Slots,
}

impl Slots {
    fn new(free: usize) -> Self {
        Self {
            free: Mutex::new(free),
            released: Condvar::new(),
        }
    }

    fn take(&self) -> Slot<'_> {
        let mut free = self
            .released
            .wait_while(self.lock(), |free| *free == 0)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *free -= 1;
        Slot { slots: self }
    }

    fn lock(&self) -> MutexGuard<'_, usize> {
        self.free
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        let mut free = self.slots.lock();
        *free += 1;
        // If a slot was already free, the waiters have already been told.
        if *free == 1 {
            self.slots.released.notify_one();
        }
    }
}

/// Calls `fetch(url)` for every URL in `urls`, with at most `limit` calls running at the same
/// time, and returns the results in the order of `urls`.
///
/// # Panics
///
/// Panics if `limit` is 0 (nothing could ever run), and passes on a panic of `fetch`.
pub fn download_all<R, F>(urls: &[&str], limit: usize, fetch: F) -> Vec<R>
where
    F: Fn(&str) -> R + Sync,
    R: Send,
{
    assert!(limit > 0, "download_all needs a limit of at least 1");
    let slots = Slots::new(limit);
    let (slots, fetch) = (&slots, &fetch);
    thread::scope(|s| {
        // Every thread starts at once and waits for a slot; the handles keep the URLs' order.
        let handles: Vec<_> = urls
            .iter()
            .map(|&url| {
                s.spawn(move || {
                    let _slot = slots.take();
                    fetch(url)
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
