//! Mutant: the count is an atomic, and `count_down()` reads it and writes it back in two steps:
//! two count-downs at once can count as one.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

/// A counter that only goes down; threads can wait for it to reach 0.
pub struct Latch {
    count: AtomicUsize,
    sleepers: Mutex<()>,
    reached_zero: Condvar,
}

impl Latch {
    /// Creates a latch at `count`.
    pub fn new(count: usize) -> Self {
        Self {
            count: AtomicUsize::new(count),
            sleepers: Mutex::new(()),
            reached_zero: Condvar::new(),
        }
    }

    /// Takes one off the count, never below 0; the call that reaches 0 wakes every waiter.
    pub fn count_down(&self) {
        let count = self.count.load(Ordering::Acquire);
        if count == 0 {
            return;
        }
        self.count.store(count - 1, Ordering::Release);
        if count == 1 {
            drop(self.sleepers.lock().unwrap_or_else(|p| p.into_inner()));
            self.reached_zero.notify_all();
        }
    }

    /// The count right now.
    pub fn count(&self) -> usize {
        self.count.load(Ordering::Acquire)
    }

    /// Waits until the count is 0.
    pub fn wait(&self) {
        if self.count() == 0 {
            return;
        }
        let guard = self.sleepers.lock().unwrap_or_else(|p| p.into_inner());
        let _guard = self
            .reached_zero
            .wait_while(guard, |_| self.count() > 0)
            .unwrap_or_else(|p| p.into_inner());
    }
}
