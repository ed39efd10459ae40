//! Alternative: a `std::sync::Mutex<()>` whose guard the `GilGuard` keeps (in an `Option`, so
//! that `allow_threads` can drop it and lock again).

use std::sync::{Mutex, MutexGuard};

/// A global interpreter lock.
#[derive(Default)]
pub struct Gil {
    lock: Mutex<()>,
}

/// Proof that this thread holds the GIL.
pub struct GilGuard<'a> {
    gil: &'a Gil,
    guard: Option<MutexGuard<'a, ()>>,
}

impl Gil {
    /// A GIL nobody holds.
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> MutexGuard<'_, ()> {
        self.lock
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Waits for the GIL and takes it.
    pub fn acquire(&self) -> GilGuard<'_> {
        GilGuard {
            gil: self,
            guard: Some(self.lock()),
        }
    }
}

impl GilGuard<'_> {
    /// Releases the GIL while `f` runs, takes it back after.
    pub fn allow_threads<R>(&mut self, f: impl FnOnce() -> R) -> R {
        drop(self.guard.take());
        let result = f();
        self.guard = Some(self.gil.lock());
        result
    }
}
