//! # `Release` and `Acquire`: publishing
//!
//! One thread prepares some data (a result, a message, a whole structure) and then sets a flag
//! that says "it is ready". Another thread sees the flag and reads the data. For that to work,
//! seeing the flag must mean seeing the data. That is what the pair gives:
//!
//! - a **`Release`** store (or the store half of a read-modify-write) publishes everything the
//!   thread did before it;
//! - an **`Acquire`** load (or the load half of a read-modify-write) that reads the value that
//!   store wrote sees all of that: the store *happens before* the load
//!   ([`happens_before`](crate::happens_before)), and so does everything before the store.
//!
//! ```
//! use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::{Acquire, Relaxed, Release}};
//! use std::thread;
//!
//! let result = AtomicU64::new(0);
//! let ready = AtomicBool::new(false);
//! thread::scope(|s| {
//!     s.spawn(|| {
//!         result.store(42, Relaxed); // prepare...
//!         ready.store(true, Release); // ...then publish
//!     });
//!     if ready.load(Acquire) {
//!         // Read `true`, so the store of 42 happened before this load.
//!         assert_eq!(result.load(Relaxed), 42);
//!     }
//! });
//! ```
//!
//! Both halves are needed. A `Release` store that is read by a `Relaxed` load publishes to
//! nobody; an `Acquire` load of a value that was stored `Relaxed` receives nothing. And the
//! order of the writer's steps matters as much: data first, flag last.
//!
//! The data itself may be plain memory (an `UnsafeCell`, a `Vec` behind a pointer): the
//! happens-before edge is exactly what keeps the writer's write and the reader's read from being
//! a data race. That is how every lock works: taking it is an `Acquire`, freeing it a `Release`,
//! so each holder sees what the previous one wrote (exercise `locks/spinlock`). It is how `Arc`
//! makes sure the thread that drops the last reference sees everything the others did, and how
//! `OnceLock` makes the value it was initialised with visible to every thread that finds it
//! there. `cargo run -p atomics --example publish` hands a `Vec` from one thread to another
//! through an `AtomicPtr` this way.
//!
//! For a read-modify-write, `AcqRel` is both at once (a `swap` that takes over a value some
//! thread published and publishes its own), and a `compare_exchange` takes two orderings: one
//! for success, one for the plain load when it fails.
//!
//! A subtlety: an `Acquire` load that reads a value written by a *read-modify-write* that came
//! after the `Release` store still synchronises with that store (the RMWs continue its *release
//! sequence*). That is why a reference count can be decremented by many threads with `Release`
//! and the last one still sees all of them.
//!
//! ## The bug: a `Relaxed` publication, found by the model checker
//!
//! Exercise `atomics/progress` has a worker that writes each result into a table and then moves
//! a counter `done` on; watchers read `done` and then that many results. With `done` stored
//! `Relaxed`:
//!
//! ```
//! # use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
//! # struct Progress { results: Box<[AtomicU64]>, done: AtomicUsize }
//! # impl Progress {
//! pub fn push(&self, result: u64) {
//!     let done = self.done.load(Ordering::Relaxed);
//!     let slot = self.results.get(done).unwrap_or_else(|| {
//!         panic!("push() was called after all {done} results were in")
//!     });
//!     slot.store(result, Ordering::Relaxed);
//!     self.done.store(done + 1, Ordering::Relaxed); // should be Release
//! }
//! # }
//! ```
//!
//! On x86 every stress test passes: x86 never lets a store overtake an earlier store. The
//! model checker does not ask what x86 does; it asks what the memory model allows, and finds a
//! watcher that sees `done == 1` and a slot that is still empty. This is what
//! `cargo run -p grader -- check atomics/progress` printed for that file:
//!
//! ```text
//! ✗ model test `a_watcher_reads_only_results_that_were_pushed`
//!     the worker pushed 10 and then 20 while another thread called results(), which returned [0]; it may return [], [10] or [10, 20], nothing else. A 0 is a slot read before the worker's store to it was visible: the worker must publish with a `Release` store of `done` after writing the slot, and results() must load `done` with `Acquire` before reading the slots
//!
//!     The model checker explores every interleaving of these threads that needs at most 3 preemptions; interleaving 2 fails, step by step:
//!       main          test  spawn thread 1
//!       main          test  spawn thread 2
//!       main          test  join thread 1
//!       thread 1   line 28  load(Relaxed) → 0
//!       thread 1   line 32  store(10, Relaxed)
//!       thread 1   line 33  store(1, Relaxed)
//!       thread 1   line 28  load(Relaxed) → 1
//!       thread 1   line 32  store(20, Relaxed)
//!       thread 1   line 33  store(2, Relaxed)
//!       main          test  … thread 1 has ended
//!       main          test  join thread 2
//!       thread 2   line 43  load(Acquire) → 1
//!       thread 2   line 46  load(Relaxed) → 0
//!       main          test  … thread 2 has ended
//!     where, in exercises/04_atomics/02_progress.rs:
//!       line   28: let done = self.done.load(Ordering::Relaxed);
//!       line   32: slot.store(result, Ordering::Relaxed);
//!       line   33: self.done.store(done + 1, Ordering::Relaxed);
//!       line   43: let done = self.done.load(Ordering::Acquire);
//!       line   46: .map(|slot| slot.load(Ordering::Relaxed))
//!     See it again, step by step: cargo run -p grader -- check atomics/progress --replay
//! ```
//!
//! Thread 1 (the worker) pushed both results, and thread 2's `Acquire` load read its store of
//! `done == 1`; but that store was `Relaxed`, so the load synchronised with nothing, and the
//! slot's load was free to return the value from before the worker's store: 0. The fix is the
//! one word in the comment. (To see it yourself, make that store `Relaxed` in your solved
//! `exercises/04_atomics/02_progress.rs` and run the check; `--replay` then replays the failing
//! interleaving.)
//!
//! ## Double-checked locking, and why it was famous for being broken
//!
//! Exercise `atomics/init_once` runs a set-up once. The fast path, taken by every call after the
//! first, is one load of a `done` flag; only when it is `false` does a caller take a lock. For
//! years that pattern was written with a plain flag, and broke on machines that reorder: a
//! thread saw `done == true` before it saw what the set-up wrote. In Rust the plain flag does not
//! compile, but a `Relaxed` load of an atomic one does, and it is the same bug. The model checker
//! finds it as a data race on what the set-up wrote:
//!
//! ```text
//! ✗ model test `a_caller_sees_what_f_wrote_when_call_once_returns`
//!     a data race: two threads used the same data, and nothing made one use happen before the other. The checker said: "Concurrent write accesses to `UnsafeCell`". Whatever hands data to another thread (freeing a lock, a store that another thread's load will read) must be a `Release` (or stronger), and whatever takes it (taking the lock, that load) an `Acquire`: with `Relaxed`, the other thread may see the data as it was before, or half-written, on a real machine.
//!
//!     The model checker explores every interleaving of these threads that needs at most 3 preemptions; interleaving 10 fails, step by step:
//!       main          test  spawn thread 1
//!       thread 1   line 30  load(Relaxed) → false
//!       thread 1   line 33  lock()
//!       thread 1   line 33  … got the lock
//!       thread 1   line 34  load(Relaxed) → false
//!       thread 1      test  UnsafeCell::get() (uses the data)
//!       thread 1   line 38  store(true, Release)
//!       thread 1   line 33  unlock (the lock taken on line 33)
//!       main       line 30  load(Relaxed) → true
//!       main          test  UnsafeCell::get() (uses the data)
//!     where, in exercises/04_atomics/04_init_once.rs:
//!       line   30: if self.done.load(Ordering::Relaxed) {
//!       line   33: let _running = self.running.lock().unwrap_or_else(PoisonError::into_inner);
//!       line   34: if self.done.load(Ordering::Relaxed) {
//!       line   38: self.done.store(true, Ordering::Release);
//!     See it again, step by step: cargo run -p grader -- check atomics/init_once --replay
//! ```
//!
//! Thread 1 ran the set-up under the lock (the `UnsafeCell::get()` of the test's own data,
//! marked `test`) and stored `done` with `Release`; main's fast path read `true` with a `Relaxed`
//! load, which receives nothing, and went on to read the set-up's data: a data race. With
//! `Acquire` on the fast path (and `Release` where `done` is set), the load that sees `true` sees
//! the set-up too, in every interleaving. (To reproduce: make the first load in your solved
//! `exercises/04_atomics/04_init_once.rs` `Relaxed`, and run `cargo run -p grader -- check
//! atomics/init_once`.)
