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
//! Three tools here belong to the next section, atomics (`cargo doc -p atomics --open`, or
//! `crates/atomics/src/`), which explains them in full; this is what the exercise needs:
//!
//! - `UnsafeCell<T>` is the one way to change data reached through a shared `&`:
//!   `self.lock.value.get()` gives a `*mut T`, and `unsafe { &*ptr }` / `unsafe { &mut *ptr }`
//!   turn it into a reference. `unsafe` is your promise that no other thread uses the `T` at the
//!   same time, which holding the lock guarantees (the lesson's `happens_before` module).
//! - `flag.compare_exchange(false, true, success, failure)` stores `true` only if the flag is
//!   `false`, in one indivisible step, and returns `Ok` if it did (`operations`).
//! - Orderings: take the lock with `Ordering::Acquire` and free it with `Ordering::Release`, so
//!   that the next holder sees everything the last one wrote through the guard
//!   (`release_acquire`). With `Relaxed` it may not: the hidden model tests catch that, even on
//!   a machine where it happens to work.
//!
//! Two `unsafe impl`s below are given, and they are part of the exercise: read them, and keep
//! them. The compiler works out `Send` and `Sync` from a type's fields, and for a lock built on
//! an `UnsafeCell` its answer must be corrected twice, once because it is too strict and once
//! because it is too generous:
//!
//! - `SpinLock<T>` hands `&mut T` to whichever thread holds it, one thread at a time, so sharing
//!   the lock is like sending the `T` from thread to thread: it must be `Sync` exactly when
//!   `T: Send`. (`UnsafeCell` alone would make it never `Sync`.)
//! - `SpinLockGuard<T>` holds only a `&SpinLock<T>`, so the compiler would make it `Sync`
//!   whenever `T: Send`. But threads that share one guard each reach the `T` through `Deref`, at
//!   the same moment: two threads sharing a guard of a `Cell` could both call `set` on it, a data
//!   race in code without a single `unsafe`. Sharing the guard shares the `T`, so the guard must
//!   be `Sync` only when `T: Sync`, as std's `MutexGuard` is. (Sending the guard is fine when
//!   `T: Send`: the other thread gets the `T` alone, and releases the lock when it drops it.)
//!
//! The hidden checks include code that must not compile: a guard of a `Cell` shared between
//! threads must be refused, and a guard of a `u64` shared the same way must be accepted.
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

// SAFETY: threads that share a guard each get `&T` from it, at once: sharing the guard shares
// the `T`, sound exactly when `T: Sync`. This replaces the compiler's own answer (`Sync` when
// `T: Send`, from the `&SpinLock<T>` field), which would let two threads `set` one `Cell`.
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
