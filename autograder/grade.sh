#!/usr/bin/env bash
# Grades one submission for an autograder platform, as root, with the learner's code unprivileged.
# run_autograder (Gradescope) and run_prairielearn call it with their platform's layout:
#
#   grade.sh --format gradescope|prairielearn --source DIR --build DIR --submission DIR \
#            --results FILE [--metadata FILE]
#
# What it guarantees:
# - Only the learner's exercise files are taken from the submission (`grader import`: regular
#   files whose paths match course.yaml's exercises; no link, no course.yaml, no hidden test).
# - The grader runs as root and starts everything that compiles or runs learner code as the
#   unprivileged user $THREADLINGS_USER (default `threadlings`, created by setup.sh): cargo,
#   rustc and every test. That user can read the build folder (the course's stubs and the
#   generated crates) but not the source folder (solutions, hidden tests' source, the grader's
#   source and binary), nor write the results: only root writes them.
# - No process of the learner's outlives grading: the grader kills every process of that user
#   after each exercise, and this script does it once more when the grader has ended, however
#   it ended.
#
# THREADLINGS_USER set to the empty string grades as the current user instead (a simulation by
# an unprivileged developer, or the project's own tests); as root with no such user, nothing is
# graded and the results say why. GRADER_BIN names the grader (default: the source's release
# build).
set -uo pipefail

format=gradescope
source_dir=""
build_dir=""
submission=""
results=""
metadata=""
while [ $# -gt 0 ]; do
    case "$1" in
        --format) format="$2"; shift 2 ;;
        --source) source_dir="$2"; shift 2 ;;
        --build) build_dir="$2"; shift 2 ;;
        --submission) submission="$2"; shift 2 ;;
        --results) results="$2"; shift 2 ;;
        --metadata) metadata="$2"; shift 2 ;;
        *) echo "grade.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
grader=${GRADER_BIN:-"$source_dir/target/release/grader"}
user=${THREADLINGS_USER-threadlings}
results_dir=$(dirname "$results")
mkdir -p "$results_dir"

# The results of a run that could not grade: the learner gets 0 and a reason, never nothing.
fail() {
    local reason=$1
    case "$format" in
        prairielearn)
            printf '{"gradable": false, "score": 0, "message": "%s", "tests": []}\n' "$reason" > "$results" ;;
        *)
            printf '{"score": 0, "execution_time": 0, "output": "%s", "tests": []}\n' "$reason" > "$results" ;;
    esac
}

as_user=()
if [ -n "$user" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        fail "The autograder must run as root to grade as the user $user. No points were given; please tell your instructor."
        exit 0
    fi
    if ! id -u "$user" > /dev/null 2>&1; then
        fail "The autograder is not set up: there is no user $user to run submissions as (setup.sh creates it). No points were given; please tell your instructor."
        exit 0
    fi
    as_user=(--as-user "$user")
    # What the learner's code must not read or write.
    chmod 700 "$source_dir"
    chown root: "$results_dir"
    chmod 755 "$results_dir"
    [ -n "$metadata" ] && [ -f "$metadata" ] && chmod 600 "$metadata"
    # cargo runs as the user, and writes only in the build folder's target/.
    mkdir -p "$build_dir/target"
    if [ "$(stat -c %U "$build_dir/target")" != "$user" ]; then
        chown -R "$user": "$build_dir/target"
    fi
    chmod 755 "$build_dir"
fi

# Kills every process of the learner user: a shell running as that user signals every process
# it may (`kill -1`), which is all of that user's but itself.
end_learner_processes() {
    [ -n "$user" ] || return 0
    for _ in 1 2 3; do
        setpriv --reuid="$user" --regid="$user" --clear-groups /bin/sh -c 'kill -KILL -1 2>/dev/null; exit 0'
    done
}

# A clean course: course.yaml, the stubs and the lesson folders from the autograder's own copy.
# The solutions stay out, so that no submission can compile them in.
work=$(mktemp -d)
trap 'end_learner_processes; rm -rf "$work"' EXIT
chmod 755 "$work"
course="$work/course"
mkdir -p "$course"
cp "$source_dir/course.yaml" "$source_dir/Cargo.lock" "$source_dir/rust-toolchain.toml" "$course/"
cp -R "$source_dir/exercises" "$source_dir/crates" "$course/"

# The submission's time, against which releases and due dates are judged (a regrade next week
# does not make an on-time submission late).
metadata_args=()
if [ -n "$metadata" ] && [ -f "$metadata" ]; then
    metadata_args=(--submission-metadata "$metadata")
fi

export THREADLINGS_BUILD_DIR="$build_dir"
"$grader" --course "$course/course.yaml" import "$submission"
"$grader" --course "$course/course.yaml" check --all --format "$format" --output "$results" \
    "${as_user[@]}" "${metadata_args[@]}"
status=$?
end_learner_processes

# The grader writes results.json even when grading fails; if it could not even start, say so.
if [ ! -s "$results" ]; then
    fail "The autograder could not run the grader (exit status $status). No points were given; please tell your instructor."
fi
chmod 644 "$results"
# Any verdict, passing or not, is a successful autograder run.
exit 0
