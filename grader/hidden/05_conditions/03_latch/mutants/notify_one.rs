//! Mutant: the last count_down() wakes only one waiting thread.
//!
//! (`notify_one` where `notify_all` is needed).

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
        if *count == 0 {
            drop(count);
            // Only the last call changes what the waiters wait for, and it releases all of them.
            self.reached_zero.notify_one();
        }
    }

    /// The count right now.
    pub fn count(&self) -> usize {
        *self.lock()
    }

    /// Waits until the count is 0; returns at once if it already is.
    pub fn wait(&self) {
        let _count = self
            .reached_zero
            .wait_while(self.lock(), |count| *count > 0)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
    }

    fn lock(&self) -> MutexGuard<'_, usize> {
        // A `usize` cannot be left half-written by a panic, so a poisoned lock is still sound.
        self.count
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
