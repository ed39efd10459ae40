//! # Fences: an ordering on its own
//!
//! [`fence(order)`](std::sync::atomic::fence) is an ordering without an atomic: it applies
//! `order` to the `Relaxed` operations around it.
//!
//! - `fence(Release)` followed by a store (any ordering) acts as if that store were `Release`:
//!   everything before the fence is published by it.
//! - A load (any ordering) followed by `fence(Acquire)` acts as if that load were `Acquire`, for
//!   the value it read: the fence receives what a `Release` store (or fence) published.
//!
//! So these two pairs synchronise the same way:
//!
//! ```
//! use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::*, fence};
//! use std::thread;
//!
//! let (data, ready) = (AtomicU64::new(0), AtomicBool::new(false));
//! thread::scope(|s| {
//!     s.spawn(|| {
//!         data.store(7, Relaxed);
//!         fence(Release); // ready.store(true, Release) without the fence means the same
//!         ready.store(true, Relaxed);
//!     });
//!     if ready.load(Relaxed) {
//!         fence(Acquire); // the Acquire, paid only when there is something to read
//!         assert_eq!(data.load(Relaxed), 7);
//!     }
//! });
//! ```
//!
//! Why bother, when the orderings on the operations say the same? Two reasons.
//!
//! - **Pay once for many.** A thread that checks many flags (one per worker, say) with `Relaxed`
//!   loads and then issues one `fence(Acquire)` synchronises with every `Release` it read, instead
//!   of paying an `Acquire` on each load. `cargo run -p atomics --example fences` collects the
//!   results of eight workers this way.
//! - **Pay only when needed.** As above: an `Acquire` only on the path where the flag was set.
//!   `Arc`'s `Drop` does this: every thread decrements the count with `Release`, and only the one
//!   that brings it to zero, which is about to free the data, issues `fence(Acquire)`.
//!
//! `fence(SeqCst)` also takes part in the single order of `SeqCst` operations: a `SeqCst`
//! fence between a thread's store and its load is the fence-shaped fix of the store-buffering
//! example in [`seq_cst`](crate::seq_cst). `fence(Relaxed)` is meaningless and panics.
//!
//! A fence is not a magic barrier that makes things visible sooner, and it orders nothing on its
//! own: it needs an atomic operation on each side to hang the synchronisation on. And
//! [`compiler_fence`](std::sync::atomic::compiler_fence) is something else again: it only stops
//! the *compiler* from moving memory accesses across it, for code interrupted on the same thread
//! (a signal handler); it orders nothing between threads.
