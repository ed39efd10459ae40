//! What grading writes into verdicts for people to read: the messages of checks that timed out,
//! were not run or ran out of memory and of compile-fail checks, what stands in for the
//! compiler's output when a file cannot be built, the cut in a flood of output, the notes of
//! exercises the budget stopped, and the one note about a machine that gives weaker guarantees.

use std::fmt::Write as _;
use std::time::Duration;

use super::{YELLOW, bytes, duration, paint};
use crate::budget::Limit;
use crate::deadlock::{BlockedOn, Deadlock};
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

/// A test stopped before its deadline because it deadlocked: which threads waited for what, and
/// what that usually means.
pub fn deadlocked(found: &Deadlock) -> String {
    let mut lines = vec![
        "deadlocked, and was stopped at once: every thread was asleep waiting for another, with \
         no timeout, so none of them could ever wake up:"
            .to_owned(),
    ];
    let locks = found
        .threads
        .iter()
        .filter_map(|t| match t.on {
            BlockedOn::Lock(number) => Some(number),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let what = |on: &BlockedOn| match on {
        BlockedOn::Lock(_) if locks == 1 => "waiting to lock a Mutex".to_owned(),
        BlockedOn::Lock(number) => format!("waiting to lock a Mutex (lock {number})"),
        BlockedOn::Join(name) => {
            format!("waiting for {} to end (join)", super::thread_group(name, 1))
        }
        BlockedOn::Parked => {
            "waiting for a message or a wake-up (a channel's recv, thread::park)".to_owned()
        }
        BlockedOn::Other => {
            "waiting on a condition variable or a lock (Condvar::wait, an RwLock, parking_lot)"
                .to_owned()
        }
    };
    // Many threads waiting alike are one line.
    let mut groups: Vec<(&str, String, usize)> = Vec::new();
    for thread in &found.threads {
        let doing = what(&thread.on);
        match groups
            .iter_mut()
            .find(|(name, group_doing, _)| *name == thread.name && *group_doing == doing)
        {
            Some(group) => group.2 += 1,
            None => groups.push((&thread.name, doing, 1)),
        }
    }
    for (name, doing, count) in groups {
        lines.push(format!("  - {}: {doing}", super::thread_group(name, count)));
    }
    lines.push(
        match locks {
            0 => {
                "Each of them waits for something only another of them could do: a notify, a \
                  message, the end of a thread."
            }
            1 => {
                "The lock is held by a thread that is waiting too (or by the very thread that \
                  asks for it again: a Mutex cannot be taken twice), so it is never released."
            }
            _ => {
                "Each lock is held by a thread that is waiting too, so none is ever released: \
                  two threads that take the same two locks in opposite orders each end up \
                  holding the lock the other one wants. Take locks in one fixed order."
            }
        }
        .to_owned(),
    );
    lines.join("\n")
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

/// The verdict's text for an empty file, in place of the compiler's output.
pub fn empty_file(path: &str) -> String {
    format!(
        "{path}: the file is empty: write the exercise in it, or restore the stub with \
         `git checkout -- {path}`"
    )
}

/// The verdict's text for a file that is not UTF-8 (`offset` is that of the first invalid
/// byte), in place of the compiler's output.
pub fn not_utf8(path: &str, offset: usize) -> String {
    format!(
        "{path}: the file is not UTF-8 text (invalid byte at offset {offset}); Rust source must \
         be UTF-8"
    )
}

/// The verdict's text for a file that compiles but not with the hidden tests: `headlines` are
/// the compiler's first lines about the tests' code, which the learner never sees.
pub fn api_mismatch(headlines: &[&str]) -> String {
    format!(
        "Your file compiles, but the hidden tests cannot use it: they call the API described at \
         the top of the exercise, and the compiler said:\n  {}\nCheck the names, parameters \
         and return types of your public items against that description, and whether your \
         types are `Send` and `Sync` where it says they must be.",
        headlines.join("\n  ")
    )
}

/// A test's captured output, `kept`, with a line saying how much more was printed and cut
/// (`dropped` bytes; the grader keeps `kept_bytes`).
pub fn cut_output(kept: &str, dropped: u64, kept_bytes: usize) -> String {
    format!(
        "{kept}\n… {dropped} more bytes of output were cut (the grader keeps the first {} KiB)",
        kept_bytes / 1024
    )
}

/// A compile-fail check whose control (a correct use of the API) did not compile: `proves` is
/// what the check proves (the case's `//!` line), `headline` the compiler's first error.
pub fn control_did_not_compile(proves: &str, headline: &str) -> String {
    format!(
        "this check proves that {}, but first it compiles a correct use of your API, and that \
         did not compile:\n  {headline}\nThe check cannot tell anything until the API matches \
         the one described at the top of the exercise.",
        lowercase_first(proves)
    )
}

/// A misuse that compiled: the learner's API allows what it must refuse. `wanted` are the
/// errors (code, phrase) the compiler should have reported.
pub fn misuse_accepted(proves: &str, wanted: &[(&str, &str)]) -> String {
    format!(
        "the compiler accepted a misuse it must refuse: {}. Your code allows it; the compiler \
         should have reported error {}.",
        lowercase_first(proves),
        wanted_errors(wanted)
    )
}

/// A misuse refused for another reason than the one the check looks for: `got` are the
/// compiler's headlines, of which the first three are shown.
pub fn misuse_refused_otherwise(proves: &str, wanted: &[(&str, &str)], got: &[String]) -> String {
    format!(
        "this misuse must not compile ({}), and it did not, but for another reason: expected \
         error {}, got:\n  {}",
        lowercase_first(proves),
        wanted_errors(wanted),
        got.iter()
            .take(3)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("\n  ")
    )
}

/// Errors a misuse must produce: `E0277`, or `E0277 ("cannot be sent")` with its phrase.
fn wanted_errors(wanted: &[(&str, &str)]) -> String {
    wanted
        .iter()
        .map(|(code, phrase)| {
            if phrase.is_empty() {
                (*code).to_owned()
            } else {
                format!("{code} (\"{phrase}\")")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A case's `//!` line inside a sentence.
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
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
