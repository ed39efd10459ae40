//! # Pitfalls: deadlocks, semaphores as signals, and async code
//!
//! ## A permit is a lock too
//!
//! Everything the `locks` lesson says about deadlock applies to permits, because a thread waiting
//! for a permit waits for whoever holds one.
//!
//! - **Acquiring twice from the same semaphore.** A function that takes a permit and then calls
//!   another function that takes one too works while permits are plentiful. With N threads doing
//!   it on a semaphore of N, each holds one permit and waits for a second that nobody will ever
//!   give back. Take the permit at one level only (the outermost), or pass it down.
//! - **Two semaphores in different orders.** Thread A holds a database permit and waits for a
//!   network permit; thread B holds the network permit and waits for the database one. The
//!   cure is the same as for locks: always acquire in one fixed order.
//! - **Waiting for a permit while holding a lock.** If the thread that would release the permit
//!   needs that lock first, neither moves. Take the permit before the lock, or release the lock
//!   before waiting.
//!
//! `try_acquire` never deadlocks, which is why it is the right call when "not now" is an
//! acceptable answer: shed the load, return "busy", try again later.
//!
//! ## A semaphore of 0 as a signal
//!
//! Old code uses a semaphore created with 0 permits as a signal: one thread `acquire`s (and
//! waits), another `release`s to let it go. It works, and in Rust it is the wrong tool: a
//! channel says the same thing and can carry a value with it, a `Condvar` says it about any
//! condition, and `thread::park`/`unpark` does it for one known thread. A semaphore of 0 also
//! breaks the permit pattern: the release is not the drop of a permit anyone acquired.
//!
//! ```
//! use std::sync::mpsc;
//! use std::thread;
//!
//! let (ready, wait_for_ready) = mpsc::channel();
//! thread::spawn(move || {
//!     // ... set up ...
//!     ready.send("configuration loaded").unwrap(); // the "release"
//! });
//! let what = wait_for_ready.recv().unwrap(); // the "acquire", which also learns what happened
//! assert_eq!(what, "configuration loaded");
//! ```
//!
//! ## Async code
//!
//! Everything in this lesson blocks the calling thread while it waits. In async code (on tokio,
//! or smol) a task must never block its thread, since the thread runs many other tasks: use an
//! async semaphore, whose `acquire().await` suspends the task instead. tokio's
//! `tokio::sync::Semaphore` is first-come-first-served, supports weights (`acquire_many`), and
//! its `acquire_owned` returns a permit that holds an `Arc` of the semaphore, for permits that
//! move into spawned tasks. With smol, the `async-lock` crate's `Semaphore` (which smol
//! re-exports as `smol::lock::Semaphore`) plays the same part, `acquire_arc` included.
//! The thinking is the same; only the waiting differs.
