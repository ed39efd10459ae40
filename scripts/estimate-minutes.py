#!/usr/bin/env python3
"""Estimates each exercise's `minutes` (course.yaml) from what can be measured in the course.

For every exercise, in course order, it measures:

  words   the words of the stub's opening `//!` comment: what the learner reads first;
  lines   the lines of code the reference solution has that the stub does not (comments and
          blank lines left out): what the learner writes;
  checks  the hidden tests and compile-fail cases: each one a behaviour the learner must get
          right, and a failure they may have to read and fix;
  new     the std tools (from TOOLS below) the solution uses that no earlier solution in the
          course used: what the learner must look up in the lesson for the first time;

and prints them with the estimate

  minutes = words / 100 + lines + checks + 5 * new, rounded to 5, at least 10

whose rates are assumptions, not measurements: a careful read of about 100 words a minute,
about a minute per line of concurrent code written and made to compile, about a minute per
hidden check, and about five minutes per tool met for the first time. INSTRUCTORS.md says how
the estimates were checked against timed attempts, and how to recalibrate them from a class.

Usage: scripts/estimate-minutes.py [--yaml]   (--yaml prints `id: minutes` lines only)
"""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# The std tools a learner meets in the course, each a regular expression over a solution.
TOOLS = {
    "thread::spawn": r"\bspawn\(",
    "thread::scope": r"\bscope\(",
    "thread::Builder": r"\bBuilder::new\(",
    "JoinHandle::join": r"\.join\(\)",
    "panic payloads": r"downcast_ref|resume_unwind",
    "catch_unwind": r"catch_unwind",
    "Arc": r"\bArc\b",
    "Mutex": r"\bMutex\b",
    "RwLock": r"\bRwLock\b",
    "Condvar": r"\bCondvar\b",
    "wait_timeout": r"wait_timeout",
    "notify_all": r"notify_all",
    "atomics": r"\bAtomic(Bool|Usize|U64|U32|I64|Ptr)\b",
    "compare_exchange": r"compare_exchange|try_update|fetch_update",
    "Acquire/Release": r"Ordering::(Acquire|Release|AcqRel)|\b(Acquire|Release)\b",
    "UnsafeCell": r"\bUnsafeCell\b",
    "unsafe impl": r"unsafe impl",
    "MaybeUninit": r"\bMaybeUninit\b",
    "PhantomData": r"\bPhantomData\b",
    "Drop guard": r"impl(<[^>]*>)? Drop for",
    "split_at_mut": r"split_at_mut|chunks_mut",
    "mpsc": r"\bmpsc\b",
    "crossbeam-channel": r"crossbeam_channel",
    "select!": r"select!",
    "Instant deadlines": r"\bInstant\b",
    "thread_local!": r"thread_local!",
    "Cell": r"\bCell<",
    "RefCell": r"\bRefCell\b",
    "LocalKey::try_with": r"try_with",
    "park": r"\bpark(_timeout)?\(",
    "OnceLock": r"\bOnceLock\b",
    "thread::current": r"thread::current|ThreadId",
    "dyn Any": r"\bdyn Any\b",
}


def code_lines(path):
    """The file's lines of code: no comments, no blank lines, trailing comments cut."""
    lines = []
    for line in path.read_text().splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("//"):
            continue
        lines.append(re.sub(r"\s+//.*$", "", line))
    return lines


def written_lines(stub, solution):
    """Lines of code of the solution that the stub does not have (diff's added lines)."""
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp, "stub.rs"), Path(tmp, "solution.rs")
        a.write_text("\n".join(code_lines(stub)) + "\n")
        b.write_text("\n".join(code_lines(solution)) + "\n")
        out = subprocess.run(["diff", str(a), str(b)], capture_output=True, text=True).stdout
    return sum(1 for line in out.splitlines() if line.startswith("> "))


def stub_words(stub):
    """Words of the stub's opening `//!` comment."""
    words = 0
    for line in stub.read_text().splitlines():
        if not line.startswith("//!"):
            break
        words += len(line[3:].split())
    return words


def hidden_checks(stem):
    """Tests listed in `hidden_tests![…]`, plus compile-fail cases."""
    folder = ROOT / "grader" / "hidden" / stem
    tests = (folder / "tests.rs").read_text()
    listed = re.search(r"hidden_tests!\[(.*?)\]", tests, re.S)
    count = len([n for n in listed.group(1).split(",") if n.strip()]) if listed else 0
    compile_fail = folder / "compile_fail"
    if compile_fail.is_dir():
        count += len(list(compile_fail.glob("*.rs")))
    return count


def exercises():
    """(section, id, path) in course order, read from course.yaml without a YAML library."""
    section = None
    pending = None
    for line in (ROOT / "course.yaml").read_text().splitlines():
        m = re.match(r"  - id: (\w+)$", line)
        if m:
            section = m.group(1)
            continue
        m = re.match(r"      - id: (\w+)$", line)
        if m:
            pending = m.group(1)
            continue
        m = re.match(r"        path: (exercises/\S+\.rs)$", line)
        if m and pending:
            yield section, pending, m.group(1)
            pending = None


def estimate(words, lines, checks, new):
    raw = words / 100 + lines + checks + 5 * new
    return max(10, int(5 * round(raw / 5)))


def main():
    yaml_only = "--yaml" in sys.argv[1:]
    seen = set()
    if not yaml_only:
        print(f"{'exercise':<28} {'words':>5} {'lines':>5} {'checks':>6} {'new':>3}  minutes  new tools")
    for section, ident, path in exercises():
        stub = ROOT / path
        stem = path[len("exercises/") : -len(".rs")]
        solution = ROOT / "solutions" / f"{stem}.rs"
        text = solution.read_text()
        used = {name for name, pattern in TOOLS.items() if re.search(pattern, text)}
        new = sorted(used - seen)
        seen |= used
        words, lines, checks = stub_words(stub), written_lines(stub, solution), hidden_checks(stem)
        minutes = estimate(words, lines, checks, len(new))
        if yaml_only:
            print(f"{section}/{ident}: {minutes}")
        else:
            row = (
                f"{section + '/' + ident:<28} {words:>5} {lines:>5} {checks:>6} {len(new):>3}  "
                f"{minutes:>7}  {', '.join(new)}"
            )
            print(row.rstrip())


if __name__ == "__main__":
    main()
