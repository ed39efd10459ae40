//! Mutant: keeps the largest size by checking "is it larger?" and then storing, in two steps.
use std::sync::atomic::{AtomicU64, Ordering};

pub struct Stats {
    requests: AtomicU64,
    bytes: AtomicU64,
    largest: AtomicU64,
}

impl Stats {
    pub const fn new() -> Self {
        Stats {
            requests: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            largest: AtomicU64::new(0),
        }
    }

    pub fn record(&self, bytes: u64) {
        self.requests.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
        if bytes > self.largest.load(Ordering::Relaxed) {
            self.largest.store(bytes, Ordering::Relaxed);
        }
    }

    pub fn requests(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }

    pub fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    pub fn largest(&self) -> u64 {
        self.largest.load(Ordering::Relaxed)
    }
}
