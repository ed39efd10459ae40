//! Mutant: the GIL is an `AtomicBool` taken and released with `Relaxed`.
//!
//! Never two holders at once (`compare_exchange` is one step), but a thread that takes a GIL
//! released with `Relaxed` may not see what the last holder wrote while it held it.

use std::marker::PhantomData;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

/// A global interpreter lock: at most one thread holds it at a time.
#[derive(Default)]
pub struct Gil {
    held: AtomicBool,
    sleepers: Mutex<()>,
    released: Condvar,
}

/// Proof that the calling thread holds the GIL; dropping it releases the GIL.
pub struct GilGuard<'a> {
    gil: &'a Gil,
    _stays_on_this_thread: PhantomData<MutexGuard<'a, ()>>,
}

impl Gil {
    /// Creates a GIL that no thread holds.
    pub fn new() -> Self {
        Self::default()
    }

    /// Waits (asleep) until no other thread holds the GIL, then takes it.
    pub fn acquire(&self) -> GilGuard<'_> {
        self.take();
        GilGuard {
            gil: self,
            _stays_on_this_thread: PhantomData,
        }
    }

    fn try_take(&self) -> bool {
        self.held
            .compare_exchange(false, true, Ordering::Relaxed, Ordering::Relaxed)
            .is_ok()
    }

    fn take(&self) {
        if self.try_take() {
            return;
        }
        let mut sleepers = self.sleepers.lock().unwrap_or_else(|p| p.into_inner());
        while !self.try_take() {
            sleepers = self
                .released
                .wait(sleepers)
                .unwrap_or_else(|p| p.into_inner());
        }
    }

    fn release(&self) {
        self.held.store(false, Ordering::Relaxed);
        drop(self.sleepers.lock().unwrap_or_else(|p| p.into_inner()));
        self.released.notify_one();
    }
}

impl GilGuard<'_> {
    /// Releases the GIL while `f` runs, takes it back after (also if `f` panics).
    pub fn allow_threads<R>(&mut self, f: impl FnOnce() -> R) -> R {
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
