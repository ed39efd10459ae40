//! Mutant: dropping the handle sets the stop flag and wakes the job, then joins it while still
//! holding the flag's lock, which a job sleeping on the token needs in order to wake: neither can
//! go on.

use std::any::Any;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// How a running job is asked to stop. `Send + Sync`: the job may share it with its own threads.
pub struct StopToken {
    stopped: Mutex<bool>,
    changed: Condvar,
}

impl StopToken {
    fn new() -> Self {
        Self {
            stopped: Mutex::new(false),
            changed: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, bool> {
        self.stopped.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn request_stop(&self) {
        *self.lock() = true;
        self.changed.notify_all();
    }

    /// Whether a stop has been requested.
    pub fn is_stopped(&self) -> bool {
        *self.lock()
    }

    /// Sleeps for `duration`, or until a stop is requested if that comes first; returns whether a
    /// stop has been requested.
    pub fn sleep(&self, duration: Duration) -> bool {
        let (stopped, _) = self
            .changed
            .wait_timeout_while(self.lock(), duration, |stopped| !*stopped)
            .unwrap_or_else(|p| p.into_inner());
        *stopped
    }
}

/// A job running on a thread of its own, stopped and joined when dropped.
pub struct Background<T> {
    token: Arc<StopToken>,
    /// `None` once joined.
    thread: Option<JoinHandle<T>>,
}

impl<T: Send + 'static> Background<T> {
    /// Runs `job` on a new thread, handing it the token that asks it to stop.
    pub fn spawn<F>(job: F) -> Self
    where
        F: FnOnce(&StopToken) -> T + Send + 'static,
    {
        let token = Arc::new(StopToken::new());
        let thread = {
            let token = Arc::clone(&token);
            thread::spawn(move || job(&token))
        };
        Self {
            token,
            thread: Some(thread),
        }
    }

    /// Whether the job has ended, by returning or by panicking.
    pub fn is_finished(&self) -> bool {
        self.thread.as_ref().is_none_or(JoinHandle::is_finished)
    }

    /// Asks the job to stop, waits for it to end and returns what it returned, or `Err` with the
    /// message of its panic.
    pub fn stop(mut self) -> Result<T, String> {
        self.token.request_stop();
        self.wait()
    }

    /// Waits for the job to end by itself (without asking it to stop) and returns what it
    /// returned, or `Err` with the message of its panic.
    pub fn join(mut self) -> Result<T, String> {
        self.wait()
    }

    fn wait(&mut self) -> Result<T, String> {
        let thread = self
            .thread
            .take()
            .expect("joined only once, by stop or join");
        thread.join().map_err(panic_message)
    }
}

impl<T> Drop for Background<T> {
    fn drop(&mut self) {
        if let Some(thread) = self.thread.take() {
            let mut stopped = self.token.lock();
            *stopped = true;
            self.token.changed.notify_all();
            // The job's panic, if any, was printed when it happened; whoever wanted its result
            // would have called `stop` or `join`.
            let _ = thread.join();
        }
    }
}

/// The text of a panic: `panic!("...")` carries a `&str`, `panic!("{x}")` a `String`.
fn panic_message(payload: Box<dyn Any + Send>) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "the job panicked".to_owned()
    }
}
