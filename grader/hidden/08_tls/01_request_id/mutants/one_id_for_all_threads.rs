//! Mutant: one current id for the whole program (a static `Mutex`), shared by every thread.

use std::sync::Mutex;

/// The current request id, one for the whole program.
static CURRENT: Mutex<Option<u64>> = Mutex::new(None);

struct Restore(Option<u64>);

impl Drop for Restore {
    fn drop(&mut self) {
        *CURRENT.lock().unwrap_or_else(|p| p.into_inner()) = self.0;
    }
}

/// Runs `f` with `id` as this thread's current request id, then puts back the previous one (also
/// when `f` panics), and returns what `f` returned.
pub fn with_request_id<R>(id: u64, f: impl FnOnce() -> R) -> R {
    let previous = CURRENT
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .replace(id);
    let _restore = Restore(previous);
    f()
}

/// This thread's current request id: that of the innermost [`with_request_id`] running on this
/// thread, or `None`.
pub fn current_request_id() -> Option<u64> {
    *CURRENT.lock().unwrap_or_else(|p| p.into_inner())
}
