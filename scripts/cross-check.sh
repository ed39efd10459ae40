#!/usr/bin/env bash
# Checks that the course compiles for macOS (Apple silicon and Intel) and Windows (MSVC) from
# this Linux machine, with no linker and no SDK: the workspace with all its targets, then every
# exercise crate the grader generates (each solution, stub, alternative and mutant, and the
# model-checked build of each for the exercises with model tests).
#
#   scripts/cross-check.sh [--all-targets-everywhere] [TARGET...]
#
# What depends on the system in a generated crate is the harness and the hidden tests, programs
# and model tests compiled against it; a stub, alternative or mutant differs from its solution
# only in the learner's file, which uses the standard library alone. So each exercise's solution
# crates are checked with all their targets (hidden tests, `bin/` programs, model tests) and
# every other crate's learner file (`--lib`), which is what can differ from one of them to the
# next. That the hidden tests compile against every mutant's and alternative's API is proven on
# Linux by `grader verify`, and an API does not change with the target. With
# `--all-targets-everywhere`, every crate is checked with all its targets, as the letter of the
# claim asks (half as long again: CI runs the default).
#
# It needs Debian's rustc-web, cargo-web and rust-web-src (Rust 1.96 with the standard library's
# source): `cargo check -Zbuild-std` builds std for each target from that source. The pinned
# toolchain has no std for those targets, and rustup cannot fetch one here. Exits non-zero on the
# first error.
set -euo pipefail
cd "$(dirname "$0")/.."

everywhere=false
if [ "${1:-}" = --all-targets-everywhere ]; then
    everywhere=true
    shift
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(aarch64-apple-darwin x86_64-apple-darwin x86_64-pc-windows-msvc)

for tool in /usr/bin/rustc /usr/bin/cargo; do
    [ -x "$tool" ] || { echo "cross-check: $tool is missing: apt-get install rustc-web cargo-web rust-web-src" >&2; exit 2; }
done
[ -d "$(/usr/bin/rustc --print sysroot)/lib/rustlib/src/rust/library" ] \
    || { echo "cross-check: the standard library's source is missing: apt-get install rust-web-src" >&2; exit 2; }

# Debian's cargo and compiler for the targets, not the rustup proxy (which would read
# rust-toolchain.toml and pick the pinned toolchain, which has no std source for them). Only for
# those checks: the grader that writes the crates, and the native check, use the pinned toolchain
# (exported, RUSTC would rebuild the grader with Debian's compiler, and again after).
cross_cargo() { RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc /usr/bin/cargo "$@"; }
target_flags=()
for target in "${targets[@]}"; do target_flags+=(--target "$target"); done
out="$PWD/target/cross-check"

echo "== the workspace, for ${targets[*]}"
RUSTFLAGS="-D warnings" cross_cargo check --quiet -Zbuild-std=std,panic_abort "${target_flags[@]}" \
    --workspace --all-targets --target-dir "$out/workspace"

echo "== every exercise crate the grader generates, for ${targets[*]}"
generated="$out/generated"
THREADLINGS_BUILD_DIR="$generated" cargo run --quiet -p grader -- verify --write-only

# Which crates get which targets checked.
shopt -s nullglob
solutions=()
for crate in "$generated"/crates/*--solution "$generated"/crates/*--solution--model; do
    solutions+=(-p "$(basename "$crate")")
done
# check_generated CARGO TARGET_DIR [FLAGS...]: checks the generated crates with CARGO and prints
# cargo's output; sets cargo_failed when a cargo run failed (some crates are meant to fail).
check_generated() {
    local cargo="$1" target_dir="$2"
    shift 2
    cargo_failed=false
    local selections=("--workspace --all-targets")
    $everywhere || selections=("--workspace --lib" "${solutions[*]} --all-targets")
    for selection in "${selections[@]}"; do
        # shellcheck disable=SC2086 # a selection is several arguments, none with spaces
        (cd "$generated" && "$cargo" check --quiet --keep-going "$@" $selection \
            --target-dir "$target_dir" 2>&1) || cargo_failed=true
    done
}

# Some of those crates are meant not to compile: the model-checked build (`*--model`) of a file
# that uses what the model checker cannot explore (a `static` lock, `thread::sleep`), which the
# grader then judges by its stress tests alone, with a note. It decides that on the learner's own
# system by building, so what must hold is that each target refuses exactly the crates Linux
# refuses, and that only `--model` crates of files other than the solutions are refused.
failures() { { grep -oE 'could not compile `[^`]+`' | sed -E 's/.*`(.+)`/\1/' || true; } | sort -u; }
echo "   (natively first, to learn which model-checked builds are refused)"
check_generated cargo "$out/generated-native" > "$out/native.log"
failures < "$out/native.log" > "$out/native-refused"
if grep -v -- '--model$' "$out/native-refused" || grep -- '--solution--model$' "$out/native-refused"; then
    cat "$out/native.log" >&2
    echo "cross-check: the crates above do not compile even for Linux" >&2
    exit 1
fi
if $cargo_failed && [ ! -s "$out/native-refused" ]; then
    cat "$out/native.log" >&2
    echo "cross-check: cargo failed before checking the generated crates" >&2
    exit 1
fi
# The generated workspace pins the course's toolchain; Debian's cargo reads no rust-toolchain.toml.
check_generated cross_cargo "$out/generated-target" -Zbuild-std=std,panic_abort \
    "${target_flags[@]}" > "$out/cross.log"
failures < "$out/cross.log" > "$out/cross-refused"
if ! cmp -s "$out/native-refused" "$out/cross-refused"; then
    cat "$out/cross.log" >&2
    echo "cross-check: for ${targets[*]}, these crates are refused where Linux builds them (>) or built where Linux refuses them (<):" >&2
    diff "$out/native-refused" "$out/cross-refused" >&2 || true
    exit 1
fi
if $cargo_failed && [ ! -s "$out/cross-refused" ]; then
    cat "$out/cross.log" >&2
    echo "cross-check: cargo failed for ${targets[*]} before checking the generated crates" >&2
    exit 1
fi
what="solutions with all their targets, the other crates' learner files"
$everywhere && what="all their targets"
echo "cross-check: the workspace and $(ls "$generated/crates" | wc -l) generated crates ($what) compile for ${targets[*]}" \
    "(and, as on Linux, $(wc -l < "$out/native-refused") model-checked builds of unmodelled files are refused)"
