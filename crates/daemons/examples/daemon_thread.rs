//! The tutorial's daemon thread, the Rust way: a detached thread (its `JoinHandle` dropped) that
//! prints until `main` returns and the process ends under it. The tutorial's one-second sleeps
//! become 100 ms.
//!
//! Run it with `cargo run -p daemons --example daemon_thread`: the daemon's last line is
//! whichever it printed before the end; it is never told to stop and never says goodbye.

use std::thread;
use std::time::Duration;

fn background_task() {
    // Never ends by itself, like the tutorial's `while True`.
    loop {
        println!("Daemon thread is running...");
        thread::sleep(Duration::from_millis(100));
    }
}

fn main() {
    // Python: `daemon_thread.daemon = True`. Rust has no flag: dropping the handle detaches
    // the thread, and every thread dies when `main` returns anyway.
    let daemon = thread::Builder::new()
        .name("daemon".to_owned())
        .spawn(background_task)
        .expect("could not start the daemon thread");
    drop(daemon);

    for i in 0..5 {
        println!("Main thread is running {i}");
        thread::sleep(Duration::from_millis(100));
    }
    println!("Main thread is finishing...");
    // Returning from `main` ends the process. The daemon keeps running for the moment the exit
    // takes (it may even print once more), then it is stopped wherever it is, with no chance to
    // clean up. Harmless here; see the `lost_lines` example for a daemon that had work left.
}
