//! Alternative: `parking_lot`'s `Mutex` and `Condvar`, with an explicit deadline in `wait_timeout`.

use parking_lot::{Condvar, Mutex};
use std::time::{Duration, Instant};

/// A flag that starts unset and, once set, stays set.
#[derive(Default)]
pub struct Event {
    set: Mutex<bool>,
    became_set: Condvar,
}

impl Event {
    /// Creates an unset event.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the event and wakes every waiter.
    pub fn set(&self) {
        *self.set.lock() = true;
        self.became_set.notify_all();
    }

    /// Whether the event is set.
    pub fn is_set(&self) -> bool {
        *self.set.lock()
    }

    /// Waits until the event is set.
    pub fn wait(&self) {
        let mut set = self.set.lock();
        while !*set {
            self.became_set.wait(&mut set);
        }
    }

    /// Waits until the event is set or `timeout` passes; returns whether it is set.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        let deadline = Instant::now().checked_add(timeout);
        let mut set = self.set.lock();
        while !*set {
            match deadline {
                Some(deadline) => {
                    if self.became_set.wait_until(&mut set, deadline).timed_out() {
                        break;
                    }
                }
                // A timeout too large to add to now: wait without one.
                None => self.became_set.wait(&mut set),
            }
        }
        *set
    }
}
