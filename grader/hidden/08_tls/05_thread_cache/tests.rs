//! Hidden tests for exercises/08_tls/05_thread_cache.rs: a per-thread cache that computes a value
//! once per thread, and that an invalidation from any thread makes stale on every thread, also
//! while a value is being computed.

use exercise::{cached, invalidate_all};
use harness::sync::Rendezvous;
use harness::time::{join, within};
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::Duration;

/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);

/// How long threads that should run side by side get to meet: shorter than [`HANG`].
const MEET: Duration = Duration::from_secs(2);

/// Calls `cached(key, …)` with a compute that returns `value` and counts itself in `calls`.
fn lookup(key: &str, value: &str, calls: &Cell<u32>) -> String {
    cached(key, || {
        calls.set(calls.get() + 1);
        value.to_owned()
    })
}

fn a_value_is_computed_once_per_thread_and_key() {
    within(HANG, "cached()", || {
        let calls = Cell::new(0);
        let first = lookup("config", "v1", &calls);
        let second = lookup("config", "v2", &calls);
        assert_eq!(
            (first.as_str(), second.as_str(), calls.get()),
            ("v1", "v1", 1),
            "two calls cached(\"config\", …) on one thread returned {first:?} and {second:?} and \
             ran compute {} time(s); the first should compute \"v1\" and the second return the \
             cached \"v1\" without computing",
            calls.get()
        );
        let other = lookup("template", "t1", &calls);
        assert_eq!(
            (other.as_str(), calls.get()),
            ("t1", 2),
            "cached(\"template\", …) after \"config\" was cached returned {other:?} after {} \
             compute call(s) in all; each key has its own value, so it should compute \"t1\"",
            calls.get()
        );
    });
}

fn each_thread_computes_and_keeps_its_own_value() {
    // Two threads cache the same key at the same time, each computing its own value.
    let both_cached = Arc::new(Rendezvous::new(2));
    let threads: Vec<_> = ["from-a", "from-b"]
        .into_iter()
        .map(|mine| {
            let both_cached = Arc::clone(&both_cached);
            thread::spawn(move || {
                let calls = Cell::new(0);
                let first = lookup("shared-key", mine, &calls);
                both_cached.meet(MEET, "two threads calling cached()");
                let again = lookup("shared-key", "recomputed", &calls);
                (mine, first, again, calls.get())
            })
        })
        .collect();
    for thread in threads {
        let (mine, first, again, calls) = join(thread, HANG, "a thread calling cached()");
        assert_eq!(
            (first.as_str(), again.as_str(), calls),
            (mine, mine, 1),
            "two threads each called cached(\"shared-key\", …) twice, the one whose compute \
             returns {mine:?} first; it got {first:?} and then {again:?}, after {calls} compute \
             call(s). Each thread should compute its own value once and keep it: the cache is \
             per thread"
        );
    }
}

fn invalidate_all_from_another_thread_makes_this_threads_value_stale() {
    within(HANG, "cached() and invalidate_all()", || {
        let calls = Cell::new(0);
        lookup("config", "old", &calls);
        join(
            thread::spawn(invalidate_all),
            HANG,
            "a thread calling invalidate_all()",
        );
        let after = lookup("config", "new", &calls);
        assert_eq!(
            (after.as_str(), calls.get()),
            ("new", 2),
            "this thread cached \"old\" for \"config\", another thread then called \
             invalidate_all(), and this thread's next cached(\"config\", …) returned {after:?} \
             after {} compute call(s) in all; it should compute again and return \"new\". \
             invalidate_all() must reach every thread's cache, not only its caller's (no thread \
             can clear another's thread-locals: compare a shared generation number instead)",
            calls.get()
        );
        let again = lookup("config", "newer", &calls);
        assert_eq!(
            (again.as_str(), calls.get()),
            ("new", 2),
            "after recomputing \"new\" following an invalidation, the next cached(\"config\", …) \
             returned {again:?} after {} compute call(s) in all; it should return the cached \
             \"new\" without computing",
            calls.get()
        );
    });
}

fn invalidate_all_makes_this_threads_own_value_stale() {
    within(HANG, "cached() and invalidate_all()", || {
        let calls = Cell::new(0);
        lookup("config", "old", &calls);
        invalidate_all();
        let after = lookup("config", "new", &calls);
        assert_eq!(
            after, "new",
            "a thread cached \"old\" for \"config\", called invalidate_all(), and then got \
             {after:?} from cached(\"config\", …); it should compute again and get \"new\""
        );
    });
}

