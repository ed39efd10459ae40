//! Every call the grader makes into the operating system, behind one API that means the same on
//! Linux, macOS and Windows.
//!
//! # Contract
//!
//! Nothing else in `grader/src` names `libc`, `windows-sys`, `std::os::*` or `/proc`: code
//! outside this module says *what* it wants (start a test in a tree of its own, kill that tree,
//! how many threads it has, how it ended) and this module says *how*, once per system.
//!
//! - **Process trees.** [`ProcessTree::spawn`] starts a test process so that it and everything
//!   it starts can be killed at once: a process group of its own on unix (`setsid` escapes it);
//!   on Windows a Job Object the process is put in before it runs a single instruction (it is
//!   created suspended), with `JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE`, so that the tree also ends
//!   when the grader does. [`ProcessTree::kill_tree`] kills the whole tree and may be called any
//!   number of times; dropping a [`ProcessTree`] kills it too, so no path out of the runner leaves
//!   a test running. [`TreeKiller`] is the same kill, for the Ctrl-C handler. Where Windows
//!   refuses a job, the kill falls back on the root and the descendants the toolhelp snapshot
//!   shows (reported as [`Weakness::TreeCleanUp`]).
//! - **Resource caps.** [`Limits::memory_bytes`] is enforced by the system where it can be: on
//!   Linux `RLIMIT_AS` (address space, so an allocation past it fails), on Windows the job's
//!   per-process memory limit (committed memory, likewise). macOS enforces neither, so there the
//!   caller must poll [`ProcessTree::resident_bytes`] (the whole group's resident memory) and stop
//!   the tree past the cap; [`ProcessTree::memory_cap`] says which applies. Core dumps are off on
//!   unix (`RLIMIT_CORE` 0) and crash dialogs off on Windows (the job's
//!   `JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION`). The thread cap is the caller's: it polls
//!   [`ProcessTree::thread_count`].
//! - **Probes.** [`ProcessTree::thread_count`] (the test process's own threads),
//!   [`ProcessTree::resident_bytes`] and [`ProcessTree::thread_states`] (what every thread of the
//!   tree was doing, for the description of a hung test) return `None` when the system cannot
//!   tell: Linux reads `/proc`, macOS `proc_pidinfo`, Windows the toolhelp snapshot and
//!   `K32GetProcessMemoryInfo`; Windows never tells thread states. `None` is never a verdict: a
//!   cap that cannot be measured is not applied, and a description says what it could not see.
//! - **Waits.** [`ProcessTree::thread_waits`] reads, one thread after another, what each thread of
//!   the test process is asleep in, for telling a deadlock before the deadline: on Linux
//!   `/proc/PID/task/TID/syscall` (a futex wait, its word and whether it has a timeout) and
//!   `status` (the name, the state letter, the context switches, which change whenever the
//!   thread runs). `syscall` needs the right to trace the process, which its parent has even
//!   under Yama's `ptrace_scope=1`; where it is refused (a container without `CAP_SYS_PTRACE`
//!   grading another user's process, `ptrace_scope=2`) every wait is [`Wait::Unknown`], and a
//!   deadlock is found at the deadline as everywhere else. macOS and Windows give `None`.
//! - **Endings.** [`ProcessTree::wait`] and [`ProcessTree::try_wait`] give an [`Ending`]: an exit
//!   code, or a [`Crash`] whose [`CrashCause`] is the same word on every system (a unix signal and
//!   the Windows exception that means the same thing share a cause) and whose `code` names the
//!   system's own signal or status, such as `SIGSEGV` or `0xC0000005`.
//! - **Weaker machines.** Where the set-up of a cap, a probe or the tree's clean-up fails (a
//!   container without `/proc`, an account that may not create Job Objects), grading goes on with
//!   what is left and [`new_weaknesses`] reports each [`Weakness`] once, for one note to people.
//! - **Learner code as another user.** [`run_learner_code_as`] (unix, as root) makes every
//!   process that compiles or runs learner code start as an unprivileged account: the trees of
//!   [`ProcessTree::spawn`] by themselves, and other commands through [`as_learner`] (cargo,
//!   rustc, a test binary listing its tests). [`give_to_learner`] hands it a folder the grader
//!   just made; [`end_learner_processes`] kills every process of that account. Windows refuses.
//! - **Strays.** [`become_subreaper`] (Linux) makes the grader the parent of every orphan among
//!   its descendants, so that a test's process that left its group (`setsid`) is still found
//!   and killed by [`end_strays`] once the grader has no test running. macOS has no subreaper
//!   (there a stray escapes unless it runs as a learner user), and a Windows job lets nothing
//!   escape.
//! - **The container's memory** ([`container_memory_limit`]): the smallest cgroup memory limit
//!   (v1 or v2) above the grader on Linux, so that a test's cap never promises more than the
//!   container has.
//! - **File locks** ([`lock_exclusively`]) and **randomness** ([`fill_random`]) come from `std`
//!   and the `getrandom` crate; they live here so that their per-system meaning is written down
//!   in one place.
//! - **Who may read a file** ([`set_file_access`], [`set_folder_access`]): on unix the mode
//!   bits, set whatever the umask (`0644`/`0755` for what anybody may read, such as a page a web
//!   server running as another user serves; `0600`/`0700` for what only the owner may). Windows
//!   has no mode bits: a file takes its folder's access list, so these leave it alone and what
//!   is private must be kept apart by folder, as `grader class` does on every system.

