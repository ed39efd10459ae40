//! Exercise: a thread-local "current request", set for the length of a call, with `thread_local!`
//! and a `Cell`.
//!
//! A server thread handles one request at a time, and deep inside the code that handles it a log
//! line wants to say *which* request it belongs to. Passing the request id through every function
//! is tedious; a global variable is wrong (every thread handles a different request). The answer
//! is thread-local: each thread has its own "current request id". The tutorial's last example is
//! headed "Thread-local with context manager", but never uses one; here is the context manager,
//! the Rust way: a function that sets the value for as long as a closure runs.
//!
//! - `with_request_id(id, f)` makes `id` the calling thread's current request id, runs `f`, then
//!   puts back whatever was current before, and returns what `f` returned. Calls nest: inside
//!   `with_request_id(2, …)` within `with_request_id(1, …)` the current id is 2, and once the
//!   inner call returns it is 1 again. What was current before is put back also when `f` panics
//!   (and the panic goes on).
//! - `current_request_id()` returns the calling thread's current request id: the `id` of the
//!   innermost `with_request_id` running on this thread, or `None` if there is none. Every `u64`,
//!   0 included, is a valid id. Other threads, and threads started inside `f`, do not see it.
//!
//! Declare the thread-local with `thread_local!`, holding a `Cell<Option<u64>>` (a `Cell` is
//! enough for a `Copy` value: `get`, `set`, `replace`; there is never a reference to hold). To
//! put the old value back even when `f` panics, let a guard's `Drop` do it: drops run while a
//! panic unwinds.
//!
//! The lesson: `cargo doc -p tls --open`, or `crates/tls/src/`.

/// Runs `f` with `id` as this thread's current request id, then puts back the previous one (also
/// when `f` panics), and returns what `f` returned.
pub fn with_request_id<R>(id: u64, f: impl FnOnce() -> R) -> R {
    // TODO: remember the current id and set `id` in a `thread_local!` `Cell`; run `f`; put the
    // old id back, in a way that happens even if `f` panics.
    let _ = (id, f);
    todo!()
}

/// This thread's current request id: that of the innermost [`with_request_id`] running on this
/// thread, or `None`.
pub fn current_request_id() -> Option<u64> {
    todo!()
}
