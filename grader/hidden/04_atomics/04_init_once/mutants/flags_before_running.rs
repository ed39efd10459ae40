//! Mutant: claims the set-up with `swap(true)` and then runs `f`: other callers return while `f` is still running.
use std::sync::atomic::{AtomicBool, Ordering};

pub struct InitOnce {
    done: AtomicBool,
}

impl InitOnce {
    pub const fn new() -> Self {
        InitOnce { done: AtomicBool::new(false) }
    }

    pub fn call_once(&self, f: impl FnOnce()) {
        // One atomic step decides who runs f: right. But "done" is claimed before f ran.
        if !self.done.swap(true, Ordering::AcqRel) {
            f();
        }
    }

    pub fn is_completed(&self) -> bool {
        self.done.load(Ordering::Acquire)
    }
}
