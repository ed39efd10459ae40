//! Races played round after round: threads cross a spinning start line together, each with a
//! start time shifted a little differently every round, so that a window of a few nanoseconds
//! between two steps of the code under test is hit by another thread.
//!
//! A race proves something only in rounds where the threads truly ran at the same time. On a
//! busy machine they often do not: one is descheduled while the other plays its part alone. So
//! the start line counts the rounds that began with every thread running (the first to arrive
//! spun without a break, never yielding nor taken off its CPU, until it saw the last arrive),
//! and [`play`] keeps the race going until enough of those were played, not merely for a fixed
//! time. [`wake_up_lost`] is the whole race between a thread that waits and one that wakes it,
//! which several exercises need.

use std::hint::spin_loop;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// How many spins the first thread at the start line makes before it lets other threads run:
/// a few microseconds, far more than the others need to arrive when they are running too.
const SPINS_BEFORE_YIELDING: u32 = 4096;

/// How many spins the first thread at the start line makes between two looks at the clock.
const SPINS_BETWEEN_LOOKS: u32 = 16;

/// The longest time between two looks at the clock that still counts as spinning without a
/// break: sixteen spins take well under a microsecond, an interrupt a few microseconds, while a
/// thread that the system takes off its CPU stays off for a millisecond or more.
const BREAK: Duration = Duration::from_micros(50);

/// A start line that a fixed number of threads cross together, once per round.
#[derive(Debug)]
pub struct StartLine {
    parties: usize,
    arrived: AtomicUsize,
    parallel: AtomicUsize,
    stop: AtomicBool,
}

impl StartLine {
    /// A start line for `parties` threads.
    pub fn new(parties: usize) -> Self {
        StartLine {
            parties,
            arrived: AtomicUsize::new(0),
            parallel: AtomicUsize::new(0),
            stop: AtomicBool::new(false),
        }
    }

    /// Waits until every party has arrived for round `round` (counted from 0, the same for
    /// every party); returns `false` without waiting further once the race is stopped.
    ///
    /// The round counts as one that began with every party running when the first to arrive
    /// spun without a break until it saw the last arrive: it neither gave up its CPU nor went
    /// more than 50 µs between two looks at the clock, as it does when the system takes the
    /// CPU away. The last to arrive was running when it arrived, so both ran at that moment.
    pub fn cross(&self, round: usize) -> bool {
        let everyone = self.parties * (round + 1);
        let first = self.arrived.fetch_add(1, Ordering::SeqCst) == self.parties * round;
        let mut spins = 0u32;
        let mut unbroken = first;
        let mut last_look = Instant::now();
        while self.arrived.load(Ordering::SeqCst) < everyone {
            if self.stop.load(Ordering::SeqCst) {
                return false;
            }
            spins = spins.wrapping_add(1);
            if spins.is_multiple_of(SPINS_BEFORE_YIELDING) {
                unbroken = false;
                thread::yield_now();
            } else {
                spin_loop();
            }
            if unbroken && spins.is_multiple_of(SPINS_BETWEEN_LOOKS) {
                unbroken = last_look.elapsed() <= BREAK;
                last_look = Instant::now();
            }
        }
        if unbroken && last_look.elapsed() <= BREAK {
            self.parallel.fetch_add(1, Ordering::SeqCst);
        }
        true
    }

    /// Stops the race: every thread waiting at the line, or arriving later, is told to give up.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
    }

    /// Whether the race has been stopped.
    pub fn stopped(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    /// How many rounds began with every party running at once.
    pub fn parallel_rounds(&self) -> usize {
        self.parallel.load(Ordering::SeqCst)
    }
}

/// How long to play a race.
#[derive(Debug, Clone, Copy)]
pub struct Length {
    /// Rounds that must begin with every thread running at once…
    pub parallel_rounds: usize,
    /// …and the least time to play, however quickly those come…
    pub at_least: Duration,
    /// …unless this much time has passed: a machine this busy cannot prove the race either way,
    /// and the test must end before the grader's deadline.
    pub at_most: Duration,
}

/// Lets the race on `line` run until `over()` says it is (all rounds played, a bug seen, or no
/// progress for a while) or `length` is reached, then stops it. Returns how long it ran.
pub fn play(line: &StartLine, length: Length, mut over: impl FnMut() -> bool) -> Duration {
    let started = Instant::now();
    loop {
        let elapsed = started.elapsed();
        let enough = elapsed >= length.at_least && line.parallel_rounds() >= length.parallel_rounds;
        if over() || enough || elapsed >= length.at_most {
            break;
        }
        thread::sleep(Duration::from_millis(5));
    }
    line.stop();
    started.elapsed()
}

