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
//! readers queue. The price: a writer waits until every reader has left. `cargo run -p locks
//! --example rwlock` shows four readers inside at once, and a writer that asks while they are
//! there and waits for the last one to leave.
//!
//! Which goes first when readers and a writer are both waiting is *not* something std promises:
//! its documentation leaves the policy to the operating system. On Linux, std's `RwLock` makes a
//! new reader wait behind a waiting writer, so that a steady stream of readers cannot starve the
//! writers; elsewhere readers may get in first. One consequence is a deadlock with a single lock:
//! a thread that holds a read guard and asks for a second one (in a helper it calls, or in a
//! callback) queues behind the waiting writer, and the writer waits for the first read guard to
//! go. std's documentation goes further: a `read` or `write` on a lock that the thread already
//! holds, in either mode, might panic. So take a read lock once, at the outermost level, and
//! pass the data down. Exercise `locks/cache` builds a cache whose readers really do overlap;
//! its `read` runs the caller's closure under the read guard, so that closure must leave the
//! cache alone.
//!
//! ## One thread, one guard: std's locks are not re-entrant
//!
//! A thread that calls `lock()` on a `Mutex` it already holds does not get a second guard. std
//! leaves what happens unspecified, and promises only that the call does not return: it may
//! deadlock, it may panic. An `RwLock` is no different, for reads as for writes (see above).
//! Python's `threading.Lock` behaves the same (a second `acquire` on one thread waits forever);
//! Python's `RLock`, which counts re-entries, has no std counterpart. In Rust the usual shape is to
//! lock once, in the outermost function, and hand the helpers the data (`&mut T`, through the
//! guard) rather than the lock. `try_lock` shows the state without waiting:
//!
//! ```
//! use std::sync::{Mutex, TryLockError};
//!
//! let balance = Mutex::new(100);
//! let guard = balance.lock().unwrap();
//! // `balance.lock()` here would never return. `try_lock` says why instead of waiting:
//! assert!(matches!(balance.try_lock(), Err(TryLockError::WouldBlock)));
//! drop(guard);
//! assert!(balance.try_lock().is_ok());
//! ```
//!
//! (parking_lot has `ReentrantMutex`, which counts re-entries and so hands out only `&T`, and
//! `RwLock::read_recursive`, a read that does not queue behind waiting writers.)
//!
//! ## Deadlock: two locks, two orders
//!
//! A transfer between two accounts locks both. If one thread locks A then B while another locks
//! B then A, each can hold one lock and wait forever for the other. The compiler cannot see this
//! coming. The cure is a discipline: take locks in one global order (by account id, say, or,
//! for values that have no id, by address: two live values never share one, and a borrowed
//! value cannot move), whichever direction the transfer goes. `cargo run -p locks --example deadlock` provokes the
//! deadlock, detects it with a timeout instead of hanging, and then shows the ordered version.
//! Exercise `locks/transfer` asks for it.
//!
//! ## std or parking_lot?
//!
//! [`parking_lot`](https://docs.rs/parking_lot) provides `Mutex`, `RwLock` and `Condvar` with the
//! same shape: `lock()` returns the guard directly (no poisoning), and there are extras such as
//! `try_lock_for(timeout)`, fair unlocking (`unlock_fair`, and an "eventually fair" mutex),
//! upgradable read locks, `read_recursive` and `ReentrantMutex`. It was long the faster choice
//! as well, when std's locks were wrappers around the operating system's (`pthread_mutex_t`, in
//! a box). Since Rust 1.62, std's `Mutex`, `RwLock` and `Condvar` on Linux are built directly on
//! futexes, a few bytes each and fast, so which one is faster depends on the workload: measure
//! before switching for speed. std's are the default choice; parking_lot is worth it when you
//! need its extras. (`--example parking_lot`.)
//!
//! ## No lock at all: data nobody changes
//!
//! The tutorial's advice to "use immutable data structures (e.g., tuples)" has a sharper form in
//! Rust: data behind a shared reference cannot be changed (unless its type says otherwise, as
//! `Cell`, `Mutex` and the atomics do), so data that is built once and then only read can be
//! shared by every thread with no lock at all, through a `&'static`, a scoped borrow or an
//! [`Arc`](std::sync::Arc). See [`immutable`], and `cargo run -p locks --example immutable`.
//!
//! ## What a lock is made of
//!
//! Underneath, a lock is a flag flipped with an atomic compare-and-swap, plus memory ordering
//! (`Acquire` when taking, `Release` when freeing) so that writes made under the lock are seen by
//! the next holder. Exercise `locks/spinlock` builds one, on an `UnsafeCell` (the one way to
//! change data behind a shared reference). The next chapter, atomics (`cargo doc -p atomics
//! --open`), explains each of those tools: `compare_exchange` in its `operations` module,
//! `UnsafeCell` and data races in `happens_before`, and why a lock needs exactly `Acquire` and
//! `Release` in `release_acquire`. Read those three before the exercise, or come back to it
//! after that chapter.
//!
//! The compiler cannot check that a lock is used safely from many threads; the lock's author
//! promises it, with `unsafe impl`s, and the spin lock needs two:
//!
//! - `SpinLock<T>` is `Sync` when `T: Send`: it hands the `T` to one thread at a time, which is
//!   like sending it from thread to thread.
//! - `SpinLockGuard<T>` is `Sync` only when `T: Sync`: threads that share one guard all reach the
//!   `T` through it at the same time. Left to itself, the compiler would make the guard `Sync`
//!   whenever `T: Send`, because its only field is a `&SpinLock<T>`, and two threads sharing a
//!   guard of a `Cell` could then both call `set`: a data race in code without any `unsafe`.
//!
//! Rust's promise that safe code has no data races holds only as long as every such line, in
//! every library, is right. std's `MutexGuard` states the same bound as the spin lock's guard,
//! which is why this is refused:
//!
//! ```compile_fail,E0277
//! use std::cell::Cell;
//! use std::sync::Mutex;
//!
//! let lock = Mutex::new(Cell::new(0)); // fine: a `Cell` may be sent between threads
//! let guard = lock.lock().unwrap();
//! std::thread::scope(|s| {
//!     // error[E0277]: `Cell<i32>` cannot be shared between threads safely
//!     s.spawn(|| guard.set(1));
//!     guard.set(2);
//! });
//! ```
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

pub mod immutable;

/// How long the examples let a thread wait for a lock before calling it a deadlock.
pub const DEADLOCK_PATIENCE: std::time::Duration = std::time::Duration::from_millis(500);
