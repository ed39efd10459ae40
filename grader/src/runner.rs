//! Runs one hidden test in a process of its own, under a deadline, and turns however that
//! process ended into a verdict.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use crate::capture::{Captured, capture};
use crate::deadlock::{self, Deadlock};
use crate::failure_kind::Hang;
use crate::hang;
use crate::interrupt;
use crate::memory::memory_allowance;
use crate::output;
use crate::platform::{Ending, Limits, MemoryCap, ProcessTree};
use crate::verdict::Status;

/// How long the grader waits for the output pipes to close after the test process is gone.
/// Only a process that escaped the process tree can hold them open longer.
const PIPE_GRACE: Duration = Duration::from_secs(2);

/// The most threads one test process may have alive at once. Hidden tests start dozens; a
/// learner's thread that spawns threads in a loop reaches this quickly and fails alone instead
/// of exhausting the machine.
pub const MAX_THREADS: usize = 1_000;

/// How one test process ended, before paths are made the learner's.
#[derive(Debug)]
pub struct TestRun {
    /// The verdict.
    pub status: Status,
    /// What was observed, for anything but a pass.
    pub message: Option<String>,
    /// What the process printed on stdout and stderr, capped.
    pub output: String,
    /// How long it ran.
    pub duration: Duration,
    /// The notes the test printed for the learner (see `harness::NOTE_PREFIX`).
    pub notes: Vec<String>,
    /// For a test stopped at its deadline: what its threads were doing.
    pub hang: Option<Hang>,
}

/// How long a test may run.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    /// The time it has: its timeout, or less where the check's time budget shortened it.
    pub allowed: Duration,
    /// The timeout course.yaml gives it.
    pub timeout: Duration,
}

/// Runs `binary --run name` in `workdir`, stopping it and everything it started when its
/// deadline's time is up, or as soon as `cancel` is set (then the verdict is `None`: nobody
/// wants it any more).
pub fn run_test(
    binary: &Path,
    name: &str,
    deadline: Deadline,
    workdir: &Path,
    cancel: &AtomicBool,
) -> Option<TestRun> {
    let started = Instant::now();
    let secret = new_secret();
    let mut command = Command::new(binary);
    command
        .args(["--run", name])
        .current_dir(workdir)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // A tree of its own, so that the test and every process it starts can be killed at once.
    let limits = Limits {
        memory_bytes: Some(memory_allowance().bytes),
    };
    let mut tree = match ProcessTree::spawn(&mut command, limits) {
        Ok(tree) => tree,
        Err(error) => {
            return Some(TestRun {
                status: Status::Crashed,
                message: Some(output::test_not_started(&error)),
                output: String::new(),
                duration: started.elapsed(),
                notes: Vec::new(),
                hang: None,
            });
        }
    };
    if let Some(mut stdin) = tree.child().stdin.take() {
        // A test that exits before reading its secret closes the pipe; that is its verdict to
        // explain, not an error here.
        let _ = writeln!(stdin, "{secret}");
    }
    let stdout = spawn_capture(tree.child().stdout.take());
    let stderr = spawn_capture(tree.child().stderr.take());

    let id = tree.id();
    interrupt::remember(id, tree.killer());
    let ended = wait_until(&mut tree, started + deadline.allowed, cancel);
    let mut hang_kind = None;
    let hang_report = match &ended {
        Ended::Cancelled => {
            tree.kill_tree();
            interrupt::forget(id);
            let _ = tree.wait();
            return None;
        }
        Ended::Exited(_) => None,
        Ended::TooManyThreads(count) => Some(Stopped::TooManyThreads(*count)),
        Ended::TooMuchMemory(bytes) => Some(Stopped::TooMuchMemory(*bytes)),
        Ended::Deadlock(found) => {
            hang_kind = Some(Hang::Deadlock);
            Some(Stopped::Deadlock(found.clone()))
        }
        Ended::Deadline => {
            let threads = tree.thread_states();
            hang_kind = Some(hang::kind(threads.as_deref()));
            Some(Stopped::Deadline(hang::explain(
                threads.as_deref(),
                tree.thread_count(),
            )))
        }
    };
    // Whatever happened, nothing the test started may outlive it.
    tree.kill_tree();
    interrupt::forget(id);
    let exit = match ended {
        Ended::Exited(ending) => Some(ending),
        _ => tree.wait().ok(),
    };
    let stdout = stdout.recv_timeout(PIPE_GRACE).unwrap_or_default();
    let stderr = stderr.recv_timeout(PIPE_GRACE).unwrap_or_default();
    let duration = started.elapsed();

    let output = join_output(&stdout, &stderr);
    let (status, message) = match hang_report {
        Some(Stopped::Deadline(report)) => (
            Status::TimedOut,
            Some(format!(
                "{}\n{report}",
                output::timed_out(deadline.allowed, deadline.timeout)
            )),
        ),
        Some(Stopped::Deadlock(found)) => (Status::TimedOut, Some(output::deadlocked(&found))),
        Some(Stopped::TooManyThreads(count)) => (
            Status::Crashed,
            Some(output::too_many_threads(count, MAX_THREADS)),
        ),
        Some(Stopped::TooMuchMemory(bytes)) => (
            Status::Crashed,
            Some(output::too_much_memory(bytes, memory_allowance())),
        ),
        None => judge(exit, &secret, &stdout, &stderr),
    };
    Some(TestRun {
        status,
        message,
        output,
        duration,
        notes: stdout.notes.clone(),
        hang: hang_kind,
    })
}

