//! expect: crashed: a panic while already panicking
//! Panics in Drop while a panic is unwinding, which aborts the process.
pub struct Counter;
struct Bomb;
impl Drop for Bomb {
    fn drop(&mut self) {
        panic!("a second panic, in Drop");
    }
}
impl Counter {
    pub fn new() -> Self {
        let _bomb = Bomb;
        panic!("the first panic");
    }
    pub fn increment(&self) {}
    pub fn add(&self, _n: u64) {}
    pub fn get(&self) -> u64 {
        0
    }
}
