//! Alternative: the buffer in a `thread_local!` `Cell`, taken out for the length of each call
//! (a nested call takes the empty `Vec` left behind) and put back by a guard's `Drop`, as
//! `tls/request_id` restores its id.

use std::cell::Cell;

thread_local! {
    /// This thread's buffer, when no call is using it. `Vec::new()` allocates nothing, so it is
    /// a `const` initialiser.
    static SCRATCH: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// Puts the buffer back into `SCRATCH` when the call ends, normally or by a panic.
struct PutBack(Vec<u8>);

impl Drop for PutBack {
    fn drop(&mut self) {
        // An inner call put its own (smaller) buffer back meanwhile: the outer one replaces it,
        // and the inner one is freed. `try_with`: a call made while this thread's thread-locals
        // are being destroyed keeps nothing.
        let buffer = std::mem::take(&mut self.0);
        let _ = SCRATCH.try_with(|scratch| scratch.set(buffer));
    }
}

/// Calls `f` with this thread's scratch buffer, emptied, and returns what `f` returned.
pub fn with_scratch<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    // While this call has the buffer, the cell holds an empty `Vec`: a nested call takes that
    // one, so it never sees (or disturbs) ours.
    let mut buffer = PutBack(SCRATCH.take());
    // Emptied before use, not after: a call that panicked may have left bytes behind.
    buffer.0.clear();
    f(&mut buffer.0)
}
