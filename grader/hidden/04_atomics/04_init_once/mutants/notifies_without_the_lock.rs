//! Mutant: `running` is an atomic changed and notified without the waiters' Mutex: a waiter between its check and its wait misses the wake-up.
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};

pub struct InitOnce {
    done: AtomicBool,
    /// Whether a caller is running its `f` right now. "An atomic, so no lock is needed to change it."
    running: AtomicBool,
    waiters: Mutex<()>,
    finished: Condvar,
}

struct Finish<'a> {
    once: &'a InitOnce,
    completed: bool,
}

impl Drop for Finish<'_> {
    fn drop(&mut self) {
        if self.completed {
            self.once.done.store(true, Ordering::Release);
        }
        self.once.running.store(false, Ordering::Release);
        self.once.finished.notify_all();
    }
}

impl InitOnce {
    pub const fn new() -> Self {
        InitOnce {
            done: AtomicBool::new(false),
            running: AtomicBool::new(false),
            waiters: Mutex::new(()),
            finished: Condvar::new(),
        }
    }

    pub fn call_once(&self, f: impl FnOnce()) {
        loop {
            if self.done.load(Ordering::Acquire) {
                return;
            }
            if self
                .running
                .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
                .is_ok()
            {
                if self.done.load(Ordering::Acquire) {
                    self.running.store(false, Ordering::Release);
                    return;
                }
                let mut finish = Finish { once: self, completed: false };
                f();
                finish.completed = true;
                return;
            }
            let mut waiters = self.waiters.lock().unwrap_or_else(PoisonError::into_inner);
            while self.running.load(Ordering::Acquire) {
                waiters = self.finished.wait(waiters).unwrap_or_else(PoisonError::into_inner);
            }
        }
    }

    pub fn is_completed(&self) -> bool {
        self.done.load(Ordering::Acquire)
    }
}
