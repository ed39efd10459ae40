//! Hidden tests of threads/spawn_workers: every call on a thread of its own, all running at once,
//! results in index order whatever the order of finishing.

use std::collections::HashSet;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use exercise::spawn_workers;
use harness::sync::Rendezvous;
use harness::time::within;
use harness::watched::WatchedThread;

/// How long a worker waits for the others before the test calls it "not at the same time"; a
/// correct solution needs a tiny fraction of it, even on a busy machine.
const PATIENCE: Duration = Duration::from_secs(5);
/// A deadline for the whole call: only a hang takes this long.
const HANG: Duration = Duration::from_secs(8);
/// How long the calling thread must sit asleep and unchanged to count as blocked (in `join`, say)
/// rather than between two turns of a polling loop.
const CALLER_BLOCKED: Duration = Duration::from_millis(250);

/// What a worker saw that it should not have; the first one is reported.
#[derive(Default)]
struct Trouble {
    gave_up: AtomicBool,
    first: Mutex<Option<String>>,
}

impl Trouble {
    /// Records `what`, and tells every later worker not to wait: a solution that runs workers
    /// one at a time would otherwise make each of them wait out its patience in turn.
    fn report(&self, what: String) {
        self.gave_up.store(true, Ordering::SeqCst);
        self.first.lock().unwrap().get_or_insert(what);
    }

    fn has_given_up(&self) -> bool {
        self.gave_up.load(Ordering::SeqCst)
    }

    fn assert_none(&self) {
        if let Some(what) = self.first.lock().unwrap().take() {
            panic!("{what}");
        }
    }
}

fn calls_f_once_for_each_index_and_returns_its_results_in_order() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&calls);
    let results = within(HANG, "spawn_workers(10, …)", move || {
        spawn_workers(10, move |i| {
            counted.fetch_add(1, Ordering::SeqCst);
            i * i
        })
    });
    let expected: Vec<usize> = (0..10).map(|i| i * i).collect();
    assert_eq!(
        results, expected,
        "spawn_workers(10, |i| i * i) returned {results:?}; it should return {expected:?}"
    );
    let calls = calls.load(Ordering::SeqCst);
    assert_eq!(
        calls, 10,
        "spawn_workers(10, f) called f {calls} times; it should call it once for each index"
    );
}

fn zero_workers_return_an_empty_vec_without_calling_f() {
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&calls);
    let results = within(HANG, "spawn_workers(0, …)", move || {
        spawn_workers(0, move |i| {
            counted.fetch_add(1, Ordering::SeqCst);
            i
        })
    });
    assert!(
        results.is_empty(),
        "spawn_workers(0, f) returned {results:?}; it should return an empty Vec"
    );
    let calls = calls.load(Ordering::SeqCst);
    assert_eq!(
        calls, 0,
        "spawn_workers(0, f) called f {calls} times; it should not call it"
    );
}

fn each_call_runs_on_a_thread_of_its_own() {
    const N: usize = 8;
    let (caller, ids): (ThreadId, Vec<ThreadId>) = within(HANG, "spawn_workers(8, …)", || {
        (
            thread::current().id(),
            spawn_workers(N, |_| thread::current().id()),
        )
    });
    assert!(
        !ids.contains(&caller),
        "f ran on the thread that called spawn_workers; each f(i) should run on a new thread"
    );
    let distinct: HashSet<_> = ids.iter().collect();
    assert_eq!(
        distinct.len(),
        N,
        "spawn_workers({N}, f) ran f on {} different threads; each of the {N} calls should run \
         on a thread of its own",
        distinct.len()
    );
}

fn all_workers_run_at_the_same_time() {
    const N: usize = 6;
    let meeting = Arc::new(Rendezvous::new(N));
    let trouble = Arc::new(Trouble::default());
    let (meeting_in, trouble_in) = (Arc::clone(&meeting), Arc::clone(&trouble));
    within(HANG, "spawn_workers(6, …)", move || {
        spawn_workers(N, move |i| {
            if trouble_in.has_given_up() {
                return;
            }
            if let Err(arrived) = meeting_in.wait(PATIENCE) {
                trouble_in.report(format!(
                    "f({i}) waited {} s for the other workers, and only {arrived} of the {N} \
                     calls were running at once: spawn_workers should start every thread \
                     before joining any (joining each one right after spawning it runs them \
                     one at a time)",
                    PATIENCE.as_secs()
                ));
            }
        })
    });
    trouble.assert_none();
}

