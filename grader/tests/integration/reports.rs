//! Progress reports and the class page: `grader report` for one learner, `grader class` for
//! thirty, and the clear refusals of reports that do not belong together.

use serde_json::Value;

use crate::support::{ScratchCourse, text};

/// A report for `learner` in which the first `solved` exercises passed.
fn report_for(base: &Value, learner: &str, solved: usize) -> Value {
    let mut report = base.clone();
    report["learner"] = Value::from(learner);
    for (index, exercise) in report["exercises"]
        .as_array_mut()
        .expect("exercises")
        .iter_mut()
        .enumerate()
    {
        if index < solved {
            exercise["status"] = Value::from("passed");
            exercise["points"] = exercise["max_points"].clone();
            exercise["first_passed_at"] = Value::from("2026-11-20T10:00:00Z");
        }
    }
    report
}

/// Grades a solved counter, turns the learner's report into thirty learners' reports (learner
/// `n` passed the first `n % (exercises + 1)` exercises), runs `grader class` on them into
/// `site/` and returns the reports.
fn a_class_of_thirty(course: &ScratchCourse) -> Vec<Value> {
    course.solve("03_locks/01_counter");
    course
        .grader()
        .args(["check", "locks/counter"])
        .assert()
        .success();
    let output = course
        .grader()
        .args(["report", "--learner", "ada"])
        .output()
        .expect("the grader runs");
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    let base: Value = serde_json::from_str(&stdout).expect("a JSON report");
    let counter = base["exercises"]
        .as_array()
        .expect("exercises")
        .iter()
        .find(|e| e["id"] == "locks/counter")
        .expect("the counter is in the report");
    assert_eq!(counter["status"], "passed");
    assert_eq!(counter["points"], counter["max_points"]);
    assert!(counter["sha256"].as_str().is_some_and(|h| h.len() == 64));

    let reports = course.root().join("reports");
    std::fs::create_dir_all(&reports).expect("a folder");
    let exercises = base["exercises"].as_array().expect("exercises").len();
    let mut written = Vec::new();
    for learner in 0..30 {
        let report = report_for(
            &base,
            &format!("learner-{learner:02}"),
            learner % (exercises + 1),
        );
        std::fs::write(
            reports.join(format!("{learner:02}.json")),
            serde_json::to_string_pretty(&report).expect("JSON"),
        )
        .expect("write a report");
        written.push(report);
    }
    let mut args = vec!["class".to_owned()];
    for learner in 0..30 {
        args.push(format!("reports/{learner:02}.json"));
    }
    args.extend(["--out".to_owned(), "site".to_owned()]);
    course.grader().args(&args).assert().success();
    written
}

#[test]
fn a_class_of_thirty_becomes_a_csv_and_a_self_contained_page() {
    let course = ScratchCourse::new();
    let reports = a_class_of_thirty(&course);
    let csv = course.read("site-private/progress.csv");
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(
        rows.len(),
        32,
        "a header, the maximum points and 30 learners:\n{csv}"
    );
    assert!(rows[0].starts_with("learner,pseudonym,"), "{csv}");
    assert!(rows[1].starts_with("max points,,"), "{csv}");
    // learner-05's total column holds the points of learner-05's report.
    let report = reports
        .iter()
        .find(|r| r["learner"] == "learner-05")
        .expect("learner-05's report");
    let expected: u64 = report["exercises"]
        .as_array()
        .expect("exercises")
        .iter()
        .map(|e| e["points"].as_u64().unwrap_or(0))
        .sum();
    assert!(expected > 0, "learner-05 passed some exercises: {report}");
    let row = rows
        .iter()
        .find(|r| r.starts_with("learner-05,"))
        .expect("learner-05");
    let total: u64 = row.rsplit(',').next().unwrap().parse().expect("a total");
    assert_eq!(total, expected, "{row}");

    // The published page: learner-05's row, under the pseudonym the CSV gives, has that total.
    let pseudonym = row.split(',').nth(1).expect("a pseudonym");
    let page = course.read("site/index.html");
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert_eq!(page.matches("<tr><th scope=\"row\">").count(), 30);
    assert!(
        page.contains(&format!(
            "<tr><th scope=\"row\">{pseudonym}<td>{expected}<td>"
        )),
        "{page}"
    );
    assert!(
        !page.contains("learner-05"),
        "the published page names nobody"
    );
    assert!(
        page.contains("name=\"viewport\""),
        "the page must be readable on a phone"
    );
    for external in ["http://", "https://", "<script src", "<link"] {
        assert!(
            !page.contains(external),
            "the page must be self-contained: found {external}"
        );
    }
}

#[test]
fn reports_that_do_not_belong_together_are_refused() {
    let course = ScratchCourse::new();
    let output = course
        .grader()
        .args(["report", "--learner", "ada"])
        .output()
        .expect("the grader runs");
    let report: Value = serde_json::from_str(&text(&output).0).expect("a JSON report");
    let write = |name: &str, value: &Value| {
        course.write(name, &serde_json::to_string(value).expect("JSON"));
    };
    write("a.json", &report);
    let mut other_course = report.clone();
    other_course["course"]["sha256"] = Value::from("0".repeat(64));
    write("other.json", &other_course);
    course.write("broken.json", "{ not json");

    for (args, phrase) in [
        (
            vec!["class", "a.json", "a.json", "--out", "site"],
            "more than one report",
        ),
        (
            vec!["class", "other.json", "--out", "site"],
            "different version of course.yaml",
        ),
        (
            vec!["class", "broken.json", "--out", "site"],
            "not a threadlings progress report",
        ),
    ] {
        let output = course
            .grader()
            .args(&args)
            .output()
            .expect("the grader runs");
        let (_, stderr) = text(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(phrase), "{args:?}: {stderr}");
    }
}

