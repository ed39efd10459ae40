//! Exercise: a countdown latch, for "wait until these N things have happened".
//!
//! The tutorial waits for its threads with `join()`. Often you need something looser: wait
//! until N workers have finished their setup (not their whole lives), or until N replies have
//! come in. Java calls this a `CountDownLatch`; build one from a `Mutex` and a `Condvar`.
//!
//! `Latch` holds a count that only goes down:
//!
//! - `new(count)` creates a latch at `count`; `Latch::new(0)` is open from the start.
//! - `count_down()` takes one off the count. The call that brings it to 0 wakes *every* waiting
//!   thread. Once the count is 0, further calls do nothing (and never panic).
//! - `count()` returns the count right now.
//! - `wait()` returns once the count is 0: at once if it already is, otherwise it sleeps
//!   (without spinning) until the last `count_down()`.
//!
//! Threads waiting on a latch at 3 must still be waiting after two `count_down()` calls,
//! whatever wake-ups they get in between: a wake-up only means "look again", so the count is
//! re-checked in a loop (`Condvar::wait_while`). And as with any condition variable, change the
//! count only while holding the mutex the waiters check it under, or the last `count_down()` can
//! slip between a waiter's check and its going to sleep: a lost wake-up.
//!
//! The lesson: `cargo doc -p conditions --open`, or `crates/conditions/src/`.

/// A counter that starts at some value and only goes down; threads can wait for it to reach 0.
pub struct Latch {
    // TODO: the count and whatever threads need to sleep until it reaches 0.
}

impl Latch {
    /// Creates a latch that opens after `count` calls to [`Latch::count_down`].
    pub fn new(count: usize) -> Self {
        let _ = count;
        todo!()
    }

    /// Takes one off the count; the call that brings it to 0 wakes every waiting thread. At 0 it
    /// does nothing.
    pub fn count_down(&self) {
        todo!()
    }

    /// The count right now.
    pub fn count(&self) -> usize {
        todo!()
    }

    /// Waits until the count is 0; returns at once if it already is.
    pub fn wait(&self) {
        todo!()
    }
}
