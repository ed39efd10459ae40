//! Exercise: count the threads that are still running, like Python's `active_count()`.
//!
//! The tutorial prints `threading.active_count()`, the number of Python threads alive. Rust's
//! standard library has no such function (the operating system knows, but asking it is neither
//! portable nor what you usually want): when a program needs to know how many of *its* workers
//! are still busy, it keeps count itself.
//!
//! Write a `ThreadTracker` that starts threads and counts those still running:
//!
//! - `spawn(f)` starts `f` on a new thread and returns its `JoinHandle`, like `thread::spawn`.
//! - `active_count()` is the number of threads started by *this* tracker whose `f` has not
//!   finished yet. A thread counts from the moment `spawn` returns (count it before starting
//!   the thread, not from inside it) until its `f` returns *or panics*. Two trackers never
//!   count each other's threads.
//! - `ThreadTracker` is `Send + Sync`: any thread may spawn through it or ask for the count, at
//!   the same time as others.
//!
//! The trap is the panic: if the count goes down only after `f` returns, a thread whose `f`
//! panics is counted forever. Code that must run however a scope is left belongs in a `Drop`
//! implementation: panics unwind through it, too.
//!
//! Read the lesson: `cargo doc -p threads --open`.

use std::thread::JoinHandle;

/// Starts threads and counts those still running.
pub struct ThreadTracker {
    // TODO: a count that every tracked thread can reach, even after `spawn` has returned.
}

impl ThreadTracker {
    /// A tracker that has started no threads.
    pub fn new() -> Self {
        todo!()
    }

    /// Starts `f` on a new thread, counted as active until `f` returns or panics.
    pub fn spawn<T, F>(&self, f: F) -> JoinHandle<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let _ = f;
        todo!()
    }

    /// How many threads started by this tracker have not finished yet.
    pub fn active_count(&self) -> usize {
        todo!()
    }
}

impl Default for ThreadTracker {
    fn default() -> Self {
        Self::new()
    }
}
