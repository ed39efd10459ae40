//! `std::cell` as the model checker sees it: `UnsafeCell` reports every access, so that two
//! threads reaching the same data without a happens-before edge between them are found.

use std::panic::Location;

pub use std::cell::{BorrowError, BorrowMutError, Cell, OnceCell, Ref, RefCell, RefMut};

use crate::story::record;

/// `std::cell::UnsafeCell`, whose `get()` tells the checker that the data is being used.
///
/// std's `get()` hands out a raw pointer and cannot know whether it will be read or written,
/// nor for how long; so every `get()` counts as a write at that moment. A lock's guard calls
/// `get()` when it is dereferenced, which is while the lock is held: two of those in two
/// threads with no happens-before edge between them (a lock freed with `Relaxed`) is the data
/// race the checker reports.
pub struct UnsafeCell<T: ?Sized> {
    tracker: loom::cell::UnsafeCell<()>,
    value: std::cell::UnsafeCell<T>,
}

impl<T> UnsafeCell<T> {
    /// `UnsafeCell::new`.
    pub fn new(value: T) -> Self {
        UnsafeCell {
            tracker: loom::cell::UnsafeCell::new(()),
            value: std::cell::UnsafeCell::new(value),
        }
    }

    /// `UnsafeCell::into_inner`.
    pub fn into_inner(self) -> T {
        self.value.into_inner()
    }
}

impl<T: ?Sized> UnsafeCell<T> {
    /// `UnsafeCell::get`: a pointer to the data, and an access the checker records.
    #[track_caller]
    pub fn get(&self) -> *mut T {
        record(Location::caller(), || {
            "UnsafeCell::get() (uses the data)".to_owned()
        });
        self.tracker.with_mut(|_| ());
        self.value.get()
    }

    /// `UnsafeCell::get_mut`: `&mut self` already proves no other thread can reach the data.
    pub fn get_mut(&mut self) -> &mut T {
        self.value.get_mut()
    }

    /// `UnsafeCell::raw_get`.
    // std's `raw_get` is a safe function too; a learner's file calls it as it would std's.
    #[allow(clippy::not_unsafe_ptr_arg_deref)]
    #[track_caller]
    pub fn raw_get(this: *const Self) -> *mut T {
        // SAFETY: the caller promises, as with std's `raw_get`, that `this` points to a live
        // cell.
        unsafe { (*this).get() }
    }
}

impl<T: Default> Default for UnsafeCell<T> {
    fn default() -> Self {
        UnsafeCell::new(T::default())
    }
}

impl<T> From<T> for UnsafeCell<T> {
    fn from(value: T) -> Self {
        UnsafeCell::new(value)
    }
}

impl<T: ?Sized> std::fmt::Debug for UnsafeCell<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UnsafeCell { .. }")
    }
}
