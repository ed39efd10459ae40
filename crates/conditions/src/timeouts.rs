//! # Waiting with a deadline
//!
//! Every wait in the tutorial is unbounded: if the thread that would have notified dies, or a
//! bug loses the wake-up, the waiter sleeps forever. Often you would rather give up after a
//! while and report it. [`Condvar::wait_timeout`](std::sync::Condvar::wait_timeout) sleeps for
//! at most a given [`Duration`](std::time::Duration) and returns the guard together with a
//! [`WaitTimeoutResult`](std::sync::WaitTimeoutResult) saying whether the time ran out.
//!
//! Two mistakes are easy to make with it, both because the wake-up is not the condition (see
//! [`wakeups`](crate::wakeups)):
//!
//! - **Trusting `timed_out()`.** It says why `wait_timeout` returned, not what the state is. The
//!   condition can have become true just as the time ran out, and a wake-up that did not time
//!   out can still be spurious. Decide by looking at the state.
//! - **Restarting the clock.** In a loop, calling `wait_timeout(guard, timeout)` again after each
//!   spurious or stolen wake-up waits up to `timeout` *each time*; enough wake-ups and the
//!   caller waits forever. Compute a deadline once and wait for the time that is left.
//!
//! [`Condvar::wait_timeout_while`](std::sync::Condvar::wait_timeout_while) does both for you: it
//! re-checks the condition after every wake-up, keeps track of the time left, and returns once
//! the condition is false or the whole timeout has passed. The state is in the guard it returns:
//!
//! ```
//! use std::sync::{Condvar, Mutex};
//! use std::time::Duration;
//!
//! let reply: Mutex<Option<String>> = Mutex::new(None);
//! let replied = Condvar::new();
//!
//! // Nobody answers: after 20 ms we give up, and the state says so.
//! let (guard, _) = replied
//!     .wait_timeout_while(reply.lock().unwrap(), Duration::from_millis(20), |r| r.is_none())
//!     .unwrap();
//! assert!(guard.is_none());
//! ```
//!
//! When the wait is part of something bigger (wait for a reply, then for a slot, all within one
//! second), compute the deadline once with [`Instant`](std::time::Instant) and give each wait
//! what is left of it:
//!
//! ```
//! use std::sync::{Condvar, Mutex};
//! use std::time::{Duration, Instant};
//!
//! /// Waits until `*count` reaches `target` or `deadline` passes; returns whether it did.
//! fn wait_for_count(count: &Mutex<u32>, changed: &Condvar, target: u32, deadline: Instant) -> bool {
//!     let mut count = count.lock().unwrap();
//!     while *count < target {
//!         let now = Instant::now();
//!         if now >= deadline {
//!             return false;
//!         }
//!         count = changed.wait_timeout(count, deadline - now).unwrap().0;
//!     }
//!     true
//! }
//!
//! let count = Mutex::new(0);
//! let changed = Condvar::new();
//! let deadline = Instant::now() + Duration::from_millis(20);
//! assert!(!wait_for_count(&count, &changed, 1, deadline));
//! *count.lock().unwrap() = 1;
//! assert!(wait_for_count(&count, &changed, 1, deadline));
//! ```
//!
//! Python's `Condition.wait(timeout)` returns `False` on timeout, and its `wait_for(predicate,
//! timeout)` is the equivalent of `wait_timeout_while`, returning the predicate's last value.
//! Python's `Event.wait(timeout)` returns whether the event is set, which is what the event
//! exercise's `wait_timeout` does.
//!
//! A timeout is also how tests tell "blocked" from "hung": the hidden tests of this course wait
//! for your threads with generous deadlines (seconds), so that a lost wake-up is reported as the
//! call that never returned instead of a test that never ends.
//!
//! `cargo run -p conditions --example timeouts` waits for a reply that comes in time and for one
//! that comes too late.
