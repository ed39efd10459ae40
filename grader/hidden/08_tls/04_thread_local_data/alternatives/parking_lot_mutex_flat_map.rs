//! Alternative: a `parking_lot::Mutex` over a flat map keyed by (thread, key). (An `Mutex` would
//! not do: it is `Sync` only when its values are `Sync` too, and a store of `Cell`s must be
//! shareable.)

use parking_lot::Mutex;
use std::collections::HashMap;
use std::thread::{self, ThreadId};

/// A key-value store in which every thread sees only the values it stored itself.
pub struct ThreadLocalData<V> {
    values: Mutex<HashMap<(ThreadId, String), V>>,
}

impl<V: Clone + Send + 'static> ThreadLocalData<V> {
    /// Creates an empty store.
    pub fn new() -> Self {
        Self {
            values: Mutex::new(HashMap::new()),
        }
    }

    /// Stores `value` under `key`, visible only to the calling thread.
    pub fn set(&self, key: &str, value: V) {
        let old = self
            .values
            .lock()
            .insert((thread::current().id(), key.to_owned()), value);
        drop(old);
    }

    /// Returns what the calling thread stored under `key` on this store, or `None`.
    pub fn get(&self, key: &str) -> Option<V> {
        self.values
            .lock()
            .get(&(thread::current().id(), key.to_owned()))
            .cloned()
    }
}
