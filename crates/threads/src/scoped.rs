//! `thread::scope`: threads that borrow local data instead of cloning it.
//!
//! `thread::spawn` needs a `'static` closure because nothing guarantees that the thread ends
//! before the data it would borrow. [`std::thread::scope`] gives that guarantee: every thread
//! spawned on the scope is joined before `scope` returns, so threads may borrow anything that
//! outlives the scope: a slice, a `Vec`, a `&mut` to a distinct part of one.
//!
//! ```
//! use std::thread;
//!
//! let readings = vec![3, 1, 4, 1, 5, 9, 2, 6];
//! let mut halves_sums = [0; 2];
//! let (left, right) = readings.split_at(readings.len() / 2);
//! let (sum_left, sum_right) = halves_sums.split_at_mut(1);
//! thread::scope(|s| {
//!     // Both threads borrow `readings` (shared) and one slot each of `halves_sums` (exclusive).
//!     s.spawn(|| sum_left[0] = left.iter().sum());
//!     s.spawn(|| sum_right[0] = right.iter().sum());
//! }); // both threads are joined here
//! assert_eq!(halves_sums.iter().sum::<i32>(), 31);
//! ```
//!
//! No `Arc`, no `clone`, no `move`: the borrow checker proves that the threads are done with
//! `readings` before it can be dropped, and that no two threads write the same slot. The rules
//! of borrowing hold across threads as they do within one: any number of shared borrows, or one
//! exclusive borrow. And sharing needs the right *thread-safety* traits: a closure shared by
//! several threads must be `Sync`, so it may not update a `Cell`:
//!
//! ```compile_fail,E0277
//! use std::cell::Cell;
//! use std::thread;
//!
//! let calls = Cell::new(0);
//! let count = || calls.set(calls.get() + 1);
//! thread::scope(|s| {
//!     s.spawn(&count); // error[E0277]: `Cell<i32>` cannot be shared between threads safely
//!     s.spawn(&count);
//! });
//! ```
//!
//! `ScopedJoinHandle::join` returns a thread's result as `JoinHandle::join` does. A scoped thread
//! that panics and is not joined makes `scope` itself panic once all threads have finished, so a
//! panic is never silently lost.
//!
//! `cargo run -p threads --example scoped_sum` splits a sum over scoped threads that borrow
//! their chunk of a vector.
