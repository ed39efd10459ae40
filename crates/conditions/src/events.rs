//! # One-way signals: events and latches
//!
//! Many waits are for something that happens once and stays done: the configuration is loaded,
//! the server is listening, every worker has finished its setup. The condition only ever goes
//! from false to true, which makes these the easiest condition variables to get right, and a
//! good place to see the rules of [`notify`](crate::notify) at work.
//!
//! ## Events
//!
//! Python's `threading.Event` is a flag with `set()`, `is_set()` and `wait(timeout=None)`. Rust's
//! standard library has none, because a `Mutex<bool>` and a `Condvar` make one in a few lines
//! (the event exercise). Other tools cover parts of it:
//!
//! - a channel whose sender is dropped to "set" it: `recv()` waits, and `try_recv()` answers
//!   "is it set?" (`Err(Disconnected)` once the sender is gone, `Err(Empty)` before) as often as
//!   you ask. std's `Receiver` belongs to one thread at a time, so several waiters need a
//!   channel each, or crossbeam's cloneable receivers;
//! - [`std::sync::OnceLock`] when the "event" comes with a value, set once;
//! - [`std::thread::park`] and [`Thread::unpark`](std::thread::Thread::unpark) when exactly one
//!   known thread waits.
//!
//! Python's `Event` also has `clear()`, and that is where it gets subtle. Suppose a thread is
//! waiting, and another calls `set()` and then at once `clear()`. The waiter is woken, takes the
//! lock, checks the flag in its `while` loop... and finds it cleared, so it goes back to sleep:
//! it missed the event. Python's `Event.wait` avoids that by *not* re-checking (it returns after
//! any wake-up), which in turn means it trusts every wake-up. A correct event with `clear()`
//! needs a second piece of state, a count of how many times it has been set: a waiter remembers
//! the count it saw and leaves once the flag is set *or* the count has moved on. That is the
//! same "generation" trick that makes a barrier reusable (see [`barrier`](crate::barrier)). The
//! event of the exercise is one-shot, and needs none of it.
//!
//! ## Latches
//!
//! A countdown latch (Java's `CountDownLatch`) opens after `n` calls to `count_down()`. It is the
//! "wait for these N things" that `join` cannot do when the things are not whole threads:
//!
//! ```
//! use std::sync::{Condvar, Mutex};
//! use std::thread;
//!
//! let ready = Mutex::new(3); // workers still setting up
//! let all_ready = Condvar::new();
//! thread::scope(|s| {
//!     for id in 0..3 {
//!         let (ready, all_ready) = (&ready, &all_ready);
//!         s.spawn(move || {
//!             let _connection = format!("connection {id}"); // the setup
//!             let mut left = ready.lock().unwrap();
//!             *left -= 1;
//!             if *left == 0 {
//!                 all_ready.notify_all(); // only the last one changes the answer
//!             }
//!             drop(left);
//!             // ... the worker goes on with its real work here ...
//!         });
//!     }
//!     let left = all_ready.wait_while(ready.lock().unwrap(), |left| *left > 0).unwrap();
//!     assert_eq!(*left, 0);
//! });
//! ```
//!
//! Notifying on every `count_down()` would also be correct, *because the waiters loop*: each one
//! wakes, sees a count above 0, and sleeps again. With `if` instead of `while`, the same code
//! would let every waiter through on the first `count_down()`. The latch exercise checks that
//! waiters are still waiting after all but the last `count_down()`.
