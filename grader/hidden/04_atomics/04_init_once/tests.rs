//! Hidden tests of atomics/init_once: the set-up runs once, late callers sleep until it is
//! done, and a set-up that panics leaves the way open for the next one.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

use exercise::InitOnce;
use harness::awake;
use harness::time::within;
use harness::types::assert_send_sync;
use harness::watched::WatchedThread;

/// How long a call that should return soon may take before the test calls it hung.
const HANG: Duration = Duration::from_secs(5);

/// How long the test watches threads that should be asleep.
const WATCH: Duration = Duration::from_millis(300);

fn runs_f_once_on_one_thread() {
    assert_send_sync::<InitOnce>();
    let (before, first, after, second) = within(HANG, "call_once() twice on one thread", || {
        let once = InitOnce::new();
        let before = once.is_completed();
        let mut runs = 0;
        once.call_once(|| runs += 1);
        let first = runs;
        let after = once.is_completed();
        once.call_once(|| runs += 1);
        (before, first, after, runs)
    });
    assert!(!before, "a new InitOnce said is_completed() == true; nothing has run yet");
    assert_eq!(first, 1, "the first call_once(f) ran f {first} times; it should run it once");
    assert!(after, "after call_once(f) returned, is_completed() was false; f had finished");
    assert_eq!(
        second, 1,
        "a second call_once(g) on the same InitOnce ran g: the set-up had already run, so it \
         should return without running anything"
    );
}

fn a_panicking_f_leaves_it_as_if_never_called() {
    let (propagated, completed, retried, ran, completed_after) = within(
        HANG * 2,
        "call_once() after a call whose f panicked",
        || {
            let once = InitOnce::new();
            let first = catch_unwind(AssertUnwindSafe(|| {
                harness::without_recording_panics(|| {
                    once.call_once(|| panic!("the set-up failed"));
                })
            }));
            let propagated = first.err().is_some_and(|payload| {
                payload.downcast_ref::<&str>() == Some(&"the set-up failed")
            });
            let completed = once.is_completed();
            let mut ran = false;
            let retried = catch_unwind(AssertUnwindSafe(|| once.call_once(|| ran = true)));
            (propagated, completed, retried.is_ok(), ran, once.is_completed())
        },
    );
    assert!(
        propagated,
        "call_once(f) with an f that panics did not pass f's panic on to its caller"
    );
    assert!(
        !completed,
        "after call_once(f) with an f that panicked, is_completed() was true; f never finished, \
         so it should be false"
    );
    assert!(
        retried,
        "after a call_once(f) whose f panicked, the next call_once(g) panicked too (see the \
         message above); the failed call must leave the InitOnce as if it had never been made, \
         so g should run. (A Mutex is poisoned when a panic unwinds through its guard: \
         `lock().unwrap_or_else(PoisonError::into_inner)` takes it anyway.)"
    );
    assert!(
        ran && completed_after,
        "after a call_once(f) whose f panicked, call_once(g) returned without running g (ran: \
         {ran}, is_completed: {completed_after}); g should run, since no set-up has finished"
    );
}

/// Rounds of `THREADS` threads calling `call_once` on a fresh `InitOnce` at the same moment.
const ROUNDS: usize = 50;
const THREADS: usize = 4;

fn racing_callers_run_f_once_and_return_after_it() {
    let problem = within(Duration::from_secs(20), "4 threads calling call_once() at once", || {
        for _ in 0..ROUNDS {
            let once = Arc::new(InitOnce::new());
            let runs = Arc::new(AtomicUsize::new(0));
            let finished = Arc::new(AtomicBool::new(false));
            let start = Arc::new(Barrier::new(THREADS));
            let handles: Vec<_> = (0..THREADS)
                .map(|_| {
                    let (once, runs, finished, start) = (
                        Arc::clone(&once),
                        Arc::clone(&runs),
                        Arc::clone(&finished),
                        Arc::clone(&start),
                    );
                    thread::spawn(move || {
                        start.wait();
                        once.call_once(|| {
                            runs.fetch_add(1, Ordering::SeqCst);
                            // A set-up that takes a moment: the other callers arrive while it
                            // runs, even on one processor.
                            thread::sleep(Duration::from_millis(1));
                            finished.store(true, Ordering::SeqCst);
                        });
                        finished.load(Ordering::SeqCst)
                    })
                })
                .collect();
            let mut early = false;
            for handle in handles {
                early |= !handle.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
            }
            let runs = runs.load(Ordering::SeqCst);
            if runs != 1 {
                return Some(format!(
                    "{THREADS} threads called call_once(f) at the same moment, and f ran {runs} \
                     times; it should run once. Deciding that f must run and claiming the right \
                     to run it must be one step (take a lock, then look at `done` again)"
                ));
            }
            if early {
                return Some(format!(
                    "{THREADS} threads called call_once(f) at the same moment, and one of them \
                     returned while f was still running: a caller that finds f running must \
                     wait until it has finished (`done` may only be set after f returns)"
                ));
            }
        }
        None
    });
    if let Some(problem) = problem {
        panic!("{problem}");
    }
}

