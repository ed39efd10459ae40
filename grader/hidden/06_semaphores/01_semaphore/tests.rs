//! Hidden tests for exercises/06_semaphores/01_semaphore.rs: a counting semaphore that lets
//! exactly as many holders in as it has permits, whose `acquire` sleeps until a dropped `Permit`
//! wakes it, and whose `try_acquire` never waits.

use exercise::Semaphore;
use harness::chaos::Chaos;
use harness::awake;
use harness::race::{self, Length, StartLine, delay, shifts};
use harness::sync::Rendezvous;
use harness::time::{join, within};
use harness::types::assert_send_sync;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::Duration;

/// Long enough for a thread that was just started to reach its `acquire`, on a busy machine too.
const SETTLE: Duration = Duration::from_millis(100);
/// How long a call must stay blocked to count as waiting.
const BLOCKED: Duration = Duration::from_millis(300);
/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);

const _: fn() = || assert_send_sync::<Semaphore>();

/// Calls `try_acquire()` on another thread and returns whether it got a permit (which it gives
/// back at once), failing the test if the call does not return promptly.
fn try_acquire_elsewhere(semaphore: &Arc<Semaphore>, held: usize) -> bool {
    let (done, got) = mpsc::channel();
    let semaphore = Arc::clone(semaphore);
    thread::spawn(move || {
        let _ = done.send(semaphore.try_acquire().is_some());
    });
    got.recv_timeout(Duration::from_secs(2))
        .unwrap_or_else(|_| {
            panic!(
                "try_acquire() had not returned after 2 s while {held} permit(s) were held; it \
             should answer at once (None when no permit is free) and never wait"
            )
        })
}

fn available_counts_the_free_permits() {
    within(
        HANG,
        "acquire() and try_acquire() on Semaphore::new(3) with permits free",
        || {
            let semaphore = Semaphore::new(3);
            let free = semaphore.available();
            assert_eq!(free, 3, "available() of Semaphore::new(3) returned {free}");
            let first = semaphore.acquire();
            let free = semaphore.available();
            assert_eq!(
                free, 2,
                "available() returned {free} after one acquire() on Semaphore::new(3); it should \
                 be 2"
            );
            let second = semaphore.try_acquire().expect(
                "try_acquire() returned None on Semaphore::new(3) with one permit held; two \
                 permits were still free",
            );
            let free = semaphore.available();
            assert_eq!(
                free, 1,
                "available() returned {free} with 2 of 3 permits held; it should be 1"
            );
            drop(first);
            let free = semaphore.available();
            assert_eq!(
                free, 2,
                "available() returned {free} after one of two held permits was dropped; it \
                 should be 2 (dropping a Permit gives it back)"
            );
            drop(second);
            let free = semaphore.available();
            assert_eq!(
                free, 3,
                "available() returned {free} after every permit was dropped; it should be 3"
            );
            let empty = Semaphore::new(0);
            let free = empty.available();
            assert_eq!(free, 0, "available() of Semaphore::new(0) returned {free}");
        },
    );
}

fn try_acquire_returns_none_at_once_when_no_permit_is_free() {
    let semaphore = Arc::new(Semaphore::new(2));
    let first = semaphore
        .try_acquire()
        .expect("try_acquire() on a fresh Semaphore::new(2) returned None");
    let second = semaphore
        .try_acquire()
        .expect("the second try_acquire() on Semaphore::new(2) returned None");
    assert!(
        !try_acquire_elsewhere(&semaphore, 2),
        "try_acquire() returned a permit while both permits of Semaphore::new(2) were held; it \
         should return None (a semaphore of 2 lets 2 holders in, never 3)"
    );
    drop(first);
    assert!(
        try_acquire_elsewhere(&semaphore, 1),
        "try_acquire() returned None after one of the two held permits was dropped; it should \
         get the permit that came back"
    );
    drop(second);
    let empty = Arc::new(Semaphore::new(0));
    assert!(
        !try_acquire_elsewhere(&empty, 0),
        "try_acquire() on Semaphore::new(0) returned a permit; it should return None"
    );
}

