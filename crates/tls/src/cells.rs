//! # `Cell` and `RefCell` inside a thread-local
//!
//! [`LocalKey::with`](std::thread::LocalKey::with) lends a *shared* reference, `&T`. To change a
//! thread-local you need interior mutability, and since no other thread can reach the value, the
//! single-threaded kinds are enough: [`Cell`](std::cell::Cell) and
//! [`RefCell`](std::cell::RefCell). A `Mutex` would work too, but it would guard against other
//! threads that can never come.
//!
//! ## `Cell`: for values you copy in and out
//!
//! A `Cell<T>` never hands out a reference to its contents: you `get` a copy, `set` a new value,
//! `replace` one with another (getting the old one back) or `take` it (leaving
//! `T::default()`). Since there is never a reference, there is nothing to go wrong, and it
//! costs nothing at run time. It suits numbers, flags, `Option<u64>`s and other small `Copy`
//! values, and, through `take` and `replace`, any value you move out and back.
//!
//! `LocalKey<Cell<T>>` has shortcuts that spare you the closure:
//!
//! ```
//! use std::cell::Cell;
//!
//! thread_local! {
//!     static CURRENT_REQUEST: Cell<Option<u64>> = const { Cell::new(None) };
//! }
//!
//! assert_eq!(CURRENT_REQUEST.get(), None); // CURRENT_REQUEST.with(Cell::get)
//! let previous = CURRENT_REQUEST.replace(Some(42));
//! assert_eq!(previous, None);
//! assert_eq!(CURRENT_REQUEST.get(), Some(42));
//! CURRENT_REQUEST.set(previous); // put back what was there
//! ```
//!
//! `replace` and a guard make a "context" that is set for the length of a call and restored
//! afterwards, also when the call panics, because drops run while a panic unwinds. This is the
//! tutorial's "thread-local with context manager", and the request-id exercise:
//!
//! ```
//! use std::cell::Cell;
//!
//! thread_local! {
//!     static INDENT: Cell<usize> = const { Cell::new(0) };
//! }
//!
//! struct Restore(usize);
//!
//! impl Drop for Restore {
//!     fn drop(&mut self) {
//!         INDENT.set(self.0);
//!     }
//! }
//!
//! fn indented<R>(f: impl FnOnce() -> R) -> R {
//!     let _restore = Restore(INDENT.replace(INDENT.get() + 1));
//!     f()
//! }
//!
//! indented(|| {
//!     assert_eq!(INDENT.get(), 1);
//!     indented(|| assert_eq!(INDENT.get(), 2));
//!     assert_eq!(INDENT.get(), 1);
//!     let _ = std::panic::catch_unwind(|| indented(|| panic!("oops")));
//!     assert_eq!(INDENT.get(), 1); // the guard put it back during the unwinding
//! });
//! assert_eq!(INDENT.get(), 0);
//! ```
//!
//! ## `RefCell`: for values you change in place
//!
//! A `Vec`, a `String` or a `HashMap` is changed in place, through a `&mut`. A `RefCell` lends
//! one out ([`borrow_mut`](std::cell::RefCell::borrow_mut)) and counts its loans at run time:
//! any number of `borrow()`s, or one `borrow_mut()`, never both. Breaking the rule panics
//! ("already borrowed"). On `LocalKey<RefCell<T>>`,
//! [`with_borrow`](std::thread::LocalKey::with_borrow) and
//! [`with_borrow_mut`](std::thread::LocalKey::with_borrow_mut) do the `with` and the borrow in
//! one step:
//!
//! ```
//! use std::cell::RefCell;
//!
//! thread_local! {
//!     static LINES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
//! }
//!
//! LINES.with_borrow_mut(|lines| lines.push("started".to_owned()));
//! assert_eq!(LINES.with_borrow(|lines| lines.len()), 1);
//! ```
//!
//! ## The nested borrow
//!
//! One thread can still trip over its own `RefCell`: code that holds a thread-local's
//! `borrow_mut()` and, somewhere down the call stack, reaches for the same thread-local again.
//! Nothing is shared with another thread, and yet the second borrow panics:
//!
//! ```should_panic
//! use std::cell::RefCell;
//!
//! thread_local! {
//!     static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
//! }
//!
//! fn with_scratch<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
//!     SCRATCH.with_borrow_mut(|buffer| {
//!         buffer.clear();
//!         f(buffer)
//!     })
//! }
//!
//! with_scratch(|outer| {
//!     outer.push(1);
//!     // Formatting something else that also wants scratch space: panics, "already borrowed".
//!     with_scratch(|inner| inner.push(2));
//! });
//! ```
//!
//! Two ways out. Hold no borrow while running code you do not control: *take* the value out of
//! the cell for the length of the call and put it back afterwards, so a nested call finds an
//! empty `Vec` (which allocates nothing) and works with that. Or ask first with
//! [`try_borrow_mut`](std::cell::RefCell::try_borrow_mut), and use a fresh value when the cell is
//! busy. The first, with a `Cell`:
//!
//! ```
//! use std::cell::Cell;
//!
//! thread_local! {
//!     static SCRATCH: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
//! }
//!
//! fn with_scratch<R>(f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
//!     let mut buffer = SCRATCH.take(); // leaves an empty Vec for a nested call
//!     buffer.clear();
//!     let result = f(&mut buffer);
//!     SCRATCH.set(buffer); // the outer call puts its buffer back last, so it is the one kept
//!     result
//! }
//!
//! let sum: u32 = with_scratch(|outer| {
//!     outer.extend([1, 2, 3]);
//!     with_scratch(|inner| inner.push(4));
//!     outer.iter().map(|&b| u32::from(b)).sum()
//! });
//! assert_eq!(sum, 6);
//! ```
//!
//! (This version loses the buffer, not the program, if `f` panics: the next call gets a new,
//! empty one. A guard whose `Drop` puts it back fixes that, as the request-id exercise restores
//! its id. The scratch-buffer exercise takes the other way, `try_borrow_mut`, where the
//! `RefMut` borrow is itself the guard.)
