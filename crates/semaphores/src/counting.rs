//! # Counting semaphores, and how to build one
//!
//! A semaphore is one number, the count of free permits, and two operations:
//!
//! - **acquire** (Dijkstra's *P*, Python's `acquire()`): wait while the count is 0, then take
//!   one off;
//! - **release** (*V*, `release()`): add one back, and wake a thread waiting in acquire.
//!
//! A semaphore of 1 behaves like a lock, with one difference that matters: nothing ties the
//! release to the thread that acquired. That is useful (one thread can acquire, another release:
//! a hand-off), and dangerous (anyone can release, see [`permits`](crate::permits)).
//!
//! ## From a `Mutex` and a `Condvar`
//!
//! "Wait while the count is 0" is a condition, so a semaphore is a condition variable's
//! textbook case (see the `conditions` lesson): the count lives in a `Mutex`, acquirers sleep on
//! a `Condvar`, and every wake-up re-checks the count. Here it is in Python's shape, with
//! `acquire` and `release` methods:
//!
//! ```
//! use std::sync::{Condvar, Mutex};
//!
//! struct PythonStyleSemaphore {
//!     free: Mutex<usize>,
//!     released: Condvar,
//! }
//!
//! impl PythonStyleSemaphore {
//!     fn acquire(&self) {
//!         let free = self.free.lock().unwrap();
//!         // `while`, not `if`: another thread may take the permit between the
//!         // notification and this thread getting the lock back.
//!         let mut free = self.released.wait_while(free, |free| *free == 0).unwrap();
//!         *free -= 1;
//!     }
//!
//!     fn release(&self) {
//!         *self.free.lock().unwrap() += 1;
//!         self.released.notify_one();
//!     }
//! }
//!
//! let semaphore = PythonStyleSemaphore { free: Mutex::new(2), released: Condvar::new() };
//! semaphore.acquire();
//! semaphore.acquire();
//! semaphore.release();
//! semaphore.release();
//! semaphore.release(); // oops: nothing stops this, and now there are 3 permits
//! assert_eq!(*semaphore.free.lock().unwrap(), 3);
//! ```
//!
//! It works, and its last lines show its flaw: release is a method anyone can call, any number
//! of times. The first exercise builds the same semaphore with the release done by dropping a
//! `Permit`, which fixes that (see [`permits`](crate::permits)).
//!
//! ## Why `notify_one` is right here, and where it goes wrong
//!
//! One released permit can let exactly one waiter in, and every waiter waits for the same thing
//! (a permit), so waking one is enough, and cheaper than waking all (see the `conditions`
//! lesson's chapter on `notify`). Two mistakes are common:
//!
//! - **Notifying only when the count goes from 0 to 1.** It sounds clever ("if permits were
//!   free, nobody can be waiting") and it is wrong: release two permits in a row and the first
//!   notification wakes one waiter, which has not yet taken its permit when the second release
//!   sees a count of 1 and wakes nobody. One waiter sleeps with a permit free. Notify on every
//!   release.
//! - **Notifying without changing the count under the lock.** If the count is an atomic that
//!   release bumps without taking the mutex, the bump can land between a waiter's check and its
//!   falling asleep: a lost wake-up. Whatever the waiter checks under the lock must be changed
//!   under the same lock.
//!
//! ## `try_acquire` and `available`
//!
//! Two small additions make a semaphore useful: `try_acquire`, which takes a permit only if one
//! is free *right now* and never waits (for "skip this if we are busy"), and a way to read the
//! count. The count is only a snapshot: by the time you act on `available() > 0`, another thread
//! may have taken the permit, so never write `if available() > 0 { acquire() }` and expect it
//! not to wait. `try_acquire` does the check and the take in one step, under the lock.
//!
//! Checking and taking in one step is the whole point. A semaphore that checks the count under
//! the lock, lets go of it, and then takes the permit (or that reads an atomic and then stores
//! one less) lets two threads see the same last permit and both take it.
