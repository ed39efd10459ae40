//! Alternative: `parking_lot`'s `Mutex` and `Condvar`, waiting towards a deadline with
//! `wait_until` in a loop of our own.

use parking_lot::{Condvar, Mutex};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// A background thread that calls a function at a fixed interval until it is stopped.
pub struct Heartbeat {
    shared: Arc<(Mutex<bool>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

impl Heartbeat {
    /// Starts a thread that calls `beat` at once and then once every `interval`.
    pub fn start<F>(interval: Duration, mut beat: F) -> Heartbeat
    where
        F: FnMut() + Send + 'static,
    {
        let shared = Arc::new((Mutex::new(false), Condvar::new()));
        let theirs = Arc::clone(&shared);
        let thread = thread::spawn(move || {
            let (stopped, changed) = &*theirs;
            loop {
                beat();
                let next = Instant::now() + interval;
                let mut stopped = stopped.lock();
                while !*stopped && !changed.wait_until(&mut stopped, next).timed_out() {}
                if *stopped {
                    return;
                }
            }
        });
        Heartbeat {
            shared,
            thread: Some(thread),
        }
    }

    /// Stops the heartbeat and waits for its thread to end.
    pub fn stop(self) {}
}

impl Drop for Heartbeat {
    fn drop(&mut self) {
        *self.shared.0.lock() = true;
        self.shared.1.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
