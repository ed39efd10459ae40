//! Hidden tests for exercises/07_queues/02_parallel_map.rs: every item mapped once, results in
//! the order of the items, `workers` calls of `f` at once on at most `workers` threads, and a
//! shared queue so that a slow item holds up nothing else.

use exercise::parallel_map;
use harness::sync::Rendezvous;
use harness::time::within;
use std::collections::HashSet;
use std::panic;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);
/// How long calls of `f` that should run at the same time wait for each other.
const MEET: Duration = Duration::from_secs(3);
/// A deadline for a call in which `f` may wait up to `HANG` for the other calls.
const SLOW: Duration = Duration::from_secs(8);

/// Counts calls of `f` that have finished, and lets one call wait for the others.
#[derive(Default)]
struct Finished {
    count: Mutex<usize>,
    changed: Condvar,
}

impl Finished {
    fn one_more(&self) {
        *self.count.lock().unwrap() += 1;
        self.changed.notify_all();
    }

    /// Waits until `count` calls have finished, or `HANG` passes; returns how many had.
    fn wait_for(&self, count: usize) -> usize {
        let guard = self.count.lock().unwrap();
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, HANG, |finished| *finished < count)
            .unwrap();
        *guard
    }
}

/// Runs a call of `parallel_map` on a thread of its own, and fails with a message naming it if it
/// has not returned within `SLOW` (which leaves room for an `f` that waits `HANG` for others).
fn map_within<T: Send + 'static>(what: &str, call: impl FnOnce() -> T + Send + 'static) -> T {
    let (done, result) = mpsc::channel();
    let caller = thread::spawn(move || {
        let _ = done.send(call());
    });
    match result.recv_timeout(SLOW) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Disconnected) => match caller.join() {
            Err(payload) => panic::resume_unwind(payload),
            Ok(()) => unreachable!("the caller sends its result before it ends"),
        },
        Err(mpsc::RecvTimeoutError::Timeout) => panic!(
            "{what} did not return within {} s. Does a loop wait on a channel that never ends? \
             A receiver's loop ends only once every sender is dropped: the workers' clones (when \
             they finish) and your own (drop it before you read the results)",
            SLOW.as_secs()
        ),
    }
}

fn maps_every_item_and_keeps_their_order() {
    let got = map_within("parallel_map() of 1 000 items on 4 workers", || {
        parallel_map((0..1_000u64).collect(), 4, |n| n * n + 1)
    });
    assert_eq!(
        got.len(),
        1_000,
        "parallel_map() of 1 000 items returned {} results; it should return one per item",
        got.len()
    );
    if let Some(n) = (0..got.len()).find(|&n| got[n] != (n as u64) * (n as u64) + 1) {
        panic!(
            "parallel_map((0..1000).collect(), 4, |n| n * n + 1) returned {} at index {n}; it \
             should return {} there (results in the order of the items)",
            got[n],
            n * n + 1
        );
    }
}

fn handles_no_items_and_more_workers_than_items() {
    let none = map_within("parallel_map() of no items on 3 workers", || {
        parallel_map(Vec::<u32>::new(), 3, |n| n + 1)
    });
    assert!(
        none.is_empty(),
        "parallel_map() of no items returned {none:?}; it should return an empty Vec"
    );
    let few = map_within("parallel_map() of 3 items on 8 workers", || {
        parallel_map(vec!["a", "bb", "ccc"], 8, str::len)
    });
    assert_eq!(
        few,
        vec![1, 2, 3],
        "parallel_map(vec![\"a\", \"bb\", \"ccc\"], 8, str::len) returned {few:?}"
    );
}

fn works_with_one_worker_and_panics_with_none() {
    let one = map_within("parallel_map(vec![1, 2, 3], 1, |n| n + 1)", || {
        parallel_map(vec![1, 2, 3], 1, |n: i32| n + 1)
    });
    assert_eq!(
        one,
        vec![2, 3, 4],
        "parallel_map(vec![1, 2, 3], 1, |n| n + 1) returned {one:?}"
    );
    let outcome = within(HANG, "parallel_map() with 0 workers", || {
        panic::catch_unwind(|| parallel_map(vec![1, 2, 3], 0, |n: i32| n))
    });
    assert!(
        outcome.is_err(),
        "parallel_map(vec![1, 2, 3], 0, f) returned {:?}; it should panic, since no worker could \
         ever map an item",
        outcome.unwrap_or_default()
    );
}

