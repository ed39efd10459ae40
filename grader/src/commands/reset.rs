//! `grader reset`: put an exercise's stub back, as the course shipped it.
//!
//! The stub is taken from git: the newest version of the file whose SHA-256 the course lists in
//! `grader/stubs.sha256` (see [`crate::stubs`]). The learner's current file is kept beside it as
//! `FILE.orig`, so nothing is lost.

use std::io::{BufRead as _, IsTerminal as _, Write as _};

use crate::course::Course;
use crate::error::{EXIT_NOT_PASSED, EXIT_PASSED, GraderError, Result};
use crate::output;
use crate::stubs;

/// Restores the stub of exercise `id`, asking first unless `yes`.
pub fn run(course: &Course, id: &str, yes: bool) -> Result<i32> {
    let exercise = course.exercise(id)?;
    // Find the stub before asking: a question whose "yes" cannot be done is not asked.
    stubs::shipped_stub(course, &exercise.path)?;
    if !yes {
        if !std::io::stdin().is_terminal() {
            return Err(GraderError::Usage(output::reset_needs_a_terminal(exercise)));
        }
        print!("{}", output::reset_question(exercise));
        let _ = std::io::stdout().flush();
        let mut answer = String::new();
        let _ = std::io::stdin().lock().read_line(&mut answer);
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            print!("{}", output::reset_cancelled());
            return Ok(EXIT_NOT_PASSED);
        }
    }
    stubs::restore(course, exercise)?;
    print!("{}", output::reset_done(exercise));
    Ok(EXIT_PASSED)
}
