//! The threadlings grader: grades a learner's exercise files with hidden tests and compile-fail
//! checks, and proves the course to its authors.
//!
//! `main` only parses the command line, finds the course, runs one command and maps its outcome
//! to the documented exit status; see `ARCHITECTURE.md` for the map of the rest.

mod budget;
mod bug_classes;
mod cache;
mod capture;
mod cli;
mod commands;
mod compile;
mod compile_fail;
mod course;
mod deadlock;
mod embedded;
mod error;
mod failure_kind;
mod files;
mod formats;
mod grade;
mod hang;
mod interrupt;
mod memory;
mod model_source;
mod output;
mod platform;
mod pool;
mod progress;
mod progress_bar;
mod reporter;
mod runner;
mod stubs;
mod type_check;
mod verdict;
mod workspace;

use std::io::IsTerminal as _;

use clap::Parser as _;

use crate::cli::{Cli, Command};
use crate::course::Course;
use crate::error::GraderError;

fn main() {
    // clap exits with status 2 for a usage error and 0 for --help, as documented.
    let cli = Cli::parse();
    interrupt::install(output::interrupted());
    // Orphans of the tests' processes come back to the grader, which ends them (Linux).
    platform::become_subreaper();
    // Colour only for people: not in a file that `check --output` writes.
    let writes_a_file = matches!(
        &cli.command,
        Some(Command::Check {
            output: Some(_),
            ..
        })
    );
    output::set_colour(
        !writes_a_file
            && output::colour_wanted(
                std::io::stdout().is_terminal(),
                std::env::var_os("NO_COLOR").as_deref(),
            ),
    );
    let started = std::time::Instant::now();
    let check_output = match &cli.command {
        Some(Command::Check { format, output, .. }) => Some((*format, output.clone())),
        _ => None,
    };
    let status = match run(cli) {
        Ok(status) => status,
        Err(error) => {
            eprint!("{}", output::error(&error.to_string()));
            // An instructor must never get "no results": the autograders' formats say in the
            // results why there are none.
            if let Some((format, file)) = check_output {
                reporter::new(format, file.as_deref())
                    .failed(&error.to_string(), started.elapsed());
            }
            error.exit_status()
        }
    };
    std::process::exit(status);
}

fn run(cli: Cli) -> Result<i32, GraderError> {
    let here =
        std::env::current_dir().map_err(|e| GraderError::io("find the current folder", e))?;
    let mut course = Course::discover(cli.course.as_deref(), &here)?;
    let command = match cli.command {
        Some(command) => command,
        None if std::io::stdout().is_terminal() => Command::Watch { poll: false },
        None => {
            return Err(GraderError::Usage(output::name_a_command()));
        }
    };
    match command {
        Command::Check {
            target,
            replay: true,
            ..
        } => commands::check::replay(&course, target.as_deref().unwrap_or_default()),
        Command::Check {
            target,
            all: _,
            format,
            output,
            as_user,
            budget,
            submission_metadata,
            replay: false,
        } => {
            let submitted_at = submission_metadata
                .as_deref()
                .and_then(commands::check::submission_time);
            if let Some(seconds) = budget {
                course.budget = std::time::Duration::from_secs(seconds);
            }
            if let Some(user) = &as_user {
                platform::run_learner_code_as(user)
                    .map_err(|error| GraderError::Usage(output::cannot_grade_as(user, &error)))?;
            }
            let mut reporter = reporter::new(format, output.as_deref());
            commands::check::run(&course, target.as_deref(), reporter.as_mut(), submitted_at)
        }
        Command::Watch { poll } => commands::watch::run(&course, poll),
        Command::List => commands::list::run(&course),
        Command::Next => commands::next::run(&course),
        Command::Lsp { no_check_on_save } => commands::lsp::run(&course, !no_check_on_save),
        Command::Flycheck { id } => commands::flycheck::run(&course, &id),
        Command::Hint { id } => commands::hint::run(&course, &id),
        Command::Reset { id, yes } => commands::reset::run(&course, &id, yes),
        Command::Solution { id } => commands::solution::run(&course, &id),
        Command::Report { learner, output } => {
            commands::report::run(&course, learner.as_deref(), output.as_deref())
        }
        Command::Class {
            reports,
            out,
            private_out,
            salt_file,
        } => commands::class::run(
            &course,
            &commands::class::Request {
                reports: &reports,
                out: &out,
                private_out: private_out.as_deref(),
                salt_file: salt_file.as_deref(),
            },
        ),
        Command::Import { from } => commands::import::run(&course, &from),
        Command::Verify {
            section,
            write_only: true,
            ..
        } => commands::verify::write_only(&course, section.as_deref()),
        Command::Verify {
            section,
            classes: true,
            ..
        } => commands::verify::classes(&course, section.as_deref()),
        Command::Verify {
            section,
            build_only: true,
            ..
        } => commands::verify::build_only(&course, section.as_deref()),
        Command::Verify {
            section, repeat, ..
        } => commands::verify::run(&course, section.as_deref(), repeat),
    }
}
