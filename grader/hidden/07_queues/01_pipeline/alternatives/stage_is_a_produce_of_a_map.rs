//! Alternative: `produce` with `try_for_each`, and a stage that is a `produce` of its input
//! mapped through `f` (a receiver is an iterator, and so is its `map`).

use std::sync::mpsc::{Receiver, sync_channel};

/// Sends every item of `items` from a new thread, `capacity` at most waiting.
pub fn produce<I>(items: I, capacity: usize) -> Receiver<I::Item>
where
    I: IntoIterator + Send + 'static,
    I::Item: Send + 'static,
{
    let (tx, rx) = sync_channel(capacity);
    std::thread::spawn(move || items.into_iter().try_for_each(|item| tx.send(item)));
    rx
}

/// Sends `f(item)` for every item of `input`.
pub fn stage<T, U, F>(input: Receiver<T>, capacity: usize, f: F) -> Receiver<U>
where
    T: Send + 'static,
    U: Send + 'static,
    F: FnMut(T) -> U + Send + 'static,
{
    produce(input.into_iter().map(f), capacity)
}
