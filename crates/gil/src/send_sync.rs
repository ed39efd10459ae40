//! # `Send` and `Sync`: the GIL's job, done by the compiler
//!
//! CPython needs the GIL because any thread may touch any object at any time, and nothing but a
//! run-time lock stands between two threads changing the same reference count. Rust asks a
//! different question, and asks it while compiling: *may this value cross to another thread at
//! all?* Two marker traits carry the answer:
//!
//! - **`Send`**: a value of this type may be *moved* to another thread (and dropped there).
//! - **`Sync`**: a value of this type may be *shared* between threads, that is, `&T` may be
//!   used from several threads at once. (`T` is `Sync` exactly when `&T` is `Send`.)
//!
//! Nobody implements them by hand in ordinary code: the compiler works them out from a type's
//! fields (they are *auto traits*). A struct is `Send` if all its fields are, `Sync` if all its
//! fields are. `std::thread::spawn` requires its closure, and so everything it captures, to be
//! `Send`; a scoped thread that borrows a value requires that value to be `Sync`.
//!
//! | type | `Send` | `Sync` | why |
//! | --- | --- | --- | --- |
//! | `u64`, `String`, `Vec<u64>` | yes | yes | plain owned data |
//! | `Rc<T>` | no | no | its reference count is changed with a plain read and write: exactly what CPython's GIL protects |
//! | `Arc<T>` (for `T: Send + Sync`) | yes | yes | the same, with an atomic count |
//! | `Cell<T>`, `RefCell<T>` | yes (if `T: Send`) | no | change through `&`, with no lock; `RefCell`'s borrow flag is not atomic |
//! | `Mutex<T>` (for `T: Send`) | yes | yes | one thread at a time gets `&mut T` |
//! | `AtomicU64` and friends | yes | yes | every operation is indivisible |
//! | `MutexGuard<'_, T>` | no | yes (if `T: Sync`) | must be unlocked by the thread that locked it |
//! | `*const T`, `*mut T` | no | no | the compiler cannot know what they point to |
//!
//! ## An `Rc` sent to another thread
//!
//! In Python, handing an object to another thread is ordinary, and the GIL keeps its reference
//! count straight. In Rust, an `Rc` whose clone goes to another thread would have two threads
//! changing one count with no protection, so the program does not compile:
//!
//! ```compile_fail,E0277
//! use std::rc::Rc;
//! use std::thread;
//!
//! let config = Rc::new(String::from("threads = 4"));
//! let for_worker = Rc::clone(&config);
//! let worker = thread::spawn(move || for_worker.len());
//! // error[E0277]: `Rc<String>` cannot be sent between threads safely
//! worker.join().unwrap();
//! ```
//!
//! The fix is the type whose count is atomic, `Arc`:
//!
//! ```
//! use std::sync::Arc;
//! use std::thread;
//!
//! let config = Arc::new(String::from("threads = 4"));
//! let for_worker = Arc::clone(&config);
//! let worker = thread::spawn(move || for_worker.len());
//! assert_eq!(worker.join().unwrap(), 11);
//! ```
//!
//! ## A `RefCell` shared between threads
//!
//! `RefCell` lets you change a value through a shared reference, checking at run time that no
//! one else is using it. That check is a plain counter, safe on one thread only, so a `RefCell`
//! is not `Sync` and cannot be shared:
//!
//! ```compile_fail,E0277
//! use std::cell::RefCell;
//! use std::thread;
//!
//! let hits = RefCell::new(0);
//! thread::scope(|s| {
//!     s.spawn(|| *hits.borrow_mut() += 1);
//!     // error[E0277]: `RefCell<i32>` cannot be shared between threads safely
//!     s.spawn(|| *hits.borrow_mut() += 1);
//! });
//! ```
//!
//! Its thread-safe twins are `Mutex` (and `RwLock`), or an atomic for a single number:
//!
//! ```
//! use std::sync::Mutex;
//! use std::sync::atomic::{AtomicU64, Ordering};
//! use std::thread;
//!
//! let hits = Mutex::new(0);
//! let visits = AtomicU64::new(0);
//! thread::scope(|s| {
//!     for _ in 0..2 {
//!         s.spawn(|| {
//!             *hits.lock().unwrap() += 1;
//!             visits.fetch_add(1, Ordering::Relaxed);
//!         });
//!     }
//! });
//! assert_eq!(hits.into_inner().unwrap(), 2);
//! assert_eq!(visits.into_inner(), 2);
//! ```
//!
//! ## A guard sent to another thread
//!
//! A lock's guard says "*this thread* holds the lock". It may not move to another thread, and
//! the GIL guard of the first exercise must not either:
//!
//! ```compile_fail,E0277
//! use std::sync::Mutex;
//! use std::thread;
//!
//! let lock = Mutex::new(0);
//! let guard = lock.lock().unwrap();
//! thread::scope(|s| {
//!     // error[E0277]: `MutexGuard<'_, i32>` cannot be sent between threads safely
//!     s.spawn(move || drop(guard));
//! });
//! ```
//!
//! A type of your own gets the same protection from a marker field: a
//! `PhantomData<MutexGuard<'a, ()>>` (or `PhantomData<*const ()>`) takes no space and makes the
//! type not `Send`.
//!
//! ## `Rc<RefCell<T>>` becomes `Arc<Mutex<T>>`
//!
//! The Python way of sharing an object, a reference-counted handle to a value anyone may change,
//! is `Rc<RefCell<T>>` in single-threaded Rust. It compiles and works, on one thread. The
//! moment a handle goes to another thread the compiler refuses, and the fix is to swap each
//! part for its thread-safe twin: `Arc<Mutex<T>>`. The fourth exercise does exactly that. The
//! locks chapter comes later; this is all of `Arc` and `Mutex` the exercise needs:
//!
//! ```
//! use std::sync::{Arc, Mutex};
//! use std::thread;
//!
//! let shared = Arc::new(Mutex::new(Vec::new())); // one value, one handle
//! let handle = Arc::clone(&shared); // a second handle to the same value (not a copy of it)
//! assert_eq!(Arc::strong_count(&shared), 2); // how many handles exist: Python's refcount
//! thread::spawn(move || {
//!     // `lock()` waits until no other thread holds the mutex and returns a guard that derefs
//!     // to `&mut Vec<i32>`; the mutex is free again when the guard is dropped (here, at `;`).
//!     handle.lock().unwrap().push(1);
//! }) // the thread drops `handle` when it ends
//! .join()
//! .unwrap();
//! assert_eq!(Arc::strong_count(&shared), 1);
//! assert_eq!(*shared.lock().unwrap(), [1]);
//! // The Vec is dropped when its last handle is, on whichever thread drops it.
//! ```
//!
//! - `Arc::clone(&a)` makes a new handle and adds one to an atomic count; dropping a handle
//!   takes one off; the last one drops the value. `Arc::strong_count(&a)` reads the count.
//! - `mutex.lock()` returns a `Result`: it is `Err` only if a thread panicked while holding the
//!   lock (the mutex is then *poisoned*), and `.unwrap()` passes that panic on, which is the
//!   usual choice; the locks chapter says when to do otherwise.
//! - `Arc<Mutex<T>>` is `Send` and `Sync` exactly when `T: Send`: the compiler works it out.
//!
//! What you must *not* do is silence the compiler. `unsafe impl Send for MyType {}` is a
//! promise that the type is safe to send, and the compiler takes it on trust; for a type built
//! on `Rc` or `RefCell` the promise is false, and the result is CPython without its GIL: lost
//! reference counts, values freed while still in use, `RefCell` panics ("already borrowed") that
//! only happen under load. The hidden tests of the fourth exercise run exactly that mutant and
//! watch it fail. `unsafe impl` belongs in code that builds a new synchronisation primitive
//! (the spin lock of the locks section, which needs two: one for the lock and one for its
//! guard), with a comment proving why it is sound, and nowhere else.
//!
//! ## What this buys
//!
//! A GIL protects everything, always, at run time, and pays for it with parallelism. `Send`
//! and `Sync` protect exactly what is shared, at compile time, and cost nothing when the program
//! runs: threads that share nothing mutable never wait for each other, and threads that do
//! share something wait only for the lock of that one thing. The price is paid once, by the
//! programmer, when the compiler says no.
