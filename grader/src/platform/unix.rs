//! Process trees on Linux and macOS: a process group per test, killed with one `kill(-group)`,
//! and what a signal means. The probes differ between the two and live in `linux.rs` and
//! `macos.rs`.

use std::fs::{File, Permissions};
use std::io;
use std::os::unix::fs::PermissionsExt as _;
use std::os::unix::process::{CommandExt as _, ExitStatusExt as _};
use std::path::Path;
use std::process::{Child, Command, ExitStatus};

#[cfg(target_os = "linux")]
use super::linux as os;
#[cfg(target_os = "macos")]
use super::macos as os;
use super::{Access, Crash, CrashCause, Ending, Limits, MemoryCap, ThreadState, Weakness};

/// The process group of one test: its id is the test process's own.
pub struct Tree {
    group: libc::pid_t,
    memory_cap: MemoryCap,
}

/// Kills a process group.
#[derive(Clone)]
pub struct Killer {
    group: libc::pid_t,
}

impl Killer {
    pub fn kill(&self) {
        kill_group(self.group);
    }
}

/// The mode bits of a file (`folder` false) or folder with `access`.
fn mode(access: Access, folder: bool) -> u32 {
    match (access, folder) {
        (Access::Everyone, false) => 0o644,
        (Access::Everyone, true) => 0o755,
        (Access::OwnerOnly, false) => 0o600,
        (Access::OwnerOnly, true) => 0o700,
    }
}

/// `fchmod`: the umask applies only when a file is created, never to an explicit mode.
pub fn set_file_access(file: &File, access: Access) -> io::Result<()> {
    file.set_permissions(Permissions::from_mode(mode(access, false)))
}

/// `chmod` on a folder.
pub fn set_folder_access(folder: &Path, access: Access) -> io::Result<()> {
    std::fs::set_permissions(folder, Permissions::from_mode(mode(access, true)))
}

/// Starts `command` as the leader of a new process group, with the caps set between fork and
/// exec.
pub fn spawn(command: &mut Command, limits: Limits) -> io::Result<(Child, Tree, Vec<Weakness>)> {
    // A group of its own, so that the test and every process it starts can be killed at once.
    command.process_group(0);
    let memory = limits.memory_bytes;
    // SAFETY: the closure runs between fork and exec and only calls setrlimit, which is
    // async-signal-safe, on values it owns; it allocates nothing and takes no lock.
    unsafe {
        command.pre_exec(move || {
            os::limit_this_process(memory);
            Ok(())
        });
    }
    let child = command.spawn()?;
    let tree = Tree {
        group: child.id() as libc::pid_t,
        memory_cap: os::memory_cap(),
    };
    let weaknesses = if tree.memory_cap == MemoryCap::Missing {
        vec![Weakness::MemoryCap]
    } else {
        Vec::new()
    };
    Ok((child, tree, weaknesses))
}

impl Tree {
    pub fn kill(&self, _root: &mut Child) {
        kill_group(self.group);
    }

    pub fn killer(&self) -> Killer {
        Killer { group: self.group }
    }

    pub fn memory_cap(&self) -> MemoryCap {
        self.memory_cap
    }

    pub fn thread_count(&self, _root: &Child) -> Option<usize> {
        os::thread_count(self.group)
    }

    pub fn resident_bytes(&self, _root: &Child) -> Option<u64> {
        os::resident_bytes(self.group)
    }

    pub fn thread_states(&self) -> Option<Vec<ThreadState>> {
        os::thread_states(self.group)
    }

    /// Whether the tree is contained as designed: a process group always is.
    #[cfg(test)]
    pub fn contained(&self) -> bool {
        true
    }
}

/// Kills every process in `group`.
fn kill_group(group: libc::pid_t) {
    // SAFETY: kill has no memory-safety preconditions; a group that is already gone is ESRCH.
    // The group id is a test process's own, which is never 0 or 1 (that would be "every
    // process").
    unsafe {
        libc::kill(-group, libc::SIGKILL);
    }
}

/// How a process ended: an exit code, or the signal that ended it.
pub fn ending(status: ExitStatus) -> Ending {
    let Some(signal) = status.signal() else {
        return Ending::Exited(status.code().unwrap_or(-1));
    };
    let (cause, name) = match signal {
        libc::SIGABRT => (CrashCause::Abort, "SIGABRT"),
        libc::SIGSEGV => (CrashCause::BadMemoryAccess, "SIGSEGV"),
        libc::SIGBUS => (CrashCause::BusError, "SIGBUS"),
        libc::SIGILL => (CrashCause::IllegalInstruction, "SIGILL"),
        libc::SIGFPE => (CrashCause::ArithmeticFault, "SIGFPE"),
        libc::SIGKILL => (CrashCause::Killed, "SIGKILL"),
        libc::SIGTERM => (CrashCause::Terminated, "SIGTERM"),
        libc::SIGINT => (CrashCause::Terminated, "SIGINT"),
        _ => (CrashCause::Other, ""),
    };
    Ending::Crashed(Crash {
        cause,
        code: if name.is_empty() {
            format!("signal {signal}")
        } else {
            name.to_owned()
        },
    })
}

/// What this machine cannot do.
pub fn probe() -> Vec<Weakness> {
    os::probe()
}

/// Whether process `pid` is running (a zombie is not).
#[cfg(test)]
pub fn is_alive(pid: u32) -> bool {
    // SAFETY: signal 0 only checks that the process exists.
    let exists = unsafe { libc::kill(pid as libc::pid_t, 0) } == 0;
    exists && !os::is_zombie(pid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_are_named() {
        let killed = ExitStatus::from_raw(libc::SIGKILL);
        assert_eq!(
            ending(killed),
            Ending::Crashed(Crash {
                cause: CrashCause::Killed,
                code: "SIGKILL".to_owned()
            })
        );
        let exited = ExitStatus::from_raw(3 << 8);
        assert_eq!(ending(exited), Ending::Exited(3));
    }
}
