//! Process trees on Windows: a Job Object per test, which every process the test starts joins,
//! which caps each process's committed memory, and which kills them all when it is terminated or
//! when its last handle closes (so also when the grader ends, however it ends). Thread counts
//! come from the toolhelp snapshot; Windows does not tell what a thread is waiting on.

use std::ffi::c_void;
use std::io;
use std::mem::size_of;
use std::os::windows::io::{AsHandle as _, AsRawHandle as _, FromRawHandle as _, OwnedHandle};
use std::os::windows::process::CommandExt as _;
use std::process::{Child, Command, ExitStatus};
use std::ptr;
use std::sync::Arc;

use windows_sys::Win32::Foundation::{FILETIME, HANDLE, INVALID_HANDLE_VALUE};
use windows_sys::Win32::System::Diagnostics::ToolHelp::{
    CreateToolhelp32Snapshot, PROCESSENTRY32W, Process32FirstW, Process32NextW, TH32CS_SNAPPROCESS,
    TH32CS_SNAPTHREAD, THREADENTRY32, Thread32First, Thread32Next,
};
use windows_sys::Win32::System::JobObjects::{
    AssignProcessToJobObject, CreateJobObjectW, JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION,
    JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE, JOB_OBJECT_LIMIT_PROCESS_MEMORY,
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION, JobObjectExtendedLimitInformation,
    SetInformationJobObject, TerminateJobObject,
};
use windows_sys::Win32::System::ProcessStatus::{K32GetProcessMemoryInfo, PROCESS_MEMORY_COUNTERS};
use windows_sys::Win32::System::Threading::{
    CREATE_SUSPENDED, GetProcessTimes, OpenProcess, OpenThread, PROCESS_QUERY_LIMITED_INFORMATION,
    PROCESS_TERMINATE, ResumeThread, THREAD_SUSPEND_RESUME, TerminateProcess,
};

use super::{
    Access, Crash, CrashCause, Ending, LearnerUser, Limits, MemoryCap, ThreadState, ThreadWait,
    Weakness,
};

/// Windows has no mode bits: a file takes its folder's access list, which the grader leaves as
/// the user set it. What must stay private is kept in a folder of its own instead.
pub fn set_file_access(_file: &std::fs::File, _access: Access) -> io::Result<()> {
    Ok(())
}

/// See [`set_file_access`].
pub fn set_folder_access(_folder: &std::path::Path, _access: Access) -> io::Result<()> {
    Ok(())
}

/// The exit code of a process the grader killed. Never judged: a killed test's verdict is the
/// reason it was killed.
const KILLED: u32 = 1;

/// A Job Object, closed (and with `KILL_ON_JOB_CLOSE`, every process in it killed) when the
/// last clone is dropped.
struct Job(OwnedHandle);

impl Job {
    fn raw(&self) -> HANDLE {
        self.0.as_raw_handle()
    }
}

/// One test's processes: its job when there is one, and its root process either way.
pub struct Tree {
    job: Option<Arc<Job>>,
    /// A handle of the root of its own, for the [`Killer`] to use without a job.
    root: Arc<OwnedHandle>,
    memory_cap: MemoryCap,
}

/// Kills a job, or without one, a root process and its descendants.
#[derive(Clone)]
pub struct Killer {
    job: Option<Arc<Job>>,
    root: Arc<OwnedHandle>,
}

impl Killer {
    pub fn kill(&self) {
        match &self.job {
            Some(job) => {
                // SAFETY: the job handle is open for as long as `job` lives.
                unsafe { TerminateJobObject(job.raw(), KILLED) };
            }
            None => kill_root_and_descendants(self.root.as_raw_handle()),
        }
    }
}