/// A check for [`play`] in [`wake_up_lost`]: whether `progress()` (a count of rounds played) has not changed for
/// `quiet`, as when a thread of the race sleeps through a lost wake-up.
fn stalled(progress: impl Fn() -> usize, quiet: Duration) -> impl FnMut() -> bool {
    let mut last = (progress(), Instant::now());
    move || {
        let now = progress();
        if now != last.0 {
            last = (now, Instant::now());
        }
        last.1.elapsed() >= quiet
    }
}

/// How long a round of [`wake_up_lost`] may make no progress before the race is stopped: most
/// likely a waiter sleeps through its wake-up.
const STALLED: Duration = Duration::from_millis(500);

/// How long a waiter gets, after the race is stopped, to finish the round it is in.
const LAST_ROUND: Duration = Duration::from_secs(2);

/// How long the waking thread gets, after the race is stopped, to leave its last call.
const WAKER_ENDS: Duration = Duration::from_secs(5);

/// Races `wait(round)` on one thread against `wake(round)` on another, round after round, with
/// their start times shifted a little differently every round, for `length` and at most `rounds`
/// rounds. Each round must act on fresh state that the closures pick by the round's number (an
/// event of its own, a latch of its own). Returns the round, counted from 1, in which `wait`
/// slept through its wake-up, if one did; that waiter is left asleep, as the test is about to
/// fail. A panic in either closure is passed on as it was.
pub fn wake_up_lost<W, K>(rounds: usize, length: Length, wait: W, wake: K) -> Option<usize>
where
    W: Fn(usize) + Send + 'static,
    K: Fn(usize) + Send + 'static,
{
    let line = Arc::new(StartLine::new(2));
    let finished = Arc::new(AtomicUsize::new(0));
    let waiter = {
        let (line, finished) = (Arc::clone(&line), Arc::clone(&finished));
        thread::spawn(move || {
            for round in 0..rounds {
                if !line.cross(round) {
                    break;
                }
                delay(shifts(round).0);
                wait(round);
                finished.store(round + 1, Ordering::SeqCst);
            }
        })
    };
    let waker = {
        let (line, finished) = (Arc::clone(&line), Arc::clone(&finished));
        thread::spawn(move || {
            for round in 0..rounds {
                if !line.cross(round) {
                    break;
                }
                delay(shifts(round).1);
                wake(round);
                // Wait for the waiter before the next round; give up once the race is stopped.
                while finished.load(Ordering::SeqCst) <= round {
                    if line.stopped() {
                        return;
                    }
                    thread::yield_now();
                }
            }
        })
    };
    let mut stalled = stalled(|| finished.load(Ordering::SeqCst), STALLED);
    play(&line, length, || {
        finished.load(Ordering::SeqCst) == rounds || stalled()
    });
    let stopped = Instant::now();
    while !waiter.is_finished() && stopped.elapsed() < LAST_ROUND {
        thread::sleep(Duration::from_millis(5));
    }
    if !waiter.is_finished() {
        return Some(finished.load(Ordering::SeqCst) + 1);
    }
    if let Err(payload) = waiter.join() {
        std::panic::resume_unwind(payload);
    }
    while !waker.is_finished() && stopped.elapsed() < WAKER_ENDS {
        thread::sleep(Duration::from_millis(5));
    }
    assert!(
        waker.is_finished(),
        "the call that wakes the waiter did not return within {} s: it is probably waiting for \
         something that never happens (a lock never released)",
        WAKER_ENDS.as_secs()
    );
    if let Err(payload) = waker.join() {
        std::panic::resume_unwind(payload);
    }
    None
}

/// Busy-waits for `steps` tiny steps of a nanosecond or two each.
pub fn delay(steps: usize) {
    for step in 0..steps {
        std::hint::black_box(step);
    }
}

