//! Mutant: starts the jobs with `thread::spawn`, so their threads have no names.

use std::thread;

pub type Job<T> = Box<dyn FnOnce() -> T + Send + 'static>;
pub type Outcome<T> = Result<T, String>;
pub const NO_MESSAGE: &str = "a panic without a message";

pub fn run_jobs<T: Send + 'static>(jobs: Vec<(String, Job<T>)>) -> Vec<Outcome<T>> {
    let handles: Vec<_> = jobs
        .into_iter()
        .map(|(_, job)| thread::spawn(job))
        .collect();
    handles
        .into_iter()
        .map(|h| {
            h.join().map_err(|p| {
                p.downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| NO_MESSAGE.to_owned())
            })
        })
        .collect()
}
