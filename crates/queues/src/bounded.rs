//! # Bounded channels: back-pressure and the rendezvous
//!
//! [`mpsc::channel()`](std::sync::mpsc::channel) is *unbounded*: `send` never waits, and the
//! queue holds as many items as the producer gets ahead of the consumer. In the tutorial the
//! consumer takes 2 s per item and the producer 1 s, so the queue grows by one item every 2 s.
//! With five items that does not matter; with a producer reading a large file, or requests
//! arriving faster than they are served, the queue eats the memory, and each item waits longer
//! and longer before anyone looks at it.
//!
//! A **bounded** channel holds at most `capacity` items. When it is full, `send` sleeps until the
//! consumer takes one: the fast side is slowed to the pace of the slow side. This is called
//! *back-pressure*, and it is almost always what you want between threads. In std it is
//! [`mpsc::sync_channel(capacity)`](std::sync::mpsc::sync_channel), whose sender is a
//! [`SyncSender`](std::sync::mpsc::SyncSender); in crossbeam it is `bounded(capacity)`.
//!
//! ```
//! use std::sync::mpsc;
//! use std::sync::atomic::{AtomicUsize, Ordering};
//! use std::thread;
//! use std::time::Duration;
//!
//! static PRODUCED: AtomicUsize = AtomicUsize::new(0);
//!
//! let (sender, receiver) = mpsc::sync_channel(3);
//! thread::spawn(move || {
//!     for n in 0..100 {
//!         PRODUCED.fetch_add(1, Ordering::SeqCst);
//!         if sender.send(n).is_err() {
//!             break;
//!         }
//!     }
//! });
//! // Nobody reads. The producer makes 3 items for the queue and 1 it waits to send...
//! while PRODUCED.load(Ordering::SeqCst) < 4 {
//!     thread::sleep(Duration::from_millis(1));
//! }
//! // ...and then it sleeps in `send`, however long we wait.
//! thread::sleep(Duration::from_millis(100));
//! assert_eq!(PRODUCED.load(Ordering::SeqCst), 4);
//! # drop(receiver);
//! ```
//!
//! `try_send` is the non-blocking variant: it returns `Err(TrySendError::Full(item))` instead of
//! waiting, for a producer that would rather drop or log an item than stall.
//!
//! ## Capacity 0: the rendezvous
//!
//! `sync_channel(0)` (crossbeam: `bounded(0)`) holds no items at all. `send` waits until a
//! receiver is there to take the item *from its hand*, and `recv` waits until a sender offers
//! one. The two threads meet, like at a
//! [`Barrier`](std::sync::Barrier) for two that also passes a value. When `send` returns, the
//! sender knows that the receiver has the item:
//!
//! ```
//! use std::sync::mpsc;
//! use std::thread;
//! use std::time::{Duration, Instant};
//!
//! let (sender, receiver) = mpsc::sync_channel(0);
//! let started = Instant::now();
//! let reader = thread::spawn(move || {
//!     thread::sleep(Duration::from_millis(200));
//!     receiver.recv().unwrap()
//! });
//! sender.send("hello").unwrap(); // waits for the reader to arrive
//! assert!(started.elapsed() >= Duration::from_millis(200));
//! assert_eq!(reader.join().unwrap(), "hello");
//! ```
//!
//! ## Choosing a capacity
//!
//! - Small (1 to a few dozen) between pipeline stages: enough to smooth out bursts, small enough
//!   that a stalled stage stalls its producer quickly.
//! - 0 when the hand-over itself is the point: "do not go on until someone has taken this".
//! - Unbounded only when the number of items is bounded some other way (a fixed list of jobs,
//!   replies to requests you sent yourself), or when a sender must never block (a thread that
//!   would otherwise deadlock, see below).
//!
//! ## The deadlock a bounded channel can cause
//!
//! A thread that sends into a bounded channel it also reads from (or that two threads use in a
//! cycle) can fill it and wait for itself. With capacity 1, the second send waits for a reader
//! that is the very thread waiting:
//!
//! ```no_run
//! use std::sync::mpsc;
//!
//! let (sender, receiver) = mpsc::sync_channel(1);
//! sender.send(1).unwrap();
//! sender.send(2).unwrap(); // waits forever: the only reader is this thread
//! receiver.recv().unwrap();
//! ```
//!
//! Keep data flowing one way (a pipeline, a fan-out and a fan-in), and give a cycle, if you
//! must have one, an unbounded edge.
