//! `grader watch` without a terminal: it grades the current exercise, grades it again when the
//! file is saved, and moves on when it passes. Driven here by a program, not a person.

use std::io::{BufRead as _, BufReader, Write as _};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::Duration;

use crate::support::ScratchCourse;

/// Generous: the first grading may build the exercises' dependencies.
const PATIENCE: Duration = Duration::from_secs(300);

#[test]
fn watch_regrades_on_save_and_moves_on() {
    let course = ScratchCourse::new();
    let mut child = course
        .std_grader()
        .arg("watch")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the grader starts");
    let (lines, seen) = mpsc::channel();
    let stdout = child.stdout.take().expect("stdout");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let mut transcript = String::new();
    let mut wait_for = |needle: &str| {
        loop {
            match seen.recv_timeout(PATIENCE) {
                Ok(line) => {
                    transcript.push_str(&line);
                    transcript.push('\n');
                    if line.contains(needle) {
                        return;
                    }
                }
                Err(_) => panic!("watch never said `{needle}`; it said:\n{transcript}"),
            }
        }
    };

    // The first exercise not done is graded at once, and fails.
    wait_for("Waiting for you to save");
    let first = course.read("course.yaml");
    let first_path = first
        .lines()
        .find_map(|l| l.trim().strip_prefix("path: "))
        .expect("a first exercise")
        .to_owned();

    // Saving the solution makes it pass, and watch moves on to the next exercise.
    let solution = course.read(&first_path.replacen("exercises/", "solutions/", 1));
    course.write(&first_path, &solution);
    wait_for("passes. On to the next one");
    wait_for("Waiting for you to save");

    // Keys still work, and q ends the loop.
    let mut stdin = child.stdin.take().expect("stdin");
    writeln!(stdin, "h").expect("type h");
    wait_for("Hint for");
    writeln!(stdin, "q").expect("type q");
    let status = child.wait().expect("watch ends");
    assert!(status.success(), "{transcript}");
}
