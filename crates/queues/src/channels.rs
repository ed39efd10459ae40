//! # `std::sync::mpsc`: senders, a receiver, and what moves through them
//!
//! [`std::sync::mpsc::channel`] returns a pair: a [`Sender<T>`](std::sync::mpsc::Sender) and a
//! [`Receiver<T>`](std::sync::mpsc::Receiver). `send` puts a value in the queue and returns at
//! once; `recv` takes the oldest value out, and if there is none, *sleeps* until one arrives: the
//! thread is parked, and the sender that brings an item wakes it. A receiver that waits for an
//! hour uses no CPU for that hour.
//!
//! There is no `Mutex` or `Condvar` inside. Since Rust 1.67, std's mpsc is a port of
//! [`crossbeam-channel`](crate::crossbeam): lock-free queues built on atomics. What `recv` does
//! on an empty queue, exactly (std's source: `library/std/src/sync/mpmc/list.rs`, `context.rs`):
//!
//! 1. It looks once. Finding the queue empty (and a sender still alive), it does not spin: it
//!    puts itself on the channel's list of waiting receivers, looks once more (an item may have
//!    come in between), and parks ([`thread::park`](std::thread::park)).
//! 2. A `send` writes its item and unparks the waiting receiver, which takes the item. Dropping
//!    the last sender unparks it too, and `recv` then returns `Err(RecvError)`.
//!
//! The only busy-waiting is short and happens only when another thread is *in the middle* of an
//! operation on the same slot: a sender that lost a compare-exchange to another sender (both
//! reserving a slot at once), or a receiver that found a slot a sender has reserved but not yet
//! written, spins with growing pauses (`spin_loop` hints, then `yield_now` if it takes longer)
//! until that other thread is done.
//! An empty queue never makes a thread spin. (The crossbeam-channel crate itself does a little
//! more: before parking, its `recv` spins, then yields, about ten rounds in all, in case an item
//! is about to arrive: a few microseconds of CPU that save a trip through the scheduler when
//! items come fast.)
//!
//! ## Sending moves the value
//!
//! `send(value)` takes `value` by value. After the call, the sending thread no longer has it,
//! so the two threads can never use it at the same time, and nothing needs a lock:
//!
//! ```compile_fail
//! use std::sync::mpsc;
//!
//! let (sender, receiver) = mpsc::channel();
//! let report = String::from("42 widgets");
//! sender.send(report).unwrap();
//! println!("sent {report}"); // error[E0382]: borrow of moved value: `report`
//! # drop(receiver);
//! ```
//!
//! This is the big difference with Python's `queue.Queue`, where both threads keep a reference
//! to the same object and nothing stops the producer from changing a list after putting it on
//! the queue. In Rust "share by communicating" is enforced, not just advised.
//!
//! Only values that may move to another thread can be sent: `T` must be
//! [`Send`]. An [`Rc`](std::rc::Rc), whose count is not atomic, cannot:
//!
//! ```compile_fail
//! use std::rc::Rc;
//! use std::sync::mpsc;
//! use std::thread;
//!
//! let (sender, receiver) = mpsc::channel::<Rc<u32>>();
//! thread::spawn(move || {
//!     // error[E0277]: `Rc<u32>` cannot be sent between threads safely
//!     let value = receiver.recv().unwrap();
//! });
//! sender.send(Rc::new(1)).unwrap();
//! ```
//!
//! ## Many producers, one consumer
//!
//! `mpsc` stands for *multi-producer, single-consumer*. A `Sender` can be cloned, and every
//! clone sends into the same queue; the `Receiver` cannot be cloned, and it is `Send` but not
//! `Sync`, so exactly one thread receives at a time:
//!
//! ```
//! use std::sync::mpsc;
//! use std::thread;
//!
//! let (sender, receiver) = mpsc::channel();
//! for worker in 0..3 {
//!     let sender = sender.clone(); // one sender per producer thread
//!     thread::spawn(move || {
//!         sender.send(format!("worker {worker} is done")).unwrap();
//!     });
//! }
//! drop(sender); // ours: otherwise the loop below would wait for it forever
//!
//! let mut messages: Vec<String> = receiver.iter().collect();
//! messages.sort();
//! assert_eq!(messages, ["worker 0 is done", "worker 1 is done", "worker 2 is done"]);
//! ```
//!
//! Messages from one sender arrive in the order they were sent; messages from different
//! senders interleave in whatever order the threads ran.
//!
//! ```compile_fail
//! use std::sync::mpsc;
//!
//! let (_sender, receiver) = mpsc::channel::<u32>();
//! let second = receiver.clone(); // error[E0599]: no method named `clone` found
//! ```
//!
//! Several consumers are still possible: share the one receiver behind a `Mutex`, or use a
//! channel built for it, [`crossbeam-channel`](crate::crossbeam). The [`fan`](crate::fan) and
//! [`pool`](crate::pool) pages do both.
//!
//! ## The receiving methods
//!
//! | method | when the queue is empty | when every sender is gone (and the queue is empty) |
//! | --- | --- | --- |
//! | `recv()` | sleeps until an item arrives | `Err(RecvError)` |
//! | `try_recv()` | `Err(TryRecvError::Empty)` at once | `Err(TryRecvError::Disconnected)` |
//! | `recv_timeout(d)` | sleeps at most `d`, then `Err(RecvTimeoutError::Timeout)` | `Err(RecvTimeoutError::Disconnected)` |
//! | `iter()`, `for x in receiver` | sleeps until an item arrives | the loop ends |
//! | `try_iter()` | the loop ends | the loop ends |
//!
//! `send` fails only in one case: the `Receiver` has been dropped, so nobody will ever read
//! the value. It hands the value back inside the error. See [`ending`](crate::ending) for what to
//! do then.
