//! expect: timed_out: never stopped running
//! Spins forever.
pub struct Counter;
impl Counter {
    pub fn new() -> Self {
        loop {
            std::hint::spin_loop();
        }
    }
    pub fn increment(&self) {}
    pub fn add(&self, _n: u64) {}
    pub fn get(&self) -> u64 {
        0
    }
}
