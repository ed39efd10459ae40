//! # Atomics and memory ordering
//!
//! A `Mutex` makes threads take turns with shared data. Underneath, it is built from something
//! smaller: **atomic operations**, single reads and writes of one small value (a number, a flag,
//! a pointer) that no other thread can see half-done or slip in between. Rust hands them to you
//! directly, in [`std::sync::atomic`], for the cases where a whole lock is more than you need: a
//! counter many threads bump, a flag that says "stop" or "ready", an id handed out once.
//!
//! They come with a question a lock never asks you: *in what order do other threads see my
//! writes?* Every atomic operation takes an [`Ordering`](std::sync::atomic::Ordering), and this
//! chapter is about choosing it.
//!
//! ## What Python does, and why Rust cannot do the same
//!
//! Python's `threading` has no atomics. The locks chapter's counter is a global `counter` and
//! `counter += 1` under a `threading.Lock`; forget the lock and `counter += 1` (a load, an add
//! and a store, several bytecodes) can lose updates when the interpreter switches threads
//! between them. That is all that can go wrong: the interpreter (with its GIL, or with the per-object
//! locks of the free-threaded build) keeps its own memory consistent whatever your threads do.
//!
//! Rust compiles to machine code with no interpreter in between, and both the compiler and the
//! processor reorder and merge memory accesses as long as *one thread* cannot tell. Two threads
//! touching the same plain memory at once, one of them writing, is a **data race**, and a data
//! race is not a lost update: it is *undefined behaviour*, a program about which the language
//! promises nothing at all. Safe Rust cannot write one: the compiler refuses to share a `&mut`
//! or a non-`Sync` value between threads. Atomics are how safe Rust shares a value that changes
//! without a lock; orderings are how an atomic makes *other* memory safe to share.
//! [`happens_before`] says exactly what that means.
//!
//! ## The chapter
//!
//! - [`what_is_atomic`]: what an atomic operation is, and what it is not.
//! - [`operations`]: `load`, `store`, `swap`, `fetch_add` and friends, `compare_exchange` (and
//!   `_weak` in a loop), `try_update` (the new name of `fetch_update`).
//! - [`happens_before`]: the rule that decides what a thread may see, and why a data race is
//!   undefined behaviour in Rust but merely a lost update in Python.
//! - [`relaxed`]: `Relaxed`: one order of updates per atomic that all threads agree on, nothing
//!   more; enough for counters, statistics and ids.
//! - [`release_acquire`]: `Release` and `Acquire`: publishing data to another thread, as every
//!   lock does.
//! - [`seq_cst`]: `SeqCst`: one order for all of them, the rare code that needs it, and why it
//!   is rarely what fixes a bug.
//! - [`fences`]: orderings on their own, apart from any one atomic.
//! - [`false_sharing`]: two atomics that share a cache line slow each other down.
//! - [`mutex_or_atomics`]: when a `Mutex` is the better tool.
//!
//! Each claim has a runnable example (`cargo run -p atomics --example lost_update`; the
//! crate's README lists them). Each claim about a bug is also shown the way the course's
//! grader sees it: a *model checker* (`loom`) runs a small scenario in every interleaving of
//! its threads, with every value the memory model lets each load return, and when one breaks,
//! it tells that interleaving step by step. The lesson quotes those stories; the exercises
//! (`exercises/04_atomics/`) are judged by the same checker.
//!
//! | exercise | what you build | the ordering it teaches |
//! | --- | --- | --- |
//! | `01_statistics.rs` | counters and a maximum, shared by every thread | `Relaxed` is right |
//! | `02_progress.rs` | results published one by one while others read them | `Release`/`Acquire` |
//! | `03_id_allocator.rs` | ids never handed out twice, nor past the last | a `compare_exchange` loop |
//! | `04_init_once.rs` | a set-up that runs once, however many threads ask | double-checked locking |
//! | `05_one_shot.rs` | a one-shot channel: one message, sent once, received once | all of it, and `unsafe impl Sync` |
//!
//! The chapter owes much to Mara Bos's *Rust Atomics and Locks* (O'Reilly, 2023), chapters 2
//! and 3, which are free to read online and go further; the rules themselves are C++20's, which
//! Rust adopted (see the [`std::sync::atomic`] module's "Memory model for atomic accesses").

pub mod false_sharing;
pub mod fences;
pub mod happens_before;
pub mod mutex_or_atomics;
pub mod operations;
pub mod relaxed;
pub mod release_acquire;
pub mod seq_cst;
pub mod what_is_atomic;