use std::fs::File;
use std::io;
use std::path::Path;
use std::process::{Child, Command};
use std::sync::Mutex;

#[cfg(not(any(target_os = "linux", target_os = "macos", windows)))]
compile_error!("the threadlings grader runs on Linux, macOS and Windows");

#[cfg(target_os = "linux")]
mod linux;
#[cfg(target_os = "macos")]
mod macos;
#[cfg(unix)]
mod unix;
#[cfg(windows)]
mod windows;

/// The module for this family of systems: process groups or Job Objects.
#[cfg(unix)]
use unix as family;
#[cfg(windows)]
use windows as family;

/// The caps a test process runs under.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The most memory one test process may use; see [`MemoryCap`] for what counts. `None`
    /// for a tree that is only to be killable, such as cargo's, which the grader trusts.
    pub memory_bytes: Option<u64>,
}

/// How [`Limits::memory_bytes`] is enforced on this system.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemoryCap {
    /// By the system: an allocation past the cap fails inside the test process. Never on macOS.
    #[cfg_attr(target_os = "macos", allow(dead_code))]
    BySystem,
    /// By the caller, who must poll [`ProcessTree::resident_bytes`] and kill the tree past it.
    Polled,
    /// Not at all: the system refused it here (see [`Weakness::MemoryCap`]).
    Missing,
}

/// An unprivileged account that learner code runs as; see [`run_learner_code_as`].
#[derive(Debug, Clone)]
pub struct LearnerUser {
    #[cfg_attr(windows, allow(dead_code))]
    uid: u32,
    #[cfg_attr(windows, allow(dead_code))]
    gid: u32,
}

/// The learner user of this run, once set.
static LEARNER: std::sync::OnceLock<LearnerUser> = std::sync::OnceLock::new();

/// From now on, every process that compiles or runs learner code runs as the account `name`.
/// Needs root on Linux and macOS; Windows refuses.
pub fn run_learner_code_as(name: &str) -> io::Result<()> {
    let user = family::learner_user(name)?;
    let _ = LEARNER.set(user);
    Ok(())
}

/// Whether learner code runs as another user in this run.
pub fn runs_as_learner() -> bool {
    LEARNER.get().is_some()
}

/// Makes `command` run as the learner user, if there is one.
pub fn as_learner(command: &mut Command) {
    if let Some(user) = LEARNER.get() {
        family::apply_learner(command, user);
    }
}

/// Gives `path`, a folder or file the grader made inside a folder of its own, to the learner
/// user, if there is one, so that learner code (or cargo, as that user) may write there.
pub fn give_to_learner(path: &std::path::Path) -> io::Result<()> {
    match LEARNER.get() {
        Some(user) => family::give_to(path, user),
        None => Ok(()),
    }
}

/// Kills every process of the learner user, if there is one: whatever learner code left
/// running, wherever it went.
pub fn end_learner_processes() {
    if let Some(user) = LEARNER.get() {
        family::end_processes_of(user);
    }
}

