//! # `Relaxed`: one order per atomic, nothing more
//!
//! `Ordering::Relaxed` makes the operation atomic and promises one thing besides: for **each
//! atomic variable**, there is a single order of all the changes ever made to it (its
//! *modification order*), and every thread agrees on it.
//!
//! From that one promise follow the things counters need:
//!
//! - a read-modify-write always works on the latest value in that order, so two `fetch_add(1)`
//!   always add two, however they interleave: no update is lost;
//! - a thread never sees one atomic go backwards: once it has read a value, its later loads of
//!   the same atomic return that value or a later one;
//! - joining a thread (or any other happens-before edge) shows you everything it did, so once the
//!   counting threads are joined, a `Relaxed` load returns the exact total.
//!
//! What `Relaxed` does **not** promise is any order *between different variables*. If one thread
//! stores `a = 1` and then `b = 1`, both `Relaxed`, another thread may see `b == 1` and still
//! `a == 0`. The compiler may reorder the two stores, and so may the processor (ARM and POWER
//! do; x86 does not reorder two stores, which is why such bugs hide on a laptop). The same goes
//! for plain memory written before a `Relaxed` store: the store publishes nothing.
//!
//! ## Where `Relaxed` is right
//!
//! Whenever the atomic's value is the whole message, and nobody infers from it that *other*
//! memory is ready:
//!
//! - counters and statistics: requests served, bytes sent, the largest response (exercise
//!   `atomics/statistics`);
//! - ids: an id only has to be unique, it publishes nothing (exercise `atomics/id_allocator`);
//! - a stop flag, when stopping needs no data from the thread that set it;
//! - progress shown to a human ("41 % done"), where a number a moment old is fine.
//!
//! ```
//! use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
//! use std::thread;
//!
//! let (requests, bytes) = (AtomicU64::new(0), AtomicU64::new(0));
//! thread::scope(|s| {
//!     for _ in 0..4 {
//!         s.spawn(|| {
//!             for size in 1..=100 {
//!                 requests.fetch_add(1, Relaxed);
//!                 bytes.fetch_add(size, Relaxed);
//!             }
//!         });
//!     }
//! }); // the scope joins the threads: everything they did happens before what follows
//! assert_eq!((requests.load(Relaxed), bytes.load(Relaxed)), (400, 4 * 5050));
//! ```
//!
//! While the threads run, a monitoring thread reading `requests` and then `bytes` may find
//! `bytes` already counting a response that `requests` does not count yet. Each number is right
//! on its own; the pair is not a snapshot. If it must be, the two belong behind one lock
//! ([`mutex_or_atomics`](crate::mutex_or_atomics)).
//!
//! `cargo run -p atomics --example statistics` runs a server's statistics this way.
//!
//! ## Where it is wrong
//!
//! As soon as a thread reads an atomic to decide that *something else* is ready (a result in a
//! table, a message in a slot, a value behind a pointer), `Relaxed` is not enough: that is
//! publishing, and it needs [`Release` and `Acquire`](crate::release_acquire). The model checker
//! of the next module shows the failure.
