//! Alternative: each flush sends its whole batch as one message on a crossbeam channel, and
//! `shared_log` drains the channel into the log it keeps behind a `parking_lot::Mutex`. The
//! thread-local buffer is a `RefCell<Vec<String>>` inside a guard type whose `Drop` flushes.

use crossbeam_channel::{Receiver, Sender, unbounded};
use parking_lot::Mutex;
use std::cell::RefCell;
use std::sync::LazyLock;

/// How many lines a thread's buffer holds before `log` flushes them.
pub const BATCH: usize = 8;

struct Shared {
    sender: Sender<Vec<String>>,
    receiver: Receiver<Vec<String>>,
    log: Mutex<Vec<String>>,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let (sender, receiver) = unbounded();
    Shared {
        sender,
        receiver,
        log: Mutex::new(Vec::new()),
    }
});

fn send(batch: Vec<String>) {
    if !batch.is_empty() {
        let _ = SHARED.sender.send(batch);
    }
}

struct FlushOnDrop(RefCell<Vec<String>>);

impl Drop for FlushOnDrop {
    fn drop(&mut self) {
        send(self.0.take());
    }
}

thread_local! {
    static BUFFER: FlushOnDrop = const { FlushOnDrop(RefCell::new(Vec::new())) };
}

/// Adds `line` to this thread's buffer, and flushes the buffer once it holds [`BATCH`] lines.
pub fn log(line: &str) {
    let full = BUFFER.try_with(|buffer| {
        let mut lines = buffer.0.borrow_mut();
        lines.push(line.to_owned());
        if lines.len() >= BATCH {
            std::mem::take(&mut *lines)
        } else {
            Vec::new()
        }
    });
    match full {
        Ok(batch) => send(batch),
        Err(_) => send(vec![line.to_owned()]),
    }
}

/// Moves every line of this thread's buffer to the end of the shared log, in order, at once.
pub fn flush() {
    if let Ok(batch) = BUFFER.try_with(|buffer| buffer.0.take()) {
        send(batch);
    }
}

/// How many lines wait in this thread's buffer.
pub fn pending() -> usize {
    BUFFER
        .try_with(|buffer| buffer.0.borrow().len())
        .unwrap_or(0)
}

/// Every line flushed so far, by every thread, in the order they reached the shared log.
pub fn shared_log() -> Vec<String> {
    let mut log = SHARED.log.lock();
    for batch in SHARED.receiver.try_iter() {
        log.extend(batch);
    }
    log.clone()
}
