//! Mutant: no generation counter: waiters wait while fewer than `parties` have arrived.
//!
//! The first thread of the next round resets the count; a slow waiter that wakes after that sees
//! the new round's count and goes back to sleep.

use std::fmt;
use std::sync::{Condvar, Mutex};

/// The error of [`Barrier::wait`] on a barrier that was aborted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BrokenBarrier;

impl fmt::Display for BrokenBarrier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the barrier was aborted")
    }
}

impl std::error::Error for BrokenBarrier {}

/// A meeting point for a fixed number of threads.
pub struct Barrier {
    parties: usize,
    state: Mutex<(usize, bool)>,
    changed: Condvar,
}

impl Barrier {
    /// Creates a barrier for `parties` threads.
    pub fn new(parties: usize) -> Self {
        assert!(parties > 0);
        Self {
            parties,
            state: Mutex::new((0, false)),
            changed: Condvar::new(),
        }
    }

    /// Waits until `parties` threads have arrived.
    pub fn wait(&self) -> Result<usize, BrokenBarrier> {
        let mut state = self.state.lock().unwrap();
        if state.1 {
            return Err(BrokenBarrier);
        }
        if state.0 == self.parties {
            // The previous round is over: start a new one.
            state.0 = 0;
        }
        let index = state.0;
        state.0 += 1;
        if state.0 == self.parties {
            self.changed.notify_all();
            return Ok(index);
        }
        while state.0 < self.parties && !state.1 {
            state = self.changed.wait(state).unwrap();
        }
        if state.1 {
            Err(BrokenBarrier)
        } else {
            Ok(index)
        }
    }

    /// Breaks the barrier.
    pub fn abort(&self) {
        self.state.lock().unwrap().1 = true;
        self.changed.notify_all();
    }

    /// Whether the barrier was aborted.
    pub fn is_broken(&self) -> bool {
        self.state.lock().unwrap().1
    }
}
