//! Mutant: a Mutex, so readers wait for each other.
use std::collections::HashMap;
use std::sync::Mutex;

pub struct Cache<V> {
    entries: Mutex<HashMap<String, V>>,
}

impl<V: Clone> Cache<V> {
    pub fn new() -> Self {
        Cache { entries: Mutex::new(HashMap::new()) }
    }

    pub fn insert(&self, key: &str, value: V) {
        self.entries.lock().unwrap().insert(key.to_owned(), value);
    }

    pub fn get(&self, key: &str) -> Option<V> {
        self.read(key, |value| value.cloned())
    }

    pub fn read<R>(&self, key: &str, f: impl FnOnce(Option<&V>) -> R) -> R {
        let entries = self.entries.lock().unwrap();
        f(entries.get(key))
    }
}
