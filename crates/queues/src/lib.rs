//! # Queues and channels: passing data between threads instead of sharing it
//!
//! The chapters on locks and condition variables were about threads that *share* data and take
//! turns with it. Often it is simpler not to share at all: one thread makes something and hands
//! it over, another takes it and works on it. The hand-over point is a queue, and in Rust a
//! queue between threads is a **channel**: a `Sender` at one end, a `Receiver` at the other.
//! What you send *moves* to the receiving thread; the sender cannot touch it any more, so there
//! is nothing left to lock.
//!
//! ## What the tutorial does
//!
//! The Python tutorial's producer/consumer shares one global `queue.Queue`:
//!
//! ```python
//! q = queue.Queue()
//!
//! def producer():
//!     for i in range(5):
//!         print(f"Producing {i}")
//!         q.put(i)  # Add item to the queue
//!         time.sleep(1)
//!
//! def consumer():
//!     while True:
//!         item = q.get()  # Retrieve item from the queue
//!         if item is None:  # End signal
//!             break
//!         print(f"Consuming {item}")
//!         time.sleep(2)
//!
//! producer_thread.start()
//! consumer_thread.start()
//! producer_thread.join()
//! q.put(None)  # Signal consumer to exit
//! consumer_thread.join()
//! ```
//!
//! It works, and the idea (a thread-safe queue between a producer and a consumer) is exactly
//! right. But it has habits that do not carry over to Rust, and two that are worth unlearning
//! in any language:
//!
//! 1. **The end of the stream is an item (`None`).** Every consumer has to check for it, the
//!    queue has to accept it next to real items, someone has to remember to send it, and with
//!    three consumers you need three `None`s. If the producer dies of an exception before the
//!    `put(None)`, or the main thread forgets it, the consumer waits forever. In Rust, a
//!    channel ends when its last `Sender` is dropped, which happens by itself when the
//!    producer's thread ends, even by a panic. (Python 3.13 added `Queue.shutdown()`, an end
//!    that is not an item; it still has to be called.) See [`ending`].
//! 2. **The queue has no limit.** The consumer takes 2 s per item and the producer 1 s, so
//!    items pile up; with an endless producer the queue grows until the memory runs out. A
//!    *bounded* queue makes a fast producer wait for its consumer: back-pressure. See
//!    [`bounded`].
//! 3. **The queue is a global that any thread may use in any way.** In Rust the two ends are
//!    separate values: the producer owns the `Sender`, the consumer the `Receiver`, and the
//!    types say who may do what. `std::sync::mpsc` ("multi-producer, single-consumer") lets you
//!    clone the `Sender` but not the `Receiver`. See [`channels`].
//!
//! ## What Rust does instead
//!
//! ```
//! use std::sync::mpsc;
//! use std::thread;
//!
//! let (sender, receiver) = mpsc::sync_channel(2); // at most 2 items wait in the queue
//!
//! let producer = thread::spawn(move || {
//!     for i in 0..5 {
//!         println!("Producing {i}");
//!         sender.send(i).unwrap();
//!     }
//!     // `sender` is dropped here, when the thread's closure ends: that is the end signal.
//! });
//!
//! let consumer = thread::spawn(move || {
//!     let mut consumed = Vec::new();
//!     for item in receiver {
//!         // The loop ends once every sender is gone and the queue is empty.
//!         println!("Consuming {item}");
//!         consumed.push(item);
//!     }
//!     consumed
//! });
//!
//! producer.join().unwrap();
//! assert_eq!(consumer.join().unwrap(), vec![0, 1, 2, 3, 4]);
//! ```
//!
//! No sentinel, no global, and no way for the consumer to miss the end. `cargo run -p queues
//! --example producer_consumer` runs the tutorial's program this way, with its sleeps.
//!
//! ## The chapter
//!
//! - [`channels`]: `std::sync::mpsc`: senders, the receiver, and what moves through them.
//! - [`ending`]: ending a stream by dropping the senders, not with a `None`; and the receiver
//!   that hangs up.
//! - [`bounded`]: unbounded and bounded channels, back-pressure, and `sync_channel(0)`, the
//!   rendezvous.
//! - [`crossbeam`]: `crossbeam-channel`: several consumers, and the same ideas, faster.
//! - [`fan`]: fan-out to several workers and fan-in of their results, in order.
//! - [`select`]: waiting on several channels at once with `select!`.
//! - [`timeouts`]: `try_recv`, `recv_timeout`, `recv_deadline`, and deadlines as channels.
//! - [`pool`]: a thread pool: one queue of jobs, many workers, a clean shutdown, and panics.
//!
//! The exercises (`exercises/07_queues/`) build a pipeline, a parallel `map` (fan-out and
//! fan-in), a batcher with `select!`, and a thread pool.

pub mod bounded;
pub mod channels;
pub mod crossbeam;
pub mod ending;
pub mod fan;
pub mod pool;
pub mod select;
pub mod timeouts;