/// Signals that a thread has ended: dropped by the thread-local destructors that run when the
/// thread exits, after its closure has returned and its result has been handed over.
struct SignalAtExit(Arc<(Mutex<Vec<bool>>, Condvar)>, usize);

impl Drop for SignalAtExit {
    fn drop(&mut self) {
        let (ended, changed) = &*self.0;
        ended.lock().unwrap()[self.1] = true;
        changed.notify_all();
    }
}

thread_local! {
    static AT_EXIT: std::cell::RefCell<Option<SignalAtExit>> = const { std::cell::RefCell::new(None) };
}

fn results_are_in_index_order_even_when_later_workers_finish_first() {
    // Worker i does not return until worker i + 1's thread has ended, so the threads end in
    // the order N - 1, N - 2, …, 0: a solution that collects results as they come returns them
    // backwards, every time. Before returning, worker i also waits until the thread that called
    // spawn_workers has certainly run since worker i + 1 ended (or sits blocked, as in `join`):
    // a loop polling `is_finished` then sees each thread end on its own, never all at once.
    const N: usize = 6;
    let ended = Arc::new((Mutex::new(vec![false; N]), Condvar::new()));
    let trouble = Arc::new(Trouble::default());
    let (ended_in, trouble_in) = (Arc::clone(&ended), Arc::clone(&trouble));
    let results = within(HANG, "spawn_workers(6, …)", move || {
        let caller = WatchedThread::current();
        spawn_workers(N, move |i| {
            AT_EXIT.with(|slot| {
                *slot.borrow_mut() = Some(SignalAtExit(Arc::clone(&ended_in), i));
            });
            if i + 1 < N && !trouble_in.has_given_up() {
                let (flags, changed) = &*ended_in;
                let deadline = Instant::now() + PATIENCE;
                let mut flags = flags.lock().unwrap();
                while !flags[i + 1] {
                    let now = Instant::now();
                    if now >= deadline {
                        trouble_in.report(format!(
                            "f({i}) waited {} s for the thread of f({}) to end, and it did not: \
                             are the workers running at the same time, each on a thread of its \
                             own?",
                            PATIENCE.as_secs(),
                            i + 1
                        ));
                        break;
                    }
                    flags = changed.wait_timeout(flags, deadline - now).unwrap().0;
                }
                drop(flags);
                caller.wait_until_it_has_run(CALLER_BLOCKED);
            }
            i * 100
        })
    });
    trouble.assert_none();
    let expected: Vec<usize> = (0..N).map(|i| i * 100).collect();
    assert_eq!(
        results, expected,
        "the workers finished in the order f(5), f(4), …, f(0), and spawn_workers returned \
         {results:?}; it should return the results in index order, {expected:?}, whatever the \
         order in which the threads finish"
    );
}

fn a_panicking_worker_makes_spawn_workers_panic_instead_of_returning() {
    let outcome = within(HANG, "spawn_workers(4, …) with f(2) panicking", || {
        panic::catch_unwind(AssertUnwindSafe(|| {
            spawn_workers(4, |i| {
                if i == 2 {
                    panic!("worker 2 fails on purpose");
                }
                i
            })
        }))
    });
    if let Ok(results) = outcome {
        panic!(
            "f(2) panicked, yet spawn_workers(4, f) returned {results:?}; there is no result for \
             index 2, so spawn_workers should panic too (joining its thread gives Err)"
        );
    }
}

harness::hidden_tests![
    calls_f_once_for_each_index_and_returns_its_results_in_order,
    zero_workers_return_an_empty_vec_without_calling_f,
    each_call_runs_on_a_thread_of_its_own,
    all_workers_run_at_the_same_time,
    results_are_in_index_order_even_when_later_workers_finish_first,
    a_panicking_worker_makes_spawn_workers_panic_instead_of_returning,
];
