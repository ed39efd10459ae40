//! Alternative: std's `Mutex` and `Condvar`, the line kept as a `VecDeque` of waiter numbers;
//! the fast path takes units at once when nobody is in line, and every change wakes everyone.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex};

/// A budget of `total` units that threads take a few at a time, in order of arrival.
pub struct Budget {
    total: usize,
    state: Mutex<State>,
    changed: Condvar,
}

struct State {
    free: usize,
    next_id: u64,
    line: VecDeque<u64>,
}

/// Units taken from a [`Budget`], given back when dropped.
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
                next_id: 0,
                line: VecDeque::new(),
            }),
            changed: Condvar::new(),
        }
    }

    /// Takes `units` units, in order of arrival.
    pub fn acquire(&self, units: usize) -> Grant<'_> {
        if units > self.total {
            panic!(
                "{units} units is more than the whole budget of {}",
                self.total
            );
        }
        let mut state = self.state.lock().unwrap();
        if state.line.is_empty() && state.free >= units {
            state.free -= units;
            return Grant {
                budget: self,
                units,
            };
        }
        let id = state.next_id;
        state.next_id += 1;
        state.line.push_back(id);
        while state.line.front() != Some(&id) || state.free < units {
            state = self.changed.wait(state).unwrap();
        }
        state.line.pop_front();
        state.free -= units;
        drop(state);
        self.changed.notify_all();
        Grant {
            budget: self,
            units,
        }
    }

    /// Takes `units` units if they are free and nobody is waiting.
    pub fn try_acquire(&self, units: usize) -> Option<Grant<'_>> {
        let mut state = self.state.lock().unwrap();
        if state.line.is_empty() && state.free >= units {
            state.free -= units;
            Some(Grant {
                budget: self,
                units,
            })
        } else {
            None
        }
    }

    /// How many units are free right now.
    pub fn available(&self) -> usize {
        self.state.lock().unwrap().free
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
        self.budget.state.lock().unwrap().free += self.units;
        self.budget.changed.notify_all();
    }
}
