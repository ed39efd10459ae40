//! Alternative: the whole per-thread map carries one generation, and is emptied when it finds
//! the shared generation has moved on; `SeqCst` throughout.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

static GENERATION: AtomicU64 = AtomicU64::new(0);

struct Cache {
    generation: u64,
    values: HashMap<String, String>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache {
        generation: 0,
        values: HashMap::new(),
    });
}

/// Returns this thread's cached value for `key`.
pub fn cached(key: &str, compute: impl FnOnce() -> String) -> String {
    let generation = GENERATION.load(Ordering::SeqCst);
    let hit = CACHE.with_borrow_mut(|cache| {
        if cache.generation != generation {
            cache.values.clear();
            cache.generation = generation;
        }
        cache.values.get(key).cloned()
    });
    if let Some(value) = hit {
        return value;
    }
    let value = compute();
    CACHE.with_borrow_mut(|cache| {
        // Keep it only if the map still belongs to the generation the value was computed in;
        // otherwise it may be stale, and the next call computes it again.
        if cache.generation == generation && GENERATION.load(Ordering::SeqCst) == generation {
            cache.values.insert(key.to_owned(), value.clone());
        }
    });
    value
}

/// Makes every value cached so far, on every thread, stale.
pub fn invalidate_all() {
    GENERATION.fetch_add(1, Ordering::SeqCst);
}
