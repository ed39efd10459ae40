//! Mutant: one cache shared by every thread (a static `Mutex<HashMap>`), so a thread gets the
//! value another thread computed.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{LazyLock, Mutex};

static GENERATION: AtomicU64 = AtomicU64::new(0);
static CACHE: LazyLock<Mutex<HashMap<String, (u64, String)>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// Returns this thread's cached value for `key`, computing it with `compute` if this thread has
/// none or it was computed before the last [`invalidate_all`].
pub fn cached(key: &str, compute: impl FnOnce() -> String) -> String {
    let generation = GENERATION.load(Ordering::Acquire);
    let hit = match CACHE.lock().unwrap().get(key) {
        Some((computed_in, value)) if *computed_in == generation => Some(value.clone()),
        _ => None,
    };
    if let Some(value) = hit {
        return value;
    }
    let value = compute();
    CACHE
        .lock()
        .unwrap()
        .insert(key.to_owned(), (generation, value.clone()));
    value
}

/// Makes every value cached so far, on every thread, stale.
pub fn invalidate_all() {
    GENERATION.fetch_add(1, Ordering::Release);
}
