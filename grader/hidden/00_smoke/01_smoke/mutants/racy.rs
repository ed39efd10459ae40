//! Mutant: load then store.
use std::sync::atomic::{AtomicU64, Ordering};
pub struct Counter { value: AtomicU64 }
impl Counter {
    pub fn new() -> Self { Self { value: AtomicU64::new(0) } }
    pub fn add(&self, n: u64) { let v = self.value.load(Ordering::Relaxed); self.value.store(v + n, Ordering::Relaxed); }
    pub fn get(&self) -> u64 { self.value.load(Ordering::Relaxed) }
}
