//! Alternative: one map shared by every thread behind a `std::sync::Mutex`, keyed by the
//! asking thread's `ThreadId` (never reused, so a new thread starts empty).

use std::collections::HashMap;
use std::sync::Mutex;
use std::thread::{self, ThreadId};

/// A key-value store in which every thread sees only the values it stored itself.
pub struct ThreadLocalData<V> {
    values: Mutex<HashMap<ThreadId, HashMap<String, V>>>,
}

impl<V: Clone + Send> ThreadLocalData<V> {
    /// Creates an empty store.
    pub fn new() -> Self {
        Self {
            values: Mutex::new(HashMap::new()),
        }
    }

    /// Stores `value` under `key`, visible only to the calling thread.
    pub fn set(&self, key: &str, value: V) {
        self.values
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .entry(thread::current().id())
            .or_default()
            .insert(key.to_owned(), value);
    }

    /// Returns what the calling thread stored under `key` on this store, or `None`.
    pub fn get(&self, key: &str) -> Option<V> {
        self.values
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(&thread::current().id())?
            .get(key)
            .cloned()
    }
}
