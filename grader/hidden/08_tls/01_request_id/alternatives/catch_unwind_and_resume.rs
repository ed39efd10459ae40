//! Alternative: no guard; `catch_unwind` catches a panic of `f`, the old id is put back, and
//! `resume_unwind` sends the panic on.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};

thread_local! {
    static CURRENT: Cell<Option<u64>> = const { Cell::new(None) };
}

/// Runs `f` with `id` as this thread's current request id.
pub fn with_request_id<R>(id: u64, f: impl FnOnce() -> R) -> R {
    let previous = CURRENT.with(|current| current.replace(Some(id)));
    let outcome = panic::catch_unwind(AssertUnwindSafe(f));
    CURRENT.with(|current| current.set(previous));
    match outcome {
        Ok(value) => value,
        Err(payload) => panic::resume_unwind(payload),
    }
}

/// This thread's current request id.
pub fn current_request_id() -> Option<u64> {
    CURRENT.with(Cell::get)
}
