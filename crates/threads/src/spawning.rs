//! Starting a thread with `thread::spawn`, giving it data with `move`, and joining it.
//!
//! [`std::thread::spawn`] takes a closure and runs it on a new thread, starting now. It returns
//! a [`JoinHandle`](std::thread::JoinHandle); [`join`](std::thread::JoinHandle::join) waits
//! until the thread has finished.
//!
//! ```
//! use std::thread;
//!
//! let greeting = String::from("hello from a thread");
//! // `move` gives the closure ownership of `greeting`: the thread may run longer than the
//! // function that started it, so it must own what it uses.
//! let handle = thread::spawn(move || println!("{greeting}"));
//! handle.join().unwrap();
//! ```
//!
//! ## Why `move`, and why `'static`
//!
//! `spawn` requires its closure to be `Send + 'static`: it may be moved to another thread, and
//! it may not borrow anything that could disappear while the thread still runs. Nothing stops
//! the function that called `spawn` from returning before the thread ends, so a borrow of one of
//! its locals is refused:
//!
//! ```compile_fail,E0373
//! use std::thread;
//!
//! fn start() -> thread::JoinHandle<()> {
//!     let name = String::from("worker");
//!     // error[E0373]: closure may outlive the current function, but it borrows `name`
//!     thread::spawn(|| println!("{name}"))
//! }
//! ```
//!
//! Three ways out, from the simplest: `move` the value into the thread (it is no longer the
//! caller's); share it through an [`Arc`](std::sync::Arc), cloning the `Arc` (not the data) for
//! each thread; or use scoped threads, which may borrow because they are sure to end before the
//! scope does (see [`crate::scoped`]).
//!
//! ## Join every thread you start
//!
//! A `JoinHandle` that is dropped *detaches* its thread: it keeps running, and nobody waits for
//! it. When `main` returns, the process ends, and detached threads die wherever they are (the
//! daemons chapter is about exactly that). Python waits for its non-daemon threads at exit;
//! Rust does not. So keep the handle and join it, or use scoped threads, which join for you.
//!
//! ```
//! use std::thread;
//!
//! let handles: Vec<_> = (0..3)
//!     .map(|i| thread::spawn(move || println!("worker {i}")))
//!     .collect();
//! for handle in handles {
//!     handle.join().unwrap();
//! }
//! ```
//!
//! ## What a thread costs
//!
//! A thread is an operating-system thread: it has its own stack (2 MiB of address space by
//! default for spawned threads, only touched as it is used) and costs some microseconds to
//! start. That is cheap for tens or hundreds of threads, and too much for one thread per tiny
//! task; the queues chapter builds a thread pool for that. The gil chapter measures the cost
//! against starting a process.
