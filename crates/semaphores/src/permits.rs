//! # Permits as values: release on drop, and a `BoundedSemaphore` for free
//!
//! Python's `with semaphore:` guarantees the release however the block is left. Rust gets the
//! same guarantee from ownership: `acquire` returns a **permit**, a value whose `Drop` gives the
//! permit back. It is the pattern of `MutexGuard`, and it buys three things.
//!
//! ## Release is automatic, even on panic
//!
//! The permit is dropped when it goes out of scope, when the function returns early with `?`,
//! and while a panic unwinds the stack. A thread that panics inside its critical section still
//! gives its permit back. A hand-written `release()` call at the end of a function is skipped by
//! every early exit that someone adds later.
//!
//! ## Releasing twice cannot be written
//!
//! With Python's plain `Semaphore`, one `release()` too many adds a permit for good:
//!
//! ```python
//! pool = threading.Semaphore(2)
//! pool.acquire()
//! pool.release()
//! pool.release()   # no error: the semaphore now lets 3 threads in
//! ```
//!
//! `threading.BoundedSemaphore` turns that into a `ValueError`, when and if that line runs. In
//! Rust, the only way to release is to drop the permit, and a value can be dropped once: the
//! compiler refuses a second `drop(permit)` ("use of moved value"), and a release without an
//! acquire has no permit to drop. Every permit-based semaphore is a bounded semaphore, checked
//! at compile time. (`cargo run -p semaphores --example bounded_semaphore` shows both.)
//!
//! ## A permit cannot outlive its semaphore
//!
//! The permit holds a reference to its semaphore, `Permit<'a>`, so the borrow checker refuses a
//! permit that lives longer than the semaphore it would return to:
//!
//! ```compile_fail,E0597
//! use semaphores::channels::TokenSemaphore;
//!
//! let permit;
//! {
//!     let semaphore = TokenSemaphore::new(1);
//!     permit = semaphore.acquire(); // error: `semaphore` does not live long enough
//! }
//! drop(permit);
//! ```
//!
//! To share a semaphore between threads, borrow it from a `thread::scope` (as in the crate's
//! front page), or put it in an `Arc` and let each thread acquire from its own clone:
//!
//! ```
//! use semaphores::channels::TokenSemaphore;
//! use std::sync::Arc;
//! use std::thread;
//!
//! let semaphore = Arc::new(TokenSemaphore::new(2));
//! let handles: Vec<_> = (0..4)
//!     .map(|n| {
//!         let semaphore = Arc::clone(&semaphore);
//!         thread::spawn(move || {
//!             let _permit = semaphore.acquire(); // borrows this thread's `Arc`
//!             n * 10
//!         })
//!     })
//!     .collect();
//! let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
//! assert_eq!(results, [0, 10, 20, 30]);
//! ```
//!
//! (tokio's async semaphore also offers `acquire_owned` on an `Arc<Semaphore>`, returning a
//! permit with no lifetime that holds its own `Arc`: handy when a permit must move into another
//! task.)
//!
//! ## Leaks and hand-offs
//!
//! Two things the type system allows on purpose:
//!
//! - `std::mem::forget(permit)` never runs `Drop`, so the permit is never given back: the
//!   semaphore has one permit less for good. Forgetting is safe in Rust (it breaks no memory
//!   rule), just a leak. It is occasionally what you want: a permit "consumed" for ever.
//! - A permit is a value, so it can be moved: returned from a function, stored in a struct,
//!   sent to another thread (if it is `Send`) that will drop it when its work is done. That is
//!   the semaphore's hand-off, kept honest: whoever holds the permit is the one who releases.
