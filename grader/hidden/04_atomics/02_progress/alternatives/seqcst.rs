//! Alternative: SeqCst everywhere (stronger than needed, just as correct), and fetch_add to publish.
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering::SeqCst};

pub struct Progress {
    results: Vec<AtomicU64>,
    done: AtomicUsize,
}

impl Progress {
    pub fn new(len: usize) -> Self {
        let mut results = Vec::with_capacity(len);
        results.resize_with(len, || AtomicU64::new(0));
        Progress { results, done: AtomicUsize::new(0) }
    }

    pub fn push(&self, result: u64) {
        let done = self.done.load(SeqCst);
        assert!(done < self.results.len(), "push() after all results were in");
        self.results[done].store(result, SeqCst);
        self.done.fetch_add(1, SeqCst);
    }

    pub fn done(&self) -> usize {
        self.done.load(SeqCst)
    }

    pub fn results(&self) -> Vec<u64> {
        let done = self.done.load(SeqCst);
        self.results[..done].iter().map(|slot| slot.load(SeqCst)).collect()
    }
}
