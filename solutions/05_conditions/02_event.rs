//! Reference solution: a one-shot event like Python's `threading.Event`, built from a
//! `Mutex<bool>` and a `Condvar`.

use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// A flag that starts unset and, once set, stays set; threads can wait for it.
pub struct Event {
    set: Mutex<bool>,
    became_set: Condvar,
}

impl Event {
    /// Creates an event that is not set.
    pub fn new() -> Self {
        Self {
            set: Mutex::new(false),
            became_set: Condvar::new(),
        }
    }

    /// Sets the event and wakes every thread waiting for it. Setting it again does nothing.
    pub fn set(&self) {
        // The flag changes under the lock: a waiter checks it under the same lock and goes to
        // sleep without releasing it in between, so it cannot miss this change.
        *self.lock() = true;
        // Every waiter waits for this one change, so every waiter must be woken.
        self.became_set.notify_all();
    }

    /// Whether the event has been set.
    pub fn is_set(&self) -> bool {
        *self.lock()
    }

    /// Waits until the event is set; returns at once if it already is.
    pub fn wait(&self) {
        let _set = self
            .became_set
            .wait_while(self.lock(), |set| !*set)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
    }

    /// Waits until the event is set or `timeout` has passed, and returns whether it is set.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        // `wait_timeout_while` re-checks the flag after every wake-up and keeps track of the
        // time left, so a spurious wake-up neither ends the wait early nor restarts the clock.
        let (set, _) = self
            .became_set
            .wait_timeout_while(self.lock(), timeout, |set| !*set)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *set
    }

    fn lock(&self) -> MutexGuard<'_, bool> {
        // A `bool` cannot be left half-written by a panic, so a poisoned lock is still sound.
        self.set
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Default for Event {
    fn default() -> Self {
        Self::new()
    }
}
