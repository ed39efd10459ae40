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
//! The previous exercise *replaced* a thread-local value and put the old one back by hand, with
//! a guard's `Drop`. This one *lends* a thread-local value, and needs no guard of your own:
//!
//! - `thread_local!` with a `RefCell<Vec<u8>>`, and `SCRATCH.with(|scratch| …)`: `with` lends
//!   the cell for the length of a closure, never longer, which is why a thread-local can hand out
//!   a `&mut Vec<u8>` at all (there is no `&'static mut` to a thread-local: the thread may end).
//!   `with_scratch` passes that same promise on to `f`: the buffer cannot be kept after `f`
//!   returns (the hidden checks include code that tries, and must not compile).
//! - `scratch.borrow_mut()` gives a `RefMut`, and *the borrow is the guard*: it ends when `f`
//!   returns, and also when `f` panics (unwinding drops it), so the buffer is never lost and
//!   nothing needs putting back.
//! - The trap is the nested call: `borrow_mut` panics ("already borrowed") when an outer call on
//!   the same thread still holds the buffer. `scratch.try_borrow_mut()` asks instead of
//!   panicking: `Ok(buffer)` is the thread's buffer, `Err(_)` says an outer call has it, and the
//!   nested call then works on a fresh `Vec` of its own. The outer call's buffer is untouched,
//!   and it is the one kept.
//!
//! (Taking the buffer out of a `Cell<Vec<u8>>` for the length of the call, as the lesson's
//! `cells` module shows, and putting it back from a guard's `Drop` works too: that is the
//! previous exercise's pattern again.)
//!
//! The lesson: `cargo doc -p tls --open`, or `crates/tls/src/`.

/// Calls `f` with this thread's scratch buffer, emptied, and returns what `f` returned.
pub fn with_scratch<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    // TODO: lend this thread's buffer from a `thread_local!` `RefCell`; make nested calls work
    // (`try_borrow_mut`), and keep the capacity of the outermost call's buffer for the next call.
    let _ = f;
    todo!()
}
