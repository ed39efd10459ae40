//! Hidden tests for exercises/02_gil/01_gil.rs: a simulated GIL that one thread holds at a time,
//! whose waiting threads sleep, and whose `allow_threads` really lets other threads in and then
//! really takes the GIL back.

use exercise::{Gil, GilGuard};
use harness::chaos::{self, Chaos};
use harness::awake;
use harness::race::{self, Length, StartLine};
use harness::time::{join, within};
use harness::types::assert_send_sync;
use harness::watched::WatchedThread;
use std::panic;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// Long enough for a thread that was just started to reach its `acquire`, on a busy machine too.
const SETTLE: Duration = Duration::from_millis(100);
/// How long a call must stay blocked to count as waiting.
const BLOCKED: Duration = Duration::from_millis(300);
/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);

const _: fn() = || assert_send_sync::<Gil>();

/// How long the test watches threads that should be asleep: long enough that a spinning thread
/// shows, even when it gets only a small share of a busy machine.
const WATCH: Duration = Duration::from_millis(600);

/// Starts a thread that acquires `gil`, reports on `acquired` once it holds it, keeps it until
/// `release` receives something (or is closed), then drops the guard.
fn holder(gil: &Arc<Gil>) -> (JoinHandle<()>, mpsc::Receiver<()>, mpsc::Sender<()>) {
    let (acquired_tx, acquired) = mpsc::channel();
    let (release, release_rx) = mpsc::channel::<()>();
    let gil = Arc::clone(gil);
    let handle = thread::spawn(move || {
        let guard = gil.acquire();
        let _ = acquired_tx.send(());
        let _ = release_rx.recv();
        drop(guard);
    });
    (handle, acquired, release)
}

fn a_free_gil_is_acquired_at_once_and_again_after_the_guard_is_dropped() {
    let gil = Arc::new(Gil::new());
    for round in 1..=3 {
        let other = Arc::clone(&gil);
        within(
            HANG,
            &format!(
                "acquire() on a GIL that no thread holds (round {round}; was the previous guard's drop releasing it?)"
            ),
            move || drop(other.acquire()),
        );
        let guard: GilGuard<'_> = gil.acquire();
        drop(guard);
    }
}

fn acquire_waits_while_another_thread_holds_the_gil() {
    let gil = Arc::new(Gil::new());
    let main_guard = gil.acquire();
    let (acquired_tx, acquired) = mpsc::channel();
    let waiter = {
        let gil = Arc::clone(&gil);
        thread::spawn(move || {
            let guard = gil.acquire();
            let _ = acquired_tx.send(());
            drop(guard);
        })
    };
    assert!(
        acquired.recv_timeout(BLOCKED).is_err(),
        "a second thread's acquire() returned while the first thread still held the GIL; it \
         should wait until the first thread drops its guard (two threads held the GIL at once)"
    );
    drop(main_guard);
    acquired.recv_timeout(HANG).expect(
        "acquire() did not return within 5 s after the thread holding the GIL dropped its guard: \
         dropping the guard should release the GIL and wake a waiting thread",
    );
    join(waiter, HANG, "the second thread, after it got the GIL");
}

fn only_one_thread_holds_the_gil_at_a_time() {
    // Like Python bytecodes, each thread updates a shared counter with a separate read and
    // write while holding the GIL: only the GIL keeps the updates from being lost. The chaos
    // interrupts threads wherever they are, including between "is it free?" and "now it is
    // mine" inside acquire().
    const THREADS: usize = 8;
    const ROUNDS: u64 = 20_000;
    let gil = Arc::new(Gil::new());
    let inside = Arc::new(AtomicUsize::new(0));
    let most_inside = Arc::new(AtomicUsize::new(0));
    let counter = Arc::new(AtomicU64::new(0));
    let chaos = Chaos::start(Duration::from_micros(20));
    let workers: Vec<_> = (0..THREADS)
        .map(|_| {
            let (gil, inside, most_inside, counter) = (
                Arc::clone(&gil),
                Arc::clone(&inside),
                Arc::clone(&most_inside),
                Arc::clone(&counter),
            );
            thread::spawn(move || {
                chaos::join();
                for _ in 0..ROUNDS {
                    let guard = gil.acquire();
                    let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                    most_inside.fetch_max(now, Ordering::SeqCst);
                    let value = counter.load(Ordering::Relaxed);
                    for step in 0..20 {
                        std::hint::black_box(step);
                    }
                    counter.store(value + 1, Ordering::Relaxed);
                    inside.fetch_sub(1, Ordering::SeqCst);
                    drop(guard);
                }
            })
        })
        .collect();
    for worker in workers {
        join(
            worker,
            Duration::from_secs(8),
            "8 threads each acquiring and releasing the GIL 20 000 times",
        );
    }
    drop(chaos);
    let most = most_inside.load(Ordering::SeqCst);
    assert!(
        most <= 1,
        "{most} threads held the GIL at the same time; only one thread may hold it at a time \
         (check \"is it free?\" and mark it held in one step, under one lock)"
    );
    let total = counter.load(Ordering::SeqCst);
    assert_eq!(
        total,
        THREADS as u64 * ROUNDS,
        "8 threads each added 1 to a counter 20 000 times while holding the GIL, and the counter \
         ended at {total}; it should be 160 000 (updates were lost because two threads held the \
         GIL at once)"
    );
}

