//! Mutant: a stage waits for its next item by looping around `try_recv` with
//! `thread::yield_now()` instead of sleeping in `recv`.

use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::thread;

/// Starts a thread that sends every item of `items` into a channel, and returns the channel's
/// receiving end at once.
///
/// At most `capacity` items wait in the channel; the thread then waits for the reader
/// (`capacity` 0 hands each item over directly). Once the items run out, the thread ends and
/// drops its sender, which ends the stream. If the receiver is dropped, the thread stops
/// pulling items.
pub fn produce<I>(items: I, capacity: usize) -> Receiver<I::Item>
where
    I: IntoIterator + Send + 'static,
    I::Item: Send + 'static,
{
    let (sender, receiver) = mpsc::sync_channel(capacity);
    thread::spawn(move || {
        for item in items {
            // `send` fails only when the receiver is gone: nobody wants the rest.
            if sender.send(item).is_err() {
                break;
            }
        }
        // `sender` is dropped here: the reader's `recv` now fails once the channel is empty,
        // and its `for` loop ends. No "end of stream" value is needed.
    });
    receiver
}

/// Starts a thread that applies `f` to every item received from `input` and sends the results
/// on, in order, into a channel holding at most `capacity` of them; returns its receiving end
/// at once.
///
/// The output ends when the input does. If the output's receiver is dropped, the thread stops
/// and drops `input`, so that the stage before it stops too.
pub fn stage<T, U, F>(input: Receiver<T>, capacity: usize, mut f: F) -> Receiver<U>
where
    T: Send + 'static,
    U: Send + 'static,
    F: FnMut(T) -> U + Send + 'static,
{
    let (sender, output) = mpsc::sync_channel(capacity);
    thread::spawn(move || {
        loop {
            match input.try_recv() {
                Ok(item) => {
                    if sender.send(f(item)).is_err() {
                        break;
                    }
                }
                // Nothing yet: let another thread run, then look again.
                Err(TryRecvError::Empty) => thread::yield_now(),
                Err(TryRecvError::Disconnected) => break,
            }
        }
        // Both `input` and `sender` are dropped here: upstream sees a hung-up receiver,
        // downstream the end of the stream.
    });
    output
}
