//! `grader reset`: put an exercise's stub back, as the course shipped it.
//!
//! The stub is taken from git: the newest version of the file whose SHA-256 the course lists in
//! `grader/stubs.sha256` (see [`crate::stubs`]). The learner's current file is kept beside it as
//! `FILE.orig`, so nothing is lost.

use std::io::{BufRead as _, IsTerminal as _, Write as _};
use std::process::{Command, Stdio};

use crate::course::{Course, Exercise};
use crate::error::{EXIT_NOT_PASSED, EXIT_PASSED, GraderError, Result};
use crate::files::write_atomically;
use crate::output;
use crate::stubs;

/// Restores the stub of exercise `id`, asking first unless `yes`.
pub fn run(course: &Course, id: &str, yes: bool) -> Result<i32> {
    let exercise = course.exercise(id)?;
    // Find the stub before asking: a question whose "yes" cannot be done is not asked.
    shipped_stub(course, &exercise.path)?;
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
    restore(course, exercise)?;
    print!("{}", output::reset_done(exercise));
    Ok(EXIT_PASSED)
}

/// Puts the exercise's stub back without asking, keeping the learner's file (if it differs from
/// the stub) as `FILE.orig`. `watch` calls it once the learner has said yes.
pub fn restore(course: &Course, exercise: &Exercise) -> Result<()> {
    let stub = shipped_stub(course, &exercise.path)?;
    let file = exercise.exercise_file(&course.root);
    if let Ok(current) = std::fs::read(&file)
        && current != stub.as_bytes()
    {
        let backup = file.with_extension("rs.orig");
        write_atomically(&backup, &current)
            .map_err(|e| GraderError::io(format!("write {}", backup.display()), e))?;
    }
    write_atomically(&file, stub.as_bytes())
        .map_err(|e| GraderError::io(format!("write {}", exercise.path), e))
}

/// The stub at `path` as the course ships it: the file itself if it is still the stub, or else
/// the newest version of it in git history whose digest `grader/stubs.sha256` lists. Versions
/// the learner committed never match, and neither do the course's older stubs.
fn shipped_stub(course: &Course, path: &str) -> Result<String> {
    if stubs::shipped_digest(path).is_none() {
        return Err(GraderError::Usage(output::stub_not_listed(path)));
    }
    if let Ok(current) = std::fs::read(course.root.join(path))
        && stubs::is_shipped(path, &current)
    {
        return Ok(String::from_utf8_lossy(&current).into_owned());
    }
    let git = |args: &[&str]| -> Option<Vec<u8>> {
        let output = Command::new("git")
            .args(args)
            .current_dir(&course.root)
            .stderr(Stdio::null())
            .output()
            .ok()?;
        output.status.success().then_some(output.stdout)
    };
    let commits = git(&["log", "--format=%H", "--", path])
        .ok_or_else(|| GraderError::Usage(output::stub_without_history(path)))?;
    String::from_utf8_lossy(&commits)
        .lines()
        // `./` makes the path relative to the course's folder, which need not be the
        // repository's root.
        .filter_map(|commit| git(&["show", &format!("{commit}:./{path}")]))
        .find(|version| stubs::is_shipped(path, version))
        .map(|version| String::from_utf8_lossy(&version).into_owned())
        .ok_or_else(|| GraderError::Usage(output::stub_not_in_history(path)))
}
