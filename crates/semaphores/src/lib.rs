//! # Semaphores: letting up to N threads in
//!
//! A lock lets one thread at a time into a critical section. Often one is too strict and "all
//! of them" too loose: a database accepts 10 connections, a server throttles you past 4
//! simultaneous downloads, the machine has memory for 3 big jobs at once. A **semaphore** is
//! the tool for "at most N at a time": a counter of free *permits*. Taking a permit (acquiring)
//! decrements it, and waits while it is 0; giving one back (releasing) increments it and wakes a
//! waiter.
//!
//! ## What the tutorial does
//!
//! ```python
//! import threading
//!
//! semaphore = threading.Semaphore(2)  # Allow up to 2 threads to access
//!
//! def critical_section():
//!     with semaphore:
//!         # Critical section code here
//!         pass  # Replace with your code
//! ```
//!
//! `with semaphore:` calls `acquire()` on the way in and `release()` on the way out, however the
//! block is left: by falling off its end, by `return`, or by an exception. That part is exactly
//! right, and Rust does the same with a value whose `Drop` releases (see [`permits`]).
//!
//! The example stops short of using the semaphore, and it says nothing about what makes
//! semaphores tricky:
//!
//! 1. **A plain `threading.Semaphore` can be released by anyone, any number of times.** Call
//!    `release()` once too often (an error path that releases twice, a release without an
//!    acquire) and the semaphore silently grows a permit: from then on three threads get in
//!    where two should. Python's answer is a second class, `threading.BoundedSemaphore`, which
//!    raises `ValueError` when released above its starting count, *at run time*, on the path
//!    that happened to run. In Rust the release is the drop of the permit you got from
//!    `acquire`, so there is nothing to call twice: every semaphore is bounded by construction.
//!    See [`permits`].
//! 2. **Counting is not the same as fairness.** A semaphore that lets whoever asks first after a
//!    release take the permit can starve a waiter forever; it matters most when requests have
//!    different sizes. See [`fairness`].
//! 3. **Holding a permit while waiting for another is a deadlock waiting to happen**, just as
//!    with locks. See [`pitfalls`].
//!
//! ## What Rust does instead
//!
//! Rust's standard library has no semaphore: the `Mutex` and `Condvar` it does have make one in
//! twenty lines (see [`counting`], and the first exercise), and most of the jobs a semaphore is
//! used for have a more direct tool: a bounded channel (see [`channels`]), a pool that owns its
//! resources (see [`pools`]), or a fixed number of worker threads (see
//! [`bounded_concurrency`]). Async code has `tokio::sync::Semaphore`, which is built for tasks,
//! not threads.
//!
//! The tutorial's example, the Rust way, with the [`channels::TokenSemaphore`] of this crate (a
//! semaphore made of a channel holding one token per permit):
//!
//! ```
//! use semaphores::channels::TokenSemaphore;
//! use std::sync::atomic::{AtomicUsize, Ordering};
//! use std::thread;
//!
//! let semaphore = TokenSemaphore::new(2); // allow up to 2 threads in
//! let inside = AtomicUsize::new(0);
//! let most = AtomicUsize::new(0);
//!
//! let critical_section = || {
//!     let _permit = semaphore.acquire(); // `with semaphore:`
//!     let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
//!     most.fetch_max(now, Ordering::SeqCst);
//!     thread::sleep(std::time::Duration::from_millis(5)); // critical section code here
//!     inside.fetch_sub(1, Ordering::SeqCst);
//! }; // the permit is dropped here, which releases it, even if the code above panicked
//!
//! thread::scope(|s| {
//!     for _ in 0..5 {
//!         s.spawn(critical_section);
//!     }
//! });
//! assert!(most.load(Ordering::SeqCst) <= 2);
//! ```
//!
//! `cargo run -p semaphores --example bounded_semaphore` runs it with output, and shows why Python
//! needs `BoundedSemaphore` and Rust does not.
//!
//! ## The chapter
//!
//! - [`counting`]: what a counting semaphore is, and how to build one from `Mutex` and `Condvar`.
//! - [`permits`]: permits as values: RAII release, `BoundedSemaphore` for free, lifetimes.
//! - [`channels`]: a bounded channel of tokens is a semaphore.
//! - [`pools`]: when the permits are real things: connection pools.
//! - [`bounded_concurrency`]: "at most N downloads at a time": a thread per job and a
//!   semaphore, or N workers.
//! - [`fairness`]: barging, starvation, and first-come-first-served weighted semaphores.
//! - [`pitfalls`]: deadlocks, semaphores as signals, and semaphores in async code.
//!
//! The exercises (`exercises/06_semaphores/`) build a semaphore, a connection pool, a
//! rate-limited `download_all` and a memory budget that serves threads in order.

pub mod bounded_concurrency;
pub mod channels;
pub mod counting;
pub mod fairness;
pub mod permits;
pub mod pitfalls;
pub mod pools;
