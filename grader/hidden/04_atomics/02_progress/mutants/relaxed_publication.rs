//! Mutant: publishes `done` with a `Relaxed` store, so a watcher may see the count before the result.
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// The results of a batch job, published one by one as the worker finishes them.
pub struct Progress {
    /// One slot per item.
    results: Box<[AtomicU64]>,
    /// How many slots hold a published result: the first `done` of them.
    done: AtomicUsize,
}

impl Progress {
    /// A table for `len` results, none in yet.
    pub fn new(len: usize) -> Self {
        Progress {
            results: (0..len).map(|_| AtomicU64::new(0)).collect(),
            done: AtomicUsize::new(0),
        }
    }

    /// Stores the result of the next item and publishes it. Called by the worker thread only.
    ///
    /// # Panics
    ///
    /// If all `len` results are in already.
    pub fn push(&self, result: u64) {
        // Only this thread ever stores `done`, so it reads back its own last store.
        let done = self.done.load(Ordering::Relaxed);
        let slot = self.results.get(done).unwrap_or_else(|| {
            panic!("push() was called after all {done} results were in")
        });
        slot.store(result, Ordering::Relaxed);
        self.done.store(done + 1, Ordering::Relaxed);
    }

    /// How many results are in.
    pub fn done(&self) -> usize {
        self.done.load(Ordering::Acquire)
    }

    /// The results that are in, in item order.
    pub fn results(&self) -> Vec<u64> {
        let done = self.done.load(Ordering::Acquire);
        self.results[..done]
            .iter()
            .map(|slot| slot.load(Ordering::Relaxed))
            .collect()
    }
}
