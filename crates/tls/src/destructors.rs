//! # Destructors: when a thread ends
//!
//! The tutorial warns: "Be mindful of thread-local data lifecycle management to avoid potential
//! memory leaks." In Rust the lifecycle is written down: a thread-local value is **dropped when
//! its thread ends**, after the thread's closure has returned. Its `Drop` runs on that thread,
//! so it may still use the value, and memory it owns is freed then. That makes the destructor the
//! place for the last act of a per-thread resource: closing a per-thread connection, or flushing
//! a per-thread buffer.
//!
//! ## Flushing a per-thread buffer
//!
//! Taking a shared lock for every log line makes busy threads wait for each other. A thread can
//! instead collect lines in a thread-local buffer and move them to the shared log a batch at a
//! time, one lock per batch. Lines still in the buffer when the thread ends are flushed by the
//! buffer's `Drop`:
//!
//! ```
//! use std::cell::RefCell;
//! use std::sync::Mutex;
//! use std::thread;
//!
//! static SHARED: Mutex<Vec<String>> = Mutex::new(Vec::new());
//!
//! struct Buffer(Vec<String>);
//!
//! impl Drop for Buffer {
//!     fn drop(&mut self) {
//!         // Runs on the ending thread: what was never flushed is not lost.
//!         SHARED.lock().unwrap().append(&mut self.0);
//!     }
//! }
//!
//! thread_local! {
//!     static BUFFER: RefCell<Buffer> = const { RefCell::new(Buffer(Vec::new())) };
//! }
//!
//! fn log(line: &str) {
//!     BUFFER.with_borrow_mut(|buffer| buffer.0.push(line.to_owned()));
//! }
//!
//! let worker = thread::spawn(|| {
//!     log("one");
//!     log("two");
//!     assert!(SHARED.lock().unwrap().is_empty()); // still in this thread's buffer
//! });
//! worker.join().unwrap();
//! // `join` returns once the thread has ended, destructors included.
//! assert_eq!(*SHARED.lock().unwrap(), ["one", "two"]);
//! ```
//!
//! `cargo run -p tls --example flush_at_exit` runs this with several threads, and the log-buffer
//! exercise adds batches.
//!
//! ## Who waits for the destructors
//!
//! [`JoinHandle::join`](std::thread::JoinHandle::join) returns only after the thread has
//! completely ended, its thread-locals' destructors included, so after `join` the buffer above is
//! flushed. A [scoped thread](std::thread::scope) that you do not join yourself is different:
//! `thread::scope` returns as soon as each thread's *closure* has returned, and the destructors
//! may still be running (or not have started) at that moment. Join a scoped thread's handle
//! explicitly when you need what its destructors do:
//!
//! ```
//! use std::cell::Cell;
//! use std::sync::atomic::{AtomicUsize, Ordering};
//! use std::thread;
//!
//! static FLUSHED: AtomicUsize = AtomicUsize::new(0);
//!
//! struct CountsWhenDropped;
//!
//! impl Drop for CountsWhenDropped {
//!     fn drop(&mut self) {
//!         FLUSHED.fetch_add(1, Ordering::SeqCst);
//!     }
//! }
//!
//! thread_local! {
//!     static GUARD: Cell<Option<CountsWhenDropped>> = const { Cell::new(None) };
//! }
//!
//! thread::scope(|s| {
//!     let worker = s.spawn(|| GUARD.set(Some(CountsWhenDropped)));
//!     worker.join().unwrap(); // waits for the destructor too
//! });
//! assert_eq!(FLUSHED.load(Ordering::SeqCst), 1);
//! // Without the explicit `join`, this could still read 0 after `thread::scope` returned.
//! ```
//!
//! ## Threads whose destructors never run
//!
//! Destructors run when a thread *ends*, and a process can stop without its threads ending:
//!
//! - When `main` returns, the process exits, and threads still running are simply gone,
//!   destructors and all (the daemon threads of the next section).
//! - Whether the main thread's own thread-locals are dropped when `main` returns depends on the
//!   platform; Rust's documentation promises nothing. [`std::process::exit`] ends the process
//!   without unwinding any thread's stack, and other threads' thread-locals are not dropped.
//! - A thread-local that is never touched on a thread is never created there, and so never
//!   dropped there.
//!
//! So a program that buffers per thread flushes the main thread's buffer itself before `main`
//! returns, and makes sure its other threads end (and are joined) rather than being cut off.
//!
//! ## Order, and thread-locals used by destructors
//!
//! A thread's thread-locals are dropped one after another, in no order you should rely on (in
//! practice, the reverse of the order in which the thread first used them). A destructor that
//! uses *another* thread-local may therefore find it already dropped. `with` then panics, and a
//! panic in a thread-local's destructor aborts the process ("thread local panicked on drop").
//! Code that may run that late, such as a logging function that destructors call, uses
//! [`try_with`](std::thread::LocalKey::try_with) and has a fallback:
//!
//! ```
//! use std::cell::RefCell;
//!
//! thread_local! {
//!     static BUFFER: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
//! }
//!
//! fn log(line: &str) {
//!     if BUFFER.try_with(|b| b.borrow_mut().push(line.to_owned())).is_err() {
//!         // Our buffer is gone: this thread is ending. Write the line directly instead.
//!         eprintln!("{line}");
//!     }
//! }
//!
//! log("fine while the thread runs");
//! ```
//!
//! A thread-local already dropped is never created again (that is the `AccessError`). One not
//! yet created on this thread is created if a destructor touches it; whether that late value is
//! dropped in turn is up to the platform, so do not give it work that must happen.
