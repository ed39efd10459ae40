//! Mutant: one buffer for every thread (a static `Mutex<Vec>`), so one thread's flush() moves
//! the others' lines, and nothing flushes it when a thread ends.

use std::sync::Mutex;

/// How many lines a thread's buffer holds before `log` flushes them.
pub const BATCH: usize = 8;

static BUFFER: Mutex<Vec<String>> = Mutex::new(Vec::new());
static SHARED: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Adds `line` to this thread's buffer, and flushes the buffer once it holds [`BATCH`] lines.
pub fn log(line: &str) {
    let mut buffer = BUFFER.lock().unwrap();
    buffer.push(line.to_owned());
    if buffer.len() >= BATCH {
        SHARED.lock().unwrap().append(&mut buffer);
    }
}

/// Moves every line of this thread's buffer to the end of the shared log, in order, at once.
pub fn flush() {
    let mut buffer = BUFFER.lock().unwrap();
    SHARED.lock().unwrap().append(&mut buffer);
}

/// How many lines wait in this thread's buffer.
pub fn pending() -> usize {
    BUFFER.lock().unwrap().len()
}

/// Every line flushed so far, by every thread, in the order they reached the shared log.
pub fn shared_log() -> Vec<String> {
    SHARED.lock().unwrap().clone()
}
