//! Exercise: a batcher: waiting on a channel and a clock at once, with `select!`.
//!
//! Writing rows to a database or lines to a socket one at a time is slow; writing them in
//! batches is fast, but a quiet moment must not leave a half-full batch waiting forever. A
//! batcher sends a batch when it is full *or* when its oldest item has waited long enough,
//! whichever comes first. So its thread waits for two things at once: the next item, and a
//! deadline. That is what `crossbeam_channel::select!` is for, and a deadline can be a channel
//! too: `crossbeam_channel::at(instant)` delivers one message at that instant, and `never()`
//! delivers none.
//!
//! Write `batch(input, size, max_wait)`. It starts a thread and returns the receiving end of the
//! batches at once; the thread reads items from `input` and sends them on in `Vec`s:
//!
//! - A batch is sent as soon as it holds `size` items.
//! - A batch is also sent once `max_wait` has passed since **its first item** arrived, however
//!   many items it holds then. The clock starts with the first item of each batch; it does not
//!   start again with every item (or a steady trickle of items would hold the batch forever).
//! - An empty batch is never sent: with no items, the thread just waits.
//! - When `input` ends (all its senders dropped), the last, partial batch is sent (if it holds
//!   anything) and the output ends: the thread drops its sender.
//! - When the receiver of the batches is dropped, the thread stops, dropping `input`.
//! - Items keep their order, and none is lost or sent twice.
//! - While it waits, the thread sleeps: no loops around `try_recv`.
//! - `batch` panics if `size` is 0.
//!
//! `select!` is one way; `Receiver::recv_deadline(deadline)` is another (it returns
//! `Err(RecvTimeoutError::Timeout)` at the deadline, and `Disconnected` when the input ends).
//!
//! The lesson: `cargo doc -p queues --open`, or `crates/queues/src/` (`select.rs` and
//! `timeouts.rs`). `cargo run -p queues --example select_timeout` shows `select!` at work.

use crossbeam_channel::Receiver;
use std::time::Duration;

/// Starts a thread that groups the items of `input` into batches of at most `size` items, each
/// sent when full or `max_wait` after its first item arrived; returns the batches' receiver.
///
/// # Panics
///
/// Panics if `size` is 0.
pub fn batch<T: Send + 'static>(
    input: Receiver<T>,
    size: usize,
    max_wait: Duration,
) -> Receiver<Vec<T>> {
    // TODO: make the output channel, and start a thread that fills a `Vec` and sends it when it
    // is full, when its deadline passes, or when the input ends.
    let _ = (input, size, max_wait);
    todo!()
}
