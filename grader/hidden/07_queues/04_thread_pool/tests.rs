//! Hidden tests for exercises/07_queues/04_thread_pool.rs: a pool that runs its jobs on its own
//! workers, as many at once as it has workers, finishes every queued job on join or drop, and
//! survives jobs that panic.

use exercise::ThreadPool;
use harness::awake;
use harness::cpu::OtherThreads;
use harness::sync::Rendezvous;
use harness::time::within;
use harness::types::assert_send;
use harness::watched::WatchedThread;
use std::mem::ManuallyDrop;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

/// Long enough for a thread that was just started to reach its `wait`, on a busy machine too.
const SETTLE: Duration = Duration::from_millis(100);
/// The least time a pool that is ending keeps its first jobs running in the test.
const ENDING: Duration = Duration::from_millis(100);
/// How long the test watches idle workers.
const IDLE_WINDOW: Duration = Duration::from_millis(300);
/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);
/// How long jobs that should run at the same time wait for each other.
const MEET: Duration = Duration::from_secs(4);

const _: fn() = || assert_send::<ThreadPool>();

/// A gate that jobs wait at until the test opens it.
#[derive(Clone, Default)]
struct Gate(Arc<(Mutex<bool>, Condvar)>);

impl Gate {
    fn open(&self) {
        *self.0.0.lock().unwrap() = true;
        self.0.1.notify_all();
    }

    fn is_open(&self) -> bool {
        *self.0.0.lock().unwrap()
    }

    /// Waits until the gate opens or `limit` passes; returns whether it opened. A job run on
    /// the thread that queued it (`caller`) does not wait, since nobody else could open the gate.
    fn wait_unless_on(&self, caller: ThreadId, limit: Duration) -> bool {
        if thread::current().id() == caller {
            return false;
        }
        self.wait(limit)
    }

    /// Waits until the gate opens or `limit` passes; returns whether it opened.
    fn wait(&self, limit: Duration) -> bool {
        let guard = self.0.0.lock().unwrap();
        let (guard, _) = self
            .0
            .1
            .wait_timeout_while(guard, limit, |open| !*open)
            .unwrap();
        *guard
    }
}

/// Queues `count` jobs that all wait for one another (until `MEET` from now), and returns a
/// channel that receives each job's outcome: `Ok` once all met, `Err(n)` when only `n` were
/// running at once when time ran out.
fn queue_meeting_jobs(pool: &ThreadPool, count: usize) -> mpsc::Receiver<Result<(), usize>> {
    let meeting = Arc::new(Rendezvous::new(count));
    let deadline = Instant::now() + MEET;
    let (report, reports) = mpsc::channel();
    for _ in 0..count {
        let (meeting, report) = (Arc::clone(&meeting), report.clone());
        pool.execute(move || {
            let left = deadline.saturating_duration_since(Instant::now());
            let _ = report.send(meeting.wait(left));
        });
    }
    reports
}

/// Fails the test when jobs that wait for the test at a gate have already finished (`ran` counts
/// them) as soon as `execute()` returned: they ran on the calling thread.
fn assert_ran_on_workers(ran: &AtomicUsize, jobs: usize) {
    assert_eq!(
        ran.load(Ordering::SeqCst),
        0,
        "{jobs} jobs that wait for the test had already run by the time execute() returned: \
         execute() ran them on the calling thread. It must hand each job to a worker and return \
         at once"
    );
}

/// A new pool that the test joins or drops itself, and leaves alone when the test fails: dropping
/// a broken pool while the test's panic unwinds could hang, or abort the process with a second
/// panic, and hide what the test found.
fn new_pool(workers: usize) -> ManuallyDrop<ThreadPool> {
    ManuallyDrop::new(ThreadPool::new(workers))
}

/// Joins the pool on another thread, so that a join that never returns is reported as such.
fn join_within(pool: ManuallyDrop<ThreadPool>, what: &str) {
    end_within(what, move || ManuallyDrop::into_inner(pool).join());
}

/// Runs `end` (which joins or drops a pool) on another thread, and fails with a message naming
/// `what` if it has not returned within the hang deadline.
fn end_within(what: &str, end: impl FnOnce() + Send + 'static) {
    let (done, joined) = mpsc::channel();
    thread::spawn(move || {
        let _ = done.send(panic::catch_unwind(AssertUnwindSafe(end)));
    });
    match joined.recv_timeout(HANG) {
        Ok(Ok(())) => {}
        Ok(Err(payload)) => panic::resume_unwind(payload),
        Err(_) => panic!(
            "{what} did not return within 5 s. Are the workers told to stop? Drop the pool's \
             Sender before joining them, so that their recv() fails once the queue is empty (and \
             make sure no other clone of the Sender is left alive)"
        ),
    }
}

