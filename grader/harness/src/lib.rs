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
//! hoping for them; [`types`] checks at compile time that the learner's types may cross threads.
//! Everything they ask of the operating system goes through [`platform`], which says per system
//! what each probe sees, and what "unknown" means.
//!
//! # Which helper when
//!
//! - [`time::within`]: any call that might hang (a `pop`, a `wait`, a `stop`); a hang fails
//!   the test naming that call, instead of running into the grader's deadline.
//! - [`time::join`]: joining a thread of the test's own that should end; a hang is named as
//!   with `within`, and a panic of the thread is passed on with its own message.
//! - [`time::Kept`]: holding a learner's value whose `Drop` might hang (it owns a thread); the
//!   test drops it within a deadline, and a failing test leaks it instead of hanging in it.
//! - [`types::assert_send`], [`types::assert_sync`], [`types::assert_send_sync`]: the
//!   exercise's type must be `Send`, `Sync` or both; checked by the compiler, before any test.
//! - [`sync::Rendezvous`]: threads that must be inside an operation at the same time; a solution
//!   that runs them one at a time fails with a message instead of a hang.
//! - [`chaos`]: a racy read-modify-write that a busy machine might let through; a
//!   [`chaos::Chaos`] pauses the threads that called [`chaos::join`] at any instruction.
//! - [`race`]: two operations that must not interleave badly, within a window of nanoseconds;
//!   rounds across a [`race::StartLine`], played until enough of them truly overlapped.
//! - [`awake::watch`]: threads that wait must sleep, not spin or yield; judged against a spinning
//!   thread of the test's own, whatever the load.
//! - [`cpu::OtherThreads`]: waiting until every thread but the test's keeps still before the
//!   next step.
//! - [`watched::WatchedThread`]: waiting until one thread is asleep, or has certainly run again
//!   (so that a polling loop saw the last step) before the next step.

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
pub mod types;
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
