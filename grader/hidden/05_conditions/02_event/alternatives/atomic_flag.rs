//! Alternative: the flag is an `AtomicBool`, so `is_set()` and a `wait()` on a set event take
//! no lock; a waiter that must sleep checks the flag again under the mutex, and `set()` takes
//! that mutex between storing the flag and notifying, so the store cannot slip between a
//! waiter's check and its sleep. `Release` on the store and `Acquire` on every load make what
//! the setter did before `set()` visible to whoever sees the flag set.

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
        self.set.store(true, Ordering::Release);
        // A waiter that saw the flag unset holds this lock until it sleeps: taking it here
        // means every such waiter is asleep, and will get the notification.
        drop(self.sleepers.lock().unwrap_or_else(|p| p.into_inner()));
        self.became_set.notify_all();
    }

    /// Whether the event is set.
    pub fn is_set(&self) -> bool {
        self.set.load(Ordering::Acquire)
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
