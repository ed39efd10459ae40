//! Stopping a heartbeat: one that sleeps with `thread::sleep` and one that waits on a condition
//! variable, each with a 1.5 s interval and asked to stop 100 ms after its first beat. The first
//! stops once its sleep is over; the second at once.
//!
//! Run it with `cargo run -p daemons --example heartbeat`.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const INTERVAL: Duration = Duration::from_millis(1500);

/// Beats, then sleeps for the interval: deaf to the stop while it sleeps.
fn sleeping_heartbeat() -> Duration {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let heartbeat = thread::spawn(move || {
        while !flag.load(Ordering::Relaxed) {
            println!("  sleeping heartbeat: beat");
            thread::sleep(INTERVAL);
        }
    });
    thread::sleep(Duration::from_millis(100));
    let asked = Instant::now();
    stop.store(true, Ordering::Relaxed);
    heartbeat.join().expect("the heartbeat panicked");
    asked.elapsed()
}

/// Beats, then waits for "the interval is over, or stop": woken by the stop at once.
fn waiting_heartbeat() -> Duration {
    let stop = Arc::new((Mutex::new(false), Condvar::new()));
    let signal = Arc::clone(&stop);
    let heartbeat = thread::spawn(move || {
        let (stopped, changed) = &*signal;
        loop {
            println!("  waiting heartbeat: beat");
            let guard = stopped.lock().unwrap();
            let (guard, _) = changed
                .wait_timeout_while(guard, INTERVAL, |stopped| !*stopped)
                .unwrap();
            if *guard {
                return;
            }
        }
    });
    thread::sleep(Duration::from_millis(100));
    let asked = Instant::now();
    *stop.0.lock().unwrap() = true;
    stop.1.notify_all();
    heartbeat.join().expect("the heartbeat panicked");
    asked.elapsed()
}

fn main() {
    println!("thread::sleep(interval):");
    let slow = sleeping_heartbeat();
    println!("  stopped {} ms after it was asked to\n", slow.as_millis());
    println!("Condvar::wait_timeout_while(interval, not stopped):");
    let quick = waiting_heartbeat();
    println!("  stopped {} ms after it was asked to", quick.as_millis());
}