/// See the module docs: orphans of the grader's descendants become its children (Linux).
pub fn become_subreaper() {
    family::become_subreaper();
}

/// Kills every process below the grader, and reaps its children among them. Only for when the
/// grader has no process of its own running: between two exercises of a check.
pub fn end_strays() {
    family::end_strays();
}

/// The memory limit of the container the grader runs in (Linux cgroups), if it has one.
pub fn container_memory_limit() -> Option<u64> {
    family::memory_limit()
}

/// Something this machine cannot do that the grader normally does on this system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Weakness {
    /// Processes a test starts may outlive it (no Job Object on Windows). Never on unix, where
    /// a process group cannot be refused.
    #[cfg_attr(unix, allow(dead_code))]
    TreeCleanUp,
    /// The memory cap is not applied.
    MemoryCap,
    /// Threads cannot be counted, so the thread cap is not applied.
    ThreadCap,
    /// What a hung test's threads were doing cannot be seen (no `/proc` on Linux). Never on
    /// Windows, which never shows it.
    #[cfg_attr(windows, allow(dead_code))]
    HangDescription,
}

/// What one thread of a hung test was doing, as far as the system tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadState {
    /// The thread's name, `main` for the process's first thread, `(unnamed)` for one nobody
    /// named.
    pub name: String,
    /// What it was doing.
    pub activity: Activity,
}

/// What a thread was doing when it was looked at. Only Linux names what a thread waits on;
/// macOS tells running from waiting, Windows nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub enum Activity {
    /// On a CPU or ready to be: an endless loop or a spin-wait.
    Running,
    /// Asleep on a futex: a lock, a condition variable, a channel, a join or a park.
    WaitingOnLock,
    /// Asleep in `thread::sleep`.
    Sleeping,
    /// Asleep reading or writing a pipe, file or socket.
    WaitingOnIo,
    /// Asleep, on something the system does not name (macOS).
    Waiting,
    /// Something else the system names, such as the kernel function a thread sleeps in.
    Other(String),
}

/// What one thread of a test process was asleep in at one look, for telling a deadlock (see
/// [`ProcessTree::thread_waits`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadWait {
    /// The thread's id, unique in its process while it lives.
    pub id: u32,
    /// Its name as [`ThreadState::name`] gives it: `main`, `(unnamed)` or the name it was given.
    pub name: String,
    /// Its name as the system holds it now, which a thread may change while it runs (the
    /// harness marks its own waits so: `harness::time::WAITING_NAME`).
    pub system_name: String,
    /// What it was asleep in.
    pub wait: Wait,
    /// How many times it had left a processor so far: a number that changes whenever the thread
    /// runs, so two looks with the same number saw it asleep all along in between.
    pub switches: u64,
}

/// What a thread was asleep in, as far as the system tells whether only another thread could
/// end the wait. Only Linux tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub enum Wait {
    /// Asleep in a futex wait with no timeout (std's `Mutex`, `RwLock`, `Condvar::wait`, a
    /// channel's `recv`, `thread::park`, a join; parking_lot's locks): only another thread's
    /// wake-up ends it.
    Untimed(Futex),
    /// Asleep in a futex wait with a timeout (`wait_timeout`, `recv_timeout`, `park_timeout`):
    /// the time ends it.
    Timed(Futex),
    /// Running, ready to run, or asleep in anything else (`thread::sleep`, a read from a pipe,
    /// a wait for a child process).
    Other,
    /// The system would not say (no right to read it, or a processor whose system calls the
    /// grader does not know).
    Unknown,
}

/// The futex a thread waits on: the word it sleeps on and what it expected there, which tell
/// what kind of wait it is (see `crate::deadlock`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Futex {
    /// The word's address in the process.
    pub address: u64,
    /// The value the thread expected the word to hold when it went to sleep.
    pub expected: u32,
    /// Whether the wait is shared between processes (not `FUTEX_PRIVATE_FLAG`): the kernel's
    /// wake-up of a join, which names the joined thread by its id.
    pub shared: bool,
}

