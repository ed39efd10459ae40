//! expect: crashed: threads at once
//! Starts threads that never end, without end.
pub struct Counter;
impl Counter {
    pub fn new() -> Self {
        loop {
            std::thread::spawn(|| std::thread::park());
        }
    }
    pub fn increment(&self) {}
    pub fn add(&self, _n: u64) {}
    pub fn get(&self) -> u64 {
        0
    }
}
