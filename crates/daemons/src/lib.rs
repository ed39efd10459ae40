//! # Background threads and clean shutdown
//!
//! Some threads do not have a job that ends: they log, monitor, refresh a cache, send a
//! heartbeat, for as long as the program runs. Python calls them *daemon threads*. This chapter
//! is about what happens to such threads when the program ends, and how to stop them so that
//! their last work is not lost.
//!
//! ## What the tutorial does
//!
//! The Python tutorial starts a thread with `daemon = True` and lets the main thread finish:
//!
//! ```python
//! def background_task():
//!     while True:
//!         print("Daemon thread is running...")
//!         time.sleep(1)
//!
//! daemon_thread = threading.Thread(target=background_task)
//! daemon_thread.daemon = True  # Set the thread as a daemon thread
//! daemon_thread.start()
//!
//! for i in range(5):
//!     print(f"Main thread is running {i}")
//!     time.sleep(1)
//!
//! print("Main thread is finishing...")
//! ```
//!
//! In Python the flag matters because of what Python does at exit: the interpreter **waits for
//! every non-daemon thread** to finish (`threading` joins them for you), and only daemon threads
//! are killed wherever they are. Its second example uses a daemon thread to write a log file
//! every ten seconds, and it warns, rightly, that daemon threads "are not given a chance to clean
//! up or finish their work gracefully".
//!
//! ## What Rust does instead
//!
//! Rust has no daemon flag, because it has no non-daemon threads: **when `main` returns, the
//! process ends, and every other thread dies mid-work**, whatever it was doing, without running
//! its destructors. Every spawned thread is a daemon unless you join it. So the question a Rust
//! program has to answer for each background thread is not "daemon or not?" but "who stops it,
//! and who waits for it?". See [`exit`].
//!
//! The tutorial is right that a thread killed at exit cannot clean up, and it draws the wrong
//! conclusions from it twice:
//!
//! 1. **"Daemon threads should be designed to handle such abrupt termination gracefully."** A
//!    thread cannot handle being killed: it gets no signal and no exception, it just stops at
//!    whatever instruction it had reached. The only graceful design is one that never needs the
//!    kill: a way to ask the thread to stop, and someone who waits for it to finish. See
//!    [`shutdown`].
//! 2. **"Daemon threads can be used for logging."** A logger is exactly the kind of thread that
//!    must *not* be killed: the lines it loses are the last ones the program wrote, the ones
//!    you need to find out why it ended. A background logger is a service that the program
//!    stops cleanly, the way [`shutdown`] shows: signal it, let it drain its queue, join it.
//!
//! Here is the whole pattern on one page, the tutorial's logging daemon done so that nothing is
//! lost. The signal to stop is the channel closing (dropping the last `Sender`); the writer
//! drains what is queued before it sees that; the owner joins it:
//!
//! ```
//! use std::io::Write;
//! use std::sync::mpsc;
//! use std::thread;
//!
//! let mut file: Vec<u8> = Vec::new(); // stands in for app.log
//! let (log, queue) = mpsc::channel::<String>();
//! let writer = thread::spawn(move || {
//!     // `for` on a Receiver ends once every Sender is gone *and* the queue is empty.
//!     for line in queue {
//!         writeln!(file, "{line}").unwrap();
//!     }
//!     file // handed back through `join`
//! });
//! for i in 0..5 {
//!     log.send(format!("Main thread iteration {i}")).unwrap();
//! }
//! drop(log); // signal: no more lines
//! let file = writer.join().unwrap(); // wait: every queued line is written
//! assert_eq!(String::from_utf8(file).unwrap().lines().count(), 5);
//! ```
//!
//! `cargo run -p daemons --example lost_lines` shows both sides with real processes: a program
//! whose writer thread is detached loses the end of its log when `main` returns; the same
//! program with the writer joined loses nothing.
//!
//! ## The chapter
//!
//! - [`exit`]: what ends a Rust process, what happens to its other threads, and what runs (or
//!   does not) on the way out; the tutorial's daemon example, the Rust way.
//! - [`joining`]: keeping a thread's `JoinHandle` and joining it; scoped threads, which cannot
//!   be forgotten.
//! - [`shutdown`]: a background service that stops cleanly: signal, drain, join, in `Drop`;
//!   `flush`; and the mistakes that lose lines or hang.
//! - [`interruptible`]: stopping promptly: why `thread::sleep` is the wrong way to wait in a
//!   background loop, and what to wait on instead.
//! - [`panics`]: a background thread that panics, and how its panic reaches someone.
//!
//! The exercises (`exercises/09_daemons/`) build the logger of [`shutdown`], a heartbeat that
//! stops in the middle of its interval, a watchdog (the tutorial's monitoring daemon) and a
//! handle for any background job that stops and joins it when dropped.
//!
//! Not covered: *daemon processes* (a Unix server detached from its terminal by forking twice,
//! or run by systemd) share only the name; and stopping on Ctrl-C needs a signal handler,
//! which the standard library does not offer (the `ctrlc` and `signal-hook` crates do). Once
//! you can catch the signal, shutting down is this chapter: signal, drain, join.

pub mod exit;
pub mod interruptible;
pub mod joining;
pub mod panics;
pub mod shutdown;
