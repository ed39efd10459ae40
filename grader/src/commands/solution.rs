//! `grader solution`: the reference solution of an exercise, once the learner's passes, to
//! compare with.

use crate::course::Course;
use crate::error::{EXIT_NOT_PASSED, EXIT_PASSED, GraderError, Result};
use crate::output;
use crate::progress::{Progress, Standing};

/// Prints the solution of exercise `id` if the learner's file passes as it is now.
pub fn run(course: &Course, id: &str) -> Result<i32> {
    let exercise = course.exercise(id)?;
    if Progress::load(course).standing(course, exercise) != Standing::Done {
        print!("{}", output::solution_locked(exercise));
        return Ok(EXIT_NOT_PASSED);
    }
    let path = exercise.solution_file(&course.root);
    let solution = std::fs::read_to_string(&path)
        .map_err(|e| GraderError::io(format!("read {}", path.display()), e))?;
    print!("{}", output::solution(exercise, &solution));
    Ok(EXIT_PASSED)
}
