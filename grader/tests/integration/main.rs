//! Integration tests of the grader: the real binary, run on copies of the real course.
//!
//! One test binary with a module per topic, so the grader and its dependencies link once.

mod architecture;
mod autograder;
mod bad_input;
mod class_reports;
mod class_site;
mod course_errors;
mod deadlocks;
mod editor_support;
mod grading;
mod instructors;
mod machine_output;
mod model_checking;
mod reports;
mod reset_and_solution;
mod support;
mod terminal;
mod verify;
mod watch;
