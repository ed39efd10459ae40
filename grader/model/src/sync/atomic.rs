//! `std::sync::atomic` as the model checker sees it: loom's atomics, which keep every value a
//! load may return under the memory model, so that a `Relaxed` where an `Acquire` is needed is
//! found on any machine.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::panic::Location;

pub use std::sync::atomic::{Ordering, compiler_fence};

use crate::story::record;

/// `std::sync::atomic::fence`.
#[track_caller]
pub fn fence(order: Ordering) {
    record(Location::caller(), || format!("fence({order:?})"));
    loom::sync::atomic::fence(order);
}

/// `std::sync::atomic::spin_loop_hint`, as `std::hint::spin_loop`.
#[track_caller]
pub fn spin_loop_hint() {
    crate::hint::spin_loop();
}

/// What `get_mut` lends: the value, written back to the atomic when the loan ends. Both are
/// accesses the checker sees as made by a thread that has the atomic to itself, which `&mut`
/// promises.
pub struct Exclusive<'a, T: Copy, A: Alone<T>> {
    atomic: &'a mut A,
    value: T,
}

/// An atomic of loom's that can be read and written by a thread that has it to itself.
pub trait Alone<T> {
    /// Reads the value.
    fn read_alone(&mut self) -> T;
    /// Writes the value.
    fn write_alone(&mut self, value: T);
}

impl<T: Copy, A: Alone<T>> Deref for Exclusive<'_, T, A> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: Copy, A: Alone<T>> DerefMut for Exclusive<'_, T, A> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.value
    }
}

impl<T: Copy, A: Alone<T>> Drop for Exclusive<'_, T, A> {
    fn drop(&mut self) {
        self.atomic.write_alone(self.value);
    }
}

fn outcome<T: fmt::Debug>(result: &Result<T, T>) -> String {
    match result {
        Ok(previous) => format!("Ok({previous:?}), swapped"),
        Err(actual) => format!("Err({actual:?}), not swapped"),
    }
}

