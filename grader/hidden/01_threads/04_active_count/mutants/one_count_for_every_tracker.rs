//! Mutant: keeps one global count, so every tracker counts every tracker's threads.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::{self, JoinHandle};

static ACTIVE: AtomicUsize = AtomicUsize::new(0);

struct Finished;

impl Drop for Finished {
    fn drop(&mut self) {
        ACTIVE.fetch_sub(1, Ordering::SeqCst);
    }
}

pub struct ThreadTracker;

impl ThreadTracker {
    pub fn new() -> Self {
        ThreadTracker
    }

    pub fn spawn<T, F>(&self, f: F) -> JoinHandle<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        ACTIVE.fetch_add(1, Ordering::SeqCst);
        thread::spawn(move || {
            let _finished = Finished;
            f()
        })
    }

    pub fn active_count(&self) -> usize {
        ACTIVE.load(Ordering::SeqCst)
    }
}
