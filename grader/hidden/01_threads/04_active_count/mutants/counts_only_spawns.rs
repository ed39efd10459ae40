//! Mutant: counts every thread ever spawned, and never counts one down.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::{self, JoinHandle};

pub struct ThreadTracker {
    spawned: AtomicUsize,
}

impl ThreadTracker {
    pub fn new() -> Self {
        Self {
            spawned: AtomicUsize::new(0),
        }
    }

    pub fn spawn<T, F>(&self, f: F) -> JoinHandle<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        self.spawned.fetch_add(1, Ordering::SeqCst);
        thread::spawn(f)
    }

    pub fn active_count(&self) -> usize {
        self.spawned.load(Ordering::SeqCst)
    }
}
