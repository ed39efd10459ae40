//! # False sharing: two atomics, one cache line
//!
//! Processors do not move single bytes between memory and their caches; they move *cache lines*,
//! 64 bytes on most x86-64 and ARM chips (128 on some, such as Apple's, and Intel's cores fetch
//! lines in adjacent pairs). To write to a line, a core must own it: every other core's copy is
//! invalidated, and the next core to write takes it over in turn.
//!
//! So two atomics that happen to sit in the same line, each written by its own thread, make the
//! line travel from core to core on every write, although the threads share no data at all. That
//! is **false sharing**, and it can make two threads slower than one. Counters kept side by side in
//! a struct, or in an array indexed by thread, are the usual victims:
//!
//! ```
//! use std::sync::atomic::AtomicU64;
//!
//! /// One counter per worker thread, side by side: eight of them share one 64-byte line.
//! struct PerThread {
//!     counts: [AtomicU64; 8],
//! }
//! ```
//!
//! The cure is to give each hot atomic a line of its own, with an alignment as large as a line
//! (two, to be safe from the adjacent-line prefetch; this is what `crossbeam`'s `CachePadded`
//! does):
//!
//! ```
//! use std::sync::atomic::AtomicU64;
//!
//! /// An atomic alone in its 128 bytes.
//! #[repr(align(128))]
//! struct Padded(AtomicU64);
//!
//! struct PerThread {
//!     counts: [Padded; 8],
//! }
//! assert_eq!(std::mem::size_of::<PerThread>(), 8 * 128);
//! ```
//!
//! `cargo run -p atomics --example false_sharing` lets two threads increment two counters, first
//! side by side and then padded, each for half a second, and prints how many increments each
//! arrangement managed (on one core, or a machine busy with other work, the difference shrinks or
//! disappears: there is no second core to fight over the line).
//!
//! Padding costs memory and cache space, so pad only what is written often by different threads,
//! and measure. The same effect hits *true* sharing too: one atomic counter hammered by every
//! thread does not scale, padded or not, because its line travels on every increment. Counting
//! per thread and adding the counts up at the end does.
