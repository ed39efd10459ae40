//! macOS's caps and probes. `RLIMIT_AS` is accepted but not enforced there, so the memory cap is
//! polled: `proc_pidinfo` tells each process's resident memory, thread count and threads'
//! run states (running or waiting, not on what).

use std::ffi::{CStr, c_int, c_void};
use std::mem::{MaybeUninit, size_of};

use super::{Activity, MemoryCap, ThreadState, ThreadWait, Weakness};

/// `proc_listpids` type: the processes of one process group (`sys/proc_info.h`).
const PROC_PGRP_ONLY: u32 = 2;
/// `proc_pidinfo` flavor: the ids of a process's threads, as `u64`s (`sys/proc_info.h`).
const PROC_PIDLISTTHREADS: c_int = 6;
/// The most processes of one group, and threads of one process, read; far above the caps.
const MOST_LISTED: usize = 8192;

/// No core dump: a crash is reported by the grader; a core dump would only fill the disk. Runs
/// between fork and exec, so it calls nothing but setrlimit. The memory cap is polled instead.
pub fn limit_this_process(_memory: Option<u64>) {
    let limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: setrlimit only reads `limit`, which lives on this stack.
    unsafe { libc::setrlimit(libc::RLIMIT_CORE, &limit) };
}

/// Nothing to prepare: the memory cap is polled resident memory, which reservations do not
/// count against.
pub fn prepare(_command: &mut std::process::Command, _memory: Option<u64>) {}

/// macOS has no child subreaper: a test's process that leaves its group (`setsid`) and loses its
/// parent goes to launchd, out of the grader's reach.
pub fn become_subreaper() {}

/// Nothing is given back to the grader on macOS (see [`become_subreaper`]).
pub fn descendants(_ancestor: u32) -> Vec<(u32, u32)> {
    Vec::new()
}

/// Not counted on macOS: [`super::end_processes_of`] kills twice instead.
pub fn live_processes_of(_uid: u32) -> Option<usize> {
    None
}

/// macOS has no cgroups; the grader reads no container limit there.
pub fn memory_limit() -> Option<u64> {
    None
}

/// Polled, where `proc_pidinfo` answers.
pub fn memory_cap() -> MemoryCap {
    // SAFETY: getpid has no preconditions.
    if task_info(unsafe { libc::getpid() }).is_some() {
        MemoryCap::Polled
    } else {
        MemoryCap::Missing
    }
}

fn task_info(pid: libc::pid_t) -> Option<libc::proc_taskinfo> {
    let mut info = MaybeUninit::<libc::proc_taskinfo>::zeroed();
    let size = size_of::<libc::proc_taskinfo>() as c_int;
    // SAFETY: the buffer is a proc_taskinfo of `size` bytes, which is what this flavor writes.
    let written = unsafe {
        libc::proc_pidinfo(
            pid,
            libc::PROC_PIDTASKINFO,
            0,
            info.as_mut_ptr().cast::<c_void>(),
            size,
        )
    };
    // SAFETY: a full answer initialised every field; the struct is plain integers, so even
    // zeroes are valid.
    (written == size).then(|| unsafe { info.assume_init() })
}

/// Threads of process `pid`.
pub fn thread_count(pid: libc::pid_t) -> Option<usize> {
    task_info(pid).and_then(|info| usize::try_from(info.pti_threadnum).ok())
}

/// The processes of group `group`.
fn group_members(group: libc::pid_t) -> Option<Vec<libc::pid_t>> {
    let mut pids = vec![0 as libc::pid_t; MOST_LISTED];
    let size = (pids.len() * size_of::<libc::pid_t>()) as c_int;
    // SAFETY: the buffer holds `size` bytes of pids, which is what proc_listpids writes at most.
    let written = unsafe {
        libc::proc_listpids(
            PROC_PGRP_ONLY,
            group as u32,
            pids.as_mut_ptr().cast::<c_void>(),
            size,
        )
    };
    let count = usize::try_from(written).ok()? / size_of::<libc::pid_t>();
    pids.truncate(count);
    pids.retain(|pid| *pid > 0);
    Some(pids)
}

