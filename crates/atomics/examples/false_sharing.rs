//! Two threads, two counters, no data shared, and still they slow each other down when the
//! counters sit in one cache line: every increment takes the line away from the other core.
//! Each arrangement runs for half a second; the program prints how many increments each
//! managed.
//!
//! Run it with `cargo run -p atomics --example false_sharing`. On one core, or on a machine busy
//! with other work, the two arrangements come out about the same: there is no second core to
//! fight over the line.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
use std::thread;
use std::time::Duration;

/// Two counters side by side: one cache line.
struct SideBySide {
    counts: [AtomicU64; 2],
}

/// A counter alone in its 128 bytes (two 64-byte lines, for the adjacent-line prefetcher).
#[repr(align(128))]
struct Padded(AtomicU64);

/// How long each arrangement runs.
const TIME: Duration = Duration::from_millis(500);

/// Runs two threads incrementing `first` and `second` for `TIME`; returns the increments made.
fn race(first: &AtomicU64, second: &AtomicU64) -> u64 {
    let stop = AtomicBool::new(false);
    thread::scope(|s| {
        for counter in [first, second] {
            let stop = &stop;
            s.spawn(move || {
                while !stop.load(Relaxed) {
                    for _ in 0..1000 {
                        counter.fetch_add(1, Relaxed);
                    }
                }
            });
        }
        thread::sleep(TIME);
        stop.store(true, Relaxed);
    });
    first.load(Relaxed) + second.load(Relaxed)
}

fn main() {
    let side_by_side = SideBySide {
        counts: [AtomicU64::new(0), AtomicU64::new(0)],
    };
    let shared = race(&side_by_side.counts[0], &side_by_side.counts[1]);
    let padded = [Padded(AtomicU64::new(0)), Padded(AtomicU64::new(0))];
    let apart = race(&padded[0].0, &padded[1].0);
    println!("side by side (one cache line): {shared:>12} increments in {TIME:?}");
    println!("padded (a line each):          {apart:>12} increments in {TIME:?}");
    println!(
        "padding made them {:.1} times as fast",
        apart as f64 / shared.max(1) as f64
    );
}
