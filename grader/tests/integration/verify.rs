//! `grader verify`: a broken course is caught. (The whole course proving itself is `.ci/run`'s
//! job: it runs `grader verify` on two cores, on one CPU and in a half-core container.)

use crate::assert_grader_snapshot;
use crate::support::{ScratchCourse, grader_in, repo_root, text};

/// `verify --classes` on the real course: every exercise declares every bug class and has a
/// mutant for each class it says its tests catch. The matrix is pinned, so that a change to any
/// exercise's declaration shows in review; and the authors' guide shows the same matrix.
#[test]
fn the_bug_class_matrix_has_no_holes_and_is_the_guides() {
    let output = grader_in(&repo_root().join("course.yaml"))
        .args(["verify", "--classes"])
        .output()
        .expect("the grader runs");
    let (stdout, stderr) = text(&output);
    assert!(
        output.status.success(),
        "grader verify --classes found holes:\n{stdout}\n{stderr}"
    );
    let guide = std::fs::read_to_string(repo_root().join("grader/hidden/README.md"))
        .expect("the authors' guide");
    let start = "<!-- verify --classes -->\n```text\n";
    let shown = guide
        .split_once(start)
        .and_then(|(_, rest)| rest.split_once("```"))
        .map(|(matrix, _)| matrix)
        .expect("the guide shows the output of `verify --classes` after a `<!-- verify --classes -->` line");
    assert!(
        shown == stdout,
        "the matrix in grader/hidden/README.md is not what `cargo run -p grader -- verify \
         --classes` prints now: paste its output in the guide again"
    );
    assert_grader_snapshot!("verify_classes", stdout);
}

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
