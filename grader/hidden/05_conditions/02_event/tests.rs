//! Hidden tests for exercises/05_conditions/02_event.rs: a one-shot event whose waiters sleep,
//! all wake up when it is set, never miss a set() that races with their wait(), and give up after
//! their timeout.

use exercise::Event;
use harness::awake;
use harness::race::{self, Length};
use harness::time::{join, within};
use harness::types::assert_send_sync;
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::Duration;

/// Long enough for a thread that was just started to reach its `wait`, on a busy machine too.
const SETTLE: Duration = Duration::from_millis(100);
/// How long a call must stay blocked to count as waiting.
const BLOCKED: Duration = Duration::from_millis(300);
/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);

const _: fn() = || assert_send_sync::<Event>();

fn a_new_event_is_not_set_until_set_is_called() {
    let event = Event::new();
    assert!(
        !event.is_set(),
        "is_set() on a new Event returned true; it should start unset"
    );
    event.set();
    assert!(event.is_set(), "is_set() returned false after set()");
    event.set();
    assert!(
        event.is_set(),
        "is_set() returned false after set() was called twice"
    );
}

fn wait_returns_at_once_on_a_set_event() {
    let event = Arc::new(Event::new());
    event.set();
    let waiting = Arc::clone(&event);
    within(HANG, "wait() on an event that was already set", move || {
        waiting.wait()
    });
    let waiting = Arc::clone(&event);
    let got = within(
        HANG,
        "wait_timeout(60 s) on an event that was already set",
        move || waiting.wait_timeout(Duration::from_secs(60)),
    );
    assert!(
        got,
        "wait_timeout() on an event that was already set returned false; it should return true"
    );
    assert!(
        event.wait_timeout(Duration::ZERO),
        "wait_timeout(Duration::ZERO) on a set event returned false; it should return true"
    );
}

fn wait_blocks_until_set_is_called() {
    let event = Arc::new(Event::new());
    let (done, waited) = mpsc::channel();
    let waiter = {
        let event = Arc::clone(&event);
        thread::spawn(move || {
            event.wait();
            let _ = done.send(());
        })
    };
    assert!(
        waited.recv_timeout(BLOCKED).is_err(),
        "wait() on an event that was never set returned; it should wait until set() is called"
    );
    event.set();
    waited.recv_timeout(HANG).expect(
        "wait() did not return within 5 s after set() was called: was the waiting thread woken?",
    );
    join(waiter, HANG, "the waiting thread");
}

fn set_wakes_every_waiting_thread() {
    let event = Arc::new(Event::new());
    let waiters: Vec<_> = (0..6)
        .map(|n| {
            let event = Arc::clone(&event);
            thread::spawn(move || {
                if n % 2 == 0 {
                    event.wait();
                    true
                } else {
                    event.wait_timeout(Duration::from_secs(60))
                }
            })
        })
        .collect();
    thread::sleep(SETTLE);
    event.set();
    for (n, waiter) in waiters.into_iter().enumerate() {
        let call = if n % 2 == 0 {
            "wait()"
        } else {
            "wait_timeout(60 s)"
        };
        let got = join(
            waiter,
            HANG,
            &format!(
                "{call} in thread {} of 6 waiting when set() was called (is every waiter woken, \
                 or only one?)",
                n + 1
            ),
        );
        assert!(
            got,
            "{call} woken by set() returned false; it should return true"
        );
    }
}

fn every_waiter_wakes_when_set_round_after_round() {
    // Eight threads wait on an unset event; set() must wake them all. Played over several
    // rounds, because some mistakes (notifying before setting the flag) only strand a waiter
    // that happens to get the lock before the flag changes.
    for round in 1..=16 {
        let event = Arc::new(Event::new());
        let waiters: Vec<_> = (0..8)
            .map(|_| {
                let event = Arc::clone(&event);
                thread::spawn(move || event.wait())
            })
            .collect();
        thread::sleep(Duration::from_millis(20));
        event.set();
        for waiter in waiters {
            join(
                waiter,
                HANG,
                &format!(
                    "wait() in one of 8 threads waiting when set() was called (round {round}; \
                     was the flag changed under the lock before the waiters were woken?)"
                ),
            );
        }
    }
}

