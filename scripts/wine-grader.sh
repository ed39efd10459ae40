#!/usr/bin/env bash
# Runs the grader's platform tests as a Windows program under Wine: test processes in Job
# Objects, a child and its grandchild killed with their job, crash and exit statuses, thread
# counts, the lock and randomness. The platform module (grader/src/platform.rs and
# grader/src/platform/) is compiled alone, in a scratch crate, for x86_64-pc-windows-gnu with
# Debian's Rust and MinGW, so that nothing else of the grader has to build for Windows first.
#
# Installs nothing. Needs Debian's rustc-web, cargo-web, rust-web-src (Rust 1.96, whose
# standard library is rebuilt for the target), wine64 and gcc-mingw-w64-x86-64.
#
# Usage: scripts/wine-grader.sh [TEST FILTER]   (default: platform::)
# Exit status: 0 when every test passed, 1 when one failed, 2 when a tool is missing.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
filter="${1:-platform::}"
target=x86_64-pc-windows-gnu
wine=/usr/lib/wine/wine64
wineserver=/usr/lib/wine/wineserver
# Out of the repository's own target folder: this build has a standard library of its own.
target_dir="${WINE_GRADER_TARGET_DIR:-$root/target/wine-grader}"

missing() {
    echo "wine-grader: $1 is missing (apt-get install $2)" >&2
    exit 2
}
[ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] || missing "Debian's Rust" "rustc-web cargo-web"
[ -d "$(/usr/bin/rustc --print sysroot)/lib/rustlib/src/rust/library" ] ||
    missing "the standard library's source" rust-web-src
[ -x "$wine" ] || missing "Wine" wine64
command -v x86_64-w64-mingw32-gcc > /dev/null || missing MinGW gcc-mingw-w64-x86-64

scratch="$(mktemp -d)"
export WINEPREFIX="${WINEPREFIX:-$target_dir/wineprefix}"
export WINEDEBUG=-all
# No Mono or Gecko installer at the prefix's first start: nothing here needs them.
export WINEDLLOVERRIDES="mscoree,mshtml="
cleanup() {
    # Nothing may be left running: not a test process, not Wine's server.
    "$wineserver" -k 2> /dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

# The scratch crate: the platform module and its tests, with the grader's own dependencies of
# it at the versions the course's Cargo.lock pins.
mkdir -p "$scratch/src"
ln -s "$root/grader/src/platform.rs" "$scratch/src/platform.rs"
ln -s "$root/grader/src/platform" "$scratch/src/platform"
cp "$root/Cargo.lock" "$scratch/Cargo.lock"
cat > "$scratch/src/main.rs" << 'RUST'
//! The grader's platform module alone, to run its tests under Wine (scripts/wine-grader.sh).
#![allow(dead_code)]
mod platform;
fn main() {}
RUST
{
    printf '[package]\nname = "grader-platform"\nversion = "0.0.0"\nedition = "2024"\n'
    printf 'publish = false\n\n[dependencies]\n'
    # Every dependency of the platform module, as the grader's manifest declares it.
    grep -E '^getrandom' "$root/grader/Cargo.toml"
    awk '/^\[target\.'"'"'cfg\((unix|windows)\)'"'"'\.dependencies\]/ { on = 1; print ""; print; next }
         /^\[/ { on = 0 }
         on' "$root/grader/Cargo.toml" | sed 's/^libc.workspace = true/libc = "0.2"/'
    printf '\n[dev-dependencies]\ntempfile = "3"\n\n[workspace]\n'
} > "$scratch/Cargo.toml"

echo "== building the platform tests for $target"
(
    cd "$scratch"
    RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc /usr/bin/cargo test --no-run \
        -Zbuild-std=std,panic_abort --target "$target" \
        --config "target.$target.linker=\"x86_64-w64-mingw32-gcc\"" \
        --target-dir "$target_dir" --message-format=json-render-diagnostics
) > "$scratch/build.json"
exe="$( (grep -o '"executable":"[^"]*grader_platform[^"]*\.exe"' "$scratch/build.json" || true) |
    tail -n 1 | sed 's/^"executable":"//; s/"$//')"
[ -n "$exe" ] || {
    echo "wine-grader: cargo built no test executable" >&2
    exit 1
}

# Wine 8 has no bcryptprimitives.dll; the one-function stand-in goes beside the executable
# (where the tests' own re-executions of it look first, too).
x86_64-w64-mingw32-gcc -shared -O2 -o "$(dirname "$exe")/bcryptprimitives.dll" \
    "$root/scripts/wine/processprng.c" -ladvapi32

# What Wine cannot show: Wine 8 accepts a Job Object's memory limit but does not enforce it (an
# allocation past it succeeds), so the test of that cap is left to Windows itself.
unenforced=platform::tests::a_memory_cap_the_system_enforces_stops_an_allocation
echo "== $(basename "$exe") $filter, under $("$wine" --version)"
echo "   (not run: $unenforced; Wine does not enforce a job's memory limit)"
# A Windows program's standard output reaches the shell reliably only through a file.
set +e
"$wine" "$exe" "$filter" --skip "$unenforced" --test-threads=1 > "$scratch/out.txt" 2>&1
status=$?
set -e
cat "$scratch/out.txt"
if [ "$status" -ne 0 ] || ! grep -q '^test result: ok\.' "$scratch/out.txt"; then
    echo "wine-grader: the platform tests failed under Wine (status $status)" >&2
    exit 1
fi
