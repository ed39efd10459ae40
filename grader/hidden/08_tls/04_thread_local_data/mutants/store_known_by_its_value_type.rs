//! Mutant: a `thread_local!` map keyed by the values' type (`TypeId`) and the key, so two stores
//! of the same value type on one thread are the same store.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::collections::HashMap;
use std::marker::PhantomData;

thread_local! {
    static VALUES: RefCell<HashMap<(TypeId, String), Box<dyn Any>>> =
        RefCell::new(HashMap::new());
}

/// A key-value store in which every thread sees only the values it stored itself.
pub struct ThreadLocalData<V> {
    values: PhantomData<fn() -> V>,
}

impl<V: Clone + Send + 'static> ThreadLocalData<V> {
    /// Creates an empty store.
    pub fn new() -> Self {
        Self {
            values: PhantomData,
        }
    }

    /// Stores `value` under `key`, visible only to the calling thread.
    pub fn set(&self, key: &str, value: V) {
        VALUES.with_borrow_mut(|values| {
            values.insert((TypeId::of::<V>(), key.to_owned()), Box::new(value))
        });
    }

    /// Returns what the calling thread stored under `key` on this store, or `None`.
    pub fn get(&self, key: &str) -> Option<V> {
        VALUES.with_borrow(|values| {
            values
                .get(&(TypeId::of::<V>(), key.to_owned()))?
                .downcast_ref::<V>()
                .cloned()
        })
    }
}
