//! # Locks 1: a counter that many threads can share (solution)
//!
//! One `Mutex<u64>` holds the count. Each method locks it, and the guard that `lock` returns is
//! the only way to reach the `u64`: the read, the addition and the write all happen while the
//! guard lives, so no other thread can slip in between them. The guard unlocks when it is
//! dropped, at the end of each statement here.
//!
//! An `AtomicU64` with `fetch_add` is just as correct (and faster for a bare number); the grader
//! accepts either. What it refuses is a separate read and write, like `load` then `store`, or two
//! `lock()` calls in one `add`: another thread can update the count between them.

use std::sync::Mutex;

/// A counter that any number of threads can update at once.
pub struct Counter {
    count: Mutex<u64>,
}

impl Default for Counter {
    fn default() -> Self {
        Self::new()
    }
}

impl Counter {
    /// A counter at zero.
    pub fn new() -> Self {
        Counter {
            count: Mutex::new(0),
        }
    }

    /// Adds one.
    pub fn increment(&self) {
        self.add(1);
    }

    /// Adds `n`, in one step: no other thread may see or change the count half-way.
    pub fn add(&self, n: u64) {
        // A thread that panicked while holding the lock cannot have left a half-updated `u64`
        // behind (the addition is one step), so a poisoned lock is still safe to use.
        *self
            .count
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) += n;
    }

    /// The count so far.
    pub fn get(&self) -> u64 {
        *self
            .count
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
