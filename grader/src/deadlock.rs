//! Tells a deadlocked test from a slow one long before its deadline: when every thread of the
//! test process is asleep in a wait that only another thread can end (a futex wait with no
//! timeout: a lock, a condition variable, a join, a channel) and none of them runs for
//! [`WINDOW`], nothing can ever wake any of them, and waiting out the deadline would only make
//! the learner wait.
//!
//! # Why that is sound
//!
//! The platform reads each thread's system call and then its state and context switches
//! ([`crate::platform::ProcessTree::thread_waits`]). A thread seen asleep in a futex wait at two
//! looks, with the same switch count at both, has not run in between: it would have had to leave
//! a processor again to be asleep at the second look, and that is counted. Two looks taken one
//! after the other therefore share an instant (between the end of the first and the start of the
//! second) at which every thread was asleep. From then on only these can end a wait:
//!
//! - another thread of the process: all of them are asleep, waiting for one another;
//! - a timeout: a wait with one counts as a thread that may still run, and a test that sleeps or
//!   waits with a timeout is never cut short, except for the harness's own deadline waits
//!   (below);
//! - a signal: the standard library, glibc and parking_lot all go back to the same wait after
//!   one (and the kernel restarts an untimed futex wait by itself);
//! - another process: std's futexes are private to the process, and the one shared wait (a
//!   join, which the kernel ends when the joined thread ends) waits for a thread of the same
//!   process. A thread that waits on a child process or reads a pipe is not in a futex wait, so
//!   a test that runs programs is never taken for deadlocked while it waits for them.
//!
//! Two of the harness's threads are judged apart, by the names the harness gives them:
//!
//! - a thread named [`harness::time::WAITING_NAME`] is in `within`'s wait for its call, with a
//!   timeout whose expiry fails the test (the invariant is written down there): it counts as
//!   blocked, so a test waiting on deadlocked workers under a deadline is still found out;
//! - the [`harness::chaos::THREAD_NAME`] thread runs on its own, and is left out: it only pauses
//!   threads, and never holds a lock or sends a wake-up they wait for (except its list of
//!   members, for an instant: a thread would have to wait on that list for the whole window
//!   while the chaos thread, holding it, got no processor at all).
//!
//! At least one thread must be asleep with no timeout, so that the harness's deadline wait
//! alone is never called a deadlock. [`WINDOW`] is not needed by the argument above; it keeps a
//! wake-up the argument did not foresee from ever costing a correct solution its pass.

use std::time::{Duration, Instant};

use crate::platform::{ThreadWait, Wait};

/// How long every thread must stay asleep, without running once, before the test is called
/// deadlocked.
pub const WINDOW: Duration = Duration::from_millis(250);

/// How often a running test is looked at. A look stops reading at the first thread that can
/// still run, so in a test that is working it costs a file or two.
pub const LOOK_EVERY: Duration = Duration::from_millis(50);

/// A deadlock found: every thread the learner should know of, and what it waits for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadlock {
    /// The test's threads (the harness's own waits and chaos left out), in the order the system
    /// lists them, main first.
    pub threads: Vec<Blocked>,
    /// How long they had all been asleep without running when the test was stopped.
    pub still_for: Duration,
}

/// One thread of a deadlock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocked {
    /// Its name: `main`, `(unnamed)` or the name it was given.
    pub name: String,
    /// What it waits for.
    pub on: BlockedOn,
}

/// What a thread of a deadlock waits for, as far as its futex wait tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockedOn {
    /// A `Mutex` someone holds (std's mutex sleeps expecting 2, "locked, with waiters"). Locks
    /// are numbered from 1 in the order their first waiter is listed, so that threads waiting
    /// for the same lock show the same number.
    Lock(usize),
    /// The end of this thread (a join: the kernel's wait on the joined thread's id).
    Join(String),
    /// A wake-up for this thread alone: a channel's `recv`, `thread::park`, the end of a scope
    /// (std's parker sleeps expecting -1).
    Parked,
    /// Anything else: a condition variable, an `RwLock`, a parking_lot lock, a `OnceLock` being
    /// set.
    Other,
}

