//! Mutant: one buffer for the whole program behind a `Mutex`, so threads wait for each other
//! (and a nested call waits for itself).

use std::sync::Mutex;

static SCRATCH: Mutex<Vec<u8>> = Mutex::new(Vec::new());

/// Calls `f` with this thread's scratch buffer, emptied, and returns what `f` returned.
pub fn with_scratch<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    let mut buffer = SCRATCH.lock().unwrap_or_else(|p| p.into_inner());
    buffer.clear();
    f(&mut buffer)
}
