//! Mutant: the id 0 stands for "no request", so with_request_id(0, f) is invisible.

use std::cell::Cell;

thread_local! {
    /// This thread's current request id, 0 meaning none.
    static CURRENT: Cell<u64> = const { Cell::new(0) };
}

struct Restore(u64);

impl Drop for Restore {
    fn drop(&mut self) {
        CURRENT.set(self.0);
    }
}

/// Runs `f` with `id` as this thread's current request id, then puts back the previous one (also
/// when `f` panics), and returns what `f` returned.
pub fn with_request_id<R>(id: u64, f: impl FnOnce() -> R) -> R {
    let _restore = Restore(CURRENT.replace(id));
    f()
}

/// This thread's current request id: that of the innermost [`with_request_id`] running on this
/// thread, or `None`.
pub fn current_request_id() -> Option<u64> {
    match CURRENT.get() {
        0 => None,
        id => Some(id),
    }
}
