//! Alternative: `parking_lot`: a token with an `AtomicBool` for the quick check and a
//! `Condvar` for sleeping, and the `JoinHandle<T>` kept in a `parking_lot::Mutex`.

use parking_lot::{Condvar, Mutex};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// How a running job is asked to stop.
pub struct StopToken {
    stopped: AtomicBool,
    lock: Mutex<()>,
    changed: Condvar,
}

impl StopToken {
    /// Whether a stop has been requested.
    pub fn is_stopped(&self) -> bool {
        self.stopped.load(Ordering::Acquire)
    }

    /// Sleeps for `duration`, or until a stop is requested; returns whether one was.
    pub fn sleep(&self, duration: Duration) -> bool {
        let until = Instant::now() + duration;
        let mut guard = self.lock.lock();
        // The flag is set under the same lock before notifying, so checking it under the lock
        // and then waiting cannot miss the stop.
        while !self.is_stopped() {
            if self.changed.wait_until(&mut guard, until).timed_out() {
                break;
            }
        }
        self.is_stopped()
    }

    fn request_stop(&self) {
        let _guard = self.lock.lock();
        self.stopped.store(true, Ordering::Release);
        self.changed.notify_all();
    }
}

/// A job running on a thread of its own, stopped and joined when dropped.
pub struct Background<T> {
    token: Arc<StopToken>,
    thread: Mutex<Option<JoinHandle<T>>>,
}

impl<T: Send + 'static> Background<T> {
    /// Runs `job` on a new thread, handing it the token that asks it to stop.
    pub fn spawn<F>(job: F) -> Self
    where
        F: FnOnce(&StopToken) -> T + Send + 'static,
    {
        let token = Arc::new(StopToken {
            stopped: AtomicBool::new(false),
            lock: Mutex::new(()),
            changed: Condvar::new(),
        });
        let theirs = Arc::clone(&token);
        Self {
            token,
            thread: Mutex::new(Some(thread::spawn(move || job(&theirs)))),
        }
    }

    /// Whether the job has ended.
    pub fn is_finished(&self) -> bool {
        self.thread.lock().as_ref().is_none_or(|t| t.is_finished())
    }

    /// Asks the job to stop and returns how it ended.
    pub fn stop(self) -> Result<T, String> {
        self.token.request_stop();
        self.join()
    }

    /// Waits for the job to end and returns how it ended.
    pub fn join(self) -> Result<T, String> {
        let thread = self.thread.lock().take();
        match thread.map(JoinHandle::join) {
            Some(Ok(value)) => Ok(value),
            Some(Err(payload)) => Err(match payload.downcast::<String>() {
                Ok(text) => *text,
                Err(payload) => match payload.downcast::<&str>() {
                    Ok(text) => text.to_string(),
                    Err(_) => "the job panicked".to_owned(),
                },
            }),
            None => Err("the job was already joined".to_owned()),
        }
    }
}

impl<T> Drop for Background<T> {
    fn drop(&mut self) {
        if let Some(thread) = self.thread.lock().take() {
            self.token.request_stop();
            let _ = thread.join();
        }
    }
}
