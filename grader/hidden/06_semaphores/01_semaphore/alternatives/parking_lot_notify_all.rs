//! Alternative: `parking_lot`'s `Mutex` and `Condvar`, waking every waiter on each release
//! (wasteful but correct, because each woken waiter re-checks the count).

use parking_lot::{Condvar, Mutex};

/// A counting semaphore: at most `permits` holders at once.
pub struct Semaphore {
    free: Mutex<usize>,
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
            free: Mutex::new(permits),
            released: Condvar::new(),
        }
    }

    /// Takes a permit, sleeping while none is free.
    pub fn acquire(&self) -> Permit<'_> {
        let mut free = self.free.lock();
        while *free == 0 {
            self.released.wait(&mut free);
        }
        *free -= 1;
        Permit { semaphore: self }
    }

    /// Takes a permit if one is free right now; never waits.
    pub fn try_acquire(&self) -> Option<Permit<'_>> {
        let mut free = self.free.lock();
        (*free > 0).then(|| {
            *free -= 1;
            Permit { semaphore: self }
        })
    }

    /// How many permits are free right now.
    pub fn available(&self) -> usize {
        *self.free.lock()
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let mut free = self.semaphore.free.lock();
        *free += 1;
        self.semaphore.released.notify_all();
    }
}
