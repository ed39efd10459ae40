//! Mutant: execute() runs the job on the calling thread.

/// A pool that is no pool at all.
pub struct ThreadPool {
    _workers: usize,
}

impl ThreadPool {
    /// Starts the pool.
    pub fn new(workers: usize) -> Self {
        assert!(workers > 0, "a ThreadPool needs at least one worker");
        Self { _workers: workers }
    }

    /// The bug: runs the job right here, and returns once it is done.
    pub fn execute<F: FnOnce() + Send + 'static>(&self, job: F) {
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
    }

    /// Nothing is ever queued.
    pub fn join(self) {}
}
