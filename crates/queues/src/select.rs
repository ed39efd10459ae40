//! # Waiting on several channels at once: `select!`
//!
//! `recv` waits on one channel. A thread often has to wait for the first of several things:
//! work on either of two queues, work or a stop request, the next item or a deadline. Python's
//! `queue.Queue` has no answer to this (you poll with timeouts, or merge everything into one
//! queue); crossbeam's [`select!`](crossbeam_channel::select) waits on all of them and runs the
//! arm of whichever is ready first:
//!
//! ```
//! use crossbeam_channel::{select, unbounded};
//! use std::thread;
//!
//! let (jobs, job_queue) = unbounded::<u32>();
//! let (stop, stop_requests) = unbounded::<()>();
//!
//! let worker = thread::spawn(move || {
//!     let mut done = 0;
//!     loop {
//!         select! {
//!             recv(job_queue) -> job => match job {
//!                 Ok(_job) => done += 1,
//!                 Err(_) => break, // every job sender is gone
//!             },
//!             recv(stop_requests) -> _ => break, // a stop request, or its sender dropped
//!         }
//!     }
//!     done
//! });
//!
//! jobs.send(1).unwrap();
//! jobs.send(2).unwrap();
//! drop(jobs);
//! let done = worker.join().unwrap();
//! assert_eq!(done, 2); // items queued before the disconnection are still received
//! # drop(stop);
//! ```
//!
//! How it behaves:
//!
//! - Each `recv(r) -> msg => body` arm is ready when `r` has an item, *or* when `r` is
//!   disconnected (then `msg` is `Err(RecvError)`). A disconnected channel is ready forever, so
//!   an arm that ignores the `Err` and loops spins at full speed: handle it (stop, or stop
//!   selecting on that channel).
//! - If several arms are ready, one is picked **at random**, so that no channel starves. A
//!   select is not a priority order: above, the worker may see the stop before jobs that were
//!   already queued. If queued jobs must be finished first, end the stream by dropping the job
//!   senders instead (the [`ending`](crate::ending) way), or check the jobs with `try_recv`
//!   before honouring the stop.
//! - `send(s, value) -> result => body` arms wait for room in a channel, the same way.
//! - `default => body` runs at once when nothing is ready (a non-blocking select);
//!   `default(timeout) => body` after waiting that long.
//! - When no arm is ready, crossbeam's `select!` checks again a few times (spinning, then
//!   yielding: about ten rounds, a few microseconds in all), then registers with every channel
//!   and parks the thread until one of them wakes it: a thread that waits in `select!` for long
//!   costs no CPU.
//!
//! ## Deadlines are channels too
//!
//! crossbeam has channels that deliver the time instead of data: `after(duration)` once after a
//! while, `at(instant)` once at an instant, `tick(period)` again and again, and `never()` never.
//! In a `select!` they are timers. A deadline that comes and goes is a `Receiver<Instant>`
//! variable, `never()` while there is nothing to time:
//!
//! ```
//! use crossbeam_channel::{Receiver, at, never, select, unbounded};
//! use std::time::{Duration, Instant};
//!
//! let (keyboard, key_presses) = unbounded();
//! for key in ["h", "e", "y"] {
//!     keyboard.send(key).unwrap();
//! }
//!
//! // Collect key presses until nothing has been typed for 200 ms: the deadline moves with every
//! // key, and there is none before the first.
//! let mut typed = String::new();
//! let mut quiet: Receiver<Instant> = never();
//! loop {
//!     select! {
//!         recv(key_presses) -> key => {
//!             typed.push_str(key.unwrap());
//!             quiet = at(Instant::now() + Duration::from_millis(200));
//!         }
//!         recv(quiet) -> _ => break,
//!     }
//! }
//! assert_eq!(typed, "hey");
//! ```
//!
//! This deadline moves with every key: it is an *idle* timeout (a debounce). The batcher
//! exercise needs the other kind: the deadline of a batch is set when its first item arrives
//! and stays put as more items come (otherwise a steady trickle of items would hold the batch
//! forever), and it is `never()` while the batch is empty. `cargo run -p queues --example
//! select_timeout` shows `select!` with a job queue, a stop channel and a ticking timer.
