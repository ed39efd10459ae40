//! # Atomics 2: publish results as they are finished
//!
//! A worker thread works through a batch of items, one after another, and the result of each is
//! a number. Other threads (a progress bar, a web page that shows the results so far) watch it
//! while it runs: they want to know how many items are done and to read the finished results,
//! without stopping the worker and without ever seeing a result that is not really there yet.
//!
//! The worker writes each result into its slot of a table and then moves a counter, `done`, on
//! by one. A watcher reads `done` and then reads that many slots. Each slot is an atomic, so no
//! read is ever torn; and yet that is not enough. With `Ordering::Relaxed`, the store to `done`
//! may become visible to a watcher *before* the store to the slot it announces: the watcher then
//! reads `done == 1` and a slot that still holds 0. Relaxed promises an order for each atomic on
//! its own, never between two of them.
//!
//! The fix is a pair: the worker stores `done` with `Ordering::Release`, which publishes every
//! write it made before (the result in its slot); a watcher loads `done` with
//! `Ordering::Acquire`, which lets it see everything published by the store it read. Both halves
//! are needed: a `Release` that nobody `Acquire`s, or an `Acquire` of a value that was stored
//! `Relaxed`, orders nothing. The order of the worker's two steps matters just as much: store
//! the result first, then announce it.
//!
//! Most machines you will test on (x86) never reorder these two stores, so a `Relaxed` version
//! passes every stress test there and breaks on an ARM phone or server. The grader's model
//! checker explores what the memory model allows, not what your CPU happens to do, and tells
//! you the interleaving that breaks.
//!
//! Build `Progress`:
//! - `new(len)` makes a table for a batch of `len` items, none done;
//! - `push(result)` is called by the worker (one thread) when the next item is finished: the
//!   first call is item 0, then 1, and so on. It panics if all `len` results are already in;
//! - `done()` says how many results are in;
//! - `results()` returns the results that are in, in item order. Every value in it must be one
//!   the worker pushed for that item: never a slot that is not written yet. (It may miss a result
//!   pushed while it was reading: that one is simply not in yet.)
//!
//! `push` is only ever called by one thread at a time; `done` and `results` by any number of
//! threads, while `push` runs.
//!
//! Check your work: `cargo run -p grader -- check atomics/progress`.

use std::sync::atomic::{AtomicU64, AtomicUsize};

/// The results of a batch job, published one by one as the worker finishes them.
pub struct Progress {
    /// One slot per item.
    results: Box<[AtomicU64]>,
    /// How many slots hold a published result: the first `done` of them.
    done: AtomicUsize,
}

impl Progress {
    /// A table for `len` results, none in yet.
    pub fn new(len: usize) -> Self {
        Progress {
            results: (0..len).map(|_| AtomicU64::new(0)).collect(),
            done: AtomicUsize::new(0),
        }
    }

    /// Stores the result of the next item and publishes it. Called by the worker thread only.
    ///
    /// # Panics
    ///
    /// If all `len` results are in already.
    pub fn push(&self, result: u64) {
        // TODO: write the result into its slot, then publish it by moving `done` on with a
        // `Release` store.
        let _ = result;
        todo!()
    }

    /// How many results are in.
    pub fn done(&self) -> usize {
        let _ = &self.done;
        todo!()
    }

    /// The results that are in, in item order.
    pub fn results(&self) -> Vec<u64> {
        // TODO: read `done` with `Acquire` first, then that many slots.
        let _ = &self.results;
        todo!()
    }
}
