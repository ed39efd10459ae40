//! Mutant: call_once() holds the Mutex and asks is_completed(), which locks it again: a deadlock.
use std::sync::{Mutex, PoisonError};

pub struct InitOnce {
    done: Mutex<bool>,
}

impl InitOnce {
    pub const fn new() -> Self {
        InitOnce { done: Mutex::new(false) }
    }

    pub fn call_once(&self, f: impl FnOnce()) {
        let mut done = self.done.lock().unwrap_or_else(PoisonError::into_inner);
        if self.is_completed() {
            return;
        }
        f();
        *done = true;
    }

    pub fn is_completed(&self) -> bool {
        *self.done.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
