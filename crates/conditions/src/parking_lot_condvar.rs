//! # `parking_lot`'s `Condvar`
//!
//! The [`parking_lot`] crate has its own [`Condvar`](parking_lot::Condvar), to go with its own
//! [`Mutex`](parking_lot::Mutex). The ideas are the same; the API is a little different:
//!
//! - **No poisoning.** `lock()` returns the guard directly, and so nothing returns a `Result`.
//! - **`wait` borrows the guard** (`&mut MutexGuard`) instead of taking and returning it:
//!   `condvar.wait(&mut guard)` and the guard is locked again afterwards.
//! - **`wait_while(&mut guard, condition)`** exists too, and so do `wait_for(&mut guard,
//!   timeout)` and `wait_until(&mut guard, instant)` (with a deadline), and
//!   `wait_while_for`/`wait_while_until` that combine both. They return a `WaitTimeoutResult`.
//! - **`notify_one` returns whether it woke a thread, `notify_all` how many.** Handy in tests and
//!   logging; never a reason to skip the `while` loop.
//! - **One condvar, one mutex at a time.** A thread that waits on a condvar with one mutex while
//!   another thread is waiting on it with a different mutex makes `parking_lot` panic. Moving a
//!   condvar to another mutex while nobody waits on it is allowed (and rarely a good idea).
//! - **No spurious wake-ups**: `parking_lot` guarantees that a wait only returns early when it
//!   was notified. A *stolen* wake-up can still happen (another thread may get the lock first
//!   and change the state), so keep the loop.
//!
//! The producer/consumer with `parking_lot`:
//!
//! ```
//! use parking_lot::{Condvar, Mutex};
//! use std::collections::VecDeque;
//! use std::thread;
//!
//! let items: Mutex<VecDeque<u32>> = Mutex::new(VecDeque::new());
//! let not_empty = Condvar::new();
//! thread::scope(|s| {
//!     let consumer = s.spawn(|| {
//!         let mut items = items.lock();
//!         not_empty.wait_while(&mut items, |items| items.is_empty());
//!         items.pop_front()
//!     });
//!     items.lock().push_back(42);
//!     not_empty.notify_one();
//!     assert_eq!(consumer.join().unwrap(), Some(42));
//! });
//! ```
//!
//! Which one to use? In a new program, std's: it is always there, and since Rust 1.62 its
//! `Mutex` and `Condvar` are built on the operating system's futexes on Linux, small and fast. Reach for
//! `parking_lot` when its extras help (no poisoning, timeouts on `lock`, fair unlocking,
//! `const` constructors on older compilers). The exercises accept either: nothing in the tests
//! depends on which you pick.
//!
//! `cargo run -p conditions --example parking_lot_condvar` runs the tutorial's
//! producer/consumer with `parking_lot`.
