//! Mutant: a thread is known by its name, and threads started without one all share theirs.

use std::collections::HashMap;
use std::sync::Mutex;

fn this_thread() -> String {
    std::thread::current().name().unwrap_or("").to_owned()
}

/// A key-value store in which every thread sees only the values it stored itself.
pub struct ThreadLocalData<V> {
    values: Mutex<HashMap<(String, String), V>>,
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
        self.values
            .lock()
            .unwrap()
            .insert((this_thread(), key.to_owned()), value);
    }

    /// Returns what the calling thread stored under `key` on this store, or `None`.
    pub fn get(&self, key: &str) -> Option<V> {
        self.values
            .lock()
            .unwrap()
            .get(&(this_thread(), key.to_owned()))
            .cloned()
    }
}
