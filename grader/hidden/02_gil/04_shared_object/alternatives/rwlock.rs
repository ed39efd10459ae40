//! Alternative: `Arc<RwLock<T>>`, writing in `with()`. (It asks more of `T` than a `Mutex`
//! does: sharing a `Shared<T>` needs `T: Sync` too.)

use std::sync::{Arc, RwLock};

/// A value shared by handles.
pub struct Shared<T> {
    inner: Arc<RwLock<T>>,
}

impl<T> Shared<T> {
    /// Puts `value` behind a first handle.
    pub fn new(value: T) -> Self {
        Self {
            inner: Arc::new(RwLock::new(value)),
        }
    }

    /// How many handles exist.
    pub fn handles(&self) -> usize {
        Arc::strong_count(&self.inner)
    }

    /// Runs `f` with exclusive access to the value.
    pub fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        let mut guard = self.inner.write().unwrap_or_else(|p| p.into_inner());
        f(&mut guard)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
        }
    }
}
