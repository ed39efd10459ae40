//! # Stop signals and closing a queue
//!
//! The tutorial stops its threads with a global `stop_signal`. The main thread sets it under
//! the condition and calls `notify_all()`, which is right. But the threads read it *outside*
//! the lock, in `while not stop_signal:`, and the consumer reads `buffer` there too. In CPython
//! each of those reads gets a whole value, so nothing is corrupted; what can go wrong is the
//! gap between reading the flag and falling asleep under the condition. A stop that lands in
//! that gap is not seen, and its `notify_all()` has already been spent: a lost wake-up (see
//! [`notify`](crate::notify)). In Rust you cannot even write the unprotected version: a
//! `static mut bool` needs `unsafe` to touch, and a `bool` shared between threads has to be an
//! `AtomicBool` or live inside a `Mutex`.
//!
//! For a thread that *waits on a condition variable*, the stop signal must live inside the
//! mutex, next to the rest of the state, for the reason of [`notify`](crate::notify): the
//! waiter's check ("nothing to do and not stopped") and its falling asleep must be atomic with
//! respect to the stop. Then the waiting condition simply includes it:
//!
//! ```
//! use std::collections::VecDeque;
//! use std::sync::{Condvar, Mutex};
//! use std::thread;
//!
//! struct Jobs {
//!     queue: Mutex<(VecDeque<String>, bool)>, // pending jobs, and "stopped"
//!     changed: Condvar,
//! }
//!
//! impl Jobs {
//!     /// The next job, or `None` once stopped and nothing is left.
//!     fn next(&self) -> Option<String> {
//!         let guard = self.queue.lock().unwrap();
//!         let mut guard = self
//!             .changed
//!             .wait_while(guard, |(queue, stopped)| queue.is_empty() && !*stopped)
//!             .unwrap();
//!         guard.0.pop_front()
//!     }
//!
//!     fn stop(&self) {
//!         self.queue.lock().unwrap().1 = true;
//!         // Every worker must see the stop: notify_all, never notify_one.
//!         self.changed.notify_all();
//!     }
//! }
//!
//! let jobs = Jobs { queue: Mutex::new((VecDeque::new(), false)), changed: Condvar::new() };
//! jobs.queue.lock().unwrap().0.push_back("resize photo".to_owned());
//! thread::scope(|s| {
//!     let workers: Vec<_> = (0..3)
//!         .map(|_| s.spawn(|| std::iter::from_fn(|| jobs.next()).count()))
//!         .collect();
//!     jobs.stop();
//!     let done: usize = workers.into_iter().map(|w| w.join().unwrap()).sum();
//!     assert_eq!(done, 1); // the job queued before the stop was still done
//! });
//! ```
//!
//! Two decisions every stop signal has to make, and document:
//!
//! - **What happens to work already queued?** Above, workers finish what is queued and stop when
//!   the queue is empty ("drain, then stop"). A "stop now" would make the condition ignore the
//!   queue once stopped. Throwing queued items away silently is the one choice that is never
//!   right: the producer was told they were accepted.
//! - **What happens to producers after the stop?** A closed queue refuses new items, and
//!   returns them to the caller (`Err(item)`), rather than accepting work nobody will do.
//!
//! The bounded buffer exercise is this pattern: `close()` is the stop signal, `pop()` drains the
//! queue before returning `None`, and `push()` hands items back with `Err(item)` once closed.
//!
//! For the stop signal of a thread that does *not* wait on a condvar (a worker in a compute
//! loop, checking now and then), an [`AtomicBool`](std::sync::atomic::AtomicBool) is enough.
//! Threads that mostly wait for messages are usually better served by a channel: dropping the
//! sender *is* the stop signal, as the queues chapter shows.
