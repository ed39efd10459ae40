//! Mutant: get() removes the value instead of cloning it, so a second get() returns None.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::atomic::{AtomicU64, Ordering};

/// The number the next store gets. Numbers are never reused, so a new store can never find the
/// values of a dropped one (an address could be reused; a number from this counter cannot).
static NEXT_ID: AtomicU64 = AtomicU64::new(0);

thread_local! {
    /// This thread's values of every store: store number -> key -> value. A thread's values are
    /// dropped when the thread ends, like those of Python's `threading.local()`.
    static VALUES: RefCell<HashMap<u64, HashMap<String, Box<dyn Any>>>> =
        RefCell::new(HashMap::new());
}

/// A key-value store in which every thread sees only the values it stored itself.
pub struct ThreadLocalData<V> {
    id: u64,
    // The values live in each thread's `VALUES`, never in the store itself, and never leave the
    // thread that stored them. `fn() -> V` says "this store hands out `V`s" without making the
    // store own one, so it is `Send + Sync` whatever `V` is.
    values: PhantomData<fn() -> V>,
}

impl<V: Clone + Send + 'static> ThreadLocalData<V> {
    /// Creates an empty store.
    pub fn new() -> Self {
        Self {
            // `fetch_add` reads and increments in one step: two stores created at once on two
            // threads still get different numbers.
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            values: PhantomData,
        }
    }

    /// Stores `value` under `key`, visible only to the calling thread.
    pub fn set(&self, key: &str, value: V) {
        let replaced = VALUES.with_borrow_mut(|stores| {
            stores
                .entry(self.id)
                .or_default()
                .insert(key.to_owned(), Box::new(value))
        });
        // Dropped after the borrow ends, in case the old value's `Drop` uses a store too.
        drop(replaced);
    }

    /// Returns what the calling thread stored under `key` on this store, or `None`.
    pub fn get(&self, key: &str) -> Option<V> {
        VALUES.with_borrow_mut(|stores| {
            stores
                .get_mut(&self.id)?
                .remove(key)?
                .downcast::<V>()
                .ok()
                .map(|value| *value)
        })
    }
}

impl<V> Drop for ThreadLocalData<V> {
    fn drop(&mut self) {
        // The dropping thread's values go at once. Other threads' values of this store stay until
        // those threads end: no thread can reach into another's thread-locals. `try_with`,
        // because a store may be dropped by another thread-local's destructor, after `VALUES`
        // is gone.
        let _ = VALUES.try_with(|stores| {
            // A value's own `Drop` could use a store; drop the values after the borrow ends.
            let gone = stores.borrow_mut().remove(&self.id);
            drop(gone);
        });
    }
}
