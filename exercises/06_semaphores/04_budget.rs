//! Exercise: a memory budget, a weighted semaphore that serves threads in order of arrival.
//!
//! A program resizes photos on many threads. A small photo needs 1 MB while it is being worked
//! on, a panorama 300 MB, and the machine can spare 1 000 MB. A semaphore counts permits one by
//! one; this one hands out *units* in any amount: a thread asks for the megabytes it needs and
//! waits until that many are free.
//!
//! That raises a problem a plain semaphore hides: **starvation**. Suppose the panorama waits for
//! 300 MB while small jobs keep coming. Each time a few megabytes come back, a small job that
//! asks right then finds enough and takes them, so free memory never builds up to 300 MB and the
//! panorama waits forever. The cure is to serve threads in order of arrival: once the panorama
//! is waiting, later requests wait behind it, even if they would fit right now.
//!
//! Build `Budget`:
//!
//! - `Budget::new(total)` creates a budget of `total` free units.
//! - `acquire(units)` takes `units` units and returns them as a `Grant`. It waits, asleep, until
//!   that many units are free *and* every thread that called `acquire` before it has been
//!   served. It panics if `units` is more than `total`, since such a request could never be met.
//! - `try_acquire(units)` takes the units if they are free right now and nobody is waiting;
//!   otherwise it returns `None` at once. (Jumping the line would starve the waiters too.)
//! - `available()` says how many units are free right now.
//! - `Grant::units()` says how many units a grant holds; dropping the grant gives them back and
//!   wakes whoever can go now.
//!
//! Think about who must be woken when units come back: only the first thread in line can use
//! them, and `notify_one` may wake a different one. And when the first in line has been served,
//! the next one may be able to go at once. `Budget` must be `Send + Sync`.
//!
//! The lesson: `cargo doc -p semaphores --open`, or `crates/semaphores/src/` (the chapter on
//! fairness). Its example `cargo run -p semaphores --example starvation` shows a big request
//! starving behind small ones, then served.

use std::marker::PhantomData;

/// A budget of `total` units that threads take a few at a time, in order of arrival.
pub struct Budget {
    // TODO: the free units and the line of waiters behind a Mutex, and a Condvar.
}

/// Units taken from a [`Budget`], given back when dropped.
pub struct Grant<'a> {
    // TODO: the budget to give the units back to, and how many there are.
    budget: PhantomData<&'a Budget>,
}

impl Budget {
    /// Creates a budget of `total` free units.
    pub fn new(total: usize) -> Self {
        let _ = total;
        todo!()
    }

    /// Takes `units` units, waiting until they are free and every earlier caller has been
    /// served.
    ///
    /// # Panics
    ///
    /// Panics if `units` is more than the whole budget.
    pub fn acquire(&self, units: usize) -> Grant<'_> {
        let _ = units;
        todo!()
    }

    /// Takes `units` units if they are free right now and nobody is waiting; never waits.
    pub fn try_acquire(&self, units: usize) -> Option<Grant<'_>> {
        let _ = units;
        todo!()
    }

    /// How many units are free right now.
    pub fn available(&self) -> usize {
        todo!()
    }
}

impl Grant<'_> {
    /// How many units this grant holds.
    pub fn units(&self) -> usize {
        todo!()
    }
}

impl Drop for Grant<'_> {
    fn drop(&mut self) {
        // TODO: give the units back, and wake the threads that may be able to go now.
        let _ = self.budget;
    }
}
