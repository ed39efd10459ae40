//! The text of `verify --classes`: the bug-class matrix and the problems of the exercises'
//! `classes.yaml` declarations.

use std::fmt::{self, Write as _};

use super::verify::VerifyProblem;
use super::{RED, paint, plural};
use crate::bug_classes::{CLASSES, Declaration, DeclarationProblem, InFile};

/// The bug-class matrix of `verify --classes`: a row per exercise, a column per class (numbered,
/// with a legend below), each cell the number of mutants committing that bug, `–` where the API
/// cannot have it, `n/c` where the tests do not catch it (the exercise allows it, or no test can
/// catch it every time), `?` where the exercise does not say.
pub fn class_matrix(rows: &[(&str, Option<&Declaration>)]) -> String {
    let width = rows
        .iter()
        .map(|(id, _)| id.len())
        .max()
        .unwrap_or(8)
        .max(8);
    let mut out = String::new();
    let _ = write!(out, "{:width$}", "");
    for number in 1..=CLASSES.len() {
        let _ = write!(out, " {number:>3}");
    }
    out.push('\n');
    let mut reasons = Vec::new();
    for (id, declaration) in rows {
        let _ = write!(out, "{id:width$}");
        for class in CLASSES {
            let cell = match declaration {
                None => "?".to_owned(),
                Some(d) => {
                    if let Some(mutants) = d.caught.get(class.id) {
                        if mutants.is_empty() {
                            paint(RED, "✗")
                        } else {
                            mutants.len().to_string()
                        }
                    } else if let Some(reason) = d.not_caught.get(class.id) {
                        reasons.push(format!("{id}, {}: {reason}", class.id));
                        "n/c".to_owned()
                    } else if d.not_admitted.iter().any(|c| c == class.id) {
                        "–".to_owned()
                    } else {
                        paint(RED, "?")
                    }
                }
            };
            // Painted cells carry escape codes: pad by the visible width.
            let visible = cell
                .chars()
                .filter(|c| c.is_alphanumeric() || "–?✗/".contains(*c))
                .count();
            let _ = write!(out, " {}{cell}", " ".repeat(3usize.saturating_sub(visible)));
        }
        out.push('\n');
    }
    out.push_str("\nColumns:\n");
    for (number, class) in CLASSES.iter().enumerate() {
        let _ = writeln!(out, "  {:>2}. {} ({})", number + 1, class.name, class.id);
    }
    out.push_str(
        "A number is how many mutants commit that bug; – the exercise cannot have it; n/c not \
         caught: the exercise allows it, or no test can catch it every time (why, below); ? not \
         declared.\n",
    );
    if !reasons.is_empty() {
        out.push_str("\nNot caught, and why:\n");
        for reason in reasons {
            let _ = writeln!(out, "  {reason}");
        }
    }
    out
}

/// The message of one problem of a bug-class declaration, each naming the file. `bug_classes`
/// turns its problems into text through this, so that it need not import `output`.
impl fmt::Display for InFile<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use DeclarationProblem as P;
        let file = self.file;
        match &self.problem {
            P::Missing => write!(
                f,
                "has no classes.yaml: write {file}, saying for every bug class whether its API \
                 admits it and which mutants commit each (see the authors' guide, \"Bug classes\")"
            ),
            P::Invalid(error) => write!(f, "{file} is not valid: {error}"),
            P::UnknownClass(class) => write!(
                f,
                "{file} names an unknown bug class `{class}` (the classes are: {})",
                CLASSES
                    .iter()
                    .map(|class| class.id)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            P::NoMutant(class) => write!(
                f,
                "{file} says the exercise admits `{class}` but names no mutant that commits it: \
                 write one, or move the class to `not_caught` with the reason"
            ),
            P::NoSuchMutant { mutant, class } => write!(
                f,
                "{file} names mutant `{mutant}` for `{class}`, but there is no \
                 mutants/{mutant}.rs"
            ),
            P::CaughtAndNotCaught(class) => {
                write!(f, "{file} lists `{class}` both as caught and as not caught")
            }
            P::NoReason(class) => write!(
                f,
                "{file} says `{class}` cannot be caught but gives no reason"
            ),
            P::NotAdmittedButListed(class) => write!(
                f,
                "{file} lists `{class}` as not admitted and also as caught or not caught"
            ),
            P::Undeclared(class) => write!(
                f,
                "{file} does not say whether the exercise admits `{}` ({}): list it under \
                 caught, not_caught or not_admitted",
                class.id, class.name
            ),
            P::MutantWithoutClass(mutant) => write!(
                f,
                "{file} has no class for mutant {mutant}: add it under the class of its bug"
            ),
        }
    }
}

/// The end of `verify --classes`: the holes in the matrix, or that there are none.
pub fn class_problems(problems: &[VerifyProblem]) -> String {
    if problems.is_empty() {
        return "\nverify --classes: every exercise declares every bug class, and every class it \
                admits has a mutant.\n"
            .to_owned();
    }
    let mut out = String::from("\n");
    for problem in problems {
        out.push_str(&super::verify_problem_line(problem));
    }
    let _ = writeln!(
        out,
        "\nverify --classes: {} {} in the bug-class declarations.",
        problems.len(),
        plural(problems.len(), "problem", "problems")
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bug_classes::declaration_problems;

    #[test]
    fn each_problem_of_a_declaration_names_its_file_and_says_what_to_do() {
        let file = "grader/hidden/03_locks/01_counter/classes.yaml";
        let declaration = Declaration::parse(
            "caught:\n  lost-update: []\n  dedlock: [locks_twice]\n  deadlock: [gone]\n",
        );
        let problems = declaration_problems(file, Some(&declaration), &["locks_twice", "orphan"]);
        for problem in &problems {
            assert!(problem.starts_with(file), "{problem}");
        }
        let all = problems.join("\n");
        assert!(
            all.contains("admits `lost-update` but names no mutant"),
            "{all}"
        );
        assert!(all.contains("unknown bug class `dedlock`"), "{all}");
        assert!(all.contains("no mutants/gone.rs"), "{all}");
        assert!(all.contains("has no class for mutant orphan"), "{all}");
        assert!(
            all.contains("does not say whether the exercise admits `busy-waiting`"),
            "{all}"
        );
    }

    #[test]
    fn a_missing_or_broken_file_is_a_problem_that_names_it() {
        let file = "grader/hidden/03_locks/01_counter/classes.yaml";
        let missing = declaration_problems(file, None, &["load_then_store"]);
        assert_eq!(missing.len(), 1, "{missing:?}");
        assert!(
            missing[0].contains(file) && missing[0].contains("no classes.yaml"),
            "{missing:?}"
        );
        let broken = declaration_problems(file, Some(&Declaration::parse("caugth: {}\n")), &[]);
        assert_eq!(broken.len(), 1, "{broken:?}");
        assert!(
            broken[0].contains(file) && broken[0].contains("not valid"),
            "{broken:?}"
        );
    }
}
