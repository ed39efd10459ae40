//! The probes on Windows: thread handles for CPU time (processor cycles) and for forced
//! preemption (`SuspendThread` and `ResumeThread`); a Toolhelp snapshot for the list of
//! threads. Windows gives no cheap, documented view of a thread's state or of its voluntary and
//! involuntary switches: those are unknown.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use windows_sys::Win32::Foundation::{
    CloseHandle, DUPLICATE_SAME_ACCESS, DuplicateHandle, FILETIME, HANDLE, INVALID_HANDLE_VALUE,
    WAIT_OBJECT_0,
};
use windows_sys::Win32::System::Diagnostics::ToolHelp::{
    CreateToolhelp32Snapshot, TH32CS_SNAPTHREAD, THREADENTRY32, Thread32First, Thread32Next,
};
use windows_sys::Win32::System::Threading::{
    GetCurrentProcess, GetCurrentProcessId, GetCurrentThread, GetCurrentThreadId, GetProcessTimes,
    GetThreadTimes, OpenThread, ResumeThread, SuspendThread, THREAD_QUERY_LIMITED_INFORMATION,
    THREAD_SYNCHRONIZE, WaitForSingleObject,
};
use windows_sys::Win32::System::WindowsProgramming::{QueryProcessCycleTime, QueryThreadCycleTime};

use super::{PAUSE, Preempted, Probe, Switches, ThreadState};

/// Only the list of threads.
pub(super) const KNOWS: &[Probe] = &[Probe::ThreadList];

/// A thread, by its id and a handle to it, which this value owns.
pub(super) struct Thread {
    id: u32,
    handle: HANDLE,
}

// SAFETY: a handle is a number naming a kernel object this process holds open, usable from any
// thread; the thread object outlives the thread for as long as the handle is open.
unsafe impl Send for Thread {}
// SAFETY: as for Send: nothing in a Thread is ever written after it is made.
unsafe impl Sync for Thread {}

impl Drop for Thread {
    fn drop(&mut self) {
        // SAFETY: this value owns the handle and closes it exactly once.
        unsafe {
            CloseHandle(self.handle);
        }
    }
}

impl Thread {
    pub(super) fn current() -> Thread {
        let mut handle: HANDLE = std::ptr::null_mut();
        // SAFETY: the pseudo-handles of the current process and thread are always valid; the
        // duplicate is a real handle with the same (full) access, owned by the new value.
        unsafe {
            DuplicateHandle(
                GetCurrentProcess(),
                GetCurrentThread(),
                GetCurrentProcess(),
                &mut handle,
                0,
                0,
                DUPLICATE_SAME_ACCESS,
            );
            Thread {
                id: GetCurrentThreadId(),
                handle,
            }
        }
    }

    pub(super) fn id(&self) -> u64 {
        u64::from(self.id)
    }

    fn ended(&self) -> bool {
        // SAFETY: waiting zero milliseconds on a thread handle only asks whether it has ended;
        // a handle that could not be opened (null) makes it fail, which counts as ended.
        let status = unsafe { WaitForSingleObject(self.handle, 0) };
        self.handle.is_null() || status == WAIT_OBJECT_0
    }

    pub(super) fn cpu_time(&self) -> Option<Duration> {
        if self.ended() {
            return None;
        }
        thread_cpu_time(self.handle)
    }

    pub(super) fn state(&self) -> ThreadState {
        if self.ended() {
            ThreadState::Ended
        } else {
            ThreadState::Unknown
        }
    }

    pub(super) fn switches(&self) -> Option<Switches> {
        None
    }
}

/// How many processor cycles a second the cycle counters count, if they can be trusted as a
/// clock here: they count at the time-stamp counter's rate, measured once against the wall
/// clock (a rate of the counter, so a busy machine does not skew it). Elsewhere, or where the
/// cycle counters fail (some emulators), CPU time comes from the coarser thread times.
fn cycles_per_second() -> Option<f64> {
    static RATE: OnceLock<Option<f64>> = OnceLock::new();
    *RATE.get_or_init(|| {
        let mut cycles = 0u64;
        // SAFETY: both only write the count into `cycles`; the pseudo-handles are valid.
        let counted = unsafe {
            QueryThreadCycleTime(GetCurrentThread(), &mut cycles) != 0
                && QueryProcessCycleTime(GetCurrentProcess(), &mut cycles) != 0
        };
        if !counted {
            return None;
        }
        time_stamp_rate()
    })
}

#[cfg(target_arch = "x86_64")]
fn time_stamp_rate() -> Option<f64> {
    use std::arch::x86_64::_rdtsc;
    let started = Instant::now();
    // SAFETY: rdtsc only reads the time-stamp counter, present on every x86_64 processor.
    let first = unsafe { _rdtsc() };
    std::thread::sleep(Duration::from_millis(20));
    // SAFETY: as above.
    let last = unsafe { _rdtsc() };
    let rate = last.wrapping_sub(first) as f64 / started.elapsed().as_secs_f64();
    (rate > 1e6).then_some(rate)
}

