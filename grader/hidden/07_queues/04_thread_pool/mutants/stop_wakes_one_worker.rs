//! Mutant: no channel: a mutex around a queue of jobs and a "stopping" flag, and a condition
//! variable the idle workers sleep on; `join` sets the flag and wakes only one idle worker
//! (`notify_one`), so the others sleep on and `join` waits for them for ever.

use parking_lot::{Condvar, Mutex};
use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::thread::{self, JoinHandle};

type Job = Box<dyn FnOnce() + Send>;

struct Queue {
    jobs: Mutex<(VecDeque<Job>, bool)>,
    changed: Condvar,
}

/// A pool of worker threads.
pub struct ThreadPool {
    queue: Arc<Queue>,
    workers: Vec<JoinHandle<()>>,
}

impl ThreadPool {
    /// Starts the pool.
    pub fn new(workers: usize) -> Self {
        if workers == 0 {
            panic!("ThreadPool::new(0)");
        }
        let queue = Arc::new(Queue {
            jobs: Mutex::new((VecDeque::new(), false)),
            changed: Condvar::new(),
        });
        let workers = (0..workers)
            .map(|_| {
                let queue = Arc::clone(&queue);
                thread::spawn(move || {
                    loop {
                        let mut jobs = queue.jobs.lock();
                        while jobs.0.is_empty() && !jobs.1 {
                            queue.changed.wait(&mut jobs);
                        }
                        let Some(job) = jobs.0.pop_front() else {
                            return;
                        };
                        drop(jobs);
                        let _ = catch_unwind(AssertUnwindSafe(job));
                    }
                })
            })
            .collect();
        Self { queue, workers }
    }

    /// Queues a job.
    pub fn execute<F: FnOnce() + Send + 'static>(&self, job: F) {
        self.queue.jobs.lock().0.push_back(Box::new(job));
        self.queue.changed.notify_one();
    }

    /// Runs every queued job, then stops the workers.
    pub fn join(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        self.queue.jobs.lock().1 = true;
        self.queue.changed.notify_one();
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

impl Drop for ThreadPool {
    fn drop(&mut self) {
        self.stop();
    }
}
