//! Exercise: a background logger that loses nothing when the program ends.
//!
//! The tutorial's logging daemon is a Python thread with `daemon = True`: it runs in the
//! background, and when the main thread finishes, the process ends and the daemon dies wherever
//! it was. In Rust *every* thread is like that: when `main` returns, the process exits and every
//! other thread is stopped mid-work, with no chance to finish. A background writer whose queue
//! still holds lines at that moment loses them. Build a logger whose lines always reach the file.
//!
//! `Logger` writes lines to a file from a thread of its own, so that `log` never waits for the
//! disk:
//!
//! - `Logger::new(path)` opens `path` for appending, creating it if it does not exist (what is
//!   already in the file stays), and starts the writer thread. It returns the error if the file
//!   cannot be opened (a folder that does not exist, say), so open it before starting the thread.
//! - `log(line)` hands `line` to the writer thread and returns at once, whatever the writer is
//!   doing: it never waits for the file, even while the writer is stuck on a slow one (so the
//!   queue between them has no limit). The writer writes each line followed by `'\n'`, in the
//!   order they were logged.
//! - `flush()` returns once every line logged before the call is in the file: written to it,
//!   as `Write::flush` does (no need for `sync_all`, which fails on some of the files the
//!   grader uses, such as pipes).
//! - Dropping the logger writes every line logged before the drop, then stops the writer thread
//!   and waits for it to end. This is what makes a `main` that logs and returns lose nothing.
//! - `Logger` is `Send + Sync`: many threads may log through one `&Logger` or `Arc<Logger>`.
//!
//! Where the thread waits for work, it sleeps (no polling loop). The grader also runs small
//! programs built on your logger whose `main` logs many lines and returns, or flushes and
//! calls `std::process::exit`, and checks that every line is in the file.
//!
//! One way: a channel (`std::sync::mpsc` or `crossbeam_channel`) of requests to the writer
//! thread. Think about what `flush` can send so that it knows when the writer got that far, and
//! what makes the writer thread end when the logger is dropped. The lesson:
//! `cargo doc -p daemons --open`, and `cargo run -p daemons --example lost_lines`.

use std::io;
use std::path::Path;

/// A logger whose file is written by a background thread.
pub struct Logger {
    // TODO: a way to hand lines to the writer thread, and the thread's `JoinHandle`.
}

impl Logger {
    /// Opens `path` for appending (creating it if need be) and starts the writer thread.
    pub fn new(path: impl AsRef<Path>) -> io::Result<Self> {
        let _ = path.as_ref();
        todo!()
    }

    /// Hands `line` to the writer thread and returns at once.
    pub fn log(&self, line: &str) {
        let _ = line;
        todo!()
    }

    /// Returns once every line logged so far is in the file.
    pub fn flush(&self) {
        todo!()
    }
}

// TODO: dropping the logger must write every queued line and wait for the writer thread.
impl Drop for Logger {
    fn drop(&mut self) {}
}
