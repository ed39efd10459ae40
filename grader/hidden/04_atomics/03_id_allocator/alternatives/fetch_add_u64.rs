//! Alternative: `fetch_add` on a `u64` counter, then a check: the counter grows past `last`, but 2^64 calls take centuries, so it never wraps in practice.
use std::sync::atomic::{AtomicU64, Ordering};

pub struct IdAllocator {
    next: AtomicU64,
    last: u64,
}

impl IdAllocator {
    pub const fn new(first: u32, last: u32) -> Self {
        IdAllocator { next: AtomicU64::new(first as u64), last: last as u64 }
    }

    pub fn allocate(&self) -> Option<u32> {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        (id <= self.last).then_some(id as u32)
    }
}
