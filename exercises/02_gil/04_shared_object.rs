//! # The GIL 4: what Rust does instead (`Send` and `Sync`)
//!
//! Most of what CPython's GIL protects is not your data but the interpreter's own: every Python
//! object carries a reference count, changed by a plain read and write each time a reference is
//! made or dropped. Two threads doing that at once would lose updates, and objects would be
//! freed while still in use. The GIL makes every such change happen one thread at a time.
//!
//! Rust has no GIL; the compiler does the job instead, before the program runs. A Python-minded
//! port of a shared object compiles, and works on one thread:
//!
//! ```
//! use std::cell::RefCell;
//! use std::rc::Rc;
//!
//! pub struct Shared<T> {
//!     inner: Rc<RefCell<T>>, // a count that is not atomic, a borrow flag that is not either
//! }
//! ```
//!
//! but the moment a handle is sent to another thread, the compiler refuses: "`Rc<RefCell<T>>`
//! cannot be sent between threads safely". `Rc` is not `Send` (its count is not atomic) and
//! `RefCell` is not `Sync` (its borrow check is not). Build the version that can be shared:
//!
//! - `Shared::new(value)` puts `value` behind a first handle;
//! - `clone()` makes another handle to the same value (not a copy of the value);
//! - `handles()` says how many handles to the value exist (like Python's `sys.getrefcount`);
//! - `with(f)` runs `f` with exclusive access to the value (`&mut T`) and returns what `f`
//!   returned;
//! - the value is dropped once, when the last handle is dropped, on whichever thread that is;
//! - `Shared<T>` is `Send` and `Sync` when `T` is `Send` (so `Shared<u64>` can go anywhere), and
//!   NOT when `T` is not (a `Shared<Rc<u32>>` must stay on its thread): if you pick the right
//!   standard types, the compiler works this out for you, with no `unsafe impl`.
//!
//! `Arc` and `Mutex` belong to later sections (locks); the lesson's `send_sync` module ends with
//! all of them this exercise needs (`cargo doc -p gil --open`, "`Rc<RefCell<T>>` becomes
//! `Arc<Mutex<T>>`").
//!
//! Check your work: `cargo run -p grader -- check gil/shared_object`.

use std::marker::PhantomData;

/// A value shared by handles, like a Python object shared by references.
pub struct Shared<T> {
    // TODO: a handle count that threads can change at the same time, and a value that one thread
    // at a time may change.
    _value: PhantomData<T>,
}

impl<T> Shared<T> {
    /// Puts `value` behind a first handle.
    pub fn new(value: T) -> Self {
        let _ = value;
        todo!()
    }

    /// How many handles to this value exist, this one included.
    pub fn handles(&self) -> usize {
        todo!()
    }

    /// Runs `f` with exclusive access to the value and returns what `f` returned.
    pub fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        let _ = f;
        todo!()
    }
}

impl<T> Clone for Shared<T> {
    /// Another handle to the same value.
    fn clone(&self) -> Self {
        todo!()
    }
}