/// Starts a thread that calls `call_once` with an `f` that says it has started, waits for the
/// test's word, and then returns, or panics if `panic` is set. Returns the handle, and the
/// sender that lets `f` go on.
fn slow_set_up(
    once: &Arc<InitOnce>,
    panic: bool,
) -> (thread::JoinHandle<()>, mpsc::Sender<()>) {
    let (go_on, word) = mpsc::channel::<()>();
    let (started, inside) = mpsc::channel::<()>();
    let once = Arc::clone(once);
    let handle = thread::spawn(move || {
        once.call_once(|| {
            let _ = started.send(());
            let _ = word.recv_timeout(Duration::from_secs(10));
            if panic {
                harness::without_recording_panics(|| panic!("the slow set-up failed"));
            }
        });
    });
    inside
        .recv_timeout(HANG)
        .expect("the first call_once(f) did not call f within 5 s");
    (handle, go_on)
}

/// Starts a thread that calls `call_once(g)`, where `g` counts its runs in `runs` and then takes
/// a moment (so that another waiter woken with this one looks while `g` runs); returns what
/// says whether the call returned, and the thread, to watch.
fn late_caller(
    once: &Arc<InitOnce>,
    runs: &Arc<AtomicUsize>,
) -> (mpsc::Receiver<()>, WatchedThread) {
    let (returned, has_returned) = mpsc::channel::<()>();
    let (me, watched) = mpsc::channel::<WatchedThread>();
    let (once, runs) = (Arc::clone(once), Arc::clone(runs));
    thread::spawn(move || {
        let _ = me.send(WatchedThread::current());
        once.call_once(|| {
            runs.fetch_add(1, Ordering::SeqCst);
            thread::sleep(Duration::from_millis(200));
        });
        let _ = returned.send(());
    });
    let watched = watched.recv_timeout(HANG).expect("a test thread did not start");
    (has_returned, watched)
}

/// Waits for a late caller's word that its `call_once` returned; panics with `hung` if it did
/// not within 5 s, or with what happened if it panicked.
fn expect_return(returned: &mpsc::Receiver<()>, hung: &str) {
    match returned.recv_timeout(HANG) {
        Ok(()) => {}
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{hung}"),
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!(
            "a thread waiting in call_once(g) while another thread's f ran panicked instead of \
             returning"
        ),
    }
}

fn late_callers_sleep_until_f_has_finished() {
    let once = Arc::new(InitOnce::new());
    let runs = Arc::new(AtomicUsize::new(0));
    let (first, go_on) = slow_set_up(&once, false);
    let late = [late_caller(&once, &runs), late_caller(&once, &runs)];
    for (_, thread) in &late {
        thread.wait_until_asleep(3, Duration::from_secs(2));
    }
    for (returned, _) in &late {
        assert!(
            returned.try_recv().is_err(),
            "call_once(g) returned while another thread's f was still running; it should wait \
             until that f has finished"
        );
    }
    let activity = awake::watch(WATCH);
    assert!(
        !activity.busy(),
        "while two threads waited in call_once() for another thread's f to finish, {}; waiting \
         threads should sleep (in a Mutex's lock(), say), not loop checking a flag",
        activity
    );
    let _ = go_on.send(());
    first
        .join()
        .expect("the thread running the slow f panicked");
    for (returned, _) in &late {
        expect_return(
            returned,
            "two threads waited in call_once() while another ran f; after f finished, one of \
             them did not return within 5 s: every waiting caller must be woken (if you wait \
             on a Condvar, wake them all, and change what they wait for under the lock)",
        );
    }
    let runs = runs.load(Ordering::SeqCst);
    assert_eq!(
        runs, 0,
        "two threads called call_once(g) while another thread's f was running, and g ran {runs} \
         times after f finished; f completed, so g should never run"
    );
    assert!(once.is_completed(), "after f finished, is_completed() was false");
}

fn a_waiter_takes_over_when_f_panics() {
    let once = Arc::new(InitOnce::new());
    let runs = Arc::new(AtomicUsize::new(0));
    let (first, go_on) = slow_set_up(&once, true);
    let late = [late_caller(&once, &runs), late_caller(&once, &runs)];
    for (_, thread) in &late {
        thread.wait_until_asleep(3, Duration::from_secs(2));
    }
    let _ = go_on.send(());
    assert!(
        first.join().is_err(),
        "call_once(f) returned normally although f panicked; the panic should reach its caller"
    );
    for (returned, _) in &late {
        expect_return(
            returned,
            "two threads waited in call_once(g) while another thread's f ran and then panicked; \
             one of them did not return within 5 s: after a panicking f, one waiter should run \
             its g and the other wait for it and return",
        );
    }
    let runs = runs.load(Ordering::SeqCst);
    assert_eq!(
        runs, 1,
        "two threads waited in call_once(g) while another thread's f ran and then panicked; g \
         ran {runs} times, and it should run exactly once: after a wake-up, a waiter must look \
         again whether another waiter has taken over (`while`, not `if`)"
    );
    assert!(once.is_completed(), "after a waiter's g finished, is_completed() was false");
}

harness::hidden_tests![
    runs_f_once_on_one_thread,
    a_panicking_f_leaves_it_as_if_never_called,
    racing_callers_run_f_once_and_return_after_it,
    late_callers_sleep_until_f_has_finished,
    a_waiter_takes_over_when_f_panics,
];
