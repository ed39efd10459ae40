//! Alternative: channels all the way. The token is a `crossbeam_channel::Receiver` whose only
//! sender the handle drops to request a stop (every receiver then sees "disconnected" at once),
//! and the job's thread catches its own panic and sends the outcome on a channel.

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender, TryRecvError, bounded};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// How a running job is asked to stop.
pub struct StopToken {
    stop: Receiver<()>,
}

impl StopToken {
    /// Whether a stop has been requested.
    pub fn is_stopped(&self) -> bool {
        matches!(self.stop.try_recv(), Err(TryRecvError::Disconnected))
    }

    /// Sleeps for `duration`, or until a stop is requested; returns whether one was.
    pub fn sleep(&self, duration: Duration) -> bool {
        match self.stop.recv_timeout(duration) {
            Err(RecvTimeoutError::Timeout) => self.is_stopped(),
            _ => true,
        }
    }
}

/// A job running on a thread of its own, stopped and joined when dropped.
pub struct Background<T> {
    stop: Option<Sender<()>>,
    outcome: Receiver<Result<T, String>>,
    thread: Option<JoinHandle<()>>,
}

impl<T: Send + 'static> Background<T> {
    /// Runs `job` on a new thread, handing it the token that asks it to stop.
    pub fn spawn<F>(job: F) -> Self
    where
        F: FnOnce(&StopToken) -> T + Send + 'static,
    {
        let (stop, stop_requests) = bounded(0);
        let (report, outcome) = bounded(1);
        let thread = thread::spawn(move || {
            let token = StopToken {
                stop: stop_requests,
            };
            let result = catch_unwind(AssertUnwindSafe(|| job(&token))).map_err(|payload| {
                payload
                    .downcast_ref::<&str>()
                    .map(|text| text.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "the job panicked".to_owned())
            });
            let _ = report.send(result);
        });
        Self {
            stop: Some(stop),
            outcome,
            thread: Some(thread),
        }
    }

    /// Whether the job has ended.
    pub fn is_finished(&self) -> bool {
        !self.outcome.is_empty() || self.thread.as_ref().is_none_or(|t| t.is_finished())
    }

    /// Asks the job to stop and returns how it ended.
    pub fn stop(mut self) -> Result<T, String> {
        drop(self.stop.take());
        self.finish()
    }

    /// Waits for the job to end and returns how it ended.
    pub fn join(mut self) -> Result<T, String> {
        self.finish()
    }

    fn finish(&mut self) -> Result<T, String> {
        let outcome = self
            .outcome
            .recv()
            .unwrap_or_else(|_| Err("the job panicked".to_owned()));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        outcome
    }
}

impl<T> Drop for Background<T> {
    fn drop(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
