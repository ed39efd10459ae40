//! # Locks 3: a read-mostly cache on an `RwLock`
//!
//! A cache is read far more often than it is written. A `Mutex` would make every reader wait for
//! every other reader, although readers cannot harm each other. An `RwLock` lets any number of
//! readers in at once, and a writer only when nobody is reading.
//!
//! Build `Cache<V>`, a map from string keys to values that many threads share:
//! - `insert(key, value)` adds or replaces a value;
//! - `get(key)` returns a clone of the value;
//! - `read(key, f)` calls `f` with a reference to the value (or `None`) while holding the cache
//!   for reading, and returns what `f` returns. Several threads must be able to be inside `read`
//!   at the same time, and `insert` must wait until they have all left.
//!
//! Because `read` calls `f` with the read guard held, `f` must not use the same cache. An
//! `insert` inside `f` waits for the read guard that this very call of `read` holds: a deadlock
//! (or a panic) every time. A `get` or `read` inside `f` asks for a second read lock while the
//! thread holds one, and std's `RwLock` does not promise to grant it: its documentation allows a
//! panic, and leaves the order of readers and writers to the platform. On Linux a new reader
//! waits behind any writer that is waiting, while that writer waits for `f` to return: a
//! deadlock. Copy what you need out of `f`, and use the cache again after `read` has returned.
//!
//! Check your work: `cargo run -p grader -- check locks/cache`.

use std::collections::HashMap;

/// A map that many threads can read at once.
pub struct Cache<V> {
    // TODO: hold the map so that readers share it and a writer has it alone.
    entries: HashMap<String, V>,
}

impl<V: Clone> Cache<V> {
    /// An empty cache.
    pub fn new() -> Self {
        todo!()
    }

    /// Adds `value` under `key`, replacing what was there.
    pub fn insert(&self, key: &str, value: V) {
        let _ = (key, value, &self.entries);
        todo!()
    }

    /// A clone of the value under `key`.
    pub fn get(&self, key: &str) -> Option<V> {
        let _ = key;
        todo!()
    }

    /// Calls `f` with the value under `key` while holding the cache for reading (so `f` must not
    /// use this cache).
    pub fn read<R>(&self, key: &str, f: impl FnOnce(Option<&V>) -> R) -> R {
        let _ = (key, f);
        todo!()
    }
}
