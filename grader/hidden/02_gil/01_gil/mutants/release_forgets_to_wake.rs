//! Mutant: releasing the GIL never wakes a thread waiting for it.

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
    /// Releases the GIL while `f` runs (like PyO3's `Python::detach`), takes it back after.
    pub fn allow_threads<R>(&mut self, f: impl FnOnce() -> R) -> R {
        /// Takes the GIL back when dropped: after `f` returns, and also if `f` panics, so that
        /// the guard's own `Drop` never releases a GIL that another thread holds.
        struct TakeBack<'a>(&'a Gil);
        impl Drop for TakeBack<'_> {
            fn drop(&mut self) {
                self.0.take();
            }
        }

        self.gil.release();
        let _take_back = TakeBack(self.gil);
        f()
    }
}

impl Drop for GilGuard<'_> {
    fn drop(&mut self) {
        self.gil.release();
    }
}
