//! Alternative: no shared state: each pet is a message on a `crossbeam_channel`, and the thread
//! waits for the next one with `recv_deadline` while armed and `recv` while disarmed; dropping
//! the only sender is the stop.

use crossbeam_channel::{RecvTimeoutError, Sender, unbounded};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// A background thread that calls a function when it has not been petted for a while.
pub struct Watchdog {
    pets: Option<Sender<Instant>>,
    thread: Option<JoinHandle<()>>,
}

impl Watchdog {
    /// Starts watching: `on_timeout` is called if `pet` is not called for `timeout`.
    pub fn start<F>(timeout: Duration, mut on_timeout: F) -> Watchdog
    where
        F: FnMut() + Send + 'static,
    {
        let (pets, petted) = unbounded::<Instant>();
        let mut deadline = Some(Instant::now() + timeout);
        let thread = thread::spawn(move || {
            loop {
                let pet = match deadline {
                    Some(at) => match petted.recv_deadline(at) {
                        Ok(when) => when,
                        Err(RecvTimeoutError::Timeout) => {
                            deadline = None;
                            on_timeout();
                            continue;
                        }
                        Err(RecvTimeoutError::Disconnected) => return,
                    },
                    None => match petted.recv() {
                        Ok(when) => when,
                        Err(_) => return,
                    },
                };
                deadline = Some(pet + timeout);
            }
        });
        Watchdog {
            pets: Some(pets),
            thread: Some(thread),
        }
    }

    /// Resets the timer: the watchdog fires only if another `timeout` passes without a pet.
    pub fn pet(&self) {
        if let Some(pets) = &self.pets {
            let _ = pets.send(Instant::now());
        }
    }

    /// Stops the watchdog and waits for its thread to end.
    pub fn stop(self) {}
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        drop(self.pets.take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
