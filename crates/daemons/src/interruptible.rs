//! # Stopping promptly: wait for "time is up, or stop", never just sleep
//!
//! The tutorial's background loops all look like this:
//!
//! ```python
//! while True:
//!     logging.info('Logging some info...')
//!     time.sleep(10)
//! ```
//!
//! Give the loop a stop flag and it still cannot stop promptly: a thread inside
//! `time.sleep(10)` (or Rust's [`thread::sleep`](std::thread::sleep)) cannot be woken by
//! anything. Ask it to stop just after it fell asleep and the owner's `join` waits the whole ten
//! seconds; with a monitor that checks every hour, shutting down takes up to an hour.
//!
//! ```no_run
//! use std::sync::Arc;
//! use std::sync::atomic::{AtomicBool, Ordering};
//! use std::thread;
//! use std::time::Duration;
//!
//! let stop = Arc::new(AtomicBool::new(false));
//! let flag = Arc::clone(&stop);
//! let heartbeat = thread::spawn(move || {
//!     while !flag.load(Ordering::Relaxed) {
//!         println!("beat");
//!         thread::sleep(Duration::from_secs(10)); // deaf for 10 s
//!     }
//! });
//! stop.store(true, Ordering::Relaxed);
//! heartbeat.join().unwrap(); // waits up to 10 s
//! ```
//!
//! Sleeping in short slices and checking the flag in between stops sooner, but it only trades
//! a slow stop for a thread that wakes up all the time for nothing. What the thread should do
//! instead is *wait for either of two things*: the interval running out, or the stop. Rust has
//! three ways to say that, all of which sleep without using the CPU:
//!
//! - [`Condvar::wait_timeout_while`](std::sync::Condvar::wait_timeout_while) on a stop flag kept
//!   in the mutex: it returns when the time is up or as soon as the flag is set (by a thread that
//!   sets it under the lock and notifies).
//! - [`Receiver::recv_timeout`](std::sync::mpsc::Receiver::recv_timeout) on a channel: it returns
//!   `Err(Timeout)` when the time is up, and at once when a message arrives or every sender is
//!   dropped (`Err(Disconnected)`), which makes dropping the sender the stop signal.
//! - [`thread::park_timeout`](std::thread::park_timeout), with a flag and
//!   [`Thread::unpark`](std::thread::Thread::unpark): the lowest-level way; it may wake up
//!   spuriously, so loop towards a deadline.
//!
//! The heartbeat with a condition variable:
//!
//! ```
//! use std::sync::{Arc, Condvar, Mutex};
//! use std::thread;
//! use std::time::{Duration, Instant};
//!
//! let stop = Arc::new((Mutex::new(false), Condvar::new()));
//! let signal = Arc::clone(&stop);
//! let heartbeat = thread::spawn(move || {
//!     let (stopped, changed) = &*signal;
//!     let mut beats = 0;
//!     loop {
//!         beats += 1; // the beat
//!         let guard = stopped.lock().unwrap();
//!         let (guard, _) = changed
//!             .wait_timeout_while(guard, Duration::from_secs(3600), |stopped| !*stopped)
//!             .unwrap();
//!         if *guard {
//!             return beats;
//!         }
//!     }
//! });
//! thread::sleep(Duration::from_millis(20));
//! let asked = Instant::now();
//! *stop.0.lock().unwrap() = true;
//! stop.1.notify_all();
//! assert_eq!(heartbeat.join().unwrap(), 1);
//! assert!(asked.elapsed() < Duration::from_secs(60)); // not an hour
//! ```
//!
//! and with a channel, where there is no flag at all:
//!
//! ```
//! use std::sync::mpsc::{self, RecvTimeoutError};
//! use std::thread;
//! use std::time::Duration;
//!
//! let (stop, stopped) = mpsc::channel::<()>();
//! let heartbeat = thread::spawn(move || {
//!     let mut beats = 0;
//!     loop {
//!         beats += 1;
//!         match stopped.recv_timeout(Duration::from_secs(3600)) {
//!             Err(RecvTimeoutError::Timeout) => continue, // time for the next beat
//!             _ => return beats,                          // a message, or the sender dropped
//!         }
//!     }
//! });
//! drop(stop);
//! assert_eq!(heartbeat.join().unwrap(), 1);
//! ```
//!
//! ## The stop that comes at the wrong moment
//!
//! A stop can arrive while the thread is *not* waiting: in the middle of a beat, or before the
//! thread has even started. With a condition variable, a `notify` that comes when nobody waits
//! is lost; so the thread must check the flag, under the lock, before it goes to sleep, and the
//! stopper must change the flag under that same lock. `wait_timeout_while` checks first;
//! a bare `wait_timeout(guard, interval)` that only looks at the flag after waking sleeps
//! through a stop that came during the beat. A channel and `park` keep the signal until the
//! thread looks (a message stays queued, a disconnection stays, an unpark leaves a token), so
//! they cannot lose it.
//!
//! `cargo run -p daemons --example heartbeat` times both versions' stop. The heartbeat, watchdog
//! and background-job exercises all wait this way.
