//! Alternative: no condition variable at all, only crossbeam channels.
//!
//! A bounded channel holds the items, and a second channel whose sender is dropped on close
//! wakes every blocked `push` and `pop`.

use crossbeam_channel::{Receiver, Sender, bounded, select};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

/// A first-in, first-out buffer that holds at most `capacity` items.
pub struct BoundedBuffer<T> {
    items_in: Sender<T>,
    items_out: Receiver<T>,
    closed: AtomicBool,
    /// Dropped by `close`; its receiver then reports "disconnected" to every `select!`.
    close_signal: Mutex<Option<Sender<()>>>,
    closed_out: Receiver<()>,
}

impl<T> BoundedBuffer<T> {
    /// Creates an empty, open buffer.
    pub fn new(capacity: usize) -> Self {
        assert!(capacity > 0, "capacity must be at least 1");
        let (items_in, items_out) = bounded(capacity);
        let (close_signal, closed_out) = bounded(0);
        Self {
            items_in,
            items_out,
            closed: AtomicBool::new(false),
            close_signal: Mutex::new(Some(close_signal)),
            closed_out,
        }
    }

    /// Adds `item`, waiting for room; `Err(item)` once closed.
    pub fn push(&self, item: T) -> Result<(), T> {
        if self.closed.load(Ordering::SeqCst) {
            return Err(item);
        }
        // The message is only moved into the channel if the send arm is the one selected.
        select! {
            send(self.items_in, item) -> sent => sent.map_err(|error| error.into_inner()),
            recv(self.closed_out) -> _ => Err(item),
        }
    }

    /// Takes the front item, waiting while empty and open.
    pub fn pop(&self) -> Option<T> {
        select! {
            recv(self.items_out) -> item => item.ok(),
            // Closed: hand out what is left, then None.
            recv(self.closed_out) -> _ => self.items_out.try_recv().ok(),
        }
    }

    /// Closes the buffer and wakes everyone.
    pub fn close(&self) {
        self.closed.store(true, Ordering::SeqCst);
        self.close_signal
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .take();
    }

    /// How many items the buffer holds.
    pub fn len(&self) -> usize {
        self.items_out.len()
    }

    /// Whether the buffer is empty.
    pub fn is_empty(&self) -> bool {
        self.items_out.is_empty()
    }
}
