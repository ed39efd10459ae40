//! Alternative: the message in a `Mutex<Slot<T>>` (empty, ready, received): no atomics, no unsafe code, and `Sync` for `T: Send` because `Mutex<T>` is.
use std::sync::{Mutex, MutexGuard, PoisonError};

enum Slot<T> {
    Empty,
    Ready(T),
    Received,
}

pub struct OneShot<T> {
    slot: Mutex<Slot<T>>,
}

impl<T> OneShot<T> {
    pub const fn new() -> Self {
        OneShot { slot: Mutex::new(Slot::Empty) }
    }

    fn slot(&self) -> MutexGuard<'_, Slot<T>> {
        self.slot.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn send(&self, message: T) {
        let mut slot = self.slot();
        if !matches!(*slot, Slot::Empty) {
            drop(slot);
            panic!("send() on a OneShot that already had a message sent");
        }
        *slot = Slot::Ready(message);
    }

    pub fn is_ready(&self) -> bool {
        matches!(*self.slot(), Slot::Ready(_))
    }

    pub fn receive(&self) -> T {
        let mut slot = self.slot();
        match std::mem::replace(&mut *slot, Slot::Received) {
            Slot::Ready(message) => message,
            other => {
                *slot = other;
                drop(slot);
                panic!("receive() on a OneShot with no message ready");
            }
        }
    }
}
