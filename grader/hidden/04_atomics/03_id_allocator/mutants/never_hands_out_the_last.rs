//! Mutant: stops one id early: `last` itself is never handed out.
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
        self.next
            .try_update(Ordering::Relaxed, Ordering::Relaxed, |next| {
                (next < self.last).then_some(next + 1)
            })
            .ok()
            .map(|id| id as u32)
    }
}
