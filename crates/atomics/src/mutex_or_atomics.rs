//! # When a `Mutex` is the better tool
//!
//! Atomics are fast for what they do: one operation on one small value. A `Mutex` makes any
//! amount of work on any amount of data look like one step to the other threads. Prefer the lock
//! when:
//!
//! - **Several values must change together.** Two atomics updated one after the other can be
//!   read between the two updates. Money moved from one account to another with
//!   `a.fetch_sub(10)` and `b.fetch_add(10)` can be seen, by a thread adding up the balances, as
//!   ten missing. Under one lock, the move is a single step. `cargo run -p atomics --example
//!   mutex_snapshot` counts how often a reader sees the money missing, with atomics and with a
//!   lock.
//! - **A thread must wait.** An atomic cannot put a thread to sleep; waiting on one means
//!   spinning, which burns a core for as long as the wait lasts. A `Mutex` (and a `Condvar`
//!   beside it) lets the waiting thread sleep until it can go on. (Exercise `atomics/init_once`
//!   uses a `Mutex` for exactly this, behind an atomic fast path.)
//! - **The invariant is more than one number**: a queue, a map, a structure with pointers. A lock
//!   lets you write ordinary code inside; a lock-free version of the same structure is a research
//!   topic.
//! - **Others will read the code.** A lock's meaning is plain; an `Acquire` on one line and the
//!   `Release` it pairs with twenty lines away need a comment to be checked.
//!
//! And a `Mutex` is cheaper than its reputation. Taking a free lock is one atomic
//! read-modify-write (an `Acquire` compare-and-swap), and freeing it one more (a `Release`), the
//! same as the atomics you would otherwise write. A lock is slow when it is *contended*, and then
//! an atomic everyone hammers is slow too ([`false_sharing`](crate::false_sharing)).
//!
//! Use atomics when the shared state *is* one small value: a counter, a flag, an id, a pointer
//! swapped in whole, a state machine with a handful of states (exercise `atomics/one_shot`); and
//! when the lock is measurably in the way.
//!
//! ```
//! use std::sync::Mutex;
//! use std::thread;
//!
//! struct Accounts {
//!     a: i64,
//!     b: i64,
//! }
//!
//! let accounts = Mutex::new(Accounts { a: 100, b: 100 });
//! thread::scope(|s| {
//!     s.spawn(|| {
//!         for _ in 0..1000 {
//!             let mut accounts = accounts.lock().unwrap();
//!             accounts.a -= 1; // both changes happen while the lock is held:
//!             accounts.b += 1; // no other thread sees one without the other
//!         }
//!     });
//!     s.spawn(|| {
//!         for _ in 0..1000 {
//!             let accounts = accounts.lock().unwrap();
//!             assert_eq!(accounts.a + accounts.b, 200);
//!         }
//!     });
//! });
//! ```