fn wait_timeout_returns_false_when_the_event_is_not_set() {
    let event = Arc::new(Event::new());
    let waiting = Arc::clone(&event);
    let got = within(
        HANG,
        "wait_timeout(Duration::ZERO) on an unset event",
        move || waiting.wait_timeout(Duration::ZERO),
    );
    assert!(
        !got,
        "wait_timeout(Duration::ZERO) on an unset event returned true; it should return false"
    );
    let waiting = Arc::clone(&event);
    let got = within(
        HANG,
        "wait_timeout(50 ms) on an event that is never set",
        move || waiting.wait_timeout(Duration::from_millis(50)),
    );
    assert!(
        !got,
        "wait_timeout(50 ms) on an event that was never set returned true; it should return false"
    );
    assert!(
        !event.is_set(),
        "is_set() returned true although set() was never called"
    );
}

fn wait_timeout_returns_true_as_soon_as_the_event_is_set() {
    let event = Arc::new(Event::new());
    let (done, waited) = mpsc::channel();
    let waiter = {
        let event = Arc::clone(&event);
        thread::spawn(move || {
            let _ = done.send(event.wait_timeout(Duration::from_secs(60)));
        })
    };
    if let Ok(early) = waited.recv_timeout(BLOCKED) {
        panic!("wait_timeout(60 s) on an unset event returned {early} at once; it should wait");
    }
    event.set();
    let got = waited.recv_timeout(HANG).expect(
        "wait_timeout(60 s) did not return within 5 s after set() was called: it should wake up \
         when the event is set, not sleep out its whole timeout",
    );
    assert!(
        got,
        "wait_timeout() woken by set() returned false; it should return true"
    );
    join(waiter, HANG, "the waiting thread");
}

fn waiting_threads_sleep_instead_of_spinning() {
    let event = Arc::new(Event::new());
    let waiters: Vec<_> = (0..4)
        .map(|n| {
            let event = Arc::clone(&event);
            thread::spawn(move || {
                if n % 2 == 0 {
                    event.wait();
                } else {
                    event.wait_timeout(Duration::from_secs(60));
                }
            })
        })
        .collect();
    thread::sleep(SETTLE);
    let activity = awake::watch(BLOCKED);
    event.set();
    assert!(
        !activity.busy(),
        "while 4 threads waited on an unset event (2 in wait(), 2 in wait_timeout(60 s)), {}; a waiting \
         thread should sleep on a condition variable, not loop checking the flag",
        activity
    );
    for waiter in waiters {
        join(waiter, HANG, "a waiting thread, after set()");
    }
}

fn no_wake_up_is_lost_when_set_races_with_wait() {
    // Round after round, one thread calls wait() on a fresh event while another calls set() on
    // it at nearly the same moment, with the two start times shifted a little more each round.
    // If the flag can change between the waiter's check and its going to sleep, some round's
    // wake-up is lost and that waiter sleeps forever. The race goes on until enough rounds have
    // begun with both threads running at once, however busy the machine.
    const ROUNDS: usize = 400_000;
    const LENGTH: Length = Length {
        parallel_rounds: 20_000,
        at_least: Duration::from_millis(1500),
        at_most: Duration::from_secs(6),
    };
    let events: Arc<Vec<Event>> = Arc::new((0..ROUNDS).map(|_| Event::new()).collect());
    let (waiting, setting) = (Arc::clone(&events), Arc::clone(&events));
    let lost = race::wake_up_lost(
        ROUNDS,
        LENGTH,
        move |round| waiting[round].wait(),
        move |round| setting[round].set(),
    );
    if let Some(round) = lost {
        panic!(
            "wait() on an event did not return although set() had been called on it (round \
             {round} of a race between wait() and set()): the wake-up was lost. Change the flag \
             only while holding the mutex the waiters check it under, check it under that same \
             mutex before going to sleep, and notify after changing it"
        );
    }
}

harness::hidden_tests![
    a_new_event_is_not_set_until_set_is_called,
    wait_returns_at_once_on_a_set_event,
    wait_blocks_until_set_is_called,
    set_wakes_every_waiting_thread,
    every_waiter_wakes_when_set_round_after_round,
    wait_timeout_returns_false_when_the_event_is_not_set,
    wait_timeout_returns_true_as_soon_as_the_event_is_set,
    waiting_threads_sleep_instead_of_spinning,
    no_wake_up_is_lost_when_set_races_with_wait,
];
