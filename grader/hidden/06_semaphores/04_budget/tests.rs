//! Hidden tests for exercises/06_semaphores/04_budget.rs: a weighted semaphore that never hands
//! out more units than it has, waits until enough units are free, serves waiters in order of
//! arrival (so a big request is not starved), and wakes everyone who can go.

use exercise::Budget;
use harness::awake;
use harness::sync::Rendezvous;
use harness::time::{join, within};
use harness::types::assert_send_sync;
use harness::watched::WatchedThread;
use std::panic;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// Long enough for a thread that was just started to reach its `acquire`, on a busy machine too.
const SETTLE: Duration = Duration::from_millis(100);
/// How long a call must stay blocked to count as waiting.
const BLOCKED: Duration = Duration::from_millis(300);
/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);

const _: fn() = || assert_send_sync::<Budget>();

/// A thread that calls `acquire(units)`, reports `(name, units granted)` on `got`, then holds
/// its grant until it receives a word on the returned sender (or that sender is dropped).
/// Returns once the thread is waiting in `acquire` (or has got its units).
fn spawn_acquirer(
    budget: &Arc<Budget>,
    name: &'static str,
    units: usize,
    got: &mpsc::Sender<(&'static str, usize)>,
) -> (mpsc::Sender<()>, JoinHandle<()>) {
    let (release, released) = mpsc::channel::<()>();
    let (started, tid) = mpsc::channel();
    let (budget, got) = (Arc::clone(budget), got.clone());
    let handle = thread::spawn(move || {
        let _ = started.send(WatchedThread::current());
        let grant = budget.acquire(units);
        let _ = got.send((name, grant.units()));
        let _ = released.recv();
    });
    // Until the thread is asleep in acquire() (or has its units) for three looks in a row.
    if let Ok(acquirer) = tid.recv() {
        acquirer.wait_until_asleep(3, Duration::from_secs(2));
    }
    (release, handle)
}

/// Calls `try_acquire(units)` on another thread and returns whether it got the units (which it
/// gives back at once), failing the test if the call does not return promptly.
fn try_acquire_elsewhere(budget: &Arc<Budget>, units: usize) -> bool {
    let (done, got) = mpsc::channel();
    let budget = Arc::clone(budget);
    thread::spawn(move || {
        let _ = done.send(budget.try_acquire(units).is_some());
    });
    got.recv_timeout(Duration::from_secs(2)).unwrap_or_else(|_| {
        panic!("try_acquire({units}) had not returned after 2 s; it should answer at once and never wait")
    })
}

fn available_counts_the_free_units() {
    within(
        HANG,
        "acquire() and try_acquire() on Budget::new(10) with units free",
        || {
            let budget = Budget::new(10);
            let free = budget.available();
            assert_eq!(free, 10, "available() of Budget::new(10) returned {free}");
            let three = budget.acquire(3);
            assert_eq!(
                three.units(),
                3,
                "acquire(3) returned a grant of {} units",
                three.units()
            );
            let free = budget.available();
            assert_eq!(
                free, 7,
                "available() returned {free} after acquire(3) on Budget::new(10); it should be 7"
            );
            let five = budget
                .try_acquire(5)
                .expect("try_acquire(5) returned None with 7 of 10 units free and nobody waiting");
            assert_eq!(
                five.units(),
                5,
                "try_acquire(5) returned a grant of {} units",
                five.units()
            );
            let free = budget.available();
            assert_eq!(
                free, 2,
                "available() returned {free} with grants of 3 and 5 of 10 units out; it should be 2"
            );
            assert!(
                budget.try_acquire(3).is_none(),
                "try_acquire(3) returned a grant with only 2 of 10 units free"
            );
            drop(three);
            let free = budget.available();
            assert_eq!(
                free, 5,
                "available() returned {free} after a grant of 3 units was dropped (2 were free); it should be 5"
            );
            drop(five);
            let free = budget.available();
            assert_eq!(
                free, 10,
                "available() returned {free} after every grant was dropped; it should be 10"
            );
            let all = budget.acquire(10);
            assert_eq!(
                all.units(),
                10,
                "acquire(10) returned a grant of {} units",
                all.units()
            );
            let free = budget.available();
            assert_eq!(
                free, 0,
                "available() returned {free} with all 10 units granted"
            );
        },
    );
}

fn acquire_waits_until_enough_units_are_free() {
    let budget = Arc::new(Budget::new(10));
    let six = budget
        .try_acquire(6)
        .expect("try_acquire(6) on a fresh Budget::new(10) returned None");
    let two = budget
        .try_acquire(2)
        .expect("try_acquire(2) with 4 of 10 units free returned None");
    let (got, grants) = mpsc::channel();
    let (release, waiter) = spawn_acquirer(&budget, "acquire(5)", 5, &got);
    if grants.recv_timeout(BLOCKED).is_ok() {
        panic!("acquire(5) returned with only 2 of 10 units free; it should wait until 5 are free");
    }
    drop(two);
    if grants.recv_timeout(BLOCKED).is_ok() {
        panic!(
            "acquire(5) returned when a grant of 2 units was dropped, leaving only 4 of 10 units \
             free; it should keep waiting until 5 are free (a wake-up only says \"look again\")"
        );
    }
    drop(six);
    let (_, units) = grants.recv_timeout(HANG).unwrap_or_else(|_| {
        panic!(
            "acquire(5) was still waiting 5 s after grants of 2 and 6 units were dropped, with all \
             10 units free: dropping a Grant should give its units back and wake the waiters"
        )
    });
    assert_eq!(units, 5, "acquire(5) returned a grant of {units} units");
    let free = budget.available();
    assert_eq!(
        free, 5,
        "available() returned {free} while a grant of 5 of 10 units was out"
    );
    drop(release);
    join(waiter, HANG, "the thread holding 5 units");
    let free = budget.available();
    assert_eq!(
        free, 10,
        "available() returned {free} after every grant was dropped"
    );
}

fn a_request_larger_than_the_whole_budget_panics() {
    let refused = within(
        HANG,
        "acquire(11) on Budget::new(10) (it should panic, not wait forever)",
        || panic::catch_unwind(|| drop(Budget::new(10).acquire(11))).is_err(),
    );
    assert!(
        refused,
        "acquire(11) on Budget::new(10) returned a grant; it should panic, since 11 units can \
         never be free"
    );
    let budget = Arc::new(Budget::new(10));
    assert!(
        !try_acquire_elsewhere(&budget, 11),
        "try_acquire(11) on Budget::new(10) returned a grant; it should return None"
    );
}

fn a_big_request_is_not_overtaken_by_small_ones() {
    // One unit of 4 is out, so 3 are free. A thread asks for all 4 and waits. Now small requests
    // would fit, but they came later: they must wait behind the big one, or a stream of them
    // could keep it waiting forever.
    let budget = Arc::new(Budget::new(4));
    let held = budget
        .try_acquire(1)
        .expect("try_acquire(1) on a fresh Budget::new(4) returned None");
    let (got, grants) = mpsc::channel();
    let (release_big, big) = spawn_acquirer(&budget, "acquire(4)", 4, &got);
    if let Ok((name, _)) = grants.try_recv() {
        panic!("{name} returned with only 3 of 4 units free");
    }
    assert!(
        !try_acquire_elsewhere(&budget, 1),
        "try_acquire(1) got a unit while a thread was waiting in acquire(4) on Budget::new(4) \
         with 3 units free. It should return None: taking units from under a waiting thread is \
         how a big request starves"
    );
    let (release_small, small) = spawn_acquirer(&budget, "acquire(1)", 1, &got);
    if let Ok((name, _)) = grants.recv_timeout(BLOCKED) {
        panic!(
            "{name} returned first, while a thread that called acquire(4) earlier was still \
             waiting (3 of 4 units were free). Later requests should wait behind earlier ones, \
             or a big request can starve"
        );
    }
    drop(held);
    let first = grants.recv_timeout(HANG).unwrap_or_else(|_| {
        panic!(
            "neither acquire(4) nor acquire(1) returned within 5 s after every unit of \
             Budget::new(4) was free again: dropping a Grant should wake the first thread in line"
        )
    });
    assert_eq!(
        first,
        ("acquire(4)", 4),
        "when the units came back, {} returned first; acquire(4) was waiting first, so it \
         should be served first",
        first.0
    );
    if let Ok((name, _)) = grants.recv_timeout(BLOCKED) {
        panic!("{name} returned while acquire(4) held every unit of Budget::new(4)");
    }
    drop(release_big);
    let second = grants.recv_timeout(HANG).unwrap_or_else(|_| {
        panic!(
            "acquire(1) was still waiting 5 s after the grant of 4 units was dropped: every \
             thread that can go when units come back should be woken"
        )
    });
    assert_eq!(second, ("acquire(1)", 1), "the second grant was {second:?}");
    join(big, HANG, "the thread that held 4 units");
    drop(release_small);
    join(small, HANG, "the thread that held 1 unit");
}

fn waiters_are_served_in_order_of_arrival() {
    // All 4 units are out. Threads ask, one after the other, for 3, 2 and 1 units. When the 4
    // come back, the first (3) is served; the second (2) does not fit in the 1 left, and the
    // third (1) would, but it came later and waits behind the second. Once the 3 come back too,
    // both go.
    let budget = Arc::new(Budget::new(4));
    let held = budget
        .try_acquire(4)
        .expect("try_acquire(4) on a fresh Budget::new(4) returned None");
    let (got, grants) = mpsc::channel();
    let mut threads = Vec::new();
    for (name, units) in [("acquire(3)", 3), ("acquire(2)", 2), ("acquire(1)", 1)] {
        threads.push(spawn_acquirer(&budget, name, units, &got));
    }
    if let Ok((name, _)) = grants.try_recv() {
        panic!("{name} returned while every unit of Budget::new(4) was out");
    }
    drop(held);
    let first = grants.recv_timeout(HANG).unwrap_or_else(|_| {
        panic!(
            "no waiting acquire() returned within 5 s after all 4 units of Budget::new(4) came back"
        )
    });
    assert_eq!(
        first.0, "acquire(3)",
        "{} was served first, but acquire(3) had been waiting longest",
        first.0
    );
    if let Ok((name, _)) = grants.recv_timeout(BLOCKED) {
        panic!(
            "{name} returned while acquire(3) held 3 of 4 units{}",
            if name == "acquire(1)" {
                " and acquire(2), which came earlier, was still waiting: later requests should \
                 wait behind earlier ones, even when they would fit"
            } else {
                ": only 1 unit was free"
            }
        );
    }
    let mut threads = threads.into_iter();
    let (release_three, three) = threads.next().expect("three threads");
    drop(release_three);
    join(three, HANG, "the thread that held 3 units");
    let mut rest: Vec<&str> = Vec::new();
    for _ in 0..2 {
        let (name, _) = grants.recv_timeout(HANG).unwrap_or_else(|_| {
            panic!(
                "after the grant of 3 units was dropped (all 4 free), acquire(2) and acquire(1) \
                 should both go; after 5 s only {rest:?} had returned. Every thread that can go \
                 should be woken, not only one"
            )
        });
        rest.push(name);
    }
    for (release, thread) in threads {
        drop(release);
        join(thread, HANG, "a thread holding its grant");
    }
}

fn the_first_in_line_is_woken_when_its_units_come_back_in_two_steps() {
    // All 4 units are out in two grants of 2. A thread waits for all 4, then another for 1 behind
    // it. The first grant comes back: 2 units are free, not enough for the first in line, which
    // must wait on. Then the second comes back, and the first in line must be woken for its 4
    // units, even though it had already been woken once for nothing.
    for round in 1..=3 {
        let budget = Arc::new(Budget::new(4));
        let first = budget
            .try_acquire(2)
            .expect("try_acquire(2) on a fresh Budget::new(4) returned None");
        let second = budget
            .try_acquire(2)
            .expect("try_acquire(2) with 2 of 4 units free returned None");
        let (got, grants) = mpsc::channel();
        let (release_four, four) = spawn_acquirer(&budget, "acquire(4)", 4, &got);
        let (release_one, one) = spawn_acquirer(&budget, "acquire(1)", 1, &got);
        drop(first);
        if let Ok((name, _)) = grants.recv_timeout(Duration::from_millis(100)) {
            panic!(
                "{name} returned when 2 of 4 units came back, while acquire(4), which came \
                 first, still waited for 4"
            );
        }
        drop(second);
        let (name, _) = grants.recv_timeout(HANG).unwrap_or_else(|_| {
            panic!(
                "acquire(4) (first in line) and acquire(1) (behind it) were still waiting 5 s \
                 after all 4 units of Budget::new(4) came back, in two grants of 2 (round \
                 {round}). When units come back, the first in line must be woken; with \
                 `notify_one`, the thread woken may be another one, which goes back to sleep"
            )
        });
        assert_eq!(
            name, "acquire(4)",
            "{name} was served first, but acquire(4) was first in line"
        );
        drop(release_four);
        join(four, HANG, "the thread that held 4 units");
        grants.recv_timeout(HANG).unwrap_or_else(|_| {
            panic!(
                "acquire(1) was still waiting 5 s after the grant of 4 units was dropped, with \
                 all 4 units free"
            )
        });
        drop(release_one);
        join(one, HANG, "the thread that held 1 unit");
    }
}

fn a_big_grant_coming_back_wakes_every_waiter_that_fits() {
    // All 3 units are out in one grant, and three threads each wait for 1. When the 3 come back,
    // all three can go, and each holds its unit until the other two have theirs.
    for round in 1..=5 {
        let budget = Arc::new(Budget::new(3));
        let held = budget
            .try_acquire(3)
            .expect("try_acquire(3) on a fresh Budget::new(3) returned None");
        let all_in = Arc::new(Rendezvous::new(4));
        let waiters: Vec<_> = (0..3)
            .map(|_| {
                let (budget, all_in) = (Arc::clone(&budget), Arc::clone(&all_in));
                thread::spawn(move || {
                    let _grant = budget.acquire(1);
                    let _ = all_in.wait(Duration::from_secs(60));
                })
            })
            .collect();
        thread::sleep(Duration::from_millis(30));
        drop(held);
        if let Err(arrived) = all_in.wait(HANG) {
            panic!(
                "3 threads waited in acquire(1) while all 3 units of Budget::new(3) were out; \
                 when the 3 came back together, only {} of the waiters got a unit within 5 s, \
                 and available() said {} (round {round}). Every waiter that can go should be \
                 woken, not only one",
                arrived - 1,
                budget.available()
            );
        }
        for waiter in waiters {
            join(waiter, HANG, "a thread holding 1 unit");
        }
    }
}

fn many_threads_never_get_more_units_than_the_budget() {
    const TOTAL: usize = 10;
    const THREADS: usize = 6;
    const ROUNDS: usize = 5_000;
    let budget = Arc::new(Budget::new(TOTAL));
    let in_use = Arc::new(AtomicUsize::new(0));
    let most = Arc::new(AtomicUsize::new(0));
    let start = Arc::new(Rendezvous::new(THREADS));
    let workers: Vec<_> = (0..THREADS)
        .map(|n| {
            let (budget, in_use, most, start) = (
                Arc::clone(&budget),
                Arc::clone(&in_use),
                Arc::clone(&most),
                Arc::clone(&start),
            );
            thread::spawn(move || {
                start.meet(HANG, "threads calling acquire()");
                for round in 0..ROUNDS {
                    let units = 1 + (n * 7 + round * 3) % 6;
                    let grant = if round % 5 == 0 {
                        match budget.try_acquire(units) {
                            Some(grant) => grant,
                            None => continue,
                        }
                    } else {
                        budget.acquire(units)
                    };
                    let now = in_use.fetch_add(units, Ordering::SeqCst) + units;
                    most.fetch_max(now, Ordering::SeqCst);
                    std::hint::black_box(round);
                    in_use.fetch_sub(units, Ordering::SeqCst);
                    drop(grant);
                }
            })
        })
        .collect();
    for worker in workers {
        join(
            worker,
            HANG,
            "a thread taking 1 to 6 units of Budget::new(10) 5 000 times",
        );
    }
    let most = most.load(Ordering::SeqCst);
    assert!(
        most <= TOTAL,
        "{THREADS} threads taking 1 to 6 units each held {most} units of Budget::new({TOTAL}) at \
         the same time; it has {TOTAL}"
    );
    let free = budget.available();
    assert_eq!(
        free, TOTAL,
        "available() returned {free} after every grant was dropped; it should be {TOTAL}"
    );
}

fn waiting_threads_sleep_instead_of_spinning() {
    let budget = Arc::new(Budget::new(2));
    let held = budget
        .try_acquire(2)
        .expect("try_acquire(2) on a fresh Budget::new(2) returned None");
    let waiters: Vec<_> = [2, 1]
        .into_iter()
        .map(|units| {
            let budget = Arc::clone(&budget);
            thread::spawn(move || drop(budget.acquire(units)))
        })
        .collect();
    thread::sleep(SETTLE);
    let activity = awake::watch(BLOCKED);
    drop(held);
    assert!(
        !activity.busy(),
        "while 2 threads waited in acquire() for units of Budget::new(2), {}; a waiting thread \
         should sleep on a condition variable, not loop checking",
        activity
    );
    for waiter in waiters {
        join(waiter, HANG, "acquire() after the units came back");
    }
}

harness::hidden_tests![
    available_counts_the_free_units,
    acquire_waits_until_enough_units_are_free,
    a_request_larger_than_the_whole_budget_panics,
    a_big_request_is_not_overtaken_by_small_ones,
    waiters_are_served_in_order_of_arrival,
    the_first_in_line_is_woken_when_its_units_come_back_in_two_steps,
    a_big_grant_coming_back_wakes_every_waiter_that_fits,
    many_threads_never_get_more_units_than_the_budget,
    waiting_threads_sleep_instead_of_spinning,
];
