//! Mutant: wraps `std::sync::Barrier`, which cannot be aborted.
//!
//! So threads already waiting stay stuck.

use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The error of [`Barrier::wait`] on a barrier that was aborted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BrokenBarrier;

impl fmt::Display for BrokenBarrier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the barrier was aborted")
    }
}

impl std::error::Error for BrokenBarrier {}

/// A meeting point for a fixed number of threads.
pub struct Barrier {
    parties: usize,
    inner: std::sync::Barrier,
    arrived: AtomicUsize,
    broken: AtomicBool,
}

impl Barrier {
    /// Creates a barrier for `parties` threads.
    pub fn new(parties: usize) -> Self {
        assert!(parties > 0);
        Self {
            parties,
            inner: std::sync::Barrier::new(parties),
            arrived: AtomicUsize::new(0),
            broken: AtomicBool::new(false),
        }
    }

    /// Waits until `parties` threads have arrived.
    pub fn wait(&self) -> Result<usize, BrokenBarrier> {
        if self.broken.load(Ordering::SeqCst) {
            return Err(BrokenBarrier);
        }
        let index = self.arrived.fetch_add(1, Ordering::SeqCst) % self.parties;
        self.inner.wait();
        if self.broken.load(Ordering::SeqCst) {
            Err(BrokenBarrier)
        } else {
            Ok(index)
        }
    }

    /// Breaks the barrier, as far as a flag can.
    pub fn abort(&self) {
        self.broken.store(true, Ordering::SeqCst);
    }

    /// Whether the barrier was aborted.
    pub fn is_broken(&self) -> bool {
        self.broken.load(Ordering::SeqCst)
    }
}
