//! Alternative: no `thread_local!` at all: one map from `ThreadId` to that thread's stack of ids,
//! behind a `parking_lot::Mutex`.

use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::LazyLock;
use std::thread::{self, ThreadId};

static STACKS: LazyLock<Mutex<HashMap<ThreadId, Vec<u64>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

struct Pop;

impl Drop for Pop {
    fn drop(&mut self) {
        let mut stacks = STACKS.lock();
        let me = thread::current().id();
        if let Some(stack) = stacks.get_mut(&me) {
            stack.pop();
            if stack.is_empty() {
                stacks.remove(&me);
            }
        }
    }
}

/// Runs `f` with `id` as this thread's current request id.
pub fn with_request_id<R>(id: u64, f: impl FnOnce() -> R) -> R {
    STACKS
        .lock()
        .entry(thread::current().id())
        .or_default()
        .push(id);
    let _pop = Pop;
    f()
}

/// This thread's current request id.
pub fn current_request_id() -> Option<u64> {
    STACKS
        .lock()
        .get(&thread::current().id())
        .and_then(|stack| stack.last().copied())
}
