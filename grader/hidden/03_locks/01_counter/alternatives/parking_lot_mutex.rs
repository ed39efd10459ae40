//! Alternative: parking_lot's Mutex, whose lock() returns the guard directly.
use parking_lot::Mutex;

#[derive(Default)]
pub struct Counter {
    count: Mutex<u64>,
}

impl Counter {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn increment(&self) {
        *self.count.lock() += 1;
    }

    pub fn add(&self, n: u64) {
        *self.count.lock() += n;
    }

    pub fn get(&self) -> u64 {
        *self.count.lock()
    }
}
