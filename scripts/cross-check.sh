#!/usr/bin/env bash
# Checks that the course compiles for macOS (Apple silicon and Intel) and Windows (MSVC) from
# this Linux machine: the workspace with all its targets, then every exercise crate the grader
# generates (each solution, stub, alternative and mutant, with its hidden tests, programs and
# model tests), with no linker and no SDK.
#
#   scripts/cross-check.sh [TARGET...]
#
# It needs Debian's rustc-web, cargo-web and rust-web-src (Rust 1.96 with the standard library's
# source): `cargo check -Zbuild-std` builds std for each target from that source. The pinned
# toolchain has no std for those targets, and rustup cannot fetch one here. Exits non-zero on the
# first error.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(aarch64-apple-darwin x86_64-apple-darwin x86_64-pc-windows-msvc)

for tool in /usr/bin/rustc /usr/bin/cargo; do
    [ -x "$tool" ] || { echo "cross-check: $tool is missing: apt-get install rustc-web cargo-web rust-web-src" >&2; exit 2; }
done
[ -d "$(/usr/bin/rustc --print sysroot)/lib/rustlib/src/rust/library" ] \
    || { echo "cross-check: the standard library's source is missing: apt-get install rust-web-src" >&2; exit 2; }

# Debian's compiler, not the rustup proxy (which would read rust-toolchain.toml and pick the
# pinned toolchain, which has no std source for these targets).
export RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc
target_flags=()
for target in "${targets[@]}"; do target_flags+=(--target "$target"); done
out="$PWD/target/cross-check"

echo "== the workspace, for ${targets[*]}"
RUSTFLAGS="-D warnings" /usr/bin/cargo check --quiet -Zbuild-std=std,panic_abort "${target_flags[@]}" \
    --workspace --all-targets --target-dir "$out/workspace"

echo "== every exercise crate the grader generates, for ${targets[*]}"
generated="$out/generated"
THREADLINGS_BUILD_DIR="$generated" cargo run --quiet -p grader -- verify --write-only

# Some of those crates are meant not to compile: the model-checked build (`*--model`) of a file
# that uses what the model checker cannot explore (a `static` lock, `thread::sleep`), which the
# grader then judges by its stress tests alone, with a note. It decides that on the learner's own
# system by building, so what must hold is that each target refuses exactly the crates Linux
# refuses, and that only `--model` crates are refused.
failures() { grep -oE 'could not compile `[^`]+`' | sed -E 's/.*`(.+)`/\1/' | sort -u; }
echo "   (natively first, to learn which model-checked builds are refused)"
(cd "$generated" && cargo check --quiet --keep-going --workspace --all-targets \
    --target-dir "$out/generated-native" 2>&1 || true) | failures > "$out/native-refused"
if grep -v -- '--model$' "$out/native-refused"; then
    echo "cross-check: the crates above do not compile even for Linux" >&2
    exit 1
fi
status=0
# The generated workspace pins the course's toolchain; Debian's cargo reads no rust-toolchain.toml.
(cd "$generated" && /usr/bin/cargo check --quiet --keep-going -Zbuild-std=std,panic_abort \
    "${target_flags[@]}" --workspace --all-targets --target-dir "$out/generated-target" \
    > "$out/cross.log" 2>&1) || status=$?
failures < "$out/cross.log" > "$out/cross-refused"
if ! cmp -s "$out/native-refused" "$out/cross-refused"; then
    cat "$out/cross.log" >&2
    echo "cross-check: for ${targets[*]}, these crates are refused where Linux builds them (>) or built where Linux refuses them (<):" >&2
    diff "$out/native-refused" "$out/cross-refused" >&2 || true
    exit 1
fi
if [ "$status" -ne 0 ] && [ ! -s "$out/cross-refused" ]; then
    cat "$out/cross.log" >&2
    echo "cross-check: cargo failed for ${targets[*]} before checking the generated crates" >&2
    exit 1
fi
echo "cross-check: the workspace and $(ls "$generated/crates" | wc -l) generated crates compile for ${targets[*]}" \
    "(and, as on Linux, $(wc -l < "$out/native-refused") model-checked builds of unmodelled files are refused)"
