//! What `grader flycheck` says on standard error (its standard output is cargo's JSON, for
//! rust-analyzer's check on save).

use crate::cli::GRADER;

/// `grader flycheck` was given an id that names no exercise.
pub fn flycheck_unknown_exercise(id: &str) -> String {
    format!(
        "course.yaml has no exercise `{id}`; `{GRADER} flycheck` takes an exercise id such as \
         `locks/counter` (`{GRADER} list` shows them all). If rust-analyzer ran this, \
         rust-project.json is older than course.yaml: run `{GRADER} lsp` again"
    )
}

/// `grader flycheck` could not read the exercise's file.
pub fn flycheck_unreadable(path: &str, why: &str) -> String {
    format!("cannot read {path}: {why}")
}

/// `grader flycheck` found an exercise's file that is not UTF-8.
pub fn flycheck_not_utf8(path: &str, valid_up_to: usize) -> String {
    format!(
        "{path} is not UTF-8 text (invalid byte at offset {valid_up_to}); Rust source must be \
         UTF-8"
    )
}

/// cargo failed to check an exercise's file without saying anything about the file.
pub fn flycheck_cargo_failed(id: &str, cargo_said: &str) -> String {
    format!("cargo could not check the file of {id}:\n{cargo_said}")
}
