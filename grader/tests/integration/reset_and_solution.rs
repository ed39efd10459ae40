//! `grader reset` puts the stub back from the course's git history (its newest version, which
//! `grader/stubs.sha256` names) and touches nothing else;
//! `grader solution` shows the reference solution only once the learner's file passes.

use std::collections::BTreeMap;
use std::path::Path;

use crate::assert_grader_snapshot;
use crate::support::{ScratchCourse, redact, repo_root, run_in_terminal, text};

const COUNTER: &str = "exercises/03_locks/01_counter.rs";

/// Every file of the course (but git's own) with its contents.
fn files(course: &ScratchCourse) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, found: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).expect("a folder").flatten() {
            let path = entry.path();
            if entry.file_name() == ".git" {
                continue;
            }
            if path.is_dir() {
                walk(root, &path, found);
            } else {
                let relative = path.strip_prefix(root).expect("below the root");
                found.insert(
                    relative.to_string_lossy().into_owned(),
                    std::fs::read(&path).expect("a file"),
                );
            }
        }
    }
    let mut found = BTreeMap::new();
    walk(course.root(), course.root(), &mut found);
    found
}

/// Runs `grader <args>`: exit status, redacted stdout and stderr.
fn run(course: &ScratchCourse, args: &[&str]) -> (i32, String, String) {
    let output = course
        .grader()
        .args(args)
        .output()
        .expect("the grader runs");
    let (stdout, stderr) = text(&output);
    assert!(!stderr.contains("panicked"), "{stderr}");
    (
        output.status.code().unwrap_or(-1),
        redact(&stdout, course),
        redact(&stderr, course),
    )
}

#[test]
fn reset_with_yes_restores_the_stub_keeps_the_learners_file_and_touches_nothing_else() {
    let course = ScratchCourse::committed();
    let stub = course.read(COUNTER);
    let learners = "// my attempt\npub struct Counter;\n";
    course.write(COUNTER, learners);
    let before = files(&course);

    let (status, stdout, stderr) = run(&course, &["reset", "locks/counter", "--yes"]);
    assert_eq!(status, 0, "{stdout}\n{stderr}");
    assert_grader_snapshot!("reset_yes", stdout);
    assert_eq!(course.read(COUNTER), stub, "the stub is back");
    let original = std::fs::read_to_string(repo_root().join(COUNTER)).expect("the stub");
    assert_eq!(stub, original, "the stub is the course's");
    assert_eq!(
        course.read(&format!("{COUNTER}.orig")),
        learners,
        "the learner's file is kept"
    );

    let mut after = files(&course);
    after.remove(&format!("{COUNTER}.orig"));
    let changed: Vec<&String> = before
        .keys()
        .chain(after.keys())
        .filter(|path| before.get(*path) != after.get(*path))
        .collect();
    assert_eq!(
        changed,
        [COUNTER, COUNTER],
        "only the exercise file changed"
    );
}

#[test]
fn reset_restores_the_courses_newest_stub_not_its_first_nor_the_learners_committed_work() {
    // The course first shipped an older wording of the stub, then the current one; the learner
    // then committed an attempt of their own.
    let course = ScratchCourse::new();
    let stub = course.read(COUNTER);
    course.write(COUNTER, &format!("// An older wording.\n{stub}"));
    course.git(&["init", "--quiet"]);
    course.git(&["add", "."]);
    course.git(&["commit", "--quiet", "-m", "The course"]);
    course.write(COUNTER, &stub);
    course.git(&["commit", "--quiet", "-am", "The course, a newer stub"]);
    course.write(COUNTER, "// my attempt, committed\npub struct Counter;\n");
    course.git(&["commit", "--quiet", "-am", "My work"]);
    course.write(COUNTER, "// my attempt, edited since\n");

    let (status, stdout, stderr) = run(&course, &["reset", "locks/counter", "--yes"]);
    assert_eq!(status, 0, "{stdout}\n{stderr}");
    assert_eq!(
        course.read(COUNTER),
        stub,
        "the course's newest stub is back"
    );
}

#[test]
fn reset_without_yes_and_without_a_terminal_refuses_and_changes_nothing() {
    let course = ScratchCourse::committed();
    course.write(COUNTER, "// my attempt\n");
    let before = files(&course);
    let (status, stdout, stderr) = run(&course, &["reset", "locks/counter"]);
    assert_eq!(
        status, 2,
        "a usage error, as documented:\n{stdout}\n{stderr}"
    );
    assert!(stdout.is_empty(), "{stdout}");
    assert_grader_snapshot!("reset_without_yes", stderr);
    assert_eq!(files(&course), before, "nothing changed");
}

#[test]
fn reset_in_a_terminal_asks_and_does_only_what_the_learner_answers() {
    let course = ScratchCourse::committed();
    let stub = course.read(COUNTER);
    course.write(COUNTER, "// my attempt\n");
    let before = files(&course);

    let (status, shown) = run_in_terminal(&course, &["reset", "locks/counter"], None, "n\n");
    assert_eq!(status, 1, "{shown}");
    assert!(shown.contains("[y/N]"), "it asked: {shown}");
    assert!(shown.contains("Nothing was changed."), "{shown}");
    assert_eq!(files(&course), before, "no means nothing changes");

    let (status, shown) = run_in_terminal(&course, &["reset", "locks/counter"], None, "y\n");
    assert_eq!(status, 0, "{shown}");
    assert!(shown.contains("is the stub again"), "{shown}");
    assert_eq!(course.read(COUNTER), stub);
    assert_eq!(course.read(&format!("{COUNTER}.orig")), "// my attempt\n");
}

#[test]
fn reset_without_the_courses_git_history_says_so_and_changes_nothing() {
    let course = ScratchCourse::new();
    course.write(COUNTER, "// my attempt\n");
    let before = files(&course);
    let (status, _, stderr) = run(&course, &["reset", "locks/counter", "--yes"]);
    assert_eq!(status, 2, "{stderr}");
    assert!(stderr.contains("git history"), "{stderr}");
    assert_eq!(files(&course), before, "nothing changed");
}

#[test]
fn solution_is_refused_until_the_exercise_passes_and_shown_once_it_does() {
    let course = ScratchCourse::new();
    let solution = course.read("solutions/03_locks/01_counter.rs");

    let (status, locked, _) = run(&course, &["solution", "locks/counter"]);
    assert_eq!(
        status, 1,
        "not passed yet: status 1, as documented\n{locked}"
    );
    assert!(!locked.contains(solution.trim()), "{locked}");
    assert_grader_snapshot!("solution_locked", locked);

    // A failed check does not unlock it.
    run(&course, &["check", "locks/counter"]);
    let (status, _, _) = run(&course, &["solution", "locks/counter"]);
    assert_eq!(status, 1);

    course.solve("03_locks/01_counter");
    let (status, stdout, stderr) = run(&course, &["check", "locks/counter"]);
    assert_eq!(status, 0, "{stdout}\n{stderr}");
    let (status, shown, _) = run(&course, &["solution", "locks/counter"]);
    assert_eq!(status, 0, "{shown}");
    assert!(shown.ends_with(&solution), "the whole solution:\n{shown}");
    assert_grader_snapshot!(
        "solution_shown",
        shown.replace(&solution, "[THE REFERENCE SOLUTION]\n")
    );

    // Changed since it passed: locked again until it is checked.
    course.write(COUNTER, &format!("{solution}\n// a change after passing\n"));
    let (status, _, _) = run(&course, &["solution", "locks/counter"]);
    assert_eq!(status, 1);
}