fn acquire_waits_while_every_permit_is_held_and_wakes_when_one_is_dropped() {
    let semaphore = Arc::new(Semaphore::new(2));
    let first = semaphore
        .try_acquire()
        .expect("try_acquire() on a fresh Semaphore::new(2) returned None");
    let second = semaphore
        .try_acquire()
        .expect("the second try_acquire() on Semaphore::new(2) returned None");
    let (done, acquired) = mpsc::channel();
    let waiter = {
        let semaphore = Arc::clone(&semaphore);
        thread::spawn(move || {
            let _permit = semaphore.acquire();
            let _ = done.send(());
        })
    };
    if acquired.recv_timeout(BLOCKED).is_ok() {
        panic!(
            "acquire() returned while both permits of Semaphore::new(2) were held: 3 holders at \
             once; it should wait until a permit is dropped"
        );
    }
    drop(first);
    acquired.recv_timeout(HANG).unwrap_or_else(|_| {
        panic!(
            "acquire() was still waiting 5 s after a held permit was dropped: dropping a Permit \
             should give the permit back and wake a thread waiting in acquire()"
        )
    });
    join(waiter, HANG, "the waiting thread, after it got its permit,");
    drop(second);
    let free = semaphore.available();
    assert_eq!(
        free, 2,
        "available() returned {free} after every permit of Semaphore::new(2) was dropped"
    );
}

fn as_many_holders_as_permits_hold_a_permit_at_once() {
    for permits in [1, 2, 3, 5] {
        let semaphore = Arc::new(Semaphore::new(permits));
        // Every holder and the test meet here while the holders hold their permits.
        let all_in = Arc::new(Rendezvous::new(permits + 1));
        let (release, released) = mpsc::channel::<()>();
        let released = Arc::new(std::sync::Mutex::new(released));
        let holders: Vec<_> = (0..permits)
            .map(|_| {
                let (semaphore, all_in, released) = (
                    Arc::clone(&semaphore),
                    Arc::clone(&all_in),
                    Arc::clone(&released),
                );
                thread::spawn(move || {
                    let _permit = semaphore.acquire();
                    if all_in.wait(Duration::from_secs(60)).is_ok() {
                        let _ = released.lock().unwrap().recv();
                    }
                })
            })
            .collect();
        if let Err(arrived) = all_in.wait(HANG) {
            panic!(
                "only {} of {permits} threads got a permit of Semaphore::new({permits}) at the \
                 same time after 5 s; all {permits} should hold one at once (does the semaphore \
                 let only one holder in, whatever its count?)",
                arrived - 1
            );
        }
        let free = semaphore.available();
        assert_eq!(
            free, 0,
            "available() returned {free} while {permits} threads held every permit of \
             Semaphore::new({permits}); it should be 0"
        );
        assert!(
            !try_acquire_elsewhere(&semaphore, permits),
            "try_acquire() returned a permit while {permits} threads held every permit of \
             Semaphore::new({permits}): {} holders at once",
            permits + 1
        );
        for _ in 0..permits {
            let _ = release.send(());
        }
        for holder in holders {
            join(holder, HANG, "a thread dropping its permit");
        }
        let free = semaphore.available();
        assert_eq!(
            free, permits,
            "available() returned {free} after all {permits} holders dropped their permits of \
             Semaphore::new({permits})"
        );
    }
}

