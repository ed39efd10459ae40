//! Exercise: a per-thread scratch buffer, reused from call to call, with `thread_local!` and a
//! `RefCell`.
//!
//! Code that formats or encodes something in a hot loop often needs a temporary buffer. Making a
//! new `Vec` every time costs an allocation each call; one shared buffer behind a `Mutex` makes
//! every thread wait for the others. A buffer per thread costs neither: each thread reuses its
//! own, and nobody else ever touches it, so no lock is needed.
//!
//! - `with_scratch(f)` calls `f` with the calling thread's scratch buffer, emptied (length 0),
//!   and returns what `f` returned. The buffer is reused: the capacity it had when an earlier
//!   call on this thread returned is still there, so a thread that needed 64 KiB once does not
//!   allocate again.
//! - A call made from inside `f` on the same thread (code that uses scratch space calling other
//!   code that does too) must work too: the inner call gets a buffer of its own, empty, and the
//!   outer call's buffer, with whatever `f` had put in it, is untouched when the inner call
//!   returns. When calls nest, the outermost call's buffer is the one kept for later calls.
//! - If `f` panics, the panic goes on to the caller, and later calls on this thread still work
//!   and still get an empty buffer.
//! - Every thread has its own buffer: threads never wait for each other.
//!
//! `thread_local!` with a `RefCell<Vec<u8>>` is the natural start, and `LocalKey::with` hands
//! `f` a reference that cannot outlive the call, just as `with_scratch` does. The trap is the
//! nested call: `RefCell::borrow_mut` panics ("already borrowed") when the outer call still holds
//! the buffer. Take the buffer *out* of the cell for the length of the call (`RefCell::take`, or
//! `Cell<Vec<u8>>::take`, leaves an empty `Vec` behind, which allocates nothing), and put it back
//! afterwards; or fall back to a fresh `Vec` when `try_borrow_mut` says the buffer is in use.
//!
//! The lesson: `cargo doc -p tls --open`, or `crates/tls/src/`.

/// Calls `f` with this thread's scratch buffer, emptied, and returns what `f` returned.
pub fn with_scratch<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    // TODO: keep the buffer in a `thread_local!`; make nested calls work, and keep the capacity
    // of the outermost call's buffer for the next call.
    let _ = f;
    todo!()
}
