//! Ctrl-C: stop every test process the grader started, then exit with status 130.
//!
//! Test processes run in process groups of their own (so that a hung one can be killed with
//! everything it started), which also means the terminal's Ctrl-C does not reach them. The
//! grader keeps track of the groups it started and kills them itself.

use std::sync::Mutex;

/// Exit status after Ctrl-C, as shells report a process ended by SIGINT.
pub const EXIT_INTERRUPTED: i32 = 130;

static RUNNING_GROUPS: Mutex<Vec<u32>> = Mutex::new(Vec::new());

/// Installs the Ctrl-C handler. Progress is written atomically, so stopping at any moment
/// leaves it as it was before the interrupted check.
pub fn install() {
    let _ = ctrlc::set_handler(|| {
        for group in RUNNING_GROUPS
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .drain(..)
        {
            kill_group(group);
        }
        eprintln!("\ninterrupted: stopped the running tests; nothing was recorded for this check");
        std::process::exit(EXIT_INTERRUPTED);
    });
}

/// Remembers a running test's process group until [`forget`].
pub fn remember(group: u32) {
    RUNNING_GROUPS
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .push(group);
}

/// Forgets a process group that has been killed.
pub fn forget(group: u32) {
    RUNNING_GROUPS
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .retain(|g| *g != group);
}

/// Kills every process in `group`.
pub fn kill_group(group: u32) {
    // SAFETY: kill has no memory-safety preconditions; a group that is already gone is ESRCH.
    unsafe {
        libc::kill(-(group as libc::pid_t), libc::SIGKILL);
    }
}
