//! The kinds of concurrency bug the course promises to catch, and each exercise's declaration of
//! which of them its API admits (`grader/hidden/…/classes.yaml`), checked by `verify` against
//! the mutants: every class an exercise admits has a mutant that commits exactly that bug.
//!
//! The list is the authors' guide's (`grader/hidden/README.md`, "Bug classes"), in the same
//! order; a class is named in course data by its id.

use std::collections::BTreeMap;

use serde::Deserialize;

/// One kind of bug.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BugClass {
    /// Its name in course data and on the command line, such as `lost-update`.
    pub id: &'static str,
    /// Its name in a sentence.
    pub name: &'static str,
}

/// Every class, in the authors' guide's order.
pub const CLASSES: &[BugClass] = &[
    BugClass {
        id: "lost-update",
        name: "lost update",
    },
    BugClass {
        id: "check-then-act",
        name: "check-then-act",
    },
    BugClass {
        id: "lost-wake-up",
        name: "lost wake-up",
    },
    BugClass {
        id: "if-not-while",
        name: "`if` instead of `while` around a wait",
    },
    BugClass {
        id: "wrong-notify",
        name: "wrong notify",
    },
    BugClass {
        id: "deadlock",
        name: "deadlock",
    },
    BugClass {
        id: "busy-waiting",
        name: "busy waiting",
    },
    BugClass {
        id: "serialisation",
        name: "serialisation",
    },
    BugClass {
        id: "leak-or-double-drop",
        name: "leak or double drop",
    },
    BugClass {
        id: "lost-panic",
        name: "lost panic",
    },
    BugClass {
        id: "weak-ordering",
        name: "weak ordering",
    },
    BugClass {
        id: "unsound-send-sync",
        name: "unsound `Send`/`Sync`",
    },
    BugClass {
        id: "unfairness",
        name: "starvation or unfairness",
    },
    BugClass {
        id: "escaped-thread",
        name: "a thread that outlives its owner",
    },
    BugClass {
        id: "timing",
        name: "a wrong timeout",
    },
    BugClass {
        id: "contract",
        name: "a broken promise of the API",
    },
];

/// The class with this id.
pub fn by_id(id: &str) -> Option<&'static BugClass> {
    CLASSES.iter().find(|class| class.id == id)
}

/// An exercise's `classes.yaml`, which every exercise has: every class, said to be caught (with
/// the mutants that commit it), not caught (with the reason: the exercise allows it, or no test
/// can catch it every time), or not admitted by the exercise's API. Naming every class makes an
/// author walk the whole list for every exercise.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Declaration {
    /// Admitted classes with the names of their mutants (files of `mutants/`, without `.rs`).
    #[serde(default)]
    pub caught: BTreeMap<String, Vec<String>>,
    /// Admitted classes that the tests do not catch for this exercise, with the reason: the
    /// exercise allows the behaviour, or no test can catch it every time.
    #[serde(default)]
    pub not_caught: BTreeMap<String, String>,
    /// Classes the exercise's API cannot have (a counter cannot lose a wake-up).
    #[serde(default)]
    pub not_admitted: Vec<String>,
}

impl Declaration {
    /// Reads a `classes.yaml`.
    pub fn parse(text: &str) -> Result<Declaration, String> {
        serde_yaml::from_str(text).map_err(|error| error.to_string())
    }

    /// What is wrong with the declaration, given the exercise's mutants' names: unknown classes,
    /// classes without a mutant, mutants that do not exist, mutants that belong to no class.
    pub fn problems(&self, mutants: &[&str]) -> Vec<DeclarationProblem> {
        use DeclarationProblem as P;
        let mut problems = Vec::new();
        for (class, named) in &self.caught {
            if by_id(class).is_none() {
                problems.push(P::UnknownClass(class.clone()));
            }
            if named.is_empty() {
                problems.push(P::NoMutant(class.clone()));
            }
            for mutant in named {
                if !mutants.contains(&mutant.as_str()) {
                    problems.push(P::NoSuchMutant {
                        mutant: mutant.clone(),
                        class: class.clone(),
                    });
                }
            }
        }
        for (class, reason) in &self.not_caught {
            if by_id(class).is_none() {
                problems.push(P::UnknownClass(class.clone()));
            }
            if self.caught.contains_key(class) {
                problems.push(P::CaughtAndNotCaught(class.clone()));
            }
            if reason.trim().is_empty() {
                problems.push(P::NoReason(class.clone()));
            }
        }
        for class in &self.not_admitted {
            if by_id(class).is_none() {
                problems.push(P::UnknownClass(class.clone()));
            }
            if self.caught.contains_key(class) || self.not_caught.contains_key(class) {
                problems.push(P::NotAdmittedButListed(class.clone()));
            }
        }
        for class in CLASSES {
            if !self.caught.contains_key(class.id)
                && !self.not_caught.contains_key(class.id)
                && !self.not_admitted.iter().any(|c| c == class.id)
            {
                problems.push(P::Undeclared(class));
            }
        }
        for mutant in mutants {
            if !self
                .caught
                .values()
                .any(|named| named.iter().any(|n| n == mutant))
            {
                problems.push(P::MutantWithoutClass((*mutant).to_owned()));
            }
        }
        problems
    }
}

