//! Exercise: a per-thread log buffer that is flushed in batches, and when its thread ends.
//!
//! Writing every log line to a shared log means taking the shared log's lock for every line,
//! and busy threads then spend their time waiting for each other. Instead, each thread collects
//! its lines in a buffer of its own, a `thread_local!`, and moves them to the shared log a batch
//! at a time: one lock for many lines. The catch is the end: a thread that ends with lines still
//! in its buffer must not lose them. A thread-local value is dropped when its thread ends, so
//! its `Drop` is the place to flush what is left: the "garbage collection" the tutorial tells
//! you to be mindful of, done by the type system.
//!
//! - `log(line)` adds `line` to the end of the calling thread's buffer. When the buffer then
//!   holds `BATCH` lines, it flushes them.
//! - `flush()` moves every line in the calling thread's buffer to the end of the shared log, in
//!   the order they were logged, all at once: no other thread's line comes between them. Other
//!   threads' buffers are not touched.
//! - `pending()` says how many lines wait in the calling thread's buffer.
//! - `shared_log()` returns a copy of the shared log: every line flushed so far, by every thread.
//! - When a thread ends, the lines left in its buffer are flushed, so that once `join()` on the
//!   thread has returned, they are in the shared log.
//! - `log` may be called while a thread is ending, from the `Drop` of another thread-local, even
//!   after this thread's buffer has been dropped: then the line goes straight to the shared log.
//!   (`LocalKey::with` panics once a thread-local is gone; `LocalKey::try_with` says so instead.)
//!
//! Destructors run when a thread *ends*, and a process can stop without its threads ending:
//! threads still running when `main` returns are simply gone, and Rust does not promise to drop
//! the main thread's own thread-locals either (on some platforms it does, on others not). So
//! the main thread calls `flush()` itself before it returns.
//!
//! The lesson: `cargo doc -p tls --open`, or `crates/tls/src/`. Its example
//! `cargo run -p tls --example flush_at_exit` shows thread-local destructors at work.

/// How many lines a thread's buffer holds before `log` flushes them.
pub const BATCH: usize = 8;

/// Adds `line` to this thread's buffer, and flushes the buffer once it holds [`BATCH`] lines.
pub fn log(line: &str) {
    // TODO: a `thread_local!` buffer whose `Drop` flushes it, and a shared log behind a lock.
    let _ = line;
    todo!()
}

/// Moves every line of this thread's buffer to the end of the shared log, in order, at once.
pub fn flush() {
    todo!()
}

/// How many lines wait in this thread's buffer.
pub fn pending() -> usize {
    todo!()
}

/// Every line flushed so far, by every thread, in the order they reached the shared log.
pub fn shared_log() -> Vec<String> {
    todo!()
}