fn every_thread_sees_an_invalidation() {
    const THREADS: usize = 4;
    let cached_once = Arc::new(Rendezvous::new(THREADS + 1));
    let invalidated = Arc::new(Rendezvous::new(THREADS + 1));
    let threads: Vec<_> = (0..THREADS)
        .map(|me| {
            let (cached_once, invalidated) = (Arc::clone(&cached_once), Arc::clone(&invalidated));
            thread::spawn(move || {
                let calls = Cell::new(0);
                lookup("config", "old", &calls);
                cached_once.meet(MEET, "threads that cached a value");
                invalidated.meet(MEET, "threads waiting for invalidate_all()");
                (me, lookup("config", "new", &calls))
            })
        })
        .collect();
    cached_once.meet(MEET, "threads that cached a value");
    invalidate_all();
    invalidated.meet(MEET, "threads waiting for invalidate_all()");
    for thread in threads {
        let (me, after) = join(thread, HANG, "a thread calling cached()");
        assert_eq!(
            after, "new",
            "{THREADS} threads cached \"old\" for \"config\", the main thread called \
             invalidate_all(), and thread {me}'s next cached(\"config\", …) returned {after:?}; \
             it should compute again and return \"new\""
        );
    }
}

fn a_value_computed_while_invalidate_all_ran_is_stale() {
    // compute() reads the old data and, before it returns, another thread changes the data and
    // calls invalidate_all(). What compute() returns is out of date: the next call must
    // compute again.
    within(
        HANG,
        "cached() while another thread calls invalidate_all()",
        || {
            let (computing, started) = mpsc::channel();
            let (invalidated, done) = mpsc::channel::<()>();
            let invalidator = thread::spawn(move || {
                started.recv_timeout(HANG).expect("compute() never started");
                invalidate_all();
                let _ = invalidated.send(());
            });
            let first = cached("config", || {
                let _ = computing.send(());
                done.recv_timeout(HANG)
                    .expect("the other thread never called invalidate_all()");
                "computed-from-old-data".to_owned()
            });
            join(invalidator, HANG, "a thread calling invalidate_all()");
            let calls = Cell::new(0);
            let after = lookup("config", "computed-from-new-data", &calls);
            assert_eq!(
                (first.as_str(), after.as_str()),
                ("computed-from-old-data", "computed-from-new-data"),
                "cached(\"config\", compute) returned {first:?}, and another thread called \
             invalidate_all() while compute() was running; the next cached(\"config\", …) then \
             returned {after:?}, which should have been computed again. A value whose \
             computation overlapped an invalidation may be built from old data: read the \
             generation before calling compute(), and tag the value with that one"
            );
        },
    );
}

fn compute_may_call_cached_for_another_key() {
    within(HANG, "cached() called from inside compute()", || {
        let page = cached("page", || {
            let header = cached("header", || "<h1>".to_owned());
            format!("{header}body")
        });
        assert_eq!(
            page, "<h1>body",
            "cached(\"page\", compute), whose compute() calls cached(\"header\", …), returned \
             {page:?}; it should return \"<h1>body\""
        );
        let calls = Cell::new(0);
        let header = lookup("header", "recomputed", &calls);
        assert_eq!(
            header, "<h1>",
            "cached(\"header\", …) after it was cached inside another key's compute() returned \
             {header:?}; it should return the cached \"<h1>\""
        );
    });
}

fn a_panicking_compute_caches_nothing() {
    within(HANG, "cached() after a panicking compute()", || {
        let panicked = panic::catch_unwind(AssertUnwindSafe(|| {
            cached("config", || panic!("the configuration file is missing"))
        }))
        .is_err();
        assert!(
            panicked,
            "cached(\"config\", compute) returned normally although compute() panicked; the \
             panic should go on to the caller"
        );
        let calls = Cell::new(0);
        let after = lookup("config", "loaded", &calls);
        assert_eq!(
            (after.as_str(), calls.get()),
            ("loaded", 1),
            "after a compute() for \"config\" panicked, the next cached(\"config\", …) returned \
             {after:?} after {} compute call(s); it should compute and return \"loaded\"",
            calls.get()
        );
    });
}

harness::hidden_tests![
    a_value_is_computed_once_per_thread_and_key,
    each_thread_computes_and_keeps_its_own_value,
    invalidate_all_from_another_thread_makes_this_threads_value_stale,
    invalidate_all_makes_this_threads_own_value_stale,
    every_thread_sees_an_invalidation,
    a_value_computed_while_invalidate_all_ran_is_stale,
    compute_may_call_cached_for_another_key,
    a_panicking_compute_caches_nothing,
];
