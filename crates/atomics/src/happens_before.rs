//! # Happens-before, and why a data race is undefined behaviour
//!
//! Within one thread, things happen in the order the code says, or at least the thread cannot
//! tell otherwise. Between threads there is no such order for free. The memory model (C++20's,
//! which Rust adopted) defines one relation that decides what a thread may see: **happens
//! before**. An operation A happens before an operation B when:
//!
//! - A comes before B in the same thread; or
//! - A is in a thread before it `spawn`s the thread that runs B (everything the parent did before
//!   `spawn` happens before the child starts); or
//! - A is in a thread that has ended, and B comes after `join` returned for it; or
//! - A is the unlocking of a `Mutex` and B a later locking of it (and so on for every lock and
//!   channel in std: a `send` happens before the `recv` that gets its message); or
//! - A is a `Release` store to an atomic and B an `Acquire` load that reads what it stored
//!   ([`release_acquire`](crate::release_acquire));
//! - or there is a chain of these from A to B: the relation is transitive.
//!
//! If A happens before B, B sees A's writes (or later ones). If neither happens before the other,
//! they are *concurrent*, whatever the clock on the wall said, and which writes B sees is up to
//! the rules of each ordering.
//!
//! ## A data race
//!
//! Std's [`atomic`](std::sync::atomic) documentation puts it in one sentence: "The most important
//! aspect of this model is that data races are undefined behavior. A data race is defined as
//! conflicting non-synchronized accesses where at least one of the accesses is non-atomic." Two
//! accesses *conflict* when they touch the same memory and one of them writes; they are
//! *non-synchronized* when neither happens before the other. The Rust Reference puts "Data races"
//! first in its list of behaviour considered undefined.
//!
//! Undefined behaviour is not "the value may be stale". The compiler optimises every thread as
//! if no other thread could touch its plain memory between synchronisation points: it keeps a
//! value in a register instead of reading memory again, moves a read out of a loop, merges two
//! writes into one, or writes a temporary value into a variable it will overwrite. A loop
//! `while !stop { … }` on a plain `bool` may legally become `if !stop { loop { … } }`, and never
//! end. None of that is a bug of the compiler; it is the promise you broke.
//!
//! Safe Rust cannot break it. A plain `bool` cannot be changed by one thread while another
//! reads it: the borrow checker refuses.
//!
//! ```compile_fail,E0506
//! let mut stop = false;
//! std::thread::scope(|s| {
//!     s.spawn(|| while !stop {});
//!     stop = true; // error: cannot assign to `stop` because it is borrowed
//! });
//! ```
//!
//! An atomic is the safe way to write that loop: every access to it is atomic, so there is no
//! data race, and the compiler must read it again on every turn.
//!
//! ```
//! use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
//!
//! let stop = AtomicBool::new(false);
//! std::thread::scope(|s| {
//!     s.spawn(|| while !stop.load(Relaxed) { std::hint::spin_loop() });
//!     stop.store(true, Relaxed);
//! });
//! ```
//!
//! (`cargo run -p atomics --example stop_flag` runs the Python tutorial's `stop_signal`, a
//! worker told to stop by a flag, this way.)
//!
//! ## Python: a lost update, not undefined behaviour
//!
//! In Python, `counter += 1` in two threads at once can lose an increment (both read 41, both
//! write 42), and a loop on a global `stop_signal` sees the new value soon enough. Nothing worse
//! can happen, because your Python code never touches memory itself: the interpreter does, and
//! it protects its own objects (with the GIL, or with per-object locks in the free-threaded
//! build), so every object is always in a consistent state, and `stop_signal` is read from
//! memory on every turn of the loop. The price is that every operation goes through the
//! interpreter.
//!
//! Rust gives you the machine directly, so the protection must be in the program: a lock, an
//! atomic, or a happens-before edge made by an atomic's ordering. Where `unsafe` code shares
//! plain memory itself (an `UnsafeCell`, a raw pointer), making those edges is its job, and
//! getting one wrong is undefined behaviour on any machine, even where the hardware happens to
//! hide it.
//!
//! ## What the model checker sees
//!
//! The course's model checker records every access to an `UnsafeCell` and knows, for every pair
//! of accesses, whether one happens before the other. Exercise `atomics/one_shot` hands a
//! message from the sender to the receiver through an `UnsafeCell`; a receiver that takes the
//! message with a `Relaxed` `compare_exchange` instead of an `Acquire` one reads it with no
//! happens-before edge from the sender's write:
//!
//! ```text
//! ✗ model test `a_message_sent_in_one_thread_is_received_in_another`
//!     a data race: two threads used the same data, and nothing made one use happen before the other. The checker said: "Concurrent write accesses to `UnsafeCell`". Whatever hands data to another thread (freeing a lock, a store that another thread's load will read) must be a `Release` (or stronger), and whatever takes it (taking the lock, that load) an `Acquire`: with `Relaxed`, the other thread may see the data as it was before, or half-written, on a real machine.
//!
//!     The model checker explores every interleaving of these threads that needs at most 3 preemptions; interleaving 4 fails, step by step:
//!       main          test  spawn thread 1
//!       thread 1   line 49  compare_exchange(0, 1, Relaxed, Relaxed) → Ok(0), swapped
//!       thread 1   line 56  UnsafeCell::get() (uses the data)
//!       thread 1   line 57  store(2, Release)
//!       main       line 62  load(Relaxed) → 2
//!       main       line 69  compare_exchange(2, 3, Relaxed, Relaxed) → Ok(2), swapped
//!       main       line 77  UnsafeCell::get() (uses the data)
//!     where, in exercises/04_atomics/05_one_shot.rs:
//!       line   49: .compare_exchange(EMPTY, SENDING, Ordering::Relaxed, Ordering::Relaxed)
//!       line   56: unsafe { (*self.message.get()).write(message) };
//!       line   57: self.state.store(READY, Ordering::Release);
//!       line   62: self.state.load(Ordering::Relaxed) == READY
//!       line   69: .compare_exchange(READY, RECEIVED, Ordering::Relaxed, Ordering::Relaxed)
//!       line   77: unsafe { (*self.message.get()).assume_init_read() }
//!     See it again, step by step: cargo run -p grader -- check atomics/one_shot --replay
//! ```
//!
//! Thread 1 wrote the message and stored `READY` with `Release`; main read `READY` with a
//! `Relaxed` `compare_exchange`, which receives nothing, and read the message: two uses of the
//! cell with no happens-before edge between them. (The checker cannot tell a read through
//! `UnsafeCell::get()` from a write, so it says "write accesses".) On x86 this channel passes
//! every stress test in practice: x86 does not reorder a store with an earlier store, so the
//! message is in memory before `READY` is. The checker reports it anyway, because
//! the program is wrong under the rules the compiler optimises by, on every machine, and on ARM
//! it would hand out half-written messages. (To reproduce: in your solved
//! `exercises/04_atomics/05_one_shot.rs`, make `receive`'s success ordering `Relaxed`, and run
//! `cargo run -p grader -- check atomics/one_shot`.)
