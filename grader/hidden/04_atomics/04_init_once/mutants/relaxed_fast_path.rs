//! Mutant: double-checked locking whose fast path loads `done` with `Relaxed`: a caller can see `true` and not what `f` wrote.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

/// Runs a set-up function once, however many threads ask for it at the same time.
pub struct InitOnce {
    /// Whether an `f` has run to completion.
    done: AtomicBool,
    /// Held by the caller that runs `f`; the others sleep in `lock()` meanwhile.
    running: Mutex<()>,
}

impl Default for InitOnce {
    fn default() -> Self {
        Self::new()
    }
}

impl InitOnce {
    /// An `InitOnce` whose set-up has not run yet.
    pub const fn new() -> Self {
        InitOnce {
            done: AtomicBool::new(false),
            running: Mutex::new(()),
        }
    }

    /// Runs `f` unless a call has run its `f` to completion already; returns once an `f` has.
    pub fn call_once(&self, f: impl FnOnce()) {
        if self.done.load(Ordering::Relaxed) {
            return;
        }
        let _running = self.running.lock().unwrap_or_else(PoisonError::into_inner);
        if self.done.load(Ordering::Relaxed) {
            return;
        }
        f();
        self.done.store(true, Ordering::Release);
    }

    /// Whether a call has run its `f` to completion.
    pub fn is_completed(&self) -> bool {
        self.done.load(Ordering::Relaxed)
    }
}
