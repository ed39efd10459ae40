//! Alternative: the compare_exchange_weak loop written out, on a `u64` counter.
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
        let mut next = self.next.load(Ordering::Relaxed);
        loop {
            if next > self.last {
                return None;
            }
            match self.next.compare_exchange_weak(next, next + 1, Ordering::Relaxed, Ordering::Relaxed) {
                Ok(id) => return Some(id as u32),
                Err(now) => next = now,
            }
        }
    }
}
