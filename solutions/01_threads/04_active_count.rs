//! Solution: count the threads that are still running, like Python's `active_count()`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::{self, JoinHandle};

/// Starts threads and counts those still running.
pub struct ThreadTracker {
    // Shared with every tracked thread, which outlives `spawn` and maybe the tracker itself.
    active: Arc<AtomicUsize>,
}

/// Takes one off the count when dropped: when the thread's work returns, and when it panics.
struct Finished(Arc<AtomicUsize>);

impl Drop for Finished {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl ThreadTracker {
    /// A tracker that has started no threads.
    pub fn new() -> Self {
        Self {
            active: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// Starts `f` on a new thread, counted as active until `f` returns or panics.
    pub fn spawn<T, F>(&self, f: F) -> JoinHandle<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        // Counted before the thread starts, so the count is right as soon as `spawn` returns.
        self.active.fetch_add(1, Ordering::SeqCst);
        let finished = Finished(Arc::clone(&self.active));
        thread::spawn(move || {
            let _finished = finished;
            f()
        })
    }

    /// How many threads started by this tracker have not finished yet.
    pub fn active_count(&self) -> usize {
        self.active.load(Ordering::SeqCst)
    }
}

impl Default for ThreadTracker {
    fn default() -> Self {
        Self::new()
    }
}
