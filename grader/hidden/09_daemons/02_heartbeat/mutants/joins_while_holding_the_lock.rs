//! Mutant: stopping sets the flag and wakes the thread, then joins it while still holding the
//! flag's lock, which the woken thread needs to see the flag: neither can go on.

use std::sync::{Arc, Condvar, Mutex};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// The stop flag, and the condition variable the background thread sleeps on.
#[derive(Default)]
struct StopSignal {
    stopped: Mutex<bool>,
    changed: Condvar,
}

/// A background thread that calls a function at a fixed interval until it is stopped.
pub struct Heartbeat {
    signal: Arc<StopSignal>,
    /// `None` once joined.
    thread: Option<JoinHandle<()>>,
}

impl Heartbeat {
    /// Starts a thread that calls `beat` at once and then once every `interval`.
    pub fn start<F>(interval: Duration, mut beat: F) -> Heartbeat
    where
        F: FnMut() + Send + 'static,
    {
        let signal = Arc::new(StopSignal::default());
        let thread = {
            let signal = Arc::clone(&signal);
            thread::spawn(move || {
                loop {
                    beat();
                    let stopped = signal.stopped.lock().unwrap_or_else(|p| p.into_inner());
                    // Sleeps until the interval has passed or the flag is set; spurious
                    // wake-ups go back to sleep for the time left.
                    let (stopped, _) = signal
                        .changed
                        .wait_timeout_while(stopped, interval, |stopped| !*stopped)
                        .unwrap_or_else(|p| p.into_inner());
                    if *stopped {
                        return;
                    }
                }
            })
        };
        Heartbeat {
            signal,
            thread: Some(thread),
        }
    }

    /// Stops the heartbeat and waits for its thread to end.
    pub fn stop(self) {
        // Dropping does it all.
    }
}

impl Drop for Heartbeat {
    fn drop(&mut self) {
        let mut stopped = self
            .signal
            .stopped
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        *stopped = true;
        self.signal.changed.notify_all();
        if let Some(thread) = self.thread.take() {
            // A beat that panicked has already been reported by the panic hook; dropping must
            // not panic in turn.
            let _ = thread.join();
        }
    }
}
