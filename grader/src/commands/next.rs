//! `grader next`: the first exercise not passing, where it is and how to check it.

use crate::course::Course;
use crate::error::{EXIT_PASSED, Result};
use crate::output;
use crate::progress::{Progress, Standing};

/// Prints the next exercise.
pub fn run(course: &Course) -> Result<i32> {
    let progress = Progress::load(course);
    let next = course
        .exercises()
        .map(|e| (e, progress.standing(course, e)))
        .find(|(_, standing)| *standing != Standing::Done);
    print!("{}", output::next(course, next));
    Ok(EXIT_PASSED)
}
