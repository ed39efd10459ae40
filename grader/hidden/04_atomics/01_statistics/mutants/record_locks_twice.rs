//! Mutant: record() holds the Mutex and calls largest(), which locks it again: a deadlock.
use std::sync::Mutex;

struct Numbers {
    requests: u64,
    bytes: u64,
    largest: u64,
}

pub struct Stats {
    numbers: Mutex<Numbers>,
}

impl Stats {
    pub const fn new() -> Self {
        Stats {
            numbers: Mutex::new(Numbers {
                requests: 0,
                bytes: 0,
                largest: 0,
            }),
        }
    }

    pub fn record(&self, bytes: u64) {
        let mut numbers = self.numbers.lock().unwrap();
        numbers.requests += 1;
        numbers.bytes += bytes;
        if bytes > self.largest() {
            numbers.largest = bytes;
        }
    }

    pub fn requests(&self) -> u64 {
        self.numbers.lock().unwrap().requests
    }

    pub fn bytes(&self) -> u64 {
        self.numbers.lock().unwrap().bytes
    }

    pub fn largest(&self) -> u64 {
        self.numbers.lock().unwrap().largest
    }
}
