//! Mutant: the flush at thread exit comes from the `Drop` of a second thread-local, which runs
//! after the buffer itself has been dropped, so the lines are gone (and `with` panics).

use std::cell::RefCell;
use std::sync::Mutex;

/// How many lines a thread's buffer holds before `log` flushes them.
pub const BATCH: usize = 8;

static SHARED: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Flushes this thread's buffer when the thread ends... if the buffer is still there.
struct FlushAtExit;

impl Drop for FlushAtExit {
    fn drop(&mut self) {
        flush();
    }
}

thread_local! {
    static EXIT: FlushAtExit = const { FlushAtExit };
    static BUFFER: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Adds `line` to this thread's buffer, and flushes the buffer once it holds [`BATCH`] lines.
pub fn log(line: &str) {
    // Make sure this thread has its exit guard.
    EXIT.with(|_| ());
    let full = BUFFER.with_borrow_mut(|lines| {
        lines.push(line.to_owned());
        lines.len() >= BATCH
    });
    if full {
        flush();
    }
}

/// Moves every line of this thread's buffer to the end of the shared log, in order, at once.
pub fn flush() {
    BUFFER.with_borrow_mut(|lines| SHARED.lock().unwrap().append(lines));
}

/// How many lines wait in this thread's buffer.
pub fn pending() -> usize {
    BUFFER.with_borrow(Vec::len)
}

/// Every line flushed so far, by every thread, in the order they reached the shared log.
pub fn shared_log() -> Vec<String> {
    SHARED.lock().unwrap().clone()
}