/// How a process ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// It returned from `main` or called `exit`, with this code.
    Exited(i32),
    /// The system ended it: a signal on unix, an exception status on Windows.
    Crashed(Crash),
}

/// A process the system ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crash {
    /// What happened, in the same words on every system.
    pub cause: CrashCause,
    /// The system's own name for it: `SIGSEGV`, `signal 42`, `0xC0000005`.
    pub code: String,
}

/// Why the system ended a process.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CrashCause {
    /// `std::process::abort`, a panic that could not unwind, a failed allocation: `SIGABRT` on
    /// unix, the fast-fail status `0xC0000409` on Windows, which is how Rust aborts there.
    Abort,
    /// Memory was read or written that is not there: `SIGSEGV`, `0xC0000005`.
    BadMemoryAccess,
    /// A misaligned or unbacked access: `SIGBUS`.
    #[cfg_attr(windows, allow(dead_code))]
    BusError,
    /// The stack ran out: `0xC00000FD` on Windows (unix says it only on standard error).
    StackOverflow,
    /// `SIGILL`, `0xC000001D`.
    IllegalInstruction,
    /// `SIGFPE`, an integer division by zero on Windows.
    ArithmeticFault,
    /// `SIGKILL`: by itself, another process or the system (out of memory?). Windows cannot
    /// tell a killed process from one that exited.
    #[cfg_attr(windows, allow(dead_code))]
    Killed,
    /// `SIGTERM`, `SIGINT`, or Windows' Ctrl-C status.
    Terminated,
    /// Anything else.
    Other,
}

/// A test process and everything it starts, killed together.
pub struct ProcessTree {
    child: Child,
    tree: family::Tree,
    /// Set by [`ProcessTree::kill_tree`]; dropping an unkilled tree kills it.
    killed: bool,
}

impl ProcessTree {
    /// Starts `command` as the root of a new tree under `limits`. The caller sets its arguments,
    /// folder, environment and standard streams; this sets how it is contained (the process
    /// group and `pre_exec` on unix, the creation flags on Windows, which the caller must leave
    /// alone).
    pub fn spawn(command: &mut Command, limits: Limits) -> io::Result<ProcessTree> {
        remember_weaknesses(probe_once());
        as_learner(command);
        let (child, tree, weaknesses) = family::spawn(command, limits)?;
        remember_weaknesses(&weaknesses);
        Ok(ProcessTree {
            child,
            tree,
            killed: false,
        })
    }

    /// The root process, for its standard streams.
    pub fn child(&mut self) -> &mut Child {
        &mut self.child
    }

    /// The root process's id.
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// How the root process ended, if it has.
    pub fn try_wait(&mut self) -> io::Result<Option<Ending>> {
        Ok(self.child.try_wait()?.map(family::ending))
    }

    /// Waits for the root process to end.
    pub fn wait(&mut self) -> io::Result<Ending> {
        self.child.wait().map(family::ending)
    }

    /// Kills every process of the tree. Safe to call again, and after the root has ended.
    pub fn kill_tree(&mut self) {
        self.tree.kill(&mut self.child);
        self.killed = true;
    }

    /// The same kill as [`ProcessTree::kill_tree`], for another thread to hold.
    pub fn killer(&self) -> TreeKiller {
        TreeKiller(self.tree.killer())
    }

    /// How [`Limits::memory_bytes`] is enforced for this tree.
    pub fn memory_cap(&self) -> MemoryCap {
        self.tree.memory_cap()
    }

    /// How many threads the root process has alive (its children's are not counted: scanning
    /// every process of the machine every few milliseconds would cost more than the test).
    pub fn thread_count(&self) -> Option<usize> {
        self.tree.thread_count(&self.child)
    }

    /// The resident memory of the tree, in bytes: the whole process group on macOS, where it is
    /// the memory cap; the root process elsewhere.
    pub fn resident_bytes(&self) -> Option<u64> {
        self.tree.resident_bytes(&self.child)
    }

    /// What every thread of every process of the tree is doing, root first, or `None` where the
    /// system does not say (always on Windows).
    pub fn thread_states(&self) -> Option<Vec<ThreadState>> {
        self.tree.thread_states()
    }

