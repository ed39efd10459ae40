//! # `crossbeam-channel`: several consumers, and more
//!
//! [`crossbeam_channel`] is the channel crate most Rust programs reach for when `std::sync::mpsc`
//! is not enough (since Rust 1.67, std's mpsc is in fact built on crossbeam's code, but keeps the
//! old, smaller API). Its channels are *multi-producer, multi-consumer*:
//!
//! - `unbounded()` and `bounded(capacity)` (with `bounded(0)` the rendezvous) make a channel;
//!   there is one `Sender` type for both.
//! - Both `Sender` and `Receiver` are `Clone` and `Sync`. Every clone of a receiver takes from
//!   the same queue, and each item goes to exactly one of them, whichever asks first.
//! - The channel ends for receivers when the last sender is dropped, and for senders when the
//!   last receiver is dropped, just like mpsc.
//! - It adds [`select!`](crossbeam_channel::select) (wait on several channels at once, see
//!   [`select`](crate::select)), deadlines (`recv_deadline`, and channels that deliver at a time:
//!   `after`, `at`, `tick`, `never`, see [`timeouts`](crate::timeouts)), and `len()`/`is_full()`.
//!
//! Several consumers on one channel, with no mutex:
//!
//! ```
//! use crossbeam_channel::unbounded;
//! use std::thread;
//!
//! let (sender, receiver) = unbounded();
//! for n in 1..=100 {
//!     sender.send(n).unwrap();
//! }
//! drop(sender); // the queue is complete: each consumer's loop ends when it is empty
//!
//! let consumers: Vec<_> = (0..4)
//!     .map(|_| {
//!         let receiver = receiver.clone();
//!         thread::spawn(move || receiver.iter().sum::<u64>())
//!     })
//!     .collect();
//! let total: u64 = consumers.into_iter().map(|c| c.join().unwrap()).sum();
//! assert_eq!(total, 5050); // every item was taken once, by one of the four
//! ```
//!
//! With std's mpsc the same needs the receiver in an `Arc<Mutex<Receiver<T>>>`, and one rule:
//! hold the lock only while taking an item, never while working on it, or the consumers take
//! turns and you have one consumer with extra steps ([`pool`](crate::pool) shows how easily that
//! happens).
//!
//! Which to use? `std::sync::mpsc` needs no dependency and is enough for one consumer. For
//! several consumers, `select!`, or deadlines, use `crossbeam-channel`. (For async code, tokio
//! and others have channels of their own; these block the thread.)
