//! Hidden tests for exercises/09_daemons/03_watchdog.rs: a background thread that fires once
//! when it is not petted in time, re-arms on the next pet (even one during `on_timeout`),
//! sleeps while it waits, and stops promptly and cleanly.

use exercise::Watchdog;
use harness::awake;
use harness::time::{Kept, within};
use harness::types::assert_send_sync;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};

/// Long enough for a thread that was just started to reach its wait, on a busy machine too.
const SETTLE: Duration = Duration::from_millis(100);
/// How long the test watches for something that must not happen.
const BLOCKED: Duration = Duration::from_millis(300);
/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);
/// A timeout that never runs out during a test.
const HOUR: Duration = Duration::from_secs(3600);

const _: fn() = || assert_send_sync::<Watchdog>();

/// Starts a watchdog whose `on_timeout` adds one to the returned counter.
fn counting(timeout: Duration) -> (Kept<Arc<Watchdog>>, Arc<AtomicUsize>) {
    let fired = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&fired);
    let watchdog = Watchdog::start(timeout, move || {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    (Kept::new(Arc::new(watchdog)), fired)
}

/// Waits until `fired` reaches `count`, or panics with `what` after the hang deadline.
fn wait_for_fires(fired: &AtomicUsize, count: usize, what: &str) {
    let started = Instant::now();
    while fired.load(Ordering::SeqCst) < count {
        assert!(
            started.elapsed() < HANG,
            "{what}: after 5 s on_timeout() had been called {} times; it should have been called \
             {count} times",
            fired.load(Ordering::SeqCst)
        );
        thread::sleep(Duration::from_millis(1));
    }
}

/// Calls `stop()` on the last `Arc` of `watchdog` within the hang deadline.
fn stop(watchdog: Kept<Arc<Watchdog>>, what: &str) {
    within(HANG, what, move || match Arc::try_unwrap(watchdog.take()) {
        Ok(watchdog) => watchdog.stop(),
        Err(_) => panic!("the test still shares the watchdog it stops"),
    });
}

/// Calls `pet()` within the hang deadline.
fn pet(watchdog: &Arc<Watchdog>, what: &str) {
    let watchdog = Arc::clone(watchdog);
    within(HANG, what, move || watchdog.pet());
}

fn fires_once_when_not_petted_in_time() {
    let (watchdog, fired) = counting(Duration::from_millis(30));
    wait_for_fires(
        &fired,
        1,
        "a watchdog with a timeout of 30 ms that nobody petted",
    );
    thread::sleep(BLOCKED);
    let count = fired.load(Ordering::SeqCst);
    assert_eq!(
        count,
        1,
        "a watchdog with a timeout of 30 ms that nobody petted called on_timeout() {count} times \
         in {} ms; it should fire once, then wait for a pet before it can fire again",
        BLOCKED.as_millis() + 30
    );
    stop(watchdog, "stop() on a watchdog that had fired");
}

fn pets_keep_it_from_firing() {
    // Four threads pet a watchdog with a timeout of 200 ms every 5 ms, for 600 ms, noting when
    // each pet() started and returned. Whenever the watchdog fires, at least 200 ms must have
    // passed since the start of the latest pet() that had returned by then: that holds on a
    // machine however busy (where the petters may fall silent for a while), and a pet() that
    // does not restart the countdown breaks it.
    const TIMEOUT: Duration = Duration::from_millis(200);
    let fires = Arc::new(std::sync::Mutex::new(Vec::new()));
    let noted = Arc::clone(&fires);
    let started = Instant::now();
    let watchdog = Kept::new(Arc::new(Watchdog::start(TIMEOUT, move || {
        noted.lock().unwrap().push(Instant::now());
    })));
    let pets = Arc::new(std::sync::Mutex::new(Vec::new()));
    let petters: Vec<_> = (0..4)
        .map(|_| {
            let (watchdog, pets) = (Arc::clone(&watchdog), Arc::clone(&pets));
            thread::spawn(move || {
                let petting = Instant::now();
                while petting.elapsed() < Duration::from_millis(600) {
                    let before = Instant::now();
                    watchdog.pet();
                    pets.lock().unwrap().push((before, Instant::now()));
                    thread::sleep(Duration::from_millis(5));
                }
            })
        })
        .collect();
    for petter in petters {
        within(
            HANG,
            "4 threads calling pet() every 5 ms for 600 ms",
            move || petter.join(),
        )
        .unwrap_or_else(|payload| std::panic::resume_unwind(payload));
    }
    let waiting = Instant::now();
    while fires.lock().unwrap().is_empty() {
        assert!(
            waiting.elapsed() < HANG,
            "a watchdog with a timeout of 200 ms did not fire within 5 s after the last pet()"
        );
        thread::sleep(Duration::from_millis(1));
    }
    let pets = pets.lock().unwrap().clone();
    for &fire in fires.lock().unwrap().iter() {
        let latest = pets
            .iter()
            .filter(|&&(_, returned)| returned < fire)
            .map(|&(before, _)| before)
            .max()
            .unwrap_or(started);
        let quiet = fire.duration_since(latest);
        assert!(
            quiet >= TIMEOUT,
            "a watchdog with a timeout of 200 ms, petted every 5 ms by 4 threads, called \
             on_timeout() only {} ms after the latest pet(); each pet() should restart the \
             countdown, so that it fires only once 200 ms pass without one",
            quiet.as_millis()
        );
    }
    stop(watchdog, "stop() on a watchdog that had fired");
}

fn a_pet_rearms_a_watchdog_that_fired() {
    let (watchdog, fired) = counting(Duration::from_millis(20));
    wait_for_fires(
        &fired,
        1,
        "a watchdog with a timeout of 20 ms that nobody petted",
    );
    thread::sleep(SETTLE);
    for round in 2..=4 {
        pet(&watchdog, "pet() on a watchdog that had fired");
        wait_for_fires(
            &fired,
            round,
            "a watchdog with a timeout of 20 ms, petted once after it had fired (the pet should \
             re-arm it; does it wake the sleeping watchdog thread?)",
        );
        thread::sleep(SETTLE);
    }
    stop(watchdog, "stop() on a watchdog that had fired");
}

fn a_pet_during_on_timeout_rearms_it() {
    let fired = Arc::new(AtomicUsize::new(0));
    let (inside, firing) = mpsc::channel();
    let (release, released) = mpsc::channel::<()>();
    let counter = Arc::clone(&fired);
    let watchdog = Kept::new(Arc::new(Watchdog::start(
        Duration::from_millis(20),
        move || {
            if counter.fetch_add(1, Ordering::SeqCst) == 0 {
                let _ = inside.send(());
                let _ = released.recv();
            }
        },
    )));
    firing
        .recv_timeout(HANG)
        .expect("a watchdog with a timeout of 20 ms had not fired within 5 s");
    pet(
        &watchdog,
        "pet() while on_timeout() was running (is on_timeout() called with the lock held?)",
    );
    release.send(()).expect("on_timeout() was waiting");
    wait_for_fires(
        &fired,
        2,
        "a watchdog with a timeout of 20 ms, petted while its on_timeout() was running (that pet \
         should re-arm it, so it fires again 20 ms later)",
    );
    stop(watchdog, "stop() on a watchdog that had fired twice");
}

fn stop_returns_promptly_with_a_deadline_an_hour_away() {
    let (watchdog, _) = counting(HOUR);
    thread::sleep(SETTLE);
    stop(
        watchdog,
        "stop() on a watchdog with a timeout of 1 hour (it should not wait for the timeout to \
         run out)",
    );
    let (watchdog, fired) = counting(Duration::from_millis(10));
    wait_for_fires(&fired, 1, "a watchdog with a timeout of 10 ms");
    thread::sleep(SETTLE);
    stop(
        watchdog,
        "stop() on a watchdog that had fired and was waiting for a pet",
    );
    for round in 1..=50 {
        let (watchdog, _) = counting(HOUR);
        stop(
            watchdog,
            &format!("stop() right after start() (round {round} of 50)"),
        );
    }
}

fn stop_and_drop_wait_for_on_timeout_in_progress() {
    for how in ["stop()", "dropping the watchdog"] {
        let finished = Arc::new(AtomicBool::new(false));
        let (inside, firing) = mpsc::channel();
        let done = Arc::clone(&finished);
        let watchdog = Kept::new(Watchdog::start(Duration::from_millis(10), move || {
            let _ = inside.send(());
            thread::sleep(BLOCKED);
            done.store(true, Ordering::SeqCst);
        }));
        firing
            .recv_timeout(HANG)
            .expect("a watchdog with a timeout of 10 ms had not fired within 5 s");
        let stopping = how == "stop()";
        within(
            HANG,
            &format!("{how} while on_timeout() was running"),
            move || {
                let watchdog = watchdog.take();
                if stopping {
                    watchdog.stop();
                } else {
                    drop(watchdog);
                }
            },
        );
        assert!(
            finished.load(Ordering::SeqCst),
            "{how} returned while on_timeout() was still running; it should stop the watchdog \
             and wait for its thread to end (join it)"
        );
    }
}

/// Fails with `what` if the process is busy while the test sleeps.
fn assert_idle(what: &str) {
    let activity = awake::watch(BLOCKED);
    assert!(
        !activity.busy(),
        "while {what}, {activity}: the watchdog thread should sleep until its deadline, a \
         pet or the stop, not check again and again"
    );
}

fn the_thread_sleeps_while_it_waits() {
    let (watchdog, _) = counting(HOUR);
    thread::sleep(SETTLE);
    assert_idle("a watchdog waited for a deadline an hour away");
    stop(watchdog, "stop() on a watchdog with a timeout of 1 hour");

    let (watchdog, fired) = counting(Duration::from_millis(10));
    wait_for_fires(&fired, 1, "a watchdog with a timeout of 10 ms");
    thread::sleep(Duration::from_millis(50));
    assert_idle("a watchdog that had fired waited for a pet");
    stop(watchdog, "stop() on a watchdog that had fired");
}

harness::hidden_tests![
    fires_once_when_not_petted_in_time,
    pets_keep_it_from_firing,
    a_pet_rearms_a_watchdog_that_fired,
    a_pet_during_on_timeout_rearms_it,
    stop_returns_promptly_with_a_deadline_an_hour_away,
    stop_and_drop_wait_for_on_timeout_in_progress,
    the_thread_sleeps_while_it_waits,
];
