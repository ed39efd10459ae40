//! # Fan-out and fan-in
//!
//! When each item takes real work, one consumer is not enough. **Fan-out**: several workers take
//! items from the same queue. **Fan-in**: they send their results into one channel, read by one
//! collector. Together they make a parallel `map`:
//!
//! ```text
//!                      ┌─ worker ─┐
//!   items ─► queue ────┼─ worker ─┼───► results ─► collector
//!                      └─ worker ─┘
//! ```
//!
//! ```
//! use crossbeam_channel::unbounded;
//! use std::thread;
//!
//! let words = ["queue", "channel", "sender", "receiver", "select"];
//! let (jobs, queue) = unbounded();
//! for (index, word) in words.iter().enumerate() {
//!     jobs.send((index, *word)).unwrap();
//! }
//! drop(jobs); // the queue is complete
//!
//! let (results, collected) = unbounded();
//! let mut lengths = vec![0; words.len()];
//! thread::scope(|s| {
//!     for _ in 0..3 {
//!         let (queue, results) = (queue.clone(), results.clone());
//!         s.spawn(move || {
//!             for (index, word) in queue {
//!                 results.send((index, word.len())).unwrap(); // fan-in
//!             }
//!         });
//!     }
//!     drop(results); // ours; the loop below ends when every worker's is gone too
//!     for (index, length) in collected {
//!         lengths[index] = length; // back in the order of the input
//!     }
//! });
//! assert_eq!(lengths, [5, 7, 6, 8, 6]);
//! ```
//!
//! Three things in that code are easy to get wrong.
//!
//! **The order.** Results arrive in the order they were *finished*, which is not the order of
//! the input: a quick item sent after a slow one overtakes it. If order matters, number the
//! items on the way out and put each result back in its place on the way in.
//!
//! **Who takes what.** Every worker takes the *next* item from the shared queue when it is free.
//! It is tempting to deal the items out up front instead (item `i` to worker `i % n`, or the
//! input cut into `n` chunks), but then a slow item holds up everything dealt to the same
//! worker while the others run out of work. A shared queue balances the load by itself.
//!
//! **The ends.** The collector's loop ends only when *every* results sender is gone: each
//! worker's clone (dropped when the worker ends) and the original (dropped by hand before the
//! loop). Forget the `drop(results)` and the scope never ends.
//!
//! `std::thread::scope` lets the workers borrow from the caller (the closure `f` of a parallel
//! map, a slice of input) because every scoped thread is joined before `scope` returns. With
//! `thread::spawn` everything a worker uses must be `'static`: owned, or in an `Arc`.
//!
//! With std's mpsc, the workers share the single receiver behind a `Mutex`:
//!
//! ```
//! use std::sync::{Mutex, mpsc};
//! use std::thread;
//!
//! let (jobs, queue) = mpsc::channel();
//! for n in 1..=10u64 {
//!     jobs.send(n).unwrap();
//! }
//! drop(jobs);
//! let queue = Mutex::new(queue);
//! let total: u64 = thread::scope(|s| {
//!     let workers: Vec<_> = (0..3)
//!         .map(|_| {
//!             s.spawn(|| {
//!                 let mut sum = 0;
//!                 loop {
//!                     // The guard is dropped at the end of this statement: the lock is held
//!                     // while taking an item, not while working on it.
//!                     let next = queue.lock().unwrap().recv();
//!                     match next {
//!                         Ok(n) => sum += n * n,
//!                         Err(_) => return sum,
//!                     }
//!                 }
//!             })
//!         })
//!         .collect();
//!     workers.into_iter().map(|w| w.join().unwrap()).sum()
//! });
//! assert_eq!(total, 385);
//! ```
//!
//! `cargo run -p queues --example fan_out_fan_in` runs a fan-out and fan-in of slow jobs and
//! shows their results arriving out of order.
