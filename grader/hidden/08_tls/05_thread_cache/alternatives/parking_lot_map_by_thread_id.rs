//! Alternative: no `thread_local!`: one map from (thread, key) to (generation, value) behind a
//! `parking_lot::Mutex`, never held while `compute` runs.

use parking_lot::Mutex;
use std::collections::HashMap;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread::{self, ThreadId};

static GENERATION: AtomicU64 = AtomicU64::new(0);
static CACHE: LazyLock<Mutex<HashMap<(ThreadId, String), (u64, String)>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// Returns this thread's cached value for `key`.
pub fn cached(key: &str, compute: impl FnOnce() -> String) -> String {
    let generation = GENERATION.load(Ordering::Acquire);
    let slot = (thread::current().id(), key.to_owned());
    if let Some((computed_in, value)) = CACHE.lock().get(&slot) {
        if *computed_in == generation {
            return value.clone();
        }
    }
    let value = compute();
    CACHE.lock().insert(slot, (generation, value.clone()));
    value
}

/// Makes every value cached so far, on every thread, stale.
pub fn invalidate_all() {
    GENERATION.fetch_add(1, Ordering::Release);
}
