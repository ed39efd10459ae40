//! # A thread pool: one queue of jobs, many workers
//!
//! A thread pool is fan-out where the items are *jobs*: closures to run. A fixed number of
//! worker threads start once and loop on one shared queue; `execute(job)` puts a job on the
//! queue and returns at once; whichever worker is free runs it. Starting a thread costs tens of
//! microseconds and some memory, so a server that starts one per request pays that every time
//! and has no limit on how many run at once. A pool pays once and has a fixed limit.
//!
//! ## The queue holds boxed closures
//!
//! Every closure has its own type, so a queue of "any job" holds them as trait objects:
//! `Box<dyn FnOnce() + Send + 'static>`. `FnOnce` because a job runs once, `Send` because it
//! runs on another thread, `'static` because the pool may run it after the caller's stack frame
//! is gone: a job must own what it uses, so it is a `move` closure, holding `Arc`s for anything
//! shared. (A job that borrows a local variable does not compile; that is the compiler
//! preventing a use-after-free, not being fussy.)
//!
//! ```
//! use std::sync::mpsc;
//! use std::thread;
//!
//! type Job = Box<dyn FnOnce() + Send + 'static>;
//!
//! let (jobs, queue) = mpsc::channel::<Job>();
//! let worker = thread::spawn(move || {
//!     for job in queue {
//!         job(); // a Box<dyn FnOnce()> can be called directly
//!     }
//! });
//! let greeting = String::from("hello from a job");
//! jobs.send(Box::new(move || println!("{greeting}"))).unwrap();
//! drop(jobs);
//! worker.join().unwrap();
//! ```
//!
//! ## Several workers on one `mpsc` receiver, and the `while let` trap
//!
//! With std's mpsc, the workers share the receiver as `Arc<Mutex<Receiver<Job>>>`. The lock
//! must be held while *taking* a job and released before *running* it. This is right:
//!
//! ```
//! # use std::sync::{Mutex, mpsc};
//! # let (jobs, queue) = mpsc::channel::<Box<dyn FnOnce() + Send>>();
//! # drop(jobs);
//! # let queue = Mutex::new(queue);
//! loop {
//!     let next = queue.lock().unwrap().recv(); // the guard is dropped at the `;`
//!     let Ok(job) = next else { break };
//!     job(); // other workers can take jobs meanwhile
//! }
//! ```
//!
//! and this, which looks the same, runs one job at a time however many workers there are:
//!
//! ```
//! # use std::sync::{Mutex, mpsc};
//! # let (jobs, queue) = mpsc::channel::<Box<dyn FnOnce() + Send>>();
//! # drop(jobs);
//! # let queue = Mutex::new(queue);
//! while let Ok(job) = queue.lock().unwrap().recv() {
//!     job(); // the guard is still alive: every other worker waits for the lock
//! }
//! ```
//!
//! A temporary made in the scrutinee of a `while let` or a `match` (here the `MutexGuard` that
//! `lock().unwrap()` returns) lives until the end of the loop body or of the `match`, so the
//! lock is held while the job runs. The program is correct, just serial, and nothing warns you.
//! The body of an `if let` is the same: `if let Ok(job) = queue.lock().unwrap().recv() { job() }`
//! runs the job under the lock too.
//!
//! Edition 2024, which this course uses, changed one case only: the temporaries of an `if let`'s
//! scrutinee are now dropped *before its `else` block* (in edition 2021 they lived through the
//! `else` as well, so locking the same mutex in the `else` deadlocked, or panicked). The body
//! still runs with
//! them alive:
//!
//! ```
//! use std::sync::Mutex;
//!
//! let jobs = Mutex::new(vec!["the only job"]);
//! if let Some(_job) = jobs.lock().unwrap().pop() {
//!     assert!(jobs.try_lock().is_err()); // the body runs under the lock
//! }
//! if let Some(_job) = jobs.lock().unwrap().pop() {
//!     unreachable!("the list is empty now");
//! } else {
//!     assert!(jobs.try_lock().is_ok()); // edition 2024: released before `else`
//! }
//! ```
//!
//! What releases the guard before the job is a `let` statement of its own, as above:
//! its temporaries are dropped at its `;`, and `let Ok(job) = queue.lock().unwrap().recv() else
//! { break };` is as good, since a `let … else` drops them before its `else` block too. A
//! `crossbeam_channel::Receiver` avoids the question: each worker clones it, and there is no
//! lock to hold.
//!
//! ## Shutting down: drop the sender, then join
//!
//! The pool stops its workers the way every stream in this chapter ends: it drops its `Sender`.
//! Each worker still gets every job already queued; then `recv` fails and the worker returns.
//! The pool then joins every worker, so that when `join()` (or the pool's `Drop`) returns, every
//! job has run and no thread is left behind. The sender is kept in an `Option` so that `Drop`,
//! which only gets `&mut self`, can `take()` it and drop it before joining:
//!
//! ```
//! # use std::sync::mpsc::Sender;
//! # use std::thread::JoinHandle;
//! # struct ThreadPool {
//! #     jobs: Option<Sender<Box<dyn FnOnce() + Send>>>,
//! #     workers: Vec<JoinHandle<()>>,
//! # }
//! impl Drop for ThreadPool {
//!     fn drop(&mut self) {
//!         drop(self.jobs.take()); // close the queue: the workers finish it, then stop
//!         for worker in self.workers.drain(..) {
//!             let _ = worker.join();
//!         }
//!     }
//! }
//! ```
//!
//! The alternative, sending one "stop" message per worker, is the tutorial's sentinel again:
//! it needs a message type with a "stop" variant, exactly one per worker, and care that they come
//! after the real jobs. A "stop now" flag that workers check before each job is worse: the jobs
//! still queued are silently thrown away, although `execute` accepted them.
//!
//! ## A job that panics
//!
//! A panic unwinds the thread it happens in. In a worker, that would end the worker, and a pool
//! of 4 would quietly become a pool of 3, then 2, until no job runs at all. (If the worker held
//! the queue's mutex while the job panicked, the mutex is also poisoned, and the other workers'
//! `lock().unwrap()` panics too.) The worker stops the panic at the job's edge with
//! [`std::panic::catch_unwind`]:
//!
//! ```
//! use std::panic::{self, AssertUnwindSafe};
//!
//! let job: Box<dyn FnOnce() + Send> = Box::new(|| panic!("this job fails"));
//! # panic::set_hook(Box::new(|_| {})); // keep the doctest's output quiet
//! let outcome = panic::catch_unwind(AssertUnwindSafe(job));
//! assert!(outcome.is_err()); // the job is over; the worker goes on to the next one
//! ```
//!
//! `AssertUnwindSafe` is our promise that nothing the job shared is left half-changed in a way
//! that matters; for a worker that only owns the queue, that is true. The panic message is still
//! printed (by the panic hook) when the job panics, so it is not lost. Another design replaces
//! the dead worker with a new thread instead; either way, the pool keeps its size.
//!
//! The last exercise of this section builds this pool. `cargo run -p queues --example
//! thread_pool` runs one with a panicking job in the middle.
