//! Alternative: jobs are not caught; a worker whose job panicked starts its own replacement
//! while it unwinds (a guard's `Drop`), and `join` keeps joining until no worker is left.

use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

type Job = Box<dyn FnOnce() + Send + 'static>;

struct Shared {
    queue: Mutex<Receiver<Job>>,
    handles: Mutex<Vec<JoinHandle<()>>>,
}

/// A pool of worker threads.
pub struct ThreadPool {
    jobs: Option<Sender<Job>>,
    shared: Arc<Shared>,
}

/// Lives on a worker's stack; if the worker unwinds, it starts a replacement.
struct Sentinel(Arc<Shared>);

impl Drop for Sentinel {
    fn drop(&mut self) {
        if thread::panicking() {
            spawn_worker(&self.0);
        }
    }
}

fn spawn_worker(shared: &Arc<Shared>) {
    let for_worker = Arc::clone(shared);
    let handle = thread::spawn(move || {
        let _sentinel = Sentinel(Arc::clone(&for_worker));
        loop {
            let job = match for_worker.queue.lock() {
                Ok(queue) => queue.recv(),
                Err(poisoned) => poisoned.into_inner().recv(),
            };
            match job {
                Ok(job) => job(),
                Err(_) => break,
            }
        }
    });
    shared.handles.lock().unwrap().push(handle);
}

impl ThreadPool {
    /// Starts the pool.
    pub fn new(workers: usize) -> Self {
        assert!(workers >= 1);
        let (jobs, queue) = mpsc::channel();
        let shared = Arc::new(Shared {
            queue: Mutex::new(queue),
            handles: Mutex::new(Vec::new()),
        });
        for _ in 0..workers {
            spawn_worker(&shared);
        }
        Self {
            jobs: Some(jobs),
            shared,
        }
    }

    /// Queues a job.
    pub fn execute<F: FnOnce() + Send + 'static>(&self, job: F) {
        self.jobs.as_ref().unwrap().send(Box::new(job)).unwrap();
    }

    /// Runs every queued job, then stops the workers.
    pub fn join(self) {}
}

impl Drop for ThreadPool {
    fn drop(&mut self) {
        self.jobs.take();
        loop {
            let next = self.shared.handles.lock().unwrap().pop();
            match next {
                // A worker that panicked has pushed its replacement before it ended.
                Some(handle) => drop(handle.join()),
                None => break,
            }
        }
    }
}
