//! Threads that return values: four workers each sum a quarter of 1..=1_000_000, all at once,
//! and the main thread joins them in order and adds up their results. No shared variable, no
//! lock: each result comes back through its `JoinHandle`.
//!
//! Run it with `cargo run -p threads --example join_values`.

use std::thread;
use std::time::Instant;

const WORKERS: u64 = 4;
const LAST: u64 = 1_000_000;

fn main() {
    let started = Instant::now();
    // Spawn every worker first (the `collect` runs the whole `map`), then join them all.
    let handles: Vec<_> = (0..WORKERS)
        .map(|worker| {
            thread::spawn(move || {
                let share: u64 = (1..=LAST).filter(|n| n % WORKERS == worker).sum();
                println!("worker {worker}: my share is {share}");
                share
            })
        })
        .collect();
    let total: u64 = handles
        .into_iter()
        .map(|handle| handle.join().expect("a worker panicked"))
        .sum();
    println!(
        "total {total} (expected {}), in {:.1?}",
        LAST * (LAST + 1) / 2,
        started.elapsed()
    );
    assert_eq!(total, LAST * (LAST + 1) / 2);
}
