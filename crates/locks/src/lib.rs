//! # Locks
//!
//! Threads that share data need a way to take turns with it. The tutorial's tool is
//! `threading.Lock`; Rust's is [`std::sync::Mutex`], and the difference between the two is the
//! heart of this lesson: in Python the lock and the data it protects are two separate things
//! that you promise to use together; in Rust the data lives *inside* the lock, and the compiler
//! will not let you reach it without locking.
//!
//! ## `with lock:` becomes a guard
//!
//! The tutorial's critical section:
//!
//! ```python
//! lock = threading.Lock()
//!
//! def thread_function():
//!     with lock:
//!         # Only one thread can enter this section at a time
//!         print("Thread is working")
//! ```
//!
//! In Rust, `lock()` returns a *guard*. The guard is the only way to the data, and the lock is
//! released when the guard is dropped, at the end of its scope, whatever way the scope ends
//! (return, `?`, panic). It is `with lock:` with the forgetting made impossible:
//!
//! ```
//! use std::sync::Mutex;
//!
//! let lock = Mutex::new(());
//! {
//!     let _guard = lock.lock().unwrap();
//!     // Only one thread can be here at a time.
//!     println!("Thread is working");
//! } // `_guard` is dropped here, and the lock released.
//! ```
//!
//! `cargo run -p locks --example critical_section` runs it on several threads.
//!
//! ## The thread-safe counter
//!
//! The tutorial's counter is a global `counter` and a global `lock`, and every `+= 1` happens
//! `with lock:`. Forget the `with` once and the program still runs, only wrong: two threads read
//! 41, both write 42, and an increment is lost. In Rust, the unprotected version does not
//! compile: a `static mut` needs `unsafe`, and a `&mut u64` cannot be given to two threads. The
//! protected version puts the number in the mutex and shares the mutex with [`std::sync::Arc`]
//! (a reference count that is safe to share between threads) or with scoped threads:
//!
//! ```
//! use std::sync::Mutex;
//! use std::thread;
//!
//! let counter = Mutex::new(0);
//! thread::scope(|s| {
//!     for _ in 0..10 {
//!         s.spawn(|| {
//!             for _ in 0..1000 {
//!                 *counter.lock().unwrap() += 1; // read, add, write: all under the lock
//!             }
//!         });
//!     }
//! });
//! assert_eq!(counter.into_inner().unwrap(), 10_000);
//! ```
//!
//! For a bare number, an atomic does the same without a lock: `AtomicU64::fetch_add` reads,
//! adds and writes in one indivisible step. What is never right is a read and a write in two
//! steps, whether that is `load` then `store`, or two separate `lock()` calls: another thread can
//! run in between. Exercise `locks/counter` asks for exactly this.
//!
//! ## Poisoning
//!
//! If a thread panics while holding a std `Mutex`, the mutex is *poisoned*: later `lock()` calls
//! return `Err(PoisonError)`, because the data may have been left half-updated. That is why
//! std's `lock()` returns a `Result`. When the data cannot be left inconsistent (a single number
//! written in one step), `lock().unwrap_or_else(|poisoned| poisoned.into_inner())` carries on;
//! otherwise, let the error propagate. Python has no such notion: an exception inside `with
//! lock:` releases the lock and leaves whatever state the exception interrupted.
//! `cargo run -p locks --example poisoning` shows it.
//!
//! ## Many readers, one writer: `RwLock`
//!
//! A [`std::sync::RwLock`] hands out any number of read guards at once, or one write guard.
//! Data that is read far more than it is written (a cache, a configuration) no longer makes its
//! readers queue. The price: a writer waits for every reader to leave. Exercise `locks/cache`
//! builds a cache whose readers really do overlap. (`--example rwlock`.)
//!
//! ## Deadlock: two locks, two orders
//!
//! A transfer between two accounts locks both. If one thread locks A then B while another locks
//! B then A, each can hold one lock and wait forever for the other. The compiler cannot see this
//! coming. The cure is a discipline: take locks in one global order (by account id, say),
//! whichever direction the transfer goes. `cargo run -p locks --example deadlock` provokes the
//! deadlock, detects it with a timeout instead of hanging, and then shows the ordered version.
//! Exercise `locks/transfer` asks for it.
//!
//! ## std or parking_lot?
//!
//! [`parking_lot`](https://docs.rs/parking_lot) provides `Mutex`, `RwLock` and `Condvar` with the
//! same shape: smaller, often faster under contention, `lock()` returns the guard directly (no
//! poisoning), and extras such as `try_lock_for(timeout)` and fair unlocking. std's are the
//! default choice and perfectly good; parking_lot is worth it when you need its extras.
//! (`--example parking_lot`.)
//!
//! ## What a lock is made of
//!
//! Underneath, a lock is a flag flipped with an atomic compare-and-swap, plus memory ordering
//! (`Acquire` when taking, `Release` when freeing) so that writes made under the lock are seen by
//! the next holder. Exercise `locks/spinlock` builds one, and shows why `SpinLock<T>` may be
//! shared between threads only when `T: Send`: that one `unsafe impl` line is the whole of Rust's
//! promise that data races cannot happen.
//!
//! ## The compiler as a reviewer
//!
//! Two mistakes that Python accepts and Rust refuses (both are checked in `tests/ui/` of this
//! crate, with the compiler's exact words):
//!
//! ```compile_fail
//! // Sharing a `Cell` between threads: it is not `Sync`.
//! let count = std::cell::Cell::new(0);
//! std::thread::scope(|s| {
//!     s.spawn(|| count.set(count.get() + 1));
//! });
//! ```
//!
//! ```compile_fail
//! // Keeping a guard after its mutex is gone.
//! let guard;
//! {
//!     let lock = std::sync::Mutex::new(1);
//!     guard = lock.lock().unwrap();
//! }
//! println!("{}", *guard);
//! ```

/// How long the examples let a thread wait for a lock before calling it a deadlock.
pub const DEADLOCK_PATIENCE: std::time::Duration = std::time::Duration::from_millis(500);
