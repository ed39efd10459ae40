//! Mutant: flush() copies the lines to the shared log but leaves them in the buffer, so they are flushed again.
use std::cell::RefCell;
use std::sync::{Mutex, MutexGuard};

/// How many lines a thread's buffer holds before `log` flushes them.
pub const BATCH: usize = 8;

/// The shared log: every line flushed so far, by every thread.
static SHARED: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn shared() -> MutexGuard<'static, Vec<String>> {
    // Every change to the log is one `append`, so a poisoned lock still holds whole lines.
    SHARED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// One thread's lines, not flushed yet.
struct Buffer {
    lines: Vec<String>,
}

impl Buffer {
    fn flush(&mut self) {
        if !self.lines.is_empty() {
            // One lock for the whole batch, so no other thread's line lands in the middle.
            shared().extend(self.lines.iter().cloned());
        }
    }
}

impl Drop for Buffer {
    /// Runs when the thread ends: the lines it never flushed are not lost.
    fn drop(&mut self) {
        self.flush();
    }
}

thread_local! {
    static BUFFER: RefCell<Buffer> = const { RefCell::new(Buffer { lines: Vec::new() }) };
}

/// Adds `line` to this thread's buffer, and flushes the buffer once it holds [`BATCH`] lines.
pub fn log(line: &str) {
    let buffered = BUFFER.try_with(|buffer| {
        let mut buffer = buffer.borrow_mut();
        buffer.lines.push(line.to_owned());
        if buffer.lines.len() >= BATCH {
            buffer.flush();
        }
    });
    if buffered.is_err() {
        // This thread is ending and its buffer is already gone (we were called from another
        // thread-local's `Drop`): the line goes straight to the shared log.
        shared().push(line.to_owned());
    }
}

/// Moves every line of this thread's buffer to the end of the shared log, in order, at once.
pub fn flush() {
    let _ = BUFFER.try_with(|buffer| buffer.borrow_mut().flush());
}

/// How many lines wait in this thread's buffer.
pub fn pending() -> usize {
    BUFFER
        .try_with(|buffer| buffer.borrow().lines.len())
        .unwrap_or(0)
}

/// Every line flushed so far, by every thread, in the order they reached the shared log.
pub fn shared_log() -> Vec<String> {
    shared().clone()
}
