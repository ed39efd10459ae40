//! Alternative: `parking_lot`, and a count of pets instead of a stored deadline: the thread
//! remembers which pet it is counting from, and a new pet (a new count) restarts its wait.

use parking_lot::{Condvar, Mutex};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

#[derive(Default)]
struct State {
    pets: u64,
    stopped: bool,
}

/// A background thread that calls a function when it has not been petted for a while.
pub struct Watchdog {
    shared: Arc<(Mutex<State>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

impl Watchdog {
    /// Starts watching: `on_timeout` is called if `pet` is not called for `timeout`.
    pub fn start<F>(timeout: Duration, mut on_timeout: F) -> Watchdog
    where
        F: FnMut() + Send + 'static,
    {
        let shared = Arc::new((Mutex::new(State::default()), Condvar::new()));
        let theirs = Arc::clone(&shared);
        let thread = thread::spawn(move || {
            let (state, changed) = &*theirs;
            let mut state = state.lock();
            // The pet being counted from, and when it came (start counts as pet 0).
            let mut counting = 0;
            let mut since = Instant::now();
            loop {
                if state.stopped {
                    return;
                }
                if state.pets != counting {
                    counting = state.pets;
                    since = Instant::now();
                    continue;
                }
                if changed.wait_until(&mut state, since + timeout).timed_out()
                    && state.pets == counting
                    && !state.stopped
                {
                    // Fire without the lock, then wait (as long as it takes) for a new pet.
                    parking_lot::MutexGuard::unlocked(&mut state, &mut on_timeout);
                    while state.pets == counting && !state.stopped {
                        changed.wait(&mut state);
                    }
                }
            }
        });
        Watchdog {
            shared,
            thread: Some(thread),
        }
    }

    /// Resets the timer: the watchdog fires only if another `timeout` passes without a pet.
    pub fn pet(&self) {
        self.shared.0.lock().pets += 1;
        self.shared.1.notify_all();
    }

    /// Stops the watchdog and waits for its thread to end.
    pub fn stop(self) {}
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.shared.0.lock().stopped = true;
        self.shared.1.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
