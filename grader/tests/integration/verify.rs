//! `grader verify`: a broken course is caught. (The whole course proving itself is `.ci/run`'s
//! job: it runs `grader verify` on two cores, on one CPU and in a half-core container.)

use crate::support::{ScratchCourse, text};

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
