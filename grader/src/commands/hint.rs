//! `grader hint`: show an exercise's hint.

use crate::course::Course;
use crate::error::{EXIT_PASSED, Result};
use crate::output;

/// Prints the hint of exercise `id`.
pub fn run(course: &Course, id: &str) -> Result<i32> {
    let exercise = course.exercise(id)?;
    print!("{}", output::hint(exercise));
    Ok(EXIT_PASSED)
}
