//! # A thread-local store per object: the tutorial's `ThreadLocalData`
//!
//! The tutorial's last example wraps Python's `threading.local()` in a class:
//!
//! ```python
//! class ThreadLocalData:
//!     def __init__(self):
//!         self.local = threading.local()
//!
//!     def set_data(self, key, value):
//!         setattr(self.local, key, value)
//!
//!     def get_data(self, key):
//!         return getattr(self.local, key, None)
//! ```
//!
//! and two threads each `set_data('data', …)` on one shared `data_store` and read back their own
//! value. In Python every `threading.local()` is a new object with per-thread attributes, so
//! every `ThreadLocalData` has thread-local values of its own.
//!
//! ## Rust's thread-locals are per program
//!
//! [`thread_local!`] declares a `static`. When a program needs one such store, that is all it
//! needs, and the tutorial's program is exactly that case: one `data_store`. The Rust way to
//! write it is a thread-local map, with no class around it:
//!
//! ```
//! use std::cell::RefCell;
//! use std::collections::HashMap;
//! use std::thread;
//!
//! thread_local! {
//!     static DATA: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
//! }
//!
//! fn thread_function(key: &str, value: &str) -> Option<String> {
//!     DATA.with_borrow_mut(|data| data.insert(key.to_owned(), value.to_owned()));
//!     DATA.with_borrow(|data| data.get(key).cloned())
//! }
//!
//! let one = thread::spawn(|| thread_function("data", "value1"));
//! let two = thread::spawn(|| thread_function("data", "value2"));
//! assert_eq!(one.join().unwrap().as_deref(), Some("value1"));
//! assert_eq!(two.join().unwrap().as_deref(), Some("value2"));
//! ```
//!
//! (`cargo run -p tls --example thread_local_data` runs the tutorial's program this way.)
//!
//! But a `static` cannot be created per object. A library type that needs per-thread state for
//! *each instance* (a per-connection-pool cache, a per-allocator free list, a per-logger buffer)
//! has to build the "per object" part itself. That is the fourth exercise. There are two roads.
//!
//! ## Road 1: one map for all threads, keyed by thread
//!
//! The store owns a map from *who is asking* to that thread's values, behind a lock:
//! `Mutex<HashMap<ThreadId, HashMap<String, V>>>`, where
//! [`thread::current().id()`](std::thread::ThreadId) says who is asking. It is simple, and each
//! store's values are dropped with the store. The costs: every `get` and `set` takes a lock that
//! all threads share (the very contention thread-local storage was meant to avoid), and the
//! values of threads that have ended stay until the store is dropped, since nothing tells the
//! store that a thread has gone. And the values are dropped by whichever thread drops the store,
//! so they must be `Send`.
//!
//! ## Road 2: one map per thread, keyed by store
//!
//! Turn it around: a `thread_local!` map in each thread, from *which store is asking* to that
//! store's values. Each thread touches only its own map, so there is no lock at all, and a
//! thread's values are dropped when the thread ends. The map has to hold values of every store,
//! whatever their type, so it holds `Box<dyn Any>` and `get` downcasts back to `V` (which is why
//! `V: 'static`). The cost moves the other way: when a store is dropped, it can clear its values
//! from the dropping thread's map, but not from other threads' maps (no thread can reach into
//! another's thread-locals), so those stay until their threads end.
//!
//! ## Telling threads apart, and stores apart
//!
//! Both roads stand or fall with an identity, and the tempting identities are wrong:
//!
//! - **A thread's name.** Threads are unnamed unless you name them, and names need not be
//!   unique: two unnamed threads would share their values.
//! - **An address**, of a store or of some thread-local variable. Addresses are reused: a store
//!   created right after another was dropped often lands at the same address, and a new thread
//!   often gets the stack and thread-local block of one that just ended, so it would find the
//!   old one's values. An OS thread id is reused the same way.
//! - **A counter read and then incremented in two steps.** Two stores created at once on two
//!   threads can read the same number.
//!
//! What works: [`ThreadId`](std::thread::ThreadId), which std never reuses within a process; and,
//! for stores, a number taken from a static [`AtomicU64`](std::sync::atomic::AtomicU64) with
//! `fetch_add`, which reads and increments in one indivisible step:
//!
//! ```
//! use std::sync::atomic::{AtomicU64, Ordering};
//!
//! static NEXT_ID: AtomicU64 = AtomicU64::new(0);
//!
//! fn new_id() -> u64 {
//!     // 2^64 ids: a program creating a billion stores a second runs out after 584 years.
//!     NEXT_ID.fetch_add(1, Ordering::Relaxed)
//! }
//!
//! let ids: Vec<u64> = std::thread::scope(|s| {
//!     let handles: Vec<_> = (0..4).map(|_| s.spawn(new_id)).collect();
//!     handles.into_iter().map(|h| h.join().unwrap()).collect()
//! });
//! let mut sorted = ids.clone();
//! sorted.sort();
//! sorted.dedup();
//! assert_eq!(sorted.len(), 4); // four different ids
//! ```
//!
//! ## `Send` and `Sync`
//!
//! Threads share the store, so it must be `Sync`, and `Send` to go into an `Arc` or move to
//! another thread. With road 1 the compiler works it out: `Mutex<T>` is `Sync` when `T: Send`.
//! With road 2 the store holds no values, only its number, and a
//! [`PhantomData<fn() -> V>`](std::marker::PhantomData) marks it as handing out `V`s without
//! owning one, which keeps it `Send + Sync` whatever `V` is. (An `RwLock` in road 1 would demand
//! more: an `RwLock<T>` is `Sync` only when `T` is `Send + Sync`, since many readers share `&T`
//! at once, so a store of `Cell`s could not be shared.)
//!
//! ## In real programs
//!
//! The [`thread_local`](https://docs.rs/thread_local) crate's `ThreadLocal<T>` is a per-object
//! thread-local done for speed: a lock-free table indexed by a small per-thread number. It makes
//! a different choice from the exercise: those numbers are *reused* once their thread has ended,
//! values stay until the `ThreadLocal` itself is dropped, and so a new thread may be handed the
//! value an ended thread left behind. The crate says so, and for what it is meant for (per-thread
//! caches and accumulators that are summed up at the end) that is a feature: nothing is lost and
//! nothing grows. When a new thread must start empty, as in the tutorial's store, you need an
//! identity that is never reused. The exercises use only the standard library, `parking_lot` and
//! `crossbeam-channel`.
