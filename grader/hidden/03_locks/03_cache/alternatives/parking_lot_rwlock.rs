//! Alternative: parking_lot's RwLock.
use parking_lot::RwLock;
use std::collections::HashMap;

pub struct Cache<V> {
    entries: RwLock<HashMap<String, V>>,
}

impl<V: Clone> Cache<V> {
    pub fn new() -> Self {
        Cache { entries: RwLock::new(HashMap::new()) }
    }

    pub fn insert(&self, key: &str, value: V) {
        self.entries.write().insert(key.to_owned(), value);
    }

    pub fn get(&self, key: &str) -> Option<V> {
        self.entries.read().get(key).cloned()
    }

    pub fn read<R>(&self, key: &str, f: impl FnOnce(Option<&V>) -> R) -> R {
        f(self.entries.read().get(key))
    }
}
