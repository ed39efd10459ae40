//! Alternative: a `parking_lot::Mutex<()>` whose guard lives inside the `GilGuard`, and
//! `MutexGuard::unlocked` for `allow_threads`. parking_lot's guard is not `Send` (without the
//! `send_guard` feature), so neither is the `GilGuard`.

use parking_lot::{Mutex, MutexGuard};

/// A global interpreter lock.
#[derive(Default)]
pub struct Gil {
    lock: Mutex<()>,
}

/// Proof that this thread holds the GIL.
pub struct GilGuard<'a> {
    guard: MutexGuard<'a, ()>,
}

impl Gil {
    /// A GIL nobody holds.
    pub fn new() -> Self {
        Self::default()
    }

    /// Waits for the GIL and takes it.
    pub fn acquire(&self) -> GilGuard<'_> {
        GilGuard {
            guard: self.lock.lock(),
        }
    }
}

impl GilGuard<'_> {
    /// Releases the GIL while `f` runs, takes it back after.
    pub fn allow_threads<R>(&mut self, f: impl FnOnce() -> R) -> R {
        MutexGuard::unlocked(&mut self.guard, f)
    }
}
