//! What grading writes into verdicts for people to read: the messages of checks that timed out,
//! were not run or ran out of memory, the notes of exercises the budget stopped, and the one
//! note about a machine that gives weaker guarantees.

use std::fmt::Write as _;
use std::time::Duration;

use super::{YELLOW, bytes, duration, paint};
use crate::budget::Limit;
use crate::memory::MemoryAllowance;
use crate::platform::Weakness;

/// The note for a file that compiles but not for the model checker: `reason` is the first
/// thing the compiler refused.
pub fn unmodelled(reason: &str) -> String {
    format!(
        "The model tests did not run: your file uses something the model checker cannot explore \
         (built for the checker, it failed with: {reason}). The stress tests alone judge it."
    )
}

/// How much memory a test may use, and why not more when the container decided.
pub fn memory_allowance(allowance: MemoryAllowance) -> String {
    match allowance.container {
        Some(container) => format!(
            "a test may use at most {}: what this machine's {} leave once the grader has its \
             share",
            bytes(allowance.bytes),
            bytes(container)
        ),
        None => format!("a test may use at most {}", bytes(allowance.bytes)),
    }
}

/// The first line of a timed-out test's message: how long it had, and why less than its
/// timeout when the check's time budget shortened it.
pub fn timed_out(allowed: Duration, timeout: Duration) -> String {
    if allowed < timeout {
        format!(
            "did not finish within {} and was stopped (its {} were shortened so that the whole \
             check fits in its time budget; the tests before it hung or ran long).",
            duration(allowed),
            duration(timeout)
        )
    } else {
        format!(
            "did not finish within {} and was stopped.",
            duration(timeout)
        )
    }
}

/// Why a check was not run.
pub fn not_run(limit: Limit) -> String {
    match limit {
        Limit::Budget(total) => format!(
            "not run: the time budget was spent (a check of the course may take {} in all, and \
             the tests before this one hung or ran long). Fix those first.",
            duration(total)
        ),
        Limit::Exercise(total) => format!(
            "not run: this exercise's tests had already used the {} they may take in all (the \
             tests before this one hung or ran long).",
            duration(total)
        ),
    }
}

/// The note of an exercise whose build was stopped when the time budget was spent.
pub fn build_not_finished(total: Duration) -> String {
    format!(
        "Not run: the time budget was spent before this file was built (a check of the course \
         may take {} in all, building the files included).",
        duration(total)
    )
}

/// The note of an exercise whose turn never came: the budget was spent before it.
pub fn exercise_not_run(total: Duration) -> String {
    format!(
        "Not run: the time budget was spent before this exercise's turn (a check of the course \
         may take {} in all, building the files and grading the exercises before it included).",
        duration(total)
    )
}

/// The one note saying what this machine would not let the grader do, so that a learner knows
/// which guarantees are weaker here; empty when nothing is.
pub fn weaker_machine(weaknesses: &[Weakness]) -> String {
    if weaknesses.is_empty() {
        return String::new();
    }
    let mut text = format!(
        "{} grading goes on, with less protection on this machine:\n",
        paint(YELLOW, "note:")
    );
    for weakness in weaknesses {
        let line = match weakness {
            Weakness::TreeCleanUp => {
                "the system refused a Job Object, so the grader kills a test's processes one by \
                 one as it finds them; a process that starts while they are killed may outlive \
                 the test"
            }
            Weakness::MemoryCap => {
                "the system would not cap a test's memory, so a test that allocates without end \
                 uses the machine's memory until its deadline"
            }
            Weakness::ThreadCap => {
                "threads cannot be counted here, so a test that starts threads without end is \
                 stopped only by its deadline"
            }
            Weakness::HangDescription => {
                "a test that hangs is reported without what its threads were doing (is the proc \
                 file system mounted?)"
            }
        };
        let _ = writeln!(text, "  - {line}");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_weaker_machine_gets_one_note_naming_each_weakness() {
        assert_eq!(weaker_machine(&[]), "");
        let note = weaker_machine(&[Weakness::ThreadCap, Weakness::HangDescription]);
        assert!(note.starts_with("note: grading goes on"), "{note}");
        assert_eq!(note.matches("note:").count(), 1, "{note}");
        assert!(note.contains("threads cannot be counted"), "{note}");
        assert!(note.contains("proc file system"), "{note}");
    }
}