    /// What each thread of the test process (not of the processes it started: their threads
    /// cannot wake its own) is asleep in, read one thread after another as the iterator is
    /// advanced, main first, so that a caller looking for a thread that still runs stops reading
    /// at the first. `None` where the system does not say (macOS, Windows) or the process is
    /// gone.
    pub fn thread_waits(&self) -> Option<Box<dyn Iterator<Item = ThreadWait>>> {
        self.tree.thread_waits(&self.child)
    }
}

impl Drop for ProcessTree {
    fn drop(&mut self) {
        if !self.killed {
            self.kill_tree();
        }
        // Reaps the root, so that it is not left a zombie on unix; it was just killed, so this
        // does not wait long.
        let _ = self.child.wait();
    }
}

/// Kills one [`ProcessTree`] from anywhere, for as long as it is held.
#[derive(Clone)]
pub struct TreeKiller(family::Killer);

impl TreeKiller {
    /// Kills every process of the tree.
    pub fn kill(&self) {
        self.0.kill();
    }
}

/// Probes this machine once, on the first test started.
fn probe_once() -> &'static [Weakness] {
    static PROBED: std::sync::OnceLock<Vec<Weakness>> = std::sync::OnceLock::new();
    PROBED.get_or_init(family::probe)
}

/// Weaknesses seen so far, and whether each has been reported by [`new_weaknesses`].
static WEAKNESSES: Mutex<Vec<(Weakness, bool)>> = Mutex::new(Vec::new());

fn remember_weaknesses(found: &[Weakness]) {
    let mut known = WEAKNESSES.lock().unwrap_or_else(|p| p.into_inner());
    for weakness in found {
        if !known.iter().any(|(w, _)| w == weakness) {
            known.push((*weakness, false));
        }
    }
}

/// The weaknesses of this machine found since the last call (each is reported once per run),
/// sorted.
pub fn new_weaknesses() -> Vec<Weakness> {
    let mut known = WEAKNESSES.lock().unwrap_or_else(|p| p.into_inner());
    let mut new: Vec<Weakness> = known
        .iter_mut()
        .filter(|(_, reported)| !*reported)
        .map(|(weakness, reported)| {
            *reported = true;
            *weakness
        })
        .collect();
    new.sort();
    new
}

/// Lets every user read `file` (and its owner write it), as files usually are: mode 0644 on
/// unix. Windows files inherit their folder's access list, which already does.
pub fn readable_by_all(file: &File) -> io::Result<()> {
    family::readable_by_all(file)
}

/// Takes an exclusive lock on `file`, waiting for whoever holds it. `std`'s lock is `flock` on
/// Linux and macOS (advisory: only other lockers wait) and `LockFileEx` on Windows (mandatory:
/// other processes cannot read or write the locked file either, which is why the grader locks a
/// file of its own that nothing reads). Released when `file` is closed.
pub fn lock_exclusively(file: &File) -> io::Result<()> {
    file.lock()
}

/// Fills `bytes` from the system's secure random source (`getrandom` on Linux, `getentropy` on
/// macOS, `ProcessPrng` on Windows).
pub fn fill_random(bytes: &mut [u8]) -> io::Result<()> {
    getrandom::fill(bytes).map_err(|error| io::Error::other(error.to_string()))
}

/// Who may read a file or folder the grader writes for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anybody on the machine (a web server running as another user, say); only the owner
    /// writes: `0644` for a file, `0755` for a folder.
    Everyone,
    /// The owner alone: `0600` for a file, `0700` for a folder.
    OwnerOnly,
}

/// Gives an open file `access`, whatever the umask it was created under. A no-op on Windows.
pub fn set_file_access(file: &File, access: Access) -> io::Result<()> {
    family::set_file_access(file, access)
}

/// Gives a folder `access`, whatever the umask it was created under. A no-op on Windows.
pub fn set_folder_access(folder: &Path, access: Access) -> io::Result<()> {
    family::set_folder_access(folder, access)
}

#[cfg(test)]
mod tests {
    //! The platform's promises, checked with real processes: this test binary re-executes
    //! itself in a role named by an environment variable (`role_*` below) to be the child,
    //! grandchild or crash under test. The same tests run under Wine (`scripts/wine-grader.sh`).

