//! Alternative: `parking_lot`, a `VecDeque` of waiting requests as the line, and one condvar per
//! waiter, so that a release wakes exactly the thread at the head of the line.

use parking_lot::{Condvar, Mutex};
use std::collections::VecDeque;
use std::sync::Arc;

/// A budget of `total` units that threads take a few at a time, in order of arrival.
pub struct Budget {
    total: usize,
    state: Mutex<State>,
}

struct State {
    free: usize,
    /// The waiting threads in order of arrival: how many units each wants, and its condvar.
    line: VecDeque<(usize, Arc<Condvar>)>,
}

/// Units taken from a [`Budget`], given back when dropped.
pub struct Grant<'a> {
    budget: &'a Budget,
    units: usize,
}

impl State {
    /// Wakes the head of the line if it can go now.
    fn wake_head(&self) {
        if let Some((units, turn)) = self.line.front() {
            if *units <= self.free {
                turn.notify_one();
            }
        }
    }
}

impl Budget {
    /// Creates a budget of `total` free units.
    pub fn new(total: usize) -> Self {
        Self {
            total,
            state: Mutex::new(State {
                free: total,
                line: VecDeque::new(),
            }),
        }
    }

    /// Takes `units` units, in order of arrival.
    pub fn acquire(&self, units: usize) -> Grant<'_> {
        assert!(units <= self.total, "more units than the whole budget");
        let mut state = self.state.lock();
        if state.line.is_empty() && state.free >= units {
            state.free -= units;
            return Grant {
                budget: self,
                units,
            };
        }
        let turn = Arc::new(Condvar::new());
        state.line.push_back((units, Arc::clone(&turn)));
        loop {
            let at_head = state
                .line
                .front()
                .is_some_and(|(_, head)| Arc::ptr_eq(head, &turn));
            if at_head && state.free >= units {
                break;
            }
            turn.wait(&mut state);
        }
        state.line.pop_front();
        state.free -= units;
        state.wake_head();
        Grant {
            budget: self,
            units,
        }
    }

    /// Takes `units` units if they are free and nobody is waiting.
    pub fn try_acquire(&self, units: usize) -> Option<Grant<'_>> {
        let mut state = self.state.lock();
        if !state.line.is_empty() || state.free < units {
            return None;
        }
        state.free -= units;
        Some(Grant {
            budget: self,
            units,
        })
    }

    /// How many units are free right now.
    pub fn available(&self) -> usize {
        self.state.lock().free
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
        let mut state = self.budget.state.lock();
        state.free += self.units;
        state.wake_head();
    }
}
