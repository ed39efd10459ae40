//! Linux's caps and probes: `RLIMIT_AS` caps memory, and `/proc` tells thread counts, resident
//! memory and what each thread of a process group is doing; `prctl` makes the grader a child
//! subreaper, so that `/proc` also shows the processes that escaped a test's group; the cgroup
//! file system tells the container's memory limit.

use std::fs;
use std::path::Path;

use super::{Activity, Futex, MemoryCap, ThreadState, ThreadWait, Wait, Weakness};

/// Where Linux shows its processes. Parameters named `proc` let the tests use another folder.
const PROC: &str = "/proc";

/// Caps the calling process: its address space at `memory` bytes, and no core dump (a crash is
/// reported by the grader; a core dump would only fill the disk). Runs between fork and exec,
/// so it calls nothing but setrlimit.
pub fn limit_this_process(memory: Option<u64>) {
    let limit = |resource, value: u64| {
        let limit = libc::rlimit {
            rlim_cur: value as libc::rlim_t,
            rlim_max: value as libc::rlim_t,
        };
        // SAFETY: setrlimit only reads `limit`, which lives on this stack. A failure (a hard
        // limit already lower) leaves the lower limit, which caps the process all the same.
        unsafe { libc::setrlimit(resource, &limit) };
    };
    if let Some(memory) = memory {
        limit(libc::RLIMIT_AS, memory);
    }
    limit(libc::RLIMIT_CORE, 0);
}

/// What glibc reserves of address space for each malloc arena (`HEAP_MAX_SIZE` on 64-bit).
const ARENA_RESERVATION: u64 = 64 << 20;

/// Prepares a capped process's environment, before it is started: `RLIMIT_AS` counts address
/// space reserved, not memory used, and glibc reserves 64 MiB for each malloc arena, up to 8
/// arenas per processor of the machine (not of the container). On a 2-processor machine under
/// a 640 MiB cap, the 16 arenas of a test with a few dozen threads leave no room for thread
/// stacks, and a correct solution fails to spawn a thread. So when the arenas could take more
/// than a quarter of the cap, `MALLOC_ARENA_MAX` keeps them to that quarter.
pub fn prepare(command: &mut std::process::Command, memory: Option<u64>) {
    let Some(memory) = memory else {
        return;
    };
    // SAFETY: sysconf has no preconditions.
    let processors = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) }.max(1) as u64;
    let arenas = (memory / 4 / ARENA_RESERVATION).max(1);
    if arenas < 8 * processors {
        command.env("MALLOC_ARENA_MAX", arenas.to_string());
    }
}

/// The kernel enforces `RLIMIT_AS`.
pub fn memory_cap() -> MemoryCap {
    MemoryCap::BySystem
}

/// Threads of process `pid`, from `/proc/PID/status`.
pub fn thread_count(pid: libc::pid_t) -> Option<usize> {
    thread_count_in(Path::new(PROC), pid)
}

fn thread_count_in(proc: &Path, pid: libc::pid_t) -> Option<usize> {
    let status = fs::read_to_string(proc.join(pid.to_string()).join("status")).ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("Threads:"))
        .and_then(|count| count.trim().parse().ok())
}

/// Resident memory of process `pid`, from `/proc/PID/statm` (in pages).
pub fn resident_bytes(pid: libc::pid_t) -> Option<u64> {
    let statm = fs::read_to_string(Path::new(PROC).join(pid.to_string()).join("statm")).ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    // SAFETY: sysconf has no preconditions.
    let page_size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    Some(pages * u64::try_from(page_size).ok()?)
}

/// The state of every thread of every process in process group `group`, or `None` without
/// `/proc`.
pub fn thread_states(group: libc::pid_t) -> Option<Vec<ThreadState>> {
    thread_states_in(Path::new(PROC), group)
}

