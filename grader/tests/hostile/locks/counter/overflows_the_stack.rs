//! expect: crashed: stack overflow
//! Recurses without end.
pub struct Counter;
#[allow(unconditional_recursion)]
fn deeper(depth: u64) -> u64 {
    let padding = [depth; 64];
    deeper(depth + 1) + std::hint::black_box(padding)[0]
}
impl Counter {
    pub fn new() -> Self {
        deeper(0);
        Counter
    }
    pub fn increment(&self) {}
    pub fn add(&self, _n: u64) {}
    pub fn get(&self) -> u64 {
        0
    }
}
