//! Mutant: send() holds the Mutex and asks is_ready(), which locks it again: a deadlock.
use std::sync::Mutex;

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

    pub fn send(&self, message: T) {
        let mut slot = self.slot.lock().unwrap();
        if self.is_ready() || !matches!(*slot, Slot::Empty) {
            panic!("a message was already sent");
        }
        *slot = Slot::Ready(message);
    }

    pub fn is_ready(&self) -> bool {
        matches!(*self.slot.lock().unwrap(), Slot::Ready(_))
    }

    pub fn receive(&self) -> T {
        let mut slot = self.slot.lock().unwrap();
        match std::mem::replace(&mut *slot, Slot::Received) {
            Slot::Ready(message) => message,
            other => {
                *slot = other;
                panic!("no message is ready");
            }
        }
    }
}