macro_rules! atomic {
    ($name:ident, $value:ty, $($fetch:ident)*) => {
        #[doc = concat!("`std::sync::atomic::", stringify!($name), "`, explored by the checker.")]
        pub struct $name {
            atomic: loom::sync::atomic::$name,
        }

        impl $name {
            #[doc = concat!("`", stringify!($name), "::new`.")]
            pub fn new(value: $value) -> Self {
                $name { atomic: loom::sync::atomic::$name::new(value) }
            }

            fn loom(&self) -> &loom::sync::atomic::$name {
                &self.atomic
            }

            /// `load`.
            #[track_caller]
            pub fn load(&self, order: Ordering) -> $value {
                let value = self.loom().load(order);
                record(Location::caller(), || format!("load({order:?}) → {value:?}"));
                value
            }

            /// `store`.
            #[track_caller]
            pub fn store(&self, value: $value, order: Ordering) {
                record(Location::caller(), || format!("store({value:?}, {order:?})"));
                self.loom().store(value, order);
            }

            /// `swap`.
            #[track_caller]
            pub fn swap(&self, value: $value, order: Ordering) -> $value {
                let previous = self.loom().swap(value, order);
                record(Location::caller(), || format!("swap({value:?}, {order:?}) → {previous:?}"));
                previous
            }

            /// `compare_exchange`.
            #[track_caller]
            pub fn compare_exchange(
                &self,
                current: $value,
                new: $value,
                success: Ordering,
                failure: Ordering,
            ) -> Result<$value, $value> {
                let result = self.loom().compare_exchange(current, new, success, failure);
                record(Location::caller(), || {
                    format!(
                        "compare_exchange({current:?}, {new:?}, {success:?}, {failure:?}) → {}",
                        outcome(&result)
                    )
                });
                result
            }

            /// `compare_exchange_weak` (which the checker never lets fail spuriously).
            #[track_caller]
            pub fn compare_exchange_weak(
                &self,
                current: $value,
                new: $value,
                success: Ordering,
                failure: Ordering,
            ) -> Result<$value, $value> {
                let result = self.loom().compare_exchange_weak(current, new, success, failure);
                record(Location::caller(), || {
                    format!(
                        "compare_exchange_weak({current:?}, {new:?}, {success:?}, {failure:?}) → {}",
                        outcome(&result)
                    )
                });
                result
            }

            /// `fetch_update`.
            #[track_caller]
            pub fn fetch_update<F>(
                &self,
                set_order: Ordering,
                fetch_order: Ordering,
                mut f: F,
            ) -> Result<$value, $value>
            where
                F: FnMut($value) -> Option<$value>,
            {
                let at = Location::caller();
                let mut previous = self.load(fetch_order);
                while let Some(next) = f(previous) {
                    match self.loom().compare_exchange_weak(previous, next, set_order, fetch_order) {
                        Ok(value) => {
                            record(at, || format!("fetch_update: {value:?} → {next:?}"));
                            return Ok(value);
                        }
                        Err(actual) => {
                            record(at, || format!("fetch_update: expected {previous:?}, found {actual:?}"));
                            previous = actual;
                        }
                    }
                }
                record(at, || format!("fetch_update: {previous:?} left as it was"));
                Err(previous)
            }

            $(
                #[doc = concat!("`", stringify!($fetch), "`.")]
                #[track_caller]
                pub fn $fetch(&self, value: $value, order: Ordering) -> $value {
                    let previous = self.loom().$fetch(value, order);
                    record(Location::caller(), || {
                        format!("{}({value:?}, {order:?}) → {previous:?}", stringify!($fetch))
                    });
                    previous
                }
            )*

            /// `get_mut`: the value, to read or change while no other thread can see it.
            pub fn get_mut(&mut self) -> Exclusive<'_, $value, loom::sync::atomic::$name> {
                let value = self.atomic.read_alone();
                Exclusive { atomic: &mut self.atomic, value }
            }

            /// `into_inner`.
            pub fn into_inner(self) -> $value {
                self.atomic.into_inner()
            }
        }

        impl Alone<$value> for loom::sync::atomic::$name {
            fn read_alone(&mut self) -> $value {
                // SAFETY: `&mut self` proves that no other thread can use the atomic now.
                unsafe { self.unsync_load() }
            }

            fn write_alone(&mut self, value: $value) {
                // No other thread can see it now: `Relaxed` adds no happens-before edge.
                self.store(value, Ordering::Relaxed)
            }
        }

        impl Default for $name {
            fn default() -> Self {
                $name::new(<$value>::default())
            }
        }

        impl From<$value> for $name {
            fn from(value: $value) -> Self {
                $name::new(value)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!(stringify!($name), " { .. }"))
            }
        }
    };
}

atomic!(AtomicBool, bool, fetch_and fetch_nand fetch_or fetch_xor);
atomic!(AtomicU8, u8, fetch_add fetch_sub fetch_and fetch_nand fetch_or fetch_xor fetch_max fetch_min);
atomic!(AtomicU16, u16, fetch_add fetch_sub fetch_and fetch_nand fetch_or fetch_xor fetch_max fetch_min);
atomic!(AtomicU32, u32, fetch_add fetch_sub fetch_and fetch_nand fetch_or fetch_xor fetch_max fetch_min);
atomic!(AtomicU64, u64, fetch_add fetch_sub fetch_and fetch_nand fetch_or fetch_xor fetch_max fetch_min);
atomic!(AtomicUsize, usize, fetch_add fetch_sub fetch_and fetch_nand fetch_or fetch_xor fetch_max fetch_min);
atomic!(AtomicI8, i8, fetch_add fetch_sub fetch_and fetch_nand fetch_or fetch_xor fetch_max fetch_min);
atomic!(AtomicI16, i16, fetch_add fetch_sub fetch_and fetch_nand fetch_or fetch_xor fetch_max fetch_min);
atomic!(AtomicI32, i32, fetch_add fetch_sub fetch_and fetch_nand fetch_or fetch_xor fetch_max fetch_min);
atomic!(AtomicI64, i64, fetch_add fetch_sub fetch_and fetch_nand fetch_or fetch_xor fetch_max fetch_min);
atomic!(AtomicIsize, isize, fetch_add fetch_sub fetch_and fetch_nand fetch_or fetch_xor fetch_max fetch_min);

