//! Fan-out and fan-in: six jobs of different lengths on three workers that share one queue,
//! their results arriving in the order they finish, and put back in the order of the jobs.
//!
//! Run it with `cargo run -p queues --example fan_out_fan_in`.

use crossbeam_channel::unbounded;
use std::thread;
use std::time::Duration;

fn main() {
    // Each job is (index, how long it takes in ms).
    let jobs = [300u64, 50, 100, 20, 200, 10];
    let (job_sender, queue) = unbounded();
    for job in jobs.iter().copied().enumerate() {
        job_sender.send(job).unwrap();
    }
    drop(job_sender); // the queue is complete

    let (result_sender, results) = unbounded();
    let mut in_order = vec![String::new(); jobs.len()];
    thread::scope(|s| {
        for worker in 0..3 {
            let (queue, result_sender) = (queue.clone(), result_sender.clone());
            s.spawn(move || {
                // Fan-out: each worker takes the next job as soon as it is free.
                for (index, millis) in queue {
                    thread::sleep(Duration::from_millis(millis));
                    let result = format!("job {index} ({millis} ms) done by worker {worker}");
                    result_sender.send((index, result)).unwrap(); // fan-in
                }
            });
        }
        drop(result_sender); // the workers' clones end the stream when they finish
        for (index, result) in results {
            println!("finished: {result}");
            in_order[index] = result;
        }
    });
    println!("in the order of the jobs:");
    for result in in_order {
        println!("  {result}");
    }
}
