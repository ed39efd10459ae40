//! Mutant: joins each job's thread before starting the next.

use std::thread;

pub type Job<T> = Box<dyn FnOnce() -> T + Send + 'static>;
pub type Outcome<T> = Result<T, String>;
pub const NO_MESSAGE: &str = "a panic without a message";

pub fn run_jobs<T: Send + 'static>(jobs: Vec<(String, Job<T>)>) -> Vec<Outcome<T>> {
    jobs.into_iter()
        .map(|(name, job)| {
            let handle = thread::Builder::new()
                .name(name)
                .spawn(job)
                .map_err(|e| e.to_string())?;
            handle.join().map_err(|p| {
                p.downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| NO_MESSAGE.to_owned())
            })
        })
        .collect()
}