    use std::io::{BufRead as _, BufReader};
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    use super::*;

    const ROLE: &str = "THREADLINGS_PLATFORM_TEST_ROLE";
    const LIMITS: Limits = Limits {
        memory_bytes: Some(4 << 30),
    };

    /// This test binary, running only the role test `role`, as `role`. Roles talk on standard
    /// error: libtest writes its own lines to standard output.
    fn as_role(role: &str) -> Command {
        let mut command = Command::new(std::env::current_exe().expect("the test binary"));
        command
            .args([&format!("platform::tests::role_{role}"), "--exact"])
            .args(["--nocapture", "--test-threads=1"])
            .env(ROLE, role)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        command
    }

    fn playing(role: &str) -> bool {
        std::env::var(ROLE).is_ok_and(|r| r == role)
    }

    /// Starts a grandchild (which inherits this process's standard error), says both ids and
    /// waits for it.
    #[test]
    fn role_parent() {
        if !playing("parent") {
            return;
        }
        let mut grandchild = as_role("grandchild")
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the grandchild starts");
        eprintln!("{} {}", std::process::id(), grandchild.id());
        // Waits as long as the grandchild sleeps: until the test kills them both.
        let _ = grandchild.wait();
    }

    /// Sleeps, silently.
    #[test]
    fn role_grandchild() {
        if playing("grandchild") {
            std::thread::sleep(Duration::from_secs(120));
        }
    }

    /// Sleeps, with four more threads.
    #[test]
    fn role_sleeper() {
        if !playing("sleeper") {
            return;
        }
        for _ in 0..4 {
            std::thread::spawn(|| std::thread::sleep(Duration::from_secs(120)));
        }
        eprintln!("ready");
        std::thread::sleep(Duration::from_secs(120));
    }

    /// Asks for 2 GiB at once, and says so if it got them.
    #[test]
    fn role_hog() {
        if playing("hog") {
            let hoard = vec![1u8; 2 << 30];
            eprintln!("got {} bytes", std::hint::black_box(hoard).len());
            std::process::exit(0);
        }
    }

    #[test]
    fn role_abort() {
        if playing("abort") {
            std::process::abort();
        }
    }

    #[test]
    fn role_exit() {
        if playing("exit") {
            std::process::exit(3);
        }
    }

    fn first_line(tree: &mut ProcessTree) -> String {
        let stderr = tree.child().stderr.as_mut().expect("piped");
        let mut line = String::new();
        BufReader::new(stderr)
            .read_line(&mut line)
            .expect("a line from the child");
        line
    }