/// How a thread takes part in a deadlock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The harness's chaos thread: left out.
    SetAside,
    /// The harness waiting for a checked call, with a deadline whose expiry fails the test.
    HarnessWait,
    /// Any other thread: the test's and the learner's.
    Test,
}

fn role(thread: &ThreadWait) -> Role {
    if thread.name == harness::chaos::THREAD_NAME {
        Role::SetAside
    } else if thread.system_name == harness::time::WAITING_NAME {
        Role::HarnessWait
    } else {
        Role::Test
    }
}

/// Whether `thread`, at one look, is as a thread of a deadlock is: asleep in a wait that only
/// another thread can end (or left out).
fn stuck(thread: &ThreadWait) -> bool {
    match role(thread) {
        Role::SetAside => true,
        Role::HarnessWait => matches!(thread.wait, Wait::Untimed(_) | Wait::Timed(_)),
        Role::Test => matches!(thread.wait, Wait::Untimed(_)),
    }
}

/// Reads threads from `waits` until one that can still run: the whole look if none can, `None`
/// at the first that can (the rest is not read).
pub fn all_stuck(waits: impl Iterator<Item = ThreadWait>) -> Option<Vec<ThreadWait>> {
    let mut look = Vec::new();
    for thread in waits {
        if !stuck(&thread) {
            return None;
        }
        look.push(thread);
    }
    Some(look)
}

/// Whether two looks, each with every thread stuck ([`all_stuck`]), saw the same threads in the
/// same waits, none of them having run in between; if so, what each thread of the test waits
/// for. `None` also when only the harness waits (no thread of the test is asleep with no
/// timeout).
pub fn deadlocked(first: &[ThreadWait], last: &[ThreadWait]) -> Option<Vec<Blocked>> {
    if first.len() != last.len() || !first.iter().chain(last).all(stuck) {
        return None;
    }
    for (before, after) in first.iter().zip(last) {
        let same = before.id == after.id
            && (role(after) == Role::SetAside
                || (before.switches == after.switches && before.wait == after.wait));
        if !same {
            return None;
        }
    }
    let test_threads: Vec<&ThreadWait> = last.iter().filter(|t| role(t) == Role::Test).collect();
    if test_threads.is_empty() {
        return None;
    }
    let mut locks: Vec<u64> = Vec::new();
    let blocked = test_threads
        .iter()
        .map(|thread| {
            let Wait::Untimed(futex) = thread.wait else {
                unreachable!("a stuck thread of the test waits with no timeout")
            };
            let joined = last
                .iter()
                .find(|other| futex.shared && other.id == futex.expected);
            let on = match joined {
                Some(joined) => BlockedOn::Join(joined.name.clone()),
                None if futex.shared => BlockedOn::Other,
                None if futex.expected == u32::MAX => BlockedOn::Parked,
                None if futex.expected == 2 => {
                    let number = match locks.iter().position(|a| *a == futex.address) {
                        Some(at) => at + 1,
                        None => {
                            locks.push(futex.address);
                            locks.len()
                        }
                    };
                    BlockedOn::Lock(number)
                }
                None => BlockedOn::Other,
            };
            Blocked {
                name: thread.name.clone(),
                on,
            }
        })
        .collect();
    Some(blocked)
}

/// Looks at a running test now and then, and says when it has deadlocked.
#[derive(Debug)]
pub struct Watch {
    /// The first of the looks, all alike, that saw every thread stuck, and when.
    first: Option<(Instant, Vec<ThreadWait>)>,
    /// When to look next.
    next_look: Instant,
}

impl Watch {
    /// A watch on a test started at `started`.
    pub fn new(started: Instant) -> Watch {
        Watch {
            first: None,
            next_look: started,
        }
    }

