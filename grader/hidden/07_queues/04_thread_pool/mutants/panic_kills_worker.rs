//! Mutant: a job that panics takes its worker down with it (no catch_unwind), so the pool shrinks.

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
        // Once every worker died, nobody is left to run it; drop it quietly.
        let _ = self.jobs.as_ref().unwrap().send(Box::new(job));
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
    loop {
        let next = queue.lock().unwrap_or_else(|p| p.into_inner()).recv();
        let Ok(job) = next else { return };
        // The bug: a panic here unwinds out of the worker's thread, which ends.
        job();
    }
}
