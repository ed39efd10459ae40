//! expect: failed: more bytes of output were cut
//! Prints 20 MB (once per process; the grader keeps 16 KiB), then gives wrong answers.
use std::io::Write;
pub struct Counter;
impl Counter {
    pub fn new() -> Self {
        static FLOOD: std::sync::Once = std::sync::Once::new();
        FLOOD.call_once(|| {
            let line = [b'x'; 1023];
            let mut out = std::io::stdout().lock();
            for _ in 0..20 * 1024 {
                let _ = out.write_all(&line);
                let _ = out.write_all(b"\n");
            }
        });
        Counter
    }
    pub fn increment(&self) {}
    pub fn add(&self, _n: u64) {}
    pub fn get(&self) -> u64 {
        42
    }
}
