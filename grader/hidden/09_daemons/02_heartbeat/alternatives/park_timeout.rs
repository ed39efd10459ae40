//! Alternative: an `AtomicBool` stop flag, and `thread::park_timeout` towards a deadline;
//! stopping sets the flag and unparks the thread (a park token is never lost).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// A background thread that calls a function at a fixed interval until it is stopped.
pub struct Heartbeat {
    stopped: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Heartbeat {
    /// Starts a thread that calls `beat` at once and then once every `interval`.
    pub fn start<F>(interval: Duration, mut beat: F) -> Heartbeat
    where
        F: FnMut() + Send + 'static,
    {
        let stopped = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stopped);
        let thread = thread::spawn(move || {
            while !flag.load(Ordering::Acquire) {
                beat();
                let next = Instant::now() + interval;
                loop {
                    if flag.load(Ordering::Acquire) {
                        return;
                    }
                    let now = Instant::now();
                    if now >= next {
                        break;
                    }
                    // May wake early (spuriously or for an old unpark): the loop checks again.
                    thread::park_timeout(next - now);
                }
            }
        });
        Heartbeat {
            stopped,
            thread: Some(thread),
        }
    }

    /// Stops the heartbeat and waits for its thread to end.
    pub fn stop(self) {}
}

impl Drop for Heartbeat {
    fn drop(&mut self) {
        self.stopped.store(true, Ordering::Release);
        if let Some(thread) = self.thread.take() {
            thread.thread().unpark();
            let _ = thread.join();
        }
    }
}
