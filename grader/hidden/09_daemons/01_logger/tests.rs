//! Hidden tests for exercises/09_daemons/01_logger.rs: a logger whose writer thread owns the
//! file, whose `flush` waits for it, and whose `Drop` writes every queued line and joins it, so
//! that a `main` that logs and returns (a real program, run here) loses nothing.
//!
//! The tests that must catch a logger that returns too early make its writer certainly slow:
//! the log file is a pipe that the test does not read yet, which holds 64 KiB and then blocks
//! every write. A correct `flush` or `drop` cannot return while most of the lines are stuck
//! behind it; a wrong one returns at once.

use exercise::Logger;
use harness::awake;
use harness::sync::Rendezvous;
use harness::time::{Kept, join, within};
use harness::types::assert_send_sync;
use std::io::{BufRead, BufReader, PipeReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, mpsc};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// How long a call must stay blocked to count as waiting, and how long a program is given to
/// end on its own when it should not.
const BLOCKED: Duration = Duration::from_millis(300);
/// A deadline for something that should happen at once: only a hang takes this long.
const HANG: Duration = Duration::from_secs(5);
/// Lines logged where the writer must fall behind: about 3.6 MB, far more than the 64 KiB a
/// pipe holds before a write blocks.
const MANY: usize = 60_000;

const _: fn() = || assert_send_sync::<Logger>();

/// Line `number` of the log (the programs in `bin/` write the same lines).
fn line(number: usize) -> String {
    format!("line {number:06}: the quick brown fox jumps over the lazy dog")
}

/// What the file holds after lines `0..count` were logged.
fn expected(count: usize) -> String {
    (0..count).map(|n| line(n) + "\n").collect()
}

/// A fresh path in the test's own working folder.
fn log_path(name: &str) -> PathBuf {
    let path = std::env::current_dir()
        .expect("the test could not find its working folder")
        .join(name);
    let _ = std::fs::remove_file(&path);
    path
}

fn read_file(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| {
        panic!(
            "the log file {} could not be read after flush(): {error}",
            path.display()
        )
    })
}

/// Describes how `got` differs from `want`, both log contents, in lines.
fn difference(got: &str, want: &str) -> String {
    let got_lines: Vec<&str> = got.lines().collect();
    let want_lines: Vec<&str> = want.lines().collect();
    if let Some(at) = got_lines
        .iter()
        .zip(&want_lines)
        .position(|(got, want)| got != want)
    {
        return format!(
            "line {} is {:?} where {:?} was logged",
            at + 1,
            got_lines[at],
            want_lines[at]
        );
    }
    if got_lines.len() < want_lines.len() {
        format!(
            "the file holds {} of the {} lines logged; the first one missing is {:?}",
            got_lines.len(),
            want_lines.len(),
            want_lines[got_lines.len()]
        )
    } else if got_lines.len() > want_lines.len() {
        format!(
            "the file holds {} lines where {} were logged",
            got_lines.len(),
            want_lines.len()
        )
    } else {
        "every line is there, but a line break is missing or extra (each line should be \
         followed by one '\\n')"
            .to_owned()
    }
}

