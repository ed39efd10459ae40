//! Hidden tests for exercises/08_tls/03_log_buffer.rs: per-thread log buffers that keep their
//! lines to themselves until a flush, flush a full batch at once, and are flushed when their
//! thread ends, also for lines logged by another thread-local's destructor.

use exercise::{BATCH, flush, log, pending, shared_log};
use harness::chaos::{self, Chaos};
use harness::sync::Rendezvous;
use harness::time::{join, within};
use std::panic;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);

/// How long threads that should run side by side get to meet: shorter than [`HANG`].
const MEET: Duration = Duration::from_secs(2);

/// The lines of the shared log that start with `prefix`, in order.
fn logged(prefix: &str) -> Vec<String> {
    shared_log()
        .into_iter()
        .filter(|line| line.starts_with(prefix))
        .collect()
}

/// `count` lines starting with `prefix`.
fn lines(prefix: &str, count: usize) -> Vec<String> {
    (0..count).map(|n| format!("{prefix}{n}")).collect()
}

fn lines_wait_in_the_threads_buffer_until_flush() {
    within(HANG, "log(), flush() and shared_log()", || {
        let expected = lines("wait-", 3);
        for line in &expected {
            log(line);
        }
        let waiting = pending();
        assert_eq!(
            waiting, 3,
            "after 3 calls to log() on a thread, pending() returned {waiting}; it should return 3"
        );
        let early = logged("wait-");
        assert!(
            early.is_empty(),
            "after 3 calls to log() (fewer than BATCH = {BATCH}) and no flush(), the shared log \
             already held {early:?}; the lines should wait in the thread's buffer until a flush"
        );
        flush();
        let got = logged("wait-");
        assert_eq!(
            got, expected,
            "after logging {expected:?} and calling flush(), the shared log held {got:?}; it \
             should hold those lines, in order"
        );
        let waiting = pending();
        assert_eq!(
            waiting, 0,
            "pending() returned {waiting} after flush(); it should return 0"
        );
        flush();
        let again = logged("wait-");
        assert_eq!(
            again, expected,
            "a second flush() with nothing pending changed the shared log's lines to {again:?}; \
             it should leave them as they were"
        );
    });
}

fn a_full_batch_is_flushed_by_log() {
    within(HANG, "log()", || {
        let expected = lines("batch-", BATCH);
        for line in &expected[..BATCH - 1] {
            log(line);
        }
        let early = logged("batch-");
        assert!(
            early.is_empty(),
            "after {} calls to log() (one fewer than BATCH = {BATCH}), the shared log already \
             held {early:?}; the lines should still wait in the thread's buffer",
            BATCH - 1
        );
        log(&expected[BATCH - 1]);
        let got = logged("batch-");
        assert_eq!(
            got, expected,
            "after {BATCH} calls to log() (BATCH = {BATCH}) with no flush(), the shared log held \
             {got:?}; the log() that fills the buffer should flush all {BATCH} lines, in order"
        );
        let waiting = pending();
        assert_eq!(
            waiting, 0,
            "pending() returned {waiting} after log() flushed a full batch; it should return 0"
        );
    });
}

