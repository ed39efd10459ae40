//! A panic ends its thread, not the program: three workers run, one panics, the others finish,
//! and the main thread finds the panic, with its message, when it joins that worker.
//!
//! Run it with `cargo run -p threads --example panic_at_join`.

use std::thread;
use std::time::Duration;

fn main() {
    let handles: Vec<_> = (0..3)
        .map(|worker| {
            thread::spawn(move || {
                thread::sleep(Duration::from_millis(50 * worker));
                if worker == 1 {
                    panic!("worker {worker} could not parse its input");
                }
                worker * 10
            })
        })
        .collect();

    for (worker, handle) in handles.into_iter().enumerate() {
        match handle.join() {
            Ok(value) => println!("worker {worker} returned {value}"),
            Err(payload) => {
                let message = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "a panic without a message".to_owned());
                println!("worker {worker} panicked: {message}");
            }
        }
    }
    println!("the main thread carries on");
}
