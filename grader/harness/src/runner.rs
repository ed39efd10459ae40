//! `main` of a hidden test binary: lists the tests, or runs one and reports how it ended.

use std::any::Any;
use std::io::{self, BufRead, Write};
use std::panic::{self, PanicHookInfo};
use std::sync::Mutex;
use std::thread;

use crate::protocol::{FAIL_PREFIX, PASS_PREFIX, escape};

/// One hidden test: its name and its function.
#[derive(Clone, Copy)]
pub struct Test {
    /// The name the grader reports, usually a sentence in snake case.
    pub name: &'static str,
    /// The test; it passes by returning and fails by panicking.
    pub run: fn(),
}

/// A panic seen while the test ran, in any thread.
struct Panic {
    thread: String,
    location: String,
    message: String,
    /// Whether the panic happened in the course's own test code rather than in the learner's.
    in_test_code: bool,
}

/// Every panic seen so far, in order. A test may provoke panics on purpose (a job that panics
/// must not kill a pool), so they only shape the message of a test that fails.
static PANICS: Mutex<Vec<Panic>> = Mutex::new(Vec::new());

/// How many panics are kept; a learner thread panicking in a loop must not fill the memory.
const KEPT_PANICS: usize = 8;

/// While set, panics are not recorded: see [`without_recording_panics`].
static NOT_RECORDING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Runs `f` without recording the panics it provokes: for a test that runs again something it
/// has already seen fail (the model checker, going back to a failing interleaving to write its
/// path down), whose panics the failure message has counted once already.
pub fn without_recording_panics<R>(f: impl FnOnce() -> R) -> R {
    use std::sync::atomic::Ordering;
    NOT_RECORDING.store(true, Ordering::SeqCst);
    let result = panic::catch_unwind(panic::AssertUnwindSafe(f));
    NOT_RECORDING.store(false, Ordering::SeqCst);
    match result {
        Ok(value) => value,
        Err(payload) => panic::resume_unwind(payload),
    }
}

/// Runs the binary: `--list`, or `--run NAME` with the secret on standard input.
pub fn run_main(tests: &[Test]) {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["--list"] => {
            let mut out = io::stdout().lock();
            for test in tests {
                let _ = writeln!(out, "{}", test.name);
            }
        }
        ["--run", name] => match tests.iter().find(|test| test.name == *name) {
            Some(test) => run_one(test),
            None => {
                eprintln!("no hidden test is named `{name}`");
                std::process::exit(2);
            }
        },
        _ => {
            eprintln!("usage: hidden --list | hidden --run NAME (with the secret on stdin)");
            std::process::exit(2);
        }
    }
}

fn run_one(test: &Test) -> ! {
    // The secret is read before any learner code runs, and never stored where that code looks.
    let mut secret = String::new();
    let _ = io::stdin().lock().read_line(&mut secret);
    let secret = secret.trim().to_owned();
    panic::set_hook(Box::new(record_panic));

    let outcome = panic::catch_unwind(test.run);
    let mut out = io::stdout().lock();
    match outcome {
        Ok(()) => {
            let _ = write!(out, "\n{PASS_PREFIX}{secret}\n");
            let _ = out.flush();
            // Exit now: threads the learner's code left running must not decide the verdict.
            std::process::exit(0);
        }
        Err(payload) => {
            // Other threads may be panicking for the same reason right now; give them a moment,
            // so the message can say "in 6 threads" rather than whichever came first.
            thread::sleep(std::time::Duration::from_millis(100));
            let message = failure_message(payload.as_ref());
            let _ = write!(out, "\n{FAIL_PREFIX}{}\n", escape(&message));
            let _ = out.flush();
            std::process::exit(101);
        }
    }
}

fn record_panic(info: &PanicHookInfo<'_>) {
    if NOT_RECORDING.load(std::sync::atomic::Ordering::SeqCst) {
        return;
    }
    let location = info
        .location()
        .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
        .unwrap_or_else(|| "an unknown place".to_owned());
    // The course's tests, this harness, and the model checker with its stand-ins for std
    // (whose panics report what the checker found, not a bug of the learner's line).
    let in_test_code = info.location().is_some_and(|l| {
        ["hidden/", "harness/", "model/src/", "/loom-"]
            .iter()
            .any(|part| l.file().contains(part))
    });
    let panic = Panic {
        thread: thread::current().name().unwrap_or("unnamed").to_owned(),
        location,
        message: payload_text(info.payload()),
        in_test_code,
    };
    // A poisoned list still holds what it held; recording must never panic inside the hook.
    let mut panics = PANICS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if panics.len() < KEPT_PANICS {
        panics.push(panic);
    }
}

/// Explains a failed test: the learner's panics first (they are usually the cause), then what the
/// test itself observed.
fn failure_message(payload: &(dyn Any + Send)) -> String {
    let panics = PANICS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    // The same panic in many threads (a `todo!()` every worker reaches) is one line.
    let mut lines: Vec<String> = Vec::new();
    let mut seen: Vec<(String, String, usize, String)> = Vec::new();
    for panic in panics.iter().filter(|panic| !panic.in_test_code) {
        let message = if panic.message == "not yet implemented" {
            "reached `todo!()`: this part is not written yet".to_owned()
        } else {
            panic.message.clone()
        };
        match seen
            .iter_mut()
            .find(|(location, text, _, _)| *location == panic.location && *text == message)
        {
            Some(entry) => entry.2 += 1,
            None => seen.push((panic.location.clone(), message, 1, panic.thread.clone())),
        }
    }
    for (location, message, count, thread) in seen {
        let who = match (count, thread.as_str()) {
            (1, "unnamed") => "an unnamed thread".to_owned(),
            (1, name) => format!("thread '{name}'"),
            (n, _) => format!("{n} threads"),
        };
        lines.push(format!(
            "your code panicked in {who} at {location}: {message}"
        ));
    }
    let observed = plain_assertion(&payload_text(payload));
    let test_failed_itself = panics.iter().any(|panic| panic.in_test_code);
    if test_failed_itself || lines.is_empty() {
        lines.push(observed);
    }
    lines.join("\n")
}

/// `assert_eq!` with a message says "assertion `left == right` failed: MESSAGE" and then the two
/// values; the course's messages already say what was observed and expected, in words.
fn plain_assertion(message: &str) -> String {
    for prefix in [
        "assertion `left == right` failed: ",
        "assertion `left != right` failed: ",
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let keep: Vec<&str> = rest
                .lines()
                .filter(|line| {
                    let line = line.trim_start();
                    !(line.starts_with("left: ") || line.starts_with("right: "))
                })
                .collect();
            return keep.join("\n");
        }
    }
    message.to_owned()
}

fn payload_text(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic with a value that is not text".to_owned()
    }
}
