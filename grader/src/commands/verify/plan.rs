//! What `verify` grades for each exercise: its solution, its stub, its alternatives and its
//! mutants, read from the course and the hidden files compiled into the grader.

use std::path::{Path, PathBuf};

use crate::bug_classes::{self, Declaration};
use crate::course::{Course, Exercise};
use crate::embedded;
use crate::error::{GraderError, Result};
use crate::files::relative_slash_path;
use crate::grade::{Built, Submission, Variant};

/// What `verify` grades for one exercise.
pub struct Plan<'a> {
    pub exercise: &'a Exercise,
    pub solution_path: PathBuf,
    /// The solution's path as an author reads it, relative to the course.
    pub solution_shown: String,
    pub solution: Vec<u8>,
    pub stub: Vec<u8>,
    /// Each alternative's name and source.
    pub alternatives: Vec<(&'static str, &'static str)>,
    /// Each mutant's name, the bug it has (its first doc paragraph) and its source.
    pub mutants: Vec<Mutant>,
    /// The bug classes the exercise declares (`classes.yaml`), if it has the file, or why it
    /// cannot be read.
    pub classes: Option<std::result::Result<Declaration, String>>,
}

/// A mutant of an exercise: a solution with one bug the hidden tests must catch.
pub struct Mutant {
    pub name: &'static str,
    /// Its bug, in the words of its opening `//!` paragraph.
    pub bug: String,
    pub source: &'static str,
}

/// One exercise's built submissions, by what each is.
pub struct BuiltPlan<'b> {
    pub solution: &'b Built<'b>,
    pub stub: &'b Built<'b>,
    /// In the order of [`Plan::alternatives`].
    pub alternatives: Vec<&'b Built<'b>>,
    /// In the order of [`Plan::mutants`].
    pub mutants: Vec<&'b Built<'b>>,
}

impl<'b> BuiltPlan<'b> {
    /// Sorts the built submissions of one exercise (those [`Plan::submissions`] gave) by what
    /// each is.
    pub fn sort(built: &[&'b Built<'b>]) -> BuiltPlan<'b> {
        let find = |wanted: Variant| {
            *built
                .iter()
                .find(|b| b.submission.variant == wanted)
                .expect("verify builds a solution and a stub for every exercise")
        };
        let of_kind = |keep: fn(&Variant) -> bool| {
            built
                .iter()
                .copied()
                .filter(|b| keep(&b.submission.variant))
                .collect()
        };
        BuiltPlan {
            solution: find(Variant::Solution),
            stub: find(Variant::Stub),
            alternatives: of_kind(|v| matches!(v, Variant::Alternative(_))),
            mutants: of_kind(|v| matches!(v, Variant::Mutant(_))),
        }
    }

    /// The stub, then the mutants: what must fail.
    pub fn must_fail(&self) -> Vec<&'b Built<'b>> {
        std::iter::once(self.stub)
            .chain(self.mutants.iter().copied())
            .collect()
    }
}

impl<'a> Plan<'a> {
    /// Every file of the exercise, as submissions to build.
    pub fn submissions(&self) -> Vec<Submission<'a>> {
        let submission = |variant: Variant, bytes: &[u8]| Submission {
            exercise: self.exercise,
            variant,
            bytes: bytes.to_vec(),
        };
        let mut all = vec![
            submission(Variant::Solution, &self.solution),
            submission(Variant::Stub, &self.stub),
        ];
        for (name, source) in &self.alternatives {
            all.push(submission(Variant::Alternative(name), source.as_bytes()));
        }
        for mutant in &self.mutants {
            all.push(submission(
                Variant::Mutant(mutant.name),
                mutant.source.as_bytes(),
            ));
        }
        all
    }

    /// What is wrong with the exercise's bug-class declaration, which every exercise must have.
    pub fn class_problems(&self) -> Vec<String> {
        let names: Vec<&str> = self.mutants.iter().map(|mutant| mutant.name).collect();
        let file = format!("grader/hidden/{}/classes.yaml", self.exercise.stem());
        bug_classes::declaration_problems(&file, self.classes.as_ref(), &names)
    }
}

/// What `verify` grades for each of `exercises`.
pub fn plans<'a>(course: &Course, exercises: &[&'a Exercise]) -> Result<Vec<Plan<'a>>> {
    exercises
        .iter()
        .map(|exercise| plan(course, exercise))
        .collect()
}

/// Reads what `verify` grades for `exercise`.
fn plan<'a>(course: &Course, exercise: &'a Exercise) -> Result<Plan<'a>> {
    let solution_path = exercise.solution_file(&course.root);
    let solution = read(course, &solution_path)?;
    let stub = read(course, &exercise.exercise_file(&course.root))?;
    let mut alternatives = Vec::new();
    let mut mutants = Vec::new();
    let mut classes = None;
    for (path, source) in embedded::hidden_files(exercise.stem()) {
        if path == "classes.yaml" {
            classes = Some(Declaration::parse(source));
        }
        if let Some(name) = path
            .strip_prefix("alternatives/")
            .and_then(|p| p.strip_suffix(".rs"))
        {
            alternatives.push((name, source));
        } else if let Some(name) = path
            .strip_prefix("mutants/")
            .and_then(|p| p.strip_suffix(".rs"))
        {
            let bug = first_doc_paragraph(source).unwrap_or_else(|| name.to_owned());
            mutants.push(Mutant { name, bug, source });
        }
    }
    Ok(Plan {
        exercise,
        solution_shown: relative_slash_path(&course.root, &solution_path),
        solution_path,
        solution,
        stub,
        alternatives,
        mutants,
        classes,
    })
}

fn read(course: &Course, path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        GraderError::io(
            format!("read {}", relative_slash_path(&course.root, path)),
            e,
        )
    })
}

/// What a mutant's opening `//!` paragraph says its bug is (without the `Mutant:` label), on
/// one line: a sentence wrapped over two lines of the file is still one sentence.
fn first_doc_paragraph(source: &str) -> Option<String> {
    let paragraph: Vec<&str> = source
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("//!"))
        .map_while(|l| l.trim_start().strip_prefix("//!"))
        .map(str::trim)
        .take_while(|l| !l.is_empty())
        .collect();
    if paragraph.is_empty() {
        return None;
    }
    Some(
        paragraph
            .join(" ")
            .trim_start_matches("Mutant:")
            .trim()
            .to_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mutants_bug_is_its_whole_first_paragraph() {
        let source = "//! Mutant: waits under one lock and takes the GIL\n//! under a second.\n//!\n\
                      //! More about it.\nuse std::sync::Mutex;\n";
        assert_eq!(
            first_doc_paragraph(source).as_deref(),
            Some("waits under one lock and takes the GIL under a second.")
        );
        assert_eq!(
            first_doc_paragraph("//! Mutant: one line.\n\nuse x;\n").as_deref(),
            Some("one line.")
        );
        assert_eq!(first_doc_paragraph("use x;\n"), None);
    }
}
