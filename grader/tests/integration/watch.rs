//! `grader watch` without a terminal: it grades the current exercise, grades it again when the
//! file is saved, and moves on when it passes; it follows saves with the file watcher, or by
//! polling when asked to (`--poll`) or when the watcher cannot start or misses a save; `g` goes
//! to an exercise and `R` resets one after asking. Driven here by a program, not a person.

use std::io::{BufRead as _, BufReader, Write as _};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use crate::support::{ScratchCourse, new_to_the_build, type_check_libraries};

/// Generous: the first grading may build the exercises' dependencies.
const PATIENCE: Duration = Duration::from_secs(300);

/// A running `grader watch`, its output read line by line.
struct Watch {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
    transcript: String,
}

impl Watch {
    /// Starts `grader watch ARGS` in `course`, with `THREADLINGS_WATCHER` set to `fault` if
    /// given (`off`: the watcher cannot start; `deaf`: it starts and reports nothing).
    fn start(course: &ScratchCourse, args: &[&str], fault: Option<&str>) -> Watch {
        let mut command = course.std_grader();
        command
            .arg("watch")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        match fault {
            Some(fault) => command.env("THREADLINGS_WATCHER", fault),
            None => command.env_remove("THREADLINGS_WATCHER"),
        };
        let mut child = command.spawn().expect("the grader starts");
        let (sender, lines) = mpsc::channel();
        let stdout = child.stdout.take().expect("stdout");
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        let stdin = child.stdin.take().expect("stdin");
        Watch {
            child,
            stdin,
            lines,
            transcript: String::new(),
        }
    }

    /// Reads output until a line contains `needle`.
    fn wait_for(&mut self, needle: &str) {
        loop {
            match self.lines.recv_timeout(PATIENCE) {
                Ok(line) => {
                    self.transcript.push_str(&line);
                    self.transcript.push('\n');
                    if line.contains(needle) {
                        return;
                    }
                }
                Err(_) => panic!("watch never said `{needle}`; it said:\n{}", self.transcript),
            }
        }
    }

    /// Types one line, as a learner without a terminal does.
    fn type_line(&mut self, line: &str) {
        writeln!(self.stdin, "{line}").expect("type a line");
    }

    /// Types `q` and expects watch to end with status 0.
    fn quit(mut self) -> String {
        self.type_line("q");
        let status = self.child.wait().expect("watch ends");
        assert!(status.success(), "{}", self.transcript);
        std::mem::take(&mut self.transcript)
    }
}

impl Drop for Watch {
    /// A test that fails half-way must not leave the grader running.
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The first exercise of the course: its file, and its solution's text.
fn first_exercise(course: &ScratchCourse) -> (String, String) {
    let path = course
        .read("course.yaml")
        .lines()
        .find_map(|l| l.trim().strip_prefix("path: "))
        .expect("a first exercise")
        .to_owned();
    let solution = course.read(&path.replacen("exercises/", "solutions/", 1));
    (path, solution)
}

#[test]
fn watch_regrades_on_save_and_moves_on() {
    let course = ScratchCourse::new();
    let mut watch = Watch::start(&course, &[], None);
    watch.wait_for("system's file watcher");

    // The first exercise not done is graded at once, and fails.
    watch.wait_for("Waiting for you to save");
    let (path, solution) = first_exercise(&course);

    // Saving the solution makes it pass, and watch moves on to the next exercise.
    course.write(&path, &solution);
    watch.wait_for("passes. On to the next one");
    watch.wait_for("Waiting for you to save");

    // Keys still work, and q ends the loop.
    watch.type_line("h");
    watch.wait_for("Hint for");
    let transcript = watch.quit();
    assert!(!transcript.contains("Polling"), "{transcript}");
}

#[test]
fn watch_tells_what_it_knows_before_the_verdict() {
    let _libraries = type_check_libraries();
    let course = ScratchCourse::new();
    let (path, _) = first_exercise(&course);
    let stub = course.read(&path);
    // A first build leaves the libraries the type check needs.
    course.write(&path, &new_to_the_build(&stub));
    let mut watch = Watch::start(&course, &[], None);
    watch.wait_for("Waiting for you to save");

    // After a save: the file has no error of its own, then the first failing check, while the
    // other checks go on, then the verdict.
    course.write(&path, &new_to_the_build(&stub));
    watch.wait_for("no error in your file; building the tests…");
    watch.wait_for("failed; the other checks go on…");
    watch.wait_for(": failed (0/");
    watch.wait_for("Waiting for you to save");
    watch.quit();
}

#[test]
fn poll_follows_saves_and_g_and_capital_r_act_on_any_exercise() {
    let course = ScratchCourse::committed();
    let mut watch = Watch::start(&course, &["--poll"], None);
    watch.wait_for("Polling (--poll)");
    watch.wait_for("Waiting for you to save");

    // `g ID` goes to that exercise and grades it; an unknown id is named.
    watch.type_line("g no/such");
    watch.wait_for("no exercise `no/such`");
    watch.type_line("g locks/counter");
    watch.wait_for("grading locks/counter");
    watch.wait_for("Waiting for you to save exercises/03_locks/01_counter.rs");

    // A save is seen by polling alone; the exercise passes and the next one is current.
    let counter = "exercises/03_locks/01_counter.rs";
    course.write(counter, &course.read("solutions/03_locks/01_counter.rs"));
    watch.wait_for("locks/counter passes");
    watch.wait_for("Waiting for you to save exercises/03_locks/02_transfer.rs");
    let transfer = "exercises/03_locks/02_transfer.rs";
    let stub = course.read(transfer);
    course.write(transfer, "// my attempt\n");
    watch.wait_for("grading locks/transfer");
    watch.wait_for("Waiting for you to save exercises/03_locks/02_transfer.rs");

    // `R` asks first; anything but y changes nothing.
    watch.type_line("R");
    watch.wait_for("Replace exercises/03_locks/02_transfer.rs with its stub?");
    watch.type_line("n");
    watch.wait_for("Nothing was changed");
    assert_eq!(course.read(transfer), "// my attempt\n");
    // y puts the stub back (the learner's file kept beside it) and grades it.
    watch.type_line("R");
    watch.wait_for("with its stub?");
    watch.type_line("y");
    watch.wait_for("is the stub again");
    watch.wait_for("Waiting for you to save exercises/03_locks/02_transfer.rs");
    assert_eq!(course.read(transfer), stub);
    assert_eq!(course.read(&format!("{transfer}.orig")), "// my attempt\n");
    watch.quit();
}

#[test]
fn a_watcher_that_misses_a_save_is_replaced_by_polling() {
    let course = ScratchCourse::new();
    let mut watch = Watch::start(&course, &[], Some("deaf"));
    watch.wait_for("system's file watcher");
    watch.wait_for("Waiting for you to save");
    let (path, solution) = first_exercise(&course);
    course.write(&path, &solution);
    // Graded at once all the same, then the watcher is found out.
    watch.wait_for("passes. On to the next one");
    watch.wait_for("the file watcher missed that save");
    watch.quit();
}

#[test]
fn a_watcher_that_cannot_start_leaves_polling() {
    let course = ScratchCourse::new();
    let mut watch = Watch::start(&course, &[], Some("off"));
    watch.wait_for("the file watcher could not start");
    watch.wait_for("Waiting for you to save");
    let (path, solution) = first_exercise(&course);
    course.write(&path, &solution);
    watch.wait_for("passes. On to the next one");
    watch.quit();
}
