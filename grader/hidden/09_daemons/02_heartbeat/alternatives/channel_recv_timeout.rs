//! Alternative: no flag and no condition variable: the thread waits with `recv_timeout` on a
//! channel, and stopping drops the only sender, which wakes it with "disconnected".

use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// A background thread that calls a function at a fixed interval until it is stopped.
pub struct Heartbeat {
    stop: Option<Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Heartbeat {
    /// Starts a thread that calls `beat` at once and then once every `interval`.
    pub fn start<F>(interval: Duration, mut beat: F) -> Heartbeat
    where
        F: FnMut() + Send + 'static,
    {
        let (stop, stopped) = mpsc::channel::<()>();
        let thread = thread::spawn(move || {
            loop {
                beat();
                match stopped.recv_timeout(interval) {
                    Err(RecvTimeoutError::Timeout) => continue,
                    _ => return,
                }
            }
        });
        Heartbeat {
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// Stops the heartbeat and waits for its thread to end.
    pub fn stop(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Heartbeat {
    fn drop(&mut self) {
        self.shut_down();
    }
}
