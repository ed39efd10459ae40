//! Exercise: a heartbeat that stops promptly when asked.
//!
//! The tutorial's daemon prints "Daemon thread is running..." and sleeps a second, forever; the
//! only way it ever stops is the process ending under it. A background thread that does
//! something at a fixed interval (a heartbeat, a monitor, a cache refresher) needs a real way
//! to stop: one that works in the middle of its sleep, not after it.
//!
//! `Heartbeat::start(interval, beat)` starts a background thread that calls `beat()` at once,
//! and then again every `interval`, until the heartbeat is stopped:
//!
//! - `stop()` stops the heartbeat and returns once its thread has ended. It must return
//!   promptly even when the thread is in the middle of a long interval (an hour, say): it may
//!   not wait for the interval to run out. If a `beat()` is running when `stop()` is called,
//!   `stop()` waits for it to finish; once `stop()` has returned, no `beat()` is running and no
//!   other will ever start.
//! - Dropping a `Heartbeat` stops it in the same way (so `stop()` can simply drop `self`).
//! - Between beats the thread sleeps: it does not spin or poll.
//! - `Heartbeat` is `Send`: it can be stopped from another thread than the one that started it.
//!
//! `thread::sleep(interval)` cannot be interrupted, so it is the wrong tool. Wait for "the time
//! is up, or someone asked me to stop" instead: `Condvar::wait_timeout_while` on a stop flag,
//! or a channel's `recv_timeout`. Beware of a stop that comes while the thread is busy beating:
//! it must not be missed. The lesson: `cargo doc -p daemons --open`, and
//! `cargo run -p daemons --example heartbeat`.

use std::time::Duration;

/// A background thread that calls a function at a fixed interval until it is stopped.
pub struct Heartbeat {
    // TODO: a stop signal the thread can wait on, and the thread's `JoinHandle`.
}

impl Heartbeat {
    /// Starts a thread that calls `beat` at once and then once every `interval`.
    pub fn start<F>(interval: Duration, beat: F) -> Heartbeat
    where
        F: FnMut() + Send + 'static,
    {
        let _ = (interval, beat);
        todo!()
    }

    /// Stops the heartbeat and waits for its thread to end.
    pub fn stop(self) {
        todo!()
    }
}

// TODO: dropping a heartbeat must stop it too.
impl Drop for Heartbeat {
    fn drop(&mut self) {}
}