fn new_accepts_one_worker_and_panics_on_zero() {
    let pool = new_pool(1);
    let (done, ran) = mpsc::channel();
    pool.execute(move || {
        let _ = done.send(());
    });
    assert!(
        ran.recv_timeout(HANG).is_ok(),
        "a pool of 1 worker did not run its job within 5 s"
    );
    join_within(pool, "join() of a pool of 1 whose job has run");
    let outcome = panic::catch_unwind(|| ThreadPool::new(0));
    assert!(
        outcome.is_err(),
        "ThreadPool::new(0) returned a pool; it should panic, since a pool without workers could \
         never run a job"
    );
}

fn runs_every_job_it_is_given() {
    for workers in [1, 4] {
        let pool = new_pool(workers);
        let ran = Arc::new(AtomicUsize::new(0));
        for _ in 0..1_000 {
            let ran = Arc::clone(&ran);
            pool.execute(move || {
                ran.fetch_add(1, Ordering::SeqCst);
            });
        }
        join_within(
            pool,
            &format!("join() of a pool of {workers} given 1 000 quick jobs"),
        );
        let ran = ran.load(Ordering::SeqCst);
        assert_eq!(
            ran, 1_000,
            "a pool of {workers} worker(s) was given 1 000 jobs and joined, but only {ran} of \
             them ran; join() must run every queued job before it returns"
        );
    }
}

fn execute_hands_the_job_to_a_worker_and_returns_at_once() {
    let pool = new_pool(2);
    let gate = Gate::default();
    let (report, reports) = mpsc::channel::<(ThreadId, bool)>();
    {
        let gate = gate.clone();
        // The job waits for the test to open the gate, which it does only once execute()
        // has returned.
        let caller = thread::current().id();
        pool.execute(move || {
            let opened = gate.wait_unless_on(caller, HANG);
            let _ = report.send((thread::current().id(), opened));
        });
    }
    gate.open();
    let (ran_on, opened) = reports.recv_timeout(HANG).expect(
        "a job given to execute() did not run within 5 s: are the workers taking jobs from the \
         queue?",
    );
    assert_ne!(
        ran_on,
        thread::current().id(),
        "the job ran on the thread that called execute(); execute() must hand it to one of the \
         pool's workers and return at once"
    );
    assert!(
        opened,
        "execute() returned only after its job had finished (the job waited 5 s for the test, \
         which could not go on until execute() returned); execute() must queue the job and \
         return at once"
    );
    join_within(pool, "join() of a pool whose only job has run");
}

fn runs_as_many_jobs_at_once_as_it_has_workers() {
    for workers in [2, 5] {
        let pool = new_pool(workers);
        let reports = queue_meeting_jobs(&pool, workers);
        for _ in 0..workers {
            let outcome = reports.recv_timeout(HANG).unwrap_or_else(|_| {
                panic!(
                    "{workers} jobs that wait for each other were given to a pool of {workers} \
                     workers, and not all of them ran within 5 s"
                )
            });
            if let Err(arrived) = outcome {
                panic!(
                    "{workers} jobs that wait for each other were given to a pool of {workers} \
                     workers, but only {arrived} of them ran at the same time; the pool should \
                     run {workers} jobs at once. Does it start every worker? Does a worker hold \
                     the queue's lock while it runs its job (a `while let` keeps the guard alive \
                     for the whole loop body)? Does execute() run jobs itself?"
                );
            }
        }
        join_within(
            pool,
            &format!("join() of a pool of {workers} whose jobs have run"),
        );
    }
}

