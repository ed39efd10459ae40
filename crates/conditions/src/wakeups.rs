//! # Spurious and stolen wake-ups: why every wait is a loop
//!
//! When `wait` returns, exactly one thing is certain: the thread holds the lock again. Not that
//! the condition it waited for is true. There are two ways to wake up to a condition that does
//! not hold.
//!
//! **Spurious wake-ups.** A condition variable is allowed to wake a thread that nobody
//! notified. Operating systems do it (a signal interrupts the sleep; on some platforms one
//! notification can wake two threads), and the implementations keep the freedom because
//! forbidding it would make them slower. Std's documentation says so plainly: "this function is
//! susceptible to spurious wakeups". (CPython's `threading.Condition` has none: each waiter
//! sleeps on a lock of its own that only `notify` releases. Its documentation still asks for
//! the loop, for the next reason.)
//!
//! **Stolen wake-ups.** Even a genuine notification only says the condition *was* true when it
//! was sent. Between the notify and the moment the woken thread gets the lock back, any other
//! thread can take the lock and change things. Two consumers wait on an empty buffer; a producer
//! pushes one item and calls `notify_all`. Both wake up, one at a time take the lock; the first
//! takes the item; the second finds the buffer empty. Or one consumer is waiting and another is
//! just arriving: the producer's `notify_one` wakes the waiting one, but the newcomer gets the
//! lock first and takes the item. Either way, a woken consumer finds nothing.
//!
//! The tutorial waits with `if`:
//!
//! ```python
//! with condition:
//!     if not buffer:
//!         condition.wait()
//!     item = buffer.pop(0)   # IndexError when another consumer got there first
//! ```
//!
//! The fix is one word: `while`. After every wake-up, look again, and go back to sleep if the
//! condition still does not hold. In Rust, let
//! [`Condvar::wait_while`](std::sync::Condvar::wait_while) do it:
//!
//! ```
//! use std::collections::VecDeque;
//! use std::sync::{Condvar, Mutex};
//!
//! struct Queue {
//!     items: Mutex<VecDeque<u32>>,
//!     not_empty: Condvar,
//! }
//!
//! impl Queue {
//!     fn pop(&self) -> u32 {
//!         let items = self.items.lock().unwrap();
//!         // Wrong: `if items.is_empty() { items = self.not_empty.wait(items).unwrap(); }`
//!         // Right: wait for as long as the queue is empty, however often we are woken.
//!         let mut items = self
//!             .not_empty
//!             .wait_while(items, |items| items.is_empty())
//!             .unwrap();
//!         items.pop_front().expect("wait_while returned, so the queue is not empty")
//!     }
//! }
//!
//! let queue = Queue { items: Mutex::new(VecDeque::from([7])), not_empty: Condvar::new() };
//! assert_eq!(queue.pop(), 7);
//! ```
//!
//! The loop costs nothing when the first wake-up was the right one, and it makes the code
//! correct whatever woke the thread. It also lets the notifying side be generous: since every
//! waiter re-checks, waking a thread that cannot proceed is harmless (only wasteful), so
//! `notify_all` is always *safe*. The `if` version is correct only if every wake-up is genuine
//! and nobody can get in between, which no one can promise.
//!
//! This is also why tests of concurrent code cannot prove the loop is there: spurious wake-ups
//! are rare, and a stolen wake-up needs a third thread to get the lock at just the wrong moment.
//! The bug waits for a busy day in production. Write the loop every time.
//!
//! `cargo run -p conditions --example stolen_wakeup` stages the two-consumer scene above and
//! counts how often a woken consumer found nothing to take.
