//! Runs one hidden test in a process of its own, under a deadline, and turns however that
//! process ended into a verdict.

use std::io::{Read as _, Write as _};
use std::os::unix::process::{CommandExt as _, ExitStatusExt as _};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use crate::capture::{Captured, capture};
use crate::hang;
use crate::interrupt;
use crate::verdict::Status;

/// How long the grader waits for the output pipes to close after the test process is gone.
/// Only a process that escaped the process group can hold them open longer.
const PIPE_GRACE: Duration = Duration::from_secs(2);

/// The most threads one test process may have alive at once. Hidden tests start dozens; a
/// learner's thread that spawns threads in a loop reaches this quickly and fails alone instead
/// of exhausting the machine.
pub const MAX_THREADS: usize = 1_000;

/// The most address space one test process may reserve. Every thread reserves its stack, so
/// this is far above what [`MAX_THREADS`] threads need, yet stops an allocation without limit
/// long before the machine runs out of memory.
const MAX_ADDRESS_SPACE: u64 = 4 << 30;

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
}

/// Runs `binary --run name` in `workdir`, stopping it and everything it started after `timeout`,
/// or as soon as `cancel` is set (then the verdict is `None`: nobody wants it any more).
pub fn run_test(
    binary: &Path,
    name: &str,
    timeout: Duration,
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
        .stderr(Stdio::piped())
        // A group of its own, so that the test and every process it starts can be killed at once.
        .process_group(0);
    // SAFETY: the closure runs between fork and exec and only calls setrlimit, which is
    // async-signal-safe, on memory it owns.
    unsafe {
        command.pre_exec(|| {
            let limit = |resource, value: u64| {
                let limit = libc::rlimit {
                    rlim_cur: value as libc::rlim_t,
                    rlim_max: value as libc::rlim_t,
                };
                libc::setrlimit(resource, &limit);
            };
            limit(libc::RLIMIT_AS, MAX_ADDRESS_SPACE);
            // A crash is reported by the grader; a core dump would only fill the disk.
            limit(libc::RLIMIT_CORE, 0);
            Ok(())
        });
    }
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(error) => {
            return Some(TestRun {
                status: Status::Crashed,
                message: Some(format!("the test process could not be started: {error}")),
                output: String::new(),
                duration: started.elapsed(),
                notes: Vec::new(),
            });
        }
    };
    if let Some(mut stdin) = child.stdin.take() {
        // A test that exits before reading its secret closes the pipe; that is its verdict to
        // explain, not an error here.
        let _ = writeln!(stdin, "{secret}");
    }
    let stdout = spawn_capture(child.stdout.take());
    let stderr = spawn_capture(child.stderr.take());

    let group = child.id();
    interrupt::remember(group);
    let ended = wait_until(&mut child, group, started + timeout, cancel);
    let hang_report = match ended {
        Ended::Cancelled => {
            interrupt::kill_group(group);
            interrupt::forget(group);
            let _ = child.wait();
            return None;
        }
        Ended::Exited(_) => None,
        Ended::TooManyThreads(count) => Some(Stopped::TooManyThreads(count)),
        Ended::Deadline => Some(Stopped::Deadline(hang::explain(&hang::snapshot(group)))),
    };
    // Whatever happened, nothing the test started may outlive it.
    interrupt::kill_group(group);
    interrupt::forget(group);
    let exit = match ended {
        Ended::Exited(status) => Some(status),
        _ => child.wait().ok(),
    };
    let stdout = stdout.recv_timeout(PIPE_GRACE).unwrap_or_default();
    let stderr = stderr.recv_timeout(PIPE_GRACE).unwrap_or_default();
    let duration = started.elapsed();

    let output = join_output(&stdout, &stderr);
    let (status, message) = match hang_report {
        Some(Stopped::Deadline(report)) => (
            Status::TimedOut,
            Some(format!(
                "did not finish within {} s and was stopped.\n{report}",
                timeout.as_secs()
            )),
        ),
        Some(Stopped::TooManyThreads(count)) => (
            Status::Crashed,
            Some(format!(
                "was stopped after it started {count} threads at once (the limit is \
                 {MAX_THREADS}): is a thread being spawned in a loop that never ends?"
            )),
        ),
        None => judge(exit, &secret, &stdout, &stderr),
    };
    Some(TestRun {
        status,
        message,
        output,
        duration,
        notes: stdout.notes.clone(),
    })
}

