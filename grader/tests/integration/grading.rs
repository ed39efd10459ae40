//! `grader check`, `list`, `next` and `hint` on copies of the real course: stubs fail with
//! reasons, solutions pass, and every way a learner's file can go wrong gets a clear verdict.

use serde_json::Value;

use crate::assert_grader_snapshot;
use crate::support::{
    ScratchCourse, new_to_the_build, redact, repo_root, shared_build_dir, text,
    type_check_libraries,
};

const COUNTER: &str = "exercises/03_locks/01_counter.rs";

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

/// Grades the counter alone as JSON and returns its exercise entry.
fn counter_verdict(course: &ScratchCourse) -> Value {
    let (status, stdout) = run(course, &["check", "locks/counter", "--format", "json"]);
    assert_eq!(status, 1, "{stdout}");
    let report: Value = serde_json::from_str(&stdout).expect("one JSON document");
    report["exercises"][0].clone()
}

fn messages(verdict: &Value) -> String {
    verdict["tests"]
        .as_array()
        .expect("tests")
        .iter()
        .filter_map(|t| t["message"].as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_fresh_clone_fails_every_locks_exercise_with_reasons() {
    let course = ScratchCourse::new();
    let (status, stdout) = run(&course, &["check", "locks"]);
    assert_eq!(status, 1, "{stdout}");
    assert_grader_snapshot!("check_locks_stubs", stdout);
}

#[test]
fn the_solutions_pass_every_locks_exercise() {
    let course = ScratchCourse::new();
    course.solve("03_locks/");
    let (status, stdout) = run(&course, &["check", "locks"]);
    assert_eq!(status, 0, "{stdout}");
    assert_grader_snapshot!("check_locks_solved", stdout);
}

#[test]
fn json_output_has_the_documented_shape() {
    let course = ScratchCourse::new();
    course.solve("03_locks/01_counter");
    let (status, stdout) = run(&course, &["check", "locks", "--format", "json"]);
    assert_eq!(status, 1);
    let report: Value = serde_json::from_str(&stdout).expect("one JSON document on stdout");
    let exercises = report["exercises"].as_array().expect("an exercises array");
    assert!(exercises.len() >= 4, "{stdout}");
    assert_eq!(exercises[0]["id"], "locks/counter");
    assert_eq!(exercises[0]["status"], "passed");
    assert_eq!(exercises[0]["points"], exercises[0]["max_points"]);
    for exercise in exercises {
        let status = exercise["status"].as_str().expect("a status");
        assert!(
            ["passed", "failed", "compile_error", "timed_out", "crashed"].contains(&status),
            "{status}"
        );
        assert!(exercise["points"].is_u64() && exercise["max_points"].is_u64());
        for test in exercise["tests"].as_array().expect("a tests array") {
            assert!(test["name"].is_string());
            assert!(test["status"].is_string());
            if test["status"] != "passed" {
                assert!(test["message"].is_string(), "{test}");
            }
        }
    }
    assert_eq!(exercises[1]["status"], "failed");
}

#[test]
fn list_next_and_hint_follow_progress() {
    let course = ScratchCourse::new();
    let (_, before) = run(&course, &["list"]);
    assert!(before.contains("not checked yet"), "{before}");
    course.solve("03_locks/01_counter");
    let (status, _) = run(&course, &["check", "locks/counter"]);
    assert_eq!(status, 0);
    let (_, list) = run(&course, &["list"]);
    let counter_line = list
        .lines()
        .find(|l| l.contains("locks/counter"))
        .expect("the counter is listed");
    assert!(counter_line.starts_with('✓'), "{list}");
    let (_, next) = run(&course, &["next"]);
    assert!(!next.contains("locks/counter"), "{next}");

    // Editing a passed exercise makes it due again.
    let solved = course.read(COUNTER);
    course.write(COUNTER, &format!("{solved}\n// edited\n"));
    let (_, list) = run(&course, &["list"]);
    assert!(list.contains("changed since it passed"), "{list}");

    let (status, hint) = run(&course, &["hint", "locks/counter"]);
    assert_eq!(status, 0);
    assert_grader_snapshot!("hint_counter", hint);
}

#[test]
fn a_compile_error_names_the_learners_line_and_others_are_still_graded() {
    let course = ScratchCourse::new();
    course.write(COUNTER, "pub struct Counter;\nimpl Counter {\n    pub fn new() -> Self { Counter }\n    pub fn get(&self) -> u64 { \"zero\" }\n}\n");
    let (status, stdout) = run(&course, &["check", "locks", "--format", "json"]);
    assert_eq!(status, 1);
    let report: Value = serde_json::from_str(&stdout).expect("JSON");
    let counter = &report["exercises"][0];
    assert_eq!(counter["status"], "compile_error");
    let compiler = counter["compiler_output"]
        .as_str()
        .expect("compiler output");
    assert!(
        compiler.contains("exercises/03_locks/01_counter.rs:4"),
        "{compiler}"
    );
    assert!(compiler.contains("E0308"), "{compiler}");
    // The next exercise was graded on its own merits.
    assert_eq!(report["exercises"][1]["status"], "failed");
}

/// A learner's file is type-checked alone while cargo starts; a compile error found that way
/// must read exactly as the build's own.
#[test]
fn a_compile_error_found_by_the_type_check_reads_as_the_builds() {
    let _libraries = type_check_libraries();
    let course = ScratchCourse::new();
    let broken = "pub struct Counter;\nimpl Counter {\n    pub fn new() -> Self { Counter }\n    \
                  pub fn get(&self) -> u64 { \"zero\" }\n}\n";
    let compiler_output = |contents: &str| {
        course.write(COUNTER, contents);
        let (_, stdout) = run(&course, &["check", "locks/counter", "--format", "json"]);
        let report: Value = serde_json::from_str(&stdout).expect("JSON");
        let verdict = &report["exercises"][0];
        assert_eq!(verdict["status"], "compile_error", "{verdict}");
        verdict["compiler_output"]
            .as_str()
            .expect("compiler output")
            .to_owned()
    };
    // Verdicts are cached by the file's contents: these must be new to the shared build folder.
    let broken = new_to_the_build(broken);
    // Without the libraries of a previous build, cargo's verdict is waited for.
    let libraries = shared_build_dir().join("type-check.json");
    let _ = std::fs::remove_file(&libraries);
    let from_the_build = compiler_output(&broken);
    assert!(
        libraries.exists(),
        "the build left no libraries for the type check"
    );
    // A different file (the verdict of the same one is cached), with the same error.
    let from_the_type_check = compiler_output(&format!("{broken}// edited\n"));
    assert_eq!(from_the_type_check, from_the_build);
    assert!(
        from_the_build.contains("exercises/03_locks/01_counter.rs:4"),
        "{from_the_build}"
    );
}

#[test]
fn a_file_that_compiles_but_lacks_the_api_is_explained() {
    let course = ScratchCourse::new();
    course.write(COUNTER, "pub struct Counter;\n");
    let verdict = {
        let (_, stdout) = run(&course, &["check", "locks/counter", "--format", "json"]);
        serde_json::from_str::<Value>(&stdout).expect("JSON")["exercises"][0].clone()
    };
    assert_eq!(verdict["status"], "compile_error");
    let compiler = verdict["compiler_output"]
        .as_str()
        .expect("compiler output");
    assert!(
        compiler.contains("hidden tests cannot use it"),
        "{compiler}"
    );
    assert!(
        !compiler.contains("hidden/"),
        "hidden paths leaked: {compiler}"
    );
}

#[test]
fn a_panic_is_a_failure_with_its_message_and_line() {
    let course = ScratchCourse::new();
    course.write(
        COUNTER,
        r#"
pub struct Counter;
impl Counter {
    pub fn new() -> Self { Counter }
    pub fn increment(&self) {}
    pub fn add(&self, _n: u64) {}
    pub fn get(&self) -> u64 { panic!("the counter is broken") }
}
"#,
    );
    let verdict = counter_verdict(&course);
    assert_eq!(verdict["status"], "failed", "{verdict}");
    let messages = messages(&verdict);
    assert!(messages.contains("the counter is broken"), "{messages}");
    assert!(
        messages.contains("exercises/03_locks/01_counter.rs:7"),
        "{messages}"
    );
}

/// A crash ends one exercise's grading, not the check: the next exercise is still graded. (The
/// crash's own verdict is one of the hostile cases, `grader/tests/hostile/`.)
#[test]
fn an_abort_is_a_crash_and_grading_goes_on() {
    let course = ScratchCourse::new();
    let case = repo_root().join("grader/tests/hostile/locks/counter/aborts.rs");
    course.write(
        COUNTER,
        &std::fs::read_to_string(case).expect("the hostile case"),
    );
    let (status, stdout) = run(&course, &["check", "locks", "--format", "json"]);
    assert_eq!(status, 1);
    let report: Value = serde_json::from_str(&stdout).expect("JSON");
    assert_eq!(report["exercises"][0]["status"], "crashed");
    assert!(messages(&report["exercises"][0]).contains("SIGABRT"));
    assert_eq!(report["exercises"][1]["status"], "failed");
}

#[test]
fn an_unchanged_exercise_is_answered_from_the_cache_and_a_change_grades_it_again() {
    let course = ScratchCourse::new();
    // Content no other test grades, so that the first verdict cannot already be cached.
    let solution = course.read("solutions/03_locks/01_counter.rs");
    let unique = format!(
        "{solution}\n// cache test {:?}\n",
        std::time::SystemTime::now()
    );
    course.write(COUNTER, &unique);
    let cached = |course: &ScratchCourse| {
        let (status, stdout) = run(course, &["check", "locks/counter", "--format", "json"]);
        assert_eq!(status, 0, "{stdout}");
        let report: Value = serde_json::from_str(&stdout).expect("JSON");
        report["exercises"][0]["cached"] == true
    };
    assert!(
        !cached(&course),
        "the first check of new content was cached"
    );
    assert!(cached(&course), "an unchanged file was graded again");

    course.write(COUNTER, &format!("{unique}// edited\n"));
    assert!(
        !cached(&course),
        "an edited file was answered from the cache"
    );
    assert!(cached(&course));

    course.edit_course(
        "path: exercises/03_locks/01_counter.rs",
        "path: exercises/03_locks/01_counter.rs\n        points: 11",
    );
    assert!(
        !cached(&course),
        "a changed course.yaml entry was answered from the cache"
    );
}
