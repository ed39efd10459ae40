//! Hidden tests for exercises/09_daemons/04_background.rs: a job on a thread of its own whose
//! stop token wakes every sleeper at once, whose result or panic message comes back from
//! `join`/`stop`, and whose handle stops and joins it when dropped.

use exercise::{Background, StopToken};
use harness::awake;
use harness::time::{Kept, within};
use harness::types::{assert_send, assert_send_sync};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};

/// Long enough for a thread that was just started to reach its wait, on a busy machine too.
const SETTLE: Duration = Duration::from_millis(100);
/// How long the test watches for something that must not happen.
const BLOCKED: Duration = Duration::from_millis(300);
/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);
/// A sleep that never runs out during a test.
const HOUR: Duration = Duration::from_secs(3600);

const _: fn() = || {
    assert_send_sync::<StopToken>();
    assert_send::<Background<u32>>();
};

/// Starts `job` in the background; the handle is leaked if the test fails.
fn spawn<T: Send + 'static>(
    job: impl FnOnce(&StopToken) -> T + Send + 'static,
) -> Kept<Background<T>> {
    Kept::new(Background::spawn(job))
}

/// Calls `stop()` within the hang deadline.
fn stop<T: Send + 'static>(job: Kept<Background<T>>, what: &str) -> Result<T, String> {
    within(HANG, what, move || job.take().stop())
}

/// Calls `join()` within the hang deadline.
///
/// Not `harness::time::join`: this calls the exercise's `Background::join` (on a kept job), not
/// `JoinHandle::join`, and returns its `Result` as the tests check it.
fn join<T: Send + 'static>(job: Kept<Background<T>>, what: &str) -> Result<T, String> {
    within(HANG, what, move || job.take().join())
}

fn join_returns_what_the_job_returned() {
    let job = spawn(|_| 6 * 7);
    let got = join(job, "join() on a job that returns 42 at once");
    assert_eq!(
        got,
        Ok(42),
        "join() on a job that returned 42 returned {got:?}; it should return Ok(42)"
    );
    let job = spawn(|token: &StopToken| token.is_stopped());
    let got = join(job, "join() on a job that returns is_stopped()");
    assert_eq!(
        got,
        Ok(false),
        "a job that nobody asked to stop saw is_stopped() return {got:?} (as the job's result); \
         it should be false"
    );
}

fn stop_asks_the_job_to_stop_and_returns_its_result() {
    let (working, started) = mpsc::channel();
    let job = spawn(move |token: &StopToken| {
        let mut rounds = 0u32;
        loop {
            rounds += 1;
            if rounds == 1 {
                let _ = working.send(());
            }
            if token.is_stopped() {
                return rounds;
            }
            thread::sleep(Duration::from_millis(1));
        }
    });
    started
        .recv_timeout(HANG)
        .expect("a job had not started running within 5 s of Background::spawn");
    let got = stop(
        job,
        "stop() on a job that works until is_stopped() returns true",
    );
    assert!(
        matches!(got, Ok(rounds) if rounds > 0),
        "stop() on a job that counted its rounds until is_stopped() returned true returned \
         {got:?}; it should return Ok with the job's count"
    );
}

fn token_sleep_wakes_at_once_when_a_stop_is_requested() {
    let job = spawn(|token: &StopToken| token.sleep(HOUR));
    thread::sleep(SETTLE);
    let got = stop(
        job,
        "stop() on a job in token.sleep(1 hour) (a stop request should wake it at once)",
    );
    assert_eq!(
        got,
        Ok(true),
        "token.sleep(1 hour) woken by stop() returned {got:?} (as the job's result); it should \
         return true: a stop was requested"
    );
}

fn token_sleep_returns_false_when_its_time_is_up() {
    let job = spawn(|token: &StopToken| {
        let started = Instant::now();
        let stopped = token.sleep(Duration::from_millis(20));
        (stopped, started.elapsed())
    });
    let got = join(
        job,
        "join() on a job that calls token.sleep(20 ms) and returns",
    );
    match got {
        Ok((false, slept)) if slept >= Duration::from_millis(20) => {}
        Ok((false, slept)) => panic!(
            "token.sleep(20 ms) returned after {} µs, with no stop requested; it should sleep \
             the whole 20 ms",
            slept.as_micros()
        ),
        Ok((true, _)) => panic!(
            "token.sleep(20 ms) returned true although no stop was requested; it should return \
             false when its time is up"
        ),
        Err(message) => panic!("the job panicked: {message}"),
    }
}

fn a_stop_requested_before_the_sleep_is_not_missed() {
    let (release, released) = mpsc::channel::<()>();
    let job = spawn(move |token: &StopToken| {
        let _ = released.recv();
        (token.is_stopped(), token.sleep(HOUR))
    });
    let (stopped, stop_returned) = mpsc::channel();
    let stopper = thread::spawn(move || {
        let _ = stopped.send(job.take().stop());
    });
    // stop() has requested the stop by now, and waits for the job, which waits for us.
    thread::sleep(SETTLE);
    release.send(()).expect("the job waits for the test");
    let got = stop_returned.recv_timeout(HANG).unwrap_or_else(|_| {
        panic!(
            "stop() did not return within 5 s: the job called token.sleep(1 hour) after the \
             stop had been requested, and slept; it should have returned true at once"
        )
    });
    let _ = stopper.join();
    assert_eq!(
        got,
        Ok((true, true)),
        "a job that called is_stopped() and then token.sleep(1 hour) after stop() had requested \
         a stop got {got:?} (as the job's result); both should be true"
    );
}

