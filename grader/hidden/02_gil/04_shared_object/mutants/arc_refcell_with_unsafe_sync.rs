//! Mutant: `Arc<RefCell<T>>` with `unsafe impl Sync`: the count is atomic, but `with()` lets two threads at the value at once.

use std::cell::RefCell;
use std::sync::Arc;

/// A value shared by handles.
pub struct Shared<T> {
    inner: Arc<RefCell<T>>,
}

unsafe impl<T: Send> Send for Shared<T> {}
unsafe impl<T: Send> Sync for Shared<T> {}

impl<T> Shared<T> {
    /// Puts `value` behind a first handle.
    pub fn new(value: T) -> Self {
        Self {
            inner: Arc::new(RefCell::new(value)),
        }
    }

    /// How many handles exist.
    pub fn handles(&self) -> usize {
        Arc::strong_count(&self.inner)
    }

    /// Runs `f` with the value.
    pub fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        f(&mut self.inner.borrow_mut())
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
        }
    }
}
