//! Hidden tests of atomics/progress: results published one by one, counted and read back in
//! order, and never read before they are written.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use exercise::Progress;
use harness::chaos::Chaos;
use harness::time::within;
use harness::types::assert_send_sync;

/// How long a few calls on one thread may take before the test calls them hung.
const HANG: Duration = Duration::from_secs(5);

fn starts_with_nothing_done() {
    assert_send_sync::<Progress>();
    let (done, results, empty_done) = within(HANG, "Progress::new(3), done(), results()", || {
        let progress = Progress::new(3);
        let empty = Progress::new(0);
        (progress.done(), progress.results(), empty.done())
    });
    assert_eq!(done, 0, "Progress::new(3).done() returned {done}; nothing is done yet, so 0");
    assert!(
        results.is_empty(),
        "Progress::new(3).results() returned {results:?}; nothing was pushed yet, so []"
    );
    assert_eq!(empty_done, 0, "Progress::new(0).done() returned {empty_done}; expected 0");
}

fn results_come_back_in_order_on_one_thread() {
    let seen = within(HANG, "push() and results() on one thread", || {
        let progress = Progress::new(3);
        let mut seen = Vec::new();
        for result in [7, 0, 9] {
            progress.push(result);
            seen.push((progress.done(), progress.results()));
        }
        seen
    });
    let expected = vec![(1, vec![7]), (2, vec![7, 0]), (3, vec![7, 0, 9])];
    assert_eq!(
        seen, expected,
        "after each of push(7), push(0), push(9), (done(), results()) were {seen:?}; they should \
         be {expected:?}"
    );
}

fn pushing_past_the_end_panics_and_changes_nothing() {
    let (refused, done, results) = within(HANG, "push() on a full Progress", || {
        let progress = Progress::new(2);
        progress.push(1);
        progress.push(2);
        let refused = catch_unwind(AssertUnwindSafe(|| {
            harness::without_recording_panics(|| progress.push(3))
        }))
        .is_err();
        (refused, progress.done(), progress.results())
    });
    assert!(
        refused,
        "on a Progress::new(2), push(1), push(2) and then push(3) returned normally; a push after \
         all the results are in should panic"
    );
    assert_eq!(
        (done, &results),
        (2, &vec![1, 2]),
        "after push(1), push(2) and a refused push(3) on a Progress::new(2), done() returned \
         {done} and results() {results:?}; they should still be 2 and [1, 2]"
    );
}

/// Rounds of a worker filling a fresh table of `LEN` results while a watcher reads it.
const ROUNDS: usize = 2_000;
const LEN: usize = 64;

/// The result the worker pushes for item `i`: never 0, so that a slot read before it was
/// written shows.
fn result(i: usize) -> u64 {
    i as u64 * 3 + 1
}

fn watchers_never_see_a_result_before_it_is_written() {
    // Forced preemption stops the worker between its two steps (store the result, announce it)
    // now and then, so a watcher gets to look in between.
    let _chaos = Chaos::start(Duration::from_micros(50));
    let problem = within(
        Duration::from_secs(20),
        "a worker pushing results while another thread reads them",
        || {
            for _ in 0..ROUNDS {
                let progress = Arc::new(Progress::new(LEN));
                let finished = Arc::new(AtomicBool::new(false));
                let worker = {
                    let (progress, finished) = (Arc::clone(&progress), Arc::clone(&finished));
                    thread::spawn(move || {
                        harness::chaos::join();
                        for i in 0..LEN {
                            progress.push(result(i));
                        }
                        finished.store(true, Ordering::SeqCst);
                    })
                };
                harness::chaos::join();
                let mut last_done = 0;
                let problem = loop {
                    let over = finished.load(Ordering::SeqCst);
                    let done = progress.done();
                    let results = progress.results();
                    if let Some(i) = (0..results.len()).find(|&i| results[i] != result(i)) {
                        break Some(format!(
                            "results() returned {} for item {i} while the worker was pushing; \
                             the worker pushed {} for it. A watcher read the slot before the \
                             result was in it: store the result first, then publish it by \
                             storing `done` with `Release`, and read `done` with `Acquire` \
                             before reading the slots",
                            results[i],
                            result(i)
                        ));
                    }
                    if done < last_done || results.len() < done {
                        break Some(format!(
                            "done() returned {last_done} and then {done}, and results() then \
                             held {} results: the count of results in must never go down",
                            results.len()
                        ));
                    }
                    last_done = done;
                    if over && results.len() == LEN {
                        break None;
                    }
                    // Let the worker run, also when both threads share one processor.
                    thread::yield_now();
                    if over && done == LEN && results.len() != LEN {
                        break Some(format!(
                            "after the worker pushed all {LEN} results, results() held {}",
                            results.len()
                        ));
                    }
                };
                if let Err(panic) = worker.join() {
                    std::panic::resume_unwind(panic);
                }
                if problem.is_some() {
                    return problem;
                }
            }
            None
        },
    );
    if let Some(problem) = problem {
        panic!("{problem}");
    }
}

harness::hidden_tests![
    starts_with_nothing_done,
    results_come_back_in_order_on_one_thread,
    pushing_past_the_end_panics_and_changes_nothing,
    watchers_never_see_a_result_before_it_is_written,
];
