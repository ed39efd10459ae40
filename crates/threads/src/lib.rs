//! # Threads: starting them, waiting for them, getting their results back
//!
//! A **thread** is a sequence of instructions that runs on its own, at the same time as the
//! others of its program, and shares that program's memory with them. Every program starts
//! with one, the main thread; each thread you start can work while the others wait (for the
//! disk, the network, a lock) or, on a machine with several cores, while they compute.
//!
//! ## What the tutorial does
//!
//! The Python tutorial starts a thread and waits for it:
//!
//! ```python
//! from threading import Thread, active_count
//! import time
//!
//! def display():
//!     print("Hello World: start")
//!     time.sleep(1)
//!     print("Hello world: end")
//!
//! t1 = Thread(target=display, args=())
//! t1.start()
//!
//! print("Execute in main thread")
//! print("Check running thread: {}".format(active_count()))
//!
//! # Wait for both threads to finish
//! thread1.join()
//! thread2.join()
//! ```
//!
//! The idea is right; the last two lines are wrong. The program made one thread, `t1`, and
//! then joins `thread1` and `thread2`, which it never created: Python stops with a `NameError`
//! at `thread1.join()`, and `t1` is never joined (the program still waits for it at exit, only
//! because Python threads are not daemons by default). The comment "wait for *both* threads"
//! suggests the author meant to start two. In Rust the mistake cannot happen: `join` is a method
//! of the [`JoinHandle`](std::thread::JoinHandle) that `spawn` returned, so you can only join a
//! thread you started, and the compiler knows each handle by name.
//!
//! ## The same program in Rust
//!
//! ```
//! use std::thread;
//! use std::time::Duration;
//!
//! fn display() {
//!     println!("Hello World: start");
//!     thread::sleep(Duration::from_millis(10));
//!     println!("Hello world: end");
//! }
//!
//! // `spawn` is Python's `Thread(target=…)` and `start()` in one call: the thread starts
//! // running at once, and we get a handle to it.
//! let t1 = thread::spawn(display);
//! println!("Execute in main thread");
//! // Wait for the one thread we started: its handle is the only way to name it.
//! t1.join().unwrap();
//! ```
//!
//! `cargo run -p threads --example hello_thread` runs the tutorial's program with two threads,
//! as its comment intended, and counts the running threads as `active_count()` does.
//!
//! Two differences from Python matter from the first line:
//!
//! - **Arguments are captured, not passed.** Python passes `args=(…)` to the target; a Rust
//!   thread runs a closure, which takes what it needs from its surroundings. `move` hands the
//!   closure its own copy or ownership of each value, so the thread cannot be left holding a
//!   reference to something that no longer exists. See [`spawning`].
//! - **What the thread returns comes back.** `join()` returns the closure's value, so threads
//!   can compute results without shared variables. See [`results`].
//!
//! ## The chapter
//!
//! - [`spawning`]: `thread::spawn`, `move` closures, and joining every thread you start.
//! - [`results`]: `JoinHandle<T>` and the value a thread returns; starting many threads before
//!   joining any.
//! - [`naming`]: `thread::Builder`: names, stack sizes, and a spawn that can fail.
//! - [`scoped`]: `thread::scope`, threads that borrow local data instead of cloning it.
//! - [`panics`]: a panic ends its thread, not the program, and surfaces at `join`.
//! - [`counting`]: Python's `active_count()`, and how to keep such a count in Rust.
//!
//! The exercises (`exercises/01_threads/`) start workers all at once and collect their results
//! in order, map a slice on scoped threads, run named jobs that may panic, and keep a count of
//! running threads.

pub mod counting;
pub mod naming;
pub mod panics;
pub mod results;
pub mod scoped;
pub mod spawning;
