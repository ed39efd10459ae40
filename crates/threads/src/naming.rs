//! `thread::Builder`: names, stack sizes, and a spawn that may fail.
//!
//! [`std::thread::Builder`] configures a thread before starting it. A **name** shows in panic
//! messages (`thread 'downloader' panicked at …`), in debuggers and in `top -H`, and
//! [`thread::current().name()`](std::thread::Thread::name) returns it inside the thread; Python's
//! `Thread(name=…)` does the same. A **stack size** matters for deep recursion.
//!
//! ```
//! use std::thread;
//!
//! let handle = thread::Builder::new()
//!     .name("downloader".into())
//!     .stack_size(256 * 1024)
//!     .spawn(|| thread::current().name().map(str::to_owned))
//!     .expect("the operating system refused to start a thread");
//! assert_eq!(handle.join().unwrap().as_deref(), Some("downloader"));
//! ```
//!
//! `thread::spawn` panics if the operating system refuses to start a thread (too many threads,
//! not enough memory); `Builder::spawn` returns that failure as an [`std::io::Error`] instead, so
//! a program that starts threads on demand can report it or try again later.
//!
//! The main thread is named `main`. Spawned threads have no name unless given one: `name()`
//! returns `None`.
