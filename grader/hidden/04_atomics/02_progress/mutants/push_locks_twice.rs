//! Mutant: push() holds the Mutex and calls done(), which locks it again: a deadlock.
use std::sync::Mutex;

pub struct Progress {
    len: usize,
    results: Mutex<Vec<u64>>,
}

impl Progress {
    pub fn new(len: usize) -> Self {
        Progress {
            len,
            results: Mutex::new(Vec::with_capacity(len)),
        }
    }

    pub fn push(&self, result: u64) {
        let mut results = self.results.lock().unwrap();
        assert!(self.done() < self.len, "push() after all results were in");
        results.push(result);
    }

    pub fn done(&self) -> usize {
        self.results.lock().unwrap().len()
    }

    pub fn results(&self) -> Vec<u64> {
        self.results.lock().unwrap().clone()
    }
}