/// A new job that kills its processes when closed, suppresses crash dialogs (a dialog would
/// keep a crashed test alive until its deadline) and, if the system lets it, caps each
/// process's committed memory at `memory` bytes. Says whether the memory cap took.
fn new_job(memory: Option<u64>) -> io::Result<(Job, bool)> {
    // SAFETY: no security attributes and no name: a new anonymous job, or null.
    let handle = unsafe { CreateJobObjectW(ptr::null(), ptr::null()) };
    if handle.is_null() {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `handle` is a job handle that nothing else owns.
    let job = Job(unsafe { OwnedHandle::from_raw_handle(handle) });
    let set = |flags, memory: usize| {
        let mut limits = JOBOBJECT_EXTENDED_LIMIT_INFORMATION::default();
        limits.BasicLimitInformation.LimitFlags = flags;
        limits.ProcessMemoryLimit = memory;
        // SAFETY: `limits` is the structure this information class reads, of the size given.
        unsafe {
            SetInformationJobObject(
                job.raw(),
                JobObjectExtendedLimitInformation,
                ptr::from_ref(&limits).cast::<c_void>(),
                size_of::<JOBOBJECT_EXTENDED_LIMIT_INFORMATION>() as u32,
            ) != 0
        }
    };
    let always = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE | JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION;
    let Some(memory) = memory else {
        // Uncapped: "capped" as asked.
        return if set(always, 0) {
            Ok((job, true))
        } else {
            Err(io::Error::last_os_error())
        };
    };
    let memory = usize::try_from(memory).unwrap_or(usize::MAX);
    if set(always | JOB_OBJECT_LIMIT_PROCESS_MEMORY, memory) {
        Ok((job, true))
    } else if set(always, 0) {
        Ok((job, false))
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Starts `command` suspended, puts it in a new job, then lets it run: it starts nothing before
/// it is in the job. Without a job it runs all the same, and [`Killer`] falls back on walking
/// its descendants.
pub fn spawn(command: &mut Command, limits: Limits) -> io::Result<(Child, Tree, Vec<Weakness>)> {
    let mut weaknesses = Vec::new();
    let mut job = match new_job(limits.memory_bytes) {
        Ok((job, memory_capped)) => {
            if !memory_capped {
                weaknesses.push(Weakness::MemoryCap);
            }
            Some(job)
        }
        Err(_) => None,
    };
    // Set every time: a command spawned again must not stay suspended without a job.
    command.creation_flags(if job.is_some() { CREATE_SUSPENDED } else { 0 });
    let mut child = command.spawn()?;
    if let Some(this) = &job {
        // SAFETY: both handles are open: the job's by `this`, the process's by `child`.
        let assigned = unsafe { AssignProcessToJobObject(this.raw(), child.as_raw_handle()) } != 0;
        if !assigned {
            job = None;
        }
        if !resume(child.id()) {
            let error = io::Error::last_os_error();
            let _ = child.kill();
            let _ = child.wait();
            return Err(error);
        }
    }
    if job.is_none() {
        weaknesses.extend([Weakness::TreeCleanUp, Weakness::MemoryCap]);
    }
    let root = Arc::new(child.as_handle().try_clone_to_owned()?);
    let memory_cap = if weaknesses.contains(&Weakness::MemoryCap) {
        MemoryCap::Missing
    } else {
        MemoryCap::BySystem
    };
    Ok((
        child,
        Tree {
            job: job.map(Arc::new),
            root,
            memory_cap,
        },
        weaknesses,
    ))
}

/// Resumes the threads of process `pid`, which was created suspended (it has one).
fn resume(pid: u32) -> bool {
    let Some(snapshot) = Snapshot::new(TH32CS_SNAPTHREAD) else {
        return false;
    };
    let mut entry = THREADENTRY32 {
        dwSize: size_of::<THREADENTRY32>() as u32,
        ..Default::default()
    };
    let mut resumed = false;
    // SAFETY: the snapshot is open and `entry` is a THREADENTRY32 with its size set.
    let mut more = unsafe { Thread32First(snapshot.raw(), &mut entry) } != 0;
    while more {
        if entry.th32OwnerProcessID == pid {
            // SAFETY: OpenThread takes plain values; the handle it returns is closed below.
            let thread = unsafe { OpenThread(THREAD_SUSPEND_RESUME, 0, entry.th32ThreadID) };
            if !thread.is_null() {
                // SAFETY: `thread` is an open thread handle that nothing else owns.
                let thread = unsafe { OwnedHandle::from_raw_handle(thread) };
                // SAFETY: the handle has THREAD_SUSPEND_RESUME access.
                resumed |= unsafe { ResumeThread(thread.as_raw_handle()) } != u32::MAX;
            }
        }
        // SAFETY: as for Thread32First.
        more = unsafe { Thread32Next(snapshot.raw(), &mut entry) } != 0;
    }
    resumed
}

impl Tree {
    pub fn kill(&self, root: &mut Child) {
        self.killer().kill();
        // The root's own handle, in case the job was never joined.
        let _ = root.kill();
    }

    pub fn killer(&self) -> Killer {
        Killer {
            job: self.job.clone(),
            root: self.root.clone(),
        }
    }

    pub fn memory_cap(&self) -> MemoryCap {
        self.memory_cap
    }

    /// The root process's threads, from the toolhelp snapshot.
    pub fn thread_count(&self, root: &Child) -> Option<usize> {
        let id = root.id();
        processes()?
            .iter()
            .find(|process| process.th32ProcessID == id)
            .map(|process| process.cntThreads as usize)
    }

    /// The root process's working set.
    pub fn resident_bytes(&self, root: &Child) -> Option<u64> {
        let mut counters = PROCESS_MEMORY_COUNTERS {
            cb: size_of::<PROCESS_MEMORY_COUNTERS>() as u32,
            ..Default::default()
        };
        // SAFETY: the process handle is open (held by `root`), and `counters` is the structure
        // of the size given.
        let read =
            unsafe { K32GetProcessMemoryInfo(root.as_raw_handle(), &mut counters, counters.cb) };
        (read != 0).then_some(counters.WorkingSetSize as u64)
    }

    /// Windows does not tell what a thread is blocked on.
    pub fn thread_states(&self) -> Option<Vec<ThreadState>> {
        None
    }

    /// Nor whether a wait has a timeout: a deadlock is found at the deadline.
    pub fn thread_waits(&self, _root: &Child) -> Option<Box<dyn Iterator<Item = ThreadWait>>> {
        None
    }

    /// Whether the tree is contained as designed: in a Job Object.
    #[cfg(test)]
    pub fn contained(&self) -> bool {
        self.job.is_some()
    }
}

/// A toolhelp snapshot, closed on drop.
struct Snapshot(OwnedHandle);

impl Snapshot {
    fn new(flags: u32) -> Option<Snapshot> {
        // SAFETY: CreateToolhelp32Snapshot takes plain values and returns a handle we own.
        let handle = unsafe { CreateToolhelp32Snapshot(flags, 0) };
        if handle == INVALID_HANDLE_VALUE || handle.is_null() {
            return None;
        }
        // SAFETY: `handle` is an open snapshot handle that nothing else owns.
        Some(Snapshot(unsafe { OwnedHandle::from_raw_handle(handle) }))
    }

    fn raw(&self) -> HANDLE {
        self.0.as_raw_handle()
    }
}

/// Every process of the machine, or `None` if the snapshot cannot be taken.
fn processes() -> Option<Vec<PROCESSENTRY32W>> {
    let snapshot = Snapshot::new(TH32CS_SNAPPROCESS)?;
    let mut entry = PROCESSENTRY32W {
        dwSize: size_of::<PROCESSENTRY32W>() as u32,
        ..Default::default()
    };
    let mut found = Vec::new();
    // SAFETY: the snapshot is open and `entry` is a PROCESSENTRY32W with its size set.
    let mut more = unsafe { Process32FirstW(snapshot.raw(), &mut entry) } != 0;
    while more {
        found.push(entry);
        // SAFETY: as for Process32FirstW.
        more = unsafe { Process32NextW(snapshot.raw(), &mut entry) } != 0;
    }
    Some(found)
}

/// When process `handle` was created, in 100 ns units.
fn created(handle: HANDLE) -> Option<u64> {
    let mut times = [FILETIME::default(); 4];
    let [creation, exit, kernel, user] = &mut times;
    // SAFETY: the handle is open, and each pointer is to a FILETIME of this frame.
    let read = unsafe { GetProcessTimes(handle, creation, exit, kernel, user) };
    (read != 0)
        .then(|| (u64::from(creation.dwHighDateTime) << 32) | u64::from(creation.dwLowDateTime))
}

/// Without a job: kills every descendant of `root` that the toolhelp snapshot shows, then
/// `root`. A process's parent id may be a dead process's, reused: a "child" created before its
/// "parent" is not one, and is left alone.
fn kill_root_and_descendants(root: HANDLE) {
    // SAFETY: the handle is open; GetProcessId only reads it.
    let root_id = unsafe { windows_sys::Win32::System::Threading::GetProcessId(root) };
    let mut parents: Vec<(u32, u64)> = created(root).map(|at| (root_id, at)).into_iter().collect();
    let all = processes().unwrap_or_default();
    let mut next = 0;
    while next < parents.len() {
        let (parent, parent_created) = parents[next];
        next += 1;
        for process in all.iter().filter(|p| p.th32ParentProcessID == parent) {
            // SAFETY: OpenProcess takes plain values; the handle it returns is closed below.
            let handle = unsafe {
                OpenProcess(
                    PROCESS_TERMINATE | PROCESS_QUERY_LIMITED_INFORMATION,
                    0,
                    process.th32ProcessID,
                )
            };
            if handle.is_null() {
                continue;
            }
            // SAFETY: `handle` is an open process handle that nothing else owns.
            let handle = unsafe { OwnedHandle::from_raw_handle(handle) };
            let Some(at) = created(handle.as_raw_handle()) else {
                continue;
            };
            if at >= parent_created && !parents.iter().any(|(id, _)| *id == process.th32ProcessID) {
                parents.push((process.th32ProcessID, at));
                // SAFETY: the handle has PROCESS_TERMINATE access.
                unsafe { TerminateProcess(handle.as_raw_handle(), KILLED) };
            }
        }
    }
    // SAFETY: the root's handle is open, with every access (it is a duplicate of std's).
    unsafe { TerminateProcess(root, KILLED) };
}

/// How a process ended: an exit code, or an exception status (an NTSTATUS with its top bit set,
/// which no Rust program gives by `exit` unless it passes a negative code).
pub fn ending(status: ExitStatus) -> Ending {
    let code = status.code().unwrap_or(-1);
    let status = code as u32;
    let (cause, name) = match status {
        0xC000_0005 => (CrashCause::BadMemoryAccess, "an access violation"),
        0xC000_00FD => (CrashCause::StackOverflow, "a stack overflow"),
        // How Rust aborts on Windows: __fastfail, which reports STATUS_STACK_BUFFER_OVERRUN.
        0xC000_0409 => (CrashCause::Abort, "a fast fail"),
        0xC000_001D | 0xC000_0096 => (CrashCause::IllegalInstruction, "an illegal instruction"),
        0xC000_008E..=0xC000_0095 => (CrashCause::ArithmeticFault, "an arithmetic fault"),
        0xC000_013A => (CrashCause::Terminated, "Ctrl-C"),
        0xC000_0006 => (CrashCause::BadMemoryAccess, "an in-page error"),
        _ if code < 0 => (CrashCause::Other, "an exception"),
        _ => return Ending::Exited(code),
    };
    Ending::Crashed(Crash {
        cause,
        code: format!("0x{status:08X}, {name}"),
    })
}

/// A machine that refuses Job Objects (or their memory limit), or the toolhelp snapshot.
pub fn probe() -> Vec<Weakness> {
    let mut weaknesses = Vec::new();
    match new_job(Some(1 << 30)) {
        Ok((_, true)) => {}
        Ok((_, false)) => weaknesses.push(Weakness::MemoryCap),
        Err(_) => weaknesses.extend([Weakness::TreeCleanUp, Weakness::MemoryCap]),
    }
    let me = std::process::id();
    if !processes().is_some_and(|all| all.iter().any(|p| p.th32ProcessID == me)) {
        weaknesses.push(Weakness::ThreadCap);
    }
    weaknesses
}

/// Learner code runs as the grader's own account on Windows: there is no user to give it.
pub fn learner_user(_name: &str) -> io::Result<LearnerUser> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "running learner code as another user needs Linux or macOS",
    ))
}

