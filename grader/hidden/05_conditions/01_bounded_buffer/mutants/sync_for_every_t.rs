//! Mutant: declares the buffer `Send` and `Sync` for every item type, so a buffer of `Rc`s could be
//! shared between threads.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex, MutexGuard};

/// A first-in, first-out buffer that holds at most `capacity` items.
///
/// `push` waits while the buffer is full, `pop` waits while it is empty, and `close` tells
/// everyone that no more items will come.
pub struct BoundedBuffer<T> {
    capacity: usize,
    state: Mutex<State<T>>,
    /// Signalled when an item arrives or the buffer closes: consumers wait on it.
    not_empty: Condvar,
    /// Signalled when room appears or the buffer closes: producers wait on it.
    not_full: Condvar,
}

/// Everything the condition variables' conditions read, behind one mutex.
struct State<T> {
    items: VecDeque<T>,
    closed: bool,
}

// SAFETY (wrongly claimed): the items are behind a mutex, so any buffer may be shared.
unsafe impl<T> Send for BoundedBuffer<T> {}
unsafe impl<T> Sync for BoundedBuffer<T> {}

impl<T> BoundedBuffer<T> {
    /// Creates an empty, open buffer that holds at most `capacity` items.
    ///
    /// # Panics
    ///
    /// Panics if `capacity` is 0: such a buffer could never accept an item.
    pub fn new(capacity: usize) -> Self {
        assert!(
            capacity > 0,
            "a BoundedBuffer needs a capacity of at least 1"
        );
        Self {
            capacity,
            state: Mutex::new(State {
                items: VecDeque::with_capacity(capacity),
                closed: false,
            }),
            not_empty: Condvar::new(),
            not_full: Condvar::new(),
        }
    }

    /// Adds `item` at the back, waiting while the buffer is full.
    ///
    /// Returns `Err(item)` if the buffer is closed, whether it already was or it closed while
    /// this call waited for room.
    pub fn push(&self, item: T) -> Result<(), T> {
        let state = self.lock();
        // A wake-up only means "look again": it may be spurious, or another producer may have
        // taken the free slot first. `wait_while` re-checks the condition every time.
        let mut state = self
            .not_full
            .wait_while(state, |s| !s.closed && s.items.len() >= self.capacity)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if state.closed {
            return Err(item);
        }
        state.items.push_back(item);
        drop(state);
        // One new item can satisfy one consumer, and every consumer waiting here waits for the
        // same thing, so waking one is enough.
        self.not_empty.notify_one();
        Ok(())
    }

    /// Removes the item at the front, waiting while the buffer is empty and open.
    ///
    /// Returns `None` only once the buffer is closed and every item has been taken.
    pub fn pop(&self) -> Option<T> {
        let state = self.lock();
        let mut state = self
            .not_empty
            .wait_while(state, |s| !s.closed && s.items.is_empty())
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // Closed or not, items still queued are handed out first.
        let item = state.items.pop_front();
        drop(state);
        if item.is_some() {
            self.not_full.notify_one();
        }
        item
    }

    /// Closes the buffer: later pushes fail, and pops return what is left, then `None`.
    ///
    /// Every thread waiting in `push` or `pop` wakes up to see it.
    pub fn close(&self) {
        self.lock().closed = true;
        // Closing changes the answer for *every* waiter, so each must be woken: `notify_one`
        // would leave all but one asleep forever.
        self.not_empty.notify_all();
        self.not_full.notify_all();
    }

    /// How many items the buffer holds right now.
    pub fn len(&self) -> usize {
        self.lock().items.len()
    }

    /// Whether the buffer holds no items right now.
    pub fn is_empty(&self) -> bool {
        self.lock().items.is_empty()
    }

    fn lock(&self) -> MutexGuard<'_, State<T>> {
        // A panic elsewhere cannot leave `State` half-updated (each change is one call), so a
        // poisoned lock is still safe to use.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
