//! Mutant: reads and writes an atomic in two steps, so concurrent updates are lost.
use std::sync::atomic::{AtomicU64, Ordering};

pub struct Counter {
    count: AtomicU64,
}

impl Counter {
    pub fn new() -> Self {
        Counter {
            count: AtomicU64::new(0),
        }
    }

    pub fn increment(&self) {
        self.add(1);
    }

    pub fn add(&self, n: u64) {
        let current = self.count.load(Ordering::SeqCst);
        self.count.store(current + n, Ordering::SeqCst);
    }

    pub fn get(&self) -> u64 {
        self.count.load(Ordering::SeqCst)
    }
}
