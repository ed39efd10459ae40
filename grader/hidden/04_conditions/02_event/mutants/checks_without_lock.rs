//! Mutant: wait() checks the flag before taking the mutex and does not check it again, so a set() in between is missed.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// A flag that starts unset and, once set, stays set; threads can wait for it.
pub struct Event {
    set: AtomicBool,
    lock: Mutex<()>,
    became_set: Condvar,
}

impl Event {
    /// Creates an event that is not set.
    pub fn new() -> Self {
        Self {
            set: AtomicBool::new(false),
            lock: Mutex::new(()),
            became_set: Condvar::new(),
        }
    }

    /// Sets the event and wakes every waiting thread.
    pub fn set(&self) {
        let _guard = self.lock.lock().unwrap();
        self.set.store(true, Ordering::SeqCst);
        self.became_set.notify_all();
    }

    /// Whether the event has been set.
    pub fn is_set(&self) -> bool {
        self.set.load(Ordering::SeqCst)
    }

    /// Waits until the event is set.
    pub fn wait(&self) {
        if self.is_set() {
            return;
        }
        let guard = self.lock.lock().unwrap();
        drop(self.became_set.wait(guard).unwrap());
    }

    /// Waits until the event is set or `timeout` has passed.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        if self.is_set() {
            return true;
        }
        let guard = self.lock.lock().unwrap();
        drop(self.became_set.wait_timeout(guard, timeout).unwrap());
        self.is_set()
    }
}

impl Default for Event {
    fn default() -> Self {
        Self::new()
    }
}
