//! Mutant: the broken flag is an `AtomicBool` outside the mutex, set and announced by `abort()`
//! without taking the lock: a waiter that has just seen "not broken" and is about to sleep
//! misses the notify, and sleeps for ever.

use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

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
    parties: usize,
    /// Set once by `abort()`; an atomic, so aborting needs no lock.
    broken: AtomicBool,
    state: Mutex<State>,
    changed: Condvar,
}

struct State {
    /// How many threads have arrived in the current round.
    arrived: usize,
    /// Which round this is. Waiters remember the round they arrived in and leave once it has
    /// moved on: unlike `arrived`, it cannot come back to the value they saw.
    generation: u64,
}

impl Barrier {
    /// Creates a barrier for `parties` threads.
    ///
    /// # Panics
    ///
    /// Panics if `parties` is 0.
    pub fn new(parties: usize) -> Self {
        assert!(parties > 0, "a Barrier needs at least one party");
        Self {
            parties,
            broken: AtomicBool::new(false),
            state: Mutex::new(State {
                arrived: 0,
                generation: 0,
            }),
            changed: Condvar::new(),
        }
    }

    /// Waits until `parties` threads have called `wait` in this round, then returns this
    /// thread's arrival index: 0 for the first to arrive, `parties - 1` for the last.
    ///
    /// Returns `Err(BrokenBarrier)` if the barrier is aborted before or while this thread waits.
    pub fn wait(&self) -> Result<usize, BrokenBarrier> {
        let mut state = self.lock();
        if self.broken.load(Ordering::SeqCst) {
            return Err(BrokenBarrier);
        }
        let index = state.arrived;
        state.arrived += 1;
        if state.arrived == self.parties {
            // The last arrival opens the round for everyone and starts the next one at once, so
            // a fast thread that comes straight back is counted in the next round.
            state.arrived = 0;
            state.generation = state.generation.wrapping_add(1);
            drop(state);
            self.changed.notify_all();
            return Ok(index);
        }
        let generation = state.generation;
        let state = self
            .changed
            .wait_while(state, |s| {
                s.generation == generation && !self.broken.load(Ordering::SeqCst)
            })
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // A round that completed before an abort still counts as completed.
        if state.generation != generation {
            Ok(index)
        } else {
            Err(BrokenBarrier)
        }
    }

    /// Breaks the barrier: every thread waiting now, and every later call to `wait`, gets
    /// `Err(BrokenBarrier)`.
    pub fn abort(&self) {
        self.broken.store(true, Ordering::SeqCst);
        self.changed.notify_all();
    }

    /// Whether [`Barrier::abort`] has been called.
    pub fn is_broken(&self) -> bool {
        self.broken.load(Ordering::SeqCst)
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // Every change to `State` is made in one go, so a poisoned lock still holds sound state.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
