//! Hidden tests of threads/parallel_map: borrowed items mapped on scoped threads that run at
//! once, one contiguous chunk each, results in the order of the items.

use std::collections::HashSet;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread::{self, ThreadId};
use std::time::Duration;

use exercise::parallel_map;
use harness::sync::Rendezvous;

/// How long a call waits for the others before the test calls it "not at the same time".
const PATIENCE: Duration = Duration::from_secs(5);

/// An item that cannot be cloned or copied: a solution has to borrow it.
struct Reading {
    value: u64,
}

fn readings(n: u64) -> Vec<Reading> {
    (0..n).map(|value| Reading { value }).collect()
}

fn maps_every_item_in_order() {
    let items = readings(1000);
    let calls = AtomicUsize::new(0);
    let doubled = parallel_map(&items, 7, |reading| {
        calls.fetch_add(1, Ordering::SeqCst);
        reading.value * 2
    });
    let expected: Vec<u64> = (0..1000).map(|v| v * 2).collect();
    if doubled != expected {
        let first_wrong = doubled
            .iter()
            .zip(&expected)
            .position(|(got, want)| got != want)
            .unwrap_or(doubled.len().min(expected.len()));
        panic!(
            "parallel_map(&items, 7, |r| r.value * 2) over the values 0..1000 returned {} results, \
             the first wrong one at index {first_wrong}; it should return every value doubled, \
             in the order of the items",
            doubled.len()
        );
    }
    let calls = calls.load(Ordering::SeqCst);
    assert_eq!(
        calls, 1000,
        "f was called {calls} times for 1000 items; it should be called once per item"
    );
}

fn handles_no_items_and_fewer_items_than_threads() {
    let none: Vec<Reading> = Vec::new();
    let mapped = parallel_map(&none, 4, |reading| reading.value);
    assert!(
        mapped.is_empty(),
        "parallel_map over no items returned {mapped:?}; it should return an empty Vec"
    );
    let three = readings(3);
    let mapped = parallel_map(&three, 8, |reading| reading.value + 1);
    assert_eq!(
        mapped,
        vec![1, 2, 3],
        "parallel_map over the values 0, 1, 2 with 8 threads and f = value + 1 returned {mapped:?}; it should return [1, 2, 3]"
    );
}

fn zero_threads_is_refused_with_a_panic() {
    let items = readings(4);
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| parallel_map(&items, 0, |r| r.value)));
    if let Ok(mapped) = outcome {
        panic!(
            "parallel_map(&items, 0, f) returned {mapped:?}; with 0 threads nothing can run, so it \
             should panic with a message saying threads must be at least 1"
        );
    }
}

fn a_panic_in_f_reaches_the_caller() {
    // Item 5 panics, in the second of three chunks: whatever the threads' order, that chunk has
    // no results, so parallel_map cannot return one for every item.
    let items = readings(9);
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
        parallel_map(&items, 3, |r| {
            if r.value == 5 {
                panic!("f fails on item 5 on purpose");
            }
            r.value
        })
    }));
    if let Ok(mapped) = outcome {
        panic!(
            "f panicked on item 5 of 9, yet parallel_map(&items, 3, f) returned {mapped:?}; \
             there is no result for item 5, so parallel_map should panic too (joining the \
             thread that panicked gives Err: pass the panic on, or unwrap it)"
        );
    }
}

fn every_item_gets_a_thread_of_its_own_when_threads_equal_items_and_they_run_at_once() {
    const N: u64 = 5;
    let items = readings(N);
    let meeting = Rendezvous::new(N as usize);
    let gave_up = AtomicBool::new(false);
    let trouble = Mutex::new(None);
    let caller = thread::current().id();
    let ids: Vec<ThreadId> = parallel_map(&items, N as usize, |reading| {
        if !gave_up.load(Ordering::SeqCst)
            && let Err(arrived) = meeting.wait(PATIENCE)
        {
            gave_up.store(true, Ordering::SeqCst);
            trouble.lock().unwrap().get_or_insert(format!(
                "with {N} items and {N} threads, f(item {}) waited {} s for the others and only \
                 {arrived} of the {N} calls were running at once; each chunk should run on its own \
                 thread, all of them at the same time (spawn them all before joining any)",
                reading.value,
                PATIENCE.as_secs()
            ));
        }
        thread::current().id()
    });
    if let Some(what) = trouble.lock().unwrap().take() {
        panic!("{what}");
    }
    assert!(
        !ids.contains(&caller),
        "f ran on the thread that called parallel_map; the chunks should run on threads of their own"
    );
    let distinct: HashSet<_> = ids.iter().collect();
    assert_eq!(
        distinct.len(),
        N as usize,
        "with {N} items and {N} threads, f ran on {} different threads; each item should get a \
         thread of its own",
        distinct.len()
    );
}

fn uses_no_more_threads_than_asked_and_keeps_chunks_contiguous() {
    let items = readings(100);
    let ids: Vec<ThreadId> = parallel_map(&items, 4, |_| thread::current().id());
    let distinct: HashSet<_> = ids.iter().collect();
    assert!(
        (2..=4).contains(&distinct.len()),
        "parallel_map over 100 items with 4 threads ran f on {} different threads; it should use \
         up to 4 (one per chunk), and more than one",
        distinct.len()
    );
    // Contiguous chunks: once a thread's run of items ends, that thread never comes back.
    let mut finished = HashSet::new();
    for pair in ids.windows(2) {
        if pair[0] != pair[1] {
            finished.insert(pair[0]);
            assert!(
                !finished.contains(&pair[1]),
                "items of one thread were not next to each other; each thread should take one \
                 contiguous chunk of the items (slice::chunks)"
            );
        }
    }
}

harness::hidden_tests![
    maps_every_item_in_order,
    handles_no_items_and_fewer_items_than_threads,
    zero_threads_is_refused_with_a_panic,
    a_panic_in_f_reaches_the_caller,
    every_item_gets_a_thread_of_its_own_when_threads_equal_items_and_they_run_at_once,
    uses_no_more_threads_than_asked_and_keeps_chunks_contiguous,
];
