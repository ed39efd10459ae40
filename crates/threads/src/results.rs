//! `JoinHandle<T>`: getting back what a thread computed, and starting all threads before
//! joining any.
//!
//! The closure given to `spawn` may return a value; [`JoinHandle::join`](std::thread::JoinHandle::join)
//! hands it back, as `Ok(value)` (or `Err(payload)` if the thread panicked, see
//! [`crate::panics`]). A thread can compute a result without any shared variable or lock:
//!
//! ```
//! use std::thread;
//!
//! let handle = thread::spawn(|| (1..=100u64).sum::<u64>());
//! let sum = handle.join().unwrap();
//! assert_eq!(sum, 5050);
//! ```
//!
//! ## Spawn all, then join all
//!
//! The order of `spawn` and `join` decides whether threads run at the same time. Joining each
//! thread right after starting it is a `for` loop with extra steps: only one runs at a time.
//!
//! ```
//! use std::thread;
//!
//! // One at a time: each join waits before the next thread even starts.
//! let slow: Vec<u64> = (0..4u64)
//!     .map(|i| thread::spawn(move || i * i).join().unwrap())
//!     .collect();
//!
//! // All at once: collect the handles first (`collect` runs the whole first map), then join.
//! let handles: Vec<_> = (0..4u64).map(|i| thread::spawn(move || i * i)).collect();
//! let fast: Vec<u64> = handles.into_iter().map(|h| h.join().unwrap()).collect();
//! assert_eq!(slow, fast);
//! ```
//!
//! Iterators are lazy, which is a trap here: `(0..4).map(spawn).map(join)` without a `collect`
//! in between also runs one thread at a time, because each item goes through both `map`s before
//! the next one starts.
//!
//! ## Results in order
//!
//! Joining the handles in the order they were created gives the results in that order, whatever
//! the order in which the threads finished: `join` on a thread that has not finished waits, and
//! `join` on one that finished long ago returns at once. Collecting results as they arrive (say,
//! through a channel) gives them in finishing order, which changes from run to run; tag each
//! result with its index if you go that way.