    fn wait_until_gone(pid: u32) -> bool {
        let deadline = Instant::now() + Duration::from_secs(10);
        while family::is_alive(pid) {
            if Instant::now() > deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        true
    }

    #[test]
    fn kill_tree_ends_the_child_and_its_grandchild() {
        let mut tree = ProcessTree::spawn(&mut as_role("parent"), LIMITS).expect("spawn");
        let line = first_line(&mut tree);
        let ids: Vec<u32> = line
            .split_whitespace()
            .map(|id| id.parse().expect("a process id"))
            .collect();
        assert_eq!(ids.len(), 2, "{line:?}");
        assert_eq!(ids[0], tree.id());
        assert!(
            tree.tree.contained(),
            "the tree is not contained (no Job Object?)"
        );
        assert!(family::is_alive(ids[1]), "the grandchild is running");
        tree.kill_tree();
        let ending = tree.wait().expect("the child ends");
        assert_ne!(ending, Ending::Exited(0));
        assert!(wait_until_gone(ids[0]), "the child outlived kill_tree");
        assert!(wait_until_gone(ids[1]), "the grandchild outlived kill_tree");
        // Everything that held the pipe is gone, so it reads to its end.
        let mut rest = String::new();
        let stderr = tree.child().stderr.take().expect("piped");
        std::io::Read::read_to_string(&mut BufReader::new(stderr), &mut rest).expect("read");
    }

    #[test]
    fn dropping_a_tree_kills_it() {
        let mut tree = ProcessTree::spawn(&mut as_role("parent"), LIMITS).expect("spawn");
        let line = first_line(&mut tree);
        let grandchild: u32 = line
            .split_whitespace()
            .nth(1)
            .and_then(|id| id.parse().ok())
            .expect("the grandchild's id");
        let child = tree.id();
        drop(tree);
        assert!(wait_until_gone(child), "the child outlived its tree");
        assert!(
            wait_until_gone(grandchild),
            "the grandchild outlived its tree"
        );
    }

    #[test]
    fn a_killer_kills_from_another_thread() {
        let mut tree = ProcessTree::spawn(&mut as_role("sleeper"), LIMITS).expect("spawn");
        first_line(&mut tree);
        let killer = tree.killer();
        std::thread::spawn(move || killer.kill())
            .join()
            .expect("the killer");
        let deadline = Instant::now() + Duration::from_secs(10);
        while tree.try_wait().expect("try_wait").is_none() {
            assert!(Instant::now() < deadline, "the killer did not kill");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn threads_and_memory_are_seen() {
        let mut tree = ProcessTree::spawn(&mut as_role("sleeper"), LIMITS).expect("spawn");
        first_line(&mut tree);
        let threads = tree.thread_count().expect("a thread count");
        assert!(threads >= 5, "{threads} threads");
        let resident = tree.resident_bytes().expect("a resident size");
        assert!(resident > 0);
        #[cfg(unix)]
        {
            let states = tree.thread_states().expect("thread states");
            assert!(states.len() >= 5, "{states:?}");
            #[cfg(target_os = "linux")]
            assert_eq!(states[0].name, "main", "{states:?}");
        }
        #[cfg(windows)]
        assert_eq!(tree.thread_states(), None);
        tree.kill_tree();
    }

    #[test]
    fn an_abort_is_a_crash() {
        let mut tree = ProcessTree::spawn(&mut as_role("abort"), LIMITS).expect("spawn");
        let ending = tree.wait().expect("it ends");
        let Ending::Crashed(crash) = ending else {
            panic!("an abort ended as {ending:?}");
        };
        assert_eq!(crash.cause, CrashCause::Abort, "{crash:?}");
    }

    #[test]
    fn a_memory_cap_the_system_enforces_stops_an_allocation() {
        let limits = Limits {
            memory_bytes: Some(256 << 20),
        };
        let mut tree = ProcessTree::spawn(&mut as_role("hog"), limits).expect("spawn");
        if tree.memory_cap() != MemoryCap::BySystem {
            // macOS: the caller polls resident memory, which the runner's tests cover.
            tree.kill_tree();
            return;
        }
        let ending = tree.wait().expect("it ends");
        let Ending::Crashed(crash) = ending else {
            panic!("an allocation past the cap ended as {ending:?}");
        };
        assert_eq!(crash.cause, CrashCause::Abort, "{crash:?}");
    }

    #[test]
    fn an_exit_code_is_not_a_crash() {
        let mut tree = ProcessTree::spawn(&mut as_role("exit"), LIMITS).expect("spawn");
        assert_eq!(tree.wait().expect("it ends"), Ending::Exited(3));
    }

    #[test]
    fn this_machine_has_no_weakness() {
        // The machines the course is developed and tested on have everything.
        assert_eq!(probe_once(), &[] as &[Weakness]);
    }

    #[test]
    fn a_weakness_is_reported_once() {
        remember_weaknesses(&[Weakness::HangDescription]);
        remember_weaknesses(&[Weakness::HangDescription]);
        let first = new_weaknesses();
        assert!(first.contains(&Weakness::HangDescription));
        assert!(!new_weaknesses().contains(&Weakness::HangDescription));
    }

    #[test]
    fn a_held_lock_keeps_others_out() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("lock");
        let first = File::create(&path).expect("create");
        lock_exclusively(&first).expect("lock");
        let second = File::options().write(true).open(&path).expect("open");
        assert!(second.try_lock().is_err(), "a second lock was granted");
        drop(first);
        assert!(second.try_lock().is_ok(), "the lock outlived its file");
    }

    #[test]
    fn random_bytes_differ() {
        let (mut a, mut b) = ([0u8; 16], [0u8; 16]);
        fill_random(&mut a).expect("random");
        fill_random(&mut b).expect("random");
        assert_ne!(a, b);
    }
}
