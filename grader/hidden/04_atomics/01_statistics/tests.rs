//! Hidden tests of atomics/statistics: every response counted, from any number of threads at
//! once, and the largest one kept.

use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use exercise::Stats;
use harness::chaos::Chaos;
use harness::time::within;
use harness::types::assert_send_sync;

/// How long a few calls on one thread may take before the test calls them hung.
const HANG: Duration = Duration::from_secs(5);

/// Threads recording at once. On two idle cores, an update that is not one indivisible step is
/// lost thousands of times in a round; on a busy machine the threads may take turns instead, so
/// rounds are repeated under forced preemption (`Chaos`), which stops threads half-way through
/// their updates. The model tests prove the same on every machine.
const THREADS: u64 = 4;
const PER_THREAD: u64 = 200_000;
const ROUNDS: usize = 6;

/// How long one round may take before the test calls it hung; a correct `Stats` needs a
/// fraction of this even on a loaded machine.
const ROUND_LIMIT: Duration = Duration::from_secs(8);

fn starts_at_zero() {
    assert_send_sync::<Stats>();
    let (requests, bytes, largest) = within(HANG, "Stats::new() and reading it", || {
        let stats = Stats::new();
        (stats.requests(), stats.bytes(), stats.largest())
    });
    assert_eq!(
        (requests, bytes, largest),
        (0, 0, 0),
        "a new Stats returned requests() = {requests}, bytes() = {bytes}, largest() = \
         {largest}; all three should start at 0"
    );
}

fn counts_responses_on_one_thread() {
    let (requests, bytes, largest) = within(
        HANG,
        "record(10), record(0), record(7), record(3) on one thread",
        || {
            let stats = Stats::new();
            for size in [10, 0, 7, 3] {
                stats.record(size);
            }
            (stats.requests(), stats.bytes(), stats.largest())
        },
    );
    assert_eq!(
        requests, 4,
        "after record(10), record(0), record(7), record(3), requests() returned {requests}; it \
         should return 4 (every call counts one response, even one of 0 bytes)"
    );
    assert_eq!(
        bytes, 20,
        "after record(10), record(0), record(7), record(3), bytes() returned {bytes}; it should \
         return 10 + 0 + 7 + 3 = 20"
    );
    assert_eq!(
        largest, 10,
        "after record(10), record(0), record(7), record(3), largest() returned {largest}; it \
         should return 10, the largest of them, not the last one"
    );
}

/// What one round of `THREADS` threads recording `PER_THREAD` responses each left behind.
struct Round {
    requests: u64,
    bytes: u64,
    largest: u64,
}

/// The size of the `i`-th response recorded by thread `t`: the threads' sizes interleave, so
/// that each thread keeps finding a larger size than the one it saw a moment ago.
fn size(t: u64, i: u64) -> u64 {
    i * THREADS + t
}

/// One round: `THREADS` threads start together and record `PER_THREAD` responses each.
fn round() -> Round {
    let stats = Arc::new(Stats::new());
    let start = Arc::new(Barrier::new(THREADS as usize));
    let shared = Arc::clone(&stats);
    let _chaos = Chaos::start(Duration::from_micros(50));
    within(ROUND_LIMIT, "4 threads calling record() at once", move || {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| {
                let (stats, start) = (Arc::clone(&shared), Arc::clone(&start));
                thread::spawn(move || {
                    harness::chaos::join();
                    start.wait();
                    for i in 0..PER_THREAD {
                        stats.record(size(t, i));
                    }
                })
            })
            .collect();
        for handle in handles {
            if let Err(panic) = handle.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
    Round {
        requests: stats.requests(),
        bytes: stats.bytes(),
        largest: stats.largest(),
    }
}

fn counts_every_response_from_many_threads() {
    let requests = THREADS * PER_THREAD;
    let bytes: u64 = (0..THREADS)
        .map(|t| (0..PER_THREAD).map(|i| size(t, i)).sum::<u64>())
        .sum();
    let largest = size(THREADS - 1, PER_THREAD - 1);
    for _ in 0..ROUNDS {
        let seen = round();
        assert_eq!(
            seen.requests,
            requests,
            "after {THREADS} threads called record() {PER_THREAD} times each, at the same time, \
             and were joined, requests() returned {}; it should return {requests}. {} responses \
             went uncounted: adding to a count must be one atomic step (`fetch_add`), not a \
             `load` and then a `store`, whatever their `Ordering`",
            seen.requests,
            requests.abs_diff(seen.requests)
        );
        assert_eq!(
            seen.bytes, bytes,
            "after {THREADS} threads called record() {PER_THREAD} times each, at the same time, \
             and were joined, bytes() returned {}; it should return {bytes}: some additions were \
             lost (use `fetch_add`, one atomic step)",
            seen.bytes
        );
        assert_eq!(
            seen.largest, largest,
            "after {THREADS} threads recorded sizes up to {largest} at the same time, and were \
             joined, largest() returned {}: a smaller size overwrote the largest. Checking \
             \"is it larger?\" and then storing are two steps, and another thread can store a \
             larger size in between; `fetch_max` does both in one",
            seen.largest
        );
    }
}

harness::hidden_tests![
    starts_at_zero,
    counts_responses_on_one_thread,
    counts_every_response_from_many_threads,
];
