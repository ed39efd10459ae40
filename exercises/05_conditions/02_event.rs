//! Exercise: a one-shot event, like Python's `threading.Event`.
//!
//! One thread often has to tell others "it has happened": the configuration is loaded, the
//! server is listening, it is time to stop. Python has `threading.Event` for that; Rust's
//! standard library has no such type, so build one from a `Mutex<bool>` and a `Condvar`.
//!
//! `Event` is a flag that starts unset and, once set, stays set:
//!
//! - `new()` creates an unset event (`Event::default()` does the same).
//! - `set()` sets it and wakes *every* thread waiting for it. Setting it again does nothing.
//! - `is_set()` says whether it has been set.
//! - `wait()` returns once the event is set: at once if it already is, otherwise it sleeps
//!   (without spinning) until `set()` is called.
//! - `wait_timeout(timeout)` waits like `wait()`, but for `timeout` at most, and returns whether
//!   the event is set: `true` as soon as it is, `false` if the time ran out first.
//!
//! The trap is the *lost wake-up*: if the flag can change between a waiter's check ("not set
//! yet") and its going to sleep, the waiter sleeps through the only `set()` there will ever be.
//! Change and check the flag only while holding the mutex that the condition variable waits
//! with. The other trap is `wait_timeout`: a wake-up may come before the event is set (a
//! spurious wake-up), and then the waiter must go back to sleep for the time *left*, not for a
//! whole new `timeout`; `Condvar::wait_timeout_while` keeps that account for you. (No test can
//! make a spurious wake-up happen, so the grader cannot check this for you: loop anyway.)
//!
//! Python's `Event` also has `clear()`; this one is one-shot on purpose. The lesson explains
//! why a `clear()` makes waiting subtle: `cargo doc -p conditions --open`.

use std::time::Duration;

/// A flag that starts unset and, once set, stays set; threads can wait for it.
pub struct Event {
    // TODO: the flag and whatever threads need to sleep until it is set.
}

impl Event {
    /// Creates an event that is not set.
    pub fn new() -> Self {
        todo!()
    }

    /// Sets the event and wakes every thread waiting for it.
    pub fn set(&self) {
        todo!()
    }

    /// Whether the event has been set.
    pub fn is_set(&self) -> bool {
        todo!()
    }

    /// Waits until the event is set; returns at once if it already is.
    pub fn wait(&self) {
        todo!()
    }

    /// Waits until the event is set or `timeout` has passed, and returns whether it is set.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        let _ = timeout;
        todo!()
    }
}

impl Default for Event {
    fn default() -> Self {
        Self::new()
    }
}
