//! Generated classes for the tests of `grader class`: the course's own `grader report`, copied
//! into as many learners as a test needs, each exercise given a state by a seeded generator, and
//! what the page must show for each cell, worked out here from the reports alone.

use std::path::Path;

use serde_json::Value;

use crate::support::{ScratchCourse, text};

/// The failure kinds the reports use, as the grader writes them: the six the class page lists
/// first, and one it lists after them.
pub const KINDS: [&str; 7] = [
    "deadlock",
    "lost_update",
    "lost_wake_up",
    "spinning",
    "crash",
    "timeout",
    "data_race",
];

/// A failure kind in the words the class page uses for it.
#[allow(dead_code, reason = "used by the proofs binary only")]
pub fn label(kind: &str) -> String {
    match kind {
        "lost_wake_up" => "lost wake-up".to_owned(),
        other => other.replace('_', " "),
    }
}

/// A name with every character HTML must escape, for learner 0: it must never reach the page.
pub const AWKWARD_NAME: &str = "Zoë \"<b>&amp;</b>\" O'Brien";

/// Learner `index`'s name.
pub fn name_of(index: usize) -> String {
    if index == 0 {
        AWKWARD_NAME.to_owned()
    } else {
        format!("Learner Surname {index:03}")
    }
}

/// `grader report` of the untouched course, as the base every generated report is copied from.
pub fn base_report(course: &ScratchCourse) -> Value {
    let output = course
        .grader()
        .args(["report", "--learner", "base"])
        .output()
        .expect("the grader runs");
    let (stdout, stderr) = text(&output);
    assert!(output.status.success(), "{stderr}");
    serde_json::from_str(&stdout).expect("a JSON report")
}

/// A small, seeded generator (xorshift), so that every run makes the same class.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, sides: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % sides
    }
}

/// `count` learners' reports: each exercise passed (on time or late), passed and edited since,
/// failed (with a failure kind, or without as older reports are), a compile error, timed out
/// or not checked, passes spread over November 2026, and a made-up digest for every graded
/// file.
pub fn generate(base: &Value, count: usize) -> Vec<Value> {
    (0..count)
        .map(|index| {
            let mut dice = Dice(0x9e37_79b9_7f4a_7c15 ^ ((index as u64 + 1) * 0x2545_f491));
            let mut report = base.clone();
            report["learner"] = Value::from(name_of(index));
            let exercises = report["exercises"].as_array_mut().expect("exercises");
            for (number, exercise) in exercises.iter_mut().enumerate() {
                let roll = dice.roll(100);
                let max = exercise["max_points"].clone();
                let day = 1 + dice.roll(30);
                let passed_at = Value::from(format!("2026-11-{day:02}T10:{:02}:00Z", number % 60));
                let status = match roll {
                    0..45 => "passed",
                    45..52 => "changed",
                    52..72 => "failed",
                    72..77 => "compile_error",
                    77..82 => "timed_out",
                    _ => "not_checked",
                };
                exercise["status"] = Value::from(status);
                if matches!(status, "passed" | "changed") {
                    exercise["points"] = max;
                    exercise["first_passed_at"] = passed_at;
                    exercise["on_time"] = Value::from(day <= 24);
                }
                if status == "failed" && roll < 67 {
                    exercise["failure_kind"] = Value::from(KINDS[(roll % 7) as usize]);
                }
                if status == "timed_out" {
                    exercise["failure_kind"] = Value::from("timeout");
                }
                if status != "not_checked" {
                    exercise["sha256"] = Value::from(digest(index, number));
                }
            }
            report
        })
        .collect()
}

/// The made-up digest of learner `index`'s file of exercise `number`.
pub fn digest(index: usize, number: usize) -> String {
    format!(
        "{:064x}",
        (index as u128 + 1) * 1_000_003 + number as u128 * 7_919
    )
}

/// Writes the reports as `reports/NNN.json` and returns `grader class`'s arguments for them,
/// up to `--out`.
pub fn write(course: &ScratchCourse, reports: &[Value]) -> Vec<String> {
    let folder = course.root().join("reports");
    std::fs::create_dir_all(&folder).expect("a reports folder");
    let mut args = vec!["class".to_owned()];
    for (index, report) in reports.iter().enumerate() {
        let file = folder.join(format!("{index:03}.json"));
        std::fs::write(&file, serde_json::to_string(report).expect("JSON")).expect("a report");
        args.push(file.to_string_lossy().into_owned());
    }
    args
}

/// Runs `grader class` on the reports into `out` (with more arguments), and says its output.
pub fn build(course: &ScratchCourse, reports: &[String], out: &Path, more: &[&str]) -> String {
    let output = course
        .grader()
        .args(reports)
        .arg("--out")
        .arg(out)
        .args(more)
        .output()
        .expect("the grader runs");
    let (stdout, stderr) = text(&output);
    assert!(
        output.status.success(),
        "grader class failed:\n{stdout}\n{stderr}"
    );
    stdout
}

/// What a cell shows: its state in words, and its tooltip on the public page.
#[allow(dead_code, reason = "used by the proofs binary only")]
pub fn expected_cell(exercise: &Value) -> (&'static str, String) {
    let status = exercise["status"].as_str().expect("a status");
    let points = exercise["points"].as_u64().expect("points");
    let state = if status == "passed" || points > 0 {
        if exercise["on_time"] == Value::Bool(false) {
            "passed late"
        } else {
            "passed"
        }
    } else if status == "not_checked" {
        "not checked"
    } else {
        "failed"
    };
    let tip = match (exercise["failure_kind"].as_str(), status) {
        (Some(kind), _) => label(kind),
        (None, "compile_error") => "compile error".to_owned(),
        (None, "timed_out") => "timed out".to_owned(),
        (None, "changed") => "edited since it passed".to_owned(),
        _ => String::new(),
    };
    (state, tip)
}

/// Learner name → pseudonym, from the instructor's `progress.csv`.
pub fn pseudonyms(progress_csv: &str) -> std::collections::HashMap<String, String> {
    let mut reader = csv::Reader::from_reader(progress_csv.as_bytes());
    reader
        .records()
        .map(|r| r.expect("a CSV row"))
        .filter(|r| &r[0] != "max points")
        .map(|r| (r[0].to_owned(), r[1].to_owned()))
        .collect()
}
