//! Mutant: keeps its own handle count, changed with a separate load and store, so updates from two threads can be lost.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// A value shared by handles, like a Python object shared by references.
pub struct Shared<T> {
    inner: Arc<Mutex<T>>,
    count: Arc<AtomicUsize>,
}

impl<T> Shared<T> {
    /// Puts `value` behind a first handle.
    pub fn new(value: T) -> Self {
        Self {
            inner: Arc::new(Mutex::new(value)),
            count: Arc::new(AtomicUsize::new(1)),
        }
    }

    /// How many handles to this value exist, this one included.
    pub fn handles(&self) -> usize {
        self.count.load(Ordering::SeqCst)
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
            count: {
                let n = self.count.load(Ordering::SeqCst);
                self.count.store(n + 1, Ordering::SeqCst);
                Arc::clone(&self.count)
            },
        }
    }
}

impl<T> Drop for Shared<T> {
    fn drop(&mut self) {
        let n = self.count.load(Ordering::SeqCst);
        self.count.store(n - 1, Ordering::SeqCst);
    }
}
