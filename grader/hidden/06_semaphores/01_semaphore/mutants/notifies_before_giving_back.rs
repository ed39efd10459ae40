//! Mutant: a dropped `Permit` wakes a waiter first and gives the permit back after, so the woken
//! thread finds none free, sleeps again, and nothing wakes it.

use std::sync::{Condvar, Mutex, MutexGuard};

/// A counting semaphore: at most `permits` holders at once.
pub struct Semaphore {
    /// How many permits are free right now.
    free: Mutex<usize>,
    /// Signalled whenever a permit is given back.
    released: Condvar,
}

/// One permit of a [`Semaphore`], held until it is dropped.
///
/// It borrows the semaphore, so it cannot outlive it, and it is the only way to give a permit
/// back: a permit cannot be released twice, or released by someone who never acquired it.
#[must_use = "a permit is given back as soon as it is dropped"]
pub struct Permit<'a> {
    semaphore: &'a Semaphore,
}

impl Semaphore {
    /// Creates a semaphore with `permits` free permits.
    pub fn new(permits: usize) -> Self {
        Self {
            free: Mutex::new(permits),
            released: Condvar::new(),
        }
    }

    /// Takes a permit, sleeping while none is free.
    pub fn acquire(&self) -> Permit<'_> {
        // A wake-up only means "look again": another thread may have taken the permit first.
        let mut free = self
            .released
            .wait_while(self.lock(), |free| *free == 0)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *free -= 1;
        Permit { semaphore: self }
    }

    /// Takes a permit if one is free right now; never waits.
    pub fn try_acquire(&self) -> Option<Permit<'_>> {
        let mut free = self.lock();
        if *free == 0 {
            return None;
        }
        *free -= 1;
        Some(Permit { semaphore: self })
    }

    /// How many permits are free right now.
    pub fn available(&self) -> usize {
        *self.lock()
    }

    fn release(&self) {
        // Wake a waiter, then give the permit back.
        self.released.notify_one();
        *self.lock() += 1;
    }

    fn lock(&self) -> MutexGuard<'_, usize> {
        // A `usize` cannot be left half-written by a panic, so a poisoned lock is still sound.
        self.free
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        self.semaphore.release();
    }
}