fn threads_that_call_acquire_at_the_same_moment_never_both_get_it() {
    // Round after round, three threads cross a start line together and call acquire() at the
    // same moment on a free GIL. Exactly one may get it; if "is it free?" and "now it is mine"
    // are two steps, two threads soon both see it free. The race runs for a second: the two
    // losers of each round sleep in acquire() and reach the next start line late, so rounds
    // that begin with all three threads spinning are too rare to count on.
    const THREADS: usize = 3;
    const ROUNDS: usize = 20_000;
    const LENGTH: Length = Length {
        parallel_rounds: 0,
        at_least: Duration::from_secs(1),
        at_most: Duration::from_secs(1),
    };
    let gil = Arc::new(Gil::new());
    let line = Arc::new(StartLine::new(THREADS));
    let finished = Arc::new(AtomicUsize::new(0));
    let inside = Arc::new(AtomicUsize::new(0));
    let overlap_round = Arc::new(AtomicUsize::new(0));
    let workers: Vec<_> = (0..THREADS)
        .map(|_| {
            let (gil, line, finished, inside, overlap_round) = (
                Arc::clone(&gil),
                Arc::clone(&line),
                Arc::clone(&finished),
                Arc::clone(&inside),
                Arc::clone(&overlap_round),
            );
            thread::spawn(move || {
                for round in 0..ROUNDS {
                    if !line.cross(round) {
                        break;
                    }
                    let guard = gil.acquire();
                    if inside.fetch_add(1, Ordering::SeqCst) != 0 {
                        overlap_round.store(round + 1, Ordering::SeqCst);
                        line.stop();
                    }
                    for step in 0..200 {
                        std::hint::black_box(step);
                    }
                    inside.fetch_sub(1, Ordering::SeqCst);
                    drop(guard);
                }
                finished.fetch_add(1, Ordering::SeqCst);
            })
        })
        .collect();
    race::play(&line, LENGTH, || {
        finished.load(Ordering::SeqCst) == THREADS || line.stopped()
    });
    for worker in workers {
        join(
            worker,
            HANG,
            "a thread calling acquire() and dropping the guard, round after round",
        );
    }
    let round = overlap_round.load(Ordering::SeqCst);
    assert_eq!(
        round, 0,
        "in round {round}, of 3 threads that called acquire() at the same moment on a free GIL, \
         two got it; only one should (check \"is it free?\" and mark it held in one step, under \
         one lock)"
    );
}

fn allow_threads_releases_the_gil_while_f_runs() {
    let gil = Arc::new(Gil::new());
    let (inside_tx, inside) = mpsc::channel();
    let (done_tx, done) = mpsc::channel::<()>();
    let first = {
        let gil = Arc::clone(&gil);
        thread::spawn(move || {
            let mut guard = gil.acquire();
            guard.allow_threads(|| {
                let _ = inside_tx.send(());
                // Stay inside until the test is done (or has given up).
                let _ = done.recv_timeout(Duration::from_secs(8));
            });
            drop(guard);
        })
    };
    inside
        .recv_timeout(HANG)
        .expect("allow_threads() never called its closure within 5 s");
    let other = Arc::clone(&gil);
    within(
        HANG,
        "acquire() in a second thread while the first thread was inside allow_threads() \
         (allow_threads did not release the GIL: it should release it while its closure runs)",
        move || drop(other.acquire()),
    );
    let _ = done_tx.send(());
    join(
        first,
        HANG,
        "the first thread, after its allow_threads() closure returned",
    );
}

