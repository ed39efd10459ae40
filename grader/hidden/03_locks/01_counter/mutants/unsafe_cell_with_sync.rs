//! Mutant: a plain number in an `UnsafeCell`, with `unsafe impl Sync` to make the compiler
//! accept sharing it: two threads can read and write it at once.

use std::cell::UnsafeCell;

pub struct Counter {
    count: UnsafeCell<u64>,
}

// SAFETY (wrongly claimed): an increment is a single `+=`, so threads cannot get in each
// other's way.
unsafe impl Sync for Counter {}

impl Counter {
    pub fn new() -> Self {
        Counter {
            count: UnsafeCell::new(0),
        }
    }

    pub fn increment(&self) {
        self.add(1);
    }

    pub fn add(&self, n: u64) {
        // SAFETY: see the `Sync` impl above.
        unsafe { *self.count.get() += n }
    }

    pub fn get(&self) -> u64 {
        // SAFETY: see the `Sync` impl above.
        unsafe { *self.count.get() }
    }
}

impl Default for Counter {
    fn default() -> Self {
        Self::new()
    }
}
