//! # When `main` returns: how a Rust process ends
//!
//! A Rust program's process ends in one of these ways, and in each of them the other threads
//! simply stop existing:
//!
//! | how | what runs on the way out | other threads |
//! | --- | --- | --- |
//! | `main` returns | destructors of `main`'s locals (in reverse order), then stdout is flushed | killed wherever they are |
//! | `main` panics | the panic message, `main`'s locals are dropped while unwinding, exit code 101 | killed |
//! | [`std::process::exit`] | **no destructor at all**, not even of the calling thread's locals | killed |
//! | [`std::process::abort`], a signal, `panic = "abort"` | nothing | killed |
//!
//! "Killed" means the operating system ends the process: the other threads get no signal, no
//! panic, no chance to run a single instruction more. Their locals are never dropped, so a
//! `BufWriter` one of them owns is never flushed, a temporary file it meant to delete stays,
//! and a line it was about to write is gone. Statics are never dropped either.
//!
//! So in Rust **every thread is a daemon thread**, in Python's sense, unless somebody joins it.
//! Python's default is the opposite (the interpreter waits for every thread not marked
//! `daemon`), which is why a Python program that forgets to join its threads still finishes
//! their work, and the same program in Rust does not.
//!
//! ## The tutorial's daemon, the Rust way
//!
//! A thread whose `JoinHandle` is dropped is *detached*: it runs on, and nobody can wait for it
//! any more. That is the closest thing to `daemon = True`, and it behaves the same: the
//! background task prints for as long as `main` runs, and dies when `main` returns.
//!
//! ```
//! use std::thread;
//! use std::time::Duration;
//!
//! // `drop` of the JoinHandle detaches the thread (so does never binding it).
//! drop(thread::spawn(|| {
//!     loop {
//!         println!("Daemon thread is running...");
//!         thread::sleep(Duration::from_millis(10));
//!     }
//! }));
//! for i in 0..5 {
//!     println!("Main thread is running {i}");
//!     thread::sleep(Duration::from_millis(10));
//! }
//! println!("Main thread is finishing...");
//! // When this `main` returns, the loop above is stopped between two iterations, or in the
//! // middle of one.
//! ```
//!
//! `cargo run -p daemons --example daemon_thread` runs it.
//!
//! That is fine for this thread: it owns nothing and its work has no end to reach. It stops
//! being fine the moment a background thread holds anything that must be finished: a queue of
//! lines to write, a buffer to flush, a file to rename into place. Then it must be stopped and
//! joined; see [`shutdown`](crate::shutdown).
//!
//! ## `process::exit` skips destructors
//!
//! [`std::process::exit`] ends the process at once. Even the calling thread's locals are not
//! dropped, so a logger that flushes in its `Drop` loses its lines if the program calls `exit`
//! while it is alive:
//!
//! ```no_run
//! # struct Logger;
//! # impl Logger { fn log(&self, _: &str) {} fn flush(&self) {} }
//! # let logger = Logger;
//! logger.log("shutting down");
//! logger.flush(); // without this line, "shutting down" may never reach the file
//! std::process::exit(1);
//! ```
//!
//! If a program must end with a particular exit code, prefer returning it from `main`
//! (`fn main() -> std::process::ExitCode`): `main` then returns normally and its locals are
//! dropped first. The logger exercise is graded with a program that flushes and calls `exit`,
//! so `flush` has to wait until the lines are really in the file.
