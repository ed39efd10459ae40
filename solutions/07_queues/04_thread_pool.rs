//! Reference solution: a thread pool whose workers share one `mpsc` channel of jobs.
//!
//! The receiving end sits behind a `Mutex`, held only while a worker takes the next job, never
//! while it runs it; dropping the sender is the signal to stop, and `catch_unwind` keeps a
//! panicking job from taking its worker down.

use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

/// A job: any closure that runs once and can be sent to a worker.
type Job = Box<dyn FnOnce() + Send + 'static>;

/// A fixed number of worker threads that run the jobs given to [`ThreadPool::execute`].
pub struct ThreadPool {
    /// The sending end of the job queue; `None` once the pool is stopping.
    jobs: Option<Sender<Job>>,
    workers: Vec<JoinHandle<()>>,
}

impl ThreadPool {
    /// Starts a pool of `workers` threads, all waiting for jobs.
    ///
    /// # Panics
    ///
    /// Panics if `workers` is 0: such a pool could never run a job.
    pub fn new(workers: usize) -> Self {
        assert!(workers > 0, "a ThreadPool needs at least one worker");
        let (jobs, queue) = mpsc::channel::<Job>();
        // An mpsc receiver has one owner; the workers share it through a mutex.
        let queue = Arc::new(Mutex::new(queue));
        let workers = (0..workers)
            .map(|n| {
                let queue = Arc::clone(&queue);
                thread::Builder::new()
                    .name(format!("pool-worker-{n}"))
                    .spawn(move || work(&queue))
                    .expect("the pool could not start a worker thread")
            })
            .collect();
        Self {
            jobs: Some(jobs),
            workers,
        }
    }

    /// Queues `job` for the next free worker and returns at once; it never runs `job` itself.
    pub fn execute<F: FnOnce() + Send + 'static>(&self, job: F) {
        let jobs = self
            .jobs
            .as_ref()
            .expect("the pool is running until it is dropped");
        // The workers outlive every sender (they stop only once the channel is closed and
        // empty, and never die of a job's panic), so the send cannot fail.
        jobs.send(Box::new(job))
            .expect("the pool's workers stopped before the pool did");
    }

    /// Runs every job queued so far, then stops the workers and waits for them to end.
    pub fn join(self) {
        // Dropping does exactly this.
        drop(self);
    }
}

impl Drop for ThreadPool {
    fn drop(&mut self) {
        // Closing the channel is the stop signal: the workers still receive every job queued
        // before it, then `recv` fails. No sentinel value is needed.
        drop(self.jobs.take());
        for worker in self.workers.drain(..) {
            // A worker never panics (jobs are caught), so there is nothing to pass on.
            let _ = worker.join();
        }
    }
}

/// A worker's life: take a job, run it, repeat until the queue is closed and empty.
fn work(queue: &Mutex<Receiver<Job>>) {
    loop {
        // The guard is a temporary of this statement, so the lock is released before the job
        // runs. (`while let Ok(job) = queue.lock().unwrap().recv()` would hold it for the whole
        // loop body, and the jobs would run one at a time.)
        let next = queue
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .recv();
        let Ok(job) = next else {
            return; // every sender is gone and the queue is empty
        };
        // A job that panics must not take the worker with it. The job is gone either way, and
        // the worker holds no state it could have left half-changed.
        let _ = panic::catch_unwind(AssertUnwindSafe(job));
    }
}
