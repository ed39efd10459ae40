//! The command line: argument types only, each flag documented, and how a learner types it.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// How the learner runs the grader; printed in every suggestion. It lives with the command line
/// it stands for, so that `error` can name it without importing `output`, which is built on
/// the modules that use `error`.
pub const GRADER: &str = "cargo run -p grader --";

/// Grades threadlings exercises with hidden tests and compile-fail checks.
///
/// Exit status: 0 when everything named passed, 1 when something did not, 2 for a mistake in the
/// command line or course.yaml, 3 when the grader itself could not run (cargo missing, a file it
/// owns unwritable), 130 when interrupted.
#[derive(Debug, Parser)]
#[command(name = "grader", version, about, long_about = None)]
pub struct Cli {
    /// The course file; by default course.yaml in this folder or the nearest folder above.
    #[arg(long, global = true, value_name = "PATH")]
    pub course: Option<PathBuf>,

    /// What to do; in a terminal, `watch` when nothing is named.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The grader's commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Grade your exercise files: a section (`locks`), one exercise (`locks/counter`) or --all.
    Check {
        /// A section id, or SECTION/EXERCISE.
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        target: Option<String>,

        /// Grade every exercise of the course, in order.
        #[arg(long)]
        all: bool,

        /// How to print the results.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,

        /// Write the results to this file (atomically) instead of standard output.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,

        /// Seconds the whole check may take, instead of course.yaml's `budget` (for an
        /// autograder's image, whose first build of the dependencies takes longer).
        #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(10..))]
        budget: Option<u64>,

        /// For autograders: the platform's submission metadata (Gradescope's
        /// `submission_metadata.json`), whose `created_at` is the time releases and due dates
        /// are judged against, and which the results record.
        #[arg(long, value_name = "FILE")]
        submission_metadata: Option<PathBuf>,

        /// For autograders, as root: compile and run the learner's code as this unprivileged
        /// user (Linux, macOS), which may read the build folder's copy of the course but not
        /// the course's source; every process it leaves is killed after each exercise.
        #[arg(long, value_name = "USER", conflicts_with = "replay")]
        as_user: Option<String>,

        /// Run again, step by step, the interleavings in which the exercise's model tests last
        /// failed (one exercise; the file must not have changed since).
        #[arg(long, conflicts_with_all = ["all", "output"])]
        replay: bool,
    },

    /// Grade the current exercise whenever you save it, and move on when it passes.
    Watch {
        /// Follow saves by reading the files every half second instead of with the system's
        /// file watcher (which some file systems, such as WSL's /mnt, do not support).
        #[arg(long)]
        poll: bool,
    },

    /// List every exercise in order, with what the grader last saw of it.
    List,

    /// Say which exercise to work on next and how to check it.
    Next,

    /// Show the hint for an exercise (`locks/counter`, or `counter` if the name is unique).
    Hint {
        /// The exercise id.
        id: String,
    },

    /// Put an exercise's stub back (your file is kept as FILE.orig).
    Reset {
        /// The exercise id.
        id: String,

        /// Do it without asking.
        #[arg(long)]
        yes: bool,
    },

    /// Show the reference solution of an exercise you have passed, to compare with yours.
    Solution {
        /// The exercise id.
        id: String,
    },

    /// Write rust-project.json, so that rust-analyzer in an editor opened at the repository root
    /// understands your exercise files and shows the compiler's errors in them when you save
    /// (delete it to work on the grader's own code).
    Lsp {
        /// Leave out the command rust-analyzer runs on save: for a rust-analyzer older than
        /// 2026-01-12, which refuses a rust-project.json that has one.
        #[arg(long)]
        no_check_on_save: bool,
    },

    /// For rust-analyzer, which runs it when you save an exercise file: check the file of an
    /// exercise (`locks/counter`) and print the compiler's diagnostics as cargo's JSON messages,
    /// naming your file. Exit status 1 when the compiler refused it.
    Flycheck {
        /// The exercise id.
        id: String,
    },

    /// Write your progress as a report an instructor can collect.
    Report {
        /// The learner's name in the report (default: $USER).
        #[arg(long)]
        learner: Option<String>,

        /// Write the report to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
    },

    /// For graders such as Gradescope: copy a submission's exercise files (and nothing else)
    /// into this course.
    Import {
        /// The folder holding the submission.
        from: PathBuf,
    },

    /// For instructors: add up learners' reports into a folder to publish (index.html with
    /// pseudonyms, exercises.csv) and a private one (instructor.html and progress.csv, with
    /// names).
    Class {
        /// The learners' reports (from `grader report`).
        #[arg(required = true, value_name = "REPORT")]
        reports: Vec<PathBuf>,

        /// The folder to publish: index.html and exercises.csv, which name no learner, readable
        /// by anybody (files 0644, the folder 0755). `--out docs` suits GitHub Pages.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,

        /// The instructor's folder: instructor.html and progress.csv, which name learners,
        /// readable by you alone (files 0600, the folder 0700) and ignored by git. By default
        /// the --out folder's name with `-private` (`site-private` beside `site`).
        #[arg(long, value_name = "DIR")]
        private_out: Option<PathBuf>,

        /// The secret the pseudonyms come from: the same salt gives every learner the same
        /// pseudonym in every build. Without it, the grader keeps one as `salt` in the private
        /// folder, made on the first build. A salt file named here that is missing, unreadable
        /// or shorter than 16 bytes is refused with exit status 2, never replaced.
        #[arg(long, value_name = "PATH")]
        salt_file: Option<PathBuf>,
    },

    /// For course authors: prove that every solution passes, every stub and mutant fails, and
    /// that course.yaml, exercises/, solutions/ and the hidden tests agree.
    Verify {
        /// Verify only this section or exercise (all of them by default).
        section: Option<String>,

        /// Run every solution, alternative and mutant this many times: a solution's test that
        /// passed in one run and failed in another is reported as flaky, and a mutant must fail
        /// in every run (stubs still run once).
        #[arg(long, default_value_t = 1, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1000))]
        repeat: u32,

        /// Only write every crate verify would build into the build folder, and stop: for
        /// checking them with another compiler or for another platform (see
        /// `scripts/cross-check.sh`).
        #[arg(long, conflicts_with = "repeat")]
        write_only: bool,

        /// Only build every crate verify would run, and stop: so that a later `verify` under a
        /// CPU limit or a busy machine finds them built and spends its time on the tests.
        #[arg(long, conflicts_with_all = ["repeat", "write_only"])]
        build_only: bool,

        /// Only print the bug-class matrix (which kinds of bug each exercise's mutants commit,
        /// from its classes.yaml) and the holes in it, and stop.
        #[arg(long, conflicts_with_all = ["repeat", "write_only", "build_only"])]
        classes: bool,
    },
}

/// An output format for `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable text for a terminal.
    Human,
    /// One JSON document.
    Json,
    /// A Gradescope autograder results.json.
    Gradescope,
    /// A PrairieLearn external grader's results.json.
    Prairielearn,
    /// JUnit XML, one test suite per exercise.
    Junit,
}
