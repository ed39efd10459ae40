//! # Timeouts: `try_recv`, `recv_timeout`, `recv_deadline`
//!
//! The tutorial's `q.get()` waits forever. Usually that is right: a consumer has nothing better
//! to do than wait for work, and the end of the stream wakes it (see [`ending`](crate::ending)).
//! Sometimes a thread must give up, or do something else, after a while:
//!
//! - [`recv_timeout(duration)`](std::sync::mpsc::Receiver::recv_timeout) waits at most that
//!   long and returns `Err(RecvTimeoutError::Timeout)` if nothing came, or
//!   `Err(RecvTimeoutError::Disconnected)` if the stream ended. Both std and crossbeam have it.
//! - `recv_deadline(instant)` waits until an instant (crossbeam; std has it unstable). Use it
//!   when several waits share one deadline: `recv_timeout(max_wait)` in a loop starts the clock
//!   again on every call, so a steady trickle of items can keep a "wait at most 1 s" loop busy
//!   forever.
//! - [`try_recv()`](std::sync::mpsc::Receiver::try_recv) does not wait at all.
//!
//! ```
//! use crossbeam_channel::{RecvTimeoutError, unbounded};
//! use std::thread;
//! use std::time::{Duration, Instant};
//!
//! let (sender, replies) = unbounded();
//! thread::spawn(move || {
//!     thread::sleep(Duration::from_millis(20));
//!     sender.send("pong").unwrap();
//!     thread::sleep(Duration::from_secs(1)); // the second reply would come too late
//!     let _ = sender.send("pong again");
//! });
//!
//! let deadline = Instant::now() + Duration::from_millis(300);
//! let mut got = Vec::new();
//! loop {
//!     match replies.recv_deadline(deadline) {
//!         Ok(reply) => got.push(reply),
//!         Err(RecvTimeoutError::Timeout) => break,      // time is up
//!         Err(RecvTimeoutError::Disconnected) => break, // no more replies will come
//!     }
//! }
//! assert_eq!(got, ["pong"]);
//! ```
//!
//! ## Do not poll
//!
//! A loop around `try_recv` with nothing else to do is a spin: it burns a whole core to find out
//! what `recv` would have told it for free. A loop around `recv_timeout(Duration::from_millis(1))`
//! is a slower spin that wakes a thousand times a second. If a thread needs to wait for "an item
//! or something else", wait on both at once with [`select!`](crate::select), where the
//! "something else" can itself be a channel: a stop channel, or a timer from `after`, `at` or
//! `tick`.
//!
//! A timeout is also not a way to detect the end of a stream: "nothing came for a second" does
//! not mean the producer is done. Dropping the senders says it exactly, and at once.
//!
//! ## Python's `get(timeout=…)`
//!
//! Python's `q.get(timeout=2)` raises `queue.Empty` when time runs out: "nothing yet". Until
//! Python 3.12, "nothing ever" had no word of its own, and the tutorial's sentinel had to say
//! it. Since Python 3.13, `q.shutdown()` closes the queue: `put` then raises `queue.ShutDown`,
//! and `get` raises it too once the queue is empty (at once, with `shutdown(immediate=True)`),
//! so `Empty` and `ShutDown` tell the two apart. Someone still has to call `shutdown()`, and a
//! producer that dies of an exception first leaves its consumers waiting, unless a `finally`
//! calls it. Rust's error type keeps the two apart in the same way (`Timeout` and
//! `Disconnected`), a `match` makes you decide what each one means, and the disconnection
//! happens by itself when the last sender is dropped.
