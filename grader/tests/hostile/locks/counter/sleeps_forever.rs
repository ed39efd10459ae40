//! expect: timed_out: sleeping
//! Sleeps for a day.
pub struct Counter;
impl Counter {
    pub fn new() -> Self {
        std::thread::sleep(std::time::Duration::from_secs(86_400));
        Counter
    }
    pub fn increment(&self) {}
    pub fn add(&self, _n: u64) {}
    pub fn get(&self) -> u64 {
        0
    }
}
