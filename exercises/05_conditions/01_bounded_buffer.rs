//! Exercise: the tutorial's producer/consumer, done right: a bounded buffer.
//!
//! The Python tutorial keeps a list of at most 5 items and one `threading.Condition`: the
//! producer waits while the list is full, the consumer while it is empty. It waits with `if`,
//! which is a bug: a thread that wakes up has no guarantee that what it waited for is still true.
//! The wake-up may be spurious, or another thread may have got there first and taken the item
//! (or the free slot) it was woken for. Build the buffer the Rust way.
//!
//! `BoundedBuffer<T>` is a first-in, first-out queue of at most `capacity` items that many
//! threads share through an `Arc`:
//!
//! - `new(capacity)` creates an empty, open buffer; it panics if `capacity` is 0.
//! - `push(item)` adds `item` at the back. While the buffer is full it waits (asleep, not
//!   spinning) until there is room. It returns `Err(item)`, handing the item back, if the buffer
//!   is closed: already, or while it waited.
//! - `pop()` takes the item at the front. While the buffer is empty and open it waits. It returns
//!   `None` only once the buffer is closed *and* every queued item has been taken: items pushed
//!   before `close()` are still delivered.
//! - `close()` closes the buffer and wakes every thread waiting in `push` or `pop`: this is the
//!   tutorial's `stop_signal`, kept where it belongs, inside the buffer's own state.
//! - `len()` and `is_empty()` say how many items the buffer holds right now.
//!
//! `BoundedBuffer<T>` must be `Send + Sync` whenever `T: Send`, so that it can be shared
//! between threads. Use `std::sync::{Mutex, Condvar}` (or `parking_lot`'s); every wait goes in a
//! loop that re-checks its condition (`Condvar::wait_while` does this for you). Think about which
//! wake-ups need `notify_one` and which need `notify_all`.
//!
//! The lesson: `cargo doc -p conditions --open`, or `crates/conditions/src/`. Its example
//! `cargo run -p conditions --example condvar_producer_consumer` runs the tutorial's program.

use std::collections::VecDeque;
use std::sync::Mutex;

/// A first-in, first-out buffer that holds at most `capacity` items.
pub struct BoundedBuffer<T> {
    // TODO: the buffer needs more than a queue: its capacity, whether it is closed, and one or
    // two condition variables for threads to sleep on. Change this as you see fit.
    items: Mutex<VecDeque<T>>,
}

impl<T> BoundedBuffer<T> {
    /// Creates an empty, open buffer that holds at most `capacity` items.
    ///
    /// # Panics
    ///
    /// Panics if `capacity` is 0.
    pub fn new(capacity: usize) -> Self {
        let _ = capacity;
        todo!()
    }

    /// Adds `item` at the back, waiting while the buffer is full. Returns `Err(item)` if the
    /// buffer is closed.
    pub fn push(&self, item: T) -> Result<(), T> {
        // TODO: wait while the buffer is full and open; a wake-up only means "look again".
        let _ = item;
        todo!()
    }

    /// Removes the item at the front, waiting while the buffer is empty and open. Returns
    /// `None` only once the buffer is closed and drained.
    pub fn pop(&self) -> Option<T> {
        todo!()
    }

    /// Closes the buffer and wakes every waiting thread.
    pub fn close(&self) {
        todo!()
    }

    /// How many items the buffer holds right now.
    pub fn len(&self) -> usize {
        let _ = &self.items;
        todo!()
    }

    /// Whether the buffer holds no items right now.
    pub fn is_empty(&self) -> bool {
        todo!()
    }
}
