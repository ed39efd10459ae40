//! Workers in phases with `std::sync::Barrier`: each of 4 workers computes its part of step 1,
//! waits at the barrier, then reads everyone's step 1 results in step 2. The same barrier serves
//! both rounds, and the leader of each round (one thread, chosen by the barrier) reports.
//!
//! Run it with `cargo run -p conditions --example barrier`.

use std::sync::{Barrier, Mutex};
use std::thread;
use std::time::Duration;

const WORKERS: usize = 4;

fn main() {
    let barrier = Barrier::new(WORKERS);
    let partial_sums = Mutex::new([0u64; WORKERS]);

    thread::scope(|s| {
        for id in 0..WORKERS {
            let (barrier, partial_sums) = (&barrier, &partial_sums);
            s.spawn(move || {
                // Step 1: sum my quarter of 1..=1000, at my own pace.
                let mine: u64 = (1..=1000u64)
                    .filter(|n| n % WORKERS as u64 == id as u64)
                    .sum();
                thread::sleep(Duration::from_millis(50 * id as u64));
                partial_sums.lock().unwrap()[id] = mine;
                println!("worker {id}: step 1 done (partial sum {mine})");
                // The barrier picks one thread of each round as its leader. std promises only
                // that there is exactly one, not which: not necessarily the last to arrive.
                if barrier.wait().is_leader() {
                    println!("worker {id}: the leader of round 1; everyone finished step 1");
                }

                // Step 2: everyone's step 1 results are there to read.
                let total: u64 = partial_sums.lock().unwrap().iter().sum();
                println!("worker {id}: step 2 sees the total {total}");
                if barrier.wait().is_leader() {
                    println!("worker {id}: the leader of round 2; everyone finished step 2");
                }
            });
        }
    });
    println!(
        "1 + 2 + ... + 1000 = {}",
        partial_sums.lock().unwrap().iter().sum::<u64>()
    );
}
