//! # `thread_local!` and `LocalKey::with`
//!
//! A thread-local is declared with the [`thread_local!`] macro, like a `static` with an
//! initialiser:
//!
//! ```
//! use std::cell::RefCell;
//!
//! thread_local! {
//!     /// This thread's name, as the tutorial's first example stores it.
//!     static NAME: RefCell<String> = RefCell::new(String::new());
//! }
//! ```
//!
//! `NAME` is not a `RefCell<String>`: it is a [`LocalKey<RefCell<String>>`](std::thread::LocalKey),
//! a key that finds *the calling thread's* value. Each thread gets its own value, made by running
//! the initialiser the first time that thread touches the key (lazily). A new thread starts with
//! a fresh value, whatever the thread that spawned it had: nothing is inherited.
//!
//! ## `with`: visiting the value
//!
//! You never get the value itself, only a visit:
//! [`LocalKey::with`](std::thread::LocalKey::with) calls a closure with a `&T` to this thread's
//! value and returns what the closure returns.
//!
//! ```
//! use std::cell::RefCell;
//! use std::thread;
//!
//! thread_local! {
//!     static NAME: RefCell<String> = RefCell::new(String::new());
//! }
//!
//! fn thread_function(name: &str) -> String {
//!     NAME.with(|mine| *mine.borrow_mut() = name.to_owned()); // the tutorial's assignment
//!     NAME.with(|mine| format!("Thread {name}: {}", mine.borrow()))
//! }
//!
//! let a = thread::spawn(|| thread_function("A"));
//! let b = thread::spawn(|| thread_function("B"));
//! assert_eq!(a.join().unwrap(), "Thread A: A");
//! assert_eq!(b.join().unwrap(), "Thread B: B");
//! // The main thread's NAME was never set.
//! NAME.with(|mine| assert!(mine.borrow().is_empty()));
//! ```
//!
//! Why a closure, and not a `&'static T`? Because the value does not live for `'static`: it
//! lives as long as its thread, and is dropped when the thread ends (see
//! [`destructors`](crate::destructors)). A reference handed out with a `'static` lifetime could
//! be sent to another thread and used after its owner had ended. The closure's reference is only
//! valid during the call, so the compiler refuses to let it escape:
//!
//! ```compile_fail
//! thread_local! {
//!     static NAME: String = String::from("main");
//! }
//!
//! let escaped: &'static String = NAME.with(|name| name); // error: lifetime may not live long enough
//! ```
//!
//! ```compile_fail,E0521
//! use std::thread;
//!
//! thread_local! {
//!     static BUFFER: Vec<u8> = Vec::new();
//! }
//!
//! BUFFER.with(|buffer| {
//!     // error[E0521]: borrowed data escapes outside of closure: the other thread could still be
//!     // reading this thread's buffer after this thread has ended.
//!     thread::spawn(move || buffer.len());
//! });
//! ```
//!
//! Take out what you need instead: a copy, a clone, or the result of a computation. The same
//! shape serves any per-thread resource you lend out; the scratch-buffer exercise's
//! `with_scratch(|buffer| …)` works exactly like `with`.
//!
//! ## `try_with`: when the value may be gone
//!
//! While a thread is ending, its thread-locals are dropped one by one, and code that runs in
//! those destructors may reach for a thread-local that is already gone. `with` then panics,
//! and a panic inside a thread-local's destructor aborts the whole process.
//! [`LocalKey::try_with`](std::thread::LocalKey::try_with) returns an
//! [`AccessError`](std::thread::AccessError) instead, so that code which may run that late can
//! fall back to something else (the log-buffer exercise writes straight to the shared log).
//!
//! ## Lazy or `const` initialisation
//!
//! By default the initialiser runs on a thread's first access, and every access checks whether
//! it has run yet. When the initial value is a constant expression, say so:
//!
//! ```
//! use std::cell::Cell;
//!
//! thread_local! {
//!     static DEPTH: Cell<usize> = const { Cell::new(0) };
//! }
//!
//! DEPTH.set(DEPTH.get() + 1);
//! assert_eq!(DEPTH.get(), 1);
//! ```
//!
//! A `const` initialiser needs no "has it run yet?" check, and for a type without a destructor
//! no registration either, so each access is about as cheap as reading a global. `Cell::new`,
//! `RefCell::new`, `Vec::new` and `String::new` are all `const`. `HashMap::new` is not (its
//! hasher is seeded at random), so a thread-local map uses the lazy form,
//! `RefCell::new(HashMap::new())`.
//!
//! ## No `Sync` needed, and no `Send` either
//!
//! A `static` shared by all threads must be `Sync`. A thread-local need not be: only its own
//! thread ever sees it, so `Cell`, `RefCell` and `Rc`, which are not `Sync`, are the usual
//! contents. That is the whole point of thread-local storage: the compiler knows no other thread
//! can reach the value, so you may mutate it through `&` without a lock.
//!
//! ```
//! use std::cell::RefCell;
//! use std::rc::Rc;
//!
//! thread_local! {
//!     // Neither Send nor Sync, and perfectly fine here.
//!     static SHARED_IN_THIS_THREAD: RefCell<Option<Rc<str>>> = const { RefCell::new(None) };
//! }
//!
//! SHARED_IN_THIS_THREAD.set(Some(Rc::from("config")));
//! ```
