//! Mutant: counts with a `load` and then a `store` (both `SeqCst`), so a concurrent update between them is lost.
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
        // "SeqCst is the strongest ordering, so this must be safe": it is not. Each operation is
        // atomic; the pair is not.
        let requests = self.requests.load(Ordering::SeqCst);
        self.requests.store(requests + 1, Ordering::SeqCst);
        let total = self.bytes.load(Ordering::SeqCst);
        self.bytes.store(total + bytes, Ordering::SeqCst);
        self.largest.fetch_max(bytes, Ordering::SeqCst);
    }

    pub fn requests(&self) -> u64 {
        self.requests.load(Ordering::SeqCst)
    }

    pub fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::SeqCst)
    }

    pub fn largest(&self) -> u64 {
        self.largest.load(Ordering::SeqCst)
    }
}
