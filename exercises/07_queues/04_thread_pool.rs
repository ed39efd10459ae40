//! Exercise: a thread pool: a fixed set of workers that share one queue of jobs.
//!
//! Starting a thread for every small job is wasteful, and starting one for every request a
//! server gets is how servers fall over. A pool starts a few threads once; `execute` puts a job
//! on a queue, and whichever worker is free takes it. This is the tutorial's producer/consumer
//! again, with closures as the items and several consumers.
//!
//! Build `ThreadPool` with exactly this API:
//!
//! - `new(workers)` starts `workers` threads, all waiting for jobs; it panics if `workers` is 0.
//! - `execute(job)` queues `job` and returns at once, without waiting for a worker to be free:
//!   jobs wait in the queue while every worker is busy. It never runs the job on the calling
//!   thread.
//! - The pool runs up to `workers` jobs *at the same time*: each worker takes the next job from
//!   the queue as soon as it is free.
//! - `join(self)` runs every job queued so far (including the ones still waiting), then stops
//!   the workers and waits for them to end. Dropping the pool does the same as `join`: queued
//!   jobs are never thrown away.
//! - A job that panics does not take a worker with it: the pool still has `workers` workers
//!   afterwards, and `join` does not panic because a job did.
//! - `ThreadPool` is `Send`, so the pool can be handed to another thread to be joined there.
//!
//! Use a channel as the queue, and end it the Rust way: not with a "stop" message (the
//! tutorial's `None`), but by dropping the sender, after which a worker's `recv` fails once the
//! queue is empty. A `std::sync::mpsc::Receiver` has a single owner, so the workers share it
//! behind a `Mutex` (hold the lock only to take a job, never while running it); a
//! `crossbeam_channel::Receiver` can simply be cloned. `std::panic::catch_unwind` stops a
//! panic where you want it.
//!
//! The lesson: `cargo doc -p queues --open`, or `crates/queues/src/` (the thread pool is in
//! `pool.rs`). `cargo run -p queues --example thread_pool` shows a pool at work.

/// A fixed number of worker threads that run the jobs given to [`ThreadPool::execute`].
pub struct ThreadPool {
    // TODO: the sending end of a job queue, and the workers' `JoinHandle`s. Dropping the pool
    // must do what `join` does: write an `impl Drop for ThreadPool` as well.
}

impl ThreadPool {
    /// Starts a pool of `workers` threads, all waiting for jobs.
    ///
    /// # Panics
    ///
    /// Panics if `workers` is 0.
    pub fn new(workers: usize) -> Self {
        let _ = workers;
        todo!()
    }

    /// Queues `job` for the next free worker and returns at once.
    pub fn execute<F: FnOnce() + Send + 'static>(&self, job: F) {
        let _ = job;
        todo!()
    }

    /// Runs every job queued so far, then stops the workers.
    pub fn join(self) {
        todo!()
    }
}
