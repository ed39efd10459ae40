//! # Thread-local storage: a value of its own for every thread
//!
//! Most of this course is about data that threads *share*, and the locks, condition variables
//! and channels that make sharing safe. Thread-local storage is the other answer: do not share
//! at all. A thread-local variable has one instance per thread; each thread reads and writes its
//! own, and no other thread can reach it, so it needs no lock.
//!
//! ## What the tutorial does
//!
//! Python's `threading.local()` creates an object on which every thread sees attributes of its
//! own. The tutorial's first example stores each thread's name in one:
//!
//! ```python
//! thread_local = threading.local()
//!
//! def thread_function(name):
//!     thread_local.name = name
//!     print(f"Thread {name}: {thread_local.name}")
//! ```
//!
//! its second counts to 10 in each thread with `thread_local.value += 1`, and its last wraps
//! `threading.local()` in a class, `ThreadLocalData`, with `set_data(key, value)` and
//! `get_data(key)`. The ideas are right: each thread keeps its own state, and code that only
//! touches its own state needs no lock. Some of what the tutorial says about them needs care in
//! Rust, and some is wrong anywhere:
//!
//! 1. **Rust's thread-locals are statics, not objects.** [`thread_local!`] declares a `static`:
//!    one per program, with one value per thread. There is no `threading.local()` to call as
//!    often as you like; a per-object thread-local store is something you build (the first
//!    exercise, and [`per_object`]).
//! 2. **You never hold a thread-local, you visit it.** [`LocalKey::with`](std::thread::LocalKey::with)
//!    lends the calling thread's value to a closure, and the reference cannot leave it: the value
//!    lives only as long as its thread. See [`local_key`].
//! 3. **"No synchronisation needed", but mutation still needs a cell.** `with` hands out a shared
//!    reference, so a value you change sits in a [`Cell`](std::cell::Cell) or a
//!    [`RefCell`](std::cell::RefCell). A `Mutex` would work too, but it guards against other
//!    threads that can never reach the value, so the single-threaded cells are the usual choice.
//!    A `RefCell` borrowed twice on one thread still panics. See [`cells`].
//! 4. **"Be mindful of garbage collection" is, in Rust, a destructor.** A thread-local value is
//!    dropped when its thread ends, which is the right moment to flush what it buffered; but not
//!    every thread ends, and `thread::scope` does not wait for those destructors. See
//!    [`destructors`].
//! 5. **Isolation is not automatic.** A thread that runs many jobs (a thread pool's worker, a
//!    server thread) carries its thread-locals from one job into the next; the tutorial's
//!    `thread_local.value = 0` at the start of each thread is a reset you must not forget. And a
//!    per-thread counter answers "how many in *this* thread", never "how many in all": combining
//!    the threads' results is sharing again. See [`pitfalls`].
//!
//! ## What Rust does instead
//!
//! The tutorial's counter, the Rust way: the thread-local holds a [`Cell`](std::cell::Cell), each
//! thread counts in its own, and the threads' totals come back through `join`, not through a
//! shared variable.
//!
//! ```
//! use std::cell::Cell;
//! use std::thread;
//!
//! thread_local! {
//!     // Every thread starts with its own 0.
//!     static VALUE: Cell<u32> = const { Cell::new(0) };
//! }
//!
//! fn thread_function() -> u32 {
//!     for _ in 0..10 {
//!         VALUE.set(VALUE.get() + 1);
//!     }
//!     VALUE.get()
//! }
//!
//! let threads: Vec<_> = (0..2).map(|_| thread::spawn(thread_function)).collect();
//! for thread in threads {
//!     // Each thread counted to 10 in its own VALUE: nobody else ever touched it.
//!     assert_eq!(thread.join().unwrap(), 10);
//! }
//! // The main thread has a VALUE too, and it is still 0.
//! assert_eq!(VALUE.get(), 0);
//! ```
//!
//! `cargo run -p tls --example local_counter` runs the tutorial's counter this way, and `cargo run -p
//! tls --example thread_names` and `cargo run -p tls --example thread_local_data` its other two
//! programs. The crate's README lists every example.
//!
//! ## The chapter
//!
//! - [`local_key`]: `thread_local!`, `LocalKey::with` and `try_with`, lazy and `const`
//!   initialisation, and why a thread-local's reference cannot escape.
//! - [`cells`]: `Cell` and `RefCell` inside a thread-local, their shortcuts on `LocalKey`, and
//!   the nested borrow that panics.
//! - [`destructors`]: what happens to a thread-local when its thread ends: flushing a per-thread
//!   buffer, the order of destructors, and the threads whose destructors never run.
//! - [`per_object`]: the tutorial's `ThreadLocalData`, a thread-local store per object, and how
//!   to tell threads and objects apart.
//! - [`pitfalls`]: thread pools that carry state from job to job, per-thread results that must
//!   be combined, per-thread caches that go stale, and when thread-local storage is the wrong
//!   tool.
//!
//! The exercises (`exercises/08_tls/`) follow the chapter's order: a thread-local "current
//! request" set for the length of a call (a `Cell`, restored by a guard), a reusable per-thread
//! scratch buffer lent for the length of a call (a `RefCell` borrow), a per-thread log buffer
//! flushed in batches and when its thread ends, the tutorial's `ThreadLocalData`, and per-thread
//! caches that any thread can invalidate.

pub mod cells;
pub mod destructors;
pub mod local_key;
pub mod per_object;
pub mod pitfalls;
