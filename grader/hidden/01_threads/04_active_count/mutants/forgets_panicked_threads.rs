//! Mutant: counts a thread down only when its work returns, so a panicking thread stays counted.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::{self, JoinHandle};

pub struct ThreadTracker {
    active: Arc<AtomicUsize>,
}

impl ThreadTracker {
    pub fn new() -> Self {
        Self {
            active: Arc::new(AtomicUsize::new(0)),
        }
    }

    pub fn spawn<T, F>(&self, f: F) -> JoinHandle<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        self.active.fetch_add(1, Ordering::SeqCst);
        let active = Arc::clone(&self.active);
        thread::spawn(move || {
            let value = f();
            active.fetch_sub(1, Ordering::SeqCst);
            value
        })
    }

    pub fn active_count(&self) -> usize {
        self.active.load(Ordering::SeqCst)
    }
}
