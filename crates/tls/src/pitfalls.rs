//! # Pitfalls, and when thread-local storage is the wrong tool
//!
//! The tutorial lists isolation, simpler code and efficiency as the advantages of thread-local
//! storage, and memory use, global data and garbage collection as its limits. All true; here is
//! what they mean in practice.
//!
//! ## A thread is not a task
//!
//! Thread-local storage is per *thread*. When a thread does one job and ends, that is the same as
//! per job. When a thread runs many jobs, one after another, its thread-locals carry over from
//! each job to the next: a thread pool's workers, a server's request threads, a test harness
//! that reuses threads. The tutorial's counter starts each thread with `thread_local.value = 0`,
//! and in a pool that reset is what stands between one job and the last job's leftovers:
//!
//! ```
//! use std::cell::Cell;
//! use std::sync::mpsc;
//! use std::thread;
//!
//! thread_local! {
//!     static ITEMS_SEEN: Cell<u32> = const { Cell::new(0) };
//! }
//!
//! fn job(items: u32) -> u32 {
//!     // Forgot: ITEMS_SEEN.set(0);
//!     for _ in 0..items {
//!         ITEMS_SEEN.set(ITEMS_SEEN.get() + 1);
//!     }
//!     ITEMS_SEEN.get()
//! }
//!
//! // One worker thread runs every job: a pool of one.
//! let (jobs, queue) = mpsc::channel::<u32>();
//! let worker = thread::spawn(move || queue.iter().map(job).collect::<Vec<_>>());
//! jobs.send(3).unwrap();
//! jobs.send(2).unwrap();
//! drop(jobs);
//! // The second job "saw" 5 items: the first job's 3 were still there.
//! assert_eq!(worker.join().unwrap(), [3, 5]);
//! ```
//!
//! The cure is to scope the value to the job, not to the thread: set it when the job starts and
//! restore it when the job ends, with a guard so that a panicking job restores it too (see
//! [`cells`](crate::cells) and the request-id exercise). `cargo run -p tls --example pool_leak`
//! shows the leak and the cure.
//!
//! The same goes, more strongly, for async code: a task can move from one thread to another at
//! every `.await`, so a thread-local set before an `.await` may belong to another task after it.
//! Async runtimes offer task-local storage for that.
//!
//! ## Per-thread results still have to be combined
//!
//! A per-thread counter answers "how many did *this* thread see?". The tutorial's counter prints
//! each thread's 10 and stops there; a program that wants the total has to bring the threads'
//! counts together, and that is sharing again, done once instead of on every increment:
//!
//! - return the count from the thread's closure and add up the `join()` results (as the
//!   example on [the chapter's first page](crate) does), or
//! - add it to a shared atomic or `Mutex` when the thread is done (or from the thread-local's
//!   `Drop`, see [`destructors`](crate::destructors)).
//!
//! Counting in a thread-local and combining once is a real speed-up over a shared atomic that
//! every thread hammers: each thread's increments stay in its own core's cache.
//!
//! ## Per-thread caches go stale, and only their own thread can clear them
//!
//! A per-thread cache (a parsed configuration, a compiled template) is read without any lock.
//! When the data behind it changes, every thread's copy is out of date, and here the tutorial's
//! "thread-local storage does not manage global state" bites: no thread can reach into another
//! thread's thread-locals to clear them. The usual answer is a *generation* number shared by all
//! threads: invalidating bumps it (one atomic increment), each cached value remembers the
//! generation it was computed in, and a thread that finds its value out of date computes it
//! again (one atomic load per read):
//!
//! ```
//! use std::cell::RefCell;
//! use std::sync::atomic::{AtomicU64, Ordering};
//!
//! static GENERATION: AtomicU64 = AtomicU64::new(0);
//!
//! thread_local! {
//!     static CONFIG: RefCell<Option<(u64, String)>> = const { RefCell::new(None) };
//! }
//!
//! fn config() -> String {
//!     // Read the generation *before* loading: a change that lands while we load makes what
//!     // we loaded stale, and the next call loads again.
//!     let generation = GENERATION.load(Ordering::Acquire);
//!     if let Some((loaded_in, text)) = CONFIG.with_borrow(|c| c.clone()) {
//!         if loaded_in == generation {
//!             return text;
//!         }
//!     }
//!     let text = format!("config of generation {generation}"); // the costly part
//!     CONFIG.set(Some((generation, text.clone())));
//!     text
//! }
//!
//! assert_eq!(config(), "config of generation 0");
//! GENERATION.fetch_add(1, Ordering::Release); // "the file changed": every thread reloads
//! assert_eq!(config(), "config of generation 1");
//! ```
//!
//! The thread-cache exercise builds this for many keys.
//!
//! ## Memory
//!
//! Every thread that touches a thread-local gets its own value, and it lives as long as the
//! thread. A 1 MiB thread-local buffer in a server with 500 threads is 500 MiB. Keep per-thread
//! values small, or let them shrink (`Vec::shrink_to`) when they grew for one unusual job.
//!
//! ## Thread-local state hides inputs
//!
//! A function that reads a thread-local has an input its signature does not show: it behaves
//! differently on different threads, and a test that calls it on a new thread sees none of the
//! state the caller set. Passing the value as an argument is often the better design;
//! thread-local storage is for what really belongs to the thread (a scratch buffer, a random
//! number generator, a per-thread cache) or for context that would otherwise have to be threaded
//! through every call (the request id of a log line).
//!
//! ## "Avoid global state"
//!
//! The tutorial's closing advice is to minimise globals and pass data through queues, or keep it
//! per thread. In Rust the compiler enforces most of it for you: a `static` must be `Sync`, so a
//! plain mutable global does not compile, and you choose between a lock, an atomic, a channel
//! and a thread-local, each of which says exactly who may touch the data.
