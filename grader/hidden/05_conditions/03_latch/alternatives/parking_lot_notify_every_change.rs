//! Alternative: `parking_lot`, notifying on every `count_down` (harmless, because waiters loop).
//!
//! `count()` reads an atomic, which is only changed under the lock.

use parking_lot::{Condvar, Mutex};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A counter that only goes down; threads can wait for it to reach 0.
pub struct Latch {
    lock: Mutex<()>,
    count: AtomicUsize,
    changed: Condvar,
}

impl Latch {
    /// Creates a latch at `count`.
    pub fn new(count: usize) -> Self {
        Self {
            lock: Mutex::new(()),
            count: AtomicUsize::new(count),
            changed: Condvar::new(),
        }
    }

    /// Takes one off the count, never below 0.
    pub fn count_down(&self) {
        let _guard = self.lock.lock();
        let count = self.count.load(Ordering::SeqCst);
        if count > 0 {
            self.count.store(count - 1, Ordering::SeqCst);
        }
        self.changed.notify_all();
    }

    /// The count right now.
    pub fn count(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }

    /// Waits until the count is 0.
    pub fn wait(&self) {
        let mut guard = self.lock.lock();
        while self.count.load(Ordering::SeqCst) > 0 {
            self.changed.wait(&mut guard);
        }
    }
}
