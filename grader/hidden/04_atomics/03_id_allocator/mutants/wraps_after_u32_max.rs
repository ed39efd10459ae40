//! Mutant: `fetch_add` on a `u32` counter, then a check: the counter wraps past `u32::MAX` and ids start again from 0.
use std::sync::atomic::{AtomicU32, Ordering};

pub struct IdAllocator {
    next: AtomicU32,
    last: u32,
}

impl IdAllocator {
    pub const fn new(first: u32, last: u32) -> Self {
        IdAllocator { next: AtomicU32::new(first), last }
    }

    pub fn allocate(&self) -> Option<u32> {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        (id <= self.last).then_some(id)
    }
}
