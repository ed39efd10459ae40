//! Mutant: a worker holds the queue's lock while it runs its job, so jobs run one at a time.
//!
//! `while let Ok(job) = queue.lock().unwrap().recv() { job() }`: the guard is a temporary of
//! the `while let` condition, and lives until the end of the loop body.

use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

type Job = Box<dyn FnOnce() + Send + 'static>;

/// A pool of worker threads.
pub struct ThreadPool {
    jobs: Option<Sender<Job>>,
    workers: Vec<JoinHandle<()>>,
}

impl ThreadPool {
    /// Starts the pool.
    pub fn new(workers: usize) -> Self {
        assert!(workers > 0, "a ThreadPool needs at least one worker");
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        let workers = (0..workers)
            .map(|_| {
                let queue = Arc::clone(&queue);
                thread::spawn(move || work(&queue))
            })
            .collect();
        Self {
            jobs: Some(jobs),
            workers,
        }
    }

    /// Queues a job.
    pub fn execute<F: FnOnce() + Send + 'static>(&self, job: F) {
        self.jobs.as_ref().unwrap().send(Box::new(job)).unwrap();
    }

    /// Runs every queued job, then stops the workers.
    pub fn join(self) {
        drop(self);
    }
}

impl Drop for ThreadPool {
    fn drop(&mut self) {
        drop(self.jobs.take());
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

fn work(queue: &Mutex<Receiver<Job>>) {
    // The bug: the guard lives for the whole loop body.
    while let Ok(job) = queue.lock().unwrap().recv() {
        let _ = panic::catch_unwind(AssertUnwindSafe(job));
    }
}
