//! # Locks 4: build your own lock
//!
//! A `Mutex` is not magic. Underneath it is a flag that says "taken", changed with an atomic
//! instruction so that two threads can never both see "free" and both take it, and a guard that
//! gives access to the data and clears the flag when dropped. A spin lock is the simplest such
//! lock: a thread that finds it taken tries again in a loop.
//!
//! Build `SpinLock<T>`:
//! - `lock()` waits (spinning, with `std::hint::spin_loop()`) until it can take the lock, and
//!   returns a guard that derefs to the `T`;
//! - `try_lock()` takes it only if it is free right now;
//! - dropping the guard releases the lock;
//! - `into_inner()` gives the value back.
//!
//! The flag must go from free to taken in ONE atomic step (`compare_exchange` or `swap`): a
//! separate load and store lets two threads in at once.
//!
//! `SpinLock<T>` hands `&mut T` to whichever thread holds it, so sharing it between threads is
//! only sound when `T` may be sent between threads: it must be `Sync` exactly when `T: Send`.
//! The `unsafe impl` below says so; read the lesson on why it is sound, and keep it that way.
//!
//! Check your work: `cargo run -p grader -- check locks/spinlock`.

use std::cell::UnsafeCell;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::AtomicBool;

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
        // TODO: take the lock in one atomic step, spinning while another thread holds it.
        todo!()
    }

    /// Takes the lock if it is free right now.
    pub fn try_lock(&self) -> Option<SpinLockGuard<'_, T>> {
        todo!()
    }

    /// The value, taken out of the lock.
    pub fn into_inner(self) -> T {
        self.value.into_inner()
    }
}

impl<T> Deref for SpinLockGuard<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        let _ = self.lock;
        todo!()
    }
}

impl<T> DerefMut for SpinLockGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        todo!()
    }
}

impl<T> Drop for SpinLockGuard<'_, T> {
    fn drop(&mut self) {
        // TODO: release the lock, so that other threads see every change made through the guard.
    }
}
