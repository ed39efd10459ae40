//! Reference solution: a thread's current request id in a `thread_local!` `Cell`, set for the
//! length of a call and put back by a guard, so that nesting and panics restore it.

use std::cell::Cell;

thread_local! {
    /// This thread's current request id. `const` initialisation: no lazy set-up on first use.
    static CURRENT: Cell<Option<u64>> = const { Cell::new(None) };
}

/// Puts the previous id back when dropped: when `f` returns, and also when it panics, since
/// drops run while a panic unwinds.
struct Restore(Option<u64>);

impl Drop for Restore {
    fn drop(&mut self) {
        CURRENT.set(self.0);
    }
}

/// Runs `f` with `id` as this thread's current request id, then puts back the previous one (also
/// when `f` panics), and returns what `f` returned.
pub fn with_request_id<R>(id: u64, f: impl FnOnce() -> R) -> R {
    let _restore = Restore(CURRENT.replace(Some(id)));
    f()
}

/// This thread's current request id: that of the innermost [`with_request_id`] running on this
/// thread, or `None`.
pub fn current_request_id() -> Option<u64> {
    CURRENT.get()
}
