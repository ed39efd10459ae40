//! Alternative: a Mutex<bool> and nothing else: every call takes the lock, which is slower once the set-up is done, but correct.
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
        if !*done {
            f();
            *done = true;
        }
    }

    pub fn is_completed(&self) -> bool {
        *self.done.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
