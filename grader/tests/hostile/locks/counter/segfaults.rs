//! expect: crashed: SIGSEGV
//! Writes through a null pointer.
pub struct Counter;
impl Counter {
    pub fn new() -> Self {
        // SAFETY: none; this file exists to crash.
        unsafe { std::ptr::null_mut::<u64>().write_volatile(1) };
        Counter
    }
    pub fn increment(&self) {}
    pub fn add(&self, _n: u64) {}
    pub fn get(&self) -> u64 {
        0
    }
}
