//! For the harness's own unit tests: the tests that keep threads spinning take turns.
//!
//! A race proves something only while its threads run at the same moment, and a test that
//! measures CPU time counts every thread of the process. `cargo test` runs unit tests side by
//! side, so on a machine of two cores one spinning test would starve another of the cores it
//! needs, or add to what it measures. Each such test holds a turn for as long as it runs.

use std::sync::{Mutex, MutexGuard, PoisonError};

static TURN: Mutex<()> = Mutex::new(());

/// Waits until no other spinning test runs; the turn lasts as long as the returned guard.
pub(crate) fn take_turn() -> MutexGuard<'static, ()> {
    // A test that panicked while holding its turn has already failed; the others go on.
    TURN.lock().unwrap_or_else(PoisonError::into_inner)
}