/// Gives a pool of 2 two jobs stuck at a gate and 50 jobs behind them, then ends the pool with
/// `end` while the 50 are still queued. Returns how many of the 52 jobs ran.
fn end_with_jobs_queued(end: fn(ThreadPool)) -> usize {
    let pool = new_pool(2);
    let gate = Gate::default();
    let ran = Arc::new(AtomicUsize::new(0));
    let caller = thread::current().id();
    for _ in 0..2 {
        let (gate, ran) = (gate.clone(), Arc::clone(&ran));
        pool.execute(move || {
            gate.wait_unless_on(caller, Duration::from_secs(8));
            ran.fetch_add(1, Ordering::SeqCst);
        });
    }
    assert_ran_on_workers(&ran, 2);
    for _ in 0..50 {
        let ran = Arc::clone(&ran);
        pool.execute(move || {
            ran.fetch_add(1, Ordering::SeqCst);
        });
    }
    // Open the gate once the thread ending the pool has gone to sleep in join() or drop: by then
    // the 50 are certainly still queued, and a pool that throws queued jobs away has done so.
    let (ending, started_ending) = mpsc::channel::<WatchedThread>();
    let opener = {
        let gate = gate.clone();
        thread::spawn(move || {
            if let Ok(ender) = started_ending.recv() {
                // Until the thread ending the pool is asleep (waiting for the first jobs, as
                // it should) for three looks in a row, and at least `ENDING`.
                let started = Instant::now();
                ender.wait_until_asleep(3, HANG);
                thread::sleep(ENDING.saturating_sub(started.elapsed()));
            }
            gate.open();
        })
    };
    end_within("ending a pool with 50 jobs queued", move || {
        let _ = ending.send(WatchedThread::current());
        end(ManuallyDrop::into_inner(pool));
    });
    assert!(
        gate.is_open(),
        "ending the pool returned while 2 of its jobs were still running; it must wait for them"
    );
    let _ = opener.join();
    ran.load(Ordering::SeqCst)
}

fn join_runs_every_queued_job_first() {
    let ran = end_with_jobs_queued(ThreadPool::join);
    assert_eq!(
        ran, 52,
        "a pool of 2 had 2 jobs running and 50 queued when join() was called, but only {ran} of \
         the 52 ran; join() must run every queued job, then stop the workers"
    );
}

fn dropping_the_pool_runs_every_queued_job_first() {
    let ran = end_with_jobs_queued(drop);
    assert_eq!(
        ran, 52,
        "a pool of 2 had 2 jobs running and 50 queued when it was dropped, but only {ran} of the \
         52 ran; dropping the pool must do what join() does: run every queued job, then stop \
         the workers"
    );
}

/// Counts worker threads that have ended: a job leaves one of these in its worker's
/// thread-local storage, and Rust drops it when that thread ends.
struct EndOfThread(Arc<AtomicUsize>);

impl Drop for EndOfThread {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

thread_local! {
    static END_OF_THREAD: std::cell::RefCell<Option<EndOfThread>> =
        const { std::cell::RefCell::new(None) };
}

/// Waits until every other thread of this process has kept still (blocked, or gone: its CPU
/// time did not grow, and where the system says, it is not running or ready to run) for five
/// looks in a row, 10 ms apart; gives up after `HANG`. On a busy machine a thread that wants to
/// run is soon given a processor again, so this waits for it rather than for a fixed time.
fn wait_until_the_other_threads_sleep() {
    let started = Instant::now();
    let mut others = OtherThreads::new();
    let mut quiet_looks = 0;
    while started.elapsed() < HANG && quiet_looks < 5 {
        thread::sleep(Duration::from_millis(10));
        if others.quiet_since_last_look() {
            quiet_looks += 1;
        } else {
            quiet_looks = 0;
        }
    }
}

fn join_stops_every_worker() {
    let pool = new_pool(3);
    let ended = Arc::new(AtomicUsize::new(0));
    // Three jobs that wait for each other run on three different workers.
    let meeting = Arc::new(Rendezvous::new(3));
    let deadline = Instant::now() + MEET;
    let (report, reports) = mpsc::channel();
    for _ in 0..3 {
        let (meeting, report, ended) = (Arc::clone(&meeting), report.clone(), Arc::clone(&ended));
        pool.execute(move || {
            END_OF_THREAD.with(|slot| *slot.borrow_mut() = Some(EndOfThread(ended)));
            let left = deadline.saturating_duration_since(Instant::now());
            let _ = report.send(meeting.wait(left));
        });
    }
    for _ in 0..3 {
        match reports.recv_timeout(HANG) {
            Ok(Ok(())) => {}
            _ => panic!(
                "3 jobs that wait for each other did not all run at the same time on a pool of \
                 3 workers"
            ),
        }
    }
    // Every worker goes back to waiting for a job before join() is called, so that join() must
    // wake each of them (a "stop" that wakes one idle worker leaves the others asleep).
    wait_until_the_other_threads_sleep();
    join_within(pool, "join() of a pool of 3 idle workers");
    let deadline = Instant::now() + HANG;
    while ended.load(Ordering::SeqCst) < 3 && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(10));
    }
    let ended = ended.load(Ordering::SeqCst);
    assert_eq!(
        ended, 3,
        "5 s after join() returned, only {ended} of the pool's 3 worker threads had ended; join() \
         must stop the workers (drop the sending end of the queue so that their recv() fails)"
    );
}