fn a_stop_wakes_every_thread_sleeping_on_the_token() {
    for round in 1..=3 {
        let (ready, sleeping) = mpsc::channel();
        let job = spawn(move |token: &StopToken| {
            thread::scope(|s| {
                let sleepers: Vec<_> = (0..4)
                    .map(|_| {
                        let ready = ready.clone();
                        s.spawn(move || {
                            let _ = ready.send(());
                            token.sleep(HOUR)
                        })
                    })
                    .collect();
                sleepers
                    .into_iter()
                    .map(|sleeper| sleeper.join().unwrap_or(false))
                    .filter(|&stopped| stopped)
                    .count()
            })
        });
        for _ in 0..4 {
            sleeping
                .recv_timeout(HANG)
                .expect("the job's 4 threads had not all started within 5 s");
        }
        // Each of them has called, or is about to call, token.sleep(1 hour).
        thread::sleep(SETTLE);
        let got = stop(
            job,
            &format!(
                "stop() on a job whose 4 threads all sleep on its token (round {round} of 3; a \
                 stop should wake every one of them: notify_all, not notify_one)"
            ),
        );
        assert_eq!(
            got,
            Ok(4),
            "a job whose 4 threads slept on its token returned {got:?} (how many threads saw \
             the stop); it should return Ok(4)"
        );
    }
}

fn a_panicking_job_gives_its_message_to_join_and_stop() {
    let job = spawn(|_: &StopToken| -> u32 { panic!("disk on fire") });
    let got = join(job, "join() on a job that panics");
    assert_eq!(
        got,
        Err("disk on fire".to_owned()),
        "join() on a job that called panic!(\"disk on fire\") returned {got:?}; it should \
         return Err(\"disk on fire\")"
    );
    let job = spawn(|token: &StopToken| -> u32 {
        token.sleep(HOUR);
        let files = 3;
        panic!("{files} files left open")
    });
    thread::sleep(SETTLE);
    let got = stop(job, "stop() on a job that panics once stopped");
    assert_eq!(
        got,
        Err("3 files left open".to_owned()),
        "stop() on a job that called panic!(\"{{files}} files left open\") with files = 3 \
         returned {got:?}; it should return Err(\"3 files left open\") (a formatted panic \
         message is a String, a plain one a &str)"
    );
    let job = spawn(|_: &StopToken| -> u32 { std::panic::panic_any(42u8) });
    let got = join(job, "join() on a job that panics with a number");
    assert!(
        got.is_err(),
        "join() on a job that panicked (with std::panic::panic_any(42u8)) returned {got:?}; it \
         should return Err"
    );
}

fn is_finished_says_whether_the_job_has_ended() {
    let (release, released) = mpsc::channel::<()>();
    let job = spawn(move |_: &StopToken| {
        let _ = released.recv();
    });
    thread::sleep(SETTLE);
    assert!(
        !job.is_finished(),
        "is_finished() returned true for a job that was still running"
    );
    release.send(()).expect("the job waits for the test");
    let started = Instant::now();
    while !job.is_finished() {
        assert!(
            started.elapsed() < HANG,
            "is_finished() still returned false 5 s after the job had returned"
        );
        thread::sleep(Duration::from_millis(1));
    }
    let got = join(job, "join() on a job that had finished");
    assert_eq!(got, Ok(()), "join() on a finished job returned {got:?}");
}

fn dropping_the_handle_stops_the_job_and_waits_for_it() {
    let finished = Arc::new(AtomicBool::new(false));
    let done = Arc::clone(&finished);
    let job = spawn(move |token: &StopToken| {
        token.sleep(HOUR);
        thread::sleep(BLOCKED);
        done.store(true, Ordering::SeqCst);
    });
    thread::sleep(SETTLE);
    within(
        HANG,
        "dropping a Background whose job sleeps in token.sleep(1 hour) (dropping should request \
         a stop, then wait)",
        move || drop(job.take()),
    );
    assert!(
        finished.load(Ordering::SeqCst),
        "dropping a Background returned while its job was still running; it should request a \
         stop and wait for the job to end (join it), so that no job outlives its handle"
    );
    let job = spawn(|_: &StopToken| -> u32 { panic!("disk on fire") });
    thread::sleep(SETTLE);
    within(
        HANG,
        "dropping a Background whose job had panicked (dropping should ignore the panic)",
        move || drop(job.take()),
    );
}

fn token_sleep_sleeps_instead_of_spinning() {
    let job = spawn(|token: &StopToken| token.sleep(HOUR));
    thread::sleep(SETTLE);
    let activity = awake::watch(BLOCKED);
    assert!(
        !activity.busy(),
        "while a job was in token.sleep(1 hour), {activity}: token.sleep should sleep \
         until its time is up or a stop is requested, not check again and again"
    );
    let _ = stop(job, "stop() on a job in token.sleep(1 hour)");
}

harness::hidden_tests![
    join_returns_what_the_job_returned,
    stop_asks_the_job_to_stop_and_returns_its_result,
    token_sleep_wakes_at_once_when_a_stop_is_requested,
    token_sleep_returns_false_when_its_time_is_up,
    a_stop_requested_before_the_sleep_is_not_missed,
    a_stop_wakes_every_thread_sleeping_on_the_token,
    a_panicking_job_gives_its_message_to_join_and_stop,
    is_finished_says_whether_the_job_has_ended,
    dropping_the_handle_stops_the_job_and_waits_for_it,
    token_sleep_sleeps_instead_of_spinning,
];
