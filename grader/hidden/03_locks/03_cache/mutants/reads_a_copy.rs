//! Mutant: read() clones the value and releases the lock before calling f, so a writer does
//! not wait for readers.
use std::collections::HashMap;
use std::sync::RwLock;

pub struct Cache<V> {
    entries: RwLock<HashMap<String, V>>,
}

impl<V: Clone> Cache<V> {
    pub fn new() -> Self {
        Cache { entries: RwLock::new(HashMap::new()) }
    }

    pub fn insert(&self, key: &str, value: V) {
        self.entries.write().unwrap().insert(key.to_owned(), value);
    }

    pub fn get(&self, key: &str) -> Option<V> {
        self.entries.read().unwrap().get(key).cloned()
    }

    pub fn read<R>(&self, key: &str, f: impl FnOnce(Option<&V>) -> R) -> R {
        let value = self.get(key);
        f(value.as_ref())
    }
}
