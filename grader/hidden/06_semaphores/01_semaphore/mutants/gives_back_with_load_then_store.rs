//! Mutant: the free count is an atomic, and a dropped `Permit` gives its permit back with a load
//! and a store: a permit taken or given back in between is overwritten.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

/// A counting semaphore: at most `permits` holders at once.
pub struct Semaphore {
    free: AtomicUsize,
    /// Waiters check the count and fall asleep under this lock; releasers take it before they
    /// notify, so a release cannot slip between a waiter's check and its sleep.
    sleepers: Mutex<()>,
    released: Condvar,
}

/// One permit of a [`Semaphore`], held until it is dropped.
pub struct Permit<'a> {
    semaphore: &'a Semaphore,
}

impl Semaphore {
    /// Creates a semaphore with `permits` free permits.
    pub fn new(permits: usize) -> Self {
        Self {
            free: AtomicUsize::new(permits),
            sleepers: Mutex::new(()),
            released: Condvar::new(),
        }
    }

    /// Takes a permit, sleeping while none is free.
    pub fn acquire(&self) -> Permit<'_> {
        if let Some(permit) = self.try_acquire() {
            return permit;
        }
        let mut guard = self.sleepers.lock().unwrap_or_else(|p| p.into_inner());
        loop {
            if let Some(permit) = self.try_acquire() {
                return permit;
            }
            guard = self.released.wait(guard).unwrap_or_else(|p| p.into_inner());
        }
    }

    /// Takes a permit if one is free right now; never waits.
    pub fn try_acquire(&self) -> Option<Permit<'_>> {
        self.free
            .fetch_update(Ordering::Acquire, Ordering::Relaxed, |free| {
                free.checked_sub(1)
            })
            .ok()
            .map(|_| Permit { semaphore: self })
    }

    /// How many permits are free right now.
    pub fn available(&self) -> usize {
        self.free.load(Ordering::Acquire)
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let semaphore = self.semaphore;
        let free = semaphore.free.load(Ordering::Acquire);
        semaphore.free.store(free + 1, Ordering::Release);
        drop(semaphore.sleepers.lock().unwrap_or_else(|p| p.into_inner()));
        semaphore.released.notify_one();
    }
}
