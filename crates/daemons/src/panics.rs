//! # When a background thread panics
//!
//! A panic ends only the thread it happens in. The panic message is printed to stderr (by the
//! panic hook), the thread's stack unwinds (its locals are dropped, a `MutexGuard` it held
//! poisons its mutex), and then the thread is gone. The rest of the program goes on as if
//! nothing happened: a detached logger that panicked simply stops logging, and nobody notices
//! until the log file is needed. This is what happens to an exception in a Python daemon
//! thread, too.
//!
//! (Only a panic in `main` ends the process, with exit code 101, killing every other thread
//! like any other exit. A program built with `panic = "abort"` ends at any thread's panic.)
//!
//! ## `join` hands the panic back
//!
//! [`JoinHandle::join`](std::thread::JoinHandle::join) returns `Err(payload)` when the thread
//! panicked. The payload is the value the panic carried, as a `Box<dyn Any + Send>`: a
//! `&'static str` for `panic!("literal")`, a `String` for `panic!("{formatted}")`, anything at
//! all for [`std::panic::panic_any`]. Downcast it to find the message:
//!
//! ```
//! use std::any::Any;
//! use std::thread;
//!
//! fn message(payload: &(dyn Any + Send)) -> String {
//!     if let Some(text) = payload.downcast_ref::<&str>() {
//!         text.to_string()
//!     } else if let Some(text) = payload.downcast_ref::<String>() {
//!         text.clone()
//!     } else {
//!         "a panic that is not text".to_owned()
//!     }
//! }
//!
//! let worker = thread::spawn(|| {
//!     let files = 3;
//!     if files > 2 {
//!         panic!("{files} files left open");
//!     }
//! });
//! let payload = worker.join().unwrap_err();
//! assert_eq!(message(payload.as_ref()), "3 files left open");
//! ```
//!
//! So the owner of a background thread learns about its panic exactly when it joins it, which
//! is one more reason to join. What to do with it is the owner's choice: pass it on
//! ([`std::panic::resume_unwind`] re-raises the same payload in the joining thread), report it,
//! or restart the service. A `Drop` that joins should *not* pass it on: panicking in `drop`
//! while another panic is already unwinding aborts the whole process. Ignore the `Err` there
//! (the message was printed when the panic happened), and offer a method such as `stop()` or
//! `join()` that returns it, for owners who want to know.
//!
//! The background-job exercise builds such a handle: a stop token, `join`/`stop` returning the
//! job's result or its panic message, and a `Drop` that stops and joins.
//! `cargo run -p daemons --example panics` shows a detached thread's panic going unnoticed, and
//! the same panic reaching the joining thread.
//!
//! ## Poisoning
//!
//! A thread that panics while holding a `std::sync::Mutex` guard *poisons* the mutex: every
//! later `lock()` returns `Err(PoisonError)`, saying "a thread died in the middle of changing
//! this, the data may be half-updated". A service whose worker panicked can still get at the
//! data with [`PoisonError::into_inner`](std::sync::PoisonError::into_inner) when it knows the
//! data cannot be left inconsistent (a flag, a counter). `parking_lot`'s mutexes do not poison.
