//! Mutant: the Condvar design, but a waiter waits with `if` instead of `while`: after a panicking `f`, every woken waiter runs its own `f`.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};

pub struct InitOnce {
    /// Whether an `f` has run to completion.
    done: AtomicBool,
    /// Whether a caller is running its `f` right now.
    running: Mutex<bool>,
    /// Notified when the caller running `f` has finished, however `f` ended.
    finished: Condvar,
}

/// Dropped when `f` has ended, returned or panicked: lets the waiting callers in.
struct Finish<'a> {
    once: &'a InitOnce,
    completed: bool,
}

impl Drop for Finish<'_> {
    fn drop(&mut self) {
        let mut running = self.once.running.lock().unwrap_or_else(PoisonError::into_inner);
        if self.completed {
            self.once.done.store(true, Ordering::Release);
        }
        *running = false;
        drop(running);
        self.once.finished.notify_all();
    }
}

impl InitOnce {
    pub const fn new() -> Self {
        InitOnce {
            done: AtomicBool::new(false),
            running: Mutex::new(false),
            finished: Condvar::new(),
        }
    }

    pub fn call_once(&self, f: impl FnOnce()) {
        if self.done.load(Ordering::Acquire) {
            return;
        }
        let mut running = self.running.lock().unwrap_or_else(PoisonError::into_inner);
        if *running {
            running = self.finished.wait(running).unwrap_or_else(PoisonError::into_inner);
        }
        if self.done.load(Ordering::Relaxed) {
            return;
        }
        *running = true;
        drop(running);
        let mut finish = Finish { once: self, completed: false };
        f();
        finish.completed = true;
    }

    pub fn is_completed(&self) -> bool {
        self.done.load(Ordering::Acquire)
    }
}
