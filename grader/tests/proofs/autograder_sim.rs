//! The autograders in a simulated container (`scripts/autograder-sim.sh`): half a CPU, 768 MB,
//! the learner's code as an unprivileged user, and three submissions (solved, hanging, hostile)
//! that must get full marks, nothing within the budget, and only what they earned. Gradescope's
//! gets all three; PrairieLearn's, which shares the grading script and differs only in layout
//! and format, the solved and hostile ones (the hanging one would only repeat the budget's
//! minutes).
//!
//! It needs root and a writable cgroup file system, as CI has; elsewhere the script exits with
//! status 77 and this test says it skipped, except when `CI` is set, where that is a failure.

use std::path::Path;

use serde_json::Value;

use crate::support::{check_schema, one_heavy_test_at_a_time, repo_root, text};

/// Runs the simulation of `submissions` (comma-separated) on the locks section for `platform`,
/// and returns the folder holding
/// each submission's results (`<submission>/results.json`), or `None` if it cannot run here.
/// The simulated image (its build folder) is the script's default, kept between runs and
/// locked while in use, as an autograder's image keeps the dependencies it built once.
fn simulate(platform: &str, submissions: &str) -> Option<tempfile::TempDir> {
    let _alone = one_heavy_test_at_a_time();
    let out = tempfile::tempdir().expect("a folder");
    let output = std::process::Command::new("bash")
        .arg(repo_root().join("scripts/autograder-sim.sh"))
        .args([
            "--sections",
            "locks",
            "--budget",
            "120",
            "--platform",
            platform,
            "--only",
            submissions,
        ])
        .arg("--out")
        .arg(out.path())
        .env("GRADER_BIN", assert_cmd::cargo::cargo_bin("grader"))
        .output()
        .expect("the simulation script runs");
    let (stdout, stderr) = text(&output);
    if output.status.code() == Some(77) {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must be able to simulate the autograder's container:\n{stderr}"
        );
        eprintln!("skipped: the autograder's container cannot be simulated here:\n{stderr}");
        return None;
    }
    assert!(
        output.status.success(),
        "the simulation failed:\n{stdout}\n{stderr}"
    );
    assert!(
        stdout.contains("every submission got what it must"),
        "{stdout}"
    );
    Some(out)
}

fn results(out: &Path, submission: &str) -> Value {
    let path = out.join(submission).join("results.json");
    let text = std::fs::read_to_string(&path).expect("results.json");
    serde_json::from_str(&text).expect("results.json is JSON")
}

#[test]
fn gradescope_in_its_default_container_grades_solved_hanging_and_hostile_submissions() {
    let Some(sim) = simulate("gradescope", "solved,hanging,hostile") else {
        return;
    };
    let solved = results(sim.path(), "solved");
    check_schema(&solved);
    assert_eq!(solved["score"], 40, "{solved}");
    let hanging = results(sim.path(), "hanging");
    check_schema(&hanging);
    assert_eq!(hanging["score"], 0, "{hanging}");
    let hostile = results(sim.path(), "hostile");
    check_schema(&hostile);
    assert_eq!(hostile["score"], 10, "{hostile}");
}

#[test]
fn prairielearn_in_the_same_container_grades_solved_and_hostile_submissions() {
    let Some(sim) = simulate("prairielearn", "solved,hostile") else {
        return;
    };
    let solved = results(sim.path(), "solved");
    assert_eq!(solved["gradable"], true, "{solved}");
    assert_eq!(solved["score"], 1.0, "{solved}");
    let hostile = results(sim.path(), "hostile");
    assert_eq!(hostile["gradable"], true, "{hostile}");
    assert_eq!(hostile["score"], 0.25, "{hostile}");
    let counter = &hostile["tests"][0];
    assert_eq!(counter["name"], "locks/counter");
    assert_eq!(counter["points"], 10);
}
