//! Mutant: join() is right, but dropping the pool throws the queued jobs away.
//!
//! Drop raises a "stop now" flag that the workers check before each job.

use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

type Job = Box<dyn FnOnce() + Send + 'static>;

/// A pool of worker threads.
pub struct ThreadPool {
    jobs: Option<Sender<Job>>,
    workers: Vec<JoinHandle<()>>,
    stop_now: Arc<AtomicBool>,
}

impl ThreadPool {
    /// Starts the pool.
    pub fn new(workers: usize) -> Self {
        assert!(workers > 0, "a ThreadPool needs at least one worker");
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        let stop_now = Arc::new(AtomicBool::new(false));
        let workers = (0..workers)
            .map(|_| {
                let (queue, stop_now) = (Arc::clone(&queue), Arc::clone(&stop_now));
                thread::spawn(move || work(&queue, &stop_now))
            })
            .collect();
        Self {
            jobs: Some(jobs),
            workers,
            stop_now,
        }
    }

    /// Queues a job.
    pub fn execute<F: FnOnce() + Send + 'static>(&self, job: F) {
        self.jobs.as_ref().unwrap().send(Box::new(job)).unwrap();
    }

    /// Runs every queued job, then stops the workers.
    pub fn join(mut self) {
        self.finish();
    }

    fn finish(&mut self) {
        drop(self.jobs.take());
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

impl Drop for ThreadPool {
    fn drop(&mut self) {
        if self.jobs.is_some() {
            // The bug: dropped without join(), the pool stops at once.
            self.stop_now.store(true, Ordering::SeqCst);
        }
        self.finish();
    }
}

fn work(queue: &Mutex<Receiver<Job>>, stop_now: &AtomicBool) {
    loop {
        let next = queue.lock().unwrap_or_else(|p| p.into_inner()).recv();
        let Ok(job) = next else { return };
        if stop_now.load(Ordering::SeqCst) {
            return;
        }
        let _ = panic::catch_unwind(AssertUnwindSafe(job));
    }
}
