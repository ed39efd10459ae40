//! Mutant: checks that an id is left, then takes one with `fetch_add`: two threads can pass the check for the last id.
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
        if self.next.load(Ordering::Relaxed) <= self.last {
            Some(self.next.fetch_add(1, Ordering::Relaxed) as u32)
        } else {
            None
        }
    }
}
