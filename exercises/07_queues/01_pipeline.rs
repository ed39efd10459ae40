//! Exercise: the tutorial's producer/consumer as a pipeline of threads joined by channels.
//!
//! The Python tutorial's producer puts items on a `queue.Queue`, and the main thread puts `None`
//! on it when the producer is done, so that the consumer knows to stop. In Rust, a channel ends
//! by itself: once every `Sender` has been dropped, the receiver's `recv()` fails (after the
//! items still queued), and a `for item in receiver` loop simply ends. No sentinel value, no
//! `Option` wrapped around every item, and no way to forget to send it: the sender is dropped
//! when the thread that owns it ends.
//!
//! Build the two ends of a pipeline. Each one starts a thread and returns the receiving end of a
//! new channel *at once*, so that stages can be chained and all run at the same time:
//!
//! ```ignore
//! let numbers = produce(1..=10, 4);                 // a thread sending 1, 2, ..., 10
//! let doubled = stage(numbers, 4, |n| n * 2);       // a thread doubling each of them
//! let text = stage(doubled, 0, |n| n.to_string());  // a thread formatting them
//! for line in text { println!("{line}"); }         // ends after "20"
//! ```
//!
//! - `produce(items, capacity)` sends every item of `items`, in order.
//! - `stage(input, capacity, f)` sends `f(item)` for each item received from `input`, in order,
//!   as each one arrives (not after the input has ended). `f` runs on the stage's thread.
//! - **Back-pressure:** the channel each one sends into holds at most `capacity` items: a
//!   producer faster than its reader waits instead of filling the memory. Capacity 0 is a
//!   rendezvous: each item is handed straight from the sender to a waiting receiver.
//!   `std::sync::mpsc::sync_channel(capacity)` is exactly this channel.
//! - **The end of the stream:** when the items (or the input) run out, the thread ends and its
//!   `Sender` is dropped, and the reader's loop ends in turn. Never keep a sender alive longer
//!   than that.
//! - **Waiting:** a thread waiting for its next item, or for room in its channel, sleeps in a
//!   blocking `recv` or `send` (a `for` loop over a receiver does this): no loop around
//!   `try_recv`.
//! - **A reader that hangs up:** when the receiver of the output is dropped, `send` returns an
//!   error. Then the thread must stop: `produce` stops pulling items (its iterator may be
//!   endless), and `stage` stops and drops its `input`, so that the stage before it learns that
//!   nobody is listening any more.
//!
//! The lesson: `cargo doc -p queues --open`, or `crates/queues/src/` (start with `ending.rs`
//! and `bounded.rs`). `cargo run -p queues --example producer_consumer` runs the tutorial's
//! program the Rust way.

use std::sync::mpsc::Receiver;

/// Starts a thread that sends every item of `items` into a channel of at most `capacity`
/// waiting items, and returns the channel's receiving end at once.
pub fn produce<I>(items: I, capacity: usize) -> Receiver<I::Item>
where
    I: IntoIterator + Send + 'static,
    I::Item: Send + 'static,
{
    // TODO: make a `sync_channel`, move the sender and the items into a new thread, and stop
    // when the items run out or the receiver is gone.
    let _ = (items, capacity);
    todo!()
}

/// Starts a thread that sends `f(item)` for every item received from `input` into a channel of
/// at most `capacity` waiting items, and returns the channel's receiving end at once.
pub fn stage<T, U, F>(input: Receiver<T>, capacity: usize, f: F) -> Receiver<U>
where
    T: Send + 'static,
    U: Send + 'static,
    F: FnMut(T) -> U + Send + 'static,
{
    let _ = (input, capacity, f);
    todo!()
}
