//! A thread is not a task: one worker thread runs several jobs, and a thread-local that a job
//! forgets to reset carries the previous job's state into the next. Then the cure: scope the
//! value to the job with a guard that restores it, even when the job panics.
//!
//! Run it with `cargo run -p tls --example pool_leak`.

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc;
use std::thread;

thread_local! {
    /// The user the current job runs for. A job that forgets to set it inherits the last one's.
    static CURRENT_USER: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// Puts the previous user back when the job ends, normally or by a panic.
struct Restore(Option<&'static str>);

impl Drop for Restore {
    fn drop(&mut self) {
        CURRENT_USER.set(self.0);
    }
}

/// Runs `f` as `user`, and only for as long as `f` runs.
fn as_user<R>(user: &'static str, f: impl FnOnce() -> R) -> R {
    let _restore = Restore(CURRENT_USER.replace(Some(user)));
    f()
}

/// What a job does: report whom it thinks it runs for.
fn who_am_i(job: &str) {
    println!("  {job}: running for {:?}", CURRENT_USER.get());
}

/// A pool of one worker thread, running jobs in order.
fn run_on_one_worker(jobs: Vec<Box<dyn FnOnce() + Send>>) {
    let (sender, queue) = mpsc::channel::<Box<dyn FnOnce() + Send>>();
    let worker = thread::spawn(move || {
        for job in queue {
            // A pool must survive a panicking job.
            let _ = panic::catch_unwind(AssertUnwindSafe(job));
        }
    });
    for job in jobs {
        sender.send(job).expect("the worker is alive");
    }
    drop(sender);
    worker.join().expect("the worker survived its jobs");
}

fn main() {
    // Keep the demonstration's panic quiet; its effect is what we want to see.
    panic::set_hook(Box::new(|_| {}));

    println!("Setting the thread-local by hand and forgetting to reset it:");
    run_on_one_worker(vec![
        Box::new(|| {
            CURRENT_USER.set(Some("alice"));
            who_am_i("job 1 (sets alice)");
        }),
        Box::new(|| who_am_i("job 2 (sets nobody)")),
    ]);

    println!("Scoping it to the job with a guard:");
    run_on_one_worker(vec![
        Box::new(|| as_user("alice", || who_am_i("job 1 (as alice)"))),
        Box::new(|| {
            as_user("bob", || {
                who_am_i("job 2 (as bob, then panics)");
                panic!("job 2 failed");
            })
        }),
        Box::new(|| who_am_i("job 3 (as nobody)")),
    ]);
}
