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
    pub fn problems(&self, mutants: &[&str]) -> Vec<String> {
        let mut problems = Vec::new();
        for (class, named) in &self.caught {
            if by_id(class).is_none() {
                problems.push(format!(
                    "names an unknown bug class `{class}` (the classes are: {})",
                    ids()
                ));
            }
            if named.is_empty() {
                problems.push(format!(
                    "says the exercise admits `{class}` but names no mutant that commits it: \
                     write one, or move the class to `not_caught` with the reason"
                ));
            }
            for mutant in named {
                if !mutants.contains(&mutant.as_str()) {
                    problems.push(format!(
                        "names mutant `{mutant}` for `{class}`, but there is no \
                         mutants/{mutant}.rs"
                    ));
                }
            }
        }
        for (class, reason) in &self.not_caught {
            if by_id(class).is_none() {
                problems.push(format!(
                    "names an unknown bug class `{class}` (the classes are: {})",
                    ids()
                ));
            }
            if self.caught.contains_key(class) {
                problems.push(format!("lists `{class}` both as caught and as not caught"));
            }
            if reason.trim().is_empty() {
                problems.push(format!(
                    "says `{class}` cannot be caught but gives no reason"
                ));
            }
        }
        for class in &self.not_admitted {
            if by_id(class).is_none() {
                problems.push(format!(
                    "names an unknown bug class `{class}` (the classes are: {})",
                    ids()
                ));
            }
            if self.caught.contains_key(class) || self.not_caught.contains_key(class) {
                problems.push(format!(
                    "lists `{class}` as not admitted and also as caught or not caught"
                ));
            }
        }
        for class in CLASSES {
            if !self.caught.contains_key(class.id)
                && !self.not_caught.contains_key(class.id)
                && !self.not_admitted.iter().any(|c| c == class.id)
            {
                problems.push(format!(
                    "does not say whether the exercise admits `{}` ({}): list it under caught, \
                     not_caught or not_admitted",
                    class.id, class.name
                ));
            }
        }
        for mutant in mutants {
            if !self
                .caught
                .values()
                .any(|named| named.iter().any(|n| n == mutant))
            {
                problems.push(format!(
                    "has no class for mutant {mutant}: add it under the class of its bug"
                ));
            }
        }
        problems
    }
}

/// What is wrong with an exercise's bug-class declaration: the file `file` (its path, for the
/// messages), which every exercise must have, read as `declaration` (`None` when there is no
/// such file), given the names of the exercise's mutants. Each problem names the file.
pub fn declaration_problems(
    file: &str,
    declaration: Option<&Result<Declaration, String>>,
    mutants: &[&str],
) -> Vec<String> {
    match declaration {
        None => vec![crate::output::no_class_declaration(file)],
        Some(Err(error)) => vec![crate::output::invalid_class_declaration(file, error)],
        Some(Ok(declaration)) => declaration
            .problems(mutants)
            .into_iter()
            .map(|problem| format!("{file} {problem}"))
            .collect(),
    }
}

fn ids() -> String {
    CLASSES
        .iter()
        .map(|class| class.id)
        .collect::<Vec<_>>()
        .join(", ")
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
            Vec::<String>::new()
        );
    }

    #[test]
    fn holes_and_strays_are_problems() {
        let declaration = Declaration::parse(
            "caught:\n  lost-update: []\n  dedlock: [locks_twice]\n  deadlock: [gone]\n",
        )
        .unwrap();
        let problems = declaration.problems(&["locks_twice", "orphan"]);
        let all = problems.join("\n");
        assert!(all.contains("names no mutant"), "{all}");
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

    #[test]
    fn each_problem_of_a_declaration_names_its_file() {
        let file = "grader/hidden/03_locks/01_counter/classes.yaml";
        let declaration = Declaration::parse("caught:\n  lost-update: []\n");
        let problems = declaration_problems(file, Some(&declaration), &[]);
        assert!(!problems.is_empty());
        for problem in &problems {
            assert!(problem.starts_with(file), "{problem}");
        }
        assert!(
            problems
                .iter()
                .any(|p| p.contains("admits `lost-update` but names no mutant")),
            "{problems:?}"
        );
    }

    #[test]
    fn unknown_fields_are_refused() {
        assert!(Declaration::parse("caugth: {}\n").is_err());
    }
}