fn thread_states_in(proc: &Path, group: libc::pid_t) -> Option<Vec<ThreadState>> {
    let processes = fs::read_dir(proc).ok()?;
    let mut pids: Vec<u32> = processes
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse().ok())
        .filter(|pid| process_group_of(proc, *pid) == Some(group as u32))
        .collect();
    pids.sort_unstable();
    // The group's leader first: it is the test process.
    if let Some(at) = pids.iter().position(|pid| *pid == group as u32) {
        pids[..=at].rotate_right(1);
    }
    let mut threads = Vec::new();
    for pid in pids {
        let Ok(tasks) = fs::read_dir(proc.join(pid.to_string()).join("task")) else {
            continue;
        };
        let mut tids: Vec<u32> = tasks
            .flatten()
            .filter_map(|entry| entry.file_name().to_str()?.parse().ok())
            .collect();
        tids.sort_unstable();
        for tid in tids {
            if let Some(mut state) = thread_state(proc, pid, tid) {
                // Threads nobody named inherit the program's name; say what they are instead.
                if tid == pid {
                    state.name = "main".to_owned();
                } else if state.name.starts_with("hidden-") {
                    state.name = "(unnamed)".to_owned();
                }
                threads.push(state);
            }
        }
    }
    Some(threads)
}

fn process_group_of(proc: &Path, pid: u32) -> Option<u32> {
    let stat = fs::read_to_string(proc.join(pid.to_string()).join("stat")).ok()?;
    // The name may hold spaces and parentheses, so fields are counted after the last ')'.
    let after_name = &stat[stat.rfind(')')? + 2..];
    after_name.split(' ').nth(2)?.parse().ok()
}

fn thread_state(proc: &Path, pid: u32, tid: u32) -> Option<ThreadState> {
    let base = proc
        .join(pid.to_string())
        .join("task")
        .join(tid.to_string());
    let name = fs::read_to_string(base.join("comm"))
        .ok()?
        .trim()
        .to_owned();
    let stat = fs::read_to_string(base.join("stat")).ok()?;
    let state = stat[stat.rfind(')')? + 2..].chars().next()?;
    let wchan = fs::read_to_string(base.join("wchan")).unwrap_or_default();
    Some(ThreadState {
        name,
        activity: classify(state, wchan.trim()),
    })
}

/// The futex system call's number on this processor, as `/proc/…/syscall` shows it; `None` on a
/// processor the grader does not know, where every wait is [`Wait::Unknown`].
#[cfg(target_arch = "x86_64")]
const FUTEX: Option<u64> = Some(202);
#[cfg(target_arch = "aarch64")]
const FUTEX: Option<u64> = Some(98);
#[cfg(not(any(target_arch = "x86_64", target_arch = "aarch64")))]
const FUTEX: Option<u64> = None;

/// The futex operations that wait (`FUTEX_WAIT`, and `FUTEX_WAIT_BITSET`, which std and glibc
/// use); both take `(word, op, expected, timeout, …)`, the timeout a null pointer for none.
const FUTEX_WAIT: u64 = 0;
const FUTEX_WAIT_BITSET: u64 = 9;
/// Flags of the operation: the wait is private to the process; the timeout is on the wall clock.
const FUTEX_PRIVATE_FLAG: u64 = 128;
const FUTEX_CLOCK_REALTIME: u64 = 256;

/// What each thread of process `pid` is asleep in, read lazily, main first; `None` without
/// `/proc`.
pub fn thread_waits(pid: libc::pid_t) -> Option<Box<dyn Iterator<Item = ThreadWait>>> {
    thread_waits_in(Path::new(PROC), pid as u32)
}

fn thread_waits_in(proc: &Path, pid: u32) -> Option<Box<dyn Iterator<Item = ThreadWait>>> {
    let tasks = fs::read_dir(proc.join(pid.to_string()).join("task")).ok()?;
    let mut tids: Vec<u32> = tasks
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse().ok())
        .collect();
    tids.sort_unstable_by_key(|tid| (*tid != pid, *tid));
    let proc = proc.to_path_buf();
    Some(Box::new(
        tids.into_iter()
            .map(move |tid| thread_wait(&proc, pid, tid)),
    ))
}

