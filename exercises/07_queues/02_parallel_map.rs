//! Exercise: fan-out and fan-in: a parallel `map` over a queue shared by several workers.
//!
//! The tutorial's queue has one consumer. When each item takes real work, you want several:
//! *fan out* the items to a few worker threads that all take from the same queue, and *fan in*
//! their results through a second channel to one collector. A worker that is free takes the
//! next item, so the work spreads itself out, however long each item takes.
//!
//! Write `parallel_map(items, workers, f)`, which returns `f` applied to every item, **in the
//! order of `items`**, like `items.into_iter().map(f).collect()` but on `workers` threads:
//!
//! - It runs `f` on up to `workers` threads at the same time, and never on more than `workers`
//!   different threads in all (whether one of them is the calling thread is up to you).
//! - The items wait in one shared queue; each worker takes the next one as soon as it is free.
//!   Do not split the items between the workers up front: then one slow item holds up every
//!   item dealt to the same worker while the others sit idle.
//! - Results arrive in the order they are *finished*; put them back in the order of `items`
//!   (send each result with its index).
//! - It panics if `workers` is 0.
//!
//! `f` is `Fn + Sync`, not `'static`: scoped threads (`std::thread::scope`) may borrow it, and
//! the items and results only need to be `Send`. A `crossbeam_channel::Receiver` can be cloned,
//! one clone per worker; every item goes to exactly one of them. (A `std::sync::mpsc::Receiver`
//! cannot: it would have to be shared behind a `Mutex`.) As always, a queue ends when its
//! senders are dropped: drop yours before you wait on the receiver.
//!
//! The lesson: `cargo doc -p queues --open`, or `crates/queues/src/` (`fan.rs`).
//! `cargo run -p queues --example fan_out_fan_in` shows the pattern.

/// Applies `f` to every item on `workers` threads at once; returns the results in the order of
/// `items`.
///
/// # Panics
///
/// Panics if `workers` is 0.
pub fn parallel_map<T, U, F>(items: Vec<T>, workers: usize, f: F) -> Vec<U>
where
    T: Send,
    U: Send,
    F: Fn(T) -> U + Sync,
{
    // TODO: a queue of `(index, item)`, `workers` scoped threads taking from it, and a channel
    // of `(index, result)` back to this thread.
    let _ = (items, workers, f);
    todo!()
}
