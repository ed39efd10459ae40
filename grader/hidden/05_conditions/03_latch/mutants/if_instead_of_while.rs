//! Mutant: wakes the waiters on every count_down() and waits with `if` instead of `while`.
//!
//! So a waiter leaves before the count reaches 0.

use std::sync::{Condvar, Mutex, MutexGuard};

/// A counter that starts at some value and only goes down; threads can wait for it to reach 0.
pub struct Latch {
    count: Mutex<usize>,
    reached_zero: Condvar,
}

impl Latch {
    /// Creates a latch that opens after `count` calls to [`Latch::count_down`].
    pub fn new(count: usize) -> Self {
        Self {
            count: Mutex::new(count),
            reached_zero: Condvar::new(),
        }
    }

    /// Takes one off the count; the call that brings it to 0 wakes every waiting thread. At 0 it
    /// does nothing.
    pub fn count_down(&self) {
        let mut count = self.lock();
        if *count == 0 {
            return;
        }
        *count -= 1;
        drop(count);
        self.reached_zero.notify_all();
    }

    /// The count right now.
    pub fn count(&self) -> usize {
        *self.lock()
    }

    /// Waits until the count is 0; returns at once if it already is.
    pub fn wait(&self) {
        let count = self.lock();
        if *count > 0 {
            let _count = self.reached_zero.wait(count).unwrap();
        }
    }

    fn lock(&self) -> MutexGuard<'_, usize> {
        // A `usize` cannot be left half-written by a panic, so a poisoned lock is still sound.
        self.count
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
