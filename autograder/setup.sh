#!/usr/bin/env bash
# Gradescope runs this once, as root, when the autograder image is built (and a PrairieLearn
# image's Dockerfile can run it the same way). The zip holds this repository; Gradescope
# unpacks it to /autograder/source. It leaves:
#
# - the toolchain rust-toolchain.toml pins, in /usr/local/rustup and /usr/local/cargo, readable
#   by everyone (the learner user runs cargo and rustc);
# - the unprivileged user `threadlings` (THREADLINGS_USER), which every submission's code runs as;
# - the grader, built in /autograder/source, which then becomes root's alone;
# - /autograder/build, the build folder with the exercises' dependencies compiled (its target/
#   the learner user's), so that a submission compiles only its own files.
set -euo pipefail
root=${AUTOGRADER_ROOT:-/autograder}
source_dir="$root/source"
build_dir="$root/build"
user=${THREADLINGS_USER:-threadlings}

apt-get update
apt-get install -y --no-install-recommends ca-certificates curl build-essential git util-linux

if ! id -u "$user" > /dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user"
fi

# rustup, then the toolchain rust-toolchain.toml pins (rustup reads it on first use), where the
# learner user can run them.
export RUSTUP_HOME=/usr/local/rustup CARGO_HOME=/usr/local/cargo
export PATH="$CARGO_HOME/bin:$PATH"
curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs \
    | sh -s -- -y --profile minimal --default-toolchain none --no-modify-path
cd "$source_dir"
rustup show active-toolchain || rustup toolchain install
cargo build --release --locked -p grader
# Every dependency the build folder needs, downloaded now: the learner user cannot write the
# registry, and grading has no network.
cargo fetch --locked
chmod -R a+rX "$RUSTUP_HOME" "$CARGO_HOME"

# Grade the stubs once, as the learner user will grade submissions, so that the exercises'
# dependencies are built into the image; the first build may take longer than a check's budget.
mkdir -p "$build_dir/target"
chown -R "$user": "$build_dir/target"
THREADLINGS_BUILD_DIR="$build_dir" ./target/release/grader check --all --format json \
    --as-user "$user" --budget 86400 > /dev/null || true

# From now on the source (solutions, hidden tests, the grader and its binary) is root's alone.
chmod 700 "$source_dir"
