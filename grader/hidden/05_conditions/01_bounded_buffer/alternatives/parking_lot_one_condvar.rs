//! Alternative: `parking_lot`, and one condition variable for producers and consumers.
//!
//! Every change wakes everyone (`notify_all`, while still holding the lock), and every waiter
//! re-checks.

use parking_lot::{Condvar, Mutex};
use std::collections::VecDeque;

/// A first-in, first-out buffer that holds at most `capacity` items.
pub struct BoundedBuffer<T> {
    capacity: usize,
    state: Mutex<(VecDeque<T>, bool)>,
    changed: Condvar,
}

impl<T> BoundedBuffer<T> {
    /// Creates an empty, open buffer.
    pub fn new(capacity: usize) -> Self {
        assert!(capacity > 0, "capacity must be at least 1");
        Self {
            capacity,
            state: Mutex::new((VecDeque::new(), false)),
            changed: Condvar::new(),
        }
    }

    /// Adds `item`, waiting for room; `Err(item)` once closed.
    pub fn push(&self, item: T) -> Result<(), T> {
        let mut state = self.state.lock();
        self.changed.wait_while(&mut state, |(items, closed)| {
            !*closed && items.len() >= self.capacity
        });
        if state.1 {
            return Err(item);
        }
        state.0.push_back(item);
        // Producers and consumers share the condvar, so everyone is woken and re-checks.
        self.changed.notify_all();
        Ok(())
    }

    /// Takes the front item, waiting while empty and open.
    pub fn pop(&self) -> Option<T> {
        let mut state = self.state.lock();
        self.changed
            .wait_while(&mut state, |(items, closed)| !*closed && items.is_empty());
        let item = state.0.pop_front();
        self.changed.notify_all();
        item
    }

    /// Closes the buffer and wakes everyone.
    pub fn close(&self) {
        self.state.lock().1 = true;
        self.changed.notify_all();
    }

    /// How many items the buffer holds.
    pub fn len(&self) -> usize {
        self.state.lock().0.len()
    }

    /// Whether the buffer is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
