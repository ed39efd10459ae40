//! `grader class`: many learners' progress reports, added up into `progress.csv` and a
//! self-contained `index.html` for the class.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::course::Course;
use crate::error::{EXIT_PASSED, GraderError, Result};
use crate::files::write_atomically;
use crate::formats::class_page;
use crate::formats::progress_report::{ProgressReport, REPORT_FORMAT};
use crate::progress::sha256_hex;

/// Reads every report, checks that they belong together, and writes the class's files.
pub fn run(course: &Course, reports: &[PathBuf], out: &Path) -> Result<i32> {
    let course_sha = sha256_hex(
        &std::fs::read(course.root.join("course.yaml"))
            .map_err(|e| GraderError::io("read course.yaml", e))?,
    );
    let mut learners = Vec::new();
    let mut names = HashSet::new();
    for path in reports {
        let report = read_report(path, &course_sha, course)?;
        if !names.insert(report.learner.clone()) {
            return Err(GraderError::Usage(format!(
                "{}: learner `{}` has more than one report; keep one per learner",
                path.display(),
                report.learner
            )));
        }
        learners.push(report);
    }
    if learners.is_empty() {
        return Err(GraderError::Usage("name at least one report".to_owned()));
    }
    learners.sort_by(|a, b| a.learner.cmp(&b.learner));
    std::fs::create_dir_all(out)
        .map_err(|e| GraderError::io(format!("create {}", out.display()), e))?;
    let csv = class_page::csv(course, &learners);
    let csv_path = out.join("progress.csv");
    write_atomically(&csv_path, csv.as_bytes())
        .map_err(|e| GraderError::io(format!("write {}", csv_path.display()), e))?;
    let html = class_page::html(course, &learners);
    let html_path = out.join("index.html");
    write_atomically(&html_path, html.as_bytes())
        .map_err(|e| GraderError::io(format!("write {}", html_path.display()), e))?;
    println!(
        "Wrote {} and {} for {} learners.",
        csv_path.display(),
        html_path.display(),
        learners.len()
    );
    Ok(EXIT_PASSED)
}

fn read_report(path: &Path, course_sha: &str, course: &Course) -> Result<ProgressReport> {
    let bytes =
        std::fs::read(path).map_err(|e| GraderError::io(format!("read {}", path.display()), e))?;
    let report: ProgressReport = serde_json::from_slice(&bytes).map_err(|e| {
        GraderError::Usage(format!(
            "{}: not a threadlings progress report ({e}); make one with `grader report`",
            path.display()
        ))
    })?;
    if report.format_version != REPORT_FORMAT {
        return Err(GraderError::Usage(format!(
            "{}: report format {} is not the {REPORT_FORMAT} this grader reads",
            path.display(),
            report.format_version
        )));
    }
    if report.course.sha256 != course_sha {
        return Err(GraderError::Usage(format!(
            "{}: made from a different version of course.yaml (learner `{}`); regenerate it \
             with the course.yaml the class uses",
            path.display(),
            report.learner
        )));
    }
    let ids: Vec<&str> = report.exercises.iter().map(|e| e.id.as_str()).collect();
    let expected: Vec<&str> = course.exercises().map(|e| e.id.as_str()).collect();
    if ids != expected {
        return Err(GraderError::Usage(format!(
            "{}: its exercises do not match course.yaml's",
            path.display()
        )));
    }
    Ok(report)
}
