//! Mutant: `allow_threads()` marks the GIL free but keeps the mutex locked while `f` runs, so a
//! thread that wants the GIL waits for `f`, and an `f` that waits for that thread never ends.

use std::marker::PhantomData;
use std::sync::{Condvar, Mutex, MutexGuard};

/// A global interpreter lock: at most one thread holds it at a time.
pub struct Gil {
    held: Mutex<bool>,
    released: Condvar,
}

/// Proof that the calling thread holds the GIL; dropping it releases the GIL.
pub struct GilGuard<'a> {
    gil: &'a Gil,
    // Holding the GIL is a fact about *this* thread, like holding a `MutexGuard`: this marker
    // makes `GilGuard` not `Send`, exactly as `MutexGuard` is not.
    _stays_on_this_thread: PhantomData<MutexGuard<'a, ()>>,
}

impl Gil {
    /// Creates a GIL that no thread holds.
    pub fn new() -> Self {
        Self {
            held: Mutex::new(false),
            released: Condvar::new(),
        }
    }

    /// Waits (asleep) until no other thread holds the GIL, then takes it.
    pub fn acquire(&self) -> GilGuard<'_> {
        self.take();
        GilGuard {
            gil: self,
            _stays_on_this_thread: PhantomData,
        }
    }

    fn take(&self) {
        // Checking "is it free?" and marking it held happen under one lock, so two threads can
        // never both see it free.
        let mut held = self
            .released
            .wait_while(self.lock(), |held| *held)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *held = true;
    }

    fn release(&self) {
        *self.lock() = false;
        // Any one waiter can take the GIL now; waking more would only make them queue again.
        self.released.notify_one();
    }

    fn lock(&self) -> MutexGuard<'_, bool> {
        // A `bool` cannot be left half-written by a panic, so a poisoned lock is still sound.
        self.held
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Default for Gil {
    fn default() -> Self {
        Self::new()
    }
}

impl GilGuard<'_> {
    /// Releases the GIL while `f` runs (like PyO3's `allow_threads`), takes it back after.
    pub fn allow_threads<R>(&mut self, f: impl FnOnce() -> R) -> R {
        let mut held = self.gil.lock();
        *held = false;
        self.gil.released.notify_one();
        let result = f();
        while *held {
            held = self
                .gil
                .released
                .wait(held)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        *held = true;
        result
    }
}

impl Drop for GilGuard<'_> {
    fn drop(&mut self) {
        self.gil.release();
    }
}
