//! Alternative: a `thread_local!` stack of ids in a `RefCell<Vec<u64>>`; a guard pops what its
//! call pushed (by truncating to the length it found), also on a panic.

use std::cell::RefCell;

thread_local! {
    static STACK: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

struct Pop(usize);

impl Drop for Pop {
    fn drop(&mut self) {
        STACK.with_borrow_mut(|stack| stack.truncate(self.0));
    }
}

/// Runs `f` with `id` as this thread's current request id.
pub fn with_request_id<R>(id: u64, f: impl FnOnce() -> R) -> R {
    let depth = STACK.with_borrow_mut(|stack| {
        stack.push(id);
        stack.len() - 1
    });
    let _pop = Pop(depth);
    f()
}

/// This thread's current request id.
pub fn current_request_id() -> Option<u64> {
    STACK.with_borrow(|stack| stack.last().copied())
}