/// One thread's wait. The system call is read before the status, so that a status read after it
/// that shows the thread asleep, with the switch count of an earlier look, proves that it has
/// been in that very call since (see `crate::deadlock`).
fn thread_wait(proc: &Path, pid: u32, tid: u32) -> ThreadWait {
    let base = proc
        .join(pid.to_string())
        .join("task")
        .join(tid.to_string());
    let syscall = fs::read_to_string(base.join("syscall")).ok();
    let status = fs::read_to_string(base.join("status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .map(str::trim)
    };
    let count = |name: &str| field(name).and_then(|n| n.parse::<u64>().ok());
    let system_name = field("Name:").unwrap_or_default().to_owned();
    let name = if tid == pid {
        "main".to_owned()
    } else if system_name.starts_with("hidden-") {
        "(unnamed)".to_owned()
    } else {
        system_name.clone()
    };
    let asleep = field("State:").is_some_and(|state| state.starts_with('S'));
    let wait = match (syscall, count("voluntary_ctxt_switches:")) {
        // A thread that is gone, or whose call the grader may not read.
        (None, _) | (_, None) => Wait::Unknown,
        (Some(syscall), Some(_)) => match FUTEX {
            None => Wait::Unknown,
            Some(futex) if asleep => classify_syscall(&syscall, futex),
            Some(_) => Wait::Other,
        },
    };
    ThreadWait {
        id: tid,
        name,
        system_name,
        wait,
        switches: count("voluntary_ctxt_switches:").unwrap_or(0)
            + count("nonvoluntary_ctxt_switches:").unwrap_or(0),
    }
}

/// A sleeping thread's wait from its `syscall` line: `NUMBER ARG1 … ARG6 SP PC` while in a call,
/// `-1 SP PC` outside one, `running` for a thread on a processor.
fn classify_syscall(line: &str, futex: u64) -> Wait {
    let fields: Vec<&str> = line.split_whitespace().collect();
    let number = |at: usize| {
        let text = fields.get(at)?;
        match text.strip_prefix("0x") {
            Some(hex) => u64::from_str_radix(hex, 16).ok(),
            None => text.parse().ok(),
        }
    };
    if number(0) != Some(futex) {
        return Wait::Other;
    }
    let (Some(address), Some(op), Some(expected), Some(timeout)) =
        (number(1), number(2), number(3), number(4))
    else {
        return Wait::Other;
    };
    let command = op & !(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME);
    if command != FUTEX_WAIT && command != FUTEX_WAIT_BITSET {
        return Wait::Other;
    }
    let futex = Futex {
        address,
        expected: expected as u32,
        shared: op & FUTEX_PRIVATE_FLAG == 0,
    };
    if timeout == 0 {
        Wait::Untimed(futex)
    } else {
        Wait::Timed(futex)
    }
}

/// A thread's activity from its state letter and the kernel function it sleeps in.
fn classify(state: char, wchan: &str) -> Activity {
    if state == 'R' {
        Activity::Running
    } else if wchan.contains("futex") {
        Activity::WaitingOnLock
    } else if wchan.contains("nanosleep") || wchan.contains("hrtimer") {
        Activity::Sleeping
    } else if wchan.contains("pipe") || wchan.contains("poll") || wchan.contains("read") {
        Activity::WaitingOnIo
    } else if wchan.is_empty() || wchan == "0" {
        Activity::Other("unknown".to_owned())
    } else {
        Activity::Other(wchan.to_owned())
    }
}

/// Without `/proc`, threads can be neither counted nor described.
pub fn probe() -> Vec<Weakness> {
    probe_in(Path::new(PROC))
}

fn probe_in(proc: &Path) -> Vec<Weakness> {
    // SAFETY: getpid has no preconditions.
    let me = unsafe { libc::getpid() };
    let mut weaknesses = Vec::new();
    if thread_count_in(proc, me).is_none() {
        weaknesses.push(Weakness::ThreadCap);
    }
    // SAFETY: getpgrp has no preconditions.
    let group = unsafe { libc::getpgrp() };
    if thread_states_in(proc, group).is_none_or(|threads| threads.is_empty()) {
        weaknesses.push(Weakness::HangDescription);
    }
    weaknesses
}

/// Asks to be given the orphans of this process's descendants (`PR_SET_CHILD_SUBREAPER`), so
/// that a test's process that left its group (`setsid`) and lost its parent stays below the
/// grader, where [`descendants`] finds it. A refusal leaves the grader as it was.
pub fn become_subreaper() {
    // SAFETY: prctl with this option takes one integer and touches no memory of ours.
    unsafe { libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) };
}