/// How long each of two sides of round `round` waits after the start line, in [`delay`] steps:
/// the two sides' start times are shifted against each other by a different amount, between
/// about -2 µs and +2 µs, every round, and every shift comes back every 401 rounds.
pub fn shifts(round: usize) -> (usize, usize) {
    let shift = (round * 37) % 401;
    if shift < 200 {
        ((200 - shift) * 6, 0)
    } else {
        (0, (shift - 200) * 6)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn every_party_crosses_each_round_together() {
        let _turn = crate::turns::take_turn();
        const ROUNDS: usize = 200;
        let line = Arc::new(StartLine::new(3));
        let crossed = Arc::new(AtomicUsize::new(0));
        let parties: Vec<_> = (0..3)
            .map(|_| {
                let (line, crossed) = (Arc::clone(&line), Arc::clone(&crossed));
                thread::spawn(move || {
                    for round in 0..ROUNDS {
                        assert!(line.cross(round));
                        // No party can be more than one round ahead of another.
                        let total = crossed.fetch_add(1, Ordering::SeqCst);
                        assert!(total >= 3 * round && total < 3 * (round + 2));
                    }
                })
            })
            .collect();
        for party in parties {
            party.join().unwrap();
        }
        assert_eq!(crossed.load(Ordering::SeqCst), 3 * ROUNDS);
        assert!(line.parallel_rounds() <= ROUNDS);
    }

    #[test]
    fn a_stopped_line_lets_a_lone_party_go() {
        let line = StartLine::new(2);
        line.stop();
        assert!(!line.cross(0));
        assert!(line.stopped());
    }

    #[test]
    fn play_ends_when_the_race_is_over() {
        let line = StartLine::new(2);
        let length = Length {
            parallel_rounds: usize::MAX,
            at_least: Duration::ZERO,
            at_most: Duration::from_secs(3600),
        };
        play(&line, length, || true);
        assert!(line.stopped());
    }

    /// A one-shot flag whose wake-up is lost when `set` lands between the waiter's check and its
    /// sleep: the waiter checks and sleeps in two steps, without a lock held across them.
    #[derive(Default)]
    struct CarelessFlag {
        set: AtomicBool,
        lock: std::sync::Mutex<()>,
        changed: std::sync::Condvar,
    }

    impl CarelessFlag {
        fn wait(&self) {
            while !self.set.load(Ordering::SeqCst) {
                delay(20_000);
                let guard = self.lock.lock().unwrap();
                drop(self.changed.wait(guard).unwrap());
            }
        }

        fn set(&self) {
            self.set.store(true, Ordering::SeqCst);
            let _guard = self.lock.lock().unwrap();
            self.changed.notify_all();
        }
    }

    const SHORT: Length = Length {
        parallel_rounds: 1000,
        at_least: Duration::from_millis(200),
        at_most: Duration::from_secs(3),
    };

    #[test]
    fn a_careful_flag_loses_no_wake_up() {
        let _turn = crate::turns::take_turn();
        const ROUNDS: usize = 20_000;
        let flags: Arc<Vec<(std::sync::Mutex<bool>, std::sync::Condvar)>> = Arc::new(
            (0..ROUNDS)
                .map(|_| (std::sync::Mutex::new(false), std::sync::Condvar::new()))
                .collect(),
        );
        let (waiting, waking) = (Arc::clone(&flags), Arc::clone(&flags));
        let lost = wake_up_lost(
            ROUNDS,
            SHORT,
            move |round| {
                let (set, changed) = &waiting[round];
                drop(
                    changed
                        .wait_while(set.lock().unwrap(), |set| !*set)
                        .unwrap(),
                );
            },
            move |round| {
                let (set, changed) = &waking[round];
                *set.lock().unwrap() = true;
                changed.notify_all();
            },
        );
        assert_eq!(lost, None);
    }

    #[test]
    fn a_careless_flag_loses_a_wake_up() {
        let _turn = crate::turns::take_turn();
        const ROUNDS: usize = 100_000;
        let flags: Arc<Vec<CarelessFlag>> =
            Arc::new((0..ROUNDS).map(|_| CarelessFlag::default()).collect());
        let (waiting, waking) = (Arc::clone(&flags), Arc::clone(&flags));
        // A start line makes two threads race only where two of them can run at once: on one
        // CPU (`taskset -c 0`, a container's half core) the careless flag's window is hit only
        // by a preemption at that very instruction, which is why the course's lost wake-ups are
        // also model-checked. There, this test only shows that the race still ends.
        let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
        // The race ends at the first lost wake-up, which comes within a few rounds when both
        // threads run at once; the minute is for a machine so busy that they seldom do.
        let length = Length {
            at_most: Duration::from_secs(if cpus >= 2 { 60 } else { 2 }),
            ..SHORT
        };
        let lost = wake_up_lost(
            ROUNDS,
            length,
            move |round| waiting[round].wait(),
            move |round| waking[round].set(),
        );
        if cpus >= 2 {
            assert!(lost.is_some(), "no wake-up was lost in {ROUNDS} rounds");
        }
    }

    #[test]
    fn shifts_delay_one_side_only_and_stay_small() {
        for round in 0..1000 {
            let (first, second) = shifts(round);
            assert!(first == 0 || second == 0);
            assert!(first.max(second) <= 1200);
        }
    }
}
