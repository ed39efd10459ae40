//! The text of `grader class`: what it wrote where, and the note it leaves in the instructor's
//! folder.

use std::fmt::Write as _;

use super::plural;

/// What `grader class` wrote, and which folder is for whom.
pub fn class_written(
    learners: usize,
    published: &std::path::Path,
    private: &std::path::Path,
    new_salt: Option<&std::path::Path>,
) -> String {
    let (published, private) = (
        format!("{}/", published.display()).replace("//", "/"),
        format!("{}/", private.display()).replace("//", "/"),
    );
    let width = published.chars().count().max(private.chars().count());
    let mut out = format!(
        "Wrote the progress of {learners} {}:\n\
         \x20 {published:width$}  to publish: index.html and exercises.csv name nobody \
         (learners appear as pseudonyms)\n\
         \x20 {private:width$}  to keep: instructor.html and progress.csv name learners \
         (readable by you alone); never publish them\n",
        plural(learners, "learner", "learners"),
    );
    if let Some(salt) = new_salt {
        let _ = writeln!(
            out,
            "Made a new salt, {}: keep it, so that every learner keeps their pseudonym in later \
             builds; never publish it.",
            salt.display()
        );
    }
    out
}

/// The note `grader class` leaves in the instructor's folder.
pub fn class_private_readme() -> String {
    "These files were written by `grader class` for the instructor alone. Do not publish them.\n\
     \n\
     instructor.html  the class's progress with learners' names and their pseudonyms\n\
     progress.csv     each learner's points per exercise and section, with names\n\
     salt             (when the grader keeps it here) the secret the pseudonyms come from:\n\
     \x20                keep it, or every learner gets a new pseudonym in the next build\n\
     \n\
     Publish the other folder, which holds index.html and exercises.csv: they name nobody.\n"
        .to_owned()
}