/// Every process below `ancestor` (not itself), with its parent, read from `/proc`.
pub fn descendants(ancestor: u32) -> Vec<(u32, u32)> {
    descendants_in(Path::new(PROC), ancestor)
}

fn descendants_in(proc: &Path, ancestor: u32) -> Vec<(u32, u32)> {
    let Ok(entries) = fs::read_dir(proc) else {
        return Vec::new();
    };
    let parents: Vec<(u32, u32)> = entries
        .flatten()
        .filter_map(|entry| entry.file_name().to_str()?.parse().ok())
        .filter_map(|pid| Some((pid, parent_of(proc, pid)?)))
        .collect();
    let mut found: Vec<(u32, u32)> = Vec::new();
    let mut frontier = vec![ancestor];
    while let Some(parent) = frontier.pop() {
        for &(pid, of) in &parents {
            if of == parent && pid != ancestor && !found.iter().any(|(p, _)| *p == pid) {
                found.push((pid, of));
                frontier.push(pid);
            }
        }
    }
    found
}

fn parent_of(proc: &Path, pid: u32) -> Option<u32> {
    let stat = fs::read_to_string(proc.join(pid.to_string()).join("stat")).ok()?;
    let after_name = &stat[stat.rfind(')')? + 2..];
    after_name.split(' ').nth(1)?.parse().ok()
}

/// How many processes of user `uid` are alive (zombies are dead), or `None` without `/proc`.
pub fn live_processes_of(uid: u32) -> Option<usize> {
    use std::os::unix::fs::MetadataExt as _;
    let entries = fs::read_dir(PROC).ok()?;
    Some(
        entries
            .flatten()
            .filter(|entry| {
                entry
                    .file_name()
                    .to_str()
                    .is_some_and(|n| n.parse::<u32>().is_ok())
            })
            .filter(|entry| entry.metadata().is_ok_and(|m| m.uid() == uid))
            .filter(|entry| {
                fs::read_to_string(entry.path().join("stat"))
                    .ok()
                    .and_then(|stat| Some(!stat[stat.rfind(')')? + 2..].starts_with('Z')))
                    .unwrap_or(false)
            })
            .count(),
    )
}

/// The memory limit of the cgroup this process runs in, or of any cgroup above it, whichever is
/// smallest: cgroup v2's `memory.max`, or v1's `memory.limit_in_bytes`. `None` when there is
/// none, or no cgroup file system to read it from.
pub fn memory_limit() -> Option<u64> {
    let cgroups = fs::read_to_string(Path::new(PROC).join("self/cgroup")).ok()?;
    memory_limit_in(&cgroups, Path::new("/sys/fs/cgroup"))
}

/// A v1 limit this high means "no limit" (the kernel shows its largest page-aligned value).
const NO_V1_LIMIT: u64 = 1 << 62;

fn memory_limit_in(cgroups: &str, mount: &Path) -> Option<u64> {
    // cgroup v2: one hierarchy, `0::/path`. v1: a line per hierarchy, the memory one named.
    let (base, path, file) = if mount.join("cgroup.controllers").exists() {
        let path = cgroups.lines().find_map(|line| line.strip_prefix("0::"))?;
        (mount.to_path_buf(), path, "memory.max")
    } else {
        let path = cgroups.lines().find_map(|line| {
            let mut fields = line.splitn(3, ':');
            let (_, controllers, path) = (fields.next()?, fields.next()?, fields.next()?);
            controllers
                .split(',')
                .any(|c| c == "memory")
                .then_some(path)
        })?;
        (mount.join("memory"), path, "memory.limit_in_bytes")
    };
    // Every level from the process's own cgroup up to the mount's root (in a container with a
    // cgroup namespace, the mount's root is the container's cgroup and the path is `/`).
    let mut limit: Option<u64> = None;
    let mut here = Path::new(path.trim_start_matches('/'));
    loop {
        if let Ok(text) = fs::read_to_string(base.join(here).join(file))
            && let Ok(value) = text.trim().parse::<u64>()
            && value < NO_V1_LIMIT
        {
            limit = Some(limit.map_or(value, |l| l.min(value)));
        }
        match here.parent() {
            Some(parent) => here = parent,
            None => break,
        }
    }
    limit
}

