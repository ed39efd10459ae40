//! Alternative: Relaxed operations with a Release fence before publishing and an Acquire fence after reading the count.
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering, fence};

pub struct Progress {
    results: Box<[AtomicU64]>,
    done: AtomicUsize,
}

impl Progress {
    pub fn new(len: usize) -> Self {
        Progress { results: (0..len).map(|_| AtomicU64::new(0)).collect(), done: AtomicUsize::new(0) }
    }

    pub fn push(&self, result: u64) {
        let done = self.done.load(Ordering::Relaxed);
        self.results[done].store(result, Ordering::Relaxed);
        fence(Ordering::Release);
        self.done.store(done + 1, Ordering::Relaxed);
    }

    pub fn done(&self) -> usize {
        self.done.load(Ordering::Relaxed)
    }

    pub fn results(&self) -> Vec<u64> {
        let done = self.done.load(Ordering::Relaxed);
        fence(Ordering::Acquire);
        self.results[..done].iter().map(|slot| slot.load(Ordering::Relaxed)).collect()
    }
}
