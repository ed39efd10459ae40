//! expect: crashed: SIGABRT
//! Aborts the process.
pub struct Counter;
impl Counter {
    pub fn new() -> Self {
        std::process::abort()
    }
    pub fn increment(&self) {}
    pub fn add(&self, _n: u64) {}
    pub fn get(&self) -> u64 {
        0
    }
}
