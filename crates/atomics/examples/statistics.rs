//! A server's response statistics, updated by every handler thread with `Relaxed` atomics and
//! read by a monitor while they run. Each number is right on its own; once the handlers are
//! joined, all of them are exact.
//!
//! Run it with `cargo run -p atomics --example statistics`.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
use std::thread;
use std::time::Duration;

struct Stats {
    requests: AtomicU64,
    bytes: AtomicU64,
    largest: AtomicU64,
}

impl Stats {
    fn record(&self, bytes: u64) {
        self.requests.fetch_add(1, Relaxed);
        self.bytes.fetch_add(bytes, Relaxed);
        self.largest.fetch_max(bytes, Relaxed);
    }
}

fn main() {
    let stats = Stats {
        requests: AtomicU64::new(0),
        bytes: AtomicU64::new(0),
        largest: AtomicU64::new(0),
    };
    let done = AtomicBool::new(false);
    thread::scope(|s| {
        let handlers: Vec<_> = (0..4u64)
            .map(|handler| {
                let stats = &stats;
                s.spawn(move || {
                    for i in 0..250_000u64 {
                        stats.record((i * 7 + handler) % 1500);
                    }
                })
            })
            .collect();
        s.spawn(|| {
            while !done.load(Relaxed) {
                println!(
                    "monitor: {} requests so far, {} bytes, largest {}",
                    stats.requests.load(Relaxed),
                    stats.bytes.load(Relaxed),
                    stats.largest.load(Relaxed)
                );
                thread::sleep(Duration::from_millis(20));
            }
        });
        for handler in handlers {
            handler.join().unwrap();
        }
        done.store(true, Relaxed);
    });
    let expected_bytes: u64 = (0..4u64)
        .map(|h| (0..250_000u64).map(|i| (i * 7 + h) % 1500).sum::<u64>())
        .sum();
    println!(
        "joined: {} requests, {} bytes (expected {expected_bytes}), largest {}",
        stats.requests.load(Relaxed),
        stats.bytes.load(Relaxed),
        stats.largest.load(Relaxed)
    );
    assert_eq!(stats.requests.load(Relaxed), 1_000_000);
    assert_eq!(stats.bytes.load(Relaxed), expected_bytes);
    assert_eq!(stats.largest.load(Relaxed), 1499);
}