impl AtomicBool {
    /// `fetch_not`.
    #[track_caller]
    pub fn fetch_not(&self, order: Ordering) -> bool {
        self.fetch_xor(true, order)
    }
}

/// `std::sync::atomic::AtomicPtr`, explored by the checker.
pub struct AtomicPtr<T> {
    atomic: loom::sync::atomic::AtomicPtr<T>,
}

// SAFETY: as std's `AtomicPtr`, which is `Send` and `Sync` whatever `T`: it holds an address,
// never a `T`.
unsafe impl<T> Send for AtomicPtr<T> {}
// SAFETY: as above.
unsafe impl<T> Sync for AtomicPtr<T> {}

impl<T> AtomicPtr<T> {
    /// `AtomicPtr::new`.
    pub fn new(pointer: *mut T) -> Self {
        AtomicPtr {
            atomic: loom::sync::atomic::AtomicPtr::new(pointer),
        }
    }

    fn loom(&self) -> &loom::sync::atomic::AtomicPtr<T> {
        &self.atomic
    }

    /// `load`.
    #[track_caller]
    pub fn load(&self, order: Ordering) -> *mut T {
        let value = self.loom().load(order);
        record(Location::caller(), || {
            format!("load({order:?}) → {value:?}")
        });
        value
    }

    /// `store`.
    #[track_caller]
    pub fn store(&self, value: *mut T, order: Ordering) {
        record(Location::caller(), || {
            format!("store({value:?}, {order:?})")
        });
        self.loom().store(value, order);
    }

    /// `swap`.
    #[track_caller]
    pub fn swap(&self, value: *mut T, order: Ordering) -> *mut T {
        let previous = self.loom().swap(value, order);
        record(Location::caller(), || {
            format!("swap({value:?}, {order:?}) → {previous:?}")
        });
        previous
    }

    /// `compare_exchange`.
    #[track_caller]
    pub fn compare_exchange(
        &self,
        current: *mut T,
        new: *mut T,
        success: Ordering,
        failure: Ordering,
    ) -> Result<*mut T, *mut T> {
        let result = self.loom().compare_exchange(current, new, success, failure);
        record(Location::caller(), || {
            format!(
                "compare_exchange({current:?}, {new:?}, {success:?}, {failure:?}) → {}",
                outcome(&result)
            )
        });
        result
    }

    /// `compare_exchange_weak`.
    #[track_caller]
    pub fn compare_exchange_weak(
        &self,
        current: *mut T,
        new: *mut T,
        success: Ordering,
        failure: Ordering,
    ) -> Result<*mut T, *mut T> {
        self.compare_exchange(current, new, success, failure)
    }

    /// `into_inner`.
    pub fn into_inner(self) -> *mut T {
        self.atomic.into_inner()
    }

    /// `get_mut`: the pointer, to read or change while no other thread can see it.
    pub fn get_mut(&mut self) -> Exclusive<'_, *mut T, loom::sync::atomic::AtomicPtr<T>> {
        let value = self.atomic.read_alone();
        Exclusive {
            atomic: &mut self.atomic,
            value,
        }
    }
}

impl<T> Alone<*mut T> for loom::sync::atomic::AtomicPtr<T> {
    fn read_alone(&mut self) -> *mut T {
        // SAFETY: `&mut self` proves that no other thread can use the atomic now.
        unsafe { self.unsync_load() }
    }

    fn write_alone(&mut self, value: *mut T) {
        // No other thread can see it now: `Relaxed` adds no happens-before edge.
        self.store(value, Ordering::Relaxed)
    }
}

impl<T> fmt::Debug for AtomicPtr<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AtomicPtr { .. }")
    }
}