/// One thing wrong with an exercise's `classes.yaml`.
///
/// Its words are `output`'s, like every text for people: `output::bug_classes` implements
/// `Display` for [`InFile`]. This module only calls that (through `to_string`), so it never
/// imports `output`, which imports this module's catalogue and declarations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeclarationProblem {
    /// The exercise has no `classes.yaml`.
    Missing,
    /// The file cannot be read as a declaration; the parser's message.
    Invalid(String),
    /// A class the catalogue does not have.
    UnknownClass(String),
    /// A class said to be caught with no mutant that commits it.
    NoMutant(String),
    /// A mutant named for a class that has no file in `mutants/`.
    NoSuchMutant {
        /// The mutant's name.
        mutant: String,
        /// The class it was named for.
        class: String,
    },
    /// A class listed both as caught and as not caught.
    CaughtAndNotCaught(String),
    /// A class said not to be caught without the reason.
    NoReason(String),
    /// A class listed as not admitted and also as caught or not caught.
    NotAdmittedButListed(String),
    /// A class of the catalogue the declaration does not mention.
    Undeclared(&'static BugClass),
    /// A mutant of the exercise that no class names.
    MutantWithoutClass(String),
}

/// A problem of the declaration in `file` (its path, which every message names).
#[derive(Debug)]
pub struct InFile<'a> {
    /// The declaration's path.
    pub file: &'a str,
    /// What is wrong with it.
    pub problem: DeclarationProblem,
}

/// What is wrong with an exercise's bug-class declaration: the file `file` (its path, for the
/// messages), which every exercise must have, read as `declaration` (`None` when there is no
/// such file), given the names of the exercise's mutants. Each problem names the file.
pub fn declaration_problems(
    file: &str,
    declaration: Option<&Result<Declaration, String>>,
    mutants: &[&str],
) -> Vec<String> {
    let problems = match declaration {
        None => vec![DeclarationProblem::Missing],
        Some(Err(error)) => vec![DeclarationProblem::Invalid(error.clone())],
        Some(Ok(declaration)) => declaration.problems(mutants),
    };
    problems
        .into_iter()
        .map(|problem| InFile { file, problem }.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_complete_declaration_has_no_problems() {
        let declaration = Declaration::parse(
            "caught:\n  lost-update: [load_then_store]\n  deadlock: [locks_twice]\n\
             not_caught:\n  unfairness: std's Mutex promises no order\n\
             not_admitted: [check-then-act, lost-wake-up, if-not-while, wrong-notify, \
             busy-waiting, serialisation, leak-or-double-drop, lost-panic, weak-ordering, \
             unsound-send-sync, escaped-thread, timing, contract]\n",
        )
        .unwrap();
        assert_eq!(
            declaration.problems(&["load_then_store", "locks_twice"]),
            Vec::new()
        );
    }

    #[test]
    fn holes_and_strays_are_problems() {
        use DeclarationProblem as P;
        let declaration = Declaration::parse(
            "caught:\n  lost-update: []\n  dedlock: [locks_twice]\n  deadlock: [gone]\n",
        )
        .unwrap();
        let problems = declaration.problems(&["locks_twice", "orphan"]);
        for expected in [
            P::NoMutant("lost-update".to_owned()),
            P::UnknownClass("dedlock".to_owned()),
            P::NoSuchMutant {
                mutant: "gone".to_owned(),
                class: "deadlock".to_owned(),
            },
            P::MutantWithoutClass("orphan".to_owned()),
            P::Undeclared(by_id("busy-waiting").unwrap()),
        ] {
            assert!(problems.contains(&expected), "{expected:?} in {problems:?}");
        }
    }

    #[test]
    fn unknown_fields_are_refused() {
        assert!(Declaration::parse("caugth: {}\n").is_err());
    }
}
