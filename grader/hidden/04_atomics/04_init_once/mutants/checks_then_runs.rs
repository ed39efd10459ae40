//! Mutant: checks `done`, runs `f` and sets `done`, with no lock: callers that arrive together all run their `f`.
use std::sync::atomic::{AtomicBool, Ordering};

pub struct InitOnce {
    done: AtomicBool,
}

impl InitOnce {
    pub const fn new() -> Self {
        InitOnce { done: AtomicBool::new(false) }
    }

    pub fn call_once(&self, f: impl FnOnce()) {
        if !self.done.load(Ordering::Acquire) {
            f();
            self.done.store(true, Ordering::Release);
        }
    }

    pub fn is_completed(&self) -> bool {
        self.done.load(Ordering::Acquire)
    }
}
