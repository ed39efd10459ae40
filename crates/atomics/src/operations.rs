//! # The operations: load, store, swap, fetch-and-modify, compare-and-exchange
//!
//! Every operation takes an [`Ordering`]; this module uses `Relaxed` or `SeqCst` and leaves the
//! choice to the modules that follow. `cargo run -p atomics --example operations` runs each of
//! the snippets below and prints what it returned.
//!
//! ## `load`, `store`, `swap`
//!
//! `load` reads, `store` writes, `swap` writes and returns what was there before, in one step.
//! A `swap` is the smallest "check and act": `flag.swap(true)` returns `false` to exactly one of
//! the threads that call it, so exactly one of them goes on.
//!
//! ```
//! use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
//!
//! let started = AtomicBool::new(false);
//! assert!(!started.swap(true, Relaxed)); // I am the first: go on
//! assert!(started.swap(true, Relaxed)); // somebody was first: stay out
//! ```
//!
//! ## Fetch-and-modify
//!
//! `fetch_add`, `fetch_sub`, `fetch_and`, `fetch_or`, `fetch_xor`, `fetch_nand`, `fetch_max` and
//! `fetch_min` change the value and return the **previous** one. Two things surprise people:
//!
//! - `fetch_add` and `fetch_sub` **wrap** on overflow, silently, in release and debug builds
//!   alike (unlike `+`, which panics in debug builds). An id counter that is a `u32` goes from
//!   `u32::MAX` back to 0 and starts handing out ids again;
//! - the value they return is the one *before* the change, and it is the only value you can
//!   trust: a `load` right after may already see other threads' changes.
//!
//! ```
//! use std::sync::atomic::{AtomicU32, Ordering::Relaxed};
//!
//! let next_id = AtomicU32::new(u32::MAX);
//! assert_eq!(next_id.fetch_add(1, Relaxed), u32::MAX);
//! assert_eq!(next_id.fetch_add(1, Relaxed), 0); // wrapped: id 0 again
//!
//! let largest = AtomicU32::new(5);
//! assert_eq!(largest.fetch_max(3, Relaxed), 5); // keeps the larger: still 5
//! assert_eq!(largest.fetch_max(9, Relaxed), 5); // now 9
//! ```
//!
//! (`cargo run -p atomics --example id_overflow` shows the wrap and its cure.)
//!
//! ## `compare_exchange`
//!
//! `compare_exchange(current, new, success, failure)` is the general-purpose one: *if the atomic
//! still holds `current`, store `new`*, in one step. It returns `Ok(previous)` when it stored,
//! and `Err(actual)` with what it found instead when it did not. Any read-modify-write you can
//! compute from the old value can be built from it: read the value, compute the new one, and
//! `compare_exchange` it in; if another thread changed the value meanwhile, the exchange fails
//! and tells you the value to try again with.
//!
//! ```
//! use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
//!
//! /// Hands out ids up to `last`, never past it, and never changes the counter once it is
//! /// past the end (so it cannot wrap, however often it is asked).
//! fn allocate(next: &AtomicU64, last: u64) -> Option<u64> {
//!     let mut seen = next.load(Relaxed);
//!     loop {
//!         if seen > last {
//!             return None;
//!         }
//!         match next.compare_exchange_weak(seen, seen + 1, Relaxed, Relaxed) {
//!             Ok(id) => return Some(id),
//!             Err(actual) => seen = actual, // someone else took `seen`: try with theirs
//!         }
//!     }
//! }
//!
//! let next = AtomicU64::new(7);
//! assert_eq!(allocate(&next, 8), Some(7));
//! assert_eq!(allocate(&next, 8), Some(8));
//! assert_eq!(allocate(&next, 8), None);
//! ```
//!
//! The two orderings: `success` applies when the exchange happens (a read and a write),
//! `failure` to the mere read when it does not (so it cannot be `Release` or `AcqRel`).
//!
//! **`compare_exchange_weak`** may fail even when the value *was* `current` (a "spurious"
//! failure). Processors without a compare-and-swap instruction (older ARM, RISC-V) build it from
//! a pair, "load and watch" then "store if nothing touched it", which gives up whenever anything
//! touched the cache line in between. In a loop that retries anyway, a spurious failure costs
//! nothing, and the weak version saves the inner retry loop that the strong one needs on those
//! machines. So: `_weak` inside a loop, the plain one when you act on a single attempt (as a
//! lock's `try_lock` does).
//!
//! One trap: `compare_exchange` compares *values*. If a value can go from A to B and back to A
//! between your load and your exchange, the exchange succeeds as though nothing happened (the
//! "ABA problem"). For counters that only grow that cannot happen; for pointers that are freed and
//! reused, it can.
//!
//! ## `try_update` and `update`: the loop, written for you
//!
//! `try_update(set_order, fetch_order, f)` (Rust 1.95) is the `compare_exchange_weak` loop above:
//! it calls `f` with the current value, stores what `f` returns, and retries with the new value if
//! another thread got in first; when `f` returns `None` it stops and stores nothing. It returns
//! `Ok(previous)` or `Err(current)`. Its older name is `fetch_update`, which std's documentation
//! marks as deprecated from Rust 1.99; `update` is the version whose `f` always returns a value.
//!
//! ```
//! use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
//!
//! let next = AtomicU64::new(7);
//! let last = 8;
//! let take = || next.try_update(Relaxed, Relaxed, |n| (n <= last).then_some(n + 1)).ok();
//! assert_eq!((take(), take(), take()), (Some(7), Some(8), None));
//!
//! let halved = AtomicU64::new(10);
//! assert_eq!(halved.update(Relaxed, Relaxed, |n| n / 2), 10);
//! assert_eq!(halved.load(Relaxed), 5);
//! ```
//!
//! Since `f` may run several times, it must only compute: no printing, no pushing to a list, no
//! other side effects.
//!
//! ## The bug these prevent, found by the model checker
//!
//! "Check that an id is left, then take one" in two steps:
//!
//! ```
//! # use std::sync::atomic::{AtomicU64, Ordering};
//! # struct IdAllocator { next: AtomicU64, last: u64 }
//! # impl IdAllocator {
//! pub fn allocate(&self) -> Option<u32> {
//!     if self.next.load(Ordering::Relaxed) <= self.last {
//!         Some(self.next.fetch_add(1, Ordering::Relaxed) as u32)
//!     } else {
//!         None
//!     }
//! }
//! # }
//! ```
//!
//! Two threads asking `IdAllocator::new(5, 5)` (one id, 5) at once: the grader's model test
//! `the_last_id_goes_to_one_thread_only` fails, and the checker tells the interleaving (exercise
//! `atomics/id_allocator`; the file with this `allocate` was graded with `cargo run -p grader --
//! check atomics/id_allocator`):
//!
//! ```text
//! ✗ model test `the_last_id_goes_to_one_thread_only`
//!     two threads called allocate() at once on an IdAllocator::new(5, 5), which has one id, and got Some(5) and Some(6); one should get Some(5) and the other None. Checking that an id is left and taking it are one decision: make it one atomic step
//!
//!     The model checker explores every interleaving of these threads that needs at most 3 preemptions; interleaving 1 fails, step by step:
//!       main          test  spawn thread 1
//!       main       line 15  load(Relaxed) → 5
//!       main       line 16  fetch_add(1, Relaxed) → 5
//!       main          test  join thread 1
//!       thread 1   line 15  load(Relaxed) → 5
//!       thread 1   line 16  fetch_add(1, Relaxed) → 6
//!       main          test  … thread 1 has ended
//!     where, in exercises/04_atomics/03_id_allocator.rs:
//!       line   15: if self.next.load(Ordering::Relaxed) <= self.last {
//!       line   16: Some(self.next.fetch_add(1, Ordering::Relaxed) as u32)
//!     See it again, step by step: cargo run -p grader -- check atomics/id_allocator --replay
//! ```
//!
//! The story lists the operations in the order the checker ran them. Both threads loaded 5 and
//! passed the check; the second `fetch_add` then handed out 6. Note thread 1's `load → 5`,
//! although main had already moved the counter to 6: nothing made main's `fetch_add` happen
//! before that load, so the load may return the older value (a read-modify-write, by contrast,
//! always works on the latest one). Each operation was atomic; the decision was not.
//! `compare_exchange` makes the check and the act one step, and the model test passes in every
//! interleaving. To see it yourself, write this
//! `allocate` into your solved `exercises/04_atomics/03_id_allocator.rs`, run the check, then
//! `cargo run -p grader -- check atomics/id_allocator --replay` to replay the failing
//! interleaving (your line numbers will differ).
//!
//! [`Ordering`]: std::sync::atomic::Ordering
