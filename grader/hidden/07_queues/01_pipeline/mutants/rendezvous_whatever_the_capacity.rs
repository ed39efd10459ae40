//! Mutant: `sync_channel(0)` whatever the capacity, so a producer never works ahead.

use std::sync::mpsc::{self, Receiver};
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
    let (sender, receiver) = {
        let _ = capacity;
        mpsc::sync_channel(0)
    };
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
    let (sender, output) = {
        let _ = capacity;
        mpsc::sync_channel(0)
    };
    thread::spawn(move || {
        // Iterating over a receiver ends when every sender of `input` has been dropped.
        for item in input {
            if sender.send(f(item)).is_err() {
                break;
            }
        }
        // Both `input` and `sender` are dropped here: upstream sees a hung-up receiver,
        // downstream the end of the stream.
    });
    output
}
