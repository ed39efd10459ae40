//! Alternative: the results in a Mutex<Vec<u64>>: the lock orders the worker's writes before the watchers' reads.
use std::sync::{Mutex, MutexGuard};

pub struct Progress {
    len: usize,
    results: Mutex<Vec<u64>>,
}

impl Progress {
    pub fn new(len: usize) -> Self {
        Progress { len, results: Mutex::new(Vec::with_capacity(len)) }
    }

    fn results_in(&self) -> MutexGuard<'_, Vec<u64>> {
        self.results.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn push(&self, result: u64) {
        let mut results = self.results_in();
        assert!(results.len() < self.len, "push() after all {} results were in", self.len);
        results.push(result);
    }

    pub fn done(&self) -> usize {
        self.results_in().len()
    }

    pub fn results(&self) -> Vec<u64> {
        self.results_in().clone()
    }
}
