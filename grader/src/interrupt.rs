//! Ctrl-C: stop every test process the grader started, then exit with status 130.
//!
//! Test processes run in process trees of their own (so that a hung one can be killed with
//! everything it started), which on unix also means the terminal's Ctrl-C does not reach them.
//! The grader keeps a killer for each tree it started and uses them itself.

use std::sync::Mutex;

use crate::platform::TreeKiller;

/// Exit status after Ctrl-C, as shells report a process ended by SIGINT.
pub const EXIT_INTERRUPTED: i32 = 130;

/// The trees of the tests running now, by their root process's id.
static RUNNING: Mutex<Vec<(u32, TreeKiller)>> = Mutex::new(Vec::new());

/// Installs the Ctrl-C handler, which prints `message` on standard error once the tests are
/// stopped. Progress is written atomically, so stopping at any moment leaves it as it was
/// before the interrupted check.
///
/// The message is given rather than made here, so that this module, which the runner and
/// cargo's driver call, does not import `output`.
pub fn install(message: String) {
    let _ = ctrlc::set_handler(move || {
        for (_, killer) in RUNNING.lock().unwrap_or_else(|p| p.into_inner()).drain(..) {
            killer.kill();
        }
        eprint!("{message}");
        std::process::exit(EXIT_INTERRUPTED);
    });
}

/// Remembers a running test's tree until [`forget`].
pub fn remember(id: u32, killer: TreeKiller) {
    RUNNING
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .push((id, killer));
}

/// Forgets a tree that has been killed.
pub fn forget(id: u32) {
    RUNNING
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .retain(|(running, _)| *running != id);
}
