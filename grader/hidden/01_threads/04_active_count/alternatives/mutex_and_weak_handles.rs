//! Alternative: a `Mutex<usize>` instead of an atomic, counted down by a guard that holds an
//! `Arc` of it.

use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

pub struct ThreadTracker {
    active: Arc<Mutex<usize>>,
}

struct CountDown(Arc<Mutex<usize>>);

impl Drop for CountDown {
    fn drop(&mut self) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) -= 1;
    }
}

impl ThreadTracker {
    pub fn new() -> Self {
        Self {
            active: Arc::new(Mutex::new(0)),
        }
    }

    pub fn spawn<T, F>(&self, f: F) -> JoinHandle<T>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        *self.active.lock().unwrap() += 1;
        let guard = CountDown(Arc::clone(&self.active));
        thread::Builder::new()
            .name("tracked".into())
            .spawn(move || {
                let _guard = guard;
                f()
            })
            .expect("could not start a thread")
    }

    pub fn active_count(&self) -> usize {
        *self.active.lock().unwrap()
    }
}

impl Default for ThreadTracker {
    fn default() -> Self {
        Self::new()
    }
}
