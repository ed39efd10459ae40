//! Mutant: starts a single worker whatever the size asked for.

use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::{self, JoinHandle};

type Job = Box<dyn FnOnce() + Send + 'static>;

/// A pool of worker threads.
pub struct ThreadPool {
    jobs: Option<Sender<Job>>,
    worker: Option<JoinHandle<()>>,
}

impl ThreadPool {
    /// Starts the pool.
    pub fn new(workers: usize) -> Self {
        assert!(workers > 0, "a ThreadPool needs at least one worker");
        let (jobs, queue) = mpsc::channel::<Job>();
        // The bug: one thread, however many workers were asked for.
        let worker = thread::spawn(move || work(queue));
        Self {
            jobs: Some(jobs),
            worker: Some(worker),
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
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
    }
}

fn work(queue: Receiver<Job>) {
    for job in queue {
        let _ = panic::catch_unwind(AssertUnwindSafe(job));
    }
}
