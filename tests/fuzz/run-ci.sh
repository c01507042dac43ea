#!/bin/sh
# Run each libFuzzer harness for a while on its seed corpus (CI: about 30 s
# each). Sets up and builds the fuzz build directory first if needed.
#
#   tests/fuzz/run-ci.sh [SECONDS] [BUILD_DIR]      (defaults: 30, build-fuzz)
#
# FUZZ_SEED=N fixes libFuzzer's random seed (CI uses one, so that a run
# repeats what a longer run with the same seed has already gone through).
# New inputs go to a scratch folder, not to the seed corpus. A crash, leak,
# timeout or sanitizer report fails the run; the input is kept in
# $FUZZ_ARTIFACTS (default BUILD_DIR/fuzz-artifacts) and printed in hex, so
# that it can be copied to fixtures/fuzz-seeds/ from the CI log.
set -eu
secs=${1:-30}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${2:-$root/build-fuzz}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
artifacts=${FUZZ_ARTIFACTS:-$build/fuzz-artifacts}
harnesses=${FUZZ_HARNESSES:-text markdown html rules pipeline verify}

if [ ! -f "$build/build.ninja" ]; then
    CC=clang meson setup "$build" "$root" -Db_sanitize=address,undefined -Db_lundef=false \
        -Dc_args='-fsanitize=fuzzer-no-link -fno-sanitize-recover=all' -Dfuzzers=true
fi
# Only the harnesses (and what they link): a warning elsewhere does not stop them.
targets=
for h in $harnesses; do
    if [ "$h" = verify ] && ! grep -q 'ws_ctx_add_source_text' "$root/include/whosaid.h"; then
        continue # not in the library yet
    fi
    targets="$targets fuzz_$h"
done
meson compile -C "$build" $targets

# Also when the build was set up without -fno-sanitize-recover.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
mkdir -p "$artifacts"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=
for t in $targets; do
    h=${t#fuzz_}
    mkdir -p "$scratch/$h"
    log=$artifacts/fuzz_$h.log
    echo "== fuzz_$h: $secs s"
    if "$build/tests/fuzz/fuzz_$h" -max_total_time="$secs" -seed="${FUZZ_SEED:-0}" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -dict="$root/tests/fuzz/dict/$h.dict" \
        -artifact_prefix="$artifacts/$h-" "$scratch/$h" "$root/tests/fuzz/corpus/$h" >"$log" 2>&1; then
        grep -E '^#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::peak_rss_mb' "$log" | tr '\n' ' '
        echo
    else
        failed="$failed $h"
        echo "FAIL: fuzz_$h"
        tail -n 60 "$log"
        for a in "$artifacts/$h"-*; do
            [ -f "$a" ] || continue
            echo "-- $a ($(wc -c <"$a") bytes):"
            od -An -tx1 -v "$a" | head -n 64
        done
    fi
done
if [ -n "$failed" ]; then
    echo "fuzzers failed:$failed (inputs in $artifacts)"
    exit 1
fi
echo "all fuzzers ran clean"
