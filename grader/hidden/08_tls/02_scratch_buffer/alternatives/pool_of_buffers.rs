//! Alternative: a per-thread pool (a stack) of buffers; each call pops one or makes one, and a
//! guard pushes it back, so the outermost call's buffer ends on top.

use std::cell::RefCell;

thread_local! {
    static POOL: RefCell<Vec<Vec<u8>>> = const { RefCell::new(Vec::new()) };
}

struct Return(Vec<u8>);

impl Drop for Return {
    fn drop(&mut self) {
        let buffer = std::mem::take(&mut self.0);
        let _ = POOL.try_with(|pool| pool.borrow_mut().push(buffer));
    }
}

/// Calls `f` with this thread's scratch buffer, emptied, and returns what `f` returned.
pub fn with_scratch<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    let buffer = POOL.with_borrow_mut(|pool| pool.pop()).unwrap_or_default();
    let mut buffer = Return(buffer);
    buffer.0.clear();
    f(&mut buffer.0)
}
