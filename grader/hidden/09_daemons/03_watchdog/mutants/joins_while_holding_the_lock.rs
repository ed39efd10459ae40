//! Mutant: stopping sets the flag and wakes the thread, then joins it while still holding the
//! lock, which the woken thread needs to see the flag: neither can go on.

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

struct State {
    /// When the watchdog fires if nobody pets it; `None` once it has fired.
    deadline: Option<Instant>,
    stopped: bool,
}

struct Shared {
    state: Mutex<State>,
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// A background thread that calls a function when it has not been petted for a while.
pub struct Watchdog {
    shared: Arc<Shared>,
    timeout: Duration,
    thread: Option<JoinHandle<()>>,
}

impl Watchdog {
    /// Starts watching: `on_timeout` is called if `pet` is not called for `timeout`.
    pub fn start<F>(timeout: Duration, on_timeout: F) -> Watchdog
    where
        F: FnMut() + Send + 'static,
    {
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                deadline: Some(Instant::now() + timeout),
                stopped: false,
            }),
            changed: Condvar::new(),
        });
        let thread = {
            let shared = Arc::clone(&shared);
            thread::spawn(move || watch(&shared, on_timeout))
        };
        Watchdog {
            shared,
            timeout,
            thread: Some(thread),
        }
    }

    /// Resets the timer: the watchdog fires only if another `timeout` passes without a pet.
    pub fn pet(&self) {
        self.shared.lock().deadline = Some(Instant::now() + self.timeout);
        self.shared.changed.notify_all();
    }

    /// Stops the watchdog and waits for its thread to end.
    pub fn stop(self) {}
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        let mut state = self.shared.lock();
        state.stopped = true;
        self.shared.changed.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The watchdog thread.
fn watch(shared: &Shared, mut on_timeout: impl FnMut()) {
    let mut state = shared.lock();
    while !state.stopped {
        match state.deadline {
            // Disarmed: sleep until a pet or the stop.
            None => {
                state = shared
                    .changed
                    .wait(state)
                    .unwrap_or_else(|p| p.into_inner())
            }
            Some(deadline) => {
                let now = Instant::now();
                if now < deadline {
                    // Woken early by a pet, a stop or spuriously: the loop looks again.
                    state = shared
                        .changed
                        .wait_timeout(state, deadline - now)
                        .unwrap_or_else(|p| p.into_inner())
                        .0;
                } else {
                    state.deadline = None;
                    drop(state);
                    on_timeout();
                    state = shared.lock();
                }
            }
        }
    }
}
