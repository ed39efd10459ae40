//! expect: timed_out: deadlocked
//! Takes the same lock twice, so the second lock() waits forever.
use std::sync::Mutex;
pub struct Counter {
    value: Mutex<u64>,
}
impl Counter {
    pub fn new() -> Self {
        let counter = Counter {
            value: Mutex::new(0),
        };
        let _first = counter.value.lock().unwrap();
        let _second = counter.value.lock().unwrap();
        unreachable!()
    }
    pub fn increment(&self) {}
    pub fn add(&self, _n: u64) {}
    pub fn get(&self) -> u64 {
        *self.value.lock().unwrap()
    }
}
