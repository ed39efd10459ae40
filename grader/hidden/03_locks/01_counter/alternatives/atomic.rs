//! Alternative: an AtomicU64 with fetch_add, one indivisible step per update.
use std::sync::atomic::{AtomicU64, Ordering};

#[derive(Default)]
pub struct Counter {
    count: AtomicU64,
}

impl Counter {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn increment(&self) {
        self.add(1);
    }

    pub fn add(&self, n: u64) {
        self.count.fetch_add(n, Ordering::Relaxed);
    }

    pub fn get(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }
}
