//! Mutant: gives each clone a lock of its own around the shared value, so two handles can be inside `with()` at once.

use std::cell::UnsafeCell;
use std::sync::{Arc, Mutex};

/// A value shared by handles, like a Python object shared by references.
pub struct Shared<T> {
    inner: Arc<UnsafeCell<T>>,
    lock: Mutex<()>,
}

unsafe impl<T: Send> Send for Shared<T> {}
unsafe impl<T: Send> Sync for Shared<T> {}

impl<T> Shared<T> {
    /// Puts `value` behind a first handle.
    pub fn new(value: T) -> Self {
        Self {
            inner: Arc::new(UnsafeCell::new(value)),
            lock: Mutex::new(()),
        }
    }

    /// How many handles to this value exist, this one included.
    pub fn handles(&self) -> usize {
        Arc::strong_count(&self.inner)
    }

    /// Runs `f` with exclusive access to the value and returns what `f` returned.
    pub fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        let _mine = self.lock.lock().unwrap();
        // SAFETY: none: other handles have locks of their own. This is the bug.
        f(unsafe { &mut *self.inner.get() })
    }
}

impl<T> Clone for Shared<T> {
    /// Another handle to the same value.
    fn clone(&self) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
            lock: Mutex::new(()),
        }
    }
}
