//! The Gradescope autograder, run on a simulated `/autograder` layout: solved, partly solved
//! and hostile submissions each get a valid results.json, and nothing but the exercise files is
//! taken from a submission.

use std::path::Path;

use serde_json::Value;

use crate::support::{check_schema, repo_root, shared_build_dir};

/// The autograder's course: the locks section alone keeps this test quick.
fn write_source(source: &Path) {
    let root = repo_root();
    let course = std::fs::read_to_string(root.join("course.yaml")).expect("course.yaml");
    let mut trimmed = String::new();
    let mut keep = true;
    for line in course.lines() {
        if let Some(id) = line.strip_prefix("  - id: ") {
            keep = id == "locks";
        }
        if keep || !line.starts_with("    ") && !line.starts_with("  - ") {
            trimmed.push_str(line);
            trimmed.push('\n');
        }
    }
    std::fs::create_dir_all(source).expect("source");
    std::fs::write(source.join("course.yaml"), trimmed).expect("write course.yaml");
    for file in ["Cargo.lock", "rust-toolchain.toml"] {
        std::fs::copy(root.join(file), source.join(file)).expect("copy");
    }
    for folder in ["exercises/03_locks", "solutions/03_locks"] {
        copy_dir(&root.join(folder), &source.join(folder));
    }
    for lesson in std::fs::read_dir(root.join("crates"))
        .expect("crates")
        .flatten()
    {
        std::fs::create_dir_all(source.join("crates").join(lesson.file_name())).expect("lesson");
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder");
    for entry in std::fs::read_dir(from).expect("a folder").flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
        }
    }
}

/// Runs run_autograder on `submission` (files by relative path) and returns results.json.
fn grade(files: &[(&str, &str)]) -> Value {
    let root = tempfile::tempdir().expect("a temporary folder");
    write_source(&root.path().join("source"));
    let submission = root.path().join("submission");
    std::fs::create_dir_all(&submission).expect("submission");
    for (path, text) in files {
        let path = submission.join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
        std::fs::write(path, text).expect("write");
    }
    let output = std::process::Command::new("bash")
        .arg(repo_root().join("autograder/run_autograder"))
        .env("AUTOGRADER_ROOT", root.path())
        .env("GRADER_BIN", assert_cmd::cargo::cargo_bin("grader"))
        .env("THREADLINGS_BUILD_DIR", shared_build_dir())
        // As the test's own user: the unprivileged grading is the simulation's to test
        // (autograder_sim.rs).
        .env("THREADLINGS_USER", "")
        .output()
        .expect("run_autograder runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let results = std::fs::read_to_string(root.path().join("results/results.json"))
        .expect("results.json is written");
    let results: Value = serde_json::from_str(&results).expect("results.json is JSON");
    check_schema(&results);
    results
}

fn score_of(results: &Value, id: &str) -> u64 {
    results["tests"]
        .as_array()
        .expect("tests")
        .iter()
        .find(|t| t["name"] == id)
        .and_then(|t| t["score"].as_u64())
        .unwrap_or_else(|| panic!("no test named {id}: {results}"))
}

fn solution(stem: &str) -> String {
    std::fs::read_to_string(repo_root().join(format!("solutions/{stem}.rs"))).expect("a solution")
}

#[test]
fn a_solved_submission_scores_full_points() {
    let stems: Vec<String> = std::fs::read_dir(repo_root().join("solutions/03_locks"))
        .expect("locks solutions")
        .flatten()
        .map(|e| {
            format!(
                "03_locks/{}",
                e.path().file_stem().unwrap().to_string_lossy()
            )
        })
        .collect();
    let texts: Vec<(String, String)> = stems
        .iter()
        .map(|stem| (format!("exercises/{stem}.rs"), solution(stem)))
        .collect();
    let files: Vec<(&str, &str)> = texts
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let results = grade(&files);
    let max: u64 = results["tests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["max_score"].as_u64().unwrap())
        .sum();
    assert_eq!(results["score"].as_u64(), Some(max), "{results}");
}

#[test]
fn a_partly_solved_submission_scores_what_passes_and_hides_check_details() {
    // Submitted by file name alone, flat, as Gradescope uploads often are.
    let counter = solution("03_locks/01_counter");
    let results = grade(&[("01_counter.rs", &counter)]);
    assert_eq!(score_of(&results, "locks/counter"), 10);
    let tests = results["tests"].as_array().unwrap();
    let summary = tests.iter().find(|t| t["name"] == "locks/counter").unwrap();
    assert_eq!(summary["visibility"], "visible");
    assert!(
        tests
            .iter()
            .filter(|t| t["name"].as_str().unwrap().contains(" › "))
            .all(|t| t["visibility"] == "after_due_date"),
        "{results}"
    );
    assert!(results["score"].as_u64().unwrap() < 40);
}

#[test]
fn a_hostile_submission_gets_results_and_cannot_replace_the_course() {
    let results = grade(&[
        (
            "exercises/03_locks/01_counter.rs",
            "pub struct Counter;\nimpl Counter {\n    pub fn new() -> Self { std::process::exit(0) }\n    pub fn increment(&self) {}\n    pub fn add(&self, _n: u64) {}\n    pub fn get(&self) -> u64 { 0 }\n}\n",
        ),
        // A course.yaml and a hidden test in the submission are ignored.
        (
            "course.yaml",
            "format_version: 1\ntitle: Free points\nsections: []\n",
        ),
        (
            "grader/hidden/03_locks/01_counter/tests.rs",
            "fn main() {}\n",
        ),
    ]);
    assert_eq!(results["score"].as_u64(), Some(0), "{results}");
    assert_eq!(score_of(&results, "locks/counter"), 0);
}
