//! Alternative: named threads from `thread::Builder`, `while let Ok(..) = recv()` loops, and a
//! `match` on the send.

use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread;

fn feed<T>(sender: &SyncSender<T>, item: T) -> bool {
    match sender.send(item) {
        Ok(()) => true,
        Err(mpsc::SendError(_unwanted)) => false,
    }
}

/// Sends every item of `items` from a new thread, `capacity` at most waiting.
pub fn produce<I>(items: I, capacity: usize) -> Receiver<I::Item>
where
    I: IntoIterator + Send + 'static,
    I::Item: Send + 'static,
{
    let (sender, receiver) = mpsc::sync_channel(capacity);
    thread::Builder::new()
        .name("producer".into())
        .spawn(move || {
            let mut items = items.into_iter();
            while let Some(item) = items.next() {
                if !feed(&sender, item) {
                    return;
                }
            }
        })
        .unwrap();
    receiver
}

/// Sends `f(item)` for every item of `input`.
pub fn stage<T, U, F>(input: Receiver<T>, capacity: usize, mut f: F) -> Receiver<U>
where
    T: Send + 'static,
    U: Send + 'static,
    F: FnMut(T) -> U + Send + 'static,
{
    let (sender, receiver) = mpsc::sync_channel(capacity);
    thread::Builder::new()
        .name("stage".into())
        .spawn(move || {
            while let Ok(item) = input.recv() {
                if !feed(&sender, f(item)) {
                    drop(input);
                    return;
                }
            }
        })
        .unwrap();
    receiver
}
