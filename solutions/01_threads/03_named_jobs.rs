//! Solution: named threads, and a panic that surfaces at `join`.

use std::any::Any;
use std::io;
use std::thread::{self, JoinHandle};

/// A job: a closure to run once on a thread of its own.
pub type Job<T> = Box<dyn FnOnce() -> T + Send + 'static>;

/// What became of one job: its value, or the message of its panic.
pub type Outcome<T> = Result<T, String>;

/// What `run_jobs` reports for a panic whose payload is neither a `&str` nor a `String`.
pub const NO_MESSAGE: &str = "a panic without a message";

/// Runs every job at once, each on a thread named after it, and returns what became of each,
/// in the order of `jobs`.
pub fn run_jobs<T: Send + 'static>(jobs: Vec<(String, Job<T>)>) -> Vec<Outcome<T>> {
    let started: Vec<io::Result<JoinHandle<T>>> = jobs
        .into_iter()
        .map(|(name, job)| thread::Builder::new().name(name).spawn(job))
        .collect();
    started
        .into_iter()
        .map(|handle| match handle {
            Ok(handle) => handle.join().map_err(|payload| message_of(&*payload)),
            Err(error) => Err(error.to_string()),
        })
        .collect()
}

/// The message a panic was given, if it was given one.
fn message_of(payload: &(dyn Any + Send)) -> String {
    if let Some(message) = payload.downcast_ref::<&str>() {
        (*message).to_owned()
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message.clone()
    } else {
        NO_MESSAGE.to_owned()
    }
}
