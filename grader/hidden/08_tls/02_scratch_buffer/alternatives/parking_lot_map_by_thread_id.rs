//! Alternative: no `thread_local!`: a map from `ThreadId` to that thread's idle buffer behind a
//! `parking_lot::Mutex`, locked only to take the buffer out and to put it back, never while `f`
//! runs.

use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::LazyLock;
use std::thread::{self, ThreadId};

static IDLE: LazyLock<Mutex<HashMap<ThreadId, Vec<u8>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

struct PutBack(Vec<u8>);

impl Drop for PutBack {
    fn drop(&mut self) {
        let buffer = std::mem::take(&mut self.0);
        IDLE.lock().insert(thread::current().id(), buffer);
    }
}

/// Calls `f` with this thread's scratch buffer, emptied, and returns what `f` returned.
pub fn with_scratch<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    let buffer = IDLE
        .lock()
        .remove(&thread::current().id())
        .unwrap_or_default();
    let mut buffer = PutBack(buffer);
    buffer.0.clear();
    f(&mut buffer.0)
}
