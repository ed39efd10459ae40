//! Python's `active_count()`, and how to keep such a count in Rust.
//!
//! The tutorial prints `threading.active_count()`: the number of Python thread objects alive,
//! the main thread included. Rust's standard library has no such function. The operating
//! system could tell (`/proc/self/status` on Linux lists `Threads:`), but that count includes
//! threads started by libraries and the runtime, and it is rarely the question: a program wants
//! to know how many of *its* workers are still busy.
//!
//! So keep the count yourself, where the threads are started: one up before a thread starts,
//! one down when its work ends. "When its work ends" includes a panic, so the count goes down in
//! a destructor, which unwinding runs too:
//!
//! ```
//! use std::sync::Arc;
//! use std::sync::atomic::{AtomicUsize, Ordering};
//! use std::thread;
//!
//! struct Active(Arc<AtomicUsize>);
//! impl Drop for Active {
//!     fn drop(&mut self) {
//!         self.0.fetch_sub(1, Ordering::SeqCst);
//!     }
//! }
//!
//! let active = Arc::new(AtomicUsize::new(0));
//! active.fetch_add(1, Ordering::SeqCst); // counted before it starts
//! let guard = Active(Arc::clone(&active));
//! let handle = thread::spawn(move || {
//!     let _guard = guard; // dropped when the closure ends, however it ends
//!     panic!("even this thread is counted down");
//! });
//! assert!(handle.join().is_err());
//! assert_eq!(active.load(Ordering::SeqCst), 0);
//! ```
//!
//! Counting up in the caller rather than inside the new thread matters: a thread that has been
//! spawned may not have run a single instruction yet when `spawn` returns, and a count taken
//! then would miss it.
//!
//! A count of running threads is a number for logs and progress bars, not for synchronisation:
//! by the time you read it, it may have changed. To wait until workers are done, join them (or
//! use a latch, from the conditions chapter).
//!
//! `cargo run -p threads --example hello_thread` prints such a count; the fourth exercise builds
//! a `ThreadTracker` around it.
