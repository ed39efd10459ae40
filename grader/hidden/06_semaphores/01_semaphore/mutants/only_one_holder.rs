//! Mutant: every `Permit` also holds one shared `Mutex` guard: one holder at a time.
//!
//! Only one holder is ever in, whatever the count.

use std::sync::{Condvar, Mutex, MutexGuard, TryLockError};

/// A counting semaphore: at most `permits` holders at once.
pub struct Semaphore {
    free: Mutex<usize>,
    released: Condvar,
    /// The door every holder walks through: a lock, so one holder at a time.
    door: Mutex<()>,
}

/// One permit of a [`Semaphore`], held until it is dropped.
pub struct Permit<'a> {
    semaphore: &'a Semaphore,
    _door: MutexGuard<'a, ()>,
}

impl Semaphore {
    /// Creates a semaphore with `permits` free permits.
    pub fn new(permits: usize) -> Self {
        Self {
            free: Mutex::new(permits),
            released: Condvar::new(),
            door: Mutex::new(()),
        }
    }

    /// Takes a permit, sleeping while none is free.
    pub fn acquire(&self) -> Permit<'_> {
        let door = self.door.lock().unwrap_or_else(|p| p.into_inner());
        let mut free = self
            .released
            .wait_while(self.lock(), |free| *free == 0)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *free -= 1;
        Permit {
            semaphore: self,
            _door: door,
        }
    }

    /// Takes a permit if one is free right now; never waits.
    pub fn try_acquire(&self) -> Option<Permit<'_>> {
        let door = match self.door.try_lock() {
            Ok(door) => door,
            Err(TryLockError::Poisoned(p)) => p.into_inner(),
            Err(TryLockError::WouldBlock) => return None,
        };
        let mut free = self.lock();
        if *free == 0 {
            return None;
        }
        *free -= 1;
        Some(Permit {
            semaphore: self,
            _door: door,
        })
    }

    /// How many permits are free right now.
    pub fn available(&self) -> usize {
        *self.lock()
    }

    fn release(&self) {
        *self.lock() += 1;
        self.released.notify_one();
    }

    fn lock(&self) -> MutexGuard<'_, usize> {
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