fn never_more_holders_than_permits_while_threads_compete() {
    const PERMITS: usize = 3;
    const THREADS: usize = 8;
    const ROUNDS: usize = 10_000;
    for attempt in 0..5 {
        let semaphore = Arc::new(Semaphore::new(PERMITS));
        let inside = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let start = Arc::new(Rendezvous::new(THREADS));
        let chaos = Chaos::start(Duration::from_micros(50));
        let workers: Vec<_> = (0..THREADS)
            .map(|n| {
                let (semaphore, inside, most, start) = (
                    Arc::clone(&semaphore),
                    Arc::clone(&inside),
                    Arc::clone(&most),
                    Arc::clone(&start),
                );
                thread::spawn(move || {
                    harness::chaos::join();
                    start.meet(HANG, "threads calling acquire()");
                    for round in 0..ROUNDS {
                        // Every other round of every other thread uses try_acquire().
                        let permit = if (n + round) % 4 == 0 {
                            match semaphore.try_acquire() {
                                Some(permit) => permit,
                                None => continue,
                            }
                        } else {
                            semaphore.acquire()
                        };
                        let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        std::hint::black_box(round);
                        inside.fetch_sub(1, Ordering::SeqCst);
                        drop(permit);
                    }
                })
            })
            .collect();
        for worker in workers {
            join(
                worker,
                HANG,
                "a thread taking and dropping a permit 10 000 times (8 threads, Semaphore::new(3))",
            );
        }
        drop(chaos);
        let most = most.load(Ordering::SeqCst);
        assert!(
            most <= PERMITS,
            "{most} threads held a permit of Semaphore::new({PERMITS}) at the same time while \
             {THREADS} threads competed for them; it allows {PERMITS} (attempt {})",
            attempt + 1
        );
        let free = semaphore.available();
        assert_eq!(
            free, PERMITS,
            "available() returned {free} after {THREADS} threads took and dropped permits of \
             Semaphore::new({PERMITS}) many times; every permit came back, so it should be \
             {PERMITS} (some changes to the count were lost)"
        );
    }
}

fn two_threads_racing_for_the_last_permit_never_both_get_it() {
    // Round after round, two threads call try_acquire() on a fresh Semaphore::new(1) at nearly
    // the same moment, their start times shifted a little more each round. At most one may get
    // the permit; if taking it is not one indivisible step, some round lets both in. The race
    // goes on until enough rounds have begun with both threads running at once.
    const ROUNDS: usize = 200_000;
    const LENGTH: Length = Length {
        parallel_rounds: 20_000,
        at_least: Duration::from_millis(500),
        at_most: Duration::from_secs(5),
    };
    let semaphores: Arc<Vec<Semaphore>> =
        Arc::new((0..ROUNDS).map(|_| Semaphore::new(1)).collect());
    let wins: Arc<Vec<AtomicUsize>> = Arc::new((0..ROUNDS).map(|_| AtomicUsize::new(0)).collect());
    let line = Arc::new(StartLine::new(2));
    let racers: Vec<_> = (0..2)
        .map(|side| {
            let (semaphores, wins, line) = (
                Arc::clone(&semaphores),
                Arc::clone(&wins),
                Arc::clone(&line),
            );
            thread::spawn(move || {
                let mut played = 0;
                for (round, semaphore) in semaphores.iter().enumerate() {
                    if !line.cross(round) {
                        break;
                    }
                    let (first, second) = shifts(round);
                    delay(if side == 0 { first } else { second });
                    if let Some(permit) = semaphore.try_acquire() {
                        // Keep the permit taken: this round's semaphore is never used again.
                        std::mem::forget(permit);
                        wins[round].fetch_add(1, Ordering::SeqCst);
                    }
                    played = round + 1;
                }
                played
            })
        })
        .collect();
    race::play(&line, LENGTH, || {
        racers.iter().all(|racer| racer.is_finished())
    });
    let played = racers
        .into_iter()
        .map(|racer| join(racer, HANG, "a thread calling try_acquire() once per round"))
        .min()
        .unwrap_or(0);
    for round in 0..played {
        let won = wins[round].load(Ordering::SeqCst);
        let free = semaphores[round].available();
        assert!(
            won <= 1,
            "two threads called try_acquire() at the same moment on Semaphore::new(1), and both \
             got a permit (round {} of {played}): 2 holders at once. Checking that a permit is \
             free and taking it must be one indivisible step, under the lock (or one atomic \
             compare-and-swap)",
            round + 1
        );
        assert_eq!(
            free + won,
            1,
            "two threads called try_acquire() at the same moment on Semaphore::new(1); {won} got \
             a permit and kept it, and available() then returned {free} (round {} of {played}); \
             free and held permits should add up to 1",
            round + 1
        );
    }
}

