//! Mutant: never drops the value, even when the last handle goes.

use std::mem::ManuallyDrop;
use std::sync::{Arc, Mutex};

/// A value shared by handles, like a Python object shared by references.
pub struct Shared<T> {
    inner: Arc<Mutex<ManuallyDrop<T>>>,
}

impl<T> Shared<T> {
    /// Puts `value` behind a first handle.
    pub fn new(value: T) -> Self {
        Self {
            inner: Arc::new(Mutex::new(ManuallyDrop::new(value))),
        }
    }

    /// How many handles to this value exist, this one included.
    pub fn handles(&self) -> usize {
        Arc::strong_count(&self.inner)
    }

    /// Runs `f` with exclusive access to the value and returns what `f` returned.
    pub fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        let mut value = self
            .inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        f(&mut value)
    }
}

impl<T> Clone for Shared<T> {
    /// Another handle to the same value.
    fn clone(&self) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
        }
    }
}
