//! A panic ends its thread, not the program, and surfaces at `join`.
//!
//! When a thread panics, the panic unwinds *that thread's* stack (running destructors, releasing
//! guards, poisoning any `Mutex` whose guard it held) and the thread ends. The rest of the program
//! carries on. The panic is not lost: [`JoinHandle::join`](std::thread::JoinHandle::join)
//! returns `Err(payload)`, where the payload is whatever the panic carried.
//!
//! ```
//! use std::thread;
//!
//! let handle = thread::spawn(|| {
//!     let code = 7;
//!     if code != 0 {
//!         panic!("worker failed with code {code}");
//!     }
//!     code
//! });
//! let payload = handle.join().unwrap_err();
//! // A formatted message is a `String`; a literal one (`panic!("oops")`) is a `&'static str`.
//! let message = payload
//!     .downcast_ref::<String>()
//!     .cloned()
//!     .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
//!     .unwrap_or_else(|| "a panic without a message".into());
//! assert_eq!(message, "worker failed with code 7");
//! ```
//!
//! Most code writes `handle.join().unwrap()`, which passes a worker's panic on to the thread that
//! joins it: the right default, since a result is missing. To pass on the *original* panic
//! rather than "called `unwrap()` on an `Err` value", use
//! [`std::panic::resume_unwind(payload)`](std::panic::resume_unwind).
//!
//! Python is different: an exception in a thread is printed (by `threading.excepthook`) and then
//! forgotten; `join()` returns normally and the main thread never learns of it.
//!
//! Unwinding can be turned off (`panic = "abort"` in a profile), and then any panic ends the
//! whole process: code that must survive a failing task (a server, a test runner) should not rely
//! on catching panics at all, and should run the task in another process instead.
//!
//! `cargo run -p threads --example panic_at_join` shows a worker's panic reaching `join` while
//! the other workers finish.
