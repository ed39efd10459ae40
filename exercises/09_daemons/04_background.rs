//! Exercise: a background job that stops when asked and reports how it ended.
//!
//! A Python daemon thread that raises an exception dies with a traceback on stderr, and the
//! program goes on as if nothing happened; one still running at exit is killed mid-work. Rust
//! gives you the tools to do better: a `JoinHandle` whose `join()` hands back the thread's
//! result, or `Err` with the panic that killed it. Wrap them into a handle that can't be
//! forgotten: it asks the job to stop and joins it when dropped (C++ calls this a `jthread`).
//!
//! `Background::spawn(job)` runs `job(&token)` on a new thread, where `token` is a `StopToken`:
//!
//! - `token.is_stopped()` says whether a stop has been requested.
//! - `token.sleep(duration)` sleeps for `duration`, or until a stop is requested if that comes
//!   first (at once if one already was), and returns whether a stop has been requested. A job
//!   that works in rounds calls it between rounds instead of `thread::sleep`. It sleeps without
//!   spinning, and a stop request wakes *every* thread sleeping on the token: a job may share
//!   `&token` with threads of its own (`StopToken` is `Send + Sync`).
//!
//! The `Background<T>` handle:
//!
//! - `is_finished()` says whether the job has ended (returned or panicked).
//! - `join()` waits for the job to end by itself and returns `Ok(what it returned)`, or
//!   `Err(message)` if it panicked: the panic's message when it is text (`panic!("disk full")`
//!   and `panic!("{n} files")` both are), `"the job panicked"` otherwise.
//! - `stop()` requests a stop, then does what `join()` does.
//! - Dropping a `Background` requests a stop and waits for the job to end, ignoring its result
//!   and its panic (dropping must never panic).
//!
//! `std::thread::JoinHandle` does half the work: `join()` returns `Err(payload)` when the thread
//! panicked, and the payload (a `Box<dyn Any + Send>`) can be `downcast_ref`'d to `&str` or
//! `String`. The token is a `Mutex<bool>` and a `Condvar` shared in an `Arc`. The lesson:
//! `cargo doc -p daemons --open`, and `cargo run -p daemons --example panics`.

use std::time::Duration;

/// How a running job is asked to stop.
pub struct StopToken {
    // TODO: a flag, and a way to sleep until it is set.
}

impl StopToken {
    /// Whether a stop has been requested.
    pub fn is_stopped(&self) -> bool {
        todo!()
    }

    /// Sleeps for `duration`, or until a stop is requested if that comes first; returns whether a
    /// stop has been requested.
    pub fn sleep(&self, duration: Duration) -> bool {
        let _ = duration;
        todo!()
    }
}

/// A job running on a thread of its own, stopped and joined when dropped.
pub struct Background<T> {
    // TODO: the token (shared with the job's thread) and the thread's `JoinHandle<T>`.
    result: std::marker::PhantomData<T>,
}

impl<T: Send + 'static> Background<T> {
    /// Runs `job` on a new thread, handing it the token that asks it to stop.
    pub fn spawn<F>(job: F) -> Self
    where
        F: FnOnce(&StopToken) -> T + Send + 'static,
    {
        let _ = job;
        todo!()
    }

    /// Whether the job has ended, by returning or by panicking.
    pub fn is_finished(&self) -> bool {
        todo!()
    }

    /// Asks the job to stop, waits for it to end and returns what it returned, or `Err` with the
    /// message of its panic.
    pub fn stop(self) -> Result<T, String> {
        todo!()
    }

    /// Waits for the job to end by itself (without asking it to stop) and returns what it
    /// returned, or `Err` with the message of its panic.
    pub fn join(self) -> Result<T, String> {
        todo!()
    }
}

// TODO: dropping a `Background` must request a stop and wait for the job to end.
impl<T> Drop for Background<T> {
    fn drop(&mut self) {}
}
