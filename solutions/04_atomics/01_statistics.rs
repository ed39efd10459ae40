//! # Atomics 1: statistics that every thread can update (solution)
//!
//! One atomic per number, each changed in one read-modify-write step: `fetch_add` for the two
//! sums, `fetch_max` for the largest. `Relaxed` is enough everywhere: every atomic keeps one order
//! of its own updates that all threads agree on, so no update is lost, and nothing here needs
//! one atomic's update to be seen before another's. Joining a thread orders all it did before
//! whatever follows the join, which is why the numbers are exact once the recorders are joined.

use std::sync::atomic::{AtomicU64, Ordering};

/// Response statistics that any number of threads can update at once.
pub struct Stats {
    requests: AtomicU64,
    bytes: AtomicU64,
    largest: AtomicU64,
}

impl Default for Stats {
    fn default() -> Self {
        Self::new()
    }
}

impl Stats {
    /// Statistics with nothing counted yet.
    pub const fn new() -> Self {
        Stats {
            requests: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            largest: AtomicU64::new(0),
        }
    }

    /// Counts one response of `bytes` bytes.
    pub fn record(&self, bytes: u64) {
        self.requests.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
        self.largest.fetch_max(bytes, Ordering::Relaxed);
    }

    /// How many responses were counted.
    pub fn requests(&self) -> u64 {
        self.requests.load(Ordering::Relaxed)
    }

    /// How many bytes the counted responses held in all.
    pub fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// The size of the largest counted response, or 0 if none was counted.
    pub fn largest(&self) -> u64 {
        self.largest.load(Ordering::Relaxed)
    }
}
