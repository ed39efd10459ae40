//! # Atomics 3: ids that are never handed out twice
//!
//! Connections, requests and jobs get numbers, and two of them must never get the same one.
//! `IdAllocator::new(first, last)` hands out the ids `first, first + 1, …, last`, each exactly
//! once, to any number of threads at once, and then says `None` for ever after.
//!
//! Two tempting designs are wrong:
//! - *Check, then add*: "if `next <= last`, take `next` and add one" in two steps lets two
//!   threads pass the check together when one id is left: one of them gets `last + 1`.
//! - *Add, then check*: `fetch_add(1)` is one step, so no id is handed out twice, but the
//!   counter goes on growing every time an empty allocator is asked, and a `u32` counter wraps
//!   round to 0 after `u32::MAX`: the ids start again from 0. An allocator whose `last` is
//!   `u32::MAX` wraps at once.
//!
//! The cure is to decide *and* change in one atomic step, and to refuse to change the counter
//! once it has reached the end. `compare_exchange` does that: "if the counter still holds the
//! value I read, replace it with mine; otherwise tell me what it holds now", and you try again
//! with that. Loop until you win, or until the value you read says there is nothing left. The
//! loop is written for you by `try_update` (Rust 1.95; its older name is `fetch_update`), which
//! calls your closure with the current value and stores what it returns, or stops when it
//! returns `None`.
//!
//! Where the counter lives is up to you; note that a `u32` cannot say "`u32::MAX` was handed out
//! too". `Ordering::Relaxed` is enough here: an id publishes no other data, it only has to be
//! unique, and every atomic has one order of updates that all threads agree on.
//!
//! Build `IdAllocator`: `new(first, last)` (a `const fn`, so that an allocator can be a
//! `static`; with `first > last` it has no ids at all), and `allocate()`, which returns an id
//! never returned before, or `None` once all are gone.
//!
//! Check your work: `cargo run -p grader -- check atomics/id_allocator`.

/// Hands out the ids `first..=last`, each exactly once, to any number of threads.
pub struct IdAllocator {
    // TODO: a counter that says which id comes next, changed only by one atomic step.
}

impl IdAllocator {
    /// An allocator of the ids `first..=last` (none at all if `first > last`).
    pub const fn new(first: u32, last: u32) -> Self {
        let _ = (first, last);
        todo!()
    }

    /// An id never handed out before, or `None` once every id is taken.
    pub fn allocate(&self) -> Option<u32> {
        todo!()
    }
}
