//! JUnit XML for CI dashboards: one test suite per exercise, its points as properties.

use quick_junit::{NonSuccessKind, Property, Report, TestCase, TestCaseStatus, TestSuite};

use crate::verdict::{ExerciseResult, Status};

/// Renders a check's results as JUnit XML.
pub fn render(title: &str, results: &[ExerciseResult]) -> String {
    let mut report = Report::new(title);
    for result in results {
        let mut suite = TestSuite::new(result.id.as_str());
        suite.add_property(Property::new("points", result.points.to_string()));
        suite.add_property(Property::new("max_points", result.max_points.to_string()));
        suite.add_property(Property::new("status", result.status.label()));
        suite.add_property(Property::new("path", result.path.as_str()));
        if let Some(kind) = result.failure_kind {
            suite.add_property(Property::new("failure_kind", kind.label()));
        }
        if result.tests.is_empty() && result.status == Status::NotRun {
            let mut status = TestCaseStatus::skipped();
            status.set_message(result.notes.join("\n"));
            suite.add_test_case(TestCase::new("not run", status));
        }
        if let Some(compiler) = &result.compiler_output {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
            status.set_type("compile_error");
            status.set_message(format!("{} does not compile", result.path));
            status.set_description(compiler.as_str());
            suite.add_test_case(TestCase::new("compiles", status));
        }
        for check in &result.tests {
            let status = match check.status {
                Status::Passed => TestCaseStatus::success(),
                Status::NotRun => {
                    let mut status = TestCaseStatus::skipped();
                    status.set_message(check.message.clone().unwrap_or_default());
                    status
                }
                other => {
                    let kind = if other == Status::Failed {
                        NonSuccessKind::Failure
                    } else {
                        NonSuccessKind::Error
                    };
                    let mut status = TestCaseStatus::non_success(kind);
                    status.set_type(match other {
                        Status::TimedOut => "timed_out",
                        Status::Crashed => "crashed",
                        _ => "failed",
                    });
                    let message = check.message.clone().unwrap_or_default();
                    status.set_message(message.lines().next().unwrap_or_default());
                    status.set_description(message);
                    status
                }
            };
            let mut case = TestCase::new(check.name.as_str(), status);
            case.set_classname(result.id.as_str());
            case.set_time(std::time::Duration::from_millis(check.duration_ms));
            if !check.output.is_empty() {
                case.set_system_out(check.output.as_str());
            }
            suite.add_test_case(case);
        }
        report.add_test_suite(suite);
    }
    report.to_string().unwrap_or_else(|error| {
        format!("<!-- the JUnit report could not be written: {error} -->\n")
    })
}
