//! Alternative: SeqCst everywhere, and the largest kept by a compare_exchange_weak loop.
use std::sync::atomic::{AtomicU64, Ordering::SeqCst};

pub struct Stats {
    requests: AtomicU64,
    bytes: AtomicU64,
    largest: AtomicU64,
}

impl Stats {
    pub const fn new() -> Self {
        Stats { requests: AtomicU64::new(0), bytes: AtomicU64::new(0), largest: AtomicU64::new(0) }
    }

    pub fn record(&self, bytes: u64) {
        self.requests.fetch_add(1, SeqCst);
        self.bytes.fetch_add(bytes, SeqCst);
        let mut seen = self.largest.load(SeqCst);
        while bytes > seen {
            match self.largest.compare_exchange_weak(seen, bytes, SeqCst, SeqCst) {
                Ok(_) => break,
                Err(now) => seen = now,
            }
        }
    }

    pub fn requests(&self) -> u64 {
        self.requests.load(SeqCst)
    }

    pub fn bytes(&self) -> u64 {
        self.bytes.load(SeqCst)
    }

    pub fn largest(&self) -> u64 {
        self.largest.load(SeqCst)
    }
}
