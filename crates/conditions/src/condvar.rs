//! # `Condvar` and its mutex
//!
//! A condition variable is not a condition. It holds no state at all: it is a place where
//! threads sleep until another thread tells them to look again. The *condition* (the buffer is
//! not empty, the flag is set, the count is 0) is ordinary data, and it lives in a
//! [`Mutex`](std::sync::Mutex). The two always go together:
//!
//! - the waiting thread locks the mutex, checks the condition, and if it does not hold yet,
//!   calls [`Condvar::wait`](std::sync::Condvar::wait) with its guard;
//! - `wait` **atomically** releases the mutex and puts the thread to sleep, and re-locks the
//!   mutex before returning, so the thread wakes up holding the guard again;
//! - the thread that changes the condition does so while holding the same mutex, then calls
//!   [`notify_one`](std::sync::Condvar::notify_one) or
//!   [`notify_all`](std::sync::Condvar::notify_all).
//!
//! "Atomically" is the whole point. Between "the condition does not hold" and "I am asleep"
//! the waiter never lets go of the mutex, so no other thread can change the condition (and
//! notify) in that gap. Without that, the notification could come just before the waiter fell
//! asleep and be lost, and the waiter would sleep forever (see [`notify`](crate::notify)).
//!
//! Rust's types enforce the pairing. `wait` takes the [`MutexGuard`](std::sync::MutexGuard) by
//! value and hands it back, so you cannot wait without holding the lock, and you cannot keep
//! using a guard across the wait as if nothing had happened:
//!
//! ```
//! use std::sync::{Condvar, Mutex};
//! use std::thread;
//!
//! let ready = Mutex::new(false);
//! let changed = Condvar::new();
//!
//! thread::scope(|s| {
//!     s.spawn(|| {
//!         *ready.lock().unwrap() = true; // change the condition under the lock...
//!         changed.notify_one(); // ...then tell the waiter to look again
//!     });
//!
//!     let mut guard = ready.lock().unwrap();
//!     while !*guard {
//!         // Releases the lock while asleep; holds it again when it returns.
//!         guard = changed.wait(guard).unwrap();
//!     }
//!     assert!(*guard);
//! });
//! ```
//!
//! Python's `threading.Condition` bundles its lock inside (`with condition:` locks it). Rust
//! keeps them apart, so that one mutex can have several condition variables: a bounded buffer
//! has one mutex for its items and two condvars, `not_empty` for consumers and `not_full` for
//! producers, and each notification wakes only the kind of thread that can use it. The reverse
//! is not allowed: use a condvar with one mutex only. std's documentation says `wait` may panic
//! if a condvar is used with more than one mutex over time; `parking_lot`'s panics when a thread
//! waits with a second mutex while another thread is still waiting with the first (see
//! [`parking_lot_condvar`](crate::parking_lot_condvar)).
//!
//! ## `wait_while`: the loop, written for you
//!
//! The `while` loop above is not optional (the next page, [`wakeups`](crate::wakeups), says
//! why), so std writes it for you:
//! [`Condvar::wait_while`](std::sync::Condvar::wait_while) takes the guard and a closure that
//! says "keep waiting while this is true", and returns once it is false:
//!
//! ```
//! use std::sync::{Condvar, Mutex};
//! use std::thread;
//!
//! let jobs_left = Mutex::new(3);
//! let job_done = Condvar::new();
//!
//! thread::scope(|s| {
//!     for _ in 0..3 {
//!         s.spawn(|| {
//!             *jobs_left.lock().unwrap() -= 1;
//!             job_done.notify_all();
//!         });
//!     }
//!     let guard = job_done
//!         .wait_while(jobs_left.lock().unwrap(), |left| *left > 0)
//!         .unwrap();
//!     assert_eq!(*guard, 0);
//! });
//! ```
//!
//! The closure gets `&mut T`, so it can only look at the state behind the lock: there is no way
//! to base the decision on something the lock does not protect.
//!
//! ## Poisoning
//!
//! Like `lock`, `wait` returns a `Result`: if a thread panicked while holding the mutex, the
//! mutex is *poisoned* and `wait` returns `Err` (still carrying the guard). `.unwrap()` passes
//! the panic on, which is right when a half-finished update could have left the data broken.
//! When every update is a single step that cannot be left half-done, you can carry on with
//! `.unwrap_or_else(|poisoned| poisoned.into_inner())`.
