//! The runtime every hidden test binary is built on.
//!
//! A hidden test file ends with [`hidden_tests!`], which writes the binary's `main`. The grader
//! runs that binary once per test, each in a process of its own:
//!
//! - `hidden --list` prints the names of the tests, one per line;
//! - `hidden --run NAME` reads a one-line secret from standard input, runs the test and, only if
//!   the test function returned, prints a line holding that secret. A learner's file cannot print
//!   that line (it never sees the secret), so exiting early or printing a fake "test result: ok"
//!   can never count as a pass. Every other outcome is a failure the grader explains.
//!
//! The helpers in [`sync`], [`time`], [`race`], [`chaos`], [`cpu`], [`awake`] and [`watched`]
//! let a test force the interleavings that make concurrency bugs certain to show, rather than
//! hoping for them. Everything they ask of the operating system goes through [`platform`], which
//! says per system what each probe sees, and what "unknown" means.

pub mod awake;
pub mod chaos;
pub mod cpu;
pub mod platform;
mod protocol;
pub mod race;
mod runner;
pub mod sync;
pub mod time;
#[cfg(test)]
mod turns;
pub mod watched;

pub use protocol::{FAIL_PREFIX, NOTE_PREFIX, PASS_PREFIX, escape, unescape};
pub use runner::{Test, run_main, without_recording_panics};

/// Writes `main` for a hidden test binary from the names of its test functions.
///
/// ```no_run
/// fn starts_at_zero() { /* … */ }
/// fn counts_every_increment() { /* … */ }
///
/// harness::hidden_tests![starts_at_zero, counts_every_increment];
/// ```
#[macro_export]
macro_rules! hidden_tests {
    ($($name:ident),+ $(,)?) => {
        fn main() {
            $crate::run_main(&[$($crate::Test { name: stringify!($name), run: $name }),+]);
        }
    };
}
