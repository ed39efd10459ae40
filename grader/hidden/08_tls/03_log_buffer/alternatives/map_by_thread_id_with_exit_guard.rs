//! Alternative: the buffers live in one map from `ThreadId` to lines, behind a `std` `Mutex`,
//! and a small `thread_local!` guard, created on a thread's first `log`, flushes that thread's
//! entry from its `Drop` when the thread ends.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard};
use std::thread::{self, ThreadId};

/// How many lines a thread's buffer holds before `log` flushes them.
pub const BATCH: usize = 8;

struct State {
    buffers: HashMap<ThreadId, Vec<String>>,
    log: Vec<String>,
}

static STATE: Mutex<Option<State>> = Mutex::new(None);

fn state() -> MutexGuard<'static, Option<State>> {
    let mut state = STATE.lock().unwrap_or_else(|p| p.into_inner());
    state.get_or_insert_with(|| State {
        buffers: HashMap::new(),
        log: Vec::new(),
    });
    state
}

fn flush_thread(id: ThreadId) {
    let mut guard = state();
    let state = guard.as_mut().expect("initialised by state()");
    if let Some(mut lines) = state.buffers.remove(&id) {
        state.log.append(&mut lines);
    }
}

struct ExitGuard(ThreadId);

impl Drop for ExitGuard {
    fn drop(&mut self) {
        flush_thread(self.0);
    }
}

thread_local! {
    static EXIT: ExitGuard = ExitGuard(thread::current().id());
}

/// Adds `line` to this thread's buffer, and flushes the buffer once it holds [`BATCH`] lines.
pub fn log(line: &str) {
    let id = thread::current().id();
    if EXIT.try_with(|_| ()).is_err() {
        let mut guard = state();
        guard
            .as_mut()
            .expect("initialised")
            .log
            .push(line.to_owned());
        return;
    }
    let mut guard = state();
    let state = guard.as_mut().expect("initialised by state()");
    let lines = state.buffers.entry(id).or_default();
    lines.push(line.to_owned());
    if lines.len() >= BATCH {
        let mut lines = state.buffers.remove(&id).unwrap_or_default();
        state.log.append(&mut lines);
    }
}

/// Moves every line of this thread's buffer to the end of the shared log, in order, at once.
pub fn flush() {
    flush_thread(thread::current().id());
}

/// How many lines wait in this thread's buffer.
pub fn pending() -> usize {
    state()
        .as_ref()
        .and_then(|state| state.buffers.get(&thread::current().id()))
        .map_or(0, Vec::len)
}

/// Every line flushed so far, by every thread, in the order they reached the shared log.
pub fn shared_log() -> Vec<String> {
    state()
        .as_ref()
        .map(|state| state.log.clone())
        .unwrap_or_default()
}
