//! # What an atomic operation is, and what it is not
//!
//! An **atomic operation** acts on one memory location as a single, indivisible step: no other
//! thread sees it half-done, and no other operation on that location falls in the middle of it.
//!
//! - An atomic `load` returns a value that some `store` wrote in full. A plain `u64` written by
//!   one thread while another reads it could, on a 32-bit machine, be read as half the old value
//!   and half the new ("torn"; and in Rust such a read is not allowed at all, see
//!   [`happens_before`](crate::happens_before)); an `AtomicU64` never is.
//! - A *read-modify-write* operation (`fetch_add`, `swap`, `compare_exchange`, …) reads the
//!   value, computes, and writes the result as one step. Two threads calling `fetch_add(1)` at
//!   once always add two.
//!
//! Rust's atomic types live in [`std::sync::atomic`]: [`AtomicBool`], [`AtomicU8`] to
//! [`AtomicU64`], [`AtomicUsize`], the signed `AtomicI*`, and [`AtomicPtr<T>`]. Their methods
//! take `&self`: like a `Mutex`, an atomic is changed through a shared reference, so it can be
//! shared between threads (it is `Sync`) in an `Arc`, by scoped threads, or in a `static` (its
//! `new` is a `const fn`). With `&mut self` no other thread can be looking, and `get_mut` and
//! `into_inner` give you the plain value without any atomic instruction.
//!
//! ```
//! use std::sync::atomic::{AtomicU64, Ordering};
//! use std::thread;
//!
//! static HITS: AtomicU64 = AtomicU64::new(0);
//!
//! thread::scope(|s| {
//!     for _ in 0..4 {
//!         s.spawn(|| {
//!             for _ in 0..1000 {
//!                 HITS.fetch_add(1, Ordering::Relaxed); // read, add, write: one step
//!             }
//!         });
//!     }
//! });
//! assert_eq!(HITS.load(Ordering::Relaxed), 4000);
//! ```
//!
//! ## What it is not
//!
//! **Two atomic operations are not one.** Each call is indivisible; the gap between two calls is
//! not. The classic mistake:
//!
//! ```
//! # use std::sync::atomic::{AtomicU64, Ordering};
//! # let counter = AtomicU64::new(0);
//! // Wrong: another thread's increment can land between the load and the store, and is lost.
//! let seen = counter.load(Ordering::SeqCst);
//! counter.store(seen + 1, Ordering::SeqCst);
//! // Right: one read-modify-write.
//! counter.fetch_add(1, Ordering::SeqCst);
//! ```
//!
//! No `Ordering` repairs the first version, not even `SeqCst`: orderings say which *other*
//! memory a thread sees, not that nobody may run between two calls. The same goes for a check
//! and the act it justifies ("if the flag is false, set it and go"): use one operation that does
//! both (`swap`, `compare_exchange`). `cargo run -p atomics --example lost_update` counts the
//! updates the first version loses, and [`seq_cst`](crate::seq_cst) shows the model checker
//! catching it with `SeqCst` on both calls.
//!
//! **Atomic is not "seen by everyone at once".** A store becomes visible to other threads soon,
//! but no ordering makes it faster, and nothing promises that two stores to two different atomics
//! are seen in the order they were made: that is what orderings are for
//! ([`relaxed`](crate::relaxed), [`release_acquire`](crate::release_acquire)).
//!
//! **Atomic is not a lock over several values.** Three atomic counters updated one after the
//! other can be read, by another thread, in a state that never existed as a whole: the first
//! updated and not the others. When several values must change together, they belong behind
//! one lock ([`mutex_or_atomics`](crate::mutex_or_atomics)).
//!
//! **Atomic is not free.** On x86 a `load` or `store` is an ordinary instruction, but a
//! read-modify-write is a locked instruction, and when threads on several cores hammer one atomic,
//! the cache line holding it travels from core to core on every operation
//! ([`false_sharing`](crate::false_sharing)).
//!
//! **Atomic is not wait-free.** Std's atomics are *lock-free*: they never take a hidden lock. But
//! an operation such as `fetch_max` may be a compare-and-swap loop underneath, which retries
//! while other threads keep changing the value.
//!
//! [`AtomicBool`]: std::sync::atomic::AtomicBool
//! [`AtomicU8`]: std::sync::atomic::AtomicU8
//! [`AtomicU64`]: std::sync::atomic::AtomicU64
//! [`AtomicUsize`]: std::sync::atomic::AtomicUsize
//! [`AtomicPtr<T>`]: std::sync::atomic::AtomicPtr
