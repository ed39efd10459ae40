//! Hidden tests for exercises/09_daemons/02_heartbeat.rs: a background thread that beats at
//! once and then every interval, sleeps in between, and stops promptly (in the middle of an
//! hour-long interval) when stopped or dropped, waiting for a beat in progress.

use exercise::Heartbeat;
use harness::awake;
use harness::time::{Kept, within};
use harness::types::assert_send;
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
/// An interval that never runs out during a test.
const HOUR: Duration = Duration::from_secs(3600);

const _: fn() = || assert_send::<Heartbeat>();

/// Starts a heartbeat whose beats add one to the returned counter.
fn counting(interval: Duration) -> (Kept<Heartbeat>, Arc<AtomicUsize>) {
    let beats = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&beats);
    let heartbeat = Heartbeat::start(interval, move || {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    (Kept::new(heartbeat), beats)
}

/// Waits until `beats` reaches `count`, or panics with `what` after the hang deadline.
fn wait_for_beats(beats: &AtomicUsize, count: usize, what: &str) {
    let started = Instant::now();
    while beats.load(Ordering::SeqCst) < count {
        assert!(
            started.elapsed() < HANG,
            "{what}: after 5 s beat() had been called {} times; it should have been called at \
             least {count} times",
            beats.load(Ordering::SeqCst)
        );
        thread::sleep(Duration::from_millis(1));
    }
}

/// Calls `stop()` within the hang deadline.
fn stop(heartbeat: Kept<Heartbeat>, what: &str) {
    within(HANG, what, move || heartbeat.take().stop());
}

fn beats_at_once_and_then_once_every_interval() {
    let (heartbeat, beats) = counting(Duration::from_millis(10));
    wait_for_beats(&beats, 5, "a heartbeat started with an interval of 10 ms");
    stop(heartbeat, "stop() on a heartbeat with an interval of 10 ms");
    let after_stop = beats.load(Ordering::SeqCst);
    thread::sleep(Duration::from_millis(100));
    let later = beats.load(Ordering::SeqCst);
    assert_eq!(
        later,
        after_stop,
        "beat() was called {} more times in the 100 ms after stop() returned; once stop() has \
         returned, no beat should ever start",
        later - after_stop
    );
}

fn the_first_beat_comes_at_once_and_the_next_after_the_interval() {
    let (heartbeat, beats) = counting(HOUR);
    let started = Instant::now();
    while beats.load(Ordering::SeqCst) == 0 {
        assert!(
            started.elapsed() < HANG,
            "a heartbeat started with an interval of 1 hour had not called beat() after 5 s; \
             the first beat should come at once, the next one an interval later"
        );
        thread::sleep(Duration::from_millis(1));
    }
    thread::sleep(BLOCKED);
    let count = beats.load(Ordering::SeqCst);
    assert_eq!(
        count,
        1,
        "a heartbeat started with an interval of 1 hour called beat() {count} times within {} \
         ms; it should beat once at once, and then wait for the interval",
        BLOCKED.as_millis()
    );
    stop(
        heartbeat,
        "stop() on a heartbeat with an interval of 1 hour",
    );
}

fn stop_returns_promptly_in_the_middle_of_a_long_interval() {
    let (heartbeat, beats) = counting(HOUR);
    wait_for_beats(&beats, 1, "a heartbeat started with an interval of 1 hour");
    thread::sleep(SETTLE);
    stop(
        heartbeat,
        "stop() on a heartbeat in the middle of its 1-hour interval (it should not wait for the \
         interval to run out: does the thread sleep with thread::sleep, which nothing can \
         interrupt?)",
    );
}

/// Starts a heartbeat with an hour-long interval whose first beat lasts `BLOCKED`; returns it
/// once that beat has started, with a flag set when the beat ends.
fn in_a_long_beat() -> (Kept<Heartbeat>, Arc<AtomicBool>) {
    let finished = Arc::new(AtomicBool::new(false));
    let (inside, beat_started) = mpsc::channel();
    let beat_finished = Arc::clone(&finished);
    let heartbeat = Kept::new(Heartbeat::start(HOUR, move || {
        let _ = inside.send(());
        thread::sleep(BLOCKED);
        beat_finished.store(true, Ordering::SeqCst);
    }));
    beat_started
        .recv_timeout(HANG)
        .expect("a heartbeat had not called beat() within 5 s of being started");
    (heartbeat, finished)
}

fn stop_waits_for_a_beat_in_progress() {
    let (heartbeat, finished) = in_a_long_beat();
    stop(
        heartbeat,
        "stop() called while a beat was running (after that beat the heartbeat should see the \
         stop at once: was the stop missed because it came while the thread was beating, not \
         waiting?)",
    );
    assert!(
        finished.load(Ordering::SeqCst),
        "stop() returned while a beat() was still running; it should return only once the \
         heartbeat's thread has ended (join it), so that no beat runs after stop()"
    );
}

fn dropping_the_heartbeat_stops_it_and_waits_for_a_beat_in_progress() {
    let (heartbeat, finished) = in_a_long_beat();
    within(
        HANG,
        "dropping a heartbeat while a beat was running (it should stop it as stop() does)",
        move || drop(heartbeat.take()),
    );
    assert!(
        finished.load(Ordering::SeqCst),
        "dropping a Heartbeat returned while a beat() was still running; dropping it should \
         stop it and wait for its thread to end, as stop() does"
    );

    let (heartbeat, beats) = counting(HOUR);
    wait_for_beats(&beats, 1, "a heartbeat started with an interval of 1 hour");
    thread::sleep(SETTLE);
    within(
        HANG,
        "dropping a heartbeat in the middle of its 1-hour interval",
        move || drop(heartbeat.take()),
    );
    let (heartbeat, beats) = counting(Duration::from_millis(5));
    wait_for_beats(&beats, 3, "a heartbeat started with an interval of 5 ms");
    within(
        HANG,
        "dropping a heartbeat with an interval of 5 ms",
        move || drop(heartbeat.take()),
    );
    let after_drop = beats.load(Ordering::SeqCst);
    thread::sleep(Duration::from_millis(100));
    let later = beats.load(Ordering::SeqCst);
    assert_eq!(
        later,
        after_drop,
        "beat() was called {} more times in the 100 ms after the Heartbeat was dropped; \
         dropping it should stop it",
        later - after_drop
    );
}

fn stop_right_after_start_returns_promptly() {
    // The stop often comes before the new thread has even started: it must not be lost.
    for round in 1..=100 {
        let (heartbeat, _) = counting(HOUR);
        stop(
            heartbeat,
            &format!(
                "stop() called right after start() (round {round} of 100; a stop that comes \
                 before the thread starts waiting must not be lost)"
            ),
        );
    }
}

fn the_thread_sleeps_between_beats() {
    let (heartbeat, beats) = counting(HOUR);
    wait_for_beats(&beats, 1, "a heartbeat started with an interval of 1 hour");
    thread::sleep(Duration::from_millis(50));
    let activity = awake::watch(BLOCKED);
    assert!(
        !activity.busy(),
        "between two beats of a heartbeat with an interval of 1 hour, {activity}: the \
         thread should sleep until the interval is over or it is stopped, not check the time \
         again and again"
    );
    stop(
        heartbeat,
        "stop() on a heartbeat with an interval of 1 hour",
    );
}

harness::hidden_tests![
    beats_at_once_and_then_once_every_interval,
    the_first_beat_comes_at_once_and_the_next_after_the_interval,
    stop_returns_promptly_in_the_middle_of_a_long_interval,
    stop_waits_for_a_beat_in_progress,
    dropping_the_heartbeat_stops_it_and_waits_for_a_beat_in_progress,
    stop_right_after_start_returns_promptly,
    the_thread_sleeps_between_beats,
];
