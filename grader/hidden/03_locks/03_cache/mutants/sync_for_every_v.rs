//! Mutant: declares the cache `Send` and `Sync` for every value type, so a cache of `Rc`s could be
//! shared between threads.

use std::collections::HashMap;
use std::sync::RwLock;

/// A map that many threads can read at once.
pub struct Cache<V> {
    entries: RwLock<HashMap<String, V>>,
}

// SAFETY (wrongly claimed): the map is behind a lock, so any cache may be shared.
unsafe impl<V> Send for Cache<V> {}
unsafe impl<V> Sync for Cache<V> {}

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
