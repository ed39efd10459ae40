//! # The GIL 1: build a global interpreter lock
//!
//! CPython runs Python code under one lock, the *global interpreter lock* (GIL): a thread must
//! hold it to run Python code, so only one thread runs Python code at a time, however many cores
//! there are. A thread that is about to wait for something slow (a file, a socket, a `sleep`)
//! releases the GIL first and takes it back afterwards, so that other threads can run meanwhile.
//! Rust has no GIL; build one, to see exactly what it does and what it costs.
//!
//! Build `Gil` and `GilGuard`:
//!
//! - `Gil::new()` creates a GIL that no thread holds. A `Gil` is shared between threads (by
//!   reference, in an `Arc` or a `static`), so it must be `Send` and `Sync`.
//! - `acquire()` waits until no other thread holds the GIL, takes it, and returns a `GilGuard`:
//!   the proof that this thread holds it. While one thread holds it, every other `acquire()`
//!   waits, asleep (no spinning, no `yield_now()` loop: a thread waiting for the GIL must not
//!   burn a core).
//! - Dropping the `GilGuard` releases the GIL.
//! - `guard.allow_threads(f)` releases the GIL, runs `f`, takes the GIL back (waiting, asleep,
//!   if another thread took it meanwhile) and returns what `f` returned. This is what CPython
//!   does around blocking I/O, and what PyO3's `Python::detach` (called `allow_threads` before
//!   PyO3 0.26) lets Rust code do. It takes `&mut self` so that the guard cannot be used while
//!   the GIL is released. If `f` panics, the panic goes on to the caller, and the guard is
//!   dropped as it unwinds: that drop must never release a GIL that another thread took while
//!   `f` ran.
//! - `GilGuard` must NOT be `Send`: holding the GIL is a fact about the thread that took it, so
//!   the guard must stay on that thread (as `std::sync::MutexGuard` does). Sending one to
//!   another thread must be a compile error.
//!
//! A `Mutex<bool>` ("held?") and a `Condvar` make a good GIL. `Condvar` belongs to a later
//! section (conditions); the lesson's `the_gil` module shows all of it this exercise needs
//! ("Sleeping until the GIL is free": `wait_while` and `notify_one`). A `Mutex<()>` whose guard
//! you keep inside the `GilGuard` is another way. Whatever you choose, check "is it free?" and
//! mark it held in one step under one lock, or two threads will both get in. Read the lesson
//! first: `cargo doc -p gil --open`.
//!
//! Check your work: `cargo run -p grader -- check gil/gil`.

use std::marker::PhantomData;

/// A global interpreter lock: at most one thread holds it at a time.
pub struct Gil {
    // TODO: whatever says whether the GIL is held, and lets waiting threads sleep until it is
    // released.
}

/// Proof that the calling thread holds the GIL; dropping it releases the GIL.
pub struct GilGuard<'a> {
    // TODO: a way back to the `Gil` (to release it), and whatever makes the guard not `Send`.
    _gil: PhantomData<&'a Gil>,
}

impl Gil {
    /// Creates a GIL that no thread holds.
    pub fn new() -> Self {
        todo!()
    }

    /// Waits (asleep) until no other thread holds the GIL, then takes it.
    pub fn acquire(&self) -> GilGuard<'_> {
        todo!()
    }
}

impl GilGuard<'_> {
    /// Releases the GIL while `f` runs (like PyO3's `Python::detach`), takes it back after.
    pub fn allow_threads<R>(&mut self, f: impl FnOnce() -> R) -> R {
        let _ = f;
        todo!()
    }
}

// TODO: dropping a `GilGuard` releases the GIL.
