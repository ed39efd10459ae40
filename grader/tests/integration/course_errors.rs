//! A malformed or inconsistent course.yaml, and a command line naming what the course does not
//! have: one clear message with file and line, exit status 2, no panic.

use crate::assert_grader_snapshot;
use crate::support::{ScratchCourse, redact, text};

/// A small, valid course: the tests below break it one way each.
const COURSE: &str = r#"format_version: 1
title: A small course
defaults:
  timeout: 10
sections:
  - id: locks
    title: Locks
    lesson: crates/locks
    exercises:
      - id: counter
        path: exercises/03_locks/01_counter.rs
        points: 10
        hint: Share one Mutex.
"#;

const STEMS: &[&str] = &["03_locks/01_counter"];

/// Runs `grader <args>` on the course with course.yaml replaced, expecting exit status 2, and
/// returns what it printed on stderr.
fn refused(course_yaml: &str, args: &[&str]) -> String {
    let course = ScratchCourse::with_course(course_yaml, STEMS);
    refused_in(&course, args)
}

fn refused_in(course: &ScratchCourse, args: &[&str]) -> String {
    let output = course
        .grader()
        .args(args)
        .output()
        .expect("the grader runs");
    let (stdout, stderr) = text(&output);
    assert_eq!(
        output.status.code(),
        Some(2),
        "stdout:\n{stdout}\nstderr:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "{stderr}");
    redact(&stderr, course)
}

#[test]
fn the_small_course_is_valid() {
    let course = ScratchCourse::with_course(COURSE, STEMS);
    course.grader().args(["hint", "counter"]).assert().success();
}

#[test]
fn malformed_yaml_is_refused_with_its_line() {
    let broken = COURSE.replace("    title: Locks", "    title: \"Locks");
    assert_grader_snapshot!("malformed_yaml", refused(&broken, &["list"]));
}

#[test]
fn an_unknown_field_is_refused_with_its_line() {
    let broken = COURSE.replace("points: 10", "pointz: 10");
    assert_grader_snapshot!("unknown_field", refused(&broken, &["list"]));
}

#[test]
fn an_ill_typed_field_is_refused_with_its_line() {
    let broken = COURSE.replace("points: 10", "points: ten");
    assert_grader_snapshot!("ill_typed_field", refused(&broken, &["list"]));
}

#[test]
fn minutes_that_are_not_a_positive_whole_number_are_refused_naming_the_exercise() {
    let zero = COURSE.replace("points: 10", "points: 10\n        minutes: 0");
    assert_grader_snapshot!("minutes_zero", refused(&zero, &["list"]));
    let word = COURSE.replace("points: 10", "points: 10\n        minutes: ten");
    assert_grader_snapshot!("minutes_word", refused(&word, &["list"]));
    for (bad, shown) in [("-5", "`-5`"), ("2.5", "`2.5`"), ("\"25\"", "\"25\"")] {
        let broken = COURSE.replace("points: 10", &format!("points: 10\n        minutes: {bad}"));
        let stderr = refused(&broken, &["list"]);
        assert!(
            stderr.contains(&format!(
                "course.yaml:13: exercise `locks/counter` has minutes {shown}; it must be a \
                 positive whole number"
            )),
            "minutes: {bad} gave\n{stderr}"
        );
    }
}

#[test]
fn a_duplicate_exercise_id_is_refused_with_its_line() {
    let broken = format!(
        "{COURSE}      - id: counter\n        path: exercises/03_locks/01_counter.rs\n        hint: Again.\n"
    );
    assert_grader_snapshot!("duplicate_exercise", refused(&broken, &["list"]));
}

#[test]
fn a_duplicate_section_id_is_refused_with_its_line() {
    let broken = format!(
        "{COURSE}  - id: locks\n    title: Locks again\n    lesson: crates/locks\n    exercises: []\n"
    );
    assert_grader_snapshot!("duplicate_section", refused(&broken, &["list"]));
}

#[test]
fn a_missing_exercise_file_is_refused_with_its_line() {
    let broken = COURSE.replace("01_counter.rs", "09_missing.rs");
    assert_grader_snapshot!("missing_file", refused(&broken, &["list"]));
}

#[test]
fn a_path_outside_exercises_is_refused() {
    let broken = COURSE.replace("exercises/03_locks/01_counter.rs", "../secrets.rs");
    assert_grader_snapshot!("path_outside", refused(&broken, &["list"]));
}

#[test]
fn a_solution_without_an_exercise_is_refused() {
    let course = ScratchCourse::with_course(COURSE, STEMS);
    course.write("solutions/03_locks/09_orphan.rs", "pub fn orphan() {}\n");
    assert_grader_snapshot!("orphan_solution", refused_in(&course, &["list"]));
}

#[test]
fn another_format_version_is_refused() {
    let broken = COURSE.replace("format_version: 1", "format_version: 2");
    assert_grader_snapshot!("format_version", refused(&broken, &["list"]));
}

#[test]
fn an_unknown_section_is_refused() {
    assert_grader_snapshot!("unknown_section", refused(COURSE, &["check", "lokcs"]));
}

#[test]
fn an_unknown_exercise_is_refused() {
    assert_grader_snapshot!(
        "unknown_exercise",
        refused(COURSE, &["check", "locks/countr"])
    );
}

#[test]
fn an_unknown_hint_is_refused() {
    assert_grader_snapshot!("unknown_hint", refused(COURSE, &["hint", "nothing"]));
}

#[test]
fn check_without_a_target_is_a_usage_error() {
    let stderr = refused(COURSE, &["check"]);
    assert!(stderr.contains("<TARGET>"), "{stderr}");
}

#[test]
fn no_course_file_is_found_outside_a_course() {
    let empty = tempfile::tempdir().expect("a temporary folder");
    let output = assert_cmd::Command::cargo_bin("grader")
        .expect("the grader")
        .arg("list")
        .current_dir(empty.path())
        .output()
        .expect("the grader runs");
    let (_, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no course.yaml found"), "{stderr}");
}

#[test]
fn a_budget_too_short_to_build_anything_is_refused() {
    let course = COURSE.replace(
        "title: A small course\n",
        "title: A small course\nbudget: 5\n",
    );
    let stderr = refused(&course, &["list"]);
    assert!(stderr.contains("course.yaml:3:"), "{stderr}");
    assert!(stderr.contains("budget is 5 seconds"), "{stderr}");
}

#[test]
fn no_command_without_a_terminal_names_every_command() {
    // Standard output is a pipe here, so no command does not mean `watch`.
    let stderr = refused(COURSE, &[]);
    for command in [
        "check", "watch", "list", "next", "hint", "reset", "solution", "lsp", "report", "import",
        "class", "verify",
    ] {
        assert!(
            stderr.contains(command),
            "`{command}` is not named: {stderr}"
        );
    }
}