/// Never called: no [`LearnerUser`] exists on Windows.
pub fn apply_learner(_command: &mut Command, _user: &LearnerUser) {}

/// Never called: no [`LearnerUser`] exists on Windows.
pub fn give_to(_path: &std::path::Path, _user: &LearnerUser) -> io::Result<()> {
    Ok(())
}

/// Never called: no [`LearnerUser`] exists on Windows.
pub fn end_processes_of(_user: &LearnerUser) {}

/// A Job Object already holds every process a test starts (none may break away), so nothing
/// escapes it: no subreaper is needed.
pub fn become_subreaper() {}

/// Nothing escapes a test's job; see [`become_subreaper`].
pub fn end_strays() {}

/// Files inherit their folder's access list, which lets its users read them.
pub fn readable_by_all(_file: &std::fs::File) -> io::Result<()> {
    Ok(())
}

/// Windows tells no container limit the grader would read.
pub fn memory_limit() -> Option<u64> {
    None
}

/// Whether process `pid` is still running.
#[cfg(test)]
pub fn is_alive(pid: u32) -> bool {
    use windows_sys::Win32::System::Threading::GetExitCodeProcess;
    /// `GetExitCodeProcess`'s answer for a process still running (`STILL_ACTIVE`).
    const STILL_ACTIVE: u32 = 259;
    // SAFETY: OpenProcess takes plain values; the handle it returns is closed below.
    let handle = unsafe { OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid) };
    if handle.is_null() {
        return false;
    }
    // SAFETY: `handle` is an open process handle that nothing else owns.
    let handle = unsafe { OwnedHandle::from_raw_handle(handle) };
    let mut code = 0u32;
    // SAFETY: the handle has query access and `code` is a u32 of this frame.
    let read = unsafe { GetExitCodeProcess(handle.as_raw_handle(), &mut code) };
    read != 0 && code == STILL_ACTIVE
}

#[cfg(test)]
mod tests {
    use std::os::windows::process::ExitStatusExt as _;

    use super::*;

    #[test]
    fn exception_statuses_are_crashes() {
        let ending_of = |code: u32| ending(ExitStatus::from_raw(code));
        assert_eq!(ending_of(3), Ending::Exited(3));
        let Ending::Crashed(crash) = ending_of(0xC000_0409) else {
            panic!("a fast fail is a crash");
        };
        assert_eq!(crash.cause, CrashCause::Abort);
        assert!(crash.code.starts_with("0xC0000409"), "{}", crash.code);
        let Ending::Crashed(crash) = ending_of(0xC000_00FD) else {
            panic!("a stack overflow is a crash");
        };
        assert_eq!(crash.cause, CrashCause::StackOverflow);
    }
}
