//! Alternative: a `thread_local!` map keyed by (store number, key) holding `Rc`s, numbers from
//! a counter behind a `parking_lot::Mutex`, and no `Drop`: a dropped store's values simply stay
//! until their thread ends.

use parking_lot::Mutex;
use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::marker::PhantomData;
use std::rc::Rc;

static NEXT: Mutex<u64> = Mutex::new(0);

thread_local! {
    static VALUES: RefCell<HashMap<(u64, String), Rc<dyn Any>>> = RefCell::new(HashMap::new());
}

/// A key-value store in which every thread sees only the values it stored itself.
pub struct ThreadLocalData<V> {
    number: u64,
    values: PhantomData<fn() -> V>,
}

impl<V: Clone + Send + 'static> ThreadLocalData<V> {
    /// Creates an empty store.
    pub fn new() -> Self {
        let mut next = NEXT.lock();
        let number = *next;
        *next += 1;
        Self {
            number,
            values: PhantomData,
        }
    }

    /// Stores `value` under `key`, visible only to the calling thread.
    pub fn set(&self, key: &str, value: V) {
        let old = VALUES.with(|values| {
            values
                .borrow_mut()
                .insert((self.number, key.to_owned()), Rc::new(value))
        });
        drop(old);
    }

    /// Returns what the calling thread stored under `key` on this store, or `None`.
    pub fn get(&self, key: &str) -> Option<V> {
        let value =
            VALUES.with(|values| values.borrow().get(&(self.number, key.to_owned())).cloned())?;
        value.downcast_ref::<V>().cloned()
    }
}
