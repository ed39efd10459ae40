//! Mutant: `try_acquire()` checks under the lock that nobody waits and enough units are free, lets
//! go of it, and takes the units under a second lock: two calls at once can both see the same
//! units free and both take them.

use std::sync::{Condvar, Mutex, MutexGuard};

/// A budget of `total` units that threads take a few at a time, in order of arrival.
pub struct Budget {
    total: usize,
    state: Mutex<State>,
    /// Signalled when units come back and when the head of the line changes.
    changed: Condvar,
}

/// Everything the waiters' condition reads, behind one mutex.
struct State {
    /// Units nobody holds right now.
    free: usize,
    /// The ticket the next caller of `acquire` gets.
    next_ticket: u64,
    /// The ticket whose holder may take units now: the head of the line.
    serving: u64,
}

/// Units taken from a [`Budget`], given back when dropped.
#[must_use = "the units are given back as soon as the grant is dropped"]
pub struct Grant<'a> {
    budget: &'a Budget,
    units: usize,
}

impl Budget {
    /// Creates a budget of `total` free units.
    pub fn new(total: usize) -> Self {
        Self {
            total,
            state: Mutex::new(State {
                free: total,
                next_ticket: 0,
                serving: 0,
            }),
            changed: Condvar::new(),
        }
    }

    /// Takes `units` units, waiting until they are free and every thread that called `acquire`
    /// earlier has been served.
    ///
    /// # Panics
    ///
    /// Panics if `units` is more than the whole budget: such a request could never be met.
    pub fn acquire(&self, units: usize) -> Grant<'_> {
        assert!(
            units <= self.total,
            "acquire({units}) on a Budget of {} units could never be met",
            self.total
        );
        let mut state = self.lock();
        let ticket = state.next_ticket;
        state.next_ticket += 1;
        let mut state = self
            .changed
            .wait_while(state, |s| s.serving != ticket || s.free < units)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        state.free -= units;
        state.serving += 1;
        drop(state);
        // The next in line may be able to go too; it is one particular thread, so wake them all.
        self.changed.notify_all();
        Grant {
            budget: self,
            units,
        }
    }

    /// Takes `units` units if they are free right now and nobody is waiting; never waits.
    pub fn try_acquire(&self, units: usize) -> Option<Grant<'_>> {
        {
            let state = self.lock();
            let nobody_waiting = state.serving == state.next_ticket;
            if !nobody_waiting || state.free < units {
                return None;
            }
        }
        // Enough units are free, and nobody is in line: take them.
        let mut state = self.lock();
        state.free -= units;
        Some(Grant {
            budget: self,
            units,
        })
    }

    /// How many units are free right now.
    pub fn available(&self) -> usize {
        self.lock().free
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // Every change to `State` is made in one go under the lock, so a poisoned lock is sound.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Grant<'_> {
    /// How many units this grant holds.
    pub fn units(&self) -> usize {
        self.units
    }
}

impl Drop for Grant<'_> {
    fn drop(&mut self) {
        self.budget.lock().free += self.units;
        // Only the head of the line can use the units, and `notify_one` might wake another.
        self.budget.changed.notify_all();
    }
}
