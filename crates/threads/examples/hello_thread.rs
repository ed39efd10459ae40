//! The tutorial's first example, with the two threads its comment meant: each prints, sleeps a
//! second and prints again, while the main thread prints a count of the threads still running
//! (Python's `active_count()`, kept by hand) and then joins the threads it started.
//!
//! Run it with `cargo run -p threads --example hello_thread`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;

/// Counts a thread down when dropped: when its work returns, and when it panics.
struct Running(Arc<AtomicUsize>);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

fn display(name: &str) {
    println!("{name}: Hello World: start");
    thread::sleep(Duration::from_secs(1));
    println!("{name}: Hello world: end");
}

fn main() {
    // The main thread counts, as in Python's `active_count()`.
    let running = Arc::new(AtomicUsize::new(1));
    let _main = Running(Arc::clone(&running));

    let spawn = |name: &'static str| {
        running.fetch_add(1, Ordering::SeqCst);
        let counted = Running(Arc::clone(&running));
        thread::spawn(move || {
            let _counted = counted;
            display(name);
        })
    };
    let thread1 = spawn("thread1");
    let thread2 = spawn("thread2");

    println!("main: Execute in main thread");
    println!(
        "main: Check running threads: {}",
        running.load(Ordering::SeqCst)
    );

    // Wait for both threads to finish: the handles are the threads we started, by name.
    thread1.join().expect("thread1 panicked");
    thread2.join().expect("thread2 panicked");
    println!(
        "main: both joined; running threads: {}",
        running.load(Ordering::SeqCst)
    );
}
