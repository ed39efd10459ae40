#!/usr/bin/env bash
# Measures the learner's loop and the author's check on this machine, and prints a table:
#   1. cold `check --all` on a fresh clone (the exercises' dependencies built from nothing),
#   2. re-checking an unchanged section (answered from the cache),
#   3. re-checking a section after editing one exercise (that one is graded again),
#   4. `grader verify` of the whole course, cold.
# Usage: scripts/bench.sh   (takes several minutes; run it on an otherwise idle machine)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

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
