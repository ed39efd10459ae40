//! Hidden tests for exercises/05_conditions/03_latch.rs: a countdown latch whose waiters sleep
//! until the count reaches 0, all wake up then (and not before), and never miss the last
//! count_down() when it races with their wait().

use exercise::Latch;
use harness::awake;
use harness::race::{self, Length};
use harness::sync::Rendezvous;
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

const _: fn() = || assert_send_sync::<Latch>();

fn count_goes_down_to_zero_and_stays_there() {
    let latch = Latch::new(3);
    assert_eq!(
        latch.count(),
        3,
        "count() of Latch::new(3) returned {}",
        latch.count()
    );
    for expected in [2, 1, 0] {
        latch.count_down();
        assert_eq!(
            latch.count(),
            expected,
            "count() after a count_down() returned {}; it should be {expected}",
            latch.count()
        );
    }
    latch.count_down();
    latch.count_down();
    assert_eq!(
        latch.count(),
        0,
        "count() returned {} after more count_down() calls than the latch's count; extra calls \
         should leave it at 0",
        latch.count()
    );
}

fn wait_returns_at_once_when_the_count_is_zero() {
    let open = Arc::new(Latch::new(0));
    within(HANG, "wait() on Latch::new(0)", move || open.wait());
    let latch = Arc::new(Latch::new(1));
    latch.count_down();
    within(HANG, "wait() on a latch counted down to 0", move || {
        latch.wait()
    });
}

fn waiters_stay_blocked_until_the_last_count_down_then_all_wake() {
    let latch = Arc::new(Latch::new(3));
    let (done, returns) = mpsc::channel();
    let waiters: Vec<_> = (0..4)
        .map(|_| {
            let (latch, done) = (Arc::clone(&latch), done.clone());
            thread::spawn(move || {
                latch.wait();
                let _ = done.send(latch.count());
            })
        })
        .collect();
    thread::sleep(SETTLE);
    for left in [2, 1] {
        latch.count_down();
        if let Ok(seen) = returns.recv_timeout(BLOCKED) {
            panic!(
                "wait() returned while the count was still {left} (the waiter saw count() = \
                 {seen}); it should wait until the count reaches 0. A wake-up only says \"look \
                 again\": check the count in a `while` loop (or use `wait_while`)"
            );
        }
    }
    latch.count_down();
    for (n, waiter) in waiters.into_iter().enumerate() {
        join(
            waiter,
            HANG,
            &format!(
                "wait() in thread {} of 4 waiting when the count reached 0 (is every waiter \
                 woken, or only one?)",
                n + 1
            ),
        );
    }
}

fn every_waiter_wakes_at_the_last_count_down_round_after_round() {
    // Eight threads wait on a latch at 1; the last count_down() must wake them all. Played over
    // several rounds, because some mistakes (notifying before changing the count) only strand a
    // waiter that happens to get the lock before the count changes.
    for round in 1..=16 {
        let latch = Arc::new(Latch::new(1));
        let waiters: Vec<_> = (0..8)
            .map(|_| {
                let latch = Arc::clone(&latch);
                thread::spawn(move || latch.wait())
            })
            .collect();
        thread::sleep(Duration::from_millis(20));
        latch.count_down();
        for waiter in waiters {
            join(
                waiter,
                HANG,
                &format!(
                    "wait() in one of 8 threads waiting when the count reached 0 (round {round}; \
                     was the count changed under the lock before the waiters were woken?)"
                ),
            );
        }
    }
}

fn count_downs_from_many_threads_all_count() {
    const THREADS: usize = 4;
    const EACH: usize = 100_000;
    let latch = Arc::new(Latch::new(THREADS * EACH));
    let start = Arc::new(Rendezvous::new(THREADS));
    let workers: Vec<_> = (0..THREADS)
        .map(|_| {
            let (latch, start) = (Arc::clone(&latch), Arc::clone(&start));
            thread::spawn(move || {
                start.meet(HANG, "threads calling count_down()");
                for _ in 0..EACH {
                    latch.count_down();
                }
            })
        })
        .collect();
    for worker in workers {
        join(worker, HANG, "a thread calling count_down() 100 000 times");
    }
    assert_eq!(
        latch.count(),
        0,
        "{THREADS} threads called count_down() {EACH} times each on Latch::new({}), and count() \
         then returned {}; it should return 0 (some count_down() calls were lost)",
        THREADS * EACH,
        latch.count()
    );
    within(
        HANG,
        "wait() on a latch counted down to 0 by 4 threads",
        move || latch.wait(),
    );
}

fn waiting_threads_sleep_instead_of_spinning() {
    let latch = Arc::new(Latch::new(1));
    let waiters: Vec<_> = (0..4)
        .map(|_| {
            let latch = Arc::clone(&latch);
            thread::spawn(move || latch.wait())
        })
        .collect();
    thread::sleep(SETTLE);
    let activity = awake::watch(BLOCKED);
    latch.count_down();
    assert!(
        !activity.busy(),
        "while 4 threads waited in wait() on a latch at 1, {}; a waiting \
         thread should sleep on a condition variable, not loop checking the count",
        activity
    );
    for waiter in waiters {
        join(
            waiter,
            HANG,
            "a waiting thread, after the last count_down()",
        );
    }
}

fn no_wake_up_is_lost_when_the_last_count_down_races_with_wait() {
    // Round after round, one thread calls wait() on a fresh latch of count 1 while another calls
    // count_down() on it at nearly the same moment, with the two start times shifted a little
    // more each round. If the count can change between the waiter's check and its going to
    // sleep, some round's wake-up is lost and that waiter sleeps forever. The race goes on until
    // enough rounds have begun with both threads running at once, however busy the machine.
    const ROUNDS: usize = 400_000;
    const LENGTH: Length = Length {
        parallel_rounds: 20_000,
        at_least: Duration::from_millis(1500),
        at_most: Duration::from_secs(6),
    };
    let latches: Arc<Vec<Latch>> = Arc::new((0..ROUNDS).map(|_| Latch::new(1)).collect());
    let (waiting, counting) = (Arc::clone(&latches), Arc::clone(&latches));
    let lost = race::wake_up_lost(
        ROUNDS,
        LENGTH,
        move |round| waiting[round].wait(),
        move |round| counting[round].count_down(),
    );
    if let Some(round) = lost {
        panic!(
            "wait() on a latch did not return although count_down() had brought it to 0 (round \
             {round} of a race between wait() and count_down()): the wake-up was lost. Change \
             the count only while holding the mutex the waiters check it under, check it under \
             that same mutex before going to sleep, and notify after changing it"
        );
    }
}

harness::hidden_tests![
    count_goes_down_to_zero_and_stays_there,
    wait_returns_at_once_when_the_count_is_zero,
    waiters_stay_blocked_until_the_last_count_down_then_all_wake,
    every_waiter_wakes_at_the_last_count_down_round_after_round,
    count_downs_from_many_threads_all_count,
    waiting_threads_sleep_instead_of_spinning,
    no_wake_up_is_lost_when_the_last_count_down_races_with_wait,
];
