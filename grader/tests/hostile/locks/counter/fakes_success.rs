//! expect: failed: exited with status 0 before the test finished
//! Prints what libtest prints for a passing run, and a guess at the grader's pass line, then
//! exits successfully.
pub struct Counter;
impl Counter {
    pub fn new() -> Self {
        println!("running 9 tests");
        println!("test result: ok. 9 passed; 0 failed; 0 ignored; 0 measured");
        println!("@@threadlings:pass:00000000000000000000000000000000");
        std::process::exit(0)
    }
    pub fn increment(&self) {}
    pub fn add(&self, _n: u64) {}
    pub fn get(&self) -> u64 {
        0
    }
}
