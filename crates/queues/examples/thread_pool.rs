//! Workers sharing one queue of boxed jobs, the way a thread pool works inside: a job that
//! panics is caught so that its worker lives on, and closing the queue (dropping the sender)
//! lets the workers finish every queued job and stop.
//!
//! Run it with `cargo run -p queues --example thread_pool`.

use crossbeam_channel::unbounded;
use std::panic::{self, AssertUnwindSafe};
use std::thread;
use std::time::Duration;

type Job = Box<dyn FnOnce() + Send + 'static>;

fn main() {
    let (jobs, queue) = unbounded::<Job>();
    let workers: Vec<_> = (0..3)
        .map(|n| {
            let queue = queue.clone();
            thread::Builder::new()
                .name(format!("worker-{n}"))
                .spawn(move || {
                    let mut ran = 0;
                    for job in queue {
                        // A panicking job ends, not the worker (the panic is still printed).
                        if panic::catch_unwind(AssertUnwindSafe(job)).is_err() {
                            println!("worker-{n}: a job panicked; carrying on");
                        }
                        ran += 1;
                    }
                    println!("worker-{n}: the queue is closed; ran {ran} jobs");
                })
                .unwrap()
        })
        .collect();

    for n in 0..9 {
        let job: Job = if n == 4 {
            Box::new(|| panic!("job 4 fails on purpose"))
        } else {
            Box::new(move || {
                thread::sleep(Duration::from_millis(50));
                println!("{}: job {n} done", thread::current().name().unwrap());
            })
        };
        jobs.send(job).unwrap();
    }
    drop(jobs); // close the queue: the workers finish what is queued, then stop
    for worker in workers {
        worker.join().unwrap();
    }
    println!("every job has run and every worker has stopped");
}
