//! # `std::sync::mpsc`: senders, a receiver, and what moves through them
//!
//! [`std::sync::mpsc::channel`] returns a pair: a [`Sender<T>`](std::sync::mpsc::Sender) and a
//! [`Receiver<T>`](std::sync::mpsc::Receiver). `send` puts a value in the queue and returns at
//! once; `recv` takes the oldest value out, and if there is none, *sleeps* until one arrives: the
//! thread is parked, and the sender that brings an item wakes it. A receiver that waits for an
//! hour uses no CPU for that hour.
//!
//! There is no `Mutex` or `Condvar` inside. Since Rust 1.67, std's mpsc is a port of
//! [`crossbeam-channel`](crate::crossbeam): lock-free queues built on atomics, where a thread that
//! finds another in the middle of an operation retries a few times, spinning briefly with
//! backoff, and a thread that has to wait registers itself and parks
//! ([`thread::park`](std::thread::park)) until a sender unparks it. (The crossbeam-channel crate
//! also spins, then yields, a few times before it parks, in case an item is about to arrive: a
//! few microseconds of CPU that save a trip through the scheduler when items come fast.)
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
