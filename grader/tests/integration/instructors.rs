//! The instructor's companion: each exercise's estimated `minutes` in course.yaml, shown to the
//! learner by `list` and `next`, and INSTRUCTORS.md kept in step with the course (every mutant
//! named with its file, every section with a pacing week and a demo that exists).

use std::collections::BTreeSet;
use std::path::Path;

use crate::assert_grader_snapshot;
use crate::support::{ScratchCourse, repo_root, text};

/// Two exercises, one with an estimate and one without.
const COURSE: &str = r#"format_version: 1
title: A small course
sections:
  - id: locks
    title: Locks
    lesson: crates/locks
    exercises:
      - id: counter
        path: exercises/03_locks/01_counter.rs
        minutes: 25
        hint: Share one Mutex.
      - id: transfer
        path: exercises/03_locks/02_transfer.rs
        hint: Order the locks.
"#;

#[test]
fn list_shows_each_estimate_and_the_time_left() {
    let course =
        ScratchCourse::with_course(COURSE, &["03_locks/01_counter", "03_locks/02_transfer"]);
    let output = course
        .grader()
        .arg("list")
        .output()
        .expect("the grader runs");
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    assert_grader_snapshot!("list_with_minutes", stdout);
}

#[test]
fn next_says_how_long_the_next_exercise_takes() {
    let course =
        ScratchCourse::with_course(COURSE, &["03_locks/01_counter", "03_locks/02_transfer"]);
    let output = course
        .grader()
        .arg("next")
        .output()
        .expect("the grader runs");
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stdout.starts_with("Next exercise: locks/counter (not checked yet; about 25 minutes)"),
        "{stdout}"
    );
}

/// Every `path:` of course.yaml, and whether a `minutes:` follows it before the next exercise.
fn exercises_and_their_minutes(course: &str) -> Vec<(String, bool)> {
    let mut found: Vec<(String, bool)> = Vec::new();
    for line in course.lines() {
        let line = line.trim();
        if let Some(path) = line.strip_prefix("path: ") {
            found.push((path.to_owned(), false));
        } else if line.starts_with("minutes: ")
            && let Some(last) = found.last_mut()
        {
            last.1 = true;
        }
    }
    found
}

#[test]
fn every_exercise_of_the_course_has_an_estimate() {
    let course = std::fs::read_to_string(repo_root().join("course.yaml")).expect("course.yaml");
    let exercises = exercises_and_their_minutes(&course);
    assert!(
        exercises.len() > 30,
        "course.yaml lists {} exercises",
        exercises.len()
    );
    let missing: Vec<&str> = exercises
        .iter()
        .filter(|(_, has)| !has)
        .map(|(path, _)| path.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "these exercises have no `minutes` in course.yaml (scripts/estimate-minutes.py gives \
         one): {missing:?}"
    );
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn instructors_md_names_every_mutant_and_only_mutants_that_exist() {
    let root = repo_root();
    let guide = std::fs::read_to_string(root.join("INSTRUCTORS.md")).expect("INSTRUCTORS.md");
    let hidden = root.join("grader/hidden");
    let mut mutants = BTreeSet::new();
    for section in files_in(&hidden) {
        for exercise in files_in(&hidden.join(&section)) {
            for mutant in files_in(&hidden.join(&section).join(&exercise).join("mutants")) {
                mutants.insert(format!("{section}/{exercise}/mutants/{mutant}"));
            }
        }
    }
    assert!(mutants.len() > 100, "found only {} mutants", mutants.len());
    let missing: Vec<&String> = mutants
        .iter()
        .filter(|m| !guide.contains(&format!("`{m}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "INSTRUCTORS.md does not name these mutants (one line each, with its file): {missing:?}"
    );
    let named: Vec<&str> = guide
        .split('`')
        .filter(|word| word.contains("/mutants/") && word.ends_with(".rs"))
        .collect();
    let stale: Vec<&&str> = named.iter().filter(|m| !mutants.contains(**m)).collect();
    assert!(
        stale.is_empty(),
        "INSTRUCTORS.md names mutants that do not exist: {stale:?}"
    );
}

#[test]
fn instructors_md_demos_are_examples_that_exist() {
    let root = repo_root();
    let guide = std::fs::read_to_string(root.join("INSTRUCTORS.md")).expect("INSTRUCTORS.md");
    let mut demos = 0;
    for command in guide.split('`').filter(|t| t.starts_with("cargo run -p ")) {
        let words: Vec<&str> = command.split_whitespace().collect();
        let (Some(krate), Some(example)) = (
            words.get(3),
            words
                .iter()
                .position(|w| *w == "--example")
                .and_then(|i| words.get(i + 1)),
        ) else {
            continue;
        };
        let file = root
            .join("crates")
            .join(krate)
            .join("examples")
            .join(format!("{example}.rs"));
        assert!(
            file.is_file(),
            "INSTRUCTORS.md suggests `{command}`, but {} does not exist",
            file.display()
        );
        demos += 1;
    }
    assert!(
        demos >= 9,
        "INSTRUCTORS.md suggests {demos} demos; every section needs one"
    );
}
