//! The text of `grader class`: what it wrote where, and the note it leaves in the instructor's
//! folder.

use std::fmt::Write as _;
use std::path::Path;

use super::plural;

/// What `grader class` wrote, and which folder is for whom.
pub fn class_written(
    learners: usize,
    published: &Path,
    private: &Path,
    new_salt: Option<&Path>,
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

/// The `.gitignore` `grader class` leaves in the instructor's folder: a `*` ignores every file
/// of it, itself included.
pub fn class_private_gitignore() -> String {
    "# Written by `grader class`: these files name learners. Never commit or publish them.\n*\n"
        .to_owned()
}

/// Two reports of one learner.
pub fn class_learner_twice(report: &Path, learner: &str) -> String {
    format!(
        "{}: learner `{learner}` has more than one report; keep one per learner",
        report.display()
    )
}

/// `grader class` with no report to add up.
pub fn class_without_reports() -> String {
    "name at least one report".to_owned()
}

/// An `--out` folder with no name to make the private folder's from (such as `/`).
pub fn class_out_without_name(out: &Path) -> String {
    format!(
        "--out {} has no name to make the private folder's name from; name that folder with \
         --private-out",
        out.display()
    )
}

/// The private folder inside the folder to publish.
pub fn class_private_inside_out(private: &Path, out: &Path) -> String {
    format!(
        "the private folder {} is inside {}, the folder to publish; name one outside it with \
         --private-out",
        private.display(),
        out.display()
    )
}

/// The folder to publish inside the private folder.
pub fn class_out_inside_private(out: &Path, private: &Path) -> String {
    format!(
        "the folder to publish, {}, is inside the private folder {}; name another with --out or \
         --private-out",
        out.display(),
        private.display()
    )
}

/// A salt file inside the folder to publish.
pub fn class_salt_inside_out(salt: &Path, out: &Path, private: &Path) -> String {
    format!(
        "salt file {} is inside {}, the folder to publish: anybody could read it and undo the \
         pseudonyms. Keep it elsewhere, such as in {}",
        salt.display(),
        out.display(),
        private.display()
    )
}

/// A file that may name learners, `file`, in the folder to publish.
pub fn class_private_file_in_out(file: &Path, out: &Path, private: &Path) -> String {
    format!(
        "{} is in {}, the folder to publish, and may name learners (earlier graders wrote \
         progress.csv there). Move it out, for example into {}, and run again",
        file.display(),
        out.display(),
        private.display()
    )
}

/// A file that is not a progress report.
pub fn class_not_a_report(report: &Path, error: &serde_json::Error) -> String {
    format!(
        "{}: not a threadlings progress report ({error}); make one with `grader report`",
        report.display()
    )
}

/// A report in a format this grader does not read.
pub fn class_report_format(report: &Path, found: u32, read: u32) -> String {
    format!(
        "{}: report format {found} is not the {read} this grader reads",
        report.display()
    )
}

/// A report made from another version of course.yaml.
pub fn class_report_of_another_course(report: &Path, learner: &str) -> String {
    format!(
        "{}: made from a different version of course.yaml (learner `{learner}`); regenerate it \
         with the course.yaml the class uses",
        report.display()
    )
}

/// A report whose exercises are not the course's.
pub fn class_report_of_other_exercises(report: &Path) -> String {
    format!(
        "{}: its exercises do not match course.yaml's",
        report.display()
    )
}

/// A salt file named with `--salt-file` that does not exist.
pub fn salt_not_found(path: &Path) -> String {
    format!(
        "salt file {} does not exist; the pseudonyms of index.html come from it, and a new salt \
         would give every learner a new one. Name the salt file of your earlier builds, or leave \
         out --salt-file to let the grader keep one beside the instructor's files",
        path.display()
    )
}

/// A salt file that cannot be read.
pub fn salt_unreadable(path: &Path, error: &std::io::Error) -> String {
    format!(
        "cannot read salt file {}: {error}; the pseudonyms of index.html come from it, so the \
         grader will not build without it",
        path.display()
    )
}

/// The kept salt is gone, but `page` was built with one.
pub fn salt_gone(path: &Path, page: &Path) -> String {
    format!(
        "salt file {} is missing, but {} was built with a salt: a new one would give every \
         learner a new pseudonym. Put the salt file back (or name it with --salt-file), or \
         delete {} to start again with new pseudonyms",
        path.display(),
        page.display(),
        page.display()
    )
}

/// A salt of `bytes` bytes, shorter than `least`.
pub fn salt_too_short(path: &Path, bytes: usize, least: usize) -> String {
    format!(
        "salt file {} holds {bytes} bytes; a salt needs at least {least} (such as the 64 \
         hexadecimal digits of `openssl rand -hex 32`), or the pseudonyms could be guessed from \
         a list of names",
        path.display()
    )
}
