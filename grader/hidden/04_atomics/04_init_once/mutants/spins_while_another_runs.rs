//! Mutant: a three-state atomic, and callers that find `f` running loop on `yield_now` until it is done instead of sleeping.
use std::sync::atomic::{AtomicU8, Ordering};
use std::thread;

const NOT_RUN: u8 = 0;
const RUNNING: u8 = 1;
const DONE: u8 = 2;

pub struct InitOnce {
    state: AtomicU8,
}

/// Puts the state back to NOT_RUN if `f` panics.
struct Reset<'a>(&'a AtomicU8);

impl Drop for Reset<'_> {
    fn drop(&mut self) {
        self.0.store(NOT_RUN, Ordering::Release);
    }
}

impl InitOnce {
    pub const fn new() -> Self {
        InitOnce { state: AtomicU8::new(NOT_RUN) }
    }

    pub fn call_once(&self, f: impl FnOnce()) {
        loop {
            match self.state.compare_exchange(NOT_RUN, RUNNING, Ordering::Acquire, Ordering::Acquire) {
                Ok(_) => {
                    let reset = Reset(&self.state);
                    f();
                    std::mem::forget(reset);
                    self.state.store(DONE, Ordering::Release);
                    return;
                }
                Err(DONE) => return,
                Err(_) => {
                    while self.state.load(Ordering::Acquire) == RUNNING {
                        thread::yield_now();
                    }
                }
            }
        }
    }

    pub fn is_completed(&self) -> bool {
        self.state.load(Ordering::Acquire) == DONE
    }
}