fn allow_threads_takes_the_gil_back_before_returning() {
    let gil = Arc::new(Gil::new());
    let (inside_tx, inside) = mpsc::channel();
    let (finish_f, finish_f_rx) = mpsc::channel::<()>();
    let (returned_tx, returned) = mpsc::channel();
    let first = {
        let gil = Arc::clone(&gil);
        thread::spawn(move || {
            let mut guard = gil.acquire();
            let answer = guard.allow_threads(|| {
                let _ = inside_tx.send(());
                let _ = finish_f_rx.recv_timeout(Duration::from_secs(8));
                42
            });
            let _ = returned_tx.send(answer);
            drop(guard);
        })
    };
    inside
        .recv_timeout(HANG)
        .expect("allow_threads() never called its closure within 5 s");
    // A second thread takes the GIL while the first is inside allow_threads...
    let (second, second_holds, release_second) = holder(&gil);
    second_holds.recv_timeout(HANG).expect(
        "acquire() in a second thread did not return within 5 s while the first thread was \
         inside allow_threads(): allow_threads did not release the GIL",
    );
    // ... and still holds it when the first thread's closure returns.
    let _ = finish_f.send(());
    if let Ok(answer) = returned.recv_timeout(BLOCKED) {
        panic!(
            "allow_threads() returned ({answer}) while another thread held the GIL; it should \
             take the GIL back before returning, waiting until the other thread releases it"
        );
    }
    let activity = awake::watch(WATCH);
    assert!(
        !activity.busy(),
        "while allow_threads() waited to take the GIL back from another thread, {}; a thread \
         waiting for the GIL should sleep, not loop checking it",
        activity
    );
    let _ = release_second.send(());
    let answer = returned.recv_timeout(HANG).expect(
        "allow_threads() did not return within 5 s after the other thread released the GIL: \
         releasing the GIL should wake the thread waiting to take it back",
    );
    assert_eq!(
        answer, 42,
        "allow_threads(|| 42) returned {answer}; it should return what its closure returned"
    );
    join(second, HANG, "the second thread, after it released the GIL");
    join(
        first,
        HANG,
        "the first thread, after allow_threads() returned",
    );
    let again = Arc::clone(&gil);
    within(
        HANG,
        "acquire() after both threads dropped their guards (is the GIL still held by a guard \
         that used allow_threads()?)",
        move || drop(again.acquire()),
    );
}

fn allow_threads_lets_others_in_every_time_and_keeps_them_out_after() {
    // One thread calls allow_threads() again and again; others take the GIL in between. Nobody
    // may ever hold it at the same time as the thread that got it back.
    const ROUNDS: usize = 500;
    let gil = Arc::new(Gil::new());
    let inside = Arc::new(AtomicUsize::new(0));
    let overlaps = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let check = |inside: &AtomicUsize, overlaps: &AtomicUsize| {
        if inside.fetch_add(1, Ordering::SeqCst) != 0 {
            overlaps.fetch_add(1, Ordering::SeqCst);
        }
        for step in 0..50 {
            std::hint::black_box(step);
        }
        inside.fetch_sub(1, Ordering::SeqCst);
    };
    let others: Vec<_> = (0..2)
        .map(|_| {
            let (gil, inside, overlaps, stop) = (
                Arc::clone(&gil),
                Arc::clone(&inside),
                Arc::clone(&overlaps),
                Arc::clone(&stop),
            );
            thread::spawn(move || {
                while !stop.load(Ordering::SeqCst) {
                    let guard = gil.acquire();
                    check(&inside, &overlaps);
                    drop(guard);
                    // Leave the GIL free for a moment, so that the looping thread can take
                    // it back however unfair the GIL is.
                    thread::sleep(Duration::from_micros(100));
                }
            })
        })
        .collect();
    let looper = {
        let (gil, inside, overlaps) =
            (Arc::clone(&gil), Arc::clone(&inside), Arc::clone(&overlaps));
        thread::spawn(move || {
            let mut guard = gil.acquire();
            for _ in 0..ROUNDS {
                check(&inside, &overlaps);
                guard.allow_threads(thread::yield_now);
                check(&inside, &overlaps);
            }
            drop(guard);
        })
    };
    let looped = within(
        Duration::from_secs(8),
        "500 calls of allow_threads() while 2 other threads acquired and released the GIL",
        move || looper.join(),
    );
    stop.store(true, Ordering::SeqCst);
    if let Err(payload) = looped {
        panic::resume_unwind(payload);
    }
    for other in others {
        join(other, HANG, "a thread acquiring and releasing the GIL");
    }
    let overlaps = overlaps.load(Ordering::SeqCst);
    assert_eq!(
        overlaps, 0,
        "{overlaps} times a thread ran while another held the GIL; after allow_threads() returns, \
         its thread holds the GIL again and nobody else may"
    );
}

