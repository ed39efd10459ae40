//! Mutant: a thread is known by the address of a thread-local variable, which a new thread
//! reuses once an old one has ended, so the new thread finds the old one's values.

use std::collections::HashMap;
use std::sync::Mutex;

thread_local! {
    static MARK: u8 = const { 0 };
}

fn this_thread() -> usize {
    MARK.with(|mark| mark as *const u8 as usize)
}

/// A key-value store in which every thread sees only the values it stored itself.
pub struct ThreadLocalData<V> {
    values: Mutex<HashMap<(usize, String), V>>,
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