fn each_thread_has_a_buffer_of_its_own() {
    // Two threads log at the same time; one flushes. Only its own lines may reach the shared
    // log, and the other's stay pending. Each thread records what it saw.
    let logged_both = Arc::new(Rendezvous::new(2));
    let flushed = Arc::new(Rendezvous::new(2));
    let flusher = {
        let (logged_both, flushed) = (Arc::clone(&logged_both), Arc::clone(&flushed));
        thread::spawn(move || {
            log("mine-0");
            log("mine-1");
            let before = pending();
            logged_both.meet(MEET, "two threads calling log()");
            flush();
            let after = pending();
            flushed.meet(MEET, "two threads, one of which flushed");
            (before, after)
        })
    };
    let other = {
        let (logged_both, flushed) = (Arc::clone(&logged_both), Arc::clone(&flushed));
        thread::spawn(move || {
            log("theirs-0");
            logged_both.meet(MEET, "two threads calling log()");
            flushed.meet(MEET, "two threads, one of which flushed");
            let waiting = pending();
            let seen = shared_log();
            flush();
            (waiting, seen)
        })
    };
    let (before, after) = join(flusher, HANG, "a thread calling log() and flush()");
    let (waiting, seen) = join(other, HANG, "a thread calling log()");
    assert_eq!(
        before, 2,
        "a thread called log() twice while another thread called it once, and then its \
         pending() returned {before}; it should return 2: each thread counts only its own lines"
    );
    assert_eq!(
        after, 0,
        "pending() returned {after} right after flush(); it should return 0"
    );
    let theirs: Vec<_> = seen.iter().filter(|l| l.starts_with("theirs-")).collect();
    assert!(
        theirs.is_empty(),
        "thread A logged \"theirs-0\" and thread B logged two lines and called flush(); the \
         shared log then held {theirs:?} from thread A. flush() should move only the calling \
         thread's lines"
    );
    let mine: Vec<_> = seen.iter().filter(|l| l.starts_with("mine-")).collect();
    assert_eq!(
        mine,
        ["mine-0", "mine-1"],
        "a thread logged \"mine-0\" and \"mine-1\" and called flush(); the shared log then held \
         {mine:?} of them; it should hold both, in order"
    );
    assert_eq!(
        waiting, 1,
        "a thread logged one line while another thread logged and flushed two; its pending() \
         then returned {waiting}; it should return 1: another thread's flush() leaves this \
         thread's buffer alone"
    );
}

fn lines_left_in_a_buffer_are_flushed_when_its_thread_ends() {
    let expected = lines("exit-", 3);
    let thread = {
        let expected = expected.clone();
        thread::spawn(move || {
            for line in &expected {
                log(line);
            }
            (pending(), logged("exit-"))
        })
    };
    let (waiting, early) = join(thread, HANG, "a thread calling log() three times");
    assert!(
        waiting == 3 && early.is_empty(),
        "a thread logged 3 lines (fewer than BATCH = {BATCH}) and then saw pending() = {waiting} \
         and {early:?} in the shared log; the lines should wait in its buffer (pending() = 3, \
         none in the shared log)"
    );
    let got = logged("exit-");
    assert_eq!(
        got, expected,
        "a thread logged {expected:?} without flushing and ended; after join(), the shared log \
         held {got:?}. Lines left in a thread's buffer should be flushed when the thread ends: \
         give the thread-local buffer a Drop that flushes it"
    );
}

/// A thread-local of the test whose destructor logs a line, as code that logs from a `Drop`
/// would.
struct LogsWhenDropped;

/// Set when `log` panicked inside [`LogsWhenDropped`]'s `Drop`.
static LOG_PANICKED_IN_DROP: AtomicBool = AtomicBool::new(false);

impl Drop for LogsWhenDropped {
    fn drop(&mut self) {
        // A panic escaping a thread-local's destructor aborts the whole process; catch it, so
        // that the test can say what happened.
        if panic::catch_unwind(|| log("from-a-destructor")).is_err() {
            LOG_PANICKED_IN_DROP.store(true, Ordering::SeqCst);
        }
    }
}

thread_local! {
    static LOGS_WHEN_DROPPED: LogsWhenDropped = const { LogsWhenDropped };
}