fn every_waiter_gets_a_permit_when_permits_come_back_together() {
    // Three permits are held and three threads wait; the three permits are dropped one right
    // after the other. Each must reach a waiter, even when the first waiter woken has not yet
    // taken its permit when the next comes back. Played over several rounds.
    for round in 1..=10 {
        let semaphore = Arc::new(Semaphore::new(3));
        let permits: Vec<_> = (0..3).filter_map(|_| semaphore.try_acquire()).collect();
        assert_eq!(
            permits.len(),
            3,
            "3 calls of try_acquire() on a fresh Semaphore::new(3) got {} permits",
            permits.len()
        );
        let all_in = Arc::new(Rendezvous::new(4));
        let waiters: Vec<_> = (0..3)
            .map(|_| {
                let (semaphore, all_in) = (Arc::clone(&semaphore), Arc::clone(&all_in));
                thread::spawn(move || {
                    let _permit = semaphore.acquire();
                    // Hold the permit until every waiter has one, so none is passed on.
                    let _ = all_in.wait(Duration::from_secs(60));
                })
            })
            .collect();
        thread::sleep(Duration::from_millis(20));
        drop(permits);
        if let Err(arrived) = all_in.wait(HANG) {
            panic!(
                "3 threads waited in acquire() while 3 permits were held, then the 3 permits \
                 were dropped one after the other; after 5 s only {} of the waiters had a permit \
                 and available() said {} (round {round}). Every permit given back should wake a \
                 waiter, even when the one woken before has not taken its permit yet",
                arrived - 1,
                semaphore.available()
            );
        }
        for waiter in waiters {
            join(waiter, HANG, "a thread holding its permit");
        }
    }
}

fn a_holder_that_panics_gives_its_permit_back() {
    let semaphore = Arc::new(Semaphore::new(1));
    let holder = {
        let semaphore = Arc::clone(&semaphore);
        thread::spawn(move || {
            let _permit = semaphore.acquire();
            panic!("a holder of the permit panics (on purpose, to test the semaphore)");
        })
    };
    let outcome = within(HANG, "a thread that acquires and panics", move || {
        holder.join()
    });
    assert!(
        outcome.is_err(),
        "the test's panicking thread did not panic"
    );
    let free = semaphore.available();
    assert_eq!(
        free, 1,
        "available() returned {free} after the holder of the only permit of Semaphore::new(1) \
         panicked; the permit should come back when it is dropped during the panic"
    );
    within(HANG, "acquire() after a holder panicked", move || {
        drop(semaphore.acquire());
    });
}

fn waiting_acquirers_sleep_instead_of_spinning() {
    let semaphore = Arc::new(Semaphore::new(1));
    let held = semaphore
        .try_acquire()
        .expect("try_acquire() on a fresh Semaphore::new(1) returned None");
    let waiters: Vec<_> = (0..2)
        .map(|_| {
            let semaphore = Arc::clone(&semaphore);
            thread::spawn(move || drop(semaphore.acquire()))
        })
        .collect();
    thread::sleep(SETTLE);
    let activity = awake::watch(BLOCKED);
    drop(held);
    assert!(
        !activity.busy(),
        "while 2 threads waited in acquire() for the only permit, {}; a waiting thread should sleep \
         on a condition variable, not loop checking the count",
        activity
    );
    for waiter in waiters {
        join(waiter, HANG, "acquire() after the permit was dropped");
    }
}

harness::hidden_tests![
    available_counts_the_free_permits,
    try_acquire_returns_none_at_once_when_no_permit_is_free,
    acquire_waits_while_every_permit_is_held_and_wakes_when_one_is_dropped,
    as_many_holders_as_permits_hold_a_permit_at_once,
    never_more_holders_than_permits_while_threads_compete,
    two_threads_racing_for_the_last_permit_never_both_get_it,
    every_waiter_gets_a_permit_when_permits_come_back_together,
    a_holder_that_panics_gives_its_permit_back,
    waiting_acquirers_sleep_instead_of_spinning,
];
