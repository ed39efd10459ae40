//! Exercise: a reusable barrier that can be aborted, like Python's `threading.Barrier`.
//!
//! A barrier is a meeting point: `parties` threads each call `wait()`, and none of them goes on
//! until all of them have arrived. Programs that work in phases (every thread finishes step 1
//! before any starts step 2) use one, round after round.
//!
//! Rust's `std::sync::Barrier` does this, but it cannot be aborted: if one party fails and will
//! never arrive, the others wait forever. Python's `Barrier` has `abort()` for that, and so does
//! the one you build here, from a `Mutex` and a `Condvar`:
//!
//! - `Barrier::new(parties)` creates a barrier for `parties` threads; it panics if `parties` is
//!   0.
//! - `wait()` blocks (asleep, not spinning) until `parties` threads have called it in this round,
//!   then returns `Ok(index)`: the thread's arrival index in its round, 0 for the first to arrive
//!   up to `parties - 1` for the last, each handed out once per round. The barrier is then ready
//!   for the next round at once.
//! - `abort()` breaks the barrier: every thread waiting in `wait()` returns
//!   `Err(BrokenBarrier)`, and so does every later call to `wait()`, even when enough parties
//!   arrive to fill a round.
//! - `is_broken()` says whether `abort()` has been called.
//!
//! The trap is reuse. The last thread to arrive returns at once and may come straight back for
//! the next round while the others are still waking up. A waiter that decides "may I go?" by
//! looking at the arrival count alone can then see the count of the *next* round and go back to
//! sleep, stranded. Give each round a number (a generation counter): a waiter remembers the
//! round it arrived in and leaves as soon as that round is over.
//!
//! The lesson: `cargo doc -p conditions --open`, or `crates/conditions/src/`.

use std::fmt;

/// The error of [`Barrier::wait`] on a barrier that was aborted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BrokenBarrier;

impl fmt::Display for BrokenBarrier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the barrier was aborted")
    }
}

impl std::error::Error for BrokenBarrier {}

/// A meeting point for a fixed number of threads, reusable round after round.
pub struct Barrier {
    // TODO: the number of parties, and the shared state of the current round behind a mutex,
    // with a condition variable for the waiters.
}

impl Barrier {
    /// Creates a barrier for `parties` threads.
    ///
    /// # Panics
    ///
    /// Panics if `parties` is 0.
    pub fn new(parties: usize) -> Self {
        let _ = parties;
        todo!()
    }

    /// Waits until `parties` threads have called `wait` in this round, then returns this
    /// thread's arrival index (0 for the first, `parties - 1` for the last), or
    /// `Err(BrokenBarrier)` if the barrier is aborted before or while this thread waits.
    pub fn wait(&self) -> Result<usize, BrokenBarrier> {
        todo!()
    }

    /// Breaks the barrier: every waiting thread and every later `wait` gets `Err(BrokenBarrier)`.
    pub fn abort(&self) {
        todo!()
    }

    /// Whether [`Barrier::abort`] has been called.
    pub fn is_broken(&self) -> bool {
        todo!()
    }
}
