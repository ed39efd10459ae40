//! Mutant: a store is known by its address and never forgets its values, so a new store
//! allocated where a dropped one was finds the old store's values.

use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::marker::PhantomData;

thread_local! {
    static VALUES: RefCell<HashMap<(usize, String), Box<dyn Any>>> =
        RefCell::new(HashMap::new());
}

/// A key-value store in which every thread sees only the values it stored itself.
pub struct ThreadLocalData<V> {
    place: Box<u8>,
    values: PhantomData<fn() -> V>,
}

impl<V: Clone + Send + 'static> ThreadLocalData<V> {
    /// Creates an empty store.
    pub fn new() -> Self {
        Self {
            place: Box::new(0),
            values: PhantomData,
        }
    }

    fn id(&self) -> usize {
        &*self.place as *const u8 as usize
    }

    /// Stores `value` under `key`, visible only to the calling thread.
    pub fn set(&self, key: &str, value: V) {
        VALUES
            .with_borrow_mut(|values| values.insert((self.id(), key.to_owned()), Box::new(value)));
    }

    /// Returns what the calling thread stored under `key` on this store, or `None`.
    pub fn get(&self, key: &str) -> Option<V> {
        VALUES.with_borrow(|values| {
            values
                .get(&(self.id(), key.to_owned()))?
                .downcast_ref::<V>()
                .cloned()
        })
    }
}
