//! Store buffering, the one reordering x86 does: two threads each set their own flag and then
//! read the other's. With `Release` stores and `Acquire` loads, both may read `false` (each
//! store still waits in its core's store buffer while the core's load goes ahead); with `SeqCst`,
//! at least one of them always sees the other's flag.
//!
//! Run it with `cargo run -p atomics --example store_buffering`. It needs two cores free at the
//! same moment to show anything: on one core, or on a busy machine, the count for
//! `Release`/`Acquire` may well be 0, which proves nothing either way.

use std::hint::spin_loop;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// How long each ordering is tried.
const TIME: Duration = Duration::from_millis(1500);

/// Busy-waits a little, differently each round, so that the two threads' windows meet.
fn delay(round: u64) {
    for i in 0..(round * 7) % 64 {
        std::hint::black_box(i);
    }
}

/// Plays rounds for `TIME`; returns how many rounds were played, and in how many both threads
/// read `false`.
fn play(store: Ordering, load: Ordering) -> (u64, u64) {
    let (a, b) = (AtomicBool::new(false), AtomicBool::new(false));
    // The round both threads play now (0: none yet), and the last round the other thread ended.
    let (go, ended) = (AtomicU64::new(0), AtomicU64::new(0));
    // What the other thread read in the current round.
    let other_saw = AtomicBool::new(false);
    let started = Instant::now();
    let (mut rounds, mut both_missed) = (0, 0);
    thread::scope(|s| {
        s.spawn(|| {
            let mut round = 1;
            loop {
                let now = loop {
                    let now = go.load(Ordering::Acquire);
                    if now >= round || now == u64::MAX {
                        break now;
                    }
                    spin_loop();
                };
                if now == u64::MAX {
                    return;
                }
                b.store(true, store);
                other_saw.store(a.load(load), Ordering::Relaxed);
                ended.store(round, Ordering::Release);
                round += 1;
            }
        });
        while started.elapsed() < TIME {
            rounds += 1;
            a.store(false, Ordering::Relaxed);
            b.store(false, Ordering::Relaxed);
            go.store(rounds, Ordering::Release);
            delay(rounds);
            a.store(true, store);
            let mine = b.load(load);
            while ended.load(Ordering::Acquire) < rounds {
                spin_loop();
            }
            if !mine && !other_saw.load(Ordering::Relaxed) {
                both_missed += 1;
            }
        }
        go.store(u64::MAX, Ordering::Release);
    });
    (rounds, both_missed)
}

fn main() {
    let (rounds, missed) = play(Ordering::Release, Ordering::Acquire);
    println!("Release/Acquire: both threads read false in {missed} of {rounds} rounds");
    let (rounds, missed) = play(Ordering::SeqCst, Ordering::SeqCst);
    println!("SeqCst:          both threads read false in {missed} of {rounds} rounds");
    assert_eq!(missed, 0, "SeqCst forbids both loads reading false");
}