#[test]
fn junit_output_has_a_suite_per_exercise_with_points() {
    let course = ScratchCourse::new();
    course.solve("03_locks/01_counter");
    let output = course
        .grader()
        .args([
            "check",
            "locks",
            "--format",
            "junit",
            "--output",
            "junit.xml",
        ])
        .output()
        .expect("the grader runs");
    assert_eq!(output.status.code(), Some(1));
    let xml = course.read("junit.xml");
    assert!(xml.starts_with("<?xml"), "{xml}");
    assert_eq!(xml.matches("<testsuite ").count(), 4, "{xml}");
    assert!(
        xml.contains("<property name=\"points\" value=\"10\"/>"),
        "{xml}"
    );
    assert!(xml.contains("<failure"), "{xml}");
}

#[test]
fn an_unreleased_section_is_not_graded_and_says_when_it_opens() {
    let course = ScratchCourse::new();
    course.edit_course(
        "    lesson: crates/locks",
        "    lesson: crates/locks\n    release: 2030-01-01",
    );
    let output = course
        .grader()
        .args(["check", "locks"])
        .output()
        .expect("the grader runs");
    let (stdout, _) = text(&output);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("opens on 2030-01-01T00:00:00Z"), "{stdout}");
    // On the day, it opens.
    let output = course
        .grader()
        .env("THREADLINGS_NOW", "2030-01-02")
        .args(["check", "locks/counter"])
        .output()
        .expect("the grader runs");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn the_submission_time_decides_releases_due_dates_and_first_passes() {
    // The locks section opens and is due in 2099: only a submission made then can be graded.
    let course = ScratchCourse::new();
    course.edit_course(
        "    lesson: crates/locks\n",
        "    lesson: crates/locks\n    release: 2099-01-18\n    due: 2099-01-19T23:59:00Z\n",
    );
    course.solve("03_locks/01_counter");
    let metadata = course.root().join("submission_metadata.json");
    std::fs::write(
        &metadata,
        r#"{"id": 7, "created_at": "2099-01-20T10:00:00.123456-08:00", "assignment": {}}"#,
    )
    .expect("write the metadata");
    let output = course
        .grader()
        .args([
            "check",
            "locks",
            "--format",
            "gradescope",
            "--submission-metadata",
        ])
        .arg(&metadata)
        .output()
        .expect("the grader runs");
    let (stdout, stderr) = text(&output);
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    let results: Value = serde_json::from_str(&stdout).expect("JSON");
    // Graded, since the section was open when the submission was made, and late.
    assert_eq!(results["score"], 10, "{results}");
    let extra = &results["extra_data"];
    assert_eq!(extra["submitted_at"], "2099-01-20T10:00:00.123456-08:00");
    assert_eq!(extra["late_sections"], serde_json::json!(["locks"]));
    assert!(
        results["output"]
            .as_str()
            .is_some_and(|o| o.contains("after the due date of `locks`")),
        "{results}"
    );
    // The first pass dates from the submission (18:00 UTC), not from the grading.
    let output = course
        .grader()
        .args(["report", "--learner", "ada"])
        .output()
        .expect("the grader runs");
    let report: Value = serde_json::from_str(&text(&output).0).expect("a JSON report");
    let exercises = report["exercises"].as_array().expect("exercises");
    let counter = exercises
        .iter()
        .find(|e| e["id"] == "locks/counter")
        .expect("the counter");
    assert_eq!(counter["first_passed_at"], "2099-01-20T18:00:00Z");
    assert_eq!(counter["on_time"], false);
    // The stubs' failures say what kind they are; a pass says none.
    assert!(counter.get("failure_kind").is_none(), "{counter}");
    let transfer = exercises
        .iter()
        .find(|e| e["id"] == "locks/transfer")
        .expect("the transfer");
    assert_eq!(transfer["failure_kind"], "unfinished", "{transfer}");
    // Without the metadata, now is long before the release: nothing is graded.
    let output = course
        .grader()
        .args(["check", "locks", "--format", "json"])
        .output()
        .expect("the grader runs");
    let report: Value = serde_json::from_str(&text(&output).0).expect("JSON");
    assert_eq!(report["exercises"], serde_json::json!([]), "{report}");
}

#[test]
fn a_report_made_before_failure_kinds_still_loads() {
    let course = ScratchCourse::new();
    let output = course
        .grader()
        .args(["report", "--learner", "old"])
        .output()
        .expect("the grader runs");
    let mut report: Value = serde_json::from_str(&text(&output).0).expect("a JSON report");
    for exercise in report["exercises"].as_array_mut().expect("exercises") {
        exercise
            .as_object_mut()
            .expect("an exercise")
            .remove("failure_kind");
    }
    let file = course.root().join("old.json");
    std::fs::write(&file, report.to_string()).expect("write the report");
    course
        .grader()
        .arg("class")
        .arg(&file)
        .arg("--out")
        .arg(course.root().join("site"))
        .assert()
        .success();
}
