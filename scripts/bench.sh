#!/usr/bin/env bash
# Measures the learner's loop and the author's check on this machine, and prints a table:
#   1. cold `check --all` on a fresh clone (the exercises' dependencies built from nothing),
#   2. re-checking an unchanged section (answered from the cache),
#   3. re-checking a section after editing one exercise (that one is graded again),
#   4. `grader verify` of the whole course, cold;
#   5. the learner's loop after a save beside rustlings's, in the same run
#      (scripts/bench-loop.py): rustlings is built from its published crate, and both are timed
#      to the first line of feedback and to the verdict, for a correct file and a compile error.
# Usage: scripts/bench.sh [--loop-only]   (takes several minutes; run it on an otherwise idle
# machine). --loop-only measures 5 alone, after the one cold check it needs.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
loop_only=false
[ "${1:-}" = "--loop-only" ] && loop_only=true

cargo build --quiet --release -p grader --manifest-path "$repo/Cargo.toml"
grader="$repo/target/release/grader"

git clone --quiet "$repo" "$work/clone"
cd "$work/clone"
export THREADLINGS_BUILD_DIR="$work/build"

seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s.%N)
    python3 -c "print($end - $start)"
}

cold=$(seconds "$grader" check --all)

# rustlings, from its published crate, in a course folder of its own.
cargo install --quiet --locked rustlings --version 6.5.0 --root "$work/rustlings-bin"
(cd "$work" && "$work/rustlings-bin/bin/rustlings" init > /dev/null)
loop_table=$(python3 "$repo/scripts/bench-loop.py" "$grader" "$work/clone" \
    "$work/rustlings-bin/bin/rustlings" "$work/rustlings")
git checkout --quiet -- exercises
if $loop_only; then
    printf '%s\n' "$loop_table"
    exit 0
fi

unchanged=$(seconds "$grader" check locks)
echo "// an edit" >> exercises/03_locks/01_counter.rs
edited=$(seconds "$grader" check locks)
# The stub fails its tests, so the grader exits 1 here: only its JSON matters.
tests_only=$( ("$grader" check locks/counter --format json || true) | python3 -c \
    'import json,sys; r=json.load(sys.stdin); print(sum(t["duration_ms"] for t in r["exercises"][0]["tests"]) / 1000)')
rm -rf "$work/build"
verify=$(seconds "$grader" verify)

printf '\n%-58s %10s\n' "measurement ($(nproc) cores, $(uname -m))" "seconds"
printf '%-58s %10.2f\n' "cold check --all on a fresh clone" "$cold"
printf '%-58s %10.2f\n' "re-check of an unchanged section (locks)" "$unchanged"
printf '%-58s %10.2f\n' "re-check after editing one exercise (locks/counter)" "$edited"
printf '%-58s %10.2f\n' "  of which that exercise's own tests ran" "$tests_only"
printf '%-58s %10.2f\n' "cold verify of the whole course" "$verify"
printf '%s\n' "$loop_table"
