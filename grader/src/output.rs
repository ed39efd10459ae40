//! Everything the grader prints for people, in one place, so that output stays consistent:
//! this file holds what every kind of text shares (colour, marks, indentation, durations,
//! sizes, plurals, printing at once), and each file of `output/` the text of one command or
//! concern. Callers name every function from here (`output::exercise_report`): where a text
//! lives inside `output` is this module's business.
//!
//! Each function returns the text instead of printing it, so tests and the JSON path share the
//! same data and `main` decides where text goes.
//!
//! Text is coloured only when `main` turned colour on ([`set_colour`]): when standard output is a
//! terminal and `NO_COLOR` is not set ([`colour_wanted`]). Anywhere else (a pipe, a file, a test)
//! it is plain.

mod autograder;
mod bug_classes;
mod check;
mod class;
mod course;
mod editor;
mod errors;
mod grading;
mod learner;
mod run;
mod verify;
mod watch;

pub use autograder::*;
pub use bug_classes::*;
pub use check::*;
pub use class::*;
pub use editor::*;
pub use errors::*;
pub use grading::*;
pub use learner::*;
pub use run::*;
pub use verify::*;
pub use watch::*;

use std::ffi::OsStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anstyle::{AnsiColor, Style};

use crate::verdict::Status;

/// Whether the text of this module is coloured; see [`set_colour`].
static COLOUR: AtomicBool = AtomicBool::new(false);

const GREEN: Style = AnsiColor::Green.on_default();

const RED: Style = AnsiColor::Red.on_default();

const YELLOW: Style = AnsiColor::Yellow.on_default();

const DIM: Style = Style::new().dimmed();

const BOLD: Style = Style::new().bold();

/// Whether people reading standard output should get colour: only when it is a terminal, and
/// never when `NO_COLOR` is set to a non-empty value (<https://no-color.org>).
pub fn colour_wanted(stdout_is_terminal: bool, no_color: Option<&OsStr>) -> bool {
    stdout_is_terminal && no_color.is_none_or(OsStr::is_empty)
}

/// Turns colour on or off for all the text this module makes from now on.
pub fn set_colour(on: bool) {
    COLOUR.store(on, Ordering::Relaxed);
}

/// `text` in `style` when colour is on; `text` alone otherwise.
fn paint(style: Style, text: &str) -> String {
    if COLOUR.load(Ordering::Relaxed) {
        format!("{style}{text}{style:#}")
    } else {
        text.to_owned()
    }
}

fn tick() -> String {
    paint(GREEN, "✓")
}

fn cross() -> String {
    paint(RED, "✗")
}

fn mark(status: Status) -> String {
    if status == Status::Passed {
        tick()
    } else {
        cross()
    }
}

fn indent(text: &str, by: &str) -> String {
    text.lines()
        .map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!("{by}{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `one` when there is one of a thing, `many` otherwise: `plural(n, "exercise", "exercises")`,
/// `plural(n, "was", "were")`. Both forms are written out, so that an irregular one needs no
/// second helper.
pub fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 { one } else { many }
}

/// A duration as people read it: `45 s`, `2.5 s`, `8 min`, `7 min 30 s`.
pub fn duration(time: Duration) -> String {
    let seconds = time.as_secs();
    if seconds >= 60 {
        let (minutes, seconds) = (seconds / 60, seconds % 60);
        if seconds == 0 {
            format!("{minutes} min")
        } else {
            format!("{minutes} min {seconds} s")
        }
    } else if time.subsec_millis() == 0 || seconds >= 10 {
        format!("{seconds} s")
    } else {
        format!("{:.1} s", time.as_secs_f64())
    }
}

/// A size in bytes as people read it: `640 MiB`, `4 GiB`.
pub fn bytes(size: u64) -> String {
    if size >= 1 << 30 && size.is_multiple_of(1 << 30) {
        format!("{} GiB", size >> 30)
    } else {
        format!("{} MiB", size >> 20)
    }
}

/// Prints and flushes, so that a learner sees each verdict as soon as it is known.
pub fn print_now(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = std::io::Write::write_all(&mut stdout, text.as_bytes());
    let _ = std::io::Write::flush(&mut stdout);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_picks_the_form_by_count() {
        assert_eq!(plural(1, "exercise", "exercises"), "exercise");
        assert_eq!(plural(0, "exercise", "exercises"), "exercises");
        assert_eq!(plural(2, "was", "were"), "were");
    }

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        let set = |value: &str| Some(OsStr::new(value).to_owned());
        for (terminal, no_color, expected) in [
            (true, None, true),
            (true, set(""), true),
            (true, set("1"), false),
            (true, set("0"), false),
            (false, None, false),
            (false, set(""), false),
            (false, set("1"), false),
        ] {
            assert_eq!(
                colour_wanted(terminal, no_color.as_deref()),
                expected,
                "terminal: {terminal}, NO_COLOR: {no_color:?}"
            );
        }
    }
}
