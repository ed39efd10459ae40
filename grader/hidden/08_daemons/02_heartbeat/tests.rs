//! Hidden tests for exercises/08_daemons/02_heartbeat.rs: a background thread that beats at
//! once and then every interval, sleeps in between, and stops promptly (in the middle of an
//! hour-long interval) when stopped or dropped, waiting for a beat in progress.

use exercise::Heartbeat;
use harness::cpu::process_cpu_time;
use harness::time::within;
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

fn assert_send<T: Send>() {}
const _: fn() = || assert_send::<Heartbeat>();

/// A value the test drops itself, within a deadline. If the test fails first, the value is
/// leaked instead of being dropped while the failure unwinds: a wrong `Drop` could hang there
/// and hide the failure's message.
struct Kept<T>(Option<T>);

impl<T> Kept<T> {
    fn new(value: T) -> Self {
        Kept(Some(value))
    }

    fn take(mut self) -> T {
        self.0.take().expect("a kept value is taken once")
    }
}

impl<T> std::ops::Deref for Kept<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.0
            .as_ref()
            .expect("a kept value is used before it is taken")
    }
}

impl<T> Drop for Kept<T> {
    fn drop(&mut self) {
        std::mem::forget(self.0.take());
    }
}

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

/// What the graded code's threads do while the test waits for `window`.
///
/// A thread that waits by spinning or by looping on `yield_now()` is hard to tell from a
/// sleeping one by CPU time alone on a busy machine, where it gets only a small share of a CPU
/// (and a yielding one next to none). So the test measures CPU time against a thread of its own
/// that spins meanwhile, and looks every millisecond at what state the threads are in: a
/// sleeping thread is asleep (`S`), a spinning or yielding one is running or ready to run (`R`).
struct Activity {
    window: Duration,
    /// CPU time used by the process, apart from the test's own threads.
    burned: Duration,
    /// CPU time the test's spinning thread got: what spinning gets on this machine right now.
    spinner: Duration,
    /// Looks at the threads' states in which one of the graded code's threads was running or
    /// ready to run, and how many looks there were.
    runnable: u32,
    looks: u32,
}

impl Activity {
    /// Whether the threads kept working instead of sleeping.
    fn busy(&self) -> bool {
        (self.burned > Duration::from_millis(5) && self.burned * 4 > self.spinner)
            || self.runnable * 2 > self.looks
    }
}

impl std::fmt::Display for Activity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the process used {} ms of CPU time in {} ms ({} % of what a spinning thread got \
             meanwhile) and a thread of yours was awake, running or ready to run, in {} of {} \
             looks",
            self.burned.as_millis(),
            self.window.as_millis(),
            self.burned.as_micros() * 100 / self.spinner.as_micros().max(1),
            self.runnable,
            self.looks
        )
    }
}

/// CPU time used so far by thread `tid` of this process.
fn thread_cpu_time(tid: &str) -> Duration {
    std::fs::read_to_string(format!("/proc/self/task/{tid}/schedstat"))
        .ok()
        .and_then(|stat| stat.split_whitespace().next()?.parse().ok())
        .map(Duration::from_nanos)
        .unwrap_or_default()
}

/// The id of the calling thread.
fn thread_id() -> String {
    std::fs::read_link("/proc/thread-self")
        .ok()
        .and_then(|link| Some(link.file_name()?.to_str()?.to_owned()))
        .unwrap_or_default()
}

/// Whether a thread of this process other than `except` is running or ready to run.
fn another_thread_runnable(except: &[&str]) -> bool {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return false;
    };
    tasks
        .flatten()
        .filter(|task| {
            task.file_name()
                .to_str()
                .is_some_and(|tid| !except.contains(&tid))
        })
        .filter_map(|task| std::fs::read_to_string(task.path().join("stat")).ok())
        .any(|stat| {
            // "tid (name) STATE ...": the name may hold spaces and parentheses.
            stat.rsplit_once(')')
                .is_some_and(|(_, rest)| rest.trim_start().starts_with('R'))
        })
}

/// Sleeps for `window` while a thread of the test spins, and says what the other threads did.
fn activity_while_idle(window: Duration) -> Activity {
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (started, spinning) = std::sync::mpsc::channel();
    let spinner = {
        let stop = Arc::clone(&stop);
        thread::spawn(move || {
            let _ = started.send(thread_id());
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                std::hint::spin_loop();
            }
        })
    };
    let tid = spinning.recv().unwrap_or_default();
    let me = thread_id();
    // On a busy machine a thread that was just started or woken may wait a while for a CPU
    // before it gets to its wait: give the threads up to a second to be seen asleep three
    // times in a row (a thread that spins or yields never is, and is judged below).
    let settling = Instant::now();
    let mut quiet = 0;
    while quiet < 3 && settling.elapsed() < Duration::from_secs(1) {
        if another_thread_runnable(&[&tid, &me]) {
            quiet = 0;
        } else {
            quiet += 1;
        }
        thread::sleep(Duration::from_millis(1));
    }
    let (process, spun, mine) = (
        process_cpu_time(),
        thread_cpu_time(&tid),
        thread_cpu_time(&me),
    );
    let started = Instant::now();
    let (mut runnable, mut looks) = (0, 0);
    while started.elapsed() < window {
        looks += 1;
        if another_thread_runnable(&[&tid, &me]) {
            runnable += 1;
        }
        thread::sleep(Duration::from_millis(1));
    }
    let (process, spun, mine) = (
        process_cpu_time().saturating_sub(process),
        thread_cpu_time(&tid).saturating_sub(spun),
        thread_cpu_time(&me).saturating_sub(mine),
    );
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let _ = spinner.join();
    Activity {
        window,
        burned: process.saturating_sub(spun).saturating_sub(mine),
        spinner: spun,
        runnable,
        looks,
    }
}

fn the_thread_sleeps_between_beats() {
    let (heartbeat, beats) = counting(HOUR);
    wait_for_beats(&beats, 1, "a heartbeat started with an interval of 1 hour");
    thread::sleep(Duration::from_millis(50));
    let activity = activity_while_idle(BLOCKED);
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
