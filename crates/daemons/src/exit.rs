//! # When `main` returns: how a Rust process ends
//!
//! A Rust program's process ends in one of these ways, and in the end the other threads simply
//! stop existing:
//!
//! | how | what runs on the way out | other threads |
//! | --- | --- | --- |
//! | `main` returns | destructors of `main`'s locals (in reverse order), then stdout is flushed and the C library's exit handlers run | run on until the process is gone, then stop wherever they are |
//! | `main` panics | the panic message, `main`'s locals are dropped while unwinding, then as above, with exit code 101 | the same |
//! | [`std::process::exit`] | **no destructor at all**, not even of the calling thread's locals; stdout is flushed and the exit handlers run | the same |
//! | [`std::process::abort`], `panic = "abort"`, a fatal signal (`kill -9`, a crash) | nothing | stopped at once |
//!
//! Ending the process is not instant. Between "`main` returned" (or "`exit` was called") and
//! the moment the operating system tears the process down, the calling thread still has work to
//! do (dropping `main`'s locals, flushing stdout, running exit handlers), and **the other threads
//! keep running meanwhile**: they may print, take locks, write half a line. std's documentation
//! of `exit` says as much: exit handlers must be safe to run while other threads are still
//! going. Then the process ends, and the other threads stop wherever they are: they get no
//! signal, no panic, no chance to finish what they started. Their locals are never dropped, so a
//! `BufWriter` one of them owns is never flushed, a temporary file it meant to delete stays, and
//! a line it was about to write is gone. Statics are never dropped either. Only an abort or a
//! fatal signal stops every thread at once, and they skip the flushing and the handlers too.
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
//! [`std::process::exit`] never returns, and it skips every destructor: even the calling
//! thread's locals are not dropped, so a logger that flushes in its `Drop` loses its lines if
//! the program calls `exit` while it is alive:
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
