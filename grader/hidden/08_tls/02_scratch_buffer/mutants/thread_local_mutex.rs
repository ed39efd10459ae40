//! Mutant: each thread's buffer is a `Mutex<Vec<u8>>` in a `thread_local!`, locked for the
//! length of the call: a nested call on the same thread locks it again and waits for itself.

use std::sync::Mutex;

thread_local! {
    static SCRATCH: Mutex<Vec<u8>> = const { Mutex::new(Vec::new()) };
}

/// Calls `f` with this thread's scratch buffer, emptied, and returns what `f` returned.
pub fn with_scratch<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    SCRATCH.with(|scratch| {
        let mut buffer = scratch
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        buffer.clear();
        f(&mut buffer)
    })
}
