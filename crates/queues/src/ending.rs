//! # Ending a stream: drop the senders, not `put(None)`
//!
//! The tutorial's consumer loops until it takes `None` off the queue, and the main thread puts
//! that `None` there after joining the producer. This is the *sentinel* pattern, and it is
//! fragile:
//!
//! - The end is in-band: the queue's type must allow "an item or the end" (in Rust,
//!   `Option<T>`), and every consumer must check every item for it.
//! - Someone must remember to send it, exactly once per consumer: with three consumers, one
//!   `None` stops one of them and leaves two waiting forever.
//! - If the producer fails (a Python exception, a Rust panic) before the sentinel is sent, the
//!   consumer waits forever.
//!
//! (Python 3.13 added `Queue.shutdown()`: once the queue is shut down and empty, `get` raises
//! `queue.ShutDown` in every consumer, so the end is no longer an item. It is still a call that
//! somebody has to make, on every path, including the one where the producer fails.)
//!
//! A Rust channel knows how many `Sender`s it has. When the last one is dropped, the receiver
//! gets the items still queued, and then `recv` returns `Err` and a `for` loop over the
//! receiver ends. Dropping happens by itself when the thread that owns the sender returns, or
//! unwinds from a panic, so the end of the stream cannot be forgotten:
//!
//! ```
//! use std::sync::mpsc;
//! use std::thread;
//!
//! let (sender, receiver) = mpsc::channel();
//! let producer = thread::spawn(move || {
//!     for i in 0..3 {
//!         sender.send(i).unwrap();
//!     }
//!     panic!("the producer fails half-way"); // unwinding drops `sender`
//! });
//!
//! // The consumer gets what was sent, then the loop ends: no hang.
//! let got: Vec<i32> = receiver.iter().collect();
//! assert_eq!(got, [0, 1, 2]);
//! assert!(producer.join().is_err());
//! ```
//!
//! Translated word for word, the tutorial's version needs an `Option` around every item and an
//! explicit `send(None)`; it works, but everything the type system could do for you is now your
//! job:
//!
//! ```
//! use std::sync::mpsc;
//! use std::thread;
//!
//! let (sender, receiver) = mpsc::channel::<Option<u32>>();
//! let consumer = thread::spawn(move || {
//!     let mut sum = 0;
//!     while let Some(item) = receiver.recv().unwrap() { // `None` is the end signal
//!         sum += item;
//!     }
//!     sum
//! });
//! for i in 0..5 {
//!     sender.send(Some(i)).unwrap();
//! }
//! sender.send(None).unwrap(); // forget this line and `consumer.join()` never returns
//! assert_eq!(consumer.join().unwrap(), 10);
//! ```
//!
//! ## The pitfall: a sender you forgot about
//!
//! The stream ends when the *last* sender is dropped. The classic mistake is cloning the sender
//! for every producer thread and keeping the original:
//!
//! ```no_run
//! use std::sync::mpsc;
//! use std::thread;
//!
//! let (sender, receiver) = mpsc::channel();
//! for worker in 0..3 {
//!     let sender = sender.clone();
//!     thread::spawn(move || sender.send(worker).unwrap());
//! }
//! // Bug: `sender` is still alive here, so this loop never ends.
//! for result in receiver {
//!     println!("{result}");
//! }
//! ```
//!
//! Drop it (`drop(sender);`) before the loop, or move the original into the last thread. The
//! same goes for a sender stored in a struct that lives on, or kept "just in case" by a worker:
//! as long as one exists, the receiver has to assume more may come.
//!
//! ## The other direction: the receiver hangs up
//!
//! When the `Receiver` is dropped, every later `send` returns `Err(SendError(value))`. That is
//! not a bug to `unwrap()` away: it means nobody wants the rest, and the producer should stop,
//! not go on computing values that are thrown away (an endless producer would never end):
//!
//! ```
//! use std::sync::mpsc;
//! use std::thread;
//!
//! let (sender, receiver) = mpsc::sync_channel(1);
//! let producer = thread::spawn(move || {
//!     let mut sent = 0;
//!     for n in 0.. {
//!         if sender.send(n).is_err() {
//!             break; // the reader is gone
//!         }
//!         sent += 1;
//!     }
//!     sent
//! });
//! let first_three: Vec<u64> = receiver.iter().take(3).collect();
//! drop(receiver); // hang up
//! assert_eq!(first_three, [0, 1, 2]);
//! assert!(producer.join().unwrap() >= 3); // the endless producer stopped
//! ```
//!
//! In a pipeline of stages (the first exercise), stopping also drops the stage's own
//! `Receiver`, so the stage before it sees the hang-up in turn, and the whole pipeline winds
//! down from the back.
