//! Alternative: the three numbers behind one Mutex, updated together.
use std::sync::Mutex;

#[derive(Clone, Copy)]
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

    fn numbers(&self) -> std::sync::MutexGuard<'_, Numbers> {
        self.numbers.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn record(&self, bytes: u64) {
        let mut numbers = self.numbers();
        numbers.requests += 1;
        numbers.bytes += bytes;
        numbers.largest = numbers.largest.max(bytes);
    }

    pub fn requests(&self) -> u64 {
        self.numbers().requests
    }

    pub fn bytes(&self) -> u64 {
        self.numbers().bytes
    }

    pub fn largest(&self) -> u64 {
        self.numbers().largest
    }
}
