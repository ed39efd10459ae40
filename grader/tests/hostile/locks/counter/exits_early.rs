//! expect: failed: exited with status 0 before the test finished
//! Ends the process from a constructor, before any test can finish.
pub struct Counter;
impl Counter {
    pub fn new() -> Self {
        std::process::exit(0)
    }
    pub fn increment(&self) {}
    pub fn add(&self, _n: u64) {}
    pub fn get(&self) -> u64 {
        0
    }
}
