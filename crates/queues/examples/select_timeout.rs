//! `select!` on three channels: a job queue, a stop channel and a ticking timer, plus a batch
//! deadline built with `at` and `never`.
//!
//! Run it with `cargo run -p queues --example select_timeout`.

use crossbeam_channel::{Receiver, at, never, select, tick, unbounded};
use std::thread;
use std::time::{Duration, Instant};

fn main() {
    let (jobs, job_queue) = unbounded::<&str>();
    let (stop, stop_requests) = unbounded::<()>();
    let started = Instant::now();

    let worker = thread::spawn(move || {
        let heartbeat = tick(Duration::from_millis(100));
        // Jobs are reported in groups: a group is printed 150 ms after its first job arrived.
        let mut group: Vec<&str> = Vec::new();
        let mut due: Receiver<Instant> = never();
        loop {
            select! {
                recv(job_queue) -> job => match job {
                    Ok(job) => {
                        if group.is_empty() {
                            due = at(Instant::now() + Duration::from_millis(150));
                        }
                        group.push(job);
                    }
                    Err(_) => break, // every job sender is gone
                },
                recv(due) -> _ => {
                    println!("{:>4} ms  group: {group:?}", started.elapsed().as_millis());
                    group.clear();
                    due = never();
                }
                recv(heartbeat) -> _ => {
                    println!("{:>4} ms  still alive", started.elapsed().as_millis());
                }
                recv(stop_requests) -> _ => {
                    println!("{:>4} ms  stop requested", started.elapsed().as_millis());
                    break;
                }
            }
        }
        if !group.is_empty() {
            println!("unreported when stopping: {group:?}");
        }
    });

    for job in ["resize", "crop", "rotate"] {
        jobs.send(job).unwrap();
        thread::sleep(Duration::from_millis(30));
    }
    thread::sleep(Duration::from_millis(300));
    jobs.send("compress").unwrap();
    thread::sleep(Duration::from_millis(300));
    stop.send(()).unwrap();
    worker.join().unwrap();
}
