//! # Atomics 1: statistics that every thread can update
//!
//! A web server keeps a few numbers about the responses it sends: how many, how many bytes in
//! all, and the largest one. Every request handler, on whichever thread it runs, calls
//! `record(bytes)` once per response; a monitoring thread reads the numbers now and then.
//!
//! A `Mutex` around the three numbers would work, but then every response waits its turn for one
//! lock. Each number here stands on its own, so an atomic per number does the job with no lock
//! at all:
//! - `requests` and `bytes` grow by `fetch_add`: the read, the addition and the write in one
//!   indivisible step. A `load` followed by a `store` is two steps, and another thread's update
//!   can fall between them and be lost, whatever `Ordering` you give them;
//! - `largest` keeps the larger of what it holds and the new size: `fetch_max` does that in one
//!   step too. "If it is larger, store it" is a check and an act, and another thread can store
//!   a larger value in between, which your store then overwrites.
//!
//! Which `Ordering`? `Ordering::Relaxed` is enough, and the point of this exercise. Relaxed
//! still makes each operation indivisible, and every thread agrees on the order of the updates
//! to each single atomic; what it does not do is order one atomic's updates against another's
//! (see the lesson's `relaxed` module). Nothing here needs that: each number is right on its
//! own. While handlers are still recording, `bytes()` may already include a response that
//! `requests()` does not count yet; once their threads have been joined (joining orders
//! everything the thread did before what follows the join), all three numbers are exact.
//!
//! Build `Stats`: `new()` starts at zero (it is a `const fn`, so a `Stats` can live in a
//! `static`), `record(bytes)` counts one response of `bytes` bytes, and `requests()`, `bytes()`
//! and `largest()` read the numbers (`largest()` is 0 before the first response). Every method
//! takes `&self`: the grader shares one `Stats` between many threads.
//!
//! Read the lesson first: `cargo doc -p atomics --open`, or `crates/atomics/src/`.
//! Check your work: `cargo run -p grader -- check atomics/statistics`.

use std::sync::atomic::AtomicU64;

/// Response statistics that any number of threads can update at once.
pub struct Stats {
    requests: AtomicU64,
    bytes: AtomicU64,
    largest: AtomicU64,
}

impl Stats {
    /// Statistics with nothing counted yet.
    pub const fn new() -> Self {
        Stats {
            requests: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            largest: AtomicU64::new(0),
        }
    }

    /// Counts one response of `bytes` bytes.
    pub fn record(&self, bytes: u64) {
        // TODO: update the three numbers, each in one atomic step.
        let _ = bytes;
        todo!()
    }

    /// How many responses were counted.
    pub fn requests(&self) -> u64 {
        let _ = &self.requests;
        todo!()
    }

    /// How many bytes the counted responses held in all.
    pub fn bytes(&self) -> u64 {
        let _ = &self.bytes;
        todo!()
    }

    /// The size of the largest counted response, or 0 if none was counted.
    pub fn largest(&self) -> u64 {
        let _ = &self.largest;
        todo!()
    }
}