fn runs_as_many_calls_at_once_as_it_has_workers() {
    for workers in [2, 4] {
        let meeting = Arc::new(Rendezvous::new(workers));
        let deadline = Instant::now() + MEET;
        let outcomes = map_within(
            &format!("parallel_map() of {workers} items on {workers} workers"),
            move || {
                parallel_map(vec![(); workers], workers, |()| {
                    meeting.wait(deadline.saturating_duration_since(Instant::now()))
                })
            },
        );
        if let Some(Err(arrived)) = outcomes.iter().find(|outcome| outcome.is_err()) {
            panic!(
                "parallel_map() of {workers} items on {workers} workers, with an f that waits \
                 until {workers} calls run at once, had only {arrived} of its calls of f running \
                 at the same time; it should run {workers}. Does it start every worker before waiting \
                 for any? Does a worker hold a lock (on the queue) while it runs f?"
            );
        }
    }
}

fn never_runs_f_on_more_threads_than_workers() {
    let threads: Arc<Mutex<HashSet<ThreadId>>> = Arc::default();
    let seen = Arc::clone(&threads);
    map_within("parallel_map() of 200 items on 3 workers", move || {
        parallel_map((0..200).collect(), 3, |n: u32| {
            seen.lock().unwrap().insert(thread::current().id());
            thread::yield_now();
            n
        })
    });
    let count = threads.lock().unwrap().len();
    assert!(
        count <= 3,
        "parallel_map() of 200 items on 3 workers ran f on {count} different threads; it should \
         use at most 3 (start the workers once, and let each take item after item from the \
         queue, rather than a thread per item)"
    );
}

fn results_come_back_in_order_even_when_later_items_finish_first() {
    // Item 0 waits until item 5 has started: by then the other worker has finished items 1 to
    // 4, so the results are certainly finished out of order.
    let started = Arc::new(Finished::default());
    let got = map_within("parallel_map() of 6 items on 2 workers", move || {
        parallel_map((0..6).collect(), 2, |n: usize| {
            if n == 0 {
                started.wait_for(1);
            } else if n == 5 {
                started.one_more();
            }
            n * 10
        })
    });
    assert_eq!(
        got,
        vec![0, 10, 20, 30, 40, 50],
        "parallel_map((0..6).collect(), 2, |n| n * 10), whose item 0 was the last to finish, \
         returned {got:?}; the results should be in the order of the items, whatever order \
         they finish in (send each result with its index, and put it back in its place)"
    );
}

fn a_slow_item_does_not_hold_up_the_others() {
    // Item 0 waits until items 1 to 9 have all been mapped: the second worker must do them all.
    let finished = Arc::new(Finished::default());
    let done_by_then = Arc::new(AtomicUsize::new(0));
    let (others, saw) = (Arc::clone(&finished), Arc::clone(&done_by_then));
    map_within("parallel_map() of 10 items on 2 workers", move || {
        parallel_map((0..10).collect(), 2, |n: usize| {
            if n == 0 {
                saw.store(others.wait_for(9), Ordering::SeqCst);
            } else {
                others.one_more();
            }
            n
        })
    });
    let done = done_by_then.load(Ordering::SeqCst);
    assert_eq!(
        done, 9,
        "parallel_map() of 10 items on 2 workers, where f(0) waits for the 9 other items: after \
         5 s only {done} of them had been mapped. While one worker is busy, the other should take \
         every next item from the shared queue; do not deal the items out to the workers up \
         front"
    );
}

harness::hidden_tests![
    maps_every_item_and_keeps_their_order,
    handles_no_items_and_more_workers_than_items,
    works_with_one_worker_and_panics_with_none,
    runs_as_many_calls_at_once_as_it_has_workers,
    never_runs_f_on_more_threads_than_workers,
    results_come_back_in_order_even_when_later_items_finish_first,
    a_slow_item_does_not_hold_up_the_others,
];
