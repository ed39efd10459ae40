//! Eight workers each compute a result and publish it with a `Release` store of their own
//! `ready` flag. The collector checks the flags with `Relaxed` loads and, once all are set, pays
//! for one `fence(Acquire)`, which synchronises with every `Release` store it read: after it,
//! every worker's result is visible.
//!
//! Run it with `cargo run -p atomics --example fences`.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::*, fence};
use std::thread;

const WORKERS: usize = 8;

fn main() {
    let results: [AtomicU64; WORKERS] = [const { AtomicU64::new(0) }; WORKERS];
    let ready: [AtomicBool; WORKERS] = [const { AtomicBool::new(false) }; WORKERS];
    thread::scope(|s| {
        for worker in 0..WORKERS {
            let (results, ready) = (&results, &ready);
            s.spawn(move || {
                let sum: u64 = (0..=100_000 * (worker as u64 + 1)).sum();
                results[worker].store(sum, Relaxed);
                ready[worker].store(true, Release);
            });
        }
        let mut looks = 0u64;
        while !ready.iter().all(|flag| flag.load(Relaxed)) {
            looks += 1;
            std::hint::spin_loop();
        }
        // One Acquire for all eight Release stores the loads above read.
        fence(Acquire);
        for (worker, result) in results.iter().enumerate() {
            let n = 100_000 * (worker as u64 + 1);
            let sum = result.load(Relaxed);
            println!("worker {worker}: 0 + 1 + … + {n} = {sum}");
            assert_eq!(sum, n * (n + 1) / 2);
        }
        println!("(the collector looked at the flags {looks} times before all were set)");
    });
}
