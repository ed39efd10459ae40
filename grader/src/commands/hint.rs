//! `grader hint`: show an exercise's hint.

use crate::course::Course;
use crate::error::{EXIT_PASSED, GraderError, Result};
use crate::output;

/// Prints the hint of exercise `id`.
pub fn run(course: &Course, id: &str) -> Result<i32> {
    let exercise = course.find_exercise(id).ok_or_else(|| {
        GraderError::Usage(format!(
            "course.yaml has no exercise `{id}`; `{} list` shows every exercise id",
            output::GRADER
        ))
    })?;
    print!("{}", output::hint(exercise));
    Ok(EXIT_PASSED)
}
