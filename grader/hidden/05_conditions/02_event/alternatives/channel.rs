//! Alternative: no condition variable, a channel whose only sender `set` drops.
//!
//! Waiters block on the receiver; dropping the sender wakes every one of them with
//! "disconnected".

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender, bounded};
use std::sync::Mutex;
use std::time::Duration;

/// A flag that starts unset and, once set, stays set.
pub struct Event {
    sender: Mutex<Option<Sender<()>>>,
    receiver: Receiver<()>,
}

impl Event {
    /// Creates an unset event.
    pub fn new() -> Self {
        let (sender, receiver) = bounded(0);
        Self {
            sender: Mutex::new(Some(sender)),
            receiver,
        }
    }

    /// Sets the event and wakes every waiter.
    pub fn set(&self) {
        self.sender
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .take();
    }

    /// Whether the event is set.
    pub fn is_set(&self) -> bool {
        self.sender
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .is_none()
    }

    /// Waits until the event is set.
    pub fn wait(&self) {
        // Nothing is ever sent: recv returns only once the sender is gone.
        let _ = self.receiver.recv();
    }

    /// Waits until the event is set or `timeout` passes; returns whether it is set.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        match self.receiver.recv_timeout(timeout) {
            Err(RecvTimeoutError::Timeout) => self.is_set(),
            Ok(()) | Err(RecvTimeoutError::Disconnected) => true,
        }
    }
}

impl Default for Event {
    fn default() -> Self {
        Self::new()
    }
}
