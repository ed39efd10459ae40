//! # Locks 3: a read-mostly cache on an `RwLock` (solution)
//!
//! `RwLock::read` hands out shared guards, as many at once as there are readers;
//! `RwLock::write` waits until every shared guard is gone and then hands out the only one.
//! `read` keeps its guard alive for the whole call to `f`, which is what makes the reference
//! `f` receives safe to use: nobody can write while it exists.

use std::collections::HashMap;
use std::sync::RwLock;

/// A map that many threads can read at once.
pub struct Cache<V> {
    entries: RwLock<HashMap<String, V>>,
}

impl<V: Clone> Default for Cache<V> {
    fn default() -> Self {
        Self::new()
    }
}

impl<V: Clone> Cache<V> {
    /// An empty cache.
    pub fn new() -> Self {
        Cache {
            entries: RwLock::new(HashMap::new()),
        }
    }

    /// Adds `value` under `key`, replacing what was there.
    pub fn insert(&self, key: &str, value: V) {
        // A panic in another thread's `f` poisons the lock but leaves the map whole: `read`
        // never changes it.
        let mut entries = self.entries.write().unwrap_or_else(|p| p.into_inner());
        entries.insert(key.to_owned(), value);
    }

    /// A clone of the value under `key`.
    pub fn get(&self, key: &str) -> Option<V> {
        self.read(key, |value| value.cloned())
    }

    /// Calls `f` with the value under `key` while holding the cache for reading.
    pub fn read<R>(&self, key: &str, f: impl FnOnce(Option<&V>) -> R) -> R {
        let entries = self.entries.read().unwrap_or_else(|p| p.into_inner());
        f(entries.get(key))
    }
}
