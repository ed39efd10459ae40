//! Hidden tests of threads/active_count: the count of running threads goes up as `spawn`
//! returns and down when a thread's work returns or panics, per tracker, from any thread.

use std::sync::{Arc, Barrier, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use exercise::ThreadTracker;
use harness::time::within;
use harness::types::assert_send_sync;

/// A deadline for joining threads that should end at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);

/// Joins `handle` within the hang deadline and returns the thread's `Result`.
///
/// Not `harness::time::join`, which passes a thread's panic on: one test here joins a thread
/// that panics on purpose and needs the `Err`, and the others turn an `Err` into their own
/// message ("the thread panicked"), which learners read.
fn join<T: Send + 'static>(handle: thread::JoinHandle<T>, what: &str) -> thread::Result<T> {
    within(HANG, what, move || handle.join())
}

fn a_new_tracker_counts_nothing_and_spawn_returns_the_value() {
    assert_send_sync::<ThreadTracker>();
    let tracker = ThreadTracker::new();
    let count = tracker.active_count();
    assert_eq!(
        count, 0,
        "a new ThreadTracker returned {count} from active_count(); it should return 0"
    );
    let handle = tracker.spawn(|| 6 * 7);
    let value = join(handle, "joining a thread that returns 6 * 7").expect("the thread panicked");
    assert_eq!(
        value, 42,
        "joining the handle of tracker.spawn(|| 6 * 7) gave {value}; it should give 42"
    );
    let count = tracker.active_count();
    assert_eq!(
        count, 0,
        "after the only tracked thread was joined, active_count() returned {count}; it should return 0"
    );
}

fn counts_threads_while_they_run_and_not_after() {
    let tracker = ThreadTracker::new();
    let (release, released) = mpsc::channel::<()>();
    let released = Arc::new(std::sync::Mutex::new(released));
    let mut handles = Vec::new();
    for started in 1..=5 {
        let released = Arc::clone(&released);
        handles.push(tracker.spawn(move || {
            let _ = released.lock().unwrap().recv_timeout(HANG);
        }));
        let count = tracker.active_count();
        assert_eq!(
            count, started,
            "right after spawn() returned for the {started}. thread (all still running), \
             active_count() returned {count}; it should return {started} (count a thread before \
             starting it, not from inside it)"
        );
    }
    for _ in 0..3 {
        release.send(()).unwrap();
    }
    // Three threads can now finish; join whichever three did.
    let deadline = Instant::now() + HANG;
    let mut finished = 0;
    while finished < 3 {
        match handles.iter().position(|h| h.is_finished()) {
            Some(i) => {
                join(handles.remove(i), "joining a finished thread").expect("a thread panicked");
                finished += 1;
            }
            None if Instant::now() > deadline => panic!(
                "3 tracked threads were told to finish, and after {} s only {finished} had: did \
                 spawn() run them?",
                HANG.as_secs()
            ),
            None => thread::sleep(Duration::from_millis(5)),
        }
    }
    let count = tracker.active_count();
    assert_eq!(
        count, 2,
        "5 threads were started and 3 of them finished and were joined; active_count() returned \
         {count}; it should return 2"
    );
    drop(release);
    for handle in handles {
        join(handle, "joining a released thread").expect("a thread panicked");
    }
    let count = tracker.active_count();
    assert_eq!(
        count, 0,
        "after every tracked thread finished, active_count() returned {count}; it should return 0"
    );
}

fn a_thread_that_panics_is_no_longer_counted() {
    let tracker = ThreadTracker::new();
    let handle = tracker.spawn(|| -> u32 { panic!("this tracked thread fails on purpose") });
    let outcome = join(handle, "joining a thread that panics");
    assert!(
        outcome.is_err(),
        "joining a thread that panicked gave Ok; it should give Err"
    );
    let count = tracker.active_count();
    assert_eq!(
        count, 0,
        "a tracked thread panicked and was joined, and active_count() returned {count}; it should \
         return 0 (make the count go down in a Drop, which runs during a panic too)"
    );
}

fn two_trackers_count_only_their_own_threads() {
    let busy = ThreadTracker::new();
    let idle = ThreadTracker::new();
    let (release, released) = mpsc::channel::<()>();
    let handle = busy.spawn(move || {
        let _ = released.recv_timeout(HANG);
    });
    let (busy_count, idle_count) = (busy.active_count(), idle.active_count());
    drop(release);
    join(handle, "joining a released thread").expect("the thread panicked");
    assert_eq!(
        (busy_count, idle_count),
        (1, 0),
        "with one thread running on tracker A and none on tracker B, A.active_count() returned \
         {busy_count} and B.active_count() {idle_count}; they should return 1 and 0 (each tracker \
         keeps its own count)"
    );
}

fn many_threads_spawning_at_once_leave_the_count_right() {
    const SPAWNERS: usize = 8;
    const EACH: usize = 150;
    let tracker = Arc::new(ThreadTracker::new());
    let start = Arc::new(Barrier::new(SPAWNERS));
    let spawners: Vec<_> = (0..SPAWNERS)
        .map(|_| {
            let (tracker, start) = (Arc::clone(&tracker), Arc::clone(&start));
            thread::spawn(move || {
                start.wait();
                for _ in 0..EACH {
                    let inner = tracker.spawn(|| ());
                    inner.join().expect("a tracked thread panicked");
                }
            })
        })
        .collect();
    for spawner in spawners {
        within(
            Duration::from_secs(8),
            "spawning 1 200 threads from 8 threads",
            move || spawner.join(),
        )
        .expect("a spawning thread panicked");
    }
    let count = tracker.active_count();
    assert_eq!(
        count, 0,
        "8 threads each spawned and joined {EACH} tracked threads at the same time; afterwards \
         active_count() returned {count}; it should return 0 (were some counts lost?)"
    );
}

harness::hidden_tests![
    a_new_tracker_counts_nothing_and_spawn_returns_the_value,
    counts_threads_while_they_run_and_not_after,
    a_thread_that_panics_is_no_longer_counted,
    two_trackers_count_only_their_own_threads,
    many_threads_spawning_at_once_leave_the_count_right,
];
