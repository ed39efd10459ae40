//! Alternative: a `RefCell<Vec<u8>>` borrowed with `try_borrow_mut`; a nested call, finding it
//! borrowed, uses a fresh `Vec` instead of panicking.

use std::cell::RefCell;

thread_local! {
    static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Calls `f` with this thread's scratch buffer, emptied, and returns what `f` returned.
pub fn with_scratch<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut buffer) => {
            buffer.clear();
            f(&mut buffer)
        }
        Err(_) => f(&mut Vec::new()),
    })
}
