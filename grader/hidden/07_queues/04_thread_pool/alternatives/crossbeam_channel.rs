//! Alternative: a crossbeam channel, whose receiver every worker clones (no mutex), and a
//! `Drop` that does the work while `join` just drops.

use crossbeam_channel::{Receiver, Sender, unbounded};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::thread::JoinHandle;

type Job = Box<dyn FnOnce() + Send>;

/// A pool of worker threads.
pub struct ThreadPool {
    jobs: Option<Sender<Job>>,
    workers: Vec<JoinHandle<()>>,
}

impl ThreadPool {
    /// Starts the pool.
    pub fn new(workers: usize) -> Self {
        assert_ne!(workers, 0, "a pool needs workers");
        let (jobs, queue): (Sender<Job>, Receiver<Job>) = unbounded();
        let workers = (0..workers)
            .map(|_| {
                let queue = queue.clone();
                std::thread::spawn(move || {
                    for job in queue.iter() {
                        let _ = catch_unwind(AssertUnwindSafe(job));
                    }
                })
            })
            .collect();
        ThreadPool {
            jobs: Some(jobs),
            workers,
        }
    }

    /// Queues a job.
    pub fn execute<F: FnOnce() + Send + 'static>(&self, job: F) {
        if let Some(jobs) = &self.jobs {
            jobs.send(Box::new(job)).expect("workers are alive");
        }
    }

    /// Runs every queued job, then stops the workers.
    pub fn join(self) {}
}

impl Drop for ThreadPool {
    fn drop(&mut self) {
        self.jobs = None;
        for worker in std::mem::take(&mut self.workers) {
            worker.join().unwrap();
        }
    }
}
