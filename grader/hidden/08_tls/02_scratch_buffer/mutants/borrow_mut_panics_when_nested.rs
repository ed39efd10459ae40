//! Mutant: `RefCell::borrow_mut` for the length of the call, so a nested call panics with
//! "already borrowed".

use std::cell::RefCell;

thread_local! {
    static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Calls `f` with this thread's scratch buffer, emptied, and returns what `f` returned.
pub fn with_scratch<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    SCRATCH.with_borrow_mut(|buffer| {
        buffer.clear();
        f(buffer)
    })
}
