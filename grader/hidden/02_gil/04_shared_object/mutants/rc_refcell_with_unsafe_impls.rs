//! Mutant: the single-threaded `Rc<RefCell<T>>` with `unsafe impl Send` and `Sync`: CPython without its GIL.

use std::cell::RefCell;
use std::rc::Rc;

/// A value shared by handles.
pub struct Shared<T> {
    inner: Rc<RefCell<T>>,
}

// "Trust me": the compiler's objection is silenced, not answered.
unsafe impl<T: Send> Send for Shared<T> {}
unsafe impl<T: Send> Sync for Shared<T> {}

impl<T> Shared<T> {
    /// Puts `value` behind a first handle.
    pub fn new(value: T) -> Self {
        Self {
            inner: Rc::new(RefCell::new(value)),
        }
    }

    /// How many handles exist.
    pub fn handles(&self) -> usize {
        Rc::strong_count(&self.inner)
    }

    /// Runs `f` with the value.
    pub fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        f(&mut self.inner.borrow_mut())
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self {
            inner: Rc::clone(&self.inner),
        }
    }
}
