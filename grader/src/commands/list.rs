//! `grader list`: every exercise in order, with what the grader last saw of it.

use crate::course::Course;
use crate::error::{EXIT_PASSED, Result};
use crate::output;
use crate::progress::Progress;

/// Prints the list.
pub fn run(course: &Course) -> Result<i32> {
    let progress = Progress::load(course);
    let standings: Vec<_> = course
        .exercises()
        .map(|e| (e, progress.standing(course, e)))
        .collect();
    print!("{}", output::list(course, &standings));
    Ok(EXIT_PASSED)
}