/// Decides the verdict of a process that ended by itself.
fn judge(
    exit: Option<Ending>,
    secret: &str,
    stdout: &Captured,
    stderr: &Captured,
) -> (Status, Option<String>) {
    let passed_line = stdout.pass_secrets.iter().any(|s| s == secret);
    match exit {
        Some(Ending::Exited(0)) if passed_line => (Status::Passed, None),
        Some(Ending::Crashed(crash)) => {
            let described = output::crashed(&crash, &stderr.text, memory_allowance());
            (Status::Crashed, Some(described))
        }
        _ if stdout.failure.is_some() => (Status::Failed, stdout.failure.clone()),
        Some(Ending::Exited(code)) => (Status::Failed, Some(output::exited_early(code))),
        None => (Status::Crashed, Some(output::lost_track_of_the_test())),
    }
}

fn spawn_capture(stream: Option<impl std::io::Read + Send + 'static>) -> mpsc::Receiver<Captured> {
    let (done, result) = mpsc::channel();
    if let Some(stream) = stream {
        thread::spawn(move || {
            let _ = done.send(capture(stream));
        });
    } else {
        let _ = done.send(Captured::default());
    }
    result
}

/// How waiting for a test process ended.
enum Ended {
    /// It ended by itself.
    Exited(Ending),
    /// It was still running at the deadline.
    Deadline,
    /// Every thread of it was asleep for good before the deadline.
    Deadlock(Deadlock),
    /// It had this many threads alive, over [`MAX_THREADS`].
    TooManyThreads(usize),
    /// Its processes held this many bytes, over the memory cap (where that cap is polled).
    TooMuchMemory(u64),
    /// Its verdict is no longer wanted.
    Cancelled,
}

/// Why the grader stopped a test process.
enum Stopped {
    /// The deadline passed; what its threads were doing.
    Deadline(String),
    /// It deadlocked.
    Deadlock(Deadlock),
    /// It started too many threads.
    TooManyThreads(usize),
    /// It held too much memory.
    TooMuchMemory(u64),
}

/// Waits for the test process to end until `deadline`, watching its thread count (and where the
/// system does not cap memory itself, its memory) on the way, and whether it has deadlocked
/// (see [`crate::deadlock`]). A count or a wait the system cannot give is no reason to stop a
/// test.
fn wait_until(tree: &mut ProcessTree, deadline: Instant, cancel: &AtomicBool) -> Ended {
    let poll_memory = tree.memory_cap() == MemoryCap::Polled;
    let mut watch = deadlock::Watch::new(Instant::now());
    let mut pause = Duration::from_millis(1);
    loop {
        if let Ok(Some(ending)) = tree.try_wait() {
            return Ended::Exited(ending);
        }
        if cancel.load(Ordering::Relaxed) {
            return Ended::Cancelled;
        }
        if let Some(threads) = tree.thread_count()
            && threads > MAX_THREADS
        {
            return Ended::TooManyThreads(threads);
        }
        if poll_memory
            && let Some(bytes) = tree.resident_bytes()
            && bytes > memory_allowance().bytes
        {
            return Ended::TooMuchMemory(bytes);
        }
        let now = Instant::now();
        if now >= deadline {
            return Ended::Deadline;
        }
        if let Some(found) = watch.look(now, || tree.thread_waits()) {
            return Ended::Deadlock(found);
        }
        thread::sleep(pause.min(deadline - now));
        pause = (pause * 2).min(Duration::from_millis(20));
    }
}

fn join_output(stdout: &Captured, stderr: &Captured) -> String {
    let parts: Vec<String> = [stdout.shown(), stderr.shown()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect();
    // The standard library's advice to set RUST_BACKTRACE does not apply to a graded test.
    parts
        .join("\n")
        .lines()
        .filter(|line| !line.contains("run with `RUST_BACKTRACE=1`"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// 128 random bits in hex: the pass line's secret.
fn new_secret() -> String {
    let mut bytes = [0u8; 16];
    if crate::platform::fill_random(&mut bytes).is_err() {
        // Without the system's random source, fall back on the standard library's per-process
        // random keys.
        use std::hash::{BuildHasher, RandomState};
        for (index, chunk) in bytes.chunks_mut(8).enumerate() {
            let value = RandomState::new().hash_one((index, Instant::now()));
            chunk.copy_from_slice(&value.to_le_bytes());
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
