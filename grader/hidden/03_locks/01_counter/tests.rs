//! Hidden tests of locks/counter: every update counted, from any number of threads at once.

use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use exercise::Counter;
use harness::chaos::Chaos;
use harness::time::within;
use harness::types::assert_send_sync;

/// Threads hammering the counter at once. On two idle cores, an update that is not one
/// indivisible step is lost thousands of times in one round; on a busy machine the threads may
/// take turns instead, so the hammering is repeated, and forced preemption (`Chaos`) stops
/// threads half-way through their updates.
const THREADS: usize = 4;
const PER_THREAD: u64 = 250_000;
/// Rounds of hammering; the first lost update ends the test.
const ROUNDS: usize = 8;

/// How long the hammering may take before the test calls it a hang; a correct counter needs a
/// fraction of this even on a loaded machine.
const LIMIT: Duration = Duration::from_secs(8);

fn starts_at_zero() {
    assert_send_sync::<Counter>();
    let counter = Counter::new();
    let value = counter.get();
    assert_eq!(value, 0, "a new Counter returned {value} from get(); it should start at 0");
}

fn counts_increments_and_adds_on_one_thread() {
    let counter = Counter::new();
    counter.increment();
    counter.increment();
    counter.add(5);
    counter.add(0);
    counter.increment();
    let value = counter.get();
    assert_eq!(
        value, 8,
        "after increment(), increment(), add(5), add(0), increment() on one thread, get() \
         returned {value}; it should return 8"
    );
}

/// Starts `THREADS` threads together behind a barrier, each calling `step` `PER_THREAD` times,
/// and returns the counter's final value as seen by the calling thread.
fn hammer(step: fn(&Counter)) -> u64 {
    let counter = Arc::new(Counter::new());
    let start = Arc::new(Barrier::new(THREADS));
    let counter_for_threads = Arc::clone(&counter);
    // Interrupt the threads all the time, so that they collide even on a busy machine.
    let _chaos = Chaos::start(Duration::from_micros(50));
    within(LIMIT, "calling the counter from 4 threads at once", move || {
        let handles: Vec<_> = (0..THREADS)
            .map(|_| {
                let counter = Arc::clone(&counter_for_threads);
                let start = Arc::clone(&start);
                thread::spawn(move || {
                    harness::chaos::join();
                    start.wait();
                    for _ in 0..PER_THREAD {
                        step(&counter);
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
    counter.get()
}

fn counts_every_increment_from_many_threads() {
    let expected = THREADS as u64 * PER_THREAD;
    let value = (0..ROUNDS)
        .map(|_| hammer(Counter::increment))
        .find(|value| *value != expected)
        .unwrap_or(expected);
    assert_eq!(
        value,
        expected,
        "after {THREADS} threads called increment() {PER_THREAD} times each, at the same time, \
         get() returned {value}; it should return {expected}. {} increments were lost: reading \
         the count and writing it back must happen as one step that no other thread can \
         interrupt",
        expected.saturating_sub(value)
    );
}

fn counts_every_add_from_many_threads() {
    let expected = THREADS as u64 * PER_THREAD * 3;
    let value = (0..ROUNDS)
        .map(|_| hammer(|counter| counter.add(3)))
        .find(|value| *value != expected)
        .unwrap_or(expected);
    assert_eq!(
        value,
        expected,
        "after {THREADS} threads called add(3) {PER_THREAD} times each, at the same time, get() \
         returned {value}; it should return {expected}. Some additions were lost: if add() reads \
         the count under one lock and writes it under another, or reads and writes an atomic \
         separately, another thread can update it in between"
    );
}

fn the_count_is_shared_by_every_thread() {
    let counter = Arc::new(Counter::new());
    let handles: Vec<_> = (0..3)
        .map(|_| {
            let counter = Arc::clone(&counter);
            thread::spawn(move || counter.add(10))
        })
        .collect();
    for handle in handles {
        handle.join().expect("a thread calling add(10) panicked");
    }
    let value = counter.get();
    assert_eq!(
        value, 30,
        "three threads each called add(10) and then ended; get() on the main thread returned \
         {value}, but it should return 30. Every thread must update the same count, not a \
         copy of its own"
    );
}

harness::hidden_tests![
    starts_at_zero,
    counts_increments_and_adds_on_one_thread,
    the_count_is_shared_by_every_thread,
    counts_every_increment_from_many_threads,
    counts_every_add_from_many_threads,
];
