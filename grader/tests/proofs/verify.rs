//! `grader verify` catches a broken exercise (a stub that already passes, a stub changed without
//! its digest), and `--build-only` builds an exercise's every submission and runs none. Each
//! builds and runs every solution, stub, alternative and mutant of `locks/counter`.

use crate::support::{ScratchCourse, repo_root, text};

/// Runs `grader verify TARGET` in `course`, expects it to find problems (status 1) and returns
/// what it printed.
fn verify_finds_problems(course: &ScratchCourse, target: &str) -> String {
    let output = course
        .grader()
        .args(["verify", target])
        .output()
        .expect("the grader runs");
    let (stdout, _) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    stdout
}

#[test]
fn verify_catches_a_stub_that_already_passes() {
    let course = ScratchCourse::new();
    course.solve("03_locks/01_counter");
    let stdout = verify_finds_problems(&course, "locks/counter");
    assert!(stdout.contains("already passes every check"), "{stdout}");
    assert!(stdout.contains("no `// TODO`"), "{stdout}");
}

#[test]
fn verify_catches_a_stub_changed_without_its_digest() {
    // Still a stub that fails, but not the one grader/stubs.sha256 lists: `reset` would not
    // find it in a learner's history.
    let course = ScratchCourse::new();
    let path = "exercises/03_locks/01_counter.rs";
    course.write(path, &format!("// A new wording.\n{}", course.read(path)));
    let stdout = verify_finds_problems(&course, "locks/counter");
    assert!(
        stdout.contains("changed since grader/stubs.sha256 was written"),
        "{stdout}"
    );
    assert!(
        stdout.contains("sha256sum exercises/*/*.rs > grader/stubs.sha256"),
        "{stdout}"
    );
}

/// `verify --build-only` compiles the solution, stub, alternatives and mutants `verify` would
/// run, and runs none of them (CI compiles on idle cores before verifying on busy ones).
#[test]
fn verify_build_only_builds_every_submission_and_runs_none() {
    let course = ScratchCourse::new();
    let hidden = repo_root().join("grader/hidden/03_locks/01_counter");
    let count = |folder: &str| {
        std::fs::read_dir(hidden.join(folder))
            .map(|entries| entries.count())
            .unwrap_or(0)
    };
    let submissions = 2 + count("alternatives") + count("mutants");
    let output = course
        .grader()
        .args(["verify", "--build-only", "locks/counter"])
        .output()
        .expect("the grader runs");
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert!(
        stdout.starts_with(&format!(
            "built the crates of {submissions} solutions, stubs, alternatives and mutants"
        )),
        "{stdout}"
    );
    assert!(stdout.contains("nothing was run"), "{stdout}");
    assert!(!stdout.contains("passes"), "{stdout}");
}