    /// Looks at the test's threads with `read` if it is time to, and returns the deadlock once
    /// every thread has been stuck, unmoved, for [`WINDOW`].
    pub fn look<R>(&mut self, now: Instant, read: R) -> Option<Deadlock>
    where
        R: FnOnce() -> Option<Box<dyn Iterator<Item = ThreadWait>>>,
    {
        if now < self.next_look {
            return None;
        }
        self.next_look = now + LOOK_EVERY;
        let Some(look) = read().and_then(all_stuck) else {
            self.first = None;
            return None;
        };
        let Some((since, first)) = &self.first else {
            self.first = Some((now, look));
            return None;
        };
        match deadlocked(first, &look) {
            Some(threads) if now.duration_since(*since) >= WINDOW => Some(Deadlock {
                threads,
                still_for: now.duration_since(*since),
            }),
            Some(_) => None,
            // Something ran since the first look: this one starts the window again.
            None => {
                self.first = Some((now, look));
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::Futex;

    const LOCK_A: u64 = 0x1000;
    const LOCK_B: u64 = 0x2000;

    fn thread(id: u32, name: &str, wait: Wait, switches: u64) -> ThreadWait {
        ThreadWait {
            id,
            name: name.to_owned(),
            system_name: if id == 1 {
                "hidden-0a1b".to_owned()
            } else {
                name.to_owned()
            },
            wait,
            switches,
        }
    }

    fn futex(address: u64, expected: u32) -> Futex {
        Futex {
            address,
            expected,
            shared: false,
        }
    }

    fn lock(address: u64) -> Wait {
        Wait::Untimed(futex(address, 2))
    }

    fn join(id: u32) -> Wait {
        Wait::Untimed(Futex {
            address: 0x9000,
            expected: id,
            shared: true,
        })
    }

    /// The locks/transfer deadlock: the test's main thread in `within`, its checked call joining
    /// the workers, each worker holding one account's lock and waiting for the other's, and the
    /// chaos thread still going.
    fn transfer_deadlock(switches: u64, chaos: Wait) -> Vec<ThreadWait> {
        let mut main = thread(1, "main", Wait::Timed(futex(0x500, u32::MAX)), 40);
        main.system_name = harness::time::WAITING_NAME.to_owned();
        vec![
            main,
            thread(2, harness::chaos::THREAD_NAME, chaos, switches * 7),
            thread(3, "checked-call", join(4), 3),
            thread(4, "a-to-b", lock(LOCK_B), switches),
            thread(5, "b-to-a", lock(LOCK_A), switches + 1),
        ]
    }

    #[test]
    fn threads_each_waiting_for_the_other_s_lock_are_a_deadlock() {
        let first = transfer_deadlock(10, Wait::Other);
        let last = transfer_deadlock(10, Wait::Timed(futex(0x700, 0)));
        let threads = deadlocked(&first, &last).expect("a deadlock");
        let on: Vec<(&str, &BlockedOn)> =
            threads.iter().map(|t| (t.name.as_str(), &t.on)).collect();
        assert_eq!(
            on,
            [
                ("checked-call", &BlockedOn::Join("a-to-b".to_owned())),
                ("a-to-b", &BlockedOn::Lock(1)),
                ("b-to-a", &BlockedOn::Lock(2)),
            ]
        );
    }

    #[test]
    fn a_thread_that_ran_between_the_looks_is_no_deadlock() {
        // It woke, did something, and went back to the same wait: its switches tell.
        let first = transfer_deadlock(10, Wait::Other);
        let last = transfer_deadlock(11, Wait::Other);
        assert_eq!(deadlocked(&first, &last), None);
    }

    #[test]
    fn a_thread_that_sleeps_or_waits_with_a_timeout_keeps_the_test_alive() {
        let waiting = thread(2, "waiter", lock(LOCK_A), 5);
        for alive in [Wait::Timed(futex(LOCK_B, 0)), Wait::Other, Wait::Unknown] {
            let look = [waiting.clone(), thread(3, "sleeper", alive, 5)];
            assert_eq!(all_stuck(look.iter().cloned()), None, "{alive:?}");
            assert_eq!(deadlocked(&look, &look), None, "{alive:?}");
        }
    }

    #[test]
    fn only_the_harness_s_own_deadline_wait_may_have_a_timeout() {
        // The same timed wait, on a thread the harness did not mark, is the learner's.
        let mut look = transfer_deadlock(10, Wait::Other);
        look[0].system_name = "hidden-0a1b".to_owned();
        assert_eq!(all_stuck(look.iter().cloned()), None);
        // And the harness waiting alone (its call asleep in a timed wait of its own) is not
        // a deadlock either.
        let mut main = thread(1, "main", Wait::Timed(futex(0x500, u32::MAX)), 40);
        main.system_name = harness::time::WAITING_NAME.to_owned();
        let look = [main];
        assert_eq!(deadlocked(&look, &look), None);
    }

    #[test]
    fn the_same_lock_taken_twice_is_one_lock() {
        let look = [
            thread(1, "main", lock(LOCK_A), 2),
            thread(2, "worker", lock(LOCK_A), 2),
            thread(3, "receiver", Wait::Untimed(futex(0x30, u32::MAX)), 2),
            thread(4, "waiter", Wait::Untimed(futex(0x40, 7)), 2),
        ];
        let threads = deadlocked(&look, &look).expect("a deadlock");
        let on: Vec<&BlockedOn> = threads.iter().map(|t| &t.on).collect();
        assert_eq!(
            on,
            [
                &BlockedOn::Lock(1),
                &BlockedOn::Lock(1),
                &BlockedOn::Parked,
                &BlockedOn::Other
            ]
        );
    }

    #[test]
    fn a_thread_that_appeared_or_ended_between_the_looks_is_no_deadlock() {
        let first = [thread(1, "main", lock(LOCK_A), 2)];
        let last = [
            thread(1, "main", lock(LOCK_A), 2),
            thread(2, "new", lock(LOCK_A), 0),
        ];
        assert_eq!(deadlocked(&first, &last), None);
        assert_eq!(deadlocked(&last, &first), None);
    }

    /// A reader that hands out the looks of a test, one per call.
    fn looks(
        looks: Vec<Vec<ThreadWait>>,
    ) -> impl FnMut() -> Option<Box<dyn Iterator<Item = ThreadWait>>> {
        let mut looks = looks.into_iter();
        move || {
            let look = looks.next()?;
            Some(Box::new(look.into_iter()) as Box<dyn Iterator<Item = ThreadWait>>)
        }
    }

    #[test]
    fn the_watch_reports_once_the_threads_kept_still_for_the_window() {
        let start = Instant::now();
        let still = transfer_deadlock(10, Wait::Other);
        let mut read = looks(vec![
            transfer_deadlock(9, Wait::Other),
            still.clone(),
            still.clone(),
            still.clone(),
        ]);
        let mut watch = Watch::new(start);
        // The first look starts a window; the second sees a worker that ran, and starts another.
        assert_eq!(watch.look(start, &mut read), None);
        assert_eq!(watch.look(start + LOOK_EVERY, &mut read), None);
        // Too soon to tell: nothing is read before the next look is due, and a look inside the
        // window says nothing yet.
        assert_eq!(watch.look(start + LOOK_EVERY, || unreachable!()), None);
        assert_eq!(watch.look(start + LOOK_EVERY * 2, &mut read), None);
        let found = watch
            .look(start + LOOK_EVERY + WINDOW, &mut read)
            .expect("a deadlock");
        assert_eq!(found.still_for, WINDOW);
        assert_eq!(found.threads.len(), 3);
    }

    #[test]
    fn the_watch_sees_nothing_where_the_system_does_not_say() {
        let start = Instant::now();
        let mut watch = Watch::new(start);
        for step in 0..20 {
            assert_eq!(watch.look(start + LOOK_EVERY * step, || None), None);
        }
    }
}
