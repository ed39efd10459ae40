//! Exercise: named threads, and a panic that surfaces at `join`.
//!
//! A thread that panics does not bring the program down: the panic unwinds that thread only,
//! and its `JoinHandle::join()` returns `Err(payload)` instead of `Ok(value)`. The payload is a
//! `Box<dyn Any + Send>` holding whatever was passed to `panic!`: a `&'static str` for
//! `panic!("literal")`, a `String` for `panic!("formatted {x}")`, anything at all for
//! `std::panic::panic_any(value)`. `downcast_ref::<T>()` asks "is it a `T`?".
//!
//! Threads can also have names. `thread::Builder::new().name(name).spawn(f)` starts a thread
//! called `name` (it returns an `io::Result`, because the operating system may refuse to start
//! a thread); inside it, `thread::current().name()` returns the name, and panic messages,
//! debuggers and `top -H` show it too. Python's `Thread(name=...)` is the same idea.
//!
//! Write `run_jobs(jobs)`: every `(name, job)` runs on a thread named `name`, all at the same
//! time; `run_jobs` waits for every one of them and returns, in the order of `jobs`:
//!
//! - `Ok(value)` for a job that returned `value`;
//! - `Err(message)` for a job that panicked, where `message` is the panic's message when the
//!   payload is a `&str` or a `String`, and `"a panic without a message"` otherwise;
//! - `Err(message)` with the error's text (`error.to_string()`) if the thread could not be
//!   started.
//!
//! One job's panic must not stop the others, nor `run_jobs` itself.
//!
//! Read the lesson: `cargo doc -p threads --open`.

/// A job: a closure to run once on a thread of its own.
pub type Job<T> = Box<dyn FnOnce() -> T + Send + 'static>;

/// What became of one job: its value, or the message of its panic.
pub type Outcome<T> = Result<T, String>;

/// What `run_jobs` reports for a panic whose payload is neither a `&str` nor a `String`.
pub const NO_MESSAGE: &str = "a panic without a message";

/// Runs every job at once, each on a thread named after it, and returns what became of each,
/// in the order of `jobs`.
pub fn run_jobs<T: Send + 'static>(jobs: Vec<(String, Job<T>)>) -> Vec<Outcome<T>> {
    // TODO: spawn each job with `thread::Builder`, then join every handle and turn a panic's
    // payload into its message.
    let _ = jobs;
    todo!()
}
