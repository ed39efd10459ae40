#!/usr/bin/env bash
# Gradescope runs this once, as root, when the autograder image is built. The zip holds this
# repository; Gradescope unpacks it to /autograder/source.
set -euo pipefail
source_dir=${AUTOGRADER_ROOT:-/autograder}/source

apt-get update
apt-get install -y --no-install-recommends ca-certificates curl build-essential git

# rustup, then the toolchain rust-toolchain.toml pins (rustup reads it on first use).
curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs \
    | sh -s -- -y --profile minimal --default-toolchain none
# shellcheck source=/dev/null
source "$HOME/.cargo/env"
cd "$source_dir"
rustup show active-toolchain || rustup toolchain install

cargo build --release --locked -p grader
# Grade the stubs once, so that the exercises' dependencies are built into the image and a
# submission only compiles its own files.
THREADLINGS_BUILD_DIR="$source_dir/target/threadlings" \
    ./target/release/grader check --all --format json > /dev/null || true