/// Whether `pid` is a zombie: dead, waiting for its parent to read its status.
#[cfg(test)]
pub fn is_zombie(pid: u32) -> bool {
    fs::read_to_string(Path::new(PROC).join(pid.to_string()).join("stat"))
        .ok()
        .and_then(|stat| Some(stat[stat.rfind(')')? + 2..].starts_with('Z')))
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_are_classified_from_proc() {
        assert_eq!(classify('R', "0"), Activity::Running);
        assert_eq!(classify('S', "futex_do_wait"), Activity::WaitingOnLock);
        assert_eq!(classify('S', "hrtimer_nanosleep"), Activity::Sleeping);
    }

    #[test]
    fn futex_waits_are_told_from_their_system_call() {
        // As std's Mutex, a Condvar's wait_timeout and a join left them on x86_64 (arguments
        // are the same on aarch64; only the call's number differs).
        let lock = "202 0x5574343e3d70 0x89 0x2 0x0 0x0 0xffffffff 0x7f0e0d57fce8 0x7f0e0d685829";
        assert_eq!(
            classify_syscall(lock, 202),
            Wait::Untimed(Futex {
                address: 0x5574_343e_3d70,
                expected: 2,
                shared: false
            })
        );
        let timed = "202 0x5574343e3af8 0x89 0x0 0x7f0e0d17dce0 0x0 0x7f0effffffff 0x1 0x2";
        assert!(matches!(classify_syscall(timed, 202), Wait::Timed(_)));
        let join = "202 0x7f0e0c779990 0x109 0x69c3 0x0 0x0 0xffffffff 0x7f0e0c577bd0 0x1";
        assert_eq!(
            classify_syscall(join, 202),
            Wait::Untimed(Futex {
                address: 0x7f0e_0c77_9990,
                expected: 0x69c3,
                shared: true
            })
        );
        // parking_lot's FUTEX_WAIT | FUTEX_PRIVATE_FLAG.
        let parking_lot = "202 0x55d0 0x80 0x1 0x0 0x0 0x0 0x1 0x2";
        assert!(matches!(
            classify_syscall(parking_lot, 202),
            Wait::Untimed(_)
        ));
        // A wake, a sleep, a wait for a child, a thread outside a call, one running.
        let wake = "202 0x55d0 0x81 0x1 0x0 0x0 0x0 0x1 0x2";
        assert_eq!(classify_syscall(wake, 202), Wait::Other);
        let sleep = "230 0x1 0x0 0x7f0e0c979d38 0x7f0e0c979d38 0x0 0x0 0x7f0e0c979d00 0x7f";
        assert_eq!(classify_syscall(sleep, 202), Wait::Other);
        assert_eq!(
            classify_syscall("61 0x69c6 0x7f 0x0 0x0 0x0 0x0 0x1 0x2", 202),
            Wait::Other
        );
        assert_eq!(classify_syscall("-1 0x7ffe 0x7f0e", 202), Wait::Other);
        assert_eq!(classify_syscall("running", 202), Wait::Other);
    }

    #[test]
    fn a_thread_asleep_on_a_lock_is_seen_waiting_with_no_timeout() {
        // A thread of this process's own, asleep on a Mutex with no timeout, seen from /proc as
        // the grader sees a test's.
        let lock = std::sync::Arc::new(std::sync::Mutex::new(()));
        let held = lock.lock().expect("the lock");
        let (ready_tx, ready) = std::sync::mpsc::channel();
        let waiter = {
            let lock = std::sync::Arc::clone(&lock);
            std::thread::Builder::new()
                .name("waits-on-lock".to_owned())
                .spawn(move || {
                    // SAFETY: gettid has no preconditions.
                    ready_tx
                        .send(unsafe { libc::gettid() } as u32)
                        .expect("sent");
                    drop(lock.lock());
                })
                .expect("a thread")
        };
        let tid = ready.recv().expect("its id");
        // SAFETY: getpid has no preconditions.
        let pid = unsafe { libc::getpid() };
        let mut seen = None;
        for _ in 0..500 {
            let waits: Vec<ThreadWait> = thread_waits(pid).expect("/proc").collect();
            assert_eq!(waits[0].name, "main", "{waits:?}");
            seen = waits.into_iter().find(|w| w.id == tid);
            if matches!(
                seen,
                Some(ThreadWait {
                    wait: Wait::Untimed(_),
                    ..
                })
            ) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        drop(held);
        waiter.join().expect("the waiter");
        let seen = seen.expect("the waiting thread is listed");
        assert_eq!(seen.name, "waits-on-lock");
        assert!(
            matches!(seen.wait, Wait::Untimed(Futex { expected: 2, .. })),
            "{seen:?}"
        );
    }

    #[test]
    fn this_process_can_be_seen() {
        // SAFETY: getpgrp has no preconditions.
        let group = unsafe { libc::getpgrp() };
        assert!(!thread_states(group).expect("/proc").is_empty());
        assert_eq!(probe(), []);
    }

    #[test]
    fn a_memory_limit_is_read_at_every_level_of_either_cgroup_version() {
        let v1 = tempfile::tempdir().expect("a folder");
        let group = v1.path().join("memory/outer/inner");
        fs::create_dir_all(&group).expect("a cgroup");
        fs::write(group.join("memory.limit_in_bytes"), "805306368\n").expect("write");
        fs::write(
            v1.path().join("memory/outer/memory.limit_in_bytes"),
            "9223372036854771712\n",
        )
        .expect("write");
        let cgroups = "5:cpu,cpuacct:/outer/inner\n4:memory:/outer/inner\n";
        assert_eq!(memory_limit_in(cgroups, v1.path()), Some(805_306_368));
        assert_eq!(memory_limit_in("4:memory:/elsewhere\n", v1.path()), None);

        let v2 = tempfile::tempdir().expect("a folder");
        fs::write(v2.path().join("cgroup.controllers"), "cpu memory\n").expect("write");
        let group = v2.path().join("a/b");
        fs::create_dir_all(&group).expect("a cgroup");
        fs::write(group.join("memory.max"), "max\n").expect("write");
        fs::write(v2.path().join("a/memory.max"), "536870912\n").expect("write");
        assert_eq!(memory_limit_in("0::/a/b\n", v2.path()), Some(536_870_912));
        // In a container's own cgroup namespace the path is `/`.
        fs::write(v2.path().join("memory.max"), "268435456\n").expect("write");
        assert_eq!(memory_limit_in("0::/\n", v2.path()), Some(268_435_456));
    }

    #[test]
    fn a_small_cap_keeps_malloc_arenas_to_a_quarter_of_it() {
        let arenas = |memory: Option<u64>| {
            let mut command = std::process::Command::new("true");
            prepare(&mut command, memory);
            command
                .get_envs()
                .find(|(key, _)| *key == "MALLOC_ARENA_MAX")
                .and_then(|(_, value)| value?.to_str()?.parse::<u64>().ok())
        };
        // 640 MiB: two arenas of 64 MiB each at most, whatever the machine.
        assert_eq!(arenas(Some(640 << 20)), Some(2));
        assert_eq!(arenas(Some(100 << 20)), Some(1));
        assert_eq!(arenas(None), None);
    }

    #[test]
    fn descendants_are_found_through_their_parents() {
        let proc = tempfile::tempdir().expect("a folder");
        for (pid, parent) in [(10, 1), (11, 10), (12, 11), (13, 1), (14, 12)] {
            let dir = proc.path().join(pid.to_string());
            fs::create_dir_all(&dir).expect("a process");
            fs::write(dir.join("stat"), format!("{pid} (a (b) c) S {parent} 1 1")).expect("stat");
        }
        let mut found = descendants_in(proc.path(), 10);
        found.sort_unstable();
        assert_eq!(found, [(11, 10), (12, 11), (14, 12)]);
    }

    #[test]
    fn without_proc_threads_are_neither_counted_nor_described() {
        let empty = tempfile::tempdir().expect("a folder");
        assert_eq!(
            probe_in(empty.path()),
            [Weakness::ThreadCap, Weakness::HangDescription]
        );
        assert_eq!(thread_count_in(empty.path(), 1), None);
        assert_eq!(thread_states_in(&empty.path().join("absent"), 1), None);
    }
}
