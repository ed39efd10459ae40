//! Mutant: the flag is an `AtomicBool` stored and loaded with `Relaxed`.
//!
//! No wake-up is lost (the mutex orders the sleepers), but a waiter that finds the flag set
//! without the lock may not see what the setter did before `set()`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::Duration;

/// A flag that starts unset and, once set, stays set.
#[derive(Default)]
pub struct Event {
    set: AtomicBool,
    sleepers: Mutex<()>,
    became_set: Condvar,
}

impl Event {
    /// Creates an unset event.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the event and wakes every waiter.
    pub fn set(&self) {
        self.set.store(true, Ordering::Relaxed);
        // A waiter that saw the flag unset holds this lock until it sleeps: taking it here
        // means every such waiter is asleep, and will get the notification.
        drop(self.sleepers.lock().unwrap_or_else(|p| p.into_inner()));
        self.became_set.notify_all();
    }

    /// Whether the event is set.
    pub fn is_set(&self) -> bool {
        self.set.load(Ordering::Relaxed)
    }

    /// Waits until the event is set.
    pub fn wait(&self) {
        if self.is_set() {
            return;
        }
        let guard = self.sleepers.lock().unwrap_or_else(|p| p.into_inner());
        let _guard = self
            .became_set
            .wait_while(guard, |_| !self.is_set())
            .unwrap_or_else(|p| p.into_inner());
    }

    /// Waits until the event is set or `timeout` passes; returns whether it is set.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        if self.is_set() {
            return true;
        }
        let guard = self.sleepers.lock().unwrap_or_else(|p| p.into_inner());
        let _ = self
            .became_set
            .wait_timeout_while(guard, timeout, |_| !self.is_set())
            .unwrap_or_else(|p| p.into_inner());
        self.is_set()
    }
}