/// Decides the verdict of a process that ended by itself.
fn judge(
    exit: Option<ExitStatus>,
    secret: &str,
    stdout: &Captured,
    stderr: &Captured,
) -> (Status, Option<String>) {
    let passed_line = stdout.pass_secrets.iter().any(|s| s == secret);
    match exit {
        Some(exit) if exit.success() && passed_line => (Status::Passed, None),
        Some(exit) if exit.signal().is_some() => {
            let signal = exit.signal().unwrap_or_default();
            (Status::Crashed, Some(describe_crash(signal, &stderr.text)))
        }
        _ if stdout.failure.is_some() => (Status::Failed, stdout.failure.clone()),
        Some(exit) => (
            Status::Failed,
            Some(format!(
                "the test process exited with status {} before the test finished: something in \
                 your code ended the process (std::process::exit?), so the test never got to its \
                 end",
                exit.code().unwrap_or(-1)
            )),
        ),
        None => (
            Status::Crashed,
            Some("the grader lost track of the test process".to_owned()),
        ),
    }
}

fn describe_crash(signal: i32, stderr: &str) -> String {
    if stderr.contains("has overflowed its stack") {
        return "crashed with a stack overflow: a recursion that never ends, or a very large \
                value on the stack"
            .to_owned();
    }
    if let Some(at) = stderr.find("memory allocation of ") {
        let bytes = stderr[at + "memory allocation of ".len()..]
            .split(' ')
            .next()
            .unwrap_or("many");
        return format!(
            "ran out of memory: your code asked for {bytes} bytes at once (a test may use at \
             most {} GiB)",
            MAX_ADDRESS_SPACE >> 30
        );
    }
    if signal == libc::SIGABRT {
        if stderr.contains("thread local panicked on drop") {
            return "aborted (SIGABRT) after a panic in the destructor of a thread-local value: \
                    Rust ends the whole process when a thread_local!'s Drop panics at thread exit"
                .to_owned();
        }
        if stderr.contains("non-unwinding panic")
            || stderr.contains("panic in a destructor")
            || stderr.contains("panicked")
        {
            return "aborted (SIGABRT) after a panic that could not unwind: a panic while \
                    already panicking, such as a panic inside Drop during unwinding"
                .to_owned();
        }
        return "aborted (SIGABRT): std::process::abort or a failed internal check".to_owned();
    }
    let name = match signal {
        libc::SIGSEGV => "a segmentation fault (SIGSEGV): memory was accessed that does not exist",
        libc::SIGBUS => "a bus error (SIGBUS)",
        libc::SIGKILL => "killed (SIGKILL), by itself or by the system (out of memory?)",
        libc::SIGILL => "an illegal instruction (SIGILL)",
        libc::SIGFPE => "an arithmetic fault (SIGFPE)",
        libc::SIGTERM => "terminated (SIGTERM)",
        _ => "",
    };
    if name.is_empty() {
        format!("crashed: killed by signal {signal}")
    } else {
        format!("crashed: {name}")
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
    /// It exited by itself.
    Exited(ExitStatus),
    /// It was still running at the deadline.
    Deadline,
    /// It had this many threads alive, over [`MAX_THREADS`].
    TooManyThreads(usize),
    /// Its verdict is no longer wanted.
    Cancelled,
}

/// Why the grader stopped a test process.
enum Stopped {
    /// The deadline passed; what its threads were doing.
    Deadline(String),
    /// It started too many threads.
    TooManyThreads(usize),
}

/// Waits for the child to exit until `deadline`, watching its thread count on the way.
fn wait_until(child: &mut Child, group: u32, deadline: Instant, cancel: &AtomicBool) -> Ended {
    let mut pause = Duration::from_millis(1);
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Ended::Exited(status);
        }
        if cancel.load(Ordering::Relaxed) {
            return Ended::Cancelled;
        }
        let threads = hang::thread_count(group);
        if threads > MAX_THREADS {
            return Ended::TooManyThreads(threads);
        }
        let now = Instant::now();
        if now >= deadline {
            return Ended::Deadline;
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
    let read = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut bytes));
    if read.is_err() {
        // Without /dev/urandom, fall back on the standard library's per-process random keys.
        use std::hash::{BuildHasher, RandomState};
        for (index, chunk) in bytes.chunks_mut(8).enumerate() {
            let value = RandomState::new().hash_one((index, Instant::now()));
            chunk.copy_from_slice(&value.to_le_bytes());
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::describe_crash;

    #[test]
    fn a_panicking_thread_local_destructor_is_named() {
        let described = describe_crash(
            libc::SIGABRT,
            "thread '<unnamed>' panicked at src/lib.rs:9:9:\nboom\n\
             fatal runtime error: thread local panicked on drop, aborting\n",
        );
        assert!(
            described.contains("destructor of a thread-local"),
            "{described}"
        );
    }

    #[test]
    fn a_panic_while_panicking_is_explained() {
        let described = describe_crash(
            libc::SIGABRT,
            "thread 'main' panicked at src/lib.rs:3:5:\npanic in a destructor during cleanup\n",
        );
        assert!(described.contains("already panicking"), "{described}");
    }

    #[test]
    fn a_stack_overflow_is_named() {
        let described = describe_crash(
            libc::SIGSEGV,
            "\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow\n",
        );
        assert!(described.contains("stack overflow"), "{described}");
    }
}
