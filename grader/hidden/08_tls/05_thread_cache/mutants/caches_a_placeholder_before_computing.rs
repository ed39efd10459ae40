//! Mutant: claims the key first, caching an empty value tagged with the generation, and fills it
//! in once `compute()` returns: a `compute()` that panics leaves the empty value cached.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

/// The current generation. Only ever increases, so "computed in an older generation" means
/// "invalidated since".
static GENERATION: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// This thread's values: key -> (generation it was computed in, value).
    static CACHE: RefCell<HashMap<String, (u64, String)>> = RefCell::new(HashMap::new());
}

/// Returns this thread's cached value for `key`, computing it with `compute` if this thread has
/// none or it was computed before the last [`invalidate_all`].
pub fn cached(key: &str, compute: impl FnOnce() -> String) -> String {
    // Read the generation before computing: if an invalidation comes while `compute` runs, the
    // value is tagged with the older generation and counts as stale at the next call.
    // `Acquire` pairs with the `Release` of `invalidate_all`: whoever sees the new generation
    // also sees the data changed before it.
    let generation = GENERATION.load(Ordering::Acquire);
    let hit = CACHE.with_borrow(|cache| match cache.get(key) {
        Some((computed_in, value)) if *computed_in == generation => Some(value.clone()),
        _ => None,
    });
    if let Some(value) = hit {
        return value;
    }
    // The key is claimed for this generation first; the value is filled in once computed. No
    // borrow is held while `compute` runs: it may call `cached` itself.
    CACHE.with_borrow_mut(|cache| cache.insert(key.to_owned(), (generation, String::new())));
    let value = compute();
    CACHE.with_borrow_mut(|cache| cache.insert(key.to_owned(), (generation, value.clone())));
    value
}

/// Makes every value cached so far, on every thread, stale.
pub fn invalidate_all() {
    // Other threads' caches are out of reach; changing the generation is how we tell them.
    GENERATION.fetch_add(1, Ordering::Release);
}