fn a_panic_in_allow_threads_never_releases_a_gil_another_thread_took() {
    let gil = Arc::new(Gil::new());
    let (inside_tx, inside) = mpsc::channel();
    let (fail_f, fail_f_rx) = mpsc::channel::<()>();
    let first = {
        let gil = Arc::clone(&gil);
        thread::spawn(move || {
            let mut guard = gil.acquire();
            let outcome = panic::catch_unwind(panic::AssertUnwindSafe(|| {
                guard.allow_threads(|| {
                    let _ = inside_tx.send(WatchedThread::current());
                    let _ = fail_f_rx.recv_timeout(Duration::from_secs(8));
                    panic!("the blocking I/O in allow_threads() fails on purpose");
                })
            }));
            drop(guard);
            outcome.is_err()
        })
    };
    let first_thread = inside
        .recv_timeout(HANG)
        .expect("allow_threads() never called its closure within 5 s");
    // A second thread takes the GIL while the first is inside allow_threads...
    let (second, second_holds, release_second) = holder(&gil);
    second_holds.recv_timeout(HANG).expect(
        "acquire() in a second thread did not return within 5 s while the first thread was \
         inside allow_threads(): allow_threads did not release the GIL",
    );
    // ... and still holds it when the first thread's closure panics. The first thread then
    // either waits, asleep, to take the GIL back, or goes on without it; either way its guard
    // must not release the GIL the second thread holds.
    let _ = fail_f.send(());
    first_thread.wait_until_asleep(3, HANG);
    // A third thread asks for the GIL: while the second holds it, it must wait.
    let third_got_it = Arc::new(AtomicBool::new(false));
    let (third_tx, third_rx) = mpsc::channel();
    let third = {
        let (gil, got_it) = (Arc::clone(&gil), Arc::clone(&third_got_it));
        thread::spawn(move || {
            let _ = third_tx.send(WatchedThread::current());
            let _guard = gil.acquire();
            got_it.store(true, Ordering::SeqCst);
        })
    };
    let third_thread = third_rx
        .recv_timeout(HANG)
        .expect("a new thread did not start within 5 s");
    third_thread.wait_until_asleep(3, HANG);
    let got_in = third_got_it.load(Ordering::SeqCst);
    let _ = release_second.send(());
    join(second, HANG, "the second thread, after it released the GIL");
    let panicked = join(
        first,
        HANG,
        "the first thread, after its allow_threads() panicked",
    );
    join(
        third,
        HANG,
        "a third thread waiting in acquire(), after the GIL was released",
    );
    assert!(
        !got_in,
        "the closure given to allow_threads() panicked while another thread held the GIL, and \
         then a third thread's acquire() returned while that other thread still held it: the \
         panicking thread's guard, dropped as the panic unwound, released a GIL it no longer \
         held. Take the GIL back also when the closure panics (a value whose Drop takes it \
         back does it either way)"
    );
    assert!(
        panicked,
        "the closure given to allow_threads() panicked, and allow_threads() returned; the panic \
         should go on to its caller"
    );
}

fn waiting_for_the_gil_sleeps_instead_of_spinning() {
    let gil = Arc::new(Gil::new());
    let main_guard = gil.acquire();
    let waiters: Vec<_> = (0..3)
        .map(|_| {
            let gil = Arc::clone(&gil);
            thread::spawn(move || drop(gil.acquire()))
        })
        .collect();
    thread::sleep(SETTLE);
    let activity = awake::watch(WATCH);
    drop(main_guard);
    assert!(
        !activity.busy(),
        "while 3 threads waited in acquire() for a GIL that another thread held, {}; a thread \
         waiting for the GIL should sleep (on a Condvar or a Mutex), not loop checking it",
        activity
    );
    for waiter in waiters {
        join(
            waiter,
            HANG,
            "a thread waiting in acquire(), after the GIL was released",
        );
    }
}

harness::hidden_tests![
    a_free_gil_is_acquired_at_once_and_again_after_the_guard_is_dropped,
    acquire_waits_while_another_thread_holds_the_gil,
    only_one_thread_holds_the_gil_at_a_time,
    threads_that_call_acquire_at_the_same_moment_never_both_get_it,
    allow_threads_releases_the_gil_while_f_runs,
    allow_threads_takes_the_gil_back_before_returning,
    allow_threads_lets_others_in_every_time_and_keeps_them_out_after,
    a_panic_in_allow_threads_never_releases_a_gil_another_thread_took,
    waiting_for_the_gil_sleeps_instead_of_spinning,
];
