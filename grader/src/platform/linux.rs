//! Linux's caps and probes: `RLIMIT_AS` caps memory, and `/proc` tells thread counts, resident
//! memory and what each thread of a process group is doing; `prctl` makes the grader a child
//! subreaper, so that `/proc` also shows the processes that escaped a test's group; the cgroup
//! file system tells the container's memory limit.

use std::fs;
use std::path::Path;

use super::{Activity, MemoryCap, ThreadState, Weakness};

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