/// The resident memory of every process of group `group`: the memory cap on macOS.
pub fn resident_bytes(group: libc::pid_t) -> Option<u64> {
    let leader = task_info(group)?;
    let others: u64 = group_members(group)
        .unwrap_or_default()
        .into_iter()
        .filter(|pid| *pid != group)
        .filter_map(task_info)
        .map(|info| info.pti_resident_size)
        .sum();
    Some(leader.pti_resident_size + others)
}

/// macOS tells whether a thread waits, not on what nor whether with a timeout
/// (`proc_pidinfo`'s thread information has no such field): a deadlock is found at the deadline.
pub fn thread_waits(_pid: libc::pid_t) -> Option<Box<dyn Iterator<Item = ThreadWait>>> {
    None
}

/// Whether each thread of group `group` was running or waiting, and its name.
pub fn thread_states(group: libc::pid_t) -> Option<Vec<ThreadState>> {
    let mut pids = group_members(group)?;
    // The group's leader first: it is the test process.
    pids.sort_unstable_by_key(|pid| (*pid != group, *pid));
    let mut threads = Vec::new();
    for pid in pids {
        let mut ids = vec![0u64; MOST_LISTED];
        let size = (ids.len() * size_of::<u64>()) as c_int;
        // SAFETY: the buffer holds `size` bytes of thread ids, which is what this flavor writes
        // at most.
        let written = unsafe {
            libc::proc_pidinfo(
                pid,
                PROC_PIDLISTTHREADS,
                0,
                ids.as_mut_ptr().cast::<c_void>(),
                size,
            )
        };
        let Ok(written) = usize::try_from(written) else {
            continue;
        };
        ids.truncate(written / size_of::<u64>());
        for id in ids {
            let mut info = MaybeUninit::<libc::proc_threadinfo>::zeroed();
            let size = size_of::<libc::proc_threadinfo>() as c_int;
            // SAFETY: the buffer is a proc_threadinfo of `size` bytes, which this flavor writes.
            let written = unsafe {
                libc::proc_pidinfo(
                    pid,
                    libc::PROC_PIDTHREADINFO,
                    id,
                    info.as_mut_ptr().cast::<c_void>(),
                    size,
                )
            };
            if written != size {
                continue;
            }
            // SAFETY: fully written above; plain integers and characters.
            let info = unsafe { info.assume_init() };
            // SAFETY: the name is a zero-padded array; the last byte is forced to 0 below so the
            // search for the end stays inside it.
            let name = unsafe {
                let mut name = info.pth_name;
                name[name.len() - 1] = 0;
                CStr::from_ptr(name.as_ptr()).to_string_lossy().into_owned()
            };
            threads.push(ThreadState {
                name: if name.is_empty() {
                    "(unnamed)".to_owned()
                } else {
                    name
                },
                activity: match info.pth_run_state {
                    libc::TH_STATE_RUNNING => Activity::Running,
                    libc::TH_STATE_WAITING | libc::TH_STATE_UNINTERRUPTIBLE => Activity::Waiting,
                    libc::TH_STATE_STOPPED | libc::TH_STATE_HALTED => {
                        Activity::Other("stopped".to_owned())
                    }
                    _ => Activity::Other("unknown".to_owned()),
                },
            });
        }
    }
    Some(threads)
}

/// Where `proc_pidinfo` does not answer, nothing can be counted, measured or described.
pub fn probe() -> Vec<Weakness> {
    // SAFETY: getpid has no preconditions.
    if task_info(unsafe { libc::getpid() }).is_some() {
        Vec::new()
    } else {
        vec![
            Weakness::MemoryCap,
            Weakness::ThreadCap,
            Weakness::HangDescription,
        ]
    }
}

/// Whether `pid`, which exists, is a zombie: dead, waiting for its parent to read its status.
/// A zombie has no task left to describe.
#[cfg(test)]
pub fn is_zombie(pid: u32) -> bool {
    task_info(pid as libc::pid_t).is_none()
}
