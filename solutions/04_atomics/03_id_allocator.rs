//! # Atomics 3: ids that are never handed out twice (solution)
//!
//! The counter is a `u64`, so that it can hold `last + 1` ("nothing left") even when `last` is
//! `u32::MAX`. `try_update` reads it and, while the closure says there is an id left, stores the
//! next value only if nobody changed the counter since the read, retrying with the new value
//! otherwise: deciding and taking are one atomic step, and an empty allocator is never changed,
//! so it cannot wrap. `Relaxed` is enough: an id publishes nothing else.

use std::sync::atomic::{AtomicU64, Ordering};

/// Hands out the ids `first..=last`, each exactly once, to any number of threads.
pub struct IdAllocator {
    /// The next id to hand out; `last + 1` once all are gone.
    next: AtomicU64,
    last: u64,
}

impl IdAllocator {
    /// An allocator of the ids `first..=last` (none at all if `first > last`).
    pub const fn new(first: u32, last: u32) -> Self {
        IdAllocator {
            next: AtomicU64::new(first as u64),
            last: last as u64,
        }
    }

    /// An id never handed out before, or `None` once every id is taken.
    pub fn allocate(&self) -> Option<u32> {
        self.next
            .try_update(Ordering::Relaxed, Ordering::Relaxed, |next| {
                (next <= self.last).then_some(next + 1)
            })
            .ok()
            .map(|id| u32::try_from(id).expect("only ids up to `last` are handed out"))
    }
}
