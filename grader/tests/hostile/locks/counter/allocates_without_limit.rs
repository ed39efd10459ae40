//! expect: crashed: ran out of memory
//! Allocates until the allocator gives up.
pub struct Counter;
impl Counter {
    pub fn new() -> Self {
        let mut hoard: Vec<Vec<u8>> = Vec::new();
        loop {
            hoard.push(vec![0; 256 << 20]);
        }
    }
    pub fn increment(&self) {}
    pub fn add(&self, _n: u64) {}
    pub fn get(&self) -> u64 {
        0
    }
}
