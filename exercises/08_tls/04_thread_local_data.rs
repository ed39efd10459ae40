//! Exercise: the tutorial's `ThreadLocalData`, a store whose values each thread keeps to itself.
//!
//! The Python tutorial wraps `threading.local()` in a class: `set_data(key, value)` stores a
//! value that only the calling thread can see, and `get_data(key)` returns what *this* thread
//! stored, or `None`. Two threads can use the same key on the same store and never see each
//! other's values.
//!
//! Rust's `thread_local!` declares a *static*: one per program, not one per object. There is no
//! `threading.local()` to create as many times as you like, so build the per-object version
//! yourself. `ThreadLocalData<V>` is shared between threads (through an `Arc` or a scoped
//! thread's `&`):
//!
//! - `new()` creates an empty store.
//! - `set(key, value)` stores `value` under `key` for the calling thread only, replacing what
//!   this thread stored there before.
//! - `get(key)` returns a clone of what the calling thread stored under `key` on *this* store,
//!   or `None`: a value another thread stored is never returned, nor one stored on another
//!   `ThreadLocalData`, nor one stored on a store that has since been dropped.
//!
//! `ThreadLocalData<V>` must be `Send + Sync` whenever `V: Send`, so that threads can share it.
//!
//! Two roads lead there. You can keep every thread's values in one map shared by all threads,
//! behind a lock, keyed by who is asking (`std::thread::current().id()`). Or you can keep them
//! in a `thread_local!` map, each thread its own, keyed by which store is asking: then each store
//! needs an identity of its own that no other store, not even a later one, ever has. Either way,
//! think about what tells two threads apart, and two stores apart.
//!
//! The lesson: `cargo doc -p tls --open`, or `crates/tls/src/`. Its example
//! `cargo run -p tls --example thread_local_data` runs the tutorial's program.

use std::collections::HashMap;
use std::sync::Mutex;

/// A key-value store in which every thread sees only the values it stored itself.
pub struct ThreadLocalData<V> {
    // TODO: one map for everybody is what the tutorial's threads must *not* share. Decide where
    // each thread's values live (in a map shared by every thread behind a lock, or in a
    // `thread_local!` map), and what this struct needs to find its own values there. Change this
    // as you see fit.
    values: Mutex<HashMap<String, V>>,
}

impl<V: Clone + Send + 'static> ThreadLocalData<V> {
    /// Creates an empty store.
    pub fn new() -> Self {
        todo!()
    }

    /// Stores `value` under `key`, visible only to the calling thread.
    pub fn set(&self, key: &str, value: V) {
        let _ = (key, value, &self.values);
        todo!()
    }

    /// Returns what the calling thread stored under `key` on this store, or `None`.
    pub fn get(&self, key: &str) -> Option<V> {
        let _ = key;
        todo!()
    }
}