/// What a program of `bin/` said on standard error, for a learner to read: a `todo!()` is
/// named, and Rust's note about backtraces is left out.
fn program_said(stderr: &str) -> String {
    stderr
        .lines()
        .filter(|line| !line.starts_with("note: run with `RUST_BACKTRACE=1`"))
        .map(|line| {
            if line == "not yet implemented" {
                "not yet implemented (it reached `todo!()`: this part is not written yet)"
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}

/// A logger whose file is a pipe that only the test reads: until the test reads it, the
/// writer thread can put 64 KiB in it and is then stuck in its next write.
fn logger_on_a_pipe() -> (Logger, PipeReader) {
    let (reader, writer) = std::io::pipe().expect("the test could not create a pipe");
    let path = pipe_path(&writer);
    let logger = within(HANG, "Logger::new on a pipe", move || Logger::new(path))
        .unwrap_or_else(|error| panic!("Logger::new on a pipe returned an error: {error}"));
    // The logger opened its own write end; with ours closed, the pipe ends when its file does.
    drop(writer);
    (logger, reader)
}

/// The path by which a file opened by name reaches the open pipe `writer`: `/dev/fd/N` on Linux
/// and macOS alike.
#[cfg(unix)]
fn pipe_path(writer: &std::io::PipeWriter) -> String {
    use std::os::fd::AsRawFd;
    format!("/dev/fd/{}", writer.as_raw_fd())
}

/// Windows has no path by which a file opened for appending reaches a pipe, so the tests below
/// that need one never get this far there (see [`without_a_pipe_by_path`]).
#[cfg(not(unix))]
fn pipe_path(_: &std::io::PipeWriter) -> String {
    unreachable!("only Linux and macOS reach a pipe by a path")
}

/// The standard output of a program, as a path it can open: on Linux and macOS.
const STDOUT_PATH: &str = "/dev/stdout";

/// Where no path reaches a pipe (Windows: a named pipe cannot be opened for appending, as the
/// Logger opens its file), a test that needs the writer held back by a pipe cannot make a
/// wrong `flush` or `drop` certain to fail. It says so (one note line for the grader), checks
/// what it can (that `count` lines logged and then dropped, on a regular file, are all there)
/// and returns `true`; elsewhere it returns `false` and the test goes on with its pipe.
fn without_a_pipe_by_path(test: &str) -> bool {
    if cfg!(unix) {
        return false;
    }
    eprintln!(
        "{}{test} needs a pipe reachable by a path, which {} does not give to a file opened for \
         appending: it only checks that every line logged reaches a regular file",
        harness::NOTE_PREFIX,
        std::env::consts::OS
    );
    let path = log_path("without_a_pipe.log");
    let logger = Kept::new(Arc::new(
        Logger::new(&path).expect("Logger::new returned an error"),
    ));
    log_many(&logger, MANY);
    drop_logger(logger, "dropping the Logger");
    let got = std::fs::read_to_string(&path).unwrap_or_default();
    let want = expected(MANY);
    assert!(
        got == want,
        "after logging {MANY} lines and dropping the Logger, the file was not right: {}",
        difference(&got, &want)
    );
    true
}

/// Reads the pipe to its end (until the logger closed its file) on a thread of its own.
fn read_to_end(mut reader: PipeReader) -> JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = reader.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// Logs lines `0..count` through `logger` within the hang deadline.
fn log_many(logger: &Arc<Logger>, count: usize) {
    let logging = Arc::clone(logger);
    within(
        HANG,
        &format!(
            "logging {count} lines while nothing reads the log file (log() should hand each \
             line to the writer thread and return at once, not wait for the file)"
        ),
        move || {
            for number in 0..count {
                logging.log(&line(number));
            }
        },
    );
}

/// Calls `flush()` within the hang deadline.
fn flush(logger: &Arc<Logger>, what: &str) {
    let flushing = Arc::clone(logger);
    within(HANG, what, move || flushing.flush());
}

/// Drops the last `Arc` of `logger` within the hang deadline.
fn drop_logger(logger: Kept<Arc<Logger>>, what: &str) {
    within(HANG, what, move || drop(logger.take()));
}

fn new_creates_the_file_and_appends_to_what_is_there() {
    let path = log_path("new.log");
    let logger = Kept::new(Arc::new(Logger::new(&path).unwrap_or_else(|error| {
        panic!("Logger::new on a file that does not exist yet returned an error: {error}")
    })));
    logger.log("first");
    flush(&logger, "flush() after logging one line");
    assert!(
        path.exists(),
        "Logger::new on a file that did not exist did not create it"
    );
    drop_logger(logger, "dropping the Logger");

    let path = log_path("append.log");
    std::fs::write(&path, "written earlier\n").expect("the test could not write its log file");
    let logger = Kept::new(Arc::new(Logger::new(&path).unwrap_or_else(|error| {
        panic!("Logger::new on an existing file returned an error: {error}")
    })));
    logger.log("first");
    logger.log("second");
    drop_logger(logger, "dropping the Logger after logging two lines");
    let got = read_file(&path);
    assert_eq!(
        got, "written earlier\nfirst\nsecond\n",
        "a file holding \"written earlier\\n\" held {got:?} after a Logger logged \"first\" and \
         \"second\" to it and was dropped; it should hold \"written earlier\\nfirst\\nsecond\\n\": \
         open the file to append, keeping what is there, end each line with '\\n', and let \
         dropping the logger write every queued line and wait for the writer thread"
    );
}

fn new_returns_the_error_of_a_file_that_cannot_be_opened() {
    let path = log_path("no such folder/app.log");
    let result = within(
        HANG,
        "Logger::new on a path in a folder that does not exist",
        move || Logger::new(path).map(drop),
    );
    assert!(
        result.is_err(),
        "Logger::new on a path in a folder that does not exist returned Ok; it should return \
         the error from opening the file (open it before starting the writer thread)"
    );
}

fn flush_puts_every_line_logged_so_far_in_the_file_in_order() {
    let path = log_path("flush.log");
    let logger = Kept::new(Arc::new(
        Logger::new(&path).expect("Logger::new returned an error"),
    ));
    for number in 0..1_000 {
        logger.log(&line(number));
    }
    flush(&logger, "flush() after logging 1 000 lines");
    let got = read_file(&path);
    let want = expected(1_000);
    assert!(
        got == want,
        "after logging 1 000 lines and calling flush(), the file was not right: {}",
        difference(&got, &want)
    );
    for number in 1_000..1_500 {
        logger.log(&line(number));
    }
    flush(&logger, "a second flush()");
    let got = read_file(&path);
    let want = expected(1_500);
    assert!(
        got == want,
        "after logging 500 more lines and calling flush() again, the file was not right: {}",
        difference(&got, &want)
    );
    drop_logger(logger, "dropping the Logger");
}

fn flush_returns_when_nothing_was_logged_even_from_many_threads() {
    let path = log_path("idle.log");
    let logger = Kept::new(Arc::new(
        Logger::new(&path).expect("Logger::new returned an error"),
    ));
    flush(&logger, "flush() on a logger that never logged anything");
    let flushers: Vec<_> = (0..4)
        .map(|_| {
            let logger = Arc::clone(&logger);
            thread::spawn(move || {
                logger.flush();
                logger.flush();
            })
        })
        .collect();
    for flusher in flushers {
        join(
            flusher,
            HANG,
            "flush() called by 4 threads at once, twice each",
        );
    }
    drop_logger(logger, "dropping a Logger that never logged anything");
}

fn lines_from_many_threads_are_all_written_whole() {
    const THREADS: usize = 8;
    const EACH: usize = 2_000;
    let path = log_path("threads.log");
    let logger = Kept::new(Arc::new(
        Logger::new(&path).expect("Logger::new returned an error"),
    ));
    let start = Arc::new(Rendezvous::new(THREADS));
    let loggers: Vec<_> = (0..THREADS)
        .map(|thread| {
            let (logger, start) = (Arc::clone(&logger), Arc::clone(&start));
            thread::spawn(move || {
                start.meet(HANG, "threads about to log");
                for number in 0..EACH {
                    logger.log(&format!("thread {thread} line {number}"));
                }
            })
        })
        .collect();
    for logger in loggers {
        join(logger, HANG, "a thread logging 2 000 lines");
    }
    flush(&logger, "flush() after 8 threads logged 2 000 lines each");
    let got = read_file(&path);
    let mut next = [0usize; THREADS];
    for (at, text) in got.lines().enumerate() {
        let parsed = text
            .strip_prefix("thread ")
            .and_then(|rest| rest.split_once(" line "))
            .and_then(|(thread, number)| Some((thread.parse().ok()?, number.parse().ok()?)));
        let Some((thread, number)) =
            parsed.filter(|&(thread, _): &(usize, usize)| thread < THREADS)
        else {
            panic!(
                "line {} of the file is {text:?}, which no thread logged: lines logged at the \
                 same time by several threads must each be written whole",
                at + 1
            );
        };
        assert_eq!(
            number,
            next[thread],
            "thread {thread}'s lines were not written in the order it logged them: line {} of \
             the file is its line {number} where its line {} was expected",
            at + 1,
            next[thread]
        );
        next[thread] += 1;
    }
    let written: usize = next.iter().sum();
    assert_eq!(
        written,
        THREADS * EACH,
        "after 8 threads logged 2 000 lines each and flush() returned, the file held {written} \
         of their {} lines",
        THREADS * EACH
    );
    drop_logger(logger, "dropping the Logger");
}

fn log_returns_at_once_while_the_writer_is_stuck() {
    if without_a_pipe_by_path("log_returns_at_once_while_the_writer_is_stuck") {
        return;
    }
    let (logger, reader) = logger_on_a_pipe();
    let logger = Kept::new(Arc::new(logger));
    log_many(&logger, MANY);
    let reading = read_to_end(reader);
    drop_logger(logger, "dropping the Logger while the test read its file");
    let got = join(reading, HANG, "reading the log file to its end");
    let want = expected(MANY);
    assert!(
        got == want,
        "after logging {MANY} lines and dropping the Logger, the file was not right: {}",
        difference(&got, &want)
    );
}

fn flush_waits_until_every_line_is_in_the_file() {
    if without_a_pipe_by_path("flush_waits_until_every_line_is_in_the_file") {
        return;
    }
    let (logger, mut reader) = logger_on_a_pipe();
    let logger = Kept::new(Arc::new(logger));
    log_many(&logger, MANY);
    let (flushed, flush_returned) = mpsc::channel();
    let flusher = {
        let logger = Arc::clone(&logger);
        thread::spawn(move || {
            logger.flush();
            let _ = flushed.send(());
        })
    };
    if flush_returned.recv_timeout(BLOCKED).is_ok() {
        panic!(
            "flush() returned while almost none of the {MANY} lines logged before it could be in \
             the file yet (the test's log file is a pipe that takes 64 KiB and then makes the \
             writer wait until the test reads it, and the test had read nothing): flush() must \
             wait until the writer thread has written every line logged before the call"
        );
    }
    let want = expected(MANY);
    let got = within(
        HANG,
        "reading the lines logged before flush() from the log file, while flush() waited",
        move || {
            let mut bytes = vec![0; want.len()];
            let read = reader.read_exact(&mut bytes);
            (
                read.map(|_| String::from_utf8_lossy(&bytes).into_owned()),
                reader,
            )
        },
    );
    let (got, reader) = got;
    let got = got.unwrap_or_else(|_| {
        panic!(
            "the log file ended before the {MANY} lines logged were read from it: the writer \
             thread closed it early"
        )
    });
    let want = expected(MANY);
    assert!(
        got == want,
        "the lines written before flush() returned were not right: {}",
        difference(&got, &want)
    );
    flush_returned.recv_timeout(HANG).unwrap_or_else(|_| {
        panic!(
            "flush() did not return within 5 s after every line logged before it had been \
             written and read: does the writer thread tell flush() when it got that far?"
        )
    });
    join(flusher, HANG, "the thread that called flush()");
    let reading = read_to_end(reader);
    drop_logger(logger, "dropping the Logger after flush()");
    let rest = join(reading, HANG, "reading the rest of the log file");
    assert!(
        rest.is_empty(),
        "after flush() the file held {} more bytes although nothing more was logged: {rest:?}",
        rest.len()
    );
}

fn dropping_the_logger_writes_every_queued_line_before_it_returns() {
    if without_a_pipe_by_path("dropping_the_logger_writes_every_queued_line_before_it_returns") {
        return;
    }
    let (logger, reader) = logger_on_a_pipe();
    let logger = Kept::new(Arc::new(logger));
    log_many(&logger, MANY);
    let (dropped, drop_returned) = mpsc::channel();
    let logger = logger.take();
    let dropper = thread::spawn(move || {
        drop(logger);
        let _ = dropped.send(());
    });
    if drop_returned.recv_timeout(BLOCKED).is_ok() {
        panic!(
            "dropping the Logger returned while almost none of the {MANY} lines logged before \
             could be in the file yet (the test's log file is a pipe that takes 64 KiB and then \
             makes the writer wait until the test reads it): Drop must wait for the writer \
             thread (join it) after letting it write every queued line; otherwise a `main` that \
             returns now ends the process and the lines are lost"
        );
    }
    let got = within(
        HANG,
        "reading the log file to its end after the Logger was dropped (the file stays open \
         until the writer thread ends: did dropping the logger tell it to stop?)",
        move || {
            let mut reader = reader;
            let mut bytes = Vec::new();
            let _ = reader.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        },
    );
    let want = expected(MANY);
    assert!(
        got == want,
        "after {MANY} lines were logged and the Logger was dropped, the file was not right: {}; \
         dropping the logger must write every line logged before the drop",
        difference(&got, &want)
    );
    drop_returned.recv_timeout(HANG).unwrap_or_else(|_| {
        panic!(
            "dropping the Logger did not return within 5 s after its file had been closed and \
             read to the end"
        )
    });
    join(dropper, HANG, "the thread that dropped the Logger");
}

fn an_idle_writer_thread_sleeps_instead_of_polling() {
    let path = log_path("sleeps.log");
    let logger = Kept::new(Arc::new(
        Logger::new(&path).expect("Logger::new returned an error"),
    ));
    logger.log("one line");
    flush(&logger, "flush() after logging one line");
    thread::sleep(Duration::from_millis(50));
    let activity = awake::watch(BLOCKED);
    assert!(
        !activity.busy(),
        "while the logger had nothing to write, {activity}: the writer thread should sleep \
         until a line or a request arrives (a blocking recv()), not check again and again"
    );
    drop_logger(logger, "dropping the Logger");
}

/// The program `bin/NAME.rs` built from the same graded file as these tests, given cargo's
/// path for it (`env!("CARGO_BIN_EXE_NAME")`; the grader names each build's programs apart).
fn program(cargo_path: &'static str) -> PathBuf {
    PathBuf::from(cargo_path)
}

/// A program from `bin/`, run with its log file on its own standard output: a pipe that only the
/// test reads.
struct Program {
    child: Child,
    /// Kept open, so that the program can still write to it.
    _stderr: BufReader<std::process::ChildStderr>,
    stdout: std::process::ChildStdout,
    name: &'static str,
}

impl Program {
    /// Starts `path` (a program of `bin/`) logging `count` lines, and waits until it says it
    /// has logged them all.
    fn start(cargo_path: &'static str, name: &'static str, count: usize) -> Program {
        let mut child = Command::new(program(cargo_path))
            .args([STDOUT_PATH, &count.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|error| panic!("the test could not run the program {name}: {error}"));
        let stdout = child.stdout.take().expect("the program's standard output");
        let stderr = child.stderr.take().expect("the program's standard error");
        let said = within(
            HANG,
            &format!("logging {count} lines in the program {name}"),
            move || {
                let mut stderr = BufReader::new(stderr);
                let mut said = String::new();
                let mut text = String::new();
                loop {
                    text.clear();
                    match stderr.read_line(&mut text) {
                        Ok(0) | Err(_) => return (Err(said), stderr),
                        Ok(_) if text.trim_end() == "logged" => return (Ok(()), stderr),
                        Ok(_) => said.push_str(&text),
                    }
                }
            },
        );
        let (said, stderr) = said;
        if let Err(said) = said {
            panic!(
                "the program {name}, built on your Logger, ended before it had logged its \
                 lines; it said:\n{}",
                program_said(&said)
            );
        }
        Program {
            child,
            _stderr: stderr,
            stdout,
            name,
        }
    }

    /// Waits up to `limit` for the program to end by itself; returns whether it did.
    fn ends_within(&mut self, limit: Duration) -> bool {
        let started = Instant::now();
        loop {
            match self.child.try_wait() {
                Ok(Some(_)) => return true,
                Ok(None) if started.elapsed() < limit => thread::sleep(Duration::from_millis(5)),
                _ => return false,
            }
        }
    }

    /// Reads the log to its end and waits for the program to end; returns the log.
    fn finish(mut self) -> String {
        let mut stdout = self.stdout;
        let name = self.name;
        let log = within(
            HANG,
            &format!("reading the log file of the program {name} to its end"),
            move || {
                let mut bytes = Vec::new();
                let _ = stdout.read_to_end(&mut bytes);
                String::from_utf8_lossy(&bytes).into_owned()
            },
        );
        let status = within(
            HANG,
            &format!("the program {name} ending after its log was read"),
            move || self.child.wait(),
        )
        .unwrap_or_else(|error| panic!("the test could not wait for {name}: {error}"));
        assert!(
            status.success(),
            "the program {name}, built on your Logger, failed ({status})"
        );
        log
    }
}

fn a_program_whose_main_logs_and_returns_leaves_every_line_in_the_file() {
    const LINES: usize = 20_000;
    let path = log_path("program.log");
    for run in 1..=2 {
        let output = assert_cmd::Command::new(program(env!("CARGO_BIN_EXE_logs_and_returns")))
            .arg(&path)
            .arg(LINES.to_string())
            .timeout(HANG)
            .output()
            .unwrap_or_else(|error| panic!("the test could not run logs_and_returns: {error}"));
        assert!(
            output.status.success(),
            "the program logs_and_returns (run {run}), built on your Logger, failed ({}); it \
             said:\n{}",
            output.status,
            program_said(&String::from_utf8_lossy(&output.stderr))
        );
        let got = read_file(&path);
        let want = expected(LINES).repeat(run);
        assert!(
            got == want,
            "a program whose main logged {LINES} lines and returned (run {run} on the same \
             file) left the file wrong: {}",
            difference(&got, &want)
        );
    }
}

fn a_program_whose_main_returns_while_its_writer_is_behind_loses_no_line() {
    if without_a_pipe_by_path("a_program_whose_main_returns_while_its_writer_is_behind_loses_no_line") {
        return;
    }
    let mut program = Program::start(
        env!("CARGO_BIN_EXE_logs_and_returns"),
        "logs_and_returns",
        MANY,
    );
    // Nothing has been read from the log: a logger that lets `main` return now ends the
    // process with nearly every line still queued.
    let ended_early = program.ends_within(BLOCKED);
    let got = program.finish();
    let want = expected(MANY);
    if ended_early || got != want {
        panic!(
            "a program whose main logged {MANY} lines and returned ended {}with its log file \
             wrong: {}. When main returns the process ends, and every other thread dies \
             wherever it is: dropping the Logger at the end of main must let the writer thread \
             write every queued line and wait for it to end (join it)",
            if ended_early {
                "before the test had read its log, "
            } else {
                ""
            },
            difference(&got, &want)
        );
    }
}

fn a_program_that_flushes_and_then_exits_at_once_loses_no_line() {
    if without_a_pipe_by_path("a_program_that_flushes_and_then_exits_at_once_loses_no_line") {
        return;
    }
    let mut program = Program::start(
        env!("CARGO_BIN_EXE_flushes_and_exits"),
        "flushes_and_exits",
        MANY,
    );
    let ended_early = program.ends_within(BLOCKED);
    let got = program.finish();
    let want = expected(MANY);
    if ended_early || got != want {
        panic!(
            "a program that logged {MANY} lines, called flush() and then \
             std::process::exit(0) (which ends the process at once and runs no destructor) ended \
             {}with its log file wrong: {}. flush() must return only once every line logged \
             before it is in the file",
            if ended_early {
                "before the test had read its log, "
            } else {
                ""
            },
            difference(&got, &want)
        );
    }
}

harness::hidden_tests![
    new_creates_the_file_and_appends_to_what_is_there,
    new_returns_the_error_of_a_file_that_cannot_be_opened,
    flush_puts_every_line_logged_so_far_in_the_file_in_order,
    flush_returns_when_nothing_was_logged_even_from_many_threads,
    lines_from_many_threads_are_all_written_whole,
    log_returns_at_once_while_the_writer_is_stuck,
    flush_waits_until_every_line_is_in_the_file,
    dropping_the_logger_writes_every_queued_line_before_it_returns,
    an_idle_writer_thread_sleeps_instead_of_polling,
    a_program_whose_main_logs_and_returns_leaves_every_line_in_the_file,
    a_program_whose_main_returns_while_its_writer_is_behind_loses_no_line,
    a_program_that_flushes_and_then_exits_at_once_loses_no_line,
];
