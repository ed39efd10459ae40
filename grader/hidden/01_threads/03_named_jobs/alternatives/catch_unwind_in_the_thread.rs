//! Alternative: each thread catches its own job's panic and sends the outcome, tagged with its
//! position, through a channel.

use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::thread;

pub type Job<T> = Box<dyn FnOnce() -> T + Send + 'static>;
pub type Outcome<T> = Result<T, String>;
pub const NO_MESSAGE: &str = "a panic without a message";

pub fn run_jobs<T: Send + 'static>(jobs: Vec<(String, Job<T>)>) -> Vec<Outcome<T>> {
    let count = jobs.len();
    let (done, outcomes) = mpsc::channel();
    let mut results: Vec<Option<Outcome<T>>> = (0..count).map(|_| None).collect();
    for (index, (name, job)) in jobs.into_iter().enumerate() {
        let done = done.clone();
        let started = thread::Builder::new().name(name).spawn(move || {
            let outcome =
                panic::catch_unwind(AssertUnwindSafe(job)).map_err(|payload| {
                    match payload.downcast::<String>() {
                        Ok(message) => *message,
                        Err(payload) => match payload.downcast::<&str>() {
                            Ok(message) => (*message).to_owned(),
                            Err(_) => NO_MESSAGE.to_owned(),
                        },
                    }
                });
            let _ = done.send((index, outcome));
        });
        if let Err(error) = started {
            results[index] = Some(Err(error.to_string()));
        }
    }
    drop(done);
    for (index, outcome) in outcomes {
        results[index] = Some(outcome);
    }
    results
        .into_iter()
        .map(|r| r.expect("every job reported"))
        .collect()
}
