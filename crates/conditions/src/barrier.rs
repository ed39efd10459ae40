//! # Barriers
//!
//! A barrier is a meeting point for a fixed number of threads: each calls `wait()`, and nobody
//! goes on until all have arrived. Programs that work in phases use one: every thread finishes
//! step 1 of its share before any starts step 2, because step 2 reads what the others wrote in
//! step 1. Python has `threading.Barrier`; Rust has [`std::sync::Barrier`]:
//!
//! ```
//! use std::sync::{Barrier, Mutex};
//! use std::thread;
//!
//! let barrier = Barrier::new(3);
//! let log = Mutex::new(Vec::new());
//! thread::scope(|s| {
//!     for id in 0..3 {
//!         let (barrier, log) = (&barrier, &log);
//!         s.spawn(move || {
//!             log.lock().unwrap().push(("step 1", id));
//!             // Exactly one thread per round is told it is the leader; which one is the
//!             // barrier's choice (std promises no particular thread).
//!             if barrier.wait().is_leader() {
//!                 log.lock().unwrap().push(("everyone finished step 1", 0));
//!             }
//!             barrier.wait(); // the same barrier, reused for a second round
//!             log.lock().unwrap().push(("step 2", id));
//!         });
//!     }
//! });
//! let log = log.into_inner().unwrap();
//! // Every "step 1" comes before every "step 2".
//! let last_step_1 = log.iter().rposition(|(what, _)| *what == "step 1").unwrap();
//! let first_step_2 = log.iter().position(|(what, _)| *what == "step 2").unwrap();
//! assert!(last_step_1 < first_step_2);
//! ```
//!
//! ## How a barrier is built, and the trap in reusing it
//!
//! Inside, a barrier is a count of arrivals behind a mutex and a condvar. Each thread adds one;
//! the last one to arrive wakes everyone with `notify_all`. The obvious way to let the waiters
//! know "the round is over" is to look at the count, and that is the trap. The last thread
//! returns at once and may call `wait()` again, for the next round, before the threads it woke
//! have even been scheduled. If the waiters wait "while fewer than `n` have arrived" and the
//! count is reset for the new round, a waiter that wakes late sees the *new* round's count,
//! concludes its own round is not over, and goes back to sleep. Now it is missing from the next
//! round, which can never fill: every thread waits forever.
//!
//! The fix is a **generation counter**: a round number, bumped by the last arrival. A waiter
//! remembers the generation it arrived in and waits *while the generation is the same*. Unlike
//! the count, the generation never comes back to a value a waiter has seen, so a late waker
//! cannot be fooled:
//!
//! ```
//! use std::sync::{Condvar, Mutex};
//!
//! struct Round { arrived: usize, generation: u64 }
//!
//! fn wait(state: &Mutex<Round>, round_over: &Condvar, parties: usize) {
//!     let mut round = state.lock().unwrap();
//!     round.arrived += 1;
//!     if round.arrived == parties {
//!         round.arrived = 0; // the next round starts now
//!         round.generation += 1; // and this one is over
//!         round_over.notify_all();
//!         return;
//!     }
//!     let mine = round.generation;
//!     let _round = round_over.wait_while(round, |r| r.generation == mine).unwrap();
//! }
//!
//! let state = Mutex::new(Round { arrived: 0, generation: 0 });
//! let round_over = Condvar::new();
//! std::thread::scope(|s| {
//!     for _ in 0..4 {
//!         s.spawn(|| (0..100).for_each(|_| wait(&state, &round_over, 4)));
//!     }
//! });
//! assert_eq!(state.lock().unwrap().generation, 100);
//! ```
//!
//! ## When a party never comes
//!
//! If one thread of a phase fails (it panics, or finds bad input and gives up), it will never
//! arrive, and with `std::sync::Barrier` the others wait forever: it has no way to call the
//! meeting off. Python's `Barrier` has `abort()`: it puts the barrier in a *broken* state, every
//! waiting thread wakes up with `BrokenBarrierError`, and so does every later `wait()`. It is a
//! stop signal (see [`stop`](crate::stop)) for a barrier, and the barrier exercise builds one.
//!
//! `cargo run -p conditions --example barrier` runs workers in phases with
//! `std::sync::Barrier`.