fn a_line_logged_by_another_thread_locals_destructor_is_not_lost() {
    // The test's thread-local is used first and the buffer second, so the buffer is dropped
    // first when the thread ends (thread-locals are dropped in the reverse order of their first
    // use), and the test's destructor then logs into a buffer that is gone.
    let thread = thread::spawn(|| {
        LOGS_WHEN_DROPPED.with(|_| ());
        log("before-the-end");
    });
    join(
        thread,
        HANG,
        "a thread whose thread-local logs from its Drop",
    );
    assert!(
        !LOG_PANICKED_IN_DROP.load(Ordering::SeqCst),
        "log(\"from-a-destructor\") panicked when a thread-local's Drop called it while its \
         thread was ending, after the thread's log buffer had been dropped (in a real program, \
         a panic in a thread-local's destructor aborts the whole process). Use \
         LocalKey::try_with, which returns an error instead of panicking once the buffer is \
         gone, and then write the line straight to the shared log"
    );
    let got = logged("from-a-destructor");
    assert_eq!(
        got,
        ["from-a-destructor"],
        "a thread-local's Drop called log(\"from-a-destructor\") while its thread was ending, \
         after the thread's log buffer had been dropped; after join(), the shared log held \
         {got:?}. A log() that finds the buffer gone (LocalKey::try_with returns an error) \
         should write the line straight to the shared log"
    );
    let got = logged("before-the-end");
    assert_eq!(
        got,
        ["before-the-end"],
        "a thread logged \"before-the-end\" and ended; after join(), the shared log held {got:?}"
    );
}

fn many_threads_logging_at_once_lose_nothing() {
    // Four threads log at once, interrupted at random points; 2 001 lines each is not a whole
    // number of batches, so each thread ends with lines in its buffer.
    const THREADS: usize = 4;
    const EACH: usize = 2_001;
    let start = Arc::new(Rendezvous::new(THREADS));
    let chaos = Chaos::start(Duration::from_micros(50));
    let threads: Vec<_> = (0..THREADS)
        .map(|me| {
            let start = Arc::clone(&start);
            thread::spawn(move || {
                chaos::join();
                start.meet(MEET, "threads calling log()");
                for n in 0..EACH {
                    log(&format!("many-{me}-{n}"));
                }
            })
        })
        .collect();
    for thread in threads {
        join(thread, HANG, "a thread calling log() 2 001 times");
    }
    drop(chaos);
    let all = logged("many-");
    for me in 0..THREADS {
        let prefix = format!("many-{me}-");
        let got: Vec<_> = all.iter().filter(|l| l.starts_with(&prefix)).collect();
        let expected = lines(&prefix, EACH);
        if got != expected.iter().collect::<Vec<_>>() {
            let first_wrong = got
                .iter()
                .zip(&expected)
                .position(|(got, expected)| *got != expected)
                .unwrap_or(got.len().min(EACH));
            panic!(
                "{THREADS} threads each logged {EACH} lines at once and ended; the shared log \
                 then held {} of thread {me}'s lines, and its line {first_wrong} was {:?} \
                 instead of {:?}. Every line should arrive once, in the order its thread \
                 logged them",
                got.len(),
                got.get(first_wrong),
                expected.get(first_wrong)
            );
        }
    }
    // Each flush moves its lines at once: thread `me`'s lines come in runs, and a run of a
    // thread ends only at a batch boundary or at the thread's last line.
    let mut run_start = 0;
    for (at, line) in all.iter().enumerate() {
        let me = &line[..=line.rfind('-').unwrap_or(0)];
        let next_is_same = all.get(at + 1).is_some_and(|next| next.starts_with(me));
        if next_is_same {
            continue;
        }
        let n: usize = line[me.len()..].parse().unwrap_or(0);
        let run = at + 1 - run_start;
        assert!(
            (n + 1) % BATCH == 0 || n + 1 == EACH,
            "{THREADS} threads each logged {EACH} lines at once; in the shared log, a run of {run} \
             consecutive lines of one thread ended with {line:?} and then another thread's line \
             came. A flush moves a whole batch at once (BATCH = {BATCH}): another thread's lines \
             should never come in the middle of one"
        );
        run_start = at + 1;
    }
}

harness::hidden_tests![
    lines_wait_in_the_threads_buffer_until_flush,
    a_full_batch_is_flushed_by_log,
    each_thread_has_a_buffer_of_its_own,
    lines_left_in_a_buffer_are_flushed_when_its_thread_ends,
    a_line_logged_by_another_thread_locals_destructor_is_not_lost,
    many_threads_logging_at_once_lose_nothing,
];
