//! Process trees on Linux and macOS: a process group per test, killed with one `kill(-group)`,
//! and what a signal means. The probes differ between the two and live in `linux.rs` and
//! `macos.rs`.

use std::fs::{File, Permissions};
use std::io;
use std::os::unix::fs::PermissionsExt as _;
use std::os::unix::process::{CommandExt as _, ExitStatusExt as _};
use std::path::Path;
use std::process::Stdio;
use std::process::{Child, Command, ExitStatus};

#[cfg(target_os = "linux")]
use super::linux as os;
#[cfg(target_os = "macos")]
use super::macos as os;
use super::{
    Access, Crash, CrashCause, Ending, LearnerUser, Limits, MemoryCap, ThreadState, ThreadWait,
    Weakness,
};

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
    os::prepare(command, memory);
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
    let weaknesses = if tree.memory_cap == MemoryCap::Missing && memory.is_some() {
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

    pub fn thread_waits(&self, root: &Child) -> Option<Box<dyn Iterator<Item = ThreadWait>>> {
        os::thread_waits(root.id() as libc::pid_t)
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

/// The account `name`, for learner code; only root may start processes as another user.
pub fn learner_user(name: &str) -> io::Result<LearnerUser> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "only root can run learner code as another user",
        ));
    }
    let invalid = || io::Error::new(io::ErrorKind::NotFound, format!("no user named `{name}`"));
    let c_name = std::ffi::CString::new(name).map_err(|_| invalid())?;
    let mut entry = std::mem::MaybeUninit::<libc::passwd>::uninit();
    let mut buffer = vec![0 as libc::c_char; 16 * 1024];
    let mut found: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: every pointer is valid for the call: the name is NUL-terminated, `entry` and
    // `buffer` (of the length given) are this frame's, and `found` is written by the call.
    let status = unsafe {
        libc::getpwnam_r(
            c_name.as_ptr(),
            entry.as_mut_ptr(),
            buffer.as_mut_ptr(),
            buffer.len(),
            &mut found,
        )
    };
    if status != 0 || found.is_null() {
        return Err(invalid());
    }
    // SAFETY: getpwnam_r filled `entry` when it returned 0 with a non-null result.
    let entry = unsafe { entry.assume_init() };
    if entry.pw_uid == 0 {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("`{name}` is root: learner code must run unprivileged"),
        ));
    }
    Ok(LearnerUser {
        uid: entry.pw_uid,
        gid: entry.pw_gid,
    })
}

/// Makes `command` run as `user`, with `user`'s group and no other (std drops the
/// supplementary groups when root sets a uid).
pub fn apply_learner(command: &mut Command, user: &LearnerUser) {
    command.uid(user.uid).gid(user.gid);
}

/// Gives `path` (a folder the grader has just created, in a folder of its own) to `user`. The
/// link itself is changed, never what it points to.
pub fn give_to(path: &Path, user: &LearnerUser) -> io::Result<()> {
    std::os::unix::fs::lchown(path, Some(user.uid), Some(user.gid))
}

/// Kills every process of `user`: a shell running as `user` sends SIGKILL to every process it
/// may signal (`kill -1`), which is every process of that account but itself. Done again while
/// the system still lists a live one (a process forked during the kill), a few times at most.
pub fn end_processes_of(user: &LearnerUser) {
    for round in 0..10 {
        let mut command = Command::new("/bin/sh");
        command
            .args(["-c", "kill -KILL -1 2>/dev/null; exit 0"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        apply_learner(&mut command, user);
        let _ = command.status();
        match os::live_processes_of(user.uid) {
            Some(0) => return,
            // Where processes cannot be counted (macOS), twice.
            None if round >= 1 => return,
            _ => {}
        }
    }
}

/// Makes this process the one that orphans of its descendants are given to, where the system
/// allows it (Linux), so that [`end_strays`] can find a test's process that left its group.
pub fn become_subreaper() {
    os::become_subreaper();
}

/// Kills every process descended from this one, and reaps those that were its children.
/// Called when the grader has no process of its own running: every descendant is then a stray,
/// a test's process that escaped its group (`setsid`) and was given back to this subreaper.
pub fn end_strays() {
    // SAFETY: getpid has no preconditions.
    let me = unsafe { libc::getpid() } as u32;
    // A stray may fork while it is being killed: look again until none is left.
    for _ in 0..20 {
        let strays = os::descendants(me);
        if strays.is_empty() {
            return;
        }
        for (pid, _) in &strays {
            // SAFETY: kill has no memory-safety preconditions; the pid is a descendant's.
            unsafe { libc::kill(*pid as libc::pid_t, libc::SIGKILL) };
        }
        for (pid, parent) in strays {
            if parent == me {
                let mut status = 0;
                // SAFETY: `status` is this frame's; the pid is a child of this process that
                // no `Child` owns (every test's was waited for before strays are looked for).
                unsafe { libc::waitpid(pid as libc::pid_t, &mut status, 0) };
            }
        }
    }
}

/// Mode 0644.
pub fn readable_by_all(file: &std::fs::File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

/// The memory limit of the container (cgroup) this process runs in, if any.
pub fn memory_limit() -> Option<u64> {
    os::memory_limit()
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
