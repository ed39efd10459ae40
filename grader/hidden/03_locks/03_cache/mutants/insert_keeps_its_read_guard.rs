//! Mutant: `insert` first looks under a read lock whether the key is there (to avoid making a new
//! `String` for a known key), then takes the write lock into a variable of the same name: the
//! shadowed read guard is still alive, and the write lock waits for it for ever.

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
        // A key already in the map needs no new `String`: look first, under a read lock.
        let entries = self.entries.read().unwrap_or_else(|p| p.into_inner());
        let known = entries.contains_key(key);
        let mut entries = self.entries.write().unwrap_or_else(|p| p.into_inner());
        if known && let Some(slot) = entries.get_mut(key) {
            *slot = value;
        } else {
            entries.insert(key.to_owned(), value);
        }
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
