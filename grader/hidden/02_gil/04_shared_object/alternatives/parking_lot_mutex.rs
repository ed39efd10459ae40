//! Alternative: `Arc<parking_lot::Mutex<T>>`.

use parking_lot::Mutex;
use std::sync::Arc;

/// A value shared by handles.
pub struct Shared<T>(Arc<Mutex<T>>);

impl<T> Shared<T> {
    /// Puts `value` behind a first handle.
    pub fn new(value: T) -> Self {
        Shared(Arc::new(Mutex::new(value)))
    }

    /// How many handles exist.
    pub fn handles(&self) -> usize {
        Arc::strong_count(&self.0)
    }

    /// Runs `f` with exclusive access to the value.
    pub fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        f(&mut self.0.lock())
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}
