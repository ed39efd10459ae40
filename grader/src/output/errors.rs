//! What stops the grader, as people read it: an error, the command line's mistakes, a tool
//! that failed, or an interruption by Ctrl-C.
//!
//! Messages that end in an error are lowercase fragments, as `error.rs` asks: `main` prints
//! them after "error: ".

use std::path::Path;

use clap::CommandFactory as _;

use crate::cli::Cli;

/// The text for an error that stopped the grader.
pub fn error(message: &str) -> String {
    format!("error: {message}\n")
}

/// Said on standard error when Ctrl-C stopped a check.
pub fn interrupted() -> String {
    "\ninterrupted: stopped the running tests; nothing was recorded for this check\n".to_owned()
}

/// Plain `grader` outside a terminal, where there is no watch loop to start: every command, in
/// `cli.rs`'s order. The names come from `cli.rs` itself, so that a new command is never left
/// out.
pub fn name_a_command() -> String {
    let cli = Cli::command();
    let names: Vec<&str> = cli
        .get_subcommands()
        .map(|command| command.get_name())
        .filter(|name| *name != "help")
        .collect();
    let (last, others) = names.split_last().expect("the grader has commands");
    format!(
        "name a command: {} or {last} (`grader --help` explains them)",
        others.join(", ")
    )
}

/// `check --as-user` named a user the grader cannot run learner code as, and why.
pub fn cannot_grade_as(user: &str, why: &std::io::Error) -> String {
    format!("cannot grade as user `{user}`: {why}")
}

/// A learner's file (by its path in the course) that cannot be read.
pub fn cannot_read(path: &str, error: &std::io::Error) -> String {
    format!("cannot read {path}: {error}")
}

/// What the grader was doing when a toolchain program would not start: the context of that
/// error, with the likely cause.
pub fn running_tool(program: &str) -> String {
    format!("run {program} (is it installed and on PATH?)")
}

/// A toolchain program that ran and failed, with what it said.
pub fn tool_failed(program: &str, args: &[&str], stderr: &str) -> String {
    format!("`{program} {}` failed: {stderr}", args.join(" "))
}

/// cargo failed without a compile error to show (not the learner's doing).
pub fn cargo_could_not_build(package: &str, stderr: &str) -> String {
    format!("cargo could not build {package}:\n{stderr}")
}

/// rustc failed on a compile-fail case and gave no error to judge.
pub fn rustc_failed_on_case(name: &str, stderr: &str) -> String {
    format!("rustc failed on compile-fail case {name} without an error message:\n{stderr}")
}

/// A hidden test binary that listed no tests.
pub fn no_tests_listed(binary: &Path) -> String {
    format!(
        "the hidden test binary {} listed no tests",
        binary.display()
    )
}

/// A hidden test binary that listed a test whose name the grader will not use in a path.
pub fn odd_test_name(package: &str, test: &str) -> String {
    format!("the hidden test binary of {package} listed a test named {test:?}")
}
