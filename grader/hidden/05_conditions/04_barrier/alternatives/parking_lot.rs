//! Alternative: `parking_lot`, counting arrivals down from `parties` instead of up.

use parking_lot::{Condvar, Mutex};
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

struct Round {
    missing: usize,
    generation: usize,
    broken: bool,
}

/// A reusable meeting point for `parties` threads.
pub struct Barrier {
    parties: usize,
    round: Mutex<Round>,
    changed: Condvar,
}

impl Barrier {
    /// Creates a barrier for `parties` threads.
    pub fn new(parties: usize) -> Self {
        assert!(parties > 0, "a barrier needs at least one party");
        Self {
            parties,
            round: Mutex::new(Round {
                missing: parties,
                generation: 0,
                broken: false,
            }),
            changed: Condvar::new(),
        }
    }

    /// Waits for every party of this round; returns the arrival index.
    pub fn wait(&self) -> Result<usize, BrokenBarrier> {
        let mut round = self.round.lock();
        if round.broken {
            return Err(BrokenBarrier);
        }
        round.missing -= 1;
        let index = self.parties - 1 - round.missing;
        if round.missing == 0 {
            round.missing = self.parties;
            round.generation += 1;
            self.changed.notify_all();
            return Ok(index);
        }
        let mine = round.generation;
        self.changed
            .wait_while(&mut round, |r| r.generation == mine && !r.broken);
        if round.generation != mine {
            Ok(index)
        } else {
            Err(BrokenBarrier)
        }
    }

    /// Breaks the barrier.
    pub fn abort(&self) {
        self.round.lock().broken = true;
        self.changed.notify_all();
    }

    /// Whether the barrier was aborted.
    pub fn is_broken(&self) -> bool {
        self.round.lock().broken
    }
}
