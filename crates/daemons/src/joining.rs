//! # Keeping the handle: joining threads, and scoped threads
//!
//! [`std::thread::spawn`] returns a [`JoinHandle<T>`](std::thread::JoinHandle). It is the only
//! way to wait for the thread, and to get back what its closure returned:
//!
//! ```
//! use std::thread;
//!
//! let counter = thread::spawn(|| (1..=100u32).sum::<u32>());
//! // ... the main thread does other work meanwhile ...
//! let total = counter.join().expect("the counting thread panicked");
//! assert_eq!(total, 5050);
//! ```
//!
//! `join` returns a `Result`: `Err` if the thread panicked (see [`panics`](crate::panics)).
//! Dropping the handle does not stop the thread or wait for it; it *detaches* it, and nothing
//! can join it after that. A detached thread is fine for work that may be cut off at any
//! moment, and a bug for anything else. Keep the handle of every thread that does work someone
//! is counting on, and join it before the work is needed or the program ends.
//!
//! ## Why `spawn` wants `'static`
//!
//! Because a spawned thread may outlive the function that spawned it (nobody has to join it),
//! its closure may not borrow the function's locals:
//!
//! ```compile_fail,E0373
//! use std::thread;
//!
//! let lines = vec!["first", "second"];
//! let printer = thread::spawn(|| {
//!     for line in &lines {
//!         println!("{line}");
//!     }
//! });
//! printer.join().unwrap();
//! ```
//!
//! The compiler does not look at the `join` two lines below: a handle can be dropped, so the
//! borrow could dangle. Either move what the thread needs into it (`move ||`, and an `Arc` for
//! what is shared), or use a scope.
//!
//! ## Scoped threads cannot be forgotten
//!
//! [`std::thread::scope`] runs a closure in which threads can be spawned, and does not return
//! until **every one of them has ended**. Forgetting to join is impossible, so the threads may
//! borrow from the enclosing function:
//!
//! ```
//! use std::thread;
//!
//! let lines = vec!["first", "second", "third"];
//! let mut lengths = Vec::new();
//! thread::scope(|s| {
//!     let counter = s.spawn(|| lines.iter().map(|l| l.len()).sum::<usize>());
//!     s.spawn(|| {
//!         for line in &lines {
//!             println!("{line}");
//!         }
//!     }); // not joined by hand: the scope joins it
//!     lengths.push(counter.join().unwrap());
//! });
//! assert_eq!(lengths, [16]);
//! ```
//!
//! A scope is the right tool when the background work belongs to one function: start the
//! helpers, do the main work, and leave the scope once they are all done. A background
//! *service* (a logger, a watchdog) lives longer than any one function call; it keeps its
//! `JoinHandle` in a struct, and joins it in `Drop`, which is [`shutdown`](crate::shutdown).
//!
//! If a scoped thread panics and nobody joined it, `scope` itself panics once all threads have
//! ended, so a panic in a helper cannot go unnoticed either.
