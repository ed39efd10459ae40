//! Mutant: a new `Vec` every call, so nothing is reused and every call allocates again.

/// Calls `f` with this thread's scratch buffer, emptied, and returns what `f` returned.
pub fn with_scratch<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    f(&mut Vec::new())
}
