//! `grader reset`: put an exercise's stub back, as the course shipped it.
//!
//! The stub is taken from git: the version of the file in the commit that added it to the
//! course. The learner's current file is kept beside it as `FILE.orig`, so nothing is lost.

use std::io::{BufRead as _, IsTerminal as _, Write as _};
use std::process::Command;

use crate::course::Course;
use crate::error::{EXIT_NOT_PASSED, EXIT_PASSED, GraderError, Result};
use crate::files::write_atomically;
use crate::output;

/// Restores the stub of exercise `id`, asking first unless `yes`.
pub fn run(course: &Course, id: &str, yes: bool) -> Result<i32> {
    let exercise = course.find_exercise(id).ok_or_else(|| {
        GraderError::Usage(format!(
            "course.yaml has no exercise `{id}`; `{} list` shows every exercise id",
            output::GRADER
        ))
    })?;
    let stub = original_stub(course, &exercise.path)?;
    let file = exercise.exercise_file(&course.root);
    if !yes {
        if !std::io::stdin().is_terminal() {
            return Err(GraderError::Usage(format!(
                "reset asks before it replaces {} with its stub, and there is no terminal to \
                 ask in, so nothing was changed; pass --yes to reset without asking",
                exercise.path
            )));
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
    if let Ok(current) = std::fs::read(&file)
        && current != stub.as_bytes()
    {
        let backup = file.with_extension("rs.orig");
        write_atomically(&backup, &current)
            .map_err(|e| GraderError::io(format!("write {}", backup.display()), e))?;
    }
    write_atomically(&file, stub.as_bytes())
        .map_err(|e| GraderError::io(format!("write {}", exercise.path), e))?;
    print!("{}", output::reset_done(exercise));
    Ok(EXIT_PASSED)
}

/// The file as the commit that added it to the repository had it.
fn original_stub(course: &Course, path: &str) -> Result<String> {
    let git = |args: &[&str]| -> Option<String> {
        let output = Command::new("git")
            .args(args)
            .current_dir(&course.root)
            .output()
            .ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
    };
    let added = git(&["log", "--diff-filter=A", "--format=%H", "--", path])
        .and_then(|log| log.lines().last().map(str::to_owned));
    added
        .and_then(|commit| git(&["show", &format!("{commit}:{path}")]))
        .ok_or_else(|| {
            GraderError::Usage(format!(
                "cannot find the original stub of {path}: reset needs the course's git history"
            ))
        })
}
