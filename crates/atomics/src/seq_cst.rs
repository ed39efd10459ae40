//! # `SeqCst`: one order for everything, and why it rarely fixes a bug
//!
//! `Ordering::SeqCst` ("sequentially consistent") is `Acquire` for loads, `Release` for stores,
//! `AcqRel` for read-modify-writes, and one promise more: all `SeqCst` operations, on all
//! atomics, fall into **one single order** that every thread agrees on, consistent with each
//! thread's own program order.
//!
//! ## The code that needs it
//!
//! The promise matters when two threads each write one variable and then read the *other*:
//!
//! ```
//! use std::sync::atomic::{AtomicBool, Ordering::SeqCst};
//! use std::thread;
//!
//! let (a_wants, b_wants) = (AtomicBool::new(false), AtomicBool::new(false));
//! let (a_saw_b, b_saw_a) = thread::scope(|s| {
//!     let a = s.spawn(|| {
//!         a_wants.store(true, SeqCst);
//!         b_wants.load(SeqCst)
//!     });
//!     let b = s.spawn(|| {
//!         b_wants.store(true, SeqCst);
//!         a_wants.load(SeqCst)
//!     });
//!     (a.join().unwrap(), b.join().unwrap())
//! });
//! // In the single order, one of the two stores came first, and the other thread's load came
//! // after it: at least one thread saw the other.
//! assert!(a_saw_b || b_saw_a);
//! ```
//!
//! With `Release` stores and `Acquire` loads, *both* loads may return `false`: nothing is being
//! published, so the pair promises nothing here, and real processors do it. Every core has a
//! store buffer; a store waits in it while the core's next load goes ahead, so each thread reads
//! the other's flag before its own store has left its core. x86 does this too, on every
//! machine. `cargo run -p atomics --example store_buffering` runs the two threads a million times
//! with each ordering and counts how often both saw `false`.
//!
//! Code that depends on this is rare: mutual exclusion built from flags (Dekker's and
//! Peterson's algorithms), "set my flag, then check whether anyone else is waiting" in some
//! wake-up protocols, and a few lock-free structures. When you write such code, `SeqCst` on
//! exactly the operations involved (or a `SeqCst` [fence](crate::fences) between each store and
//! load) is the tool.
//!
//! ## Why it is rarely what fixes a bug
//!
//! "Use `SeqCst` everywhere, to be safe" is common advice, and it does little harm beyond some
//! speed (on x86 a `SeqCst` store is a locked instruction where a `Release` store is a plain
//! one). But it rarely fixes the bug at hand, because the bugs people meet with atomics are
//! almost never about a single total order:
//!
//! 1. **A missing atomic step.** A `load` and then a `store`, or a check and then an act, is two
//!    operations whatever their ordering. `SeqCst` puts both in the single order; another
//!    thread's operations still fall between them.
//! 2. **A missing publication.** Data published with a `Relaxed` flag. `SeqCst` on the flag
//!    does fix it, but only because it includes `Release` and `Acquire`; writing those says
//!    what the flag is for, and keeps you asking which data each atomic publishes.
//! 3. **A missing wait.** A thread that must wait for another needs a lock, a condition variable
//!    or a loop; no ordering makes a thread wait.
//!
//! Here is the first kind, with `SeqCst` on both operations (exercise `atomics/statistics`):
//!
//! ```
//! # use std::sync::atomic::{AtomicU64, Ordering};
//! # struct Stats { requests: AtomicU64 }
//! # impl Stats {
//! pub fn record(&self, _bytes: u64) {
//!     let requests = self.requests.load(Ordering::SeqCst);
//!     self.requests.store(requests + 1, Ordering::SeqCst);
//! }
//! # }
//! ```
//!
//! The model checker finds two threads that both load 0 and both store 1, `SeqCst` or not. This
//! is what `cargo run -p grader -- check atomics/statistics` printed for that file:
//!
//! ```text
//! ✗ model test `two_recorders_at_once_lose_no_count`
//!     two threads each called record() once, at the same time, and requests() returned 1 once both were done; it should return 2. A count changed by a `load` and then a `store` loses the update another thread makes in between, even with `SeqCst`: use `fetch_add`
//!
//!     The model checker explores every interleaving of these threads that needs at most 3 preemptions; interleaving 1 fails, step by step:
//!       main          test  spawn thread 1
//!       main       line 22  load(SeqCst) → 0
//!       main       line 23  store(1, SeqCst)
//!       main       line 24  load(SeqCst) → 0
//!       main       line 25  store(3, SeqCst)
//!       main       line 26  fetch_max(3, SeqCst) → 0
//!       main          test  join thread 1
//!       thread 1   line 22  load(SeqCst) → 0
//!       thread 1   line 23  store(1, SeqCst)
//!       thread 1   line 24  load(SeqCst) → 0
//!       thread 1   line 25  store(5, SeqCst)
//!       thread 1   line 26  fetch_max(5, SeqCst) → 3
//!       main          test  … thread 1 has ended
//!       main       line 30  load(SeqCst) → 1
//!       main       line 34  load(SeqCst) → 3
//!     where, in exercises/04_atomics/01_statistics.rs:
//!       line   22: let requests = self.requests.load(Ordering::SeqCst);
//!       line   23: self.requests.store(requests + 1, Ordering::SeqCst);
//!       line   24: let total = self.bytes.load(Ordering::SeqCst);
//!       line   25: self.bytes.store(total + bytes, Ordering::SeqCst);
//!       line   26: self.largest.fetch_max(bytes, Ordering::SeqCst);
//!       line   30: self.requests.load(Ordering::SeqCst)
//!       line   34: self.bytes.load(Ordering::SeqCst)
//!     See it again, step by step: cargo run -p grader -- check atomics/statistics --replay
//! ```
//!
//! Read it with care: the story lists the operations in the order the checker ran them, which
//! is not the single order of `SeqCst`. Main ran `record` to its end, and then thread 1's `load`
//! still returned 0. Nothing made main's store happen before that load (thread 1 was started
//! before it, and joined only after), so the single order is free to put thread 1's `load` before
//! main's `store`: `load → 0` by main, `load → 0` by thread 1, then the two stores of 1. That is a
//! perfectly sequentially consistent lost update. `fetch_add` is the fix, with any ordering;
//! `Relaxed` is enough. (To reproduce: write this `record` into your solved
//! `exercises/04_atomics/01_statistics.rs` and run the check.)
//!
//! So: choose `Relaxed` when the atomic publishes nothing, `Release`/`Acquire` when it does,
//! and `SeqCst` when you can name the two variables and the two threads that need the single
//! order, and write down why.
