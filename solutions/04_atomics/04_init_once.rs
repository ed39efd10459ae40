//! # Atomics 4: run the set-up once, however many threads ask (solution)
//!
//! Double-checked locking. Once the set-up is done, a call is one `Acquire` load that finds
//! `done == true`; that load reads the `Release` store made after `f` returned, so everything
//! `f` did happens before the caller goes on. Until then, callers take `running`, so that they
//! sleep while one of them runs `f`, and look at `done` again under the lock, since another may
//! have finished while they waited: the unlock that followed that store, and the lock that
//! follows it, order the store before this second load, so it can be `Relaxed`.
//!
//! A panicking `f` unwinds through the guard, which unlocks (and poisons) the `Mutex` with
//! `done` still `false`: the next caller takes the poisoned lock anyway and runs its own `f`.

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
        if self.done.load(Ordering::Acquire) {
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
        self.done.load(Ordering::Acquire)
    }
}
