#!/usr/bin/env bash
# Runs a command inside the limits of an autograder's container: a CPU quota and a memory limit,
# enforced by a cgroup of its own (cgroup v1 or v2), which is removed afterwards.
#
#   scripts/container.sh [--cpus 0.5] [--memory 768M] -- COMMAND [ARGS...]
#
# Gradescope's default container has half a CPU and 768 MB; PrairieLearn's external graders are
# of the same order. Needs root (or a delegated cgroup) and a writable cgroup file system; exits
# with status 77 and says why when there is none, so that a caller can tell "could not simulate"
# from "the command failed". The command's own exit status is passed on.
set -euo pipefail

cpus=0.5
memory=768M
while [ $# -gt 0 ]; do
    case "$1" in
        --cpus) cpus="$2"; shift 2 ;;
        --memory) memory="$2"; shift 2 ;;
        --) shift; break ;;
        *) echo "container.sh: unknown option $1 (usage: container.sh [--cpus N] [--memory SIZE] -- COMMAND...)" >&2; exit 2 ;;
    esac
done
[ $# -gt 0 ] || { echo "container.sh: no command given" >&2; exit 2; }

# 0.5 CPUs is a quota of 50 000 µs in every period of 100 000 µs.
period=100000
quota=$(awk -v c="$cpus" 'BEGIN { printf "%d", c * 100000 }')
bytes=$(numfmt --from=iec "${memory%B}")

name="threadlings-$$"
cleanup_dirs=()
cleanup() {
    for dir in "${cleanup_dirs[@]}"; do
        # Processes left inside move to the parent, so that the folder can go.
        if [ -f "$dir/cgroup.procs" ]; then
            parent=$(dirname "$dir")
            while read -r pid; do echo "$pid" > "$parent/cgroup.procs" 2>/dev/null || true; done < "$dir/cgroup.procs"
        fi
        rmdir "$dir" 2>/dev/null || true
    done
}
trap cleanup EXIT

join=()
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
    # cgroup v2: one folder, both limits.
    dir="/sys/fs/cgroup/$name"
    mkdir "$dir" 2>/dev/null || { echo "container.sh: cannot create $dir (not root, or no delegated cgroup)" >&2; exit 77; }
    cleanup_dirs+=("$dir")
    echo "$quota $period" > "$dir/cpu.max"
    echo "$bytes" > "$dir/memory.max"
    echo 0 > "$dir/memory.swap.max" 2>/dev/null || true
    join+=("$dir")
elif [ -d /sys/fs/cgroup/cpu ] && [ -d /sys/fs/cgroup/memory ]; then
    # cgroup v1: one folder per controller.
    cpu="/sys/fs/cgroup/cpu/$name"
    mem="/sys/fs/cgroup/memory/$name"
    mkdir "$cpu" "$mem" 2>/dev/null || { echo "container.sh: cannot create $cpu and $mem (not root?)" >&2; exit 77; }
    cleanup_dirs+=("$cpu" "$mem")
    echo "$period" > "$cpu/cpu.cfs_period_us"
    echo "$quota" > "$cpu/cpu.cfs_quota_us"
    echo "$bytes" > "$mem/memory.limit_in_bytes"
    echo "$bytes" > "$mem/memory.memsw.limit_in_bytes" 2>/dev/null || true
    join+=("$cpu" "$mem")
else
    echo "container.sh: no cgroup file system at /sys/fs/cgroup" >&2
    exit 77
fi

echo "container.sh: running with $cpus CPU and $memory of memory: $*" >&2
set +e
# The command runs in a child shell that joins the cgroup first, so that everything it starts is
# inside too.
bash -c 'while [ "$1" != "--" ]; do echo $$ > "$1/cgroup.procs"; shift; done; shift; exec "$@"' \
    container "${join[@]}" -- "$@"
status=$?
set -e
exit "$status"
