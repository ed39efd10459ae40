//! `grader verify --classes`: the bug-class matrix. (A broken exercise caught by `verify`, and
//! `--build-only`, build an exercise's every submission: they are in `tests/proofs/verify.rs`.
//! The whole course proving itself is `.ci/run`'s job: it runs `grader verify` on two cores, on
//! one CPU and in a half-core container.)

use crate::assert_grader_snapshot;
use crate::support::{grader_in, repo_root, text};

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
