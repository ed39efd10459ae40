#!/usr/bin/env bash
# Builds the harness's tests for Windows (x86_64-pc-windows-gnu) and runs them under Wine: the
# unit tests (forced preemption by SuspendThread, the CPU clocks, the probes) and
# tests/verdict.rs (the verdict line printed by run_main, one test per process).
#
# Installs nothing. It needs Debian's rustc-web, cargo-web and rust-web-src (a compiler with the
# standard library's source, to build std for the target), wine64 and gcc-mingw-w64-x86-64:
#   apt-get install rustc-web cargo-web rust-web-src
#   apt-get install --no-install-recommends wine64 gcc-mingw-w64-x86-64
# Exits non-zero if a test fails (or cannot be built or run). Outputs go to $out_dir/*.log.
set -euo pipefail
cd "$(dirname "$0")/.."

target=x86_64-pc-windows-gnu
target_dir=${WINE_TARGET_DIR:-target/wine}
wine=/usr/lib/wine/wine64
mkdir -p "$target_dir"
target_dir=$(cd "$target_dir" && pwd)
out_dir="$target_dir/logs"
mkdir -p "$out_dir"

for tool in "$wine" /usr/bin/rustc /usr/bin/cargo x86_64-w64-mingw32-gcc; do
    if ! command -v "$tool" > /dev/null; then
        echo "wine-harness: $tool is missing; see the packages at the top of $0" >&2
        exit 2
    fi
done

# Debian's compiler, not the rustup proxy: the pinned toolchain has no standard library source.
echo "== building the harness's tests for $target"
RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc /usr/bin/cargo test --no-run \
    -Zbuild-std=std,panic_abort --target "$target" -p threadlings-harness \
    --config "target.$target.linker=\"x86_64-w64-mingw32-gcc\"" \
    --target-dir "$target_dir" --message-format=json > "$out_dir/build.json"
# The test executables (not the example, which tests/verdict.rs runs itself).
mapfile -t tests < <(grep '"test":true' "$out_dir/build.json" | grep -o '"executable":"[^"]*"' \
    | sed 's/"executable":"//; s/"$//' | sort -u)
if [ "${#tests[@]}" -eq 0 ]; then
    echo "wine-harness: cargo built no test executable" >&2
    exit 1
fi

# Wine 8 lacks bcryptprimitives.dll, which std imports: a one-function stand-in, beside every
# executable (the tests run examples/verdict.exe too).
echo "== building the ProcessPrng stand-in"
shim="$target_dir/bcryptprimitives.dll"
x86_64-w64-mingw32-gcc -shared -O2 -o "$shim" scripts/wine/processprng.c -ladvapi32
for folder in "$target_dir/$target/debug/deps" "$target_dir/$target/debug/examples"; do
    cp "$shim" "$folder/"
done

export WINEPREFIX="${WINEPREFIX:-$target_dir/prefix}"
export WINEDEBUG=-all
status=0
for exe in "${tests[@]}"; do
    name=$(basename "$exe" .exe)
    log="$out_dir/$name.log"
    echo "== $name (output in $log)"
    # Wine passes a program's standard output on reliably only to a file.
    if "$wine" "$exe" --test-threads=1 > "$log" 2>&1; then
        grep -E '^test |^test result:' "$log" || true
    else
        echo "   failed:"
        grep -E '^test |^test result:|panicked|FAILED' "$log" || tail -20 "$log"
        status=1
    fi
done
exit "$status"
