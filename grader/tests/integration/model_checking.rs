//! Model tests on copies of the real course: a bug no stress test can show (a spin lock freed
//! with `Relaxed`, a result published with `Relaxed`) fails with the interleaving that breaks it, `--replay` shows that same
//! interleaving again, and a file the checker cannot explore is judged by the stress tests
//! alone, with one note saying so.

use crate::assert_grader_snapshot;
use crate::support::{ScratchCourse, redact, repo_root, text};

const SPINLOCK: &str = "exercises/03_locks/04_spinlock.rs";

/// Runs `grader <args>` and returns its exit status and redacted stdout.
fn run(course: &ScratchCourse, args: &[&str]) -> (i32, String) {
    let output = course
        .grader()
        .args(args)
        .output()
        .expect("the grader runs");
    let (stdout, stderr) = text(&output);
    assert!(
        !stderr.contains("panicked"),
        "the grader panicked:\n{stderr}"
    );
    (output.status.code().unwrap_or(-1), redact(&stdout, course))
}

/// The course's own mutant of the spin lock that takes and frees it with `Relaxed`.
fn relaxed_spin_lock() -> String {
    std::fs::read_to_string(
        repo_root().join("grader/hidden/03_locks/04_spinlock/mutants/relaxed_orderings.rs"),
    )
    .expect("the Relaxed mutant")
}

/// The part of a report that tells the interleaving, from its first step to the replay hint.
fn story(report: &str) -> &str {
    let start = report
        .find("The model checker explores")
        .unwrap_or_else(|| panic!("no interleaving in:\n{report}"));
    let end = report[start..]
        .find("See it again")
        .map_or(report.len(), |end| start + end);
    &report[start..end]
}

#[test]
fn a_relaxed_spin_lock_fails_with_its_interleaving_and_replays_it() {
    let course = ScratchCourse::new();
    course.write(SPINLOCK, &relaxed_spin_lock());
    let (status, checked) = run(&course, &["check", "locks/spinlock"]);
    assert_eq!(status, 1, "{checked}");
    assert_grader_snapshot!("check_relaxed_spinlock", checked);

    let (status, replayed) = run(&course, &["check", "locks/spinlock", "--replay"]);
    assert_eq!(status, 1, "{replayed}");
    assert_eq!(
        story(&replayed),
        story(&checked),
        "the replay told another interleaving"
    );
}

#[test]
fn a_relaxed_publication_fails_with_the_interleaving_that_reads_an_unwritten_result() {
    // atomics/progress: a worker that counts a result as pushed with `Relaxed` lets a watcher
    // read the slot before the worker's write is visible: a data race only a model shows.
    let course = ScratchCourse::new();
    let mutant = std::fs::read_to_string(
        repo_root().join("grader/hidden/04_atomics/02_progress/mutants/relaxed_publication.rs"),
    )
    .expect("the Relaxed publication mutant");
    course.write("exercises/04_atomics/02_progress.rs", &mutant);
    let (status, checked) = run(&course, &["check", "atomics/progress"]);
    assert_eq!(status, 1, "{checked}");
    let story = story(&checked);
    assert!(
        story.contains("Relaxed"),
        "the story names the ordering:\n{story}"
    );
    assert!(
        story.contains("where, in exercises/04_atomics/02_progress.rs:"),
        "the story quotes the learner's lines:\n{story}"
    );
    assert_grader_snapshot!("check_relaxed_publication", checked);
}

#[test]
fn replay_refuses_a_file_changed_since_its_failure() {
    let course = ScratchCourse::new();
    let relaxed = relaxed_spin_lock();
    course.write(SPINLOCK, &relaxed);
    let (status, _) = run(&course, &["check", "locks/spinlock"]);
    assert_eq!(status, 1);
    course.write(SPINLOCK, &format!("{relaxed}\n// changed\n"));
    let (status, replayed) = run(&course, &["check", "locks/spinlock", "--replay"]);
    assert_eq!(status, 1, "{replayed}");
    assert!(
        replayed.contains("has changed since its model tests failed"),
        "{replayed}"
    );
}

#[test]
fn a_file_the_checker_cannot_explore_is_judged_by_the_stress_tests_with_a_note() {
    let course = ScratchCourse::new();
    // A correct lock that waits with `thread::sleep`, which the model checker cannot explore.
    let solution = course.read("solutions/03_locks/04_spinlock.rs");
    let sleeping = solution.replace(
        "std::hint::spin_loop();",
        "std::thread::sleep(std::time::Duration::from_micros(1));",
    );
    assert_ne!(
        sleeping, solution,
        "the solution no longer spins with spin_loop()"
    );
    course.write(SPINLOCK, &sleeping);
    let (status, checked) = run(&course, &["check", "locks/spinlock"]);
    assert_eq!(status, 0, "{checked}");
    assert_grader_snapshot!("check_unmodelled_spinlock", checked);
}
