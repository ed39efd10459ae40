//! The time budget of a check: a submission whose every test hangs still gets every exercise
//! reported, with the tests there was no time for said to be not run, and a results file
//! written while grading goes on is whole whenever the grader is stopped.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::{ScratchCourse, processes, text};

/// The locks section with every exercise hanging, and a budget of `seconds`.
fn hanging_locks(seconds: u64) -> ScratchCourse {
    let course = ScratchCourse::new();
    course.hang("03_locks/");
    course.edit_course("\nbudget: 480\n", &format!("\nbudget: {seconds}\n"));
    course
}

/// Every check of a JSON report, with its exercise's id.
fn checks(report: &Value) -> Vec<(&str, &Value)> {
    report["exercises"]
        .as_array()
        .expect("exercises")
        .iter()
        .flat_map(|exercise| {
            let id = exercise["id"].as_str().expect("an id");
            exercise["tests"]
                .as_array()
                .expect("tests")
                .iter()
                .map(move |check| (id, check))
        })
        .collect()
}

#[test]
fn a_check_where_everything_hangs_reports_every_exercise_within_its_budget() {
    let course = hanging_locks(30);
    let output = course
        .grader()
        .args(["check", "locks", "--format", "json"])
        .output()
        .expect("the grader runs");
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    let report: Value = serde_json::from_str(&stdout).expect("JSON");
    let exercises = report["exercises"].as_array().expect("exercises");
    let ids: Vec<&str> = exercises
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "locks/counter",
            "locks/transfer",
            "locks/cache",
            "locks/spinlock"
        ]
    );
    assert_eq!(report["points"], 0, "{report}");
    for exercise in exercises {
        assert_ne!(exercise["status"], "passed", "{exercise}");
    }
    // Four exercises share 25 s, and each has more tests that hang than its share holds, so
    // somewhere the budget ran out; every such test or exercise says so.
    let budget_spent = "the time budget was spent";
    let said = checks(&report).iter().any(|(_, check)| {
        check["status"] == "not_run"
            && check["message"]
                .as_str()
                .is_some_and(|m| m.contains(budget_spent))
    }) || exercises.iter().any(|exercise| {
        exercise["status"] == "not_run" && exercise["notes"].to_string().contains(budget_spent)
    });
    assert!(
        said,
        "no test or exercise says the budget was spent: {report}"
    );
    // A test is never started with less than a second, nor given more than its timeout.
    for (id, check) in checks(&report) {
        let ms = check["duration_ms"].as_u64().expect("a duration");
        match check["status"].as_str().expect("a status") {
            "not_run" => assert_eq!(ms, 0, "{id}: {check}"),
            "timed_out" => {
                assert!(ms >= 1_000, "{id}: {check}");
                assert!(ms < 20_000 + 5_000, "{id}: {check}");
            }
            _ => {}
        }
    }
}

#[test]
fn results_written_during_grading_are_whole_when_the_grader_is_stopped() {
    let course = hanging_locks(120);
    let results = course.root().join("results.json");
    let mut grader = course.std_grader();
    grader
        .args(["check", "locks", "--format", "gradescope", "--output"])
        .arg(&results)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let mut child = grader.spawn().expect("the grader starts");
    // Wait until the first exercise's verdict is in the file, then stop the grader.
    let summaries = |results: &Value| -> Vec<(String, String)> {
        results["tests"]
            .as_array()
            .expect("tests")
            .iter()
            .filter(|t| t["max_score"] != 0)
            .map(|t| {
                (
                    t["name"].as_str().expect("a name").to_owned(),
                    t["output"].as_str().expect("an output").to_owned(),
                )
            })
            .collect()
    };
    let not_graded = "Not graded: grading stopped before this exercise's turn.";
    let started = Instant::now();
    loop {
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "no exercise was graded in 300 s"
        );
        assert!(
            child.try_wait().expect("wait").is_none(),
            "the grader ended before it was stopped"
        );
        // The file is replaced by a rename, so whatever is read is a whole file.
        if let Ok(text) = std::fs::read_to_string(&results) {
            let parsed: Value = serde_json::from_str(&text).expect("a whole JSON file");
            if summaries(&parsed).iter().any(|(_, out)| out != not_graded) {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    processes::interrupt(&child);
    child.wait().expect("the grader ends");
    let parsed: Value =
        serde_json::from_str(&std::fs::read_to_string(&results).expect("results.json"))
            .expect("a whole JSON file");
    crate::support::check_schema(&parsed);
    let summaries = summaries(&parsed);
    let names: Vec<&str> = summaries.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "locks/counter",
            "locks/transfer",
            "locks/cache",
            "locks/spinlock"
        ]
    );
    assert_ne!(summaries[0].1, not_graded, "{parsed}");
    assert_eq!(summaries[3].1, not_graded, "{parsed}");
    assert_eq!(parsed["score"], 0, "{parsed}");
}
