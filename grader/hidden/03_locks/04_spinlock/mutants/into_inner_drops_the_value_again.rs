//! Mutant: `into_inner` reads the value out of the cell with `ptr::read`, and the lock, dropped
//! at the end of the call, drops it a second time.

use std::cell::UnsafeCell;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, Ordering};

/// A lock that waits by spinning.
pub struct SpinLock<T> {
    locked: AtomicBool,
    value: UnsafeCell<T>,
}

// SAFETY: the lock hands the `T` to one thread at a time, so sharing the lock is like sending
// the `T` from thread to thread: sound exactly when `T: Send`.
unsafe impl<T: Send> Sync for SpinLock<T> {}

/// Proof that the lock is held; gives access to the value, and releases the lock when dropped.
pub struct SpinLockGuard<'a, T> {
    lock: &'a SpinLock<T>,
}

// SAFETY: threads that share a guard each get `&T` from it, at once: sharing the guard shares
// the `T`, sound exactly when `T: Sync`. This replaces the compiler's own answer (`Sync` when
// `T: Send`, from the `&SpinLock<T>` field), which would let two threads `set` one `Cell`.
// (The guard stays `Send` when `T: Send`, from that field: the thread it moves to gets the `T`
// alone, and releasing the lock from another thread is just an atomic store.)
unsafe impl<T: Sync> Sync for SpinLockGuard<'_, T> {}

impl<T> SpinLock<T> {
    /// A free lock holding `value`.
    pub const fn new(value: T) -> Self {
        SpinLock {
            locked: AtomicBool::new(false),
            value: UnsafeCell::new(value),
        }
    }

    /// Waits until the lock is free, takes it, and returns the guard.
    pub fn lock(&self) -> SpinLockGuard<'_, T> {
        loop {
            if let Some(guard) = self.try_lock() {
                return guard;
            }
            // Wait with plain loads until the lock looks free, so that waiting threads do not
            // fight over the cache line with writes.
            while self.locked.load(Ordering::Relaxed) {
                std::hint::spin_loop();
            }
        }
    }

    /// Takes the lock if it is free right now.
    pub fn try_lock(&self) -> Option<SpinLockGuard<'_, T>> {
        self.locked
            .compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed)
            .ok()
            .map(|_| SpinLockGuard { lock: self })
    }

    /// The value, taken out of the lock.
    pub fn into_inner(self) -> T {
        // SAFETY (wrongly claimed): `self` is ours, so nobody holds the lock and the value can
        // be read out.
        unsafe { std::ptr::read(self.value.get()) }
    }
}

impl<T> Deref for SpinLockGuard<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        // SAFETY: the guard exists only while this thread holds the lock.
        unsafe { &*self.lock.value.get() }
    }
}

impl<T> DerefMut for SpinLockGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the guard exists only while this thread holds the lock, and `&mut self`
        // means no other reference from this guard is alive.
        unsafe { &mut *self.lock.value.get() }
    }
}

impl<T> Drop for SpinLockGuard<'_, T> {
    fn drop(&mut self) {
        self.lock.locked.store(false, Ordering::Release);
    }
}
