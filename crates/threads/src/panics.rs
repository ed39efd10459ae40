//! A panic ends its thread, not the program, and surfaces at `join`.
//!
//! When a thread panics, the panic unwinds *that thread's* stack (running destructors, releasing
//! guards, poisoning any `Mutex` whose guard it held) and the thread ends. The rest of the program
//! carries on. The panic is not lost: [`JoinHandle::join`](std::thread::JoinHandle::join)
//! returns `Err(payload)`, where the payload is whatever the panic carried.
//!
//! ```
//! use std::thread;
//!
//! let handle = thread::spawn(|| {
//!     let code = 7;
//!     if code != 0 {
//!         panic!("worker failed with code {code}");
//!     }
//!     code
//! });
//! let payload = handle.join().unwrap_err();
//! // A formatted message is a `String`; a literal one (`panic!("oops")`) is a `&'static str`.
//! let message = payload
//!     .downcast_ref::<String>()
//!     .cloned()
//!     .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
//!     .unwrap_or_else(|| "a panic without a message".into());
//! assert_eq!(message, "worker failed with code 7");
//! ```
//!
//! Most code writes `handle.join().unwrap()`, which passes a worker's panic on to the thread that
//! joins it: the right default, since a result is missing. To pass on the *original* panic
//! rather than "called `unwrap()` on an `Err` value", use
//! [`std::panic::resume_unwind(payload)`](std::panic::resume_unwind).
//!
//! Python is different: an exception in a thread is printed (by `threading.excepthook`) and then
//! forgotten; `join()` returns normally and the main thread never learns of it.
//!
//! `cargo run -p threads --example panic_at_join` shows a worker's panic reaching `join` while
//! the other workers finish.
//!
//! ## When to catch a panic
//!
//! A panic says "this code reached a state it was not written for", usually a bug. Most code
//! does not catch it: the thread ends, and whoever joins it decides. An expected failure (a
//! missing file, bad input) is not a panic to catch but a `Result` to return.
//!
//! Catching is right at the edge of code you run but do not own, when one failure must not end
//! the rest: a thread pool's worker, which runs other people's jobs one after another (the
//! queues lesson builds one, and its worker wraps each job in
//! [`std::panic::catch_unwind`]); a test runner, which reports a failing test and runs the next;
//! a server, which turns one request's panic into an error response; and the boundary where C
//! calls into Rust, which a panic must not unwind through. Catch at that edge, once per task,
//! report the panic, and go on. Two things to weigh first:
//!
//! - **What the task shared may be half-changed.** Catching undoes nothing. A `Mutex` the task
//!   held is poisoned, and data it changed outside a lock stays as the panic left it. That is
//!   what the `UnwindSafe` bound of `catch_unwind` asks about, and `AssertUnwindSafe` is your
//!   promise that nothing the task could break is used afterwards.
//! - **Not every failure unwinds.** A program built with `panic = "abort"` ends at the first
//!   panic, whatever catches it, and some failures end the process in any build: a stack
//!   overflow, a panic while another panic unwinds, running out of memory. So a program that
//!   catches panics must be built to unwind (the default), and a task that must be survived
//!   whatever it does (a plugin, a crash-prone parser) runs in another process instead.
//!
