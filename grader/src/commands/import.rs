//! `grader import`: copy a learner's submitted exercise files into this course tree, and nothing
//! else. Used by the Gradescope autograder, where the submission is not to be trusted.
//!
//! A submitted file is taken for an exercise when its path inside the submission ends with the
//! exercise's path (`exercises/03_locks/01_counter.rs`, or `03_locks/01_counter.rs`), or, failing
//! that, when its file name is the exercise's and no other exercise has that name. Only regular
//! files are read: a symbolic link could point at the solutions.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::course::Course;
use crate::error::{EXIT_PASSED, GraderError, Result};
use crate::files::{relative_slash_path, write_atomically};
use crate::output;

/// A submitted exercise file larger than this is not an exercise file.
const LARGEST_FILE: u64 = 1 << 20;

/// Copies what the submission in `from` holds for each exercise over the course's file.
pub fn run(course: &Course, from: &Path) -> Result<i32> {
    let submitted = regular_files_below(from);
    let mut by_name: HashMap<String, Vec<&PathBuf>> = HashMap::new();
    for file in &submitted {
        if let Some(name) = file.file_name() {
            by_name
                .entry(name.to_string_lossy().into_owned())
                .or_default()
                .push(file);
        }
    }
    let mut course_names: HashMap<String, usize> = HashMap::new();
    for exercise in course.exercises() {
        let name = exercise
            .path
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned();
        *course_names.entry(name).or_default() += 1;
    }

    let mut imported = Vec::new();
    let mut missing = Vec::new();
    for exercise in course.exercises() {
        let stem_path = exercise.path.trim_start_matches("exercises/");
        let by_path = submitted
            .iter()
            .find(|file| relative_slash_path(from, file).ends_with(stem_path));
        let name = exercise.path.rsplit('/').next().unwrap_or_default();
        let by_file_name = match (by_name.get(name), course_names.get(name)) {
            (Some(files), Some(1)) if files.len() == 1 => Some(files[0]),
            _ => None,
        };
        let Some(file) = by_path.or(by_file_name) else {
            missing.push(exercise.path.clone());
            continue;
        };
        let bytes = std::fs::read(file)
            .map_err(|e| GraderError::io(format!("read {}", file.display()), e))?;
        let target = exercise.exercise_file(&course.root);
        write_atomically(&target, &bytes)
            .map_err(|e| GraderError::io(format!("write {}", exercise.path), e))?;
        imported.push((exercise.path.clone(), relative_slash_path(from, file)));
    }
    print!("{}", output::imported(&imported, &missing));
    Ok(EXIT_PASSED)
}

/// Regular files (no links, nothing large) below `dir`.
fn regular_files_below(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&current) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(metadata) = entry.path().symlink_metadata() else {
                continue;
            };
            if metadata.is_dir() {
                pending.push(entry.path());
            } else if metadata.is_file()
                && metadata.len() <= LARGEST_FILE
                && entry.path().extension().is_some_and(|e| e == "rs")
            {
                found.push(entry.path());
            }
        }
    }
    found.sort();
    found
}
