#!/usr/bin/env bash
# Time to verdict of the course's deadlocking mutants (those a classes.yaml lists under
# `deadlock`): copies each over its exercise in a clone of the course, checks it once to build it,
# then again to time it, and prints one line per mutant: the check's wall time and each failing
# test's status, seconds and kind.
# Usage: scripts/bench-deadlocks.sh [GRADER]   (the grader binary; by default, built here)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
grader=${1:-}
if [ -z "$grader" ]; then
    cargo build --quiet -p grader --manifest-path "$repo/Cargo.toml"
    grader="${CARGO_TARGET_DIR:-$repo/target}/debug/grader"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone --quiet "$repo" "$work/clone"
export THREADLINGS_BUILD_DIR="$work/build"
cd "$work/clone"
for classes in grader/hidden/*/*/classes.yaml; do
    dir=$(dirname "$classes")
    path=${dir#grader/hidden/}
    id=$(awk -v path="exercises/$path.rs" '
        /^  - id:/ { section = $3 } /^      - id:/ { exercise = $3 }
        $1 == "path:" && $2 == path { print section "/" exercise }' course.yaml)
    mutants=$(sed -n 's/^ *deadlock: \[\(.*\)\].*/\1/p' "$classes" | tr -d ' ' | tr ',' ' ')
    for mutant in $mutants; do
        git checkout --quiet -- exercises
        cp "$dir/mutants/$mutant.rs" "exercises/$path.rs"
        "$grader" check "$id" --format json > /dev/null 2>&1 || true
        echo "// timed" >> "exercises/$path.rs"
        start=$(date +%s.%N)
        "$grader" check "$id" --format json > "$work/verdict.json" 2> /dev/null || true
        end=$(date +%s.%N)
        python3 - "$work/verdict.json" "$id" "$mutant" "$start" "$end" <<'PY'
import json, sys
path, id, mutant, start, end = sys.argv[1:]
exercise = json.load(open(path))["exercises"][0]
failing = [t for t in exercise["tests"] if t["status"] != "passed"]
print(f"{id}\t{mutant}\twall={float(end) - float(start):.2f}s\tfailing={len(failing)}\t" + "; ".join(
    f'{t["name"]}:{t["status"]}:{t["duration_ms"] / 1000:.2f}s:{t.get("failure_kind")}'
    for t in failing))
PY
    done
done
