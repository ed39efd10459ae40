//! The standard library as the model checker sees it: a learner's file, with `std::` read as
//! `sim::`, runs on loom's threads, locks and atomics, and every interleaving of a small scenario
//! can be explored.
//!
//! The grader builds a second crate from a learner's file for every exercise that has model
//! tests (`grader/hidden/…/model.rs`): the same text, with the paths `std::`, `core::` and
//! `parking_lot::` pointing here instead (see the grader's `model_source.rs`). Everything of std
//! that the checker needs to see is replaced by a stand-in of the same shape:
//!
//! | std | here |
//! | --- | --- |
//! | `sync::{Mutex, Condvar, RwLock}` and their guards | loom's, with std's API (`wait_while`, poisoning) |
//! | `sync::atomic::*`, `fence` | loom's atomics, which model `Relaxed`, `Acquire`, `Release` and `SeqCst` |
//! | `cell::UnsafeCell` | std's, with every `get()` recorded as an access loom checks for data races |
//! | `thread::{spawn, scope, Builder, yield_now, park, current}` | loom's threads (`scope` built on them) |
//! | `hint::spin_loop` | a yield: the checker then runs the thread that holds what the spinner waits for |
//! | `parking_lot::{Mutex, Condvar, RwLock}` | the same stand-ins with parking_lot's API |
//!
//! Everything else is std's own (`sync::Arc`, `cell::Cell`, `time`, collections…), re-exported.
//! What the checker cannot explore is left out on purpose, so that a file using it does not
//! compile here and is judged by the stress tests alone: `thread::sleep`, `sync::mpsc`,
//! `sync::Barrier`, `sync::Once`/`OnceLock`/`LazyLock`, `thread_local!`, `crossbeam_channel`.
//!
//! The stand-ins are made inside the model, where the checker can see who made them: their
//! constructors are not `const` (a `const fn` of the learner's becomes a plain `fn` in the model
//! crate), and a `static` of theirs does not compile here, so a file that keeps its atomics or
//! locks in statics is judged by the stress tests alone. (Made on first use instead, an object
//! would seem to be created by whichever thread used it first, and the checker would report
//! every other thread's use as a race with its creation.) Every operation is recorded, with the learner's file and line
//! ([`story`]), so that a failing interleaving can be told as a story of the learner's own
//! operations. [`model::check`] runs a scenario and turns what the checker found into a verdict.

#![allow(clippy::new_without_default)]

// Everything of std that is not replaced below: explicit modules shadow these glob imports.
pub use std::*;

pub mod cell;
pub mod hint;
pub mod model;
pub mod parking_lot;
pub mod story;
pub mod sync;
pub mod thread;

/// Thread-local storage is not modelled: a file that uses it is judged by the stress tests.
#[macro_export]
macro_rules! thread_local {
    ($($anything:tt)*) => {
        compile_error!("thread-local storage is not modelled by the model checker");
    };
}
