//! # Condition variables: waiting until something is true
//!
//! A lock stops two threads from touching the same data at once. It does not help a thread
//! that has to *wait* for the data to change: a consumer with nothing to consume, a producer
//! with nowhere to put its item, a worker waiting for the signal to stop. Checking again and
//! again in a loop ("spinning") burns a whole core doing nothing; sleeping a little between
//! checks answers late. A **condition variable** lets the thread sleep until another thread says
//! "something changed, look again".
//!
//! ## What the tutorial does
//!
//! The Python tutorial's producer/consumer shares a list of at most 5 items and one
//! `threading.Condition`, which bundles a lock with a way to wait and notify:
//!
//! ```python
//! def producer():
//!     global buffer, stop_signal
//!     while not stop_signal:
//!         with condition:
//!             if len(buffer) >= buffer_size:
//!                 condition.wait()  # Wait if buffer is full
//!             item = len(buffer) + 1
//!             buffer.append(item)
//!             print(f"Produced {item}")
//!             condition.notify()  # Notify consumer
//!         time.sleep(1)
//!
//! def consumer():
//!     global buffer, stop_signal
//!     while not stop_signal or buffer:
//!         with condition:
//!             if not buffer:
//!                 if stop_signal:
//!                     break
//!                 condition.wait()  # Wait if buffer is empty
//!             item = buffer.pop(0)
//!             print(f"Consumed {item}")
//!             condition.notify()  # Notify producer
//!         time.sleep(2)
//! ```
//!
//! The main thread lets them run for 10 seconds, then sets `stop_signal` under the condition
//! and calls `notify_all()`. The idea is right: wait while you cannot go on, and tell the others
//! when you change something they may be waiting for. But the code has three bugs and a
//! fragility, and they are what this chapter is about.
//!
//! 1. **It waits with `if`, not `while`.** After `condition.wait()` returns, the code assumes the
//!    buffer has room (or an item). Nothing guarantees it. A thread can be woken for another reason
//!    than the one it waits for, and with more than one consumer, another consumer may take the
//!    item first (a *stolen* wake-up). With `if`, the consumer then calls `buffer.pop(0)` on an
//!    empty list. In this very program it can happen at shutdown: a consumer waiting on an empty
//!    buffer is woken by `notify_all()`, skips the `if`, and dies with an `IndexError`; a producer
//!    waiting on a full buffer is woken the same way and appends a sixth item to a buffer of five.
//!    (CPython's `Condition.wait` does not wake up *spuriously*, with no notification at all;
//!    Rust's `Condvar::wait` may. The loop handles both.) See [`wakeups`].
//! 2. **Producers and consumers share one condition and wake each other with `notify()`.**
//!    `notify()` wakes *one* waiter, any waiter: with several producers and consumers it can
//!    wake a producer when only a consumer could make progress, and everyone sleeps. See
//!    [`notify`].
//! 3. **The stop signal is read without the lock** (`while not stop_signal`). The read itself
//!    is harmless in CPython (a global is read whole); the trouble is *when* it happens. The
//!    producer reads the flag, and only then takes the condition and perhaps goes to sleep. A
//!    stop that comes in between is missed: the producer appends one more item after the stop,
//!    or, finding the buffer full, falls asleep after the only `notify_all()` it was going to
//!    get. That is a *lost wake-up*, and this program survives it only because the consumer
//!    happens to notify again while it drains the buffer. The cure is to make the stop signal
//!    part of the state the condition protects, checked under the lock by the same loop that
//!    waits. (In Rust the unprotected version does not even compile: a plain `bool` cannot be
//!    shared between threads and changed.) See [`stop`] and [`notify`].
//! 4. **Nothing ever times out.** Every wait is unbounded: if the one thread that would have
//!    notified dies, the waiter sleeps forever. See [`timeouts`].
//!
//! ## What Rust does instead
//!
//! Rust's [`std::sync::Condvar`] is used *with* a [`std::sync::Mutex`], and its API makes the
//! Python mistakes hard to write: you can only wait while holding the mutex's guard, the state
//! you wait on lives inside that mutex, and [`Condvar::wait_while`](std::sync::Condvar::wait_while)
//! writes the `while` loop for you. The whole producer/consumer, the Rust way:
//!
//! ```
//! use std::collections::VecDeque;
//! use std::sync::{Condvar, Mutex};
//! use std::thread;
//!
//! struct Shared {
//!     buffer: Mutex<(VecDeque<u32>, bool)>, // the items, and the stop signal
//!     not_empty: Condvar,
//!     not_full: Condvar,
//! }
//!
//! let shared = Shared {
//!     buffer: Mutex::new((VecDeque::new(), false)),
//!     not_empty: Condvar::new(),
//!     not_full: Condvar::new(),
//! };
//! let consumed = thread::scope(|s| {
//!     let consumer = s.spawn(|| {
//!         let mut consumed = Vec::new();
//!         loop {
//!             let guard = shared.buffer.lock().unwrap();
//!             // Sleep while there is nothing to take and no stop signal; re-checked after
//!             // every wake-up.
//!             let mut guard = shared
//!                 .not_empty
//!                 .wait_while(guard, |(items, stop)| items.is_empty() && !*stop)
//!                 .unwrap();
//!             match guard.0.pop_front() {
//!                 Some(item) => consumed.push(item),
//!                 None => return consumed, // stopped, and nothing is left
//!             }
//!             drop(guard);
//!             shared.not_full.notify_one();
//!         }
//!     });
//!     for item in 1..=10 {
//!         let guard = shared.buffer.lock().unwrap();
//!         let mut guard = shared
//!             .not_full
//!             .wait_while(guard, |(items, _)| items.len() >= 5)
//!             .unwrap();
//!         guard.0.push_back(item);
//!         drop(guard);
//!         shared.not_empty.notify_one();
//!     }
//!     shared.buffer.lock().unwrap().1 = true;
//!     shared.not_empty.notify_all();
//!     consumer.join().unwrap()
//! });
//! assert_eq!(consumed, (1..=10).collect::<Vec<_>>());
//! ```
//!
//! `cargo run -p conditions --example condvar_producer_consumer` runs the tutorial's program this
//! way, with a producer, a consumer and a stop signal after a couple of seconds.
//!
//! ## The chapter
//!
//! - [`condvar`]: how `Condvar` and its mutex work together, and `wait_while`.
//! - [`wakeups`]: spurious and stolen wake-ups, and why every wait is a loop.
//! - [`notify`]: `notify_one` or `notify_all`, and how a wake-up gets lost.
//! - [`stop`]: stop signals and closing a queue.
//! - [`timeouts`]: waiting with a deadline.
//! - [`parking_lot_condvar`]: `parking_lot`'s `Condvar`, and how it differs from std's.
//! - [`events`]: one-way signals: events and latches, and why Python's `Event.clear` is subtle.
//! - [`barrier`]: barriers, `std::sync::Barrier`, and the generation counter that makes one
//!   reusable.
//!
//! The exercises (`exercises/05_conditions/`) build a bounded buffer, an event, a countdown
//! latch and a barrier that can be aborted.

pub mod barrier;
pub mod condvar;
pub mod events;
pub mod notify;
pub mod parking_lot_condvar;
pub mod stop;
pub mod timeouts;
pub mod wakeups;
