//! Exercise: a counting semaphore, the one thing the tutorial uses that std does not have.
//!
//! The Python tutorial writes `semaphore = threading.Semaphore(2)` and then `with semaphore:`
//! around a critical section: at most two threads are inside at once, and a third waits at the
//! door until one of them leaves. Rust's standard library has no semaphore, so build one from a
//! `Mutex` and a `Condvar`.
//!
//! - `Semaphore::new(permits)` creates a semaphore with `permits` free permits (0 is allowed,
//!   and lets nobody in).
//! - `acquire()` takes a permit and returns it as a `Permit`. While no permit is free it waits,
//!   asleep (not spinning), until a holder gives one back.
//! - `try_acquire()` takes a permit if one is free right now and returns `None` otherwise. It
//!   never waits.
//! - `available()` says how many permits are free right now.
//! - Dropping a `Permit` gives its permit back and wakes a thread waiting in `acquire()`, if any.
//!   This is Python's `with semaphore:` block: the permit is released however the holder leaves
//!   its scope, by returning or by panicking.
//!
//! A `Permit<'a>` borrows its semaphore, so the compiler refuses a permit that outlives the
//! semaphore it came from. And because dropping the permit is the only way to release, nobody can
//! release a permit twice or release one they never took: Python needs a separate
//! `BoundedSemaphore` to catch that mistake at run time; here it cannot be written.
//!
//! `Semaphore` must be `Send + Sync`, so that threads can share it (through an `Arc`, or a
//! `thread::scope`). Re-check the count after every wake-up (`Condvar::wait_while`): a woken
//! thread may find that another one took the permit first.
//!
//! The lesson: `cargo doc -p semaphores --open`, or `crates/semaphores/src/`. Its example
//! `cargo run -p semaphores --example bounded_semaphore` runs the tutorial's semaphore.

use std::marker::PhantomData;

/// A counting semaphore: at most `permits` holders at once.
pub struct Semaphore {
    // TODO: the number of free permits behind a Mutex, and a Condvar for `acquire` to sleep on.
}

/// One permit of a [`Semaphore`], held until it is dropped.
pub struct Permit<'a> {
    // TODO: a reference to the semaphore, so that `Drop` can give the permit back.
    semaphore: PhantomData<&'a Semaphore>,
}

impl Semaphore {
    /// Creates a semaphore with `permits` free permits.
    pub fn new(permits: usize) -> Self {
        let _ = permits;
        todo!()
    }

    /// Takes a permit, sleeping while none is free.
    pub fn acquire(&self) -> Permit<'_> {
        todo!()
    }

    /// Takes a permit if one is free right now; never waits.
    pub fn try_acquire(&self) -> Option<Permit<'_>> {
        todo!()
    }

    /// How many permits are free right now.
    pub fn available(&self) -> usize {
        todo!()
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        // TODO: give the permit back, and wake a thread waiting in `acquire()`.
        let _ = self.semaphore;
    }
}
