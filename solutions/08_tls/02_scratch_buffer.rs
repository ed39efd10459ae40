//! Reference solution: a per-thread scratch buffer in a `thread_local!` `RefCell`, lent to `f`
//! through `LocalKey::with` and a `RefMut` borrow. The borrow is the guard: it ends when `f`
//! returns or unwinds, so nothing needs putting back. A nested call on the same thread finds
//! the buffer borrowed, which `try_borrow_mut` reports instead of panicking, and works on a
//! fresh `Vec` of its own.

use std::cell::RefCell;

thread_local! {
    /// This thread's buffer. `Vec::new()` allocates nothing, so it is a `const` initialiser.
    static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Calls `f` with this thread's scratch buffer, emptied, and returns what `f` returned.
pub fn with_scratch<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    // `with` lends `&RefCell` for the length of the closure only: the buffer can never outlive
    // this call, or be reached from another thread.
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut buffer) => {
            // Emptied before use, not after: a call that panicked may have left bytes behind.
            buffer.clear();
            f(&mut buffer)
        }
        // An outer call on this thread holds the buffer: this (nested) call gets one of its own,
        // freed when it returns, and the outer one is kept.
        Err(_) => f(&mut Vec::new()),
    })
}