fn execute_does_not_wait_while_every_worker_is_busy() {
    let pool = new_pool(2);
    let gate = Gate::default();
    let ran = Arc::new(AtomicUsize::new(0));
    let caller = thread::current().id();
    for _ in 0..2 {
        let (gate, ran) = (gate.clone(), Arc::clone(&ran));
        pool.execute(move || {
            if !gate.wait_unless_on(caller, Duration::from_secs(8)) {
                ran.fetch_add(1, Ordering::SeqCst);
            }
        });
    }
    assert_ran_on_workers(&ran, 2);
    let pool = {
        let ran = Arc::clone(&ran);
        within(
            HANG,
            "execute() of 20 more jobs, while both workers of a pool of 2 were busy,",
            move || {
                for _ in 0..20 {
                    let ran = Arc::clone(&ran);
                    pool.execute(move || {
                        ran.fetch_add(1, Ordering::SeqCst);
                    });
                }
                pool
            },
        )
    };
    gate.open();
    join_within(pool, "join() of a pool with 20 quick jobs queued");
    let ran = ran.load(Ordering::SeqCst);
    assert_eq!(
        ran, 20,
        "20 jobs were queued while every worker was busy, but only {ran} ran by the end of join()"
    );
}

fn a_panicking_job_does_not_take_its_worker_with_it() {
    let pool = new_pool(3);
    for _ in 0..6 {
        pool.execute(|| panic!("this job panics on purpose, to test the pool"));
    }
    let reports = queue_meeting_jobs(&pool, 3);
    for ran in 0..3 {
        let outcome = reports.recv_timeout(HANG).unwrap_or_else(|_| {
            panic!(
                "a pool of 3 ran 6 jobs that panicked; of the 3 jobs queued after them, only \
                 {ran} ran within 5 s. A job that panics must not take its worker with it (catch \
                 the panic with std::panic::catch_unwind)"
            )
        });
        if let Err(arrived) = outcome {
            panic!(
                "a pool of 3 ran 6 jobs that panicked; afterwards only {arrived} of 3 jobs that \
                 wait for each other ran at the same time, so the pool had lost workers. A job \
                 that panics must not take its worker with it (catch the panic with \
                 std::panic::catch_unwind)"
            );
        }
    }
    let joined = within(
        HANG,
        "join() of a pool some of whose jobs panicked",
        move || {
            panic::catch_unwind(AssertUnwindSafe(move || {
                ManuallyDrop::into_inner(pool).join()
            }))
        },
    );
    assert!(
        joined.is_ok(),
        "join() panicked because some of the pool's jobs had panicked; a job's panic ends that \
         job only, and join() should return normally"
    );
}

fn idle_workers_sleep_instead_of_spinning() {
    let pool = new_pool(4);
    // Let every worker reach its wait, and give them one job to prove they are up.
    let (done, ran) = mpsc::channel();
    pool.execute(move || {
        let _ = done.send(());
    });
    ran.recv_timeout(HANG)
        .expect("a pool of 4 did not run a job within 5 s");
    thread::sleep(SETTLE);
    let activity = awake::watch(IDLE_WINDOW);
    assert!(
        !activity.busy(),
        "while the 4 workers of an idle pool waited for jobs, for {} ms, {}; a worker with \
         nothing to do should sleep in a blocking recv(), not poll the queue in a loop",
        IDLE_WINDOW.as_millis(),
        activity
    );
    join_within(pool, "join() of an idle pool");
}

harness::hidden_tests![
    new_accepts_one_worker_and_panics_on_zero,
    runs_every_job_it_is_given,
    execute_hands_the_job_to_a_worker_and_returns_at_once,
    runs_as_many_jobs_at_once_as_it_has_workers,
    join_runs_every_queued_job_first,
    dropping_the_pool_runs_every_queued_job_first,
    join_stops_every_worker,
    execute_does_not_wait_while_every_worker_is_busy,
    a_panicking_job_does_not_take_its_worker_with_it,
    idle_workers_sleep_instead_of_spinning,
];
