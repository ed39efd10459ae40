//! Exercise: a watchdog, the tutorial's "monitoring" daemon.
//!
//! The tutorial says daemon threads are for background work such as monitoring. A classic
//! monitor is the *watchdog*: the program pets it regularly to say "I am alive"; if no pet comes
//! for a while, the watchdog's own thread raises the alarm (logs, restarts a worker, dumps
//! state). It spends nearly all its life waiting, for a deadline that keeps moving, and it must
//! stop cleanly like any other background service.
//!
//! `Watchdog::start(timeout, on_timeout)` starts a background thread:
//!
//! - If `pet()` is not called for `timeout` (counted from `start`, then from the latest
//!   `pet()`), the thread calls `on_timeout()`, once. The watchdog is then *disarmed*: it does
//!   not fire again until it is petted, after which it counts `timeout` from that pet as usual.
//! - `pet()` may be called from any thread (`Watchdog` is `Send + Sync`), at any moment: also
//!   while `on_timeout()` is running, in which case it re-arms the watchdog.
//! - `stop()` stops the watchdog and returns once its thread has ended: promptly, even with a
//!   deadline an hour away, and after an `on_timeout()` that is running has finished. No
//!   `on_timeout()` starts after that. Dropping a `Watchdog` does the same.
//! - The thread sleeps while it waits, armed or disarmed: no spinning or polling.
//!
//! One `Mutex` around the deadline (an `Option<Instant>`, `None` while disarmed) and a stop
//! flag, and one `Condvar` the thread waits on, with `wait_timeout` while armed and `wait` while
//! disarmed. Never call `on_timeout()` while holding the lock: a `pet()` from inside it, or
//! from another thread meanwhile, would wait for it (or deadlock). The lesson:
//! `cargo doc -p daemons --open`.

use std::time::Duration;

/// A background thread that calls a function when it has not been petted for a while.
pub struct Watchdog {
    // TODO: the deadline and the stop flag behind a lock, a way to wait on them, the timeout,
    // and the thread's `JoinHandle`.
}

impl Watchdog {
    /// Starts watching: `on_timeout` is called if `pet` is not called for `timeout`.
    pub fn start<F>(timeout: Duration, on_timeout: F) -> Watchdog
    where
        F: FnMut() + Send + 'static,
    {
        let _ = (timeout, on_timeout);
        todo!()
    }

    /// Resets the timer: the watchdog fires only if another `timeout` passes without a pet.
    pub fn pet(&self) {
        todo!()
    }

    /// Stops the watchdog and waits for its thread to end.
    pub fn stop(self) {
        todo!()
    }
}

// TODO: dropping a watchdog must stop it too.
impl Drop for Watchdog {
    fn drop(&mut self) {}
}
