//! # `notify_one` or `notify_all`, and how a wake-up gets lost
//!
//! [`notify_one`](std::sync::Condvar::notify_one) wakes one waiting thread (if any);
//! [`notify_all`](std::sync::Condvar::notify_all) wakes all of them. Neither remembers anything:
//! a notification sent while nobody waits is gone.
//!
//! ## Which one?
//!
//! `notify_one` is enough when **both** of these hold:
//!
//! - every thread waiting on this condvar waits for the same thing, so any of them can use the
//!   change; and
//! - the change can be used by one thread only: one new item feeds one consumer, one free slot
//!   takes one producer.
//!
//! Otherwise use `notify_all`:
//!
//! - **A change that lets every waiter go.** An event being set, a latch reaching 0, the last
//!   party arriving at a barrier, a queue being closed: each waiter must see it. With
//!   `notify_one`, one thread wakes and the others sleep forever. This is the classic bug in a
//!   `close()`, and the bounded buffer exercise tests for it.
//! - **Different kinds of waiters on one condvar.** The tutorial's producers and consumers share
//!   one condition. A consumer that takes an item means to wake a producer, but `notify_one` may
//!   pick another consumer, which finds the buffer still empty and goes back to sleep; the
//!   producer is never woken, and with everyone asleep the program hangs. Either wake everyone
//!   (and let each re-check), or, better, give each kind of waiter its own condvar (`not_empty`
//!   and `not_full`) so that `notify_one` always reaches a thread that can use it.
//!
//! `notify_all` is never wrong when every waiter re-checks its condition in a loop (see
//! [`wakeups`](crate::wakeups)); it only costs wake-ups that lead nowhere. When unsure, wake
//! everyone.
//!
//! ## Lost wake-ups
//!
//! A wake-up is lost when the notification comes after the waiter checked the condition but
//! before it went to sleep. Nobody is waiting yet, so the notification wakes nobody; then the
//! waiter goes to sleep, waiting for a change that has already happened. If no other
//! notification ever comes, it sleeps forever.
//!
//! `Condvar::wait` closes that gap, but only if both sides play by the rules:
//!
//! 1. **The waiter checks the condition while holding the mutex**, and keeps holding it until
//!    `wait` releases it. A check done before taking the lock (say, on an `AtomicBool`, as a
//!    "fast path") and not repeated under the lock can be out of date by the time the thread
//!    sleeps.
//! 2. **The notifier changes the state while holding the same mutex.** If `set` stores `true` in
//!    an `AtomicBool` without taking the lock, the store and the notification can both slip in
//!    between a waiter's check (under the lock) and its falling asleep. The mutex protects
//!    nothing if one side does not take it. This holds even when the state is an atomic that
//!    needs no lock for its own sake.
//! 3. **The notifier notifies after the change, not before.** `notify_all()` followed by
//!    `*flag.lock() = true` lets a waiter wake, see `false`, and go back to sleep just before
//!    the flag changes, with no notification left to come.
//!
//! Whether to notify *while still holding* the lock or just after releasing it is a matter of
//! taste in Rust: both are correct once the change itself was made under the lock. Notifying
//! after `drop(guard)` saves the woken thread from waking straight into a locked mutex:
//!
//! ```
//! use std::sync::{Condvar, Mutex};
//! use std::thread;
//!
//! let state = Mutex::new(false);
//! let changed = Condvar::new();
//! thread::scope(|s| {
//!     s.spawn(|| {
//!         let mut set = state.lock().unwrap();
//!         *set = true; // 1. change the state under the lock
//!         drop(set); // 2. release the lock
//!         changed.notify_all(); // 3. wake everyone
//!     });
//!     let set = changed.wait_while(state.lock().unwrap(), |set| !*set).unwrap();
//!     assert!(*set);
//! });
//! ```
//!
//! Lost wake-ups are timing bugs: the window is a few instructions wide, and a program can run
//! for weeks before a notification lands in it. The event and latch exercises hammer that window
//! thousands of times, but only following the three rules makes the bug impossible.
//!
//! `cargo run -p conditions --example notify_one_vs_all` shows a `close()` that uses
//! `notify_one` leaving threads asleep, and the same with `notify_all`.
