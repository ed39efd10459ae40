//! Mutant: unwraps every join, so one job's panic takes `run_jobs` down with it.

use std::thread;

pub type Job<T> = Box<dyn FnOnce() -> T + Send + 'static>;
pub type Outcome<T> = Result<T, String>;
pub const NO_MESSAGE: &str = "a panic without a message";

pub fn run_jobs<T: Send + 'static>(jobs: Vec<(String, Job<T>)>) -> Vec<Outcome<T>> {
    let handles: Vec<_> = jobs
        .into_iter()
        .map(|(name, job)| thread::Builder::new().name(name).spawn(job).unwrap())
        .collect();
    handles.into_iter().map(|h| Ok(h.join().unwrap())).collect()
}
