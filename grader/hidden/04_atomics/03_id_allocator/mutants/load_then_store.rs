//! Mutant: reads the counter with `load` and moves it on with `store`, so two threads can take the same id.
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
        let id = self.next.load(Ordering::SeqCst);
        if id > self.last {
            return None;
        }
        self.next.store(id + 1, Ordering::SeqCst);
        Some(id as u32)
    }
}