#[cfg(not(target_arch = "x86_64"))]
fn time_stamp_rate() -> Option<f64> {
    None
}

fn from_cycles(cycles: u64, rate: f64) -> Duration {
    Duration::from_secs_f64(cycles as f64 / rate)
}

fn from_filetimes(kernel: FILETIME, user: FILETIME) -> Duration {
    let ticks = |t: FILETIME| (u64::from(t.dwHighDateTime) << 32) | u64::from(t.dwLowDateTime);
    // FILETIME counts 100 ns ticks.
    Duration::from_nanos((ticks(kernel) + ticks(user)).saturating_mul(100))
}

fn thread_cpu_time(handle: HANDLE) -> Option<Duration> {
    if let Some(rate) = cycles_per_second() {
        let mut cycles = 0u64;
        // SAFETY: only writes the count into `cycles`; `handle` is open.
        if unsafe { QueryThreadCycleTime(handle, &mut cycles) } != 0 {
            return Some(from_cycles(cycles, rate));
        }
        return None;
    }
    let zero = FILETIME {
        dwLowDateTime: 0,
        dwHighDateTime: 0,
    };
    let (mut created, mut exited, mut kernel, mut user) = (zero, zero, zero, zero);
    // SAFETY: only writes into the four FILETIMEs; `handle` is open.
    let read =
        unsafe { GetThreadTimes(handle, &mut created, &mut exited, &mut kernel, &mut user) } != 0;
    read.then(|| from_filetimes(kernel, user))
}

/// Whether the cycle counters serve as CPU clocks here (not under Wine 8, for one).
pub(super) fn fine_cpu_clocks() -> bool {
    cycles_per_second().is_some()
}

pub(super) fn process_cpu_time() -> Duration {
    // SAFETY: the pseudo-handle of the current process is always valid; both calls only write
    // into the values handed to them.
    unsafe {
        if let Some(rate) = cycles_per_second() {
            let mut cycles = 0u64;
            QueryProcessCycleTime(GetCurrentProcess(), &mut cycles);
            return from_cycles(cycles, rate);
        }
        let zero = FILETIME {
            dwLowDateTime: 0,
            dwHighDateTime: 0,
        };
        let (mut created, mut exited, mut kernel, mut user) = (zero, zero, zero, zero);
        GetProcessTimes(
            GetCurrentProcess(),
            &mut created,
            &mut exited,
            &mut kernel,
            &mut user,
        );
        from_filetimes(kernel, user)
    }
}

pub(super) fn current_thread_cpu_time() -> Duration {
    // SAFETY: GetCurrentThread returns a pseudo-handle that is always valid.
    thread_cpu_time(unsafe { GetCurrentThread() }).unwrap_or_default()
}

pub(super) fn threads() -> Option<Vec<Thread>> {
    // SAFETY: the snapshot handle is closed below; THREADENTRY32 is plain data whose size is
    // set before use, as Thread32First requires; each opened handle is owned by a Thread.
    unsafe {
        let snapshot = CreateToolhelp32Snapshot(TH32CS_SNAPTHREAD, 0);
        if snapshot == INVALID_HANDLE_VALUE {
            return None;
        }
        let process = GetCurrentProcessId();
        let mut entry: THREADENTRY32 = std::mem::zeroed();
        entry.dwSize = std::mem::size_of::<THREADENTRY32>() as u32;
        let mut threads = Vec::new();
        let mut more = Thread32First(snapshot, &mut entry) != 0;
        while more {
            if entry.th32OwnerProcessID == process {
                let handle = OpenThread(
                    THREAD_QUERY_LIMITED_INFORMATION | THREAD_SYNCHRONIZE,
                    0,
                    entry.th32ThreadID,
                );
                if !handle.is_null() {
                    threads.push(Thread {
                        id: entry.th32ThreadID,
                        handle,
                    });
                }
            }
            more = Thread32Next(snapshot, &mut entry) != 0;
        }
        CloseHandle(snapshot);
        Some(threads)
    }
}

pub(super) fn prepare_preemption() {}

pub(super) fn preempt(thread: &Thread) -> Preempted {
    if thread.ended() {
        return Preempted::Ended;
    }
    // SAFETY: the handle was duplicated with full access by the thread itself and is open.
    // While the thread is suspended this thread takes no lock and allocates nothing (the
    // suspended thread may hold the allocator's lock): it only sleeps, then resumes it.
    unsafe {
        if SuspendThread(thread.handle) == u32::MAX {
            return if thread.ended() {
                Preempted::Ended
            } else {
                Preempted::Unacknowledged
            };
        }
        std::thread::sleep(PAUSE);
        ResumeThread(thread.handle);
    }
    Preempted::Paused
}

/// Nothing reads a thread's mark here (the grader looks for deadlocks on Linux only), so there is
/// nothing to keep.
pub(super) type SystemName = ();

/// Leaves the thread's name alone: see [`super::mark_current_thread`].
pub(super) fn rename_current_thread(_mark: &std::ffi::CStr) -> Option<SystemName> {
    None
}

pub(super) fn restore_current_thread_name(_previous: &SystemName) {}
