//! Mutant: add() reads under one lock and writes under another, releasing it in between.
use std::sync::Mutex;

pub struct Counter {
    count: Mutex<u64>,
}

impl Counter {
    pub fn new() -> Self {
        Counter {
            count: Mutex::new(0),
        }
    }

    pub fn increment(&self) {
        *self.count.lock().unwrap() += 1;
    }

    pub fn add(&self, n: u64) {
        let current = *self.count.lock().unwrap();
        *self.count.lock().unwrap() = current + n;
    }

    pub fn get(&self) -> u64 {
        *self.count.lock().unwrap()
    }
}
