#!/usr/bin/env python3
"""Times the learner's loop after a save, for threadlings and for rustlings, in one run.

Usage: bench-loop.py GRADER COURSE RUSTLINGS RUSTLINGS_DIR [ROUNDS]

Each round appends a comment to the file (a save that changes it), runs the command with its
standard output on a pipe, and notes when the first line arrives and when the command ends.
Prints a table of medians: the first line of feedback and the full verdict, for a compile error
and for a correct file, threadlings's locks exercises beside rustlings's threads2. Piped, the
first line of `check` is its verdict; in a terminal (a pseudo-terminal here), it is the progress
line's news that the file has no compile error of its own, so both are timed.
"""

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

grader, course, rustlings, rustlings_dir = sys.argv[1:5]
rounds = int(sys.argv[5]) if len(sys.argv) > 5 else 5
course, rustlings_dir = Path(course), Path(rustlings_dir)


def timed(command, cwd):
    """Seconds to the first line on standard output, and to the end."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
    first = process.stdout.readline()
    first_at = time.perf_counter() - start
    process.stdout.read()
    process.wait()
    end = time.perf_counter() - start
    return (first_at if first else end), end


def timed_in_terminal(command, cwd, news):
    """Seconds until a terminal shows one of `news` (or the command ends), and to the end."""
    import os
    import pty
    import select
    leader, follower = pty.openpty()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdin=follower, stdout=follower,
                               stderr=follower)
    os.close(follower)
    shown, first_at = b"", None
    while True:
        ready, _, _ = select.select([leader], [], [], 0.01)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                break
            shown += chunk
            if first_at is None and any(n.encode() in shown for n in news):
                first_at = time.perf_counter() - start
        elif process.poll() is not None:
            break
    process.wait()
    os.close(leader)
    end = time.perf_counter() - start
    return (first_at if first_at is not None else end), end


def loop_in_terminal(command, cwd, edited, news):
    """Medians over the rounds of (news shown, end) in a terminal, each after an edit."""
    firsts, ends = [], []
    for number in range(rounds):
        with open(edited, "a") as file:
            file.write(f"// save {number} at {time.time()}\n")
        first, end = timed_in_terminal(command, cwd, news)
        firsts.append(first)
        ends.append(end)
    return statistics.median(firsts), statistics.median(ends)


def loop(command, cwd, edited):
    """Medians over the rounds of (first line, end), each after an edit of `edited`."""
    firsts, ends = [], []
    for number in range(rounds):
        with open(edited, "a") as file:
            file.write(f"// save {number} at {time.time()}\n")
        first, end = timed(command, cwd)
        firsts.append(first)
        ends.append(end)
    return statistics.median(firsts), statistics.median(ends)


def with_contents(path, contents, action):
    kept = path.read_text()
    path.write_text(contents)
    try:
        return action()
    finally:
        path.write_text(kept)


rows = []

# threadlings: the locks exercises solved, each checked after a save.
for stem in ["01_counter", "02_transfer", "03_cache", "04_spinlock"]:
    shutil.copy(course / "solutions/03_locks" / f"{stem}.rs",
                course / "exercises/03_locks" / f"{stem}.rs")
for stem in ["01_counter", "02_transfer", "03_cache", "04_spinlock"]:
    exercise = "locks/" + stem.split("_", 1)[1]
    file = course / "exercises/03_locks" / f"{stem}.rs"
    # One check first, so that the exercise's crate is built once (a learner's first save is
    # the same, once per exercise).
    timed([grader, "check", exercise], course)
    first, end = loop([grader, "check", exercise], course, file)
    rows.append((f"threadlings check {exercise}, correct file", first, end))
    # In a terminal, the first useful line is the progress line's news: no error in the file.
    first, end = loop_in_terminal([grader, "check", exercise], course, file,
                                  ["no error in your file", "passed", "failed"])
    rows.append(("  … in a terminal (first line: no error in the file)", first, end))

counter = course / "exercises/03_locks/01_counter.rs"
broken = counter.read_text().replace("pub fn get(&self) -> u64 {",
                                     "pub fn get(&self) -> u64 { let _: u32 = \"zero\";", 1)
first, end = with_contents(counter, broken,
                           lambda: loop([grader, "check", "locks/counter"], course, counter))
rows.append(("threadlings check locks/counter, compile error", first, end))

# rustlings: threads2 solved (the edits the exercise's TODOs ask for), then after a save.
threads2 = rustlings_dir / "exercises/20_threads/threads2.rs"
solved = (threads2.read_text()
          .replace("use std::{sync::Arc,", "use std::{sync::{Arc, Mutex},")
          .replace("Arc::new(JobStatus { jobs_done: 0 })",
                   "Arc::new(Mutex::new(JobStatus { jobs_done: 0 }))")
          .replace("status_shared.jobs_done += 1;", "status_shared.lock().unwrap().jobs_done += 1;")
          .replace("todo!()", "status.lock().unwrap().jobs_done"))
threads2.write_text(solved)
timed([rustlings, "run", "threads2"], rustlings_dir)
first, end = loop([rustlings, "run", "threads2"], rustlings_dir, threads2)
rows.append(("rustlings run threads2, correct file", first, end))
broken = solved.replace("let mut handles = Vec::new();",
                        "let _: u32 = \"zero\";\n    let mut handles = Vec::new();", 1)
threads2.write_text(broken)
first, end = loop([rustlings, "run", "threads2"], rustlings_dir, threads2)
rows.append(("rustlings run threads2, compile error", first, end))
threads2.write_text(solved)

print(f"\n{'after a save (median of ' + str(rounds) + ')':<52} {'first line':>11} {'verdict':>9}")
for name, first, end in rows:
    print(f"{name:<52} {first:>10.2f}s {end:>8.2f}s")
