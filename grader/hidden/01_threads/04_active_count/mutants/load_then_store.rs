//! Mutant: counts up and down with a separate load and store, so counts changed at the same time
//! are lost.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::{self, JoinHandle};

pub struct ThreadTracker {
    active: Arc<AtomicUsize>,
}

struct Finished(Arc<AtomicUsize>);

impl Drop for Finished {
    fn drop(&mut self) {
        let count = self.0.load(Ordering::SeqCst);
        self.0.store(count.saturating_sub(1), Ordering::SeqCst);
    }
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
        let count = self.active.load(Ordering::SeqCst);
        self.active.store(count + 1, Ordering::SeqCst);
        let finished = Finished(Arc::clone(&self.active));
        thread::spawn(move || {
            let _finished = finished;
            f()
        })
    }

    pub fn active_count(&self) -> usize {
        self.active.load(Ordering::SeqCst)
    }
}

impl Default for ThreadTracker {
    fn default() -> Self {
        Self::new()
    }
}
